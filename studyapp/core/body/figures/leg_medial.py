"""The left leg seen from its medial side, front to the right: thigh, knee, lower leg, ankle, foot.

Frames: the thigh (upper border of the pubic symphysis to the base of the patella, 18 cun), the
lower leg (the prominence of the medial malleolus to the lower border of the medial condyle of the
tibia, 13 cun; the popliteal crease 15 cun above the malleolus; the sole 3 cun below it) and the
foot (the lower leg's cun, named as the foot's directions: along is up and down, across is from the
heel to the toes).
"""

from __future__ import annotations

from studyapp.core.body.builder import FigureBuilder
from studyapp.core.body.geometry import Frame, Ruler
from studyapp.core.body.views import Figure, View

ORDER = 80
# Drawing units are about a millimetre of an adult leg: one lower-leg cun is 25 units.
MALLEOLUS_Y, CONDYLE_Y, POPLITEAL_Y, SOLE_Y = 890.0, 565.0, 515.0, 965.0
PATELLA_BASE_Y, SYMPHYSIS_Y = 462.0, 38.0
AXIS_X = 200.0  # the medial malleolus: across is measured from the vertical line through it


def build() -> Figure:
    draw = FigureBuilder("leg-medial", 420, 1000, side="left")
    draw.landmark("medial-malleolus", "prominence of the medial malleolus", "lower-leg", AXIS_X, MALLEOLUS_Y)
    draw.landmark("tibia-medial-condyle", "lower border of the medial condyle of the tibia", "lower-leg",
                  AXIS_X - 15, CONDYLE_Y)
    draw.landmark("popliteal-crease-medial", "medial end of the popliteal crease", "lower-leg", AXIS_X - 44,
                  POPLITEAL_Y)
    draw.landmark("sole", "sole", "foot", AXIS_X - 20, SOLE_Y, shown=False)
    draw.landmark("patella-base-medial", "medial end of the base of the patella", "thigh", AXIS_X + 48, PATELLA_BASE_Y)
    draw.landmark("pubic-symphysis", "level of the upper border of the pubic symphysis", "thigh", AXIS_X - 40,
                  SYMPHYSIS_Y, shown=False)
    leg_ruler = Ruler(((-3.0, SOLE_Y), (0.0, MALLEOLUS_Y), (13.0, CONDYLE_Y), (15.0, POPLITEAL_Y)))
    draw.frame(Frame("lower-leg", "y", leg_ruler, ("proximal", "distal"), ("anterior", "posterior"),
                     across_zero=AXIS_X, across_sign=1))
    draw.frame(Frame("foot", "y", leg_ruler, ("superior", "inferior"), ("anterior", "posterior"),
                     across_zero=AXIS_X, across_sign=1))
    draw.frame(Frame("thigh", "y", Ruler(((0.0, PATELLA_BASE_Y), (18.0, SYMPHYSIS_Y))), ("proximal", "distal"),
                     ("anterior", "posterior"), across_zero=AXIS_X, across_sign=1))
    draw.measure("lower-leg", "tibia-medial-condyle", "medial-malleolus", 13)
    draw.measure("lower-leg", "popliteal-crease-medial", "medial-malleolus", 15)
    draw.measure("lower-leg", "medial-malleolus", "sole", 3)
    draw.measure("thigh", "pubic-symphysis", "patella-base-medial", 18)

    # Landmarks the locations name, placed in the lower leg's cun (the foot: along up, across forward).
    leg = "lower-leg"
    draw.landmark_at("calcaneal-tendon", "calcaneal tendon (anterior border)", leg, 0, -1.5)
    draw.landmark_at("tibia-border-low", "medial border of the tibia", leg, 1.2, -0.2)
    draw.landmark_at("tibia-border-high", "medial border of the tibia (below the condyle)", leg, 12.6, -0.6,
                     shown=False)
    draw.landmark_at("tibia-surface-low", "medial surface of the tibia (centre)", leg, 2, 0.8, shown=False)
    draw.landmark_at("tibia-surface-high", "medial surface of the tibia (centre, upper)", leg, 12, 0.7, shown=False)
    draw.landmark_at("navicular-tuberosity", "tuberosity of the navicular bone", "foot", -1.25, 1.45)
    draw.landmark_at("first-metatarsal-base", "base of the first metatarsal", "foot", -1.8, 2.75)
    draw.landmark_at("first-mtp-joint", "first metatarsophalangeal joint", "foot", -2.1, 5.35)
    # Where the lines of the nail's medial border and of its base meet.
    draw.landmark_at("great-toe-nail-medial", "medial corner of the nail of the great toe", "foot", -1.95, 6.75)
    draw.landmark_at("tibialis-anterior-tendon", "tendon of tibialis anterior", "foot", -0.35, 1.85)
    draw.landmark_at("ankle-crease-front", "front of the ankle crease (where ST-41 lies)", "foot", 0.15, 1.95,
                     shown=False)
    draw.landmark_at("calcaneus-tuberosity", "tuberosity of the calcaneus", "foot", -1.55, -1.9)
    draw.landmark_at("gastrocnemius-medial", "medial head of gastrocnemius", leg, 11, -2.4, shown=False)
    draw.landmark_at("medial-epicondyle-femur", "medial epicondyle of the femur", "thigh", -1.2, -0.45)
    draw.landmark_at("vastus-medialis", "bulge of vastus medialis", "thigh", 2.2, 1.7, shown=False)
    draw.landmark_at("sartorius-gracilis-low", "groove between sartorius and gracilis", "thigh", 2.5, -1.7)
    draw.landmark_at("sartorius-gracilis-high", "groove between sartorius and gracilis (upper)", "thigh", 7, -1.45,
                     shown=False)

    _outline(draw)
    _thigh_and_knee(draw)
    _lower_leg(draw)
    _foot(draw)
    return draw.build()


