"""The whole body from behind, standing, arms at the sides: the patient's left on the viewer's left.

Frames:
- the back, a midline frame. There is no standard proportional cun along the spine: the back is
  measured by vertebral levels, each point at the lower border of a spinous process (or at a sacral
  foramen). So the along ruler's stations are those levels, C7, T1-T12, L1-L5, the posterior sacral
  foramina S1-S4, the sacral hiatus and the tip of the coccyx, spaced as on an adult (the thoracic
  processes about 26 units apart, the lumbar about 32), and its unit is the back's cun across (3 cun
  from the midline to the medial border of the scapula), so a distance on the back reads the same
  both ways ("2 cun above the tip of the coccyx"). The levels keep the standard's trunk landmarks:
  T3 at the medial ends of the scapular spines, T7 at the inferior angles, T12 halfway between the
  inferior angle and the top of the iliac crest, L4 at the top of the crest, S2 at the lower border
  of the posterior superior iliac spine.
- the upper arm (posterior axillary fold 9 cun above the cubital crease) and the forearm (cubital to
  wrist crease 12 cun), hanging at the side with the palm forward, so the back of the hand shows.
- the thigh (gluteal fold 14 cun above the popliteal crease; the greater trochanter 19) and the lower
  leg (popliteal crease 16 cun above the prominence of the lateral malleolus).
"""

from __future__ import annotations

from collections.abc import Sequence

from studyapp.core.body.builder import FigureBuilder
from studyapp.core.body.drawing import Point, StrokeKind
from studyapp.core.body.geometry import Frame, Ruler
from studyapp.core.body.views import Figure, View

ORDER = 30
WIDTH, HEIGHT = 620.0, 1800.0
MID_X = 310.0  # the posterior midline: the figure is drawn symmetric about it
BACK_CUN = 22.0  # units per cun of the back: the medial border of the scapula is 3 cun (66 units) out
COCCYX_Y = 892.0
# Back levels, in cun above the tip of the coccyx: the lower borders of the spinous processes, the
# posterior sacral foramina, the sacral hiatus (level with the cornua, 2 cun above the coccyx tip).
LEVELS = {
    "coccyx": 0.0, "hiatus": 2.0, "s4": 2.45, "s3": 3.36, "s2": 4.27, "s1": 5.32, "l5": 6.36, "l4": 7.73,
    "l3": 9.2, "l2": 10.67, "l1": 12.14, "t12": 13.61, "t11": 14.79, "t10": 15.97, "t9": 17.14, "t8": 18.32,
    "t7": 19.5, "t6": 20.67, "t5": 21.85, "t4": 23.03, "t3": 24.2, "t2": 25.38, "t1": 26.56, "c7": 27.74,
}
C7, T3, T7, T12 = LEVELS["c7"], LEVELS["t3"], LEVELS["t7"], LEVELS["t12"]
L4, S2, COCCYX = LEVELS["l4"], LEVELS["s2"], LEVELS["coccyx"]
VERTEBRAE = [key for key in LEVELS if key[0] in "ctl"]
# The posterior sacral foramina (patient's left), cun from the median sacral crest: they converge downwards.
FORAMINA = {'s1': 1.09, 's2': 1.02, 's3': 0.91, 's4': 0.77}
VERTEBRA_NAMES = {"c": "C", "t": "T", "l": "L", "s": "S"}

# Limbs: drawing units per cun differ by segment, as on a body.
ARM_AXIS, FOREARM_AXIS = MID_X - 205, MID_X - 232  # across is measured from these vertical lines
FOLD_Y, CUBITAL_Y, WRIST_Y = 447.0, 687.0, 927.0
THIGH_AXIS, LEG_AXIS = MID_X - 88, MID_X - 85
GLUTEAL_FOLD_Y, POPLITEAL_Y, MALLEOLUS_Y = 978.0, 1310.0, 1712.0


def _mirror(points: Sequence[Point]) -> tuple[Point, ...]:
    return tuple((2 * MID_X - x, y) for x, y in points)


