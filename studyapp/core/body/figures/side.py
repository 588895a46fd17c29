"""The whole body seen from the patient's left side, front to the viewer's left, the left arm raised
overhead so that the axilla and the side of the chest show.

Frames (drawing units are about a millimetre of an adult 1.75 m tall, standing on y = FLOOR_Y):

- `chest-side`: the lateral chest and flank; the apex of the axilla to the free end of the 11th rib
  is 12 cun (the vertical cun of the side of the chest). Across is measured from the midaxillary
  line with the same cun, + anterior.
- `front-trunk`: the front of the trunk in profile: suprasternal notch 17, xiphisternal junction 8,
  umbilicus 0, upper border of the pubic symphysis -5. Across from the midaxillary line, + anterior.
- `hip` and `thigh`: the prominence of the greater trochanter 19 cun above the popliteal crease, the
  gluteal fold 14 above it. Across is measured from the groove behind the iliotibial band.
- `lower-leg`: the popliteal crease 16 cun above the prominence of the lateral malleolus. Across is
  measured from the vertical through the malleolus, + anterior.
- `arm`: the raised arm: the anterior axillary fold 0, the cubital crease 9, the wrist crease 21.
"""

from __future__ import annotations

from studyapp.core.body.builder import FigureBuilder
from studyapp.core.body.geometry import Frame, Ruler
from studyapp.core.body.views import Figure, View

ORDER = 50
FLOOR_Y = 2240.0
X0 = 320.0  # the midaxillary line, carried down the figure as its vertical axis
AXILLA_Y, RIB11_Y = FLOOR_Y - 1320, FLOOR_Y - 1080
NOTCH_Y, XIPHOID_Y, UMBILICUS_Y, SYMPHYSIS_Y = FLOOR_Y - 1415, FLOOR_Y - 1235, FLOOR_Y - 1040, FLOOR_Y - 900
TROCHANTER_Y, POPLITEAL_Y, MALLEOLUS_Y = FLOOR_Y - 900, FLOOR_Y - 475, FLOOR_Y - 62
GLUTEAL_FOLD_Y = POPLITEAL_Y - 14 * (POPLITEAL_Y - TROCHANTER_Y) / 19
FOLD_Y, CUBITAL_Y, WRIST_Y = FLOOR_Y - 1440, FLOOR_Y - 1710, FLOOR_Y - 1968
GROOVE_X = X0 + 15  # the groove behind the iliotibial band (thigh: across 0)
ARM_X = X0 + 6  # the axis of the raised arm
# Ribs 4-10 where they cross the midaxillary line, in the chest's cun (the spaces between them are
# the intercostal spaces: the 4th 3 cun and the 6th 6 cun below the apex of the axilla).
RIBS = {4: -2.25, 5: -3.75, 6: -5.25, 7: -6.75, 8: -8.25, 9: -9.6, 10: -10.8}
# How far each rib descends going forwards from the midaxillary line (cun per cun): the upper ribs
# run nearly level to the front (the 4th space is about level with the nipple), the lower ones slope
# down to the costal margin; behind the line they all rise towards the spine.
RIB_SLOPES = {4: 0.08, 5: 0.12, 6: 0.17, 7: 0.22, 8: 0.27, 9: 0.32, 10: 0.36}
# The fibula leans forwards going down, from its head (behind) to the lateral malleolus: its axis is
# this many cun further back per cun up the lower leg; its borders lie 0.31 cun either side.
FIBULA_LEAN, FIBULA_HALF_WIDTH = 0.0524, 0.31
RIB_ENDS = {4: (-3.0, 5.3), 5: (-3.3, 5.2), 6: (-3.6, 5.0), 7: (-3.9, 4.35), 8: (-4.1, 3.5), 9: (-4.2, 2.7),
            10: (-4.0, 1.7)}  # how far back and forwards each is drawn, in cun from the midaxillary line


def rib_drop(number: int, across: float) -> float:
    """How much lower rib `number` is `across` cun in front of the midaxillary line (negative: behind)."""
    if across < 0:
        return RIB_SLOPES[number] * across - 0.05 * across * across
    return RIB_SLOPES[number] * across + 0.012 * (across * across - across)


def fibula(level: float, offset: float) -> float:
    """The across (lower-leg cun, + anterior) of a line `offset` cun in front of the fibula's axis."""
    return -FIBULA_LEAN * level + offset