def _outline(draw: FigureBuilder) -> None:
    """The leg's edge, from the groin down the front, round the toe and the heel, up the back (the
    thigh runs on above the view's top edge)."""
    leg, foot, thigh = "lower-leg", "foot", "thigh"
    front = draw.cun_points(thigh, [
        (15.5, 3.2), (12, 3.25), (8.5, 3.1), (5.5, 2.9), (3.2, 2.68), (1.8, 2.58),
    ]) + draw.cun_points(leg, [
        (17.75, 2.62), (17.1, 2.78), (16.2, 3.0), (15.4, 2.95), (14.8, 2.62), (14.1, 2.45), (13.3, 2.6),
        (12.4, 2.5), (10.5, 2.2), (8, 2.0), (5, 1.8), (2.6, 1.68), (1.1, 1.7),
    ]) + draw.cun_points(foot, [
        (0.35, 1.8), (0.0, 2.0), (-0.3, 2.45), (-0.6, 3.25), (-0.95, 4.2), (-1.3, 5.15), (-1.5, 5.8),
        (-1.58, 6.3), (-1.66, 6.95), (-1.8, 7.4), (-2.05, 7.65),
    ])
    sole = draw.cun_points(foot, [
        (-2.32, 7.76), (-2.62, 7.68), (-2.84, 7.45), (-2.92, 7.05), (-2.84, 6.6), (-2.78, 6.4), (-2.88, 6.05),
        (-2.99, 5.4),
        (-2.97, 4.6), (-2.78, 3.75), (-2.6, 2.7), (-2.6, 1.4), (-2.78, 0.3), (-2.97, -0.8), (-3.0, -1.75),
        (-2.8, -2.4),
    ])
    back = draw.cun_points(foot, [
        (-2.3, -2.72), (-1.6, -2.68), (-1.0, -2.3), (-0.45, -2.05),
    ]) + draw.cun_points(leg, [
        (0.5, -1.95), (2, -1.98), (3.6, -2.15), (5.2, -2.55), (7, -3.15), (8.8, -3.55), (10.5, -3.68),
        (12.0, -3.5), (13.5, -3.1), (14.6, -2.8), (15.3, -2.75),
    ]) + draw.cun_points(thigh, [
        (0.3, -2.85), (2.5, -3.1), (5.5, -3.45), (9, -3.8), (13, -4.15), (16.2, -4.3), (20.5, -4.25),
        (20.7, 0.0), (20.5, 3.15),
    ])
    draw.outline(front + sole + back)


def _thigh_and_knee(draw: FigureBuilder) -> None:
    thigh, leg = "thigh", "lower-leg"
    # Patella (dashed: bone felt under the skin), its ligament down to the tibial tuberosity.
    draw.stroke(draw.cun_points(leg, [(17.1, 1.92), (17.25, 2.45), (16.9, 2.85), (16.0, 2.95), (15.2, 2.75),
                                      (15.0, 2.4), (15.5, 2.05), (16.4, 1.85)]), "bone", closed=True)
    draw.stroke(draw.cun_points(leg, [(15.0, 2.4), (14.2, 2.2), (13.4, 2.3)]), "detail")
    # The medial epicondyle of the femur, and the condyle of the tibia curving forward from the
    # angle with the tibia's medial border, where SP-9 lies.
    draw.stroke(draw.cun_points(thigh, [(-0.75, -0.1), (-0.95, 0.15), (-1.4, 0.1), (-1.62, -0.4),
                                        (-1.45, -0.9), (-0.95, -0.95)]), "bone", closed=True)
    draw.stroke(draw.cun_points(leg, [(12.6, -0.6), (13.0, -0.6), (13.3, 0.2), (13.5, 1.05), (13.45, 1.85)]),
                "bone")
    # Vastus medialis: the bulge above the medial side of the patella, where SP-10 lies.
    draw.stroke(draw.cun_points(thigh, [(0.55, 2.2), (0.9, 1.05), (2.2, 0.6), (4.5, 0.75), (7.0, 1.5),
                                        (9.5, 2.45)]), "detail")
    # Sartorius, crossing the thigh from the front above to behind the knee below; gracilis lies
    # behind it, and LR-9 in the groove between them.
    draw.stroke(draw.cun_points(thigh, [(15.5, 2.6), (12, 1.35), (9, 0.3), (6, -0.55), (3, -1.05),
                                        (0.3, -1.35)]) + draw.cun_points(leg, [(14.4, -1.4), (13.6, -1.0)]),
                "detail")
    draw.stroke(draw.cun_points(thigh, [(11.5, 0.15), (9, -0.85), (7, -1.45), (4.5, -1.62), (2.5, -1.7),
                                        (0.4, -1.9)]) + draw.cun_points(leg, [(14.3, -1.95), (13.5, -1.55)]),
                "detail")
    # The popliteal crease, from the back of the knee to its medial end (LR-8), the hamstring
    # tendons crossing it (KI-10 behind them).
    draw.stroke(draw.cun_points(leg, [(15.05, -2.75), (14.98, -2.3), (15.0, -1.75)]), "detail")
    draw.stroke(draw.cun_points(thigh, [(3.0, -2.45), (1.0, -2.25)]) + draw.cun_points(leg, [
        (15.0, -2.05), (14.2, -1.95)]), "detail")