def build() -> Figure:
    draw = FigureBuilder("back", WIDTH, HEIGHT, side="both", mirror_x=MID_X, left_towards=-1)

    def both(points: Sequence[Point], kind: StrokeKind, *, closed: bool = False) -> None:
        """A stroke of the patient's left, and its mirror image on the right."""
        draw.stroke(points, kind, closed=closed)
        draw.stroke(_mirror(points), kind, closed=closed)

    def middle(points: Sequence[Point], kind: StrokeKind) -> None:
        """A stroke across the midline: its left half, joined to its mirror image."""
        draw.stroke(tuple(points) + tuple(reversed(_mirror(points)))[1:], kind)

    # The back's levels, placed once; they are the along ruler's stations.
    for key, cun in LEVELS.items():
        y = COCCYX_Y - BACK_CUN * cun
        if key in VERTEBRAE:
            level = f"{VERTEBRA_NAMES[key[0]]}{key[1:]}"
            draw.landmark(f"{key}-spinous", f"lower border of the spinous process of {level}", "back", MID_X, y)
        elif key in FORAMINA:
            level = key.upper()
            draw.landmark(f"{key}-foramen", f"posterior sacral foramen {level}", "back",
                          MID_X - BACK_CUN * FORAMINA[key], y)
            draw.landmark(f"{key}-crest", f"median sacral crest, level with foramen {level}", "back", MID_X, y,
                          shown=False)
    draw.landmark("sacral-hiatus", "sacral hiatus (between the sacral cornua)", "back", MID_X,
                  COCCYX_Y - BACK_CUN * LEVELS["hiatus"])
    draw.landmark("coccyx-tip", "tip of the coccyx", "back", MID_X, COCCYX_Y)
    back_ruler = Ruler(tuple((cun, COCCYX_Y - BACK_CUN * cun) for cun in sorted(LEVELS.values())))
    across = Ruler(((0.0, MID_X), (3.0, MID_X - 3 * BACK_CUN)))
    draw.frame(Frame("back", "y", back_ruler, ("superior", "inferior"), ("lateral", "medial"), across=across,
                     midline=True))

    # Limb landmarks in units; the frames are built on them.
    draw.landmark("posterior-axillary-fold", "end of the posterior axillary fold", "upper-arm", MID_X - 164, FOLD_Y)
    draw.landmark("cubital-crease", "level of the cubital crease (elbow)", "upper-arm", MID_X - 214, CUBITAL_Y,
                  shown=False)
    draw.landmark("wrist-crease", "dorsal wrist crease", "forearm", FOREARM_AXIS, WRIST_Y, shown=False)
    draw.landmark("gluteal-fold-mid", "midpoint of the gluteal fold", "thigh", THIGH_AXIS, GLUTEAL_FOLD_Y)
    draw.landmark("popliteal-crease-mid", "midpoint of the popliteal crease", "lower-leg", LEG_AXIS, POPLITEAL_Y)
    draw.landmark("lateral-malleolus", "prominence of the lateral malleolus", "lower-leg", MID_X - 116,
                  MALLEOLUS_Y)
    draw.frame(Frame("upper-arm", "y", Ruler(((0.0, CUBITAL_Y), (9.0, FOLD_Y))), ("proximal", "distal"),
                     ("lateral", "medial"), across_zero=ARM_AXIS, across_sign=-1))
    draw.frame(Frame("forearm", "y", Ruler(((0.0, WRIST_Y), (12.0, CUBITAL_Y))), ("proximal", "distal"),
                     ("lateral", "medial"), across_zero=FOREARM_AXIS, across_sign=-1))
    draw.frame(Frame("thigh", "y", Ruler(((0.0, POPLITEAL_Y), (14.0, GLUTEAL_FOLD_Y))), ("proximal", "distal"),
                     ("lateral", "medial"), across_zero=THIGH_AXIS, across_sign=-1))
    draw.frame(Frame("lower-leg", "y", Ruler(((0.0, MALLEOLUS_Y), (16.0, POPLITEAL_Y))), ("proximal", "distal"),
                     ("lateral", "medial"), across_zero=LEG_AXIS, across_sign=-1))

    # Landmarks the locations name, placed in their frames' cun.
    draw.landmark_at("scapula-medial-border", "medial border of the scapula, at the medial end of its spine",
                     "back", T3, 3.0)
    draw.landmark_at("scapula-superior-angle", "superior angle of the scapula", "back", 25.36, 3.86)
    draw.landmark_at("scapula-inferior-angle", "inferior angle of the scapula", "back", T7, 3.82)
    draw.landmark_at("scapular-spine-mid", "midpoint of the spine of the scapula", "back", 24.73, 6.23)
    draw.landmark_at("supraspinous-fossa", "supraspinous fossa, above the midpoint of the scapular spine", "back",
                     25.18, 6.23, shown=False)
    draw.landmark_at("scapular-spine-above-fold", "lower border of the spine of the scapula, above the end of the "
                     "posterior axillary fold", "back", 24.8, 7.45, shown=False)
    draw.landmark_at("acromion-lateral-end", "lateral end of the acromion", "back", 25.36, 9.41)
    draw.landmark_at("iliac-crest-top", "highest point of the iliac crest", "back", L4, 5.23)
    draw.landmark_at("psis", "lower border of the posterior superior iliac spine", "back", S2, 2.05)
    draw.landmark_at("greater-trochanter", "prominence of the greater trochanter", "thigh", 19, 3.46)
    draw.landmark_at("thigh-midpoint", "midpoint of the line from the gluteal fold to the popliteal crease",
                     "thigh", 7, -0.06, shown=False)
    draw.landmark_at("biceps-femoris-tendon", "medial border of the biceps femoris tendon, at the popliteal crease",
                     "thigh", 0, 0.84)
    draw.landmark_at("bl-60-hollow", "hollow between the lateral malleolus and the calcaneal tendon "
                     "(where BL-60 lies)", "lower-leg", 0, 0.76, shown=False)
    draw.landmark_at("medial-malleolus", "prominence of the medial malleolus", "lower-leg", 0.6, -1.15)

    draw.measure("back", "t3-spinous", "scapula-medial-border", 3, "across")
    draw.measure("upper-arm", "posterior-axillary-fold", "cubital-crease", 9)
    draw.measure("forearm", "cubital-crease", "wrist-crease", 12)
    draw.measure("thigh", "gluteal-fold-mid", "popliteal-crease-mid", 14)
    draw.measure("thigh", "greater-trochanter", "popliteal-crease-mid", 19)
    draw.measure("lower-leg", "popliteal-crease-mid", "lateral-malleolus", 16)

    # The body's edge: the left half from the vertex down round the arm and the leg to the crotch,
    # then its mirror image back up.
    head = draw.cun_points("back", [
        (C7 + 11.44, 0), (C7 + 11.26, 1.45), (C7 + 10.62, 2.55), (C7 + 9.62, 3.18), (C7 + 8.35, 3.45),
        (C7 + 7.31, 3.45), (C7 + 7.03, 3.59), (C7 + 6.9, 3.91), (C7 + 6.35, 4.14), (C7 + 5.44, 4.14),
        (C7 + 4.62, 3.95), (C7 + 4.08, 3.64), (C7 + 3.94, 3.27), (C7 + 3.58, 3), (C7 + 3.12, 2.73),
        (C7 + 2.53, 2.59), (C7 + 1.9, 2.64), (C7 + 1.35, 2.86), (C7 + 0.81, 3.36), (C7 + 0.26, 4.18),
        (C7 - 0.29, 5.23), (C7 - 0.88, 6.59), (C7 - 1.42, 7.95), (T3 + 1.66, 9.09), (T3 + 1.3, 9.77),
        (T3 + 0.75, 10.55), (T3 - 0.11, 11.05), (T3 - 1.38, 11.23), (T7 + 1.95, 11.18),
    ])  # the vertex, the ear, the neck, the trapezius and the deltoid
    arm_lateral = draw.cun_points("upper-arm", [
        (8.51, 1.43), (6.64, 1.31), (4.39, 1.31), (2.14, 1.39), (0, 1.54),
    ])
    forearm_lateral = draw.cun_points("forearm", [
        (10.35, 1), (7.85, 1.3), (4.85, 1.45), (1.85, 1.5), (0, 1.55),
    ])
    hand = draw.cun_points("forearm", [
        (-1.05, 1.9), (-2.25, 2.2), (-3.4, 2.35), (-4.25, 2.25), (-4.45, 1.95), (-4.05, 1.7), (-5.15, 1.6),
        (-6.65, 1.55), (-7.8, 1.45), (-8.4, 1.25), (-8.45, 1), (-7.95, 0.82), (-8.65, 0.7), (-9.15, 0.45),
        (-9.05, 0.2), (-8.2, 0.1), (-8.7, 0), (-8.9, -0.25), (-8.7, -0.5), (-7.75, -0.57), (-8.05, -0.7),
        (-8.2, -0.95), (-7.95, -1.2), (-6.95, -1.35), (-4.65, -1.45), (-2.4, -1.55), (0, -1.5),
    ])  # the thumb, then the fingertips, index to little finger
    forearm_medial = draw.cun_points("forearm", [
        (2.35, -1.7), (5.35, -2.1), (8.35, -2.4), (10.6, -2.6), (11.85, -2.65),
    ])
    arm_medial = draw.cun_points("upper-arm", [
        (1.57, -1.12), (3.64, -1.27), (5.89, -1.39), (7.76, -1.5), (8.44, -1.54), (8.89, -1.57),
    ])  # up to the posterior axillary fold
    trunk = draw.cun_points("back", [
        (T7 + 0.27, 7.27), (T7 - 0.77, 7.14), (T7 - 2.59, 6.95), (T12 + 1.03, 6.68), (T12 - 1.25, 6.41),
        (L4 + 2.82, 6.32), (L4 + 1, 6.5), (L4 - 0.59, 6.86), (S2 + 0.82, 7.41), (S2 - 1.45, 7.86),
        (COCCYX + 1, 8.09), (COCCYX - 0.82, 8.09), (COCCYX - 2.64, 7.95),
    ])  # the flank, the iliac crest, the hip
    thigh_lateral = draw.cun_points("thigh", [
        (13.49, 3.54), (11.39, 3.37), (8.43, 3.12), (5.06, 2.74), (2.53, 2.32), (0.84, 2.07), (-0.42, 1.98),
    ])
    leg_lateral = draw.cun_points("lower-leg", [
        (14.81, 2.03), (13.29, 2.23), (11.62, 2.23), (9.63, 2.03), (7.44, 1.71), (4.86, 1.31), (2.47, 1.07),
        (0.88, 1.03), (0.32, 1.23), (-0.08, 1.31), (-0.64, 1.19), (-1.19, 1.11),
    ])
    foot = draw.cun_points("lower-leg", [
        (-1.71, 1.43), (-2.23, 1.63), (-2.67, 1.39), (-2.79, 0.4), (-2.79, -0.6), (-2.67, -1.39),
        (-2.31, -1.63), (-1.83, -1.51), (-1.35, -1.15), (-0.64, -1.11), (0, -1.27), (0.6, -1.27),
        (1.19, -1.11),
    ])  # the heel, with the forefoot showing either side
    leg_medial = draw.cun_points("lower-leg", [
        (2.67, -1.11), (4.66, -1.39), (6.85, -1.87), (9.15, -2.27), (11.22, -2.43), (13.21, -2.31),
        (15.2, -2.11),
    ])
    thigh_medial = draw.cun_points("thigh", [
        (1.27, -2.4), (3.8, -2.57), (7.17, -2.87), (10.54, -3.16), (13.28, -3.42), (14.21, -3.58),
        (14.51, -3.71),
    ])
    left = (head + arm_lateral + forearm_lateral + hand + forearm_medial + arm_medial + trunk + thigh_lateral
            + leg_lateral + foot + leg_medial + thigh_medial)
    draw.outline(left + tuple(reversed(_mirror(left)))[1:-1])

    # Spinous processes: small knobs just above each level (the points sit at their lower borders).
    for key in VERTEBRAE:
        cun = LEVELS[key]
        half, height = (0.24, 0.5) if key[0] == "l" else ((0.22, 0.42) if key in ("c7", "t1") else (0.16, 0.38))
        draw.stroke(draw.cun_points("back", [(cun + height, 0), (cun + height / 2, half), (cun, 0),
                                             (cun + height / 2, -half)]), "detail", closed=True)
    for key, out in FORAMINA.items():
        cun = LEVELS[key]
        both(draw.cun_points("back", [(cun + 0.14, out), (cun, out + 0.14), (cun - 0.14, out),
                                      (cun, out - 0.14)]), "bone", closed=True)

    # Across the midline: the nape's hairline, the sacrum, the sacral hiatus between its cornua,
    # the coccyx, and the cleft between the buttocks.
    middle(draw.cun_points("back", [
        (C7 + 3.71, 3.18), (C7 + 3.21, 2.5), (C7 + 2.94, 1.27), (C7 + 2.85, 0),
    ]), "hair")
    middle(draw.cun_points("back", [
        (L4 - 1.73, 2.18), (S2 + 0.37, 2.14), (S2 - 0.77, 1.82), (S2 - 1.72, 1.32), (COCCYX + 1.82, 0.77),
        (COCCYX + 1.36, 0.36), (COCCYX + 1.23, 0),
    ]), "bone")
    middle(draw.cun_points("back", [
        (COCCYX + 1.82, 0.23), (COCCYX + 2.09, 0.18), (S2 - 2.04, 0),
    ]), "bone")
    middle(draw.cun_points("back", [
        (COCCYX + 1.23, 0.23), (COCCYX + 0.64, 0.16), (COCCYX, 0),
    ]), "bone")
    draw.stroke(draw.cun_points("back", [
        (COCCYX + 0.36, 0), (COCCYX - 3.18, 0),
    ]), "detail")

    # The head: the ears.
    both(draw.cun_points("back", [
        (C7 + 6.44, 3.86), (C7 + 5.53, 3.95), (C7 + 4.62, 3.77),
    ]), "detail")
    # The scapula: lateral, medial and superior borders, the spine with the acromion.
    both(draw.cun_points("back", [
        (T3 - 0.02, 7.86), (T3 - 0.56, 7.64), (T3 - 1.25, 7.14), (T3 - 2.15, 6.36), (T7 + 1.5, 5.45),
        (T7 + 0.55, 4.5), (T7, 3.82),
    ]), "bone")
    both(draw.cun_points("back", [
        (T7, 3.82), (T7 + 0.36, 3.5), (T7 + 1.18, 3.23), (T3 - 2.29, 3.05), (T3 - 0.93, 3), (T3 - 0.02, 3.02),
        (T3 + 0.57, 3.32), (T3 + 1.16, 3.86),
    ]), "bone")
    both(draw.cun_points("back", [
        (T3 + 1.16, 3.86), (T3 + 1.32, 4.82), (T3 + 1.32, 5.91), (T3 + 1.16, 6.64),
    ]), "bone")
    both(draw.cun_points("back", [
        (T3 + 0.16, 3.02), (T3 + 0.28, 3.41), (T3 + 0.44, 4.55), (T3 + 0.66, 5.91), (T3 + 0.98, 7.27),
        (T3 + 1.3, 8.41), (T3 + 1.44, 9), (T3 + 1.3, 9.36), (T3 + 1.03, 9.41), (T3 + 0.8, 9.09),
        (T3 + 0.85, 8.27), (T3 + 0.66, 7.27), (T3 + 0.3, 5.91), (T3 + 0.03, 4.55), (T3 - 0.15, 3.55),
        (T3 - 0.34, 3.02),
    ]), "bone")
    # The posterior border of the deltoid, and the crease where the arm leaves the back.
    both(draw.cun_points("back", [
        (T3 + 0.44, 8.18), (T3 - 1.61, 8.55), (T7 + 0.82, 9.27), (T7 - 1.32, 10.18), (T7 - 2.59, 10.91),
    ]), "detail")
    both(draw.cun_points("back", [
        (T7 + 0.59, 7.41), (T7 + 1.36, 7.5), (T7 + 2.09, 7.68),
    ]), "detail")
    # The twelfth rib, the long back muscles' edge, the iliac crest, the posterior superior iliac spine.
    both(draw.cun_points("back", [
        (T12 - 0.25, 0.82), (T12 - 0.79, 2.27), (T12 - 1.61, 3.86), (T12 - 2.43, 5.09),
    ]), "bone")
    both(draw.cun_points("back", [
        (T12 + 2.39, 2.73), (T12 - 0.34, 2.91), (L4 + 2.82, 2.91), (L4 + 0.09, 2.64), (L4 - 1.73, 2.18),
    ]), "detail")
    both(draw.cun_points("back", [
        (S2 + 1, 2.14), (L4 - 1.28, 2.73), (L4 - 0.37, 3.86), (L4, 5.23), (L4 - 0.14, 6.36), (L4 - 0.59, 6.95),
    ]), "bone")
    both(draw.cun_points("back", [
        (S2 + 1, 2.05), (S2 + 0.78, 2.36), (S2 + 0.28, 2.36), (S2, 2.05), (S2 + 0.28, 1.73), (S2 + 0.78, 1.73),
    ]), "bone", closed=True)
    # The greater trochanter and the gluteal fold.
    both(draw.cun_points("back", [
        (S2 - 2.13, 7.55), (COCCYX + 1.45, 7.82), (COCCYX + 0.77, 7.59),
    ]), "bone")
    both(draw.cun_points("back", [
        (COCCYX - 3, 0.55), (COCCYX - 3.64, 2.05), (COCCYX - 3.91, 4), (COCCYX - 3.64, 5.91),
        (COCCYX - 3, 7.45),
    ]), "detail")
    # The thigh: the groove between the hamstrings, which part round the hollow of the knee.
    both(draw.cun_points("thigh", [
        (13.28, 0.04), (9.7, 0), (6.75, -0.03), (5.06, -0.08),
    ]), "detail")
    both(draw.cun_points("thigh", [
        (5.06, -0.08), (3.46, 0.46), (1.77, 0.84), (0, 0.93), (-1.48, 1.22),
    ]), "detail")
    both(draw.cun_points("thigh", [
        (5.06, -0.08), (3.46, -0.67), (1.77, -1.1), (0, -1.27), (-1.48, -1.43),
    ]), "detail")
    # The popliteal crease; the calf: the furrow between the gastrocnemius heads, their lower
    # borders meeting the calcaneal tendon in an upside-down V; the malleoli and the heel.
    both(draw.cun_points("lower-leg", [
        (16, -1.15), (15.96, 0), (16, 1.07),
    ]), "detail")
    both(draw.cun_points("lower-leg", [
        (14.89, 0), (12.42, 0.04), (10.03, 0.02), (8, 0),
    ]), "detail")
    both(draw.cun_points("lower-leg", [
        (8, 0), (7.32, -0.6), (6.37, -1.15), (5.73, -1.51),
    ]), "detail")
    both(draw.cun_points("lower-leg", [
        (8, 0), (7.6, 0.68), (7.32, 1.43),
    ]), "detail")
    both(draw.cun_points("lower-leg", [
        (5.73, -0.36), (2.87, -0.28), (0.48, -0.2), (-0.4, -0.12),
    ]), "detail")
    both(draw.cun_points("lower-leg", [
        (6.05, 0.44), (2.87, 0.36), (0.48, 0.28), (-0.4, 0.2),
    ]), "detail")
    both(draw.cun_points("lower-leg", [
        (0.48, 0.92), (-0.04, 1.15), (-0.56, 0.96),
    ]), "bone")
    both(draw.cun_points("lower-leg", [
        (1.03, -0.96), (0.6, -1.11), (0.16, -1),
    ]), "bone")
    both(draw.cun_points("lower-leg", [
        (-1.27, -1.07), (-2.23, -0.92), (-2.63, 0), (-2.23, 0.92), (-1.27, 1.07),
    ]), "detail")
    # The arm: the olecranon, the dorsal wrist crease, the thumb and the fingers.
    both(draw.cun_points("upper-arm", [
        (0.19, 0.04), (-0.22, 0.34), (0.15, 0.67),
    ]), "bone")
    both(draw.cun_points("forearm", [
        (0, -1.45), (-0.15, 0), (0, 1.5),
    ]), "detail")
    both(draw.cun_points("forearm", [
        (-3.55, 1.75), (-2.4, 1.7), (-1.15, 1.55),
    ]), "detail")
    both(draw.cun_points("forearm", [
        (-7.95, 0.82), (-6.05, 0.85),
    ]), "detail")
    both(draw.cun_points("forearm", [
        (-8.2, 0.1), (-6.15, 0.12),
    ]), "detail")
    both(draw.cun_points("forearm", [
        (-7.75, -0.57), (-6.15, -0.6),
    ]), "detail")
    return draw.build()


