"""The whole body from the front, in the anatomical position: standing, arms at the sides, palms
forward. Both sides are drawn; the patient's left is on the viewer's right.

Frames (each on the landmarks that are its stations, with their standard proportional cun):
- trunk: the suprasternal notch, the xiphisternal junction, the centre of the umbilicus and the
  upper border of the pubic symphysis (9, 8 and 5 cun); across, 4 cun from the midline to the
  nipple. The intercostal spaces, the costal margin, the free ends of the 11th and 12th ribs, the
  anterior superior iliac spine and the inguinal crease are landmarks placed in its cun.
- thigh: the upper border of the pubic symphysis to the base of the patella, 18 cun.
- lower-leg: the level of the popliteal crease (the knee joint, where ST-35 lies) to the prominence
  of the lateral malleolus, 16 cun (ST-35 to ST-41); lower-leg-medial keeps the medial measures
  (the apex of the patella to the medial malleolus 15 cun, the medial condyle of the tibia 13, the
  sole 3 cun below the malleolus).
- upper-arm (anterior axillary fold to cubital crease, 9 cun), forearm (cubital to wrist crease,
  12 cun) and head (glabella to the anterior hairline 3 cun; the corners of the hairline 9 cun
  apart): drawn for completeness; their points live on the arm and head figures.

The drawing is written in the frames' cun below: tables of (along, across) for the patient's left
half, mirrored to the right.
"""

from __future__ import annotations

from studyapp.core.body.builder import FigureBuilder
from studyapp.core.body.drawing import Point, StrokeKind
from studyapp.core.body.geometry import Frame, Ruler
from studyapp.core.body.views import Figure, View

ORDER = 20
WIDTH, HEIGHT = 660.0, 1790.0
MID_X = 330.0  # the anterior midline; the patient's left is towards +x
# Drawing units are about a millimetre of an adult 1.73 m tall (vertex y 25, sole y 1758).
NOTCH_Y, XIPHOID_Y, UMBILICUS_Y, SYMPHYSIS_Y = 340.0, 520.0, 710.0, 860.0
NIPPLE_DX = 100.0  # 4 cun: one trunk cun across is 25 units
GLABELLA_Y, HAIRLINE_Y, HAIRLINE_CORNER_DX, HAIRLINE_CORNER_Y = 135.0, 75.0, 65.0, 92.0
AXILLARY_FOLD_Y, CUBITAL_Y, WRIST_Y = 422.0, 688.0, 930.0
ARM_DX, FOREARM_DX = 215.0, 238.0  # the arm's and the forearm's middle lines
PATELLA_BASE_Y, PATELLA_APEX_Y, KNEE_LINE_Y = 1235.0, 1290.0, 1297.0
MEDIAL_MALLEOLUS_Y, LATERAL_MALLEOLUS_Y, CONDYLE_Y = 1680.0, 1695.0, 1342.0
KNEE_DX = 88.0  # the middle of the knee and of the ankle: the leg's axis
MEDIAL_MALLEOLUS_DX, LATERAL_MALLEOLUS_DX = 58.0, 118.0
# The levels of the intercostal spaces, in the trunk's cun above the umbilicus. The 1st to 5th are
# read at the sternum (the 5th at the xiphisternal junction, CV-16); the 6th and 7th, which do not
# reach the sternum, on the nipple line. A space is taken as level from
# the sternum out to 6 cun, as acupuncture charts draw them.
INTERCOSTAL = {1: 15.0, 2: 13.25, 3: 11.5, 4: 9.75, 5: 8.0, 6: 6.9, 7: 5.85}
ORDINAL = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh"}
# Across the leg: the borders of the patellar ligament at the knee joint; ST-35 lies 0.5 cun outside.
LIGAMENT_ACROSS, KNEE_EYE_ACROSS = 0.48, 0.5

Table = tuple[str, list[tuple[float, float]]]