def build() -> Figure:
    draw = FigureBuilder("side", 620, 2270, side="left")
    chest, front, hip, thigh, leg, arm = "chest-side", "front-trunk", "hip", "thigh", "lower-leg", "arm"

    # Landmarks that define the frames.
    draw.landmark("axilla-apex", "apex of the axilla", chest, X0, AXILLA_Y)
    draw.landmark("rib-11-end", "free end of the 11th rib", chest, X0 - 10, RIB11_Y)
    draw.landmark("suprasternal-notch", "suprasternal notch", front, X0 - 66, NOTCH_Y, shown=False)
    draw.landmark("xiphisternal-junction", "xiphisternal junction", front, X0 - 110, XIPHOID_Y, shown=False)
    draw.landmark("umbilicus", "centre of the umbilicus", front, X0 - 101, UMBILICUS_Y)
    draw.landmark("pubic-symphysis", "upper border of the pubic symphysis", front, X0 - 90, SYMPHYSIS_Y,
                  shown=False)
    draw.landmark("greater-trochanter", "prominence of the greater trochanter", thigh, X0 + 10, TROCHANTER_Y)
    draw.landmark("gluteal-fold", "gluteal fold", thigh, X0 + 92, GLUTEAL_FOLD_Y, shown=False)
    draw.landmark("popliteal-crease-lateral", "popliteal crease (lateral end)", leg, X0 + 36, POPLITEAL_Y)
    draw.landmark("lateral-malleolus", "prominence of the lateral malleolus", leg, X0, MALLEOLUS_Y)
    draw.landmark("axillary-fold", "anterior axillary fold (on the arm)", arm, X0 - 56, FOLD_Y, shown=False)
    draw.landmark("cubital-crease", "cubital crease", arm, X0 - 36, CUBITAL_Y, shown=False)
    draw.landmark("wrist-crease", "wrist crease", arm, X0 - 24, WRIST_Y, shown=False)

    chest_ruler = Ruler(((-12.0, RIB11_Y), (0.0, AXILLA_Y)))
    draw.frame(Frame(chest, "y", chest_ruler, ("superior", "inferior"), ("anterior", "posterior"),
                     across_zero=X0, across_sign=-1))
    front_ruler = Ruler(((-5.0, SYMPHYSIS_Y), (0.0, UMBILICUS_Y), (8.0, XIPHOID_Y), (17.0, NOTCH_Y)))
    draw.frame(Frame(front, "y", front_ruler, ("superior", "inferior"), ("anterior", "posterior"),
                     across_zero=X0, across_sign=-1))
    thigh_ruler = Ruler(((0.0, POPLITEAL_Y), (14.0, GLUTEAL_FOLD_Y), (19.0, TROCHANTER_Y)))
    draw.frame(Frame(thigh, "y", thigh_ruler, ("proximal", "distal"), ("anterior", "posterior"),
                     across_zero=GROOVE_X, across_sign=-1))
    draw.frame(Frame(hip, "y", thigh_ruler, ("superior", "inferior"), ("anterior", "posterior"),
                     across_zero=GROOVE_X, across_sign=-1))
    draw.frame(Frame(leg, "y", Ruler(((0.0, MALLEOLUS_Y), (16.0, POPLITEAL_Y))), ("proximal", "distal"),
                     ("anterior", "posterior"), across_zero=X0, across_sign=-1))
    draw.frame(Frame(arm, "y", Ruler(((0.0, FOLD_Y), (9.0, CUBITAL_Y), (21.0, WRIST_Y))), ("distal", "proximal"),
                     ("anterior", "posterior"), across_zero=ARM_X, across_sign=-1))

    draw.measure(chest, "axilla-apex", "rib-11-end", 12)
    draw.measure(front, "suprasternal-notch", "xiphisternal-junction", 9)
    draw.measure(front, "xiphisternal-junction", "umbilicus", 8)
    draw.measure(front, "umbilicus", "pubic-symphysis", 5)
    draw.measure(thigh, "greater-trochanter", "popliteal-crease-lateral", 19)
    draw.measure(thigh, "gluteal-fold", "popliteal-crease-lateral", 14)
    draw.measure(leg, "popliteal-crease-lateral", "lateral-malleolus", 16)
    draw.measure(arm, "axillary-fold", "cubital-crease", 9)
    draw.measure(arm, "cubital-crease", "wrist-crease", 12)

    # Landmarks the locations name, placed in cun.
    for number, name in ((4, "4th"), (5, "5th"), (6, "6th"), (7, "7th")):
        level = (RIBS[number] + RIBS[number + 1]) / 2
        draw.landmark_at(f"ics{number}-midaxillary", f"{name} intercostal space", chest,
                         level, 0, shown=number in (4, 6))
    draw.landmark_at("rib-12-end", "free end of the 12th rib", chest, -13.2, -1.8)
    draw.landmark_at("asis", "anterior superior iliac spine", front, -3.0, 3.04)
    draw.landmark_at("iliac-crest-top", "highest point of the iliac crest", hip, 24.0, 0.9, shown=False)
    draw.landmark_at("sacral-hiatus", "sacral hiatus", hip, 21.0, -4.47)
    draw.landmark_at("middle-fingertip", "where the tip of the middle finger rests (arms hanging at the sides)",
                     thigh, 9.0, 0.0, shown=False)
    draw.landmark_at("itb-groove-high", "groove behind the iliotibial band", thigh, 16.0, 0.0, shown=False)
    draw.landmark_at("itb-groove-low", "groove behind the iliotibial band (above the knee)", thigh, 1.5, 0.0,
                     shown=False)
    draw.landmark_at("femur-lateral-epicondyle", "lateral epicondyle of the femur", thigh, 1.0, 0.45)
    draw.landmark_at("fibula-head", "head of the fibula", leg, 14.8, -0.78)
    # Just in front of and just behind the fibula: the lines GB-35..39 are placed on.
    for key, sign, border in (("anterior", 1, "in front of the anterior border of the fibula"),
                              ("posterior", -1, "behind the posterior border of the fibula")):
        for level, where in ((13.5, "high"), (1.5, "low")):
            draw.landmark_at(f"fibula-{key}-{where}", border, leg, level,
                             fibula(level, sign * (FIBULA_HALF_WIDTH + 0.2)), shown=False)

    # The body's edge (the raised arm included): down the front from the neck, round the foot, up the
    # back and the back of the arm, round the hand, down the front of the arm to the forehead, and
    # down the face. The arm hides the ear and the crown; the occiput shows behind it.
    trunk_front = draw.cun_points(chest, [
        (4.75, 3.6), (3.5, 5.0), (1.0, 5.9), (-1.8, 6.25), (-3.0, 6.4), (-3.3, 6.5), (-3.75, 6.3), (-4.75, 5.8),
        (-8.5, 5.4), (-13.0, 5.45), (-13.95, 5.2), (-14.6, 5.55), (-17.0, 5.6), (-19.25, 5.3), (-20.75, 4.8),
        (-22.5, 4.4)])
    thigh_front = draw.cun_points(thigh, [(14.53, 4.6), (10.95, 4.43), (7.38, 4.07), (4.69, 3.62), (3.13, 3.35),
                                          (1.56, 3.53), (0.13, 3.4)])
    leg_round = draw.cun_points(leg, [
        (14.64, 2.17), (13.09, 1.94), (9.22, 1.7), (5.35, 1.47), (3.02, 1.36), (1.78, 1.47), (1.08, 1.94),
        (0.62, 3.1), (0.0, 4.65), (-0.66, 6.2), (-1.16, 7.28), (-1.63, 8.02), (-2.09, 8.14), (-2.32, 7.75),
        (-2.4, 6.59), (-2.32, 4.65), (-2.25, 2.32), (-2.36, 0.0), (-2.36, -1.08), (-1.94, -1.78), (-1.16, -2.01),
        (-0.08, -1.78), (1.28, -1.16), (2.63, -1.05), (4.18, -1.16), (6.51, -1.63), (8.83, -2.25), (10.77, -2.56),
        (12.32, -2.48), (13.87, -2.17), (14.84, -1.86), (15.81, -1.74)])
    thigh_back = draw.cun_points(thigh, [(0.67, -1.34), (2.01, -1.48), (4.02, -1.65), (7.82, -2.28), (11.85, -3.0),
                                         (13.9, -3.67), (14.98, -4.78), (17.66, -5.59), (20.34, -5.23),
                                         (22.58, -4.34)])
    back = draw.cun_points(chest, [(-14.0, -4.6), (-11.0, -4.75), (-7.0, -5.4), (-3.0, -5.75)])
    arm_back = draw.cun_points(arm, [(-4.67, -3.57), (-2.33, -3.33), (0.0, -2.73), (2.67, -2.13), (3.5, -2.07)])
    occiput = draw.cun_points(chest, [(12.25, -3.9), (15.0, -4.6), (18.5, -4.0), (19.6, -3.0)])
    hand = draw.cun_points(arm, [
        (12.72, -2.0), (16.91, -1.58), (20.86, -1.3), (24.35, -1.77), (27.6, -1.67), (30.4, -0.84), (30.86, 0.28),
        (30.16, 1.49), (27.14, 2.14), (23.88, 2.05), (20.63, 1.53), (15.98, 1.81), (11.33, 1.95)])
    face = draw.cun_points(chest, [
        (21.0, 1.9), (20.75, 2.6), (20.05, 3.55), (18.0, 4.9), (16.9, 5.2), (16.25, 5.0), (14.6, 6.3), (14.0, 5.4),
        (13.4, 5.5), (12.9, 5.2), (12.5, 5.4), (11.0, 5.1), (10.1, 4.1), (9.75, 2.75), (7.5, 3.1)])
    draw.outline(trunk_front + thigh_front + leg_round + thigh_back + back + arm_back + occiput + hand + face)

    # The front of the raised arm, running down into the anterior axillary fold; its back in front of
    # the occiput; the arch of the axilla between the anterior and the posterior fold.
    draw.stroke(draw.cun_points(arm, [(10.4, 2.05), (8.67, 1.53), (5.33, 1.67), (1.33, 1.83), (-0.67, 2.13),
                                      (-2.6, 2.8), (-4.0, 3.6), (-5.0, 4.4)]), "outline")
    draw.stroke(draw.cun_points(arm, [(9.09, -2.51), (6.0, -1.87), (3.5, -2.07)]), "outline")
    draw.stroke(draw.cun_points(chest, [(0.1, 5.0), (0.7, 3.0), (1.0, 1.0), (0.9, -1.0), (0.25, -3.0),
                                        (-0.75, -4.75), (-1.5, -5.65)]), "outline")
    draw.stroke(draw.cun_points(arm, [(9.0, 1.53), (9.3, 1.0)]), "detail")  # the cubital crease
    draw.stroke(draw.cun_points(arm, [(21.0, 1.45), (21.2, 0.5)]), "detail")  # the wrist crease
    for across in (1.0, 0.1, -0.8):  # the fingers
        draw.stroke(draw.cun_points(arm, [(27.0, across), (29.8, across + 0.05)]), "detail")

    # The face: eye, brow, nostril, lips.
    draw.stroke(draw.cun_points(chest, [(16.45, 4.55), (16.6, 4.25), (16.45, 3.95)]), "detail")
    draw.stroke(draw.cun_points(chest, [(17.2, 4.95), (17.35, 4.4), (17.25, 3.9)]), "detail")
    draw.stroke(draw.cun_points(chest, [(14.45, 5.55), (14.7, 5.25), (14.4, 5.05)]), "detail")
    draw.stroke(draw.cun_points(chest, [(12.95, 5.2), (12.95, 4.75)]), "detail")

    # The side of the chest: ribs 4-10 (dashed), the midaxillary line (dotted), the costal margin,
    # the free ends of the 11th and 12th ribs.
    for number, level in RIBS.items():
        back_end, front_end = RIB_ENDS[number]
        spots = (back_end, back_end / 2, 0.0, front_end / 3, 2 * front_end / 3, front_end)
        draw.stroke(draw.cun_points(chest, [(level - rib_drop(number, c), c) for c in spots]), "bone")
    draw.stroke(draw.cun_points(chest, [(-0.6, 0.0), (-4.0, 0.0), (-8.0, 0.0), (-11.2, 0.0)]), "hair")
    draw.stroke(draw.cun_points(chest, [(-4.75, 5.6), (-6.8, 4.85), (-8.7, 3.95), (-10.4, 2.75), (-11.45, 1.6)]),
                "bone")
    draw.stroke(draw.cun_points(chest, [(-10.5, -3.3), (-11.2, -1.6), (-11.75, -0.2), (-12.0, 0.5), (-11.85, 0.75)]),
                "bone")
    draw.stroke(draw.cun_points(chest, [(-11.7, -4.3), (-12.5, -3.0), (-13.05, -2.1), (-13.15, -1.65)]), "bone")
    draw.stroke(draw.cun_points(chest, [(-13.98, 5.2), (-14.0, 4.85)]), "detail")  # the umbilicus

    # The hip: the iliac crest from the ASIS back, the greater trochanter, the buttock and its fold.
    draw.stroke(draw.cun_points(chest, [(-18.2, 4.25), (-17.0, 3.4), (-16.0, 2.0), (-15.4, 0.3), (-15.5, -1.8),
                                        (-16.3, -3.4), (-17.5, -4.5)]), "bone")
    draw.stroke(draw.cun_points(chest, [(-18.2, 4.25), (-18.75, 4.05), (-19.2, 3.6)]), "bone")  # below the ASIS
    draw.stroke(draw.cun_points(thigh, [(20.1, 0.3), (19.9, -0.7), (19.1, -1.0), (18.1, -0.6), (17.9, 0.4),
                                        (18.6, 1.2), (19.7, 1.1)]), "bone", closed=True)
    draw.stroke(draw.cun_points(thigh, [(13.9, -3.67), (14.05, -2.8), (14.2, -2.0)]), "detail")
    draw.stroke(draw.cun_points(hip, [(21.5, -4.0), (20.7, -4.35), (19.9, -4.2)]), "detail")  # the cleft's top

    # The thigh: the iliotibial band (its groove behind carries GB-31..33) and biceps femoris.
    draw.stroke(draw.cun_points(thigh, [(17.4, 0.55), (14, 0.3), (8, 0.25), (3.5, 0.3), (1.7, 0.6)]), "detail")
    draw.stroke(draw.cun_points(thigh, [(19.5, 3.4), (16, 2.4), (10, 1.95), (4.5, 1.8), (1.6, 1.75)]) +
                draw.cun_points(leg, [(15.5, 1.2)]), "detail")
    draw.stroke(draw.cun_points(thigh, [(12.5, -2.3), (8, -1.55), (4, -1.0), (1.5, -0.8)]) +
                draw.cun_points(leg, [(15.4, -0.75)]), "detail")

    # The knee: patella and its ligament, the lateral epicondyle, the head of the fibula, the crease.
    draw.stroke(draw.cun_points(thigh, [(2.4, 3.0), (2.2, 3.45), (1.1, 3.55), (0.2, 3.25), (0.25, 2.8),
                                        (1.2, 2.65), (2.2, 2.7)]), "bone", closed=True)
    draw.stroke(draw.cun_points(thigh, [(0.2, 2.85)]) + draw.cun_points(leg, [(15.4, 1.85), (14.6, 1.75)]),
                "detail")
    draw.stroke(draw.cun_points(thigh, [(1.35, 0.45), (1.0, 0.8), (0.65, 0.45), (1.0, 0.1)]), "bone", closed=True)
    draw.stroke(draw.cun_points(leg, [(15.25, -0.75), (14.95, -0.3), (14.4, -0.45), (14.25, -0.95),
                                      (14.75, -1.25)]), "bone", closed=True)
    draw.stroke(draw.cun_points(thigh, [(0.0, -1.3), (0.02, -0.7)]), "detail")
    draw.stroke(draw.cun_points(thigh, [(0.35, 2.45), (0.15, 1.6), (0.1, 0.4), (0.2, -0.6)]), "bone")  # joint line

    # The lower leg: the fibula's anterior and posterior borders down to the malleolus.
    for sign in (1, -1):
        draw.stroke(draw.cun_points(leg, [(level, fibula(level, sign * FIBULA_HALF_WIDTH))
                                          for level in (13.9, 9.0, 4.0, 1.0)]), "bone")

    # The ankle and foot: the lateral malleolus, the base of the 5th metatarsal, the little toe's nail.
    draw.stroke(draw.cun_points(leg, [(0.6, 0.0), (0.25, 0.5), (-0.4, 0.45), (-0.6, -0.05), (-0.25, -0.5),
                                      (0.35, -0.45)]), "bone", closed=True)
    draw.stroke(draw.cun_points(leg, [(-2.09, 2.71), (-1.86, 3.1), (-2.01, 3.56)]), "bone")
    draw.stroke(draw.cun_points(leg, [(-0.93, 6.39), (-1.24, 6.97), (-1.47, 7.59)]), "detail")
    draw.stroke(draw.cun_points(leg, [(-1.36, 7.67), (-1.55, 7.9), (-1.78, 7.98)]), "detail")
    return draw.build()


def views(figure: Figure) -> list[View]:
    return [
        View("trunk-side", "Side of the trunk", figure, (X0 - 200, 880, 400, 540),
             "The left side of the trunk with the arm raised, front to the left: the axilla, the ribs and "
             "intercostal spaces on the midaxillary line, the free ends of the 11th and 12th ribs, the iliac "
             "crest and the anterior superior iliac spine.", side="left"),
        View("hip-side", "Side of the hip", figure, (X0 - 150, 1190, 320, 340),
             "The left hip and buttock seen from the side, front to the left: the iliac crest, the anterior "
             "superior iliac spine, the greater trochanter and the buttock up to the sacral hiatus.", side="left"),
        View("leg-lateral", "Lateral side of the leg", figure, (X0 - 230, 1250, 420, 1010),
             "The left leg seen from the outside, front to the left: the lateral thigh with the iliotibial "
             "band, the knee, the fibula from its head to the lateral malleolus, and the foot.", side="left"),
        View("knee-lateral", "Lateral side of the knee", figure, (X0 - 110, 1640, 220, 300),
             "The left knee seen from the outside, front to the left: the patella, the lateral epicondyle of "
             "the femur, the popliteal crease and the head of the fibula.", side="left"),
    ]
