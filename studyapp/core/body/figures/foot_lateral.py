"""The left foot and ankle seen from the lateral side, toes to the viewer's left.

One frame, the foot's, in the lower leg's cun: the sole is 3 cun below the level of the prominence
of the medial malleolus (on the far side, drawn as a level only), and the lateral malleolus is a
little lower than the medial one. Along is up and down; across runs from the heel to the toes,
measured from the vertical line through the lateral malleolus.
"""

from __future__ import annotations

from studyapp.core.body.builder import FigureBuilder
from studyapp.core.body.geometry import Frame, Ruler
from studyapp.core.body.views import Figure, View

ORDER = 83
CUN = 25.0  # the lower leg's cun, in drawing units (about a millimetre)
SOLE_Y = 272.0
MEDIAL_LEVEL_Y = SOLE_Y - 3 * CUN  # the level of the medial malleolus's prominence
AXIS_X = 232.0  # the lateral malleolus; anterior is to the left
FOOT = "foot"


def build() -> Figure:
    draw = FigureBuilder("foot-lateral", 330, 300, side="left")
    draw.landmark("medial-malleolus-level", "level of the prominence of the medial malleolus", FOOT, AXIS_X,
                  MEDIAL_LEVEL_Y, shown=False)
    draw.landmark("sole", "sole", FOOT, AXIS_X, SOLE_Y, shown=False)
    draw.frame(Frame(FOOT, "y", Ruler(((-3.0, SOLE_Y), (0.0, MEDIAL_LEVEL_Y))), ("superior", "inferior"),
                     ("anterior", "posterior"), across_zero=AXIS_X, across_sign=-1))
    draw.measure(FOOT, "medial-malleolus-level", "sole", 3)
    mark = draw.landmark_at
    mark("lateral-malleolus", "prominence of the lateral malleolus", FOOT, -0.4, 0.0)
    mark("calcaneal-tendon", "calcaneal tendon (anterior border)", FOOT, -0.4, -1.2)
    mark("calcaneus", "calcaneus (lateral side)", FOOT, -1.9, -0.9, shown=False)
    mark("cuboid", "cuboid bone", FOOT, -2.0, 1.5)
    mark("fifth-metatarsal-tuberosity", "tuberosity of the fifth metatarsal", FOOT, -2.35, 2.3)
    mark("fifth-mtp-joint", "fifth metatarsophalangeal joint", FOOT, -2.42, 4.8)
    # Where the lines of the nail's lateral border and of its base meet.
    mark("little-toe-nail-lateral", "lateral corner of the nail of the little toe", FOOT, -2.27, 5.75)
    mark("extensor-digitorum-longus", "tendons of extensor digitorum longus", FOOT, -0.35, 2.75, shown=False)
    mark("sinus-tarsi", "hollow in front of and below the lateral malleolus", FOOT, -0.95, 1.05, shown=False)

    _outline(draw)
    _details(draw)
    return draw.build()


def _outline(draw: FigureBuilder) -> None:
    """The edge: down the front of the leg and the top of the foot, along the sole, round the heel."""
    front = [(5.6, 2.12), (4, 2.12), (2.5, 2.15), (1.1, 2.28), (0.35, 2.55), (-0.15, 3.05), (-0.55, 3.9),
             (-0.95, 4.95), (-1.3, 5.95), (-1.5, 6.6), (-1.62, 7.2), (-1.8, 7.65), (-2.1, 7.95)]
    sole = [(-2.55, 8.0), (-2.85, 7.7), (-2.95, 7.1), (-3.0, 6.2), (-3.0, 4.5), (-3.0, 2.5), (-3.0, 0.5),
            (-2.97, -1.0), (-2.75, -1.85)]
    back = [(-2.25, -2.3), (-1.6, -2.22), (-1.0, -1.85), (-0.45, -1.58), (0.5, -1.5), (2, -1.55),
            (3.5, -1.8), (5.0, -2.1), (5.6, -2.2)]
    draw.outline(draw.cun_points(FOOT, front + sole + back))