# The drawing, the patient's left half, as (along, across) in a frame's cun. The body's edge runs from the
# vertex down the head, the neck and shoulder, round the arm and hand, down the trunk and round the leg and
# foot to the crotch; the other tables are the features inside it.
HEAD_EDGE: Table = ("head", [
    (5.5, 0), (5.3, 2.08), (4.65, 3.74), (3.65, 4.78), (2.25, 5.26), (0.85, 5.33), (0.35, 5.68), (-0.15, 6.02),
    (-0.85, 6.09), (-1.85, 5.88), (-2.65, 5.47), (-3, 4.98), (-3.85, 4.64), (-5.05, 4.22), (-6.15, 4.02)
])
NECK_SHOULDER_EDGE: Table = ("trunk", [
    (20, 2.32), (19.35, 2.88), (18.8, 4.16), (18.45, 5.6), (18.15, 6.88), (17.55, 8), (16.5, 8.84)
])
ARM_LATERAL_EDGE: Table = ("upper-arm", [
    (10.25, 0.64), (8.73, 0.88), (6.7, 1.02), (4.33, 1.02), (1.96, 1.05), (0.34, 1.22)
])
FOREARM_LATERAL_EDGE: Table = ("forearm", [
    (10.02, 1.14), (6.94, 1.44), (3.47, 1.34), (0.89, 1.19), (-0.15, 1.19), (-1.39, 1.69), (-2.98, 2.23),
    (-4.56, 2.53), (-5.95, 2.53), (-6.55, 2.23), (-6.2, 1.93), (-5.26, 1.83), (-6.55, 1.88), (-7.93, 1.79),
    (-8.73, 1.49), (-9.17, 0.89), (-9.42, 0.3), (-9.27, -0.3), (-8.93, -0.89), (-8.38, -1.44), (-7.64, -1.83),
    (-6.45, -2.03), (-4.96, -2.08), (-3.47, -2.03), (-1.59, -1.83), (-0.15, -1.64), (2.48, -1.83), (6.45, -2.18),
    (9.42, -2.48)
])
ARM_MEDIAL_EDGE: Table = ("upper-arm", [
    (-0.07, -1.05), (1.96, -1.18), (5.01, -1.29), (7.38, -1.35), (8.39, -1.42), (8.9, -1.52)
])
TRUNK_SIDE_EDGE: Table = ("trunk", [
    (12.4, 6.6), (10.9, 6.56), (9, 6.52), (6.74, 6.32), (4.63, 6), (2.74, 5.72), (1.26, 5.56), (-0.17, 5.56),
    (-1.5, 5.8), (-2.83, 6.28), (-4.17, 6.8), (-5.4, 7.12)
])
THIGH_LATERAL_EDGE: Table = ("thigh", [
    (15.6, 4.46), (13.2, 4.37), (9.84, 4.03), (6.48, 3.65), (3.6, 3.36), (1.44, 3.17), (-0.48, 2.98)
])
LEG_EDGE: Table = ("lower-leg", [
    (16.68, 2.33), (15.28, 2.17), (14.07, 2.13), (12.26, 2.21), (10.25, 2.21), (7.84, 2.13), (5.43, 1.85),
    (2.81, 1.45), (1.33, 1.17), (0.44, 1.33), (-0.2, 1.45), (-0.68, 1.69), (-1.25, 1.97), (-2.01, 2.09),
    (-2.45, 1.85), (-2.65, 1.65), (-2.65, 1.41), (-2.73, 1.29), (-2.89, 1.05), (-2.85, 0.8), (-2.85, 0.68),
    (-3.02, 0.44), (-2.97, 0.16), (-2.93, 0), (-3.1, -0.32), (-3.02, -0.64), (-2.93, -0.8), (-3.14, -1.21),
    (-3.02, -1.69), (-2.61, -1.93), (-2.01, -1.93), (-1.21, -1.73), (-0.2, -1.53), (0.56, -1.45), (1.81, -1.21),
    (3.82, -1.33), (6.23, -1.65), (9.05, -1.97), (11.26, -2.09), (13.27, -1.97), (14.87, -1.81)
])
THIGH_MEDIAL_EDGE: Table = ("thigh", [
    (-2.64, -2.16), (-0.72, -2.35), (0.96, -2.45), (3.12, -2.26), (6, -2.3), (9.36, -2.78), (12.48, -3.36),
    (13.87, -3.84), (14.21, -4.22)
])
HAIRLINE: Table = ("head", [(3, 0), (2.9, 1.94), (2.6, 3.46), (2.15, 4.5), (1.25, 4.92), (0.55, 5.12)])
JAW: Table = ("head", [(-6.4, 0), (-6.3, 1.11), (-5.85, 2.49), (-4.9, 3.81), (-3.65, 4.57)])
EYE: Table = ("head", [(-0.55, 1.25), (-0.25, 2.15), (-0.55, 3.18), (-0.8, 2.15)])
BROW: Table = ("head", [(0.2, 0.9), (0.45, 2.08), (0.25, 3.46)])
NOSE: Table = ("head", [(-0.65, 0.62), (-2.1, 0.69), (-2.7, 1.11), (-3.1, 0.69), (-3, 0.21)])
MOUTH: Table = ("head", [(-4.3, 0), (-4.25, 0.83), (-4.4, 1.52)])
LIP: Table = ("head", [(-4.8, 0), (-4.7, 0.9)])
EAR: Table = ("head", [(-0.3, 5.54), (-1, 5.82), (-1.85, 5.61)])
NECK_MUSCLE: Table = ("trunk", [(17.2, 0.56), (18.7, 0.96), (20.4, 1.6), (22.4, 2.28)])
CLAVICLE: Table = ("trunk", [
    (17.45, 0.68), (17.55, 1.8), (17.6, 3.4), (17.8, 5), (17.9, 6.2), (17.75, 6.8), (17.5, 7), (17.25, 6.8),
    (17.4, 6.2), (17.3, 5.2), (17, 4), (16.6, 2), (16.75, 0.8)
])
CORACOID: Table = ("trunk", [(16.6, 6.4), (16.85, 6.64), (16.55, 6.88), (16.2, 6.64)])
STERNUM_EDGE: Table = ("trunk", [
    (17.05, 0.72), (16.4, 0.8), (14.75, 0.68), (14.15, 0.76), (12, 0.68), (9.5, 0.6), (8, 0.48), (7.16, 0.32),
    (6.4, 0)
])
NOTCH: Table = ("trunk", [(16.9, 0), (17, 0.36), (17.25, 0.72)])
RIB_1: Table = ("trunk", [(16.1, 0.8), (15.9, 2), (16, 3.6), (16.4, 5)])
RIB_2: Table = ("trunk", [(14.15, 0.76), (14.1, 2.2), (14.15, 4), (14.3, 5.6), (14.1, 6.48)])
RIB_3: Table = ("trunk", [(12.4, 0.72), (12.35, 2.2), (12.4, 4), (12.5, 5.6), (12.3, 6.52)])
RIB_4: Table = ("trunk", [(10.65, 0.68), (10.6, 2.2), (10.65, 4), (10.7, 5.6), (10.5, 6.52)])
RIB_5: Table = ("trunk", [(8.9, 0.6), (8.85, 2.2), (8.9, 4), (8.95, 5.6), (8.7, 6.48)])
RIB_6: Table = ("trunk", [(8.4, 0.52), (7.87, 1.28), (7.54, 2.4), (7.45, 4), (7.49, 5.6), (7.28, 6.4)])
RIB_7: Table = ("trunk", [(7.96, 0.48), (7.37, 1.12), (6.65, 2.2), (6.4, 4), (6.44, 5.6), (6.23, 6.24)])
RIB_8: Table = ("trunk", [(6.02, 2.48), (5.31, 4), (5.31, 5.6), (5.14, 6.08)])
COSTAL_MARGIN: Table = ("trunk", [
    (7.83, 0.4), (7.12, 1.04), (6.23, 2), (5.39, 3), (4.63, 4), (3.87, 4.8), (3.03, 5.32), (2.32, 5.64)
])
RIB_11: Table = ("trunk", [(2.61, 5.68), (2.11, 5.48), (1.77, 5.24)])
NIPPLE: Table = ("trunk", [(9.75, 3.84), (9.95, 4), (9.75, 4.16), (9.55, 4)])
AXILLARY_FOLD: Table = ("trunk", [(12.6, 6.72), (11.7, 6.4), (10.9, 6)])
ILIAC_CREST: Table = ("trunk", [(-3, 4.9), (-2.53, 5.24), (-1.9, 5.56)])
INGUINAL_CREASE: Table = ("trunk", [(-3.73, 5.28), (-4.33, 4.48), (-5, 3.5), (-5.7, 2.48), (-6.4, 1.6), (-7.13, 0.96)])
PUBIC_CREST: Table = ("trunk", [(-5, 0), (-5.03, 0.56), (-5.2, 1)])
CUBITAL_CREASE: Table = ("upper-arm", [(-0.07, -0.61), (0, 0.03), (0.03, 0.71)])
WRIST_CREASE: Table = ("forearm", [(-0.05, -0.89), (0, 0), (-0.05, 0.74)])
FINGER_GAP_1: Table = ("forearm", [(-9.02, 0.94), (-7.04, 0.94)])
FINGER_GAP_2: Table = ("forearm", [(-9.37, 0), (-7.14, 0)])
FINGER_GAP_3: Table = ("forearm", [(-8.88, -0.94), (-7.04, -0.89)])
THENAR: Table = ("forearm", [(-0.74, 0), (-2.73, 0.6), (-4.86, 1.49)])
SARTORIUS: Table = ("thigh", [(18.86, 1.39), (15.6, 0.96), (11.28, 0), (6.48, -1.06), (2.16, -1.73)])
PATELLA: Table = ("thigh", [
    (-0.1, -1.1), (0, -0.77), (0.05, 0), (0, 0.77), (-0.1, 1.1), (-0.72, 1.2), (-1.58, 0.96), (-2.3, 0.48),
    (-2.64, 0), (-2.3, -0.48), (-1.58, -0.96), (-0.72, -1.2)
])
LIGAMENT_LATERAL: Table = ("lower-leg", [(16.56, 0.4), (16, 0.48), (15.08, 0.36), (14.15, 0.2)])
LIGAMENT_MEDIAL: Table = ("lower-leg", [(16.56, -0.4), (16, -0.48), (15.08, -0.4), (14.15, -0.24)])
TUBEROSITY: Table = ("lower-leg", [(14.23, -0.32), (13.91, -0.04), (14.23, 0.28)])
TIBIALIS_ANTERIOR: Table = ("lower-leg", [(13.47, 1.13), (10.25, 1.41), (7.84, 1.49), (5.03, 1.25), (2.21, 0.8)])
LATERAL_MALLEOLUS: Table = ("lower-leg", [
    (0.4, 1.17), (0.2, 1.37), (-0.24, 1.41), (-0.56, 1.17), (-0.24, 0.96), (0.2, 0.96)
])
MEDIAL_MALLEOLUS: Table = ("lower-leg", [
    (0.96, -1.21), (0.76, -1.01), (0.36, -1.01), (0.16, -1.21), (0.36, -1.41), (0.76, -1.41)
])
ANKLE_CREASE: Table = ("lower-leg", [(0.2, -0.96), (0, 0), (0.16, 0.96)])
TOE_GAP_1: Table = ("lower-leg", [(-2.93, -0.8), (-2.53, -0.76)])
TOE_GAP_2: Table = ("lower-leg", [(-2.93, 0), (-2.57, 0.04)])
TOE_GAP_3: Table = ("lower-leg", [(-2.85, 0.68), (-2.53, 0.72)])
TOE_GAP_4: Table = ("lower-leg", [(-2.73, 1.29), (-2.45, 1.29)])
HALLUCIS_TENDON: Table = ("lower-leg", [(-0.12, -0.32), (-1.21, -0.72), (-2.29, -1.13)])
FIBULA_HEAD: Table = ("lower-leg", [(14.67, 2.01), (14.35, 1.73), (13.87, 1.77), (13.63, 2.05)])


