"""The head and the front of the neck, face on: from the vertex to the clavicles. Both sides are drawn;
the patient's left is on the viewer's right.

Frames (each on the landmarks that are its stations, with their standard proportional cun):
- head: the forehead and the scalp seen from the front. Along, the glabella 0 and the midpoint of the
  anterior hairline 3 cun; the vertex (where GV-20 lies) 5 cun further over the top, foreshortened.
  Across, the corners of the anterior hairline 9 cun apart (4.5 from the midline), the pupils on the
  lines 2.25 cun out, halfway (GB-15 lies halfway between GV-24 and ST-8).
- face: the glabella-to-hairline cun, the same length along and across (the standard gives the face
  no measure of its own: GB-1, ST-4 and LI-19 are measured in this cun).
- neck: the front of the neck, measured along in the same head cun, and across in the chest's cun:
  4 cun from the midline to the midpoint of the clavicle (half the 8 cun between the nipples).

The drawing is written in the face's cun below: tables of (along, across) for the patient's left
half, mirrored to the right.
"""

from __future__ import annotations

import itertools
import math

from studyapp.core.body.builder import FigureBuilder
from studyapp.core.body.drawing import Point, Stroke, StrokeKind, sampled
from studyapp.core.body.geometry import Frame, Ruler
from studyapp.core.body.views import Figure, View

ORDER = 10
WIDTH, HEIGHT = 400.0, 440.0
MID_X = 200.0  # the anterior midline; the patient's left is towards +x
# Drawing units are about a millimetre: one face cun (glabella to hairline, 3 cun) is 19 units.
GLABELLA_Y, HAIRLINE_Y, VERTEX_Y = 150.0, 93.0, 45.0
PUPIL_DX, CORNER_DX = 30.0, 59.0  # 2.25 and 4.5 cun across the forehead
NOTCH_Y, CLAVICLE_MID_DX = 370.0, 96.0  # the suprasternal notch; the clavicle's midpoint 4 cun out
WORDS_ALONG, WORDS_ACROSS = ("superior", "inferior"), ("lateral", "medial")

Table = list[tuple[float, float]]

# The edge of the head, neck and shoulder, from the vertex down to the bottom of the bust.
EDGE: Table = [
    (5.53, 0.0), (5.42, 1.26), (5.05, 2.37), (4.42, 3.26), (3.58, 3.79), (2.63, 4.03), (1.6, 4.05), (0.63, 3.95),
    (-0.53, 3.74), (-1.58, 3.68), (-2.53, 3.58), (-3.53, 3.32), (-4.32, 2.95), (-5.05, 2.74), (-5.89, 2.53),
    (-6.95, 2.47), (-7.89, 2.53), (-8.84, 3.05), (-9.63, 4.47), (-10.11, 6.32), (-10.58, 8.32), (-11.26, 9.68),
    (-12.53, 10.32), (-14.84, 10.47), (-14.95, 9.47), (-15.0, 5.26), (-15.0, 0.0),
]
EAR: Table = [(0.0, 3.58), (0.26, 4.16), (0.0, 4.53), (-0.79, 4.63), (-1.84, 4.47), (-2.74, 4.26), (-3.37, 4.0),
              (-3.53, 3.63), (-3.05, 3.37)]
EAR_RIM: Table = [(-0.05, 4.16), (-0.68, 4.37), (-1.68, 4.26), (-2.63, 4.05)]
JAW: Table = [(-6.37, 0.0), (-6.16, 1.21), (-5.63, 2.16), (-4.89, 2.74), (-4.11, 2.95)]
HAIR_TEMPLE: Table = [(2.42, 3.37), (1.58, 3.53), (0.63, 3.58), (-0.32, 3.58), (-1.16, 3.63)]
BROW: Table = [(0.05, 0.54), (0.24, 0.95), (0.33, 1.58), (0.28, 2.26), (0.11, 2.82)]
EYE: Table = [(-0.89, 0.71), (-0.62, 1.05), (-0.54, 1.58), (-0.59, 2.03), (-0.79, 2.32), (-1.02, 1.97),
              (-1.09, 1.53), (-1.06, 1.05)]