def _lower_leg(draw: FigureBuilder) -> None:
    leg = "lower-leg"
    # The medial border of the tibia: SP-6 to SP-9 lie close behind it.
    draw.stroke(draw.cun_points(leg, [(0.75, -0.2), (3, -0.27), (6, -0.39), (9, -0.5), (12.6, -0.6)]), "bone")
    # The calcaneal tendon's front edge; the lower edge of the calf muscles meeting it.
    draw.stroke(draw.cun_points(leg, [(-0.9, -1.62), (0.45, -1.5), (2.5, -1.52), (4.5, -1.62), (6.0, -1.85)]),
                "detail")
    draw.stroke(draw.cun_points(leg, [(5.4, -2.45), (7.3, -1.85), (9.5, -1.5), (11.6, -1.4), (13.2, -1.65)]),
                "detail")


def _foot(draw: FigureBuilder) -> None:
    foot = "foot"
    # The medial malleolus.
    draw.stroke(draw.cun_points(foot, [(0.65, 0.05), (0.35, 0.55), (-0.25, 0.6), (-0.62, 0.1), (-0.45, -0.45),
                                       (0.15, -0.6)]), "bone", closed=True)
    # The tuberosity of the calcaneus, where the tendon ends.
    draw.stroke(draw.cun_points(foot, [(-0.95, -1.62), (-1.35, -2.15), (-2.0, -2.3), (-2.45, -1.95)]), "bone")
    # The navicular tuberosity, and the first metatarsal from its base to its head.
    draw.stroke(draw.cun_points(foot, [(-1.0, 1.2), (-1.05, 1.62), (-1.4, 1.75), (-1.55, 1.4), (-1.35, 1.12)]),
                "bone", closed=True)
    draw.stroke(draw.cun_points(foot, [(-1.45, 2.6), (-1.55, 3.6), (-1.65, 4.7), (-1.7, 5.15), (-2.05, 5.35),
                                       (-2.4, 5.15), (-2.3, 4.6), (-2.1, 3.6), (-2.15, 2.85), (-1.9, 2.5)]),
                "bone", closed=True)
    # Tibialis anterior: down the front of the ankle to the base of the first metatarsal.
    draw.stroke(draw.cun_points(foot, [(1.6, 1.5), (0.4, 1.62), (-0.35, 1.85), (-0.9, 2.2), (-1.45, 2.55)]),
                "detail")
    # The great toe: its nail (base, dorsal edge, free edge, medial border) and the fold at its base.
    draw.stroke(draw.cun_points(foot, [(-1.62, 6.75), (-1.68, 7.15), (-1.82, 7.45), (-2.02, 7.45),
                                       (-2.03, 7.1), (-1.95, 6.75)]), "detail", closed=True)
    draw.stroke(draw.cun_points(foot, [(-1.6, 6.58), (-1.78, 6.55), (-1.98, 6.62)]), "detail")
    # The red-white skin border: where the skin of the sole meets the skin of the side of the foot.
    draw.stroke(draw.cun_points(foot, [(-2.5, -2.5), (-2.45, -1.6), (-2.3, -0.2), (-1.95, 0.8), (-1.7, 1.45),
                                       (-1.9, 2.4), (-2.15, 3.1), (-2.35, 4.1), (-2.4, 5.0), (-2.4, 5.65),
                                       (-2.35, 6.4), (-2.3, 7.1), (-2.25, 7.6)]), "hair")


def views(figure: Figure) -> list[View]:
    return [
        View("leg-medial", "Medial side of the leg", figure, (0, 0, 420, 1000),
             "The left leg seen from the inside, front to the right: the medial thigh with vastus "
             "medialis, sartorius and gracilis, the knee, the medial lower leg with the tibia's medial "
             "border, the ankle and the inner border of the foot.",
             side="left"),
        View("foot-medial", "Medial side of the foot", figure, (120, 800, 290, 185),
             "The left foot and ankle seen from the inside, toes to the right: the medial malleolus, "
             "the calcaneal tendon, the navicular tuberosity, the first metatarsal, the great toe and "
             "the border of the sole's skin.",
             side="left"),
    ]