def _mirror(point: Point) -> Point:
    return 2 * MID_X - point[0], point[1]


def build() -> Figure:
    draw = FigureBuilder("front", WIDTH, HEIGHT, side="both", mirror_x=MID_X, left_towards=1)
    x = MID_X
    # Stations, in drawing units.
    draw.landmark("suprasternal-notch", "suprasternal notch", "trunk", x, NOTCH_Y)
    draw.landmark("xiphisternal-junction", "xiphisternal junction", "trunk", x, XIPHOID_Y)
    draw.landmark("umbilicus", "centre of the umbilicus", "trunk", x, UMBILICUS_Y)
    draw.landmark("pubic-symphysis", "upper border of the pubic symphysis", "trunk", x, SYMPHYSIS_Y)
    draw.landmark("glabella", "glabella", "head", x, GLABELLA_Y)
    draw.landmark("hairline", "midpoint of the anterior hairline", "head", x, HAIRLINE_Y)
    draw.landmark("hairline-corner", "corner of the anterior hairline", "head", x + HAIRLINE_CORNER_DX,
                  HAIRLINE_CORNER_Y)
    draw.landmark("axillary-fold", "anterior axillary fold", "upper-arm", x + 174, AXILLARY_FOLD_Y)
    draw.landmark("cubital-crease", "cubital crease", "upper-arm", x + ARM_DX, CUBITAL_Y)
    draw.landmark("wrist-crease", "palmar wrist crease", "forearm", x + FOREARM_DX, WRIST_Y)
    draw.landmark("patella-base", "midpoint of the base of the patella", "thigh", x + KNEE_DX, PATELLA_BASE_Y)
    draw.landmark("knee-joint", "level of the popliteal crease (the knee joint)", "lower-leg", x + KNEE_DX,
                  KNEE_LINE_Y, shown=False)
    draw.landmark("lateral-malleolus", "prominence of the lateral malleolus", "lower-leg", x + LATERAL_MALLEOLUS_DX,
                  LATERAL_MALLEOLUS_Y)
    draw.landmark("patella-apex", "apex of the patella", "lower-leg-medial", x + KNEE_DX, PATELLA_APEX_Y)
    draw.landmark("medial-malleolus", "prominence of the medial malleolus", "lower-leg-medial",
                  x + MEDIAL_MALLEOLUS_DX, MEDIAL_MALLEOLUS_Y)
    draw.landmark("tibia-medial-condyle", "lower border of the medial condyle of the tibia", "lower-leg-medial",
                  x + 50, CONDYLE_Y)

    draw.frame(Frame("trunk", "y", Ruler(((-5.0, SYMPHYSIS_Y), (0.0, UMBILICUS_Y), (8.0, XIPHOID_Y),
                                          (17.0, NOTCH_Y))),
                     ("superior", "inferior"), ("lateral", "medial"),
                     across=Ruler(((0.0, x), (4.0, x + NIPPLE_DX))), midline=True))
    draw.frame(Frame("head", "y", Ruler(((0.0, GLABELLA_Y), (3.0, HAIRLINE_Y))), ("superior", "inferior"),
                     ("lateral", "medial"), across=Ruler(((0.0, x), (4.5, x + HAIRLINE_CORNER_DX))), midline=True))
    draw.frame(Frame("upper-arm", "y", Ruler(((0.0, CUBITAL_Y), (9.0, AXILLARY_FOLD_Y))), ("proximal", "distal"),
                     ("lateral", "medial"), across_zero=x + ARM_DX))
    draw.frame(Frame("forearm", "y", Ruler(((0.0, WRIST_Y), (12.0, CUBITAL_Y))), ("proximal", "distal"),
                     ("lateral", "medial"), across_zero=x + FOREARM_DX))
    draw.frame(Frame("thigh", "y", Ruler(((0.0, PATELLA_BASE_Y), (18.0, SYMPHYSIS_Y))), ("proximal", "distal"),
                     ("lateral", "medial"), across_zero=x + KNEE_DX))
    draw.frame(Frame("lower-leg", "y", Ruler(((0.0, LATERAL_MALLEOLUS_Y), (16.0, KNEE_LINE_Y))),
                     ("proximal", "distal"), ("lateral", "medial"), across_zero=x + KNEE_DX))
    draw.frame(Frame("lower-leg-medial", "y", Ruler(((0.0, MEDIAL_MALLEOLUS_Y), (13.0, CONDYLE_Y),
                                                     (15.0, PATELLA_APEX_Y))),
                     ("proximal", "distal"), ("lateral", "medial"), across_zero=x + KNEE_DX))

    draw.measure("trunk", "suprasternal-notch", "xiphisternal-junction", 9)
    draw.measure("trunk", "xiphisternal-junction", "umbilicus", 8)
    draw.measure("trunk", "umbilicus", "pubic-symphysis", 5)
    draw.measure("trunk", "suprasternal-notch", "nipple", 4, "across")  # 8 cun between the nipples
    draw.measure("head", "glabella", "hairline", 3)
    draw.measure("head", "hairline", "hairline-corner", 4.5, "across")  # 9 cun between the corners
    draw.measure("upper-arm", "axillary-fold", "cubital-crease", 9)
    draw.measure("forearm", "cubital-crease", "wrist-crease", 12)
    draw.measure("thigh", "pubic-symphysis", "patella-base", 18)
    draw.measure("lower-leg", "knee-joint", "lateral-malleolus", 16)
    draw.measure("lower-leg-medial", "patella-apex", "medial-malleolus", 15)
    draw.measure("lower-leg-medial", "tibia-medial-condyle", "medial-malleolus", 13)

    # Landmarks the locations name, in the frames' cun.
    trunk = "trunk"
    draw.landmark_at("nipple", "nipple", trunk, INTERCOSTAL[4], 4)  # in the fourth intercostal space
    draw.landmark_at("sternal-angle", "sternal angle (second rib)", trunk, 14.15, 0)
    draw.landmark_at("pubic-symphysis-lower", "lower border of the pubic symphysis", trunk, -6.5, 0, shown=False)
    for number, level in INTERCOSTAL.items():
        where = " (read on the nipple line)" if number > 5 else ""
        draw.landmark_at(f"ics-{number}", f"level of the {ORDINAL[number]} intercostal space{where}", trunk, level, 0,
                         shown=False)
    draw.landmark_at("clavicle-lower-2", "lower border of the clavicle", trunk, 16.6, 2)
    draw.landmark_at("clavicle-lower-4", "lower border of the clavicle (nipple line)", trunk, 17.0, 4)
    draw.landmark_at("coracoid", "coracoid process", trunk, 16.64, 6.64)
    draw.landmark_at("costal-margin", "costal margin (nipple line)", trunk, 4.63, 4)
    draw.landmark_at("rib-11-end", "free end of the 11th rib", trunk, 1.77, 5.24)
    draw.landmark_at("rib-12-end", "free end of the 12th rib (behind)", trunk, 0.4, 5.4, shown=False)
    draw.landmark_at("asis", "anterior superior iliac spine", trunk, -3, 4.9)
    draw.landmark_at("inguinal-crease", "inguinal crease (lateral to the femoral pulse)", trunk, -5, 3.5, shown=False)
    draw.landmark_at("patella-base-lateral", "lateral end of the base of the patella", "thigh", 0, 1.1)
    draw.landmark_at("patella-base-medial", "medial end of the base of the patella", "thigh", 0, -1.1)
    leg = "lower-leg"
    draw.landmark_at("patellar-ligament-lateral", "lateral border of the patellar ligament", leg, 16, LIGAMENT_ACROSS)
    draw.landmark_at("patellar-ligament-medial", "medial border of the patellar ligament", leg, 16, -LIGAMENT_ACROSS)
    draw.landmark_at("tibial-tuberosity", "tibial tuberosity", leg, 13.91, 0)
    # The crest one finger-breadth (1 cun) medial to ST-36, on the line from ST-35 to ST-41, 3 cun below ST-35;
    # it runs straight down from there past EX-LE7 before it turns medially to the medial malleolus.
    crest = (LIGAMENT_ACROSS + KNEE_EYE_ACROSS) * 13 / 16 - 1
    draw.landmark_at("tibia-crest", "anterior crest of the tibia", leg, 13, crest)
    draw.landmark_at("ankle-crease-front", "front of the ankle crease, midway between the malleoli (where ST-41 lies)",
                     leg, 0, 0)
    draw.landmark_at("sole", "sole", "lower-leg-medial", -3, 0.2, shown=False)
    draw.measure("lower-leg-medial", "medial-malleolus", "sole", 3)

    def points(*tables: Table) -> list[Point]:
        return [draw.at(frame, along, across) for frame, pairs in tables for along, across in pairs]

    def both(table: Table, kind: StrokeKind, *, closed: bool = False) -> None:
        left = points(table)
        draw.stroke(left, kind, closed=closed)
        draw.stroke([_mirror(p) for p in left], kind, closed=closed)

    def across_midline(table: Table, kind: StrokeKind) -> None:
        """One stroke from the right across the midline to the left: the table starts on the midline."""
        left = points(table)
        draw.stroke([_mirror(p) for p in reversed(left[1:])] + left, kind)

    # The body's edge: the left half from the vertex round the arm and the leg to the crotch, and its mirror.
    left = points(HEAD_EDGE, NECK_SHOULDER_EDGE, ARM_LATERAL_EDGE, FOREARM_LATERAL_EDGE, ARM_MEDIAL_EDGE,
                  TRUNK_SIDE_EDGE, THIGH_LATERAL_EDGE, LEG_EDGE, THIGH_MEDIAL_EDGE)
    draw.outline(left + [_mirror(p) for p in reversed(left[1:-1])])

    # Face and neck.
    across_midline(HAIRLINE, "hair")
    across_midline(JAW, "detail")
    across_midline(MOUTH, "detail")
    across_midline(LIP, "detail")
    both(EYE, "detail", closed=True)
    for table in (BROW, NOSE, EAR, NECK_MUSCLE):
        both(table, "detail")
    # Chest and abdomen: the bones the levels are counted on, faint; creases and the nipples.
    across_midline(NOTCH, "detail")
    sternum = points(STERNUM_EDGE)
    draw.stroke(sternum + [_mirror(p) for p in reversed(sternum[:-1])], "bone")
    across_midline(("trunk", [(14.15, 0), (14.15, 0.76)]), "bone")  # the sternal angle
    across_midline(("trunk", [(8, 0), (8, 0.48)]), "bone")  # the xiphisternal junction
    both(CLAVICLE, "bone", closed=True)
    both(CORACOID, "bone", closed=True)
    for table in (RIB_1, RIB_2, RIB_3, RIB_4, RIB_5, RIB_6, RIB_7, RIB_8, COSTAL_MARGIN, RIB_11):
        both(table, "bone")
    both(NIPPLE, "detail", closed=True)
    both(AXILLARY_FOLD, "detail")
    draw.stroke(points(("trunk", [(0.17, 0), (0, 0.24), (-0.17, 0), (0, -0.24)])), "detail", closed=True)
    both(ILIAC_CREST, "bone")
    both(INGUINAL_CREASE, "detail")
    across_midline(PUBIC_CREST, "bone")
    # Arms and hands.
    for table in (CUBITAL_CREASE, WRIST_CREASE, FINGER_GAP_1, FINGER_GAP_2, FINGER_GAP_3, THENAR):
        both(table, "detail")
    # Legs and feet.
    both(SARTORIUS, "detail")
    both(PATELLA, "bone", closed=True)
    both(TUBEROSITY, "bone")
    both(FIBULA_HEAD, "bone")
    both(("lower-leg", [(13.75, -0.05), (13, crest), (10.5, crest), (8, crest - 0.08), (5, crest - 0.4),
                        (2.6, -0.8), (1.4, -1.0)]), "bone")
    both(LATERAL_MALLEOLUS, "bone", closed=True)
    both(MEDIAL_MALLEOLUS, "bone", closed=True)
    for table in (LIGAMENT_LATERAL, LIGAMENT_MEDIAL, TIBIALIS_ANTERIOR, ANKLE_CREASE, TOE_GAP_1, TOE_GAP_2,
                  TOE_GAP_3, TOE_GAP_4, HALLUCIS_TENDON):
        both(table, "detail")
    return draw.build()