LID: Table = [(-0.69, 0.87), (-0.41, 1.58), (-0.62, 2.21)]
INFRAORBITAL: Table = [(-1.42, 0.68), (-1.56, 1.11), (-1.58, 1.58), (-1.45, 2.26), (-1.16, 2.89)]
LATERAL_ORBIT: Table = [(-1.16, 2.89), (-0.63, 3.03), (-0.16, 2.92)]
NOSE_SIDE: Table = [(-0.42, 0.26), (-1.16, 0.34), (-1.84, 0.47), (-2.16, 0.61)]
ALA: Table = [(-2.16, 0.61), (-2.34, 0.87), (-2.63, 0.95), (-2.89, 0.87), (-3.01, 0.63), (-3.04, 0.34), (-3.0, 0.13)]
NOSTRIL: Table = [(-2.93, 0.16), (-2.82, 0.34), (-2.82, 0.55), (-2.92, 0.63), (-3.0, 0.42)]
TIP: Table = [(-2.61, 0.0), (-2.56, 0.24), (-2.45, 0.39)]
NASOLABIAL: Table = [(-1.89, 0.53), (-2.13, 0.79), (-2.42, 1.03), (-2.68, 1.15), (-3.21, 1.34), (-3.74, 1.55),
                     (-4.32, 1.74)]
PHILTRUM: Table = [(-3.11, 0.17), (-3.61, 0.23)]
LIP_UPPER: Table = [(-3.68, 0.0), (-3.61, 0.24), (-3.82, 0.74), (-4.11, 1.26)]
LIP_LINE: Table = [(-4.07, 0.0), (-4.12, 0.63), (-4.11, 1.26)]
LIP_LOWER: Table = [(-4.58, 0.0), (-4.45, 0.74), (-4.11, 1.26)]
MENTOLABIAL: Table = [(-5.11, 0.0), (-5.06, 0.37), (-4.94, 0.63)]
ZYGOMA: Table = [(-2.45, 1.79), (-2.63, 2.32), (-2.45, 2.95), (-2.11, 3.47)]
HYOID: Table = [(-7.03, 0.0), (-7.06, 0.47), (-7.16, 0.79)]
THYROID: Table = [(-7.68, 0.0), (-7.49, 0.32), (-7.56, 0.63), (-8.0, 0.71), (-8.53, 0.61), (-8.85, 0.37), (-8.92, 0.0)]
CRICOID: Table = [(-9.26, 0.0), (-9.23, 0.34), (-9.13, 0.55)]
SCM_FRONT: Table = [(-5.63, 2.63), (-6.79, 2.16), (-7.58, 1.89), (-8.84, 1.59), (-9.58, 1.37), (-10.32, 1.0),
                    (-11.0, 0.58), (-11.42, 0.34)]
SCM_BACK: Table = [(-7.37, 2.5), (-8.53, 2.45), (-9.74, 2.32), (-10.53, 2.21), (-11.21, 2.13)]
SCM_STERNAL_HEAD: Table = [(-9.63, 1.74), (-10.42, 1.21), (-11.21, 0.71)]
SCM_CLAVICULAR_HEAD: Table = [(-9.63, 1.74), (-10.42, 1.53), (-11.21, 1.42)]
NOTCH: Table = [(-11.58, 0.0), (-11.37, 0.37)]
CLAVICLE: Table = [
    (-11.32, 0.42), (-11.18, 1.16), (-11.11, 2.37), (-11.0, 3.79), (-10.87, 5.05), (-10.66, 6.58), (-10.55, 7.79),
    (-10.68, 8.58), (-10.95, 8.84), (-11.11, 8.53), (-10.87, 7.68), (-10.97, 6.58), (-11.18, 5.05), (-11.34, 3.68),
    (-11.45, 2.26), (-11.55, 1.16), (-11.61, 0.53),
]


def _mirror(point: Point) -> Point:
    return 2 * MID_X - point[0], point[1]


def _share_along(points: list[Point], share: float) -> Point:
    """The place `share` of the way along a drawn curve, by its length."""
    line = sampled(Stroke(tuple(points)))
    lengths = [math.dist(a, b) for a, b in itertools.pairwise(line)]
    goal = share * sum(lengths)
    for (a, b), length in zip(itertools.pairwise(line), lengths, strict=True):
        if goal <= length:
            t = goal / length if length else 0.0
            return a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])
        goal -= length
    return line[-1]


