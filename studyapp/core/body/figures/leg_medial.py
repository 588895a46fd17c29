"""The left leg seen from its medial side, front to the right: thigh, knee, lower leg, ankle, foot.

Frames: the thigh (upper border of the pubic symphysis to the base of the patella, 18 cun), the
lower leg (the prominence of the medial malleolus to the lower border of the medial condyle of the
tibia, 13 cun; the popliteal crease 15 cun above the malleolus; the sole 3 cun below it) and the
foot (the lower leg's cun, named as the foot's directions).
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
    draw.landmark("popliteal-crease-medial", "popliteal crease (medial end)", "lower-leg", AXIS_X - 66, POPLITEAL_Y)
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

    # Landmarks the locations name, placed in the lower leg's cun.
    leg = "lower-leg"
    draw.landmark_at("calcaneal-tendon", "calcaneal tendon (anterior border)", leg, 0, -1.5)
    draw.landmark_at("tibia-border-low", "medial border of the tibia", leg, 1.2, -0.2)
    draw.landmark_at("tibia-border-high", "medial border of the tibia (below the condyle)", leg, 12.6, -0.65,
                     shown=False)
    draw.landmark_at("tibia-surface-low", "medial surface of the tibia (centre)", leg, 2, 0.8, shown=False)
    draw.landmark_at("tibia-surface-high", "medial surface of the tibia (centre, upper)", leg, 12, 0.7, shown=False)
    draw.landmark_at("navicular-tuberosity", "tuberosity of the navicular bone", "foot", -1.25, 1.45)
    draw.landmark_at("first-metatarsal-base", "base of the first metatarsal", "foot", -1.75, 2.75)
    draw.landmark_at("first-mtp-joint", "first metatarsophalangeal joint", "foot", -2.35, 5.55)
    draw.landmark_at("great-toe-nail-medial", "medial corner of the nail of the great toe", "foot", -2.0, 7.05)
    draw.landmark_at("tibialis-anterior-tendon", "tendon of tibialis anterior", "foot", -0.35, 1.55)
    draw.landmark_at("ankle-crease-front", "front of the ankle crease (where ST-41 lies)", "foot", 0.15, 1.95,
                     shown=False)
    draw.landmark_at("calcaneus-tuberosity", "tuberosity of the calcaneus", "foot", -1.6, -1.6)
    draw.landmark_at("gastrocnemius-medial", "medial head of gastrocnemius", leg, 11, -2.4, shown=False)
    draw.landmark_at("medial-epicondyle-femur", "medial epicondyle of the femur", "thigh", 1.6, -0.6)
    draw.landmark_at("vastus-medialis", "bulge of vastus medialis", "thigh", 2.0, 1.2, shown=False)

    # The leg's edge, from the groin down the front, round the foot, up the back.
    front = [
        draw.at("thigh", 18.2, 3.2), draw.at("thigh", 14, 3.25), draw.at("thigh", 9, 3.15),
        draw.at("thigh", 5, 2.95), draw.at("thigh", 2.2, 2.95), draw.at("thigh", 0.6, 3.0),
        draw.at(leg, 16.2, 2.85), draw.at(leg, 15.0, 2.55), draw.at(leg, 13.9, 2.3),
        draw.at(leg, 12.6, 2.1), draw.at(leg, 9, 1.95), draw.at(leg, 5, 1.85), draw.at(leg, 2, 1.8),
        draw.at("foot", 0.2, 2.0), draw.at("foot", -0.5, 2.5),
        draw.at("foot", -1.1, 4.0), draw.at("foot", -1.55, 5.6), draw.at("foot", -1.75, 6.6),
        draw.at("foot", -1.95, 7.3), draw.at("foot", -2.3, 7.55),
    ]
    sole = [
        draw.at("foot", -2.75, 7.45), draw.at("foot", -2.95, 6.6), draw.at("foot", -3.0, 5.6),
        draw.at("foot", -2.9, 4.4), draw.at("foot", -2.65, 2.9), draw.at("foot", -2.7, 1.2),
        draw.at("foot", -2.95, -0.4), draw.at("foot", -2.95, -1.6), draw.at("foot", -2.6, -2.4),
    ]
    back = [
        draw.at("foot", -1.9, -2.6), draw.at("foot", -1.0, -2.15), draw.at(leg, 0.2, -1.95),
        draw.at(leg, 2.2, -2.0), draw.at(leg, 4.5, -2.35), draw.at(leg, 7, -3.15),
        draw.at(leg, 9.3, -3.6), draw.at(leg, 11.6, -3.55), draw.at(leg, 13.6, -3.05),
        draw.at(leg, 15.0, -2.75), draw.at("thigh", 0.2, -3.05), draw.at("thigh", 3.5, -3.45),
        draw.at("thigh", 8, -3.95), draw.at("thigh", 13, -4.35), draw.at("thigh", 18.2, -4.5),
    ]
    draw.outline(front + sole + back)

    # Bones and creases felt under the skin: faint, as in a textbook chart.
    draw.stroke([draw.at("foot", 0.55, 0.05), draw.at("foot", 0.25, 0.55), draw.at("foot", -0.25, 0.55),
                 draw.at("foot", -0.55, 0.0), draw.at("foot", -0.35, -0.5), draw.at("foot", 0.2, -0.55)],
                "bone", closed=True)
    draw.stroke(draw.cun_points(leg, [(0.6, -0.25), (3, -0.25), (6, -0.35), (9, -0.45), (12.6, -0.65)]), "bone")
    draw.stroke(draw.cun_points(leg, [(12.6, -0.65), (13.0, 0.0), (13.25, 1.0), (13.6, 1.9)]), "bone")
    draw.stroke(draw.cun_points(leg, [(0.5, -1.55), (3, -1.6), (5.5, -1.75)]), "detail")
    draw.stroke(draw.cun_points(leg, [(6.5, -0.95), (9, -1.3), (11.5, -1.45), (13.4, -1.35)]), "detail")
    draw.stroke(draw.cun_points(leg, [(15.0, -2.75), (15.0, -2.1), (14.9, -1.6)]), "detail")
    draw.stroke(draw.cun_points("thigh", [(0.0, 1.05), (0.9, 1.35), (1.8, 2.1), (1.9, 2.9)]), "bone")
    draw.stroke(draw.cun_points("thigh", [(0.0, 1.05), (-0.9, 1.55), (-1.9, 2.3)]), "bone")
    draw.stroke(draw.cun_points("thigh", [(1.2, -1.3), (2.4, -0.2), (4.3, 0.6), (7.5, 0.9)]), "detail")
    draw.stroke(draw.cun_points("thigh", [(1.2, -1.3), (5, -1.2), (10, -0.7), (15, 0.0), (18, 0.5)]), "detail")
    draw.stroke(draw.cun_points("foot", [(-1.0, 1.2), (-1.1, 1.6), (-1.4, 1.7), (-1.5, 1.35), (-1.3, 1.15)]),
                "bone", closed=True)
    draw.stroke(draw.cun_points("foot", [(-2.0, 5.1), (-1.95, 5.55), (-2.2, 5.9), (-2.5, 5.75), (-2.55, 5.2),
                                          (-2.3, 4.95)]), "bone", closed=True)
    draw.stroke(draw.cun_points("foot", [(-1.8, 6.75), (-1.72, 7.1), (-1.88, 7.35)]), "detail")
    draw.stroke(draw.cun_points("foot", [(-1.55, 5.0), (-1.65, 3.6), (-1.8, 2.7), (-2.05, 2.2), (-2.35, 1.6)]),
                "detail")
    draw.stroke(draw.cun_points("foot", [(-2.45, 5.0), (-2.55, 3.4), (-2.4, 2.2), (-2.45, 0.6), (-2.7, -0.8),
                                          (-2.6, -2.1)]), "detail")
    draw.stroke(draw.cun_points("foot", [(0.1, 1.55), (-0.4, 1.6), (-0.8, 2.4), (-1.2, 3.6)]), "detail")
    return draw.build()


def views(figure: Figure) -> list[View]:
    return [
        View("leg-medial", "Medial side of the leg", figure, (0, 0, 420, 1000),
             "The left leg seen from the inside, front to the right: the medial thigh, the knee, the "
             "medial lower leg with the tibia's medial border, the ankle and the inner border of the foot.",
             side="left"),
        View("foot-medial", "Medial side of the foot", figure, (110, 780, 300, 200),
             "The left foot and ankle seen from the inside, toes to the right: the medial malleolus, "
             "the calcaneal tendon, the navicular tuberosity, the first metatarsal and the great toe.",
             side="left"),
    ]