def views(figure: Figure) -> list[View]:
    x = MID_X
    return [
        View("body-front", "The body from the front", figure, (0, 0, WIDTH, HEIGHT),
             "The whole body from the front, standing with the arms at the sides and the palms forward; the "
             "patient's left is on the right of the picture.", side="both"),
        View("trunk-front", "Chest and abdomen from the front", figure, (x - 250, 285, 500, 680),
             "The trunk from the front, from the base of the neck to the groin: clavicles, sternum, ribs and "
             "costal margin, nipples, umbilicus, iliac crests and inguinal creases.", side="both"),
        View("chest", "The chest", figure, (x - 210, 300, 420, 310),
             "The front of the chest: the clavicles, the sternum with the sternal angle and the xiphisternal "
             "junction, the ribs and the spaces between them, and the nipples.", side="both"),
        View("abdomen", "The abdomen", figure, (x - 180, 505, 360, 420),
             "The front of the abdomen from the xiphoid process to the groin: the costal margins, the "
             "umbilicus, the iliac crests and the inguinal creases above the pubic symphysis.", side="both"),
        View("leg-front", "Front of the left leg", figure, (x - 40, 770, 230, 960),
             "The patient's left leg from the front, from the groin to the ankle: the front of the thigh, "
             "the patella and its ligament, the crest of the tibia and both malleoli.", side="left"),
        View("knee-front", "Front of the left knee", figure, (x + 15, 1150, 170, 250),
             "The patient's left knee from the front: the patella, the patellar ligament with a hollow on "
             "each side of it, and the top of the tibia's crest.", side="left"),
    ]