def build() -> Figure:
    draw = FigureBuilder("head-front", WIDTH, HEIGHT, side="both", mirror_x=MID_X, left_towards=1)
    x = MID_X
    head_ruler = Ruler(((0.0, GLABELLA_Y), (3.0, HAIRLINE_Y), (8.0, VERTEX_Y)))
    forehead = Ruler(((-4.5, x - CORNER_DX), (-2.25, x - PUPIL_DX), (0.0, x), (2.25, x + PUPIL_DX),
                      (4.5, x + CORNER_DX)))
    face_ruler = Ruler(((0.0, GLABELLA_Y), (3.0, HAIRLINE_Y)))
    chest = Ruler(((-4.0, x - CLAVICLE_MID_DX), (0.0, x), (4.0, x + CLAVICLE_MID_DX)))
    draw.frame(Frame("head", "y", head_ruler, WORDS_ALONG, WORDS_ACROSS, across=forehead, midline=True))
    draw.frame(Frame("face", "y", face_ruler, WORDS_ALONG, WORDS_ACROSS, across_zero=x, across_sign=1, midline=True))
    draw.frame(Frame("neck", "y", face_ruler, WORDS_ALONG, WORDS_ACROSS, across=chest, midline=True))

    # The stations.
    draw.landmark("glabella", "glabella", "head", x, GLABELLA_Y)
    draw.landmark("anterior-hairline", "midpoint of the anterior hairline", "head", x, HAIRLINE_Y)
    draw.landmark("vertex", "vertex (where GV-20 lies)", "head", x, VERTEX_Y, shown=False)
    draw.landmark("hairline-corner", "corner of the anterior hairline", "head", x + CORNER_DX, HAIRLINE_Y)
    draw.landmark("hairline-corner-right", "corner of the anterior hairline (patient's right)", "head",
                  x - CORNER_DX, HAIRLINE_Y, shown=False)
    draw.landmark("suprasternal-notch", "suprasternal notch", "neck", x, NOTCH_Y)
    draw.landmark("clavicle-midpoint", "midpoint of the clavicle (upper border)", "neck", x + CLAVICLE_MID_DX,
                  356.8)
    draw.measure("head", "glabella", "anterior-hairline", 3)
    draw.measure("head", "anterior-hairline", "vertex", 5)
    draw.measure("head", "hairline-corner-right", "hairline-corner", 9, "across")
    draw.measure("neck", "suprasternal-notch", "clavicle-midpoint", 4, "across")

    # The eyes, the brows and the pupil lines.
    draw.landmark_at("pupil", "centre of the pupil", "head", -16 / 19, 2.25)
    draw.landmark_at("eyebrow-middle", "middle of the eyebrow, above the pupil", "head", 0.33, 2.25)
    draw.landmark("eyebrow-medial-end", "medial end of the eyebrow (frontal notch)", "head", x + 10.3, 149.0)
    draw.landmark("eyebrow-medial-end-right", "medial end of the eyebrow (patient's right)", "head", x - 10.3, 149.0,
                  shown=False)
    draw.landmark("eyebrow-lateral-end", "lateral end of the eyebrow", "head", x + 53.5, 148.0)
    face = "face"
    draw.landmark_at("inner-canthus", "inner canthus", face, -0.89, 0.71)
    draw.landmark_at("outer-canthus", "outer canthus", face, -0.79, 2.32)
    draw.landmark_at("infraorbital-margin", "infraorbital margin, below the pupil", face, -1.58, PUPIL_DX / 19)
    rim = list(draw.cun_points(face, INFRAORBITAL))
    quarter = _share_along(rim, 0.75)
    draw.landmark("infraorbital-margin-lateral-quarter",
                  "infraorbital margin, where its lateral quarter meets the medial three quarters", face, *quarter,
                  shown=False)
    draw.landmark_at("zygoma-lower-border", "lower border of the zygomatic bone, below the outer canthus", face,
                     -2.63, 2.32)
    # The nose and the mouth.
    draw.landmark_at("nose-side-top", "top of the nasolabial groove (the alar cartilage meets the nasal bone)",
                     face, -1.89, 0.53)
    draw.landmark_at("ala-midpoint", "midpoint of the lateral border of the ala", face, -2.58, 0.89)
    draw.landmark_at("ala-lower-border", "lower border of the ala", face, -2.97, 0.78)
    draw.landmark_at("nostril-top", "top of the nostril, on its lining", face, -2.83, 0.53)
    draw.landmark_at("nose-tip", "tip of the nose", face, -2.45, 0)
    draw.landmark_at("subnasale", "base of the nose (top of the philtrum)", face, -3.05, 0)
    draw.landmark_at("upper-lip-vermilion", "vermilion border of the upper lip (its tubercle)", face, -3.68, 0)
    draw.landmark_at("mouth-angle", "corner of the mouth", face, -4.11, 1.26)
    draw.landmark_at("mentolabial-sulcus", "mentolabial sulcus", face, -5.11, 0)
    # The neck.
    neck = "neck"
    draw.landmark_at("hyoid", "hyoid bone", neck, -7.03, 0)
    draw.landmark_at("thyroid-upper-border", "upper border of the thyroid cartilage", neck, -7.58, 0)
    draw.landmark_at("cricoid", "cricoid cartilage", neck, -9.26, 0)
    draw.landmark_at("scm-front-thyroid", "anterior border of sternocleidomastoid, level with the thyroid cartilage",
                     neck, -7.58, 36 / CLAVICLE_MID_DX * 4)
    draw.landmark_at("clavicle-sternal-end", "sternal end of the clavicle, between the heads of sternocleidomastoid",
                     neck, -11.2, 20 / CLAVICLE_MID_DX * 4)

    def points(table: Table) -> list[Point]:
        return list(draw.cun_points(face, table))

    def both(table: Table, kind: StrokeKind, *, closed: bool = False) -> None:
        left = points(table)
        draw.stroke(left, kind, closed=closed)
        draw.stroke([_mirror(p) for p in left], kind, closed=closed)

    def across_midline(table: Table, kind: StrokeKind, *, closed: bool = False) -> None:
        """A line drawn from the midline out to the left (the table), joined to its mirror image."""
        left = points(table)
        # a closed line meets its mirror image at both ends of the table
        right = [_mirror(p) for p in reversed(left[1:-1] if closed else left[1:])]
        draw.stroke(right + left, kind, closed=closed)

    # The ears first: the head's edge covers where they join it.
    both(EAR, "skin", closed=True)
    edge = points(EDGE)
    draw.outline(edge + [_mirror(p) for p in reversed(edge[1:-1])])
    both(EAR_RIM, "detail")

    # Hair, brows, eyes, orbit.
    hairline = [draw.point("hairline-corner-right"), draw.at("head", 3, -2.25), draw.point("anterior-hairline"),
                draw.at("head", 3, 2.25), draw.point("hairline-corner")]
    draw.stroke(hairline, "hair")
    both([(3.0, CORNER_DX / 19), *HAIR_TEMPLE], "hair")
    both(BROW, "outline")
    both(EYE, "outline", closed=True)
    both(LID, "detail")
    iris = [(-0.84 + 0.25 * math.sin(a / 8 * math.tau), PUPIL_DX / 19 + 0.25 * math.cos(a / 8 * math.tau))
            for a in range(8)]
    both(iris, "detail", closed=True)
    pupil = [(-0.84 + 0.09 * math.sin(a / 6 * math.tau), PUPIL_DX / 19 + 0.09 * math.cos(a / 6 * math.tau))
             for a in range(6)]
    both(pupil, "fill", closed=True)
    both(INFRAORBITAL + LATERAL_ORBIT[1:], "bone")
    both(ZYGOMA, "bone")
    # Nose and mouth.
    both(NOSE_SIDE, "detail")
    both(ALA, "outline")
    both(NOSTRIL, "fill", closed=True)
    across_midline(TIP, "outline")
    both(NASOLABIAL, "detail")
    both(PHILTRUM, "detail")
    across_midline(LIP_UPPER, "outline")
    across_midline(LIP_LINE, "outline")
    across_midline(LIP_LOWER, "outline")
    across_midline(MENTOLABIAL, "detail")
    across_midline(JAW, "outline")
    # Neck and clavicles.
    across_midline(HYOID, "bone")
    across_midline(THYROID, "bone")
    across_midline(CRICOID, "bone")
    both(SCM_FRONT, "detail")
    both(SCM_BACK, "detail")
    both(SCM_STERNAL_HEAD, "detail")
    both(SCM_CLAVICULAR_HEAD, "detail")
    across_midline(NOTCH, "detail")
    both(CLAVICLE, "bone", closed=True)
    return draw.build()


def views(figure: Figure) -> list[View]:
    x = MID_X
    return [
        View("head-front", "The head from the front", figure, (0, 10, WIDTH, 430),
             "The head and neck face on, from the top of the head to the clavicles; the patient's left is on "
             "the right of the picture.", side="both"),
        View("forehead", "Forehead and front of the scalp", figure, (x - 75, 62, 150, 100),
             "The forehead from the eyebrows to just inside the anterior hairline, with its corners and the "
             "lines straight up from the pupils.", side="both"),
        View("eyes-nose", "Eyes, nose and mouth", figure, (x - 62, 136, 124, 122),
             "The face from the eyebrows to the chin: the eyes and the bony rims of the orbits, the nose with "
             "its wings and the nasolabial grooves, the philtrum, the lips and the groove above the chin.",
             side="both"),
    ]