def views(figure: Figure) -> list[View]:
    return [
        View("body-back", "The body from behind", figure, (0, 0, WIDTH, HEIGHT),
             "The whole body from behind, arms at the sides: the spine from C7 to the coccyx, both scapulae, "
             "the iliac crests and sacrum, the buttocks, the backs of the thighs, knees and calves; the "
             "patient's left is on the viewer's left."),
        View("upper-back", "Upper back", figure, (MID_X - 220, 250, 440, 400),
             "The upper back from behind, from C7 at the base of the neck to L1: the thoracic spinous "
             "processes, both scapulae with their spines and inferior angles, and the twelfth ribs."),
        View("lower-back", "Lower back and sacrum", figure, (MID_X - 200, 570, 400, 430),
             "The lower back from behind, from T12 to the coccyx: the lumbar spinous processes, the iliac "
             "crests, the posterior superior iliac spines, the sacrum with its foramina, and the buttocks "
             "down to the gluteal folds."),
        View("shoulder-back", "Back of the shoulder", figure, (MID_X - 265, 235, 290, 260),
             "The patient's left shoulder from behind: the base of the neck with C7, the scapula with its "
             "spine, acromion, superior and inferior angles, and the back of the upper arm with the "
             "posterior axillary fold.", side="left"),
        View("leg-back", "Back of the leg", figure, (MID_X - 195, 940, 215, 850),
             "The patient's left leg from behind, from the gluteal fold to the heel: the hamstrings, the "
             "hollow of the knee with its crease, the two heads of the calf muscle, the calcaneal tendon "
             "and the malleoli.", side="left"),
    ]