def _details(draw: FigureBuilder) -> None:
    # The lateral malleolus: longer than the medial one, reaching lower.
    draw.stroke(draw.cun_points(FOOT, [(0.5, 0.05), (0.25, 0.42), (-0.45, 0.48), (-1.0, 0.25), (-1.22, -0.05),
                                       (-0.95, -0.38), (-0.3, -0.45), (0.25, -0.32)]), "bone", closed=True)
    # The calcaneal tendon's front edge, down to where it meets the calcaneus.
    draw.stroke(draw.cun_points(FOOT, [(4.5, -1.35), (2.0, -1.18), (0.0, -1.18), (-1.1, -1.35),
                                       (-1.5, -1.6)]), "detail")
    # The lower fibula, ending in the malleolus.
    draw.stroke(draw.cun_points(FOOT, [(5.6, 0.28), (3.0, 0.3), (0.45, 0.3)]), "bone")
    draw.stroke(draw.cun_points(FOOT, [(5.6, -0.22), (3.0, -0.24), (0.45, -0.3)]), "bone")
    # The calcaneus, the cuboid and the fifth metatarsal (base with its tuberosity, shaft, head).
    draw.stroke(draw.cun_points(FOOT, [(-1.45, -1.55), (-1.85, -2.05), (-2.5, -1.95), (-2.78, -1.2),
                                       (-2.78, 0.2), (-2.5, 1.05), (-1.8, 1.08), (-1.45, 0.75), (-1.5, 0.1),
                                       (-1.3, -0.7)]), "bone", closed=True)
    draw.stroke(draw.cun_points(FOOT, [(-1.8, 1.12), (-1.65, 1.6), (-1.72, 2.15), (-2.42, 2.2), (-2.55, 1.6),
                                       (-2.5, 1.12)]), "bone", closed=True)
    draw.stroke(draw.cun_points(FOOT, [(-1.8, 2.25), (-1.95, 3.4), (-2.1, 4.45), (-2.12, 4.7), (-2.42, 4.8),
                                       (-2.7, 4.6), (-2.58, 4.0), (-2.52, 3.0), (-2.55, 2.4), (-2.3, 2.2)]),
                "bone", closed=True)
    # Extensor digitorum longus over the front of the ankle and the top of the foot.
    draw.stroke(draw.cun_points(FOOT, [(2.5, 1.95), (0.8, 2.1), (-0.1, 2.55), (-0.55, 3.3), (-0.95, 4.2)]),
                "detail")
    # The toes: the little toe nearest, with its nail; the tips of the fourth and third beyond it.
    draw.stroke(draw.cun_points(FOOT, [(-2.4, 4.3), (-2.12, 4.9), (-2.1, 5.55), (-2.28, 6.05),
                                       (-2.6, 6.25), (-2.88, 6.18), (-2.99, 5.95)]), "outline")
    draw.stroke(draw.cun_points(FOOT, [(-2.12, 5.75), (-2.16, 6.05), (-2.28, 6.1), (-2.3, 5.77)]), "detail",
                closed=True)
    draw.stroke(draw.cun_points(FOOT, [(-2.02, 6.3), (-2.15, 6.7), (-2.45, 6.85), (-2.85, 6.78), (-2.99, 6.55)]),
                "detail")
    draw.stroke(draw.cun_points(FOOT, [(-1.88, 6.95), (-2.02, 7.3), (-2.4, 7.45), (-2.8, 7.38), (-2.97, 7.15)]),
                "detail")
    # The red-white skin border: the skin of the sole meets the skin of the side of the foot, higher
    # round the heel.
    draw.stroke(draw.cun_points(FOOT, [(-2.55, 6.3), (-2.6, 5.6), (-2.6, 5.15), (-2.6, 4.45), (-2.55, 2.65),
                                       (-2.5, 1.3), (-2.3, 0.2), (-1.95, -0.55), (-1.85, -1.3), (-1.95, -2.2)]),
                "hair")


def views(figure: Figure) -> list[View]:
    return [
        View("foot-lateral", "Lateral side of the foot", figure, (18, 122, 292, 162),
             "The left foot and ankle seen from the outside, toes to the left: the lateral malleolus, "
             "the calcaneal tendon, the calcaneus, the cuboid, the fifth metatarsal with its tuberosity "
             "and head, the little toe and its nail, and the border of the sole's skin.",
             side="left"),
    ]
