"""The head and neck seen from the patient's right side, the face towards the viewer's right: the ear
drawn with its helix, tragus and notches, the temple and its hairline, the zygomatic arch, the
mandible with its angle and condyle, the mastoid process, the sternocleidomastoid and the nape.

Frames (each on the landmarks that are its stations, with their standard proportional cun):
- head: the glabella 0 and the midpoint of the anterior hairline 3 cun, both on the profile; the
  same cun across (isotropic). Up the side of the head (GB-8 1.5 cun above TE-20, GB-9 2 cun inside
  the hairline) and across it (GB-7 a finger-breadth in front of TE-20) this head cun is used.
- neck: the posterior hairline 3 cun above the depression below the C7 spinous process (where GV-14
  lies), the same cun across.

The curves that points divide (behind the ear from TE-17 to TE-20; from GB-9 round to GB-12) are
tables below; the places that divide them are landmarks measured along the drawn curve. The drawing
is written in the head's cun: tables of (along, across), across + towards the face.
"""

from __future__ import annotations

import itertools
import math

from studyapp.core.body.builder import FigureBuilder
from studyapp.core.body.drawing import Point, Stroke, StrokeKind, sampled
from studyapp.core.body.geometry import Frame, Ruler
from studyapp.core.body.views import Figure, View

ORDER = 11
WIDTH, HEIGHT = 420.0, 420.0
# Drawing units are about a millimetre: one head cun (glabella to hairline, 3 cun) is 19 units.
GLABELLA_Y, HAIRLINE_Y, ACROSS_ZERO = 150.0, 93.0, 200.0
GV14_Y, NAPE_HAIRLINE_Y = 330.0, 255.0  # 3 neck cun apart
THYROID_Y, CRICOID_Y = 292.5, 318.5
WORDS_ALONG, WORDS_ACROSS = ("superior", "inferior"), ("anterior", "posterior")
# Where the positions of TE-20, GB-9 and GB-12 put them (the ends of the curves behind the ear), in cun.
TE20_ABOVE_APEX, GB9_ABOVE_HAIRLINE, GB12_FROM_MASTOID_TIP = 0.3, 2.0, (-0.15, -0.7)

Table = list[tuple[float, float]]

EDGE: Table = [
    (5.58, 0.42), (5.42, 2.11), (4.91, 3.58), (4.11, 4.74), (3.39, 5.37), (2.89, 5.63), (2.0, 5.89), (1.0, 6.16),
    (0.11, 6.42), (-0.37, 6.21), (-0.63, 6.16), (-1.16, 6.53), (-1.79, 7.11), (-2.29, 7.63), (-2.55, 7.84),
    (-2.84, 7.68), (-3.03, 7.21), (-3.11, 6.71), (-3.34, 6.89), (-3.66, 7.08), (-3.92, 7.0), (-4.11, 6.82),
    (-4.32, 6.97), (-4.61, 7.0), (-4.89, 6.76), (-5.08, 6.45), (-5.37, 6.58), (-5.79, 6.76), (-6.21, 6.63),
    (-6.5, 6.11), (-6.71, 5.05), (-6.89, 4.0), (-7.08, 3.37), (-7.32, 3.26), (-7.63, 3.45), (-8.16, 3.37),
    (-8.84, 3.21), (-10.0, 3.08), (-10.95, 3.0), (-11.68, 3.11), (-12.63, 3.37), (-13.37, 3.58), (-13.53, -1.05),
    (-13.37, -5.58), (-12.21, -5.05), (-10.95, -4.11), (-10.0, -3.42), (-9.26, -3.11), (-8.21, -2.89),
    (-6.95, -2.74), (-5.68, -2.66), (-4.74, -2.84), (-3.79, -3.16), (-2.63, -3.53), (-1.32, -3.79), (0.0, -3.89),
    (1.37, -3.79), (2.74, -3.32), (4.03, -2.53), (5.07, -1.26),
]
EAR: Table = [
    (-1.05, 0.79), (-0.53, 0.74), (-0.08, 0.47), (0.11, -0.05), (0.03, -0.53), (-0.32, -0.95), (-0.95, -1.16),
    (-1.68, -1.18), (-2.37, -1.03), (-2.89, -0.76), (-3.32, -0.53), (-3.5, -0.18), (-3.39, 0.16), (-3.08, 0.34),
    (-2.74, 0.47), (-2.55, 0.63), (-2.45, 0.87), (-2.0, 0.95), (-1.61, 0.87), (-1.5, 0.74),
]
HELIX_INNER: Table = [
    (-0.87, 0.58), (-0.37, 0.42), (-0.13, 0.0), (-0.21, -0.47), (-0.55, -0.79), (-1.16, -0.92), (-1.89, -0.87),
    (-2.53, -0.66),
]
ANTIHELIX: Table = [(-2.61, 0.05), (-2.11, -0.24), (-1.42, -0.32), (-0.82, -0.16), (-0.45, 0.24)]
ANTIHELIX_CRUS: Table = [(-1.11, -0.26), (-0.92, 0.13), (-0.97, 0.5)]
CONCHA: Table = [(-1.21, 0.63), (-1.26, 0.26), (-1.58, 0.0), (-2.11, 0.0), (-2.45, 0.21), (-2.5, 0.55)]
CANAL: Table = [(-1.82, 0.55), (-1.92, 0.68), (-2.11, 0.66), (-2.05, 0.5)]
ANTITRAGUS: Table = [(-2.68, 0.13), (-2.53, 0.37)]
EYE: Table = [(-0.84, 5.26), (-0.62, 5.53), (-0.68, 5.84), (-0.86, 5.98), (-1.01, 5.74), (-0.97, 5.42)]
IRIS: Table = [(-0.67, 5.81), (-0.86, 5.93), (-1.01, 5.81)]
BROW: Table = [(0.11, 6.21), (0.25, 5.68), (0.24, 5.21), (0.13, 4.89)]
ORBIT: Table = [(0.0, 5.03), (-0.53, 5.13), (-1.11, 5.32), (-1.39, 5.68)]
ALA: Table = [(-2.34, 6.89), (-2.58, 6.66), (-2.84, 6.66), (-2.98, 6.89), (-2.92, 7.21)]
NASOLABIAL: Table = [(-2.63, 6.66), (-3.16, 6.32), (-3.68, 6.13), (-4.21, 6.08)]
MOUTH: Table = [(-4.11, 6.82), (-4.16, 6.37), (-4.12, 6.13)]
JAW: Table = [(-4.32, 1.03), (-5.26, 1.16), (-5.66, 1.68), (-5.89, 3.26), (-6.21, 4.74), (-6.45, 5.79)]
RAMUS: Table = [(-2.53, 1.42), (-3.26, 1.21), (-4.0, 1.08), (-4.32, 1.03)]
CONDYLE: Table = [(-1.87, 1.58), (-2.03, 1.79), (-2.34, 1.76), (-2.45, 1.53), (-2.24, 1.37), (-1.97, 1.39)]
NOTCH: Table = [(-2.05, 1.79), (-2.42, 2.37), (-2.13, 2.95)]
ARCH: Table = [
    (-1.63, 1.26), (-1.61, 2.68), (-1.55, 4.11), (-1.74, 4.58), (-2.11, 4.63), (-2.11, 4.11), (-2.0, 2.68),
    (-1.97, 1.37),
]
MASSETER: Table = [(-2.16, 4.21), (-3.42, 3.84), (-4.74, 3.53), (-5.76, 3.39)]
HAIR: Table = [
    (2.95, 5.63), (2.84, 5.05), (2.71, 4.47), (2.58, 4.11), (2.32, 3.68), (1.79, 3.21), (1.16, 2.74), (0.53, 2.32),
    (-0.11, 2.03), (-0.79, 1.84), (-1.42, 1.66), (-1.66, 1.47), (-1.47, 1.37), (-1.05, 1.29), (-0.53, 1.13),
    (0.09, 0.95), (0.25, 0.58), (0.23, 0.11), (0.2, -0.37), (0.08, -0.89), (-0.26, -1.37), (-0.84, -1.68),
    (-1.68, -1.84), (-2.53, -1.79), (-3.26, -1.58), (-3.89, -1.47), (-4.63, -1.79), (-5.26, -2.21), (-5.53, -2.63),
]
MASTOID: Table = [
    (-1.95, -0.74), (-2.84, -0.42), (-4.0, -0.37), (-3.82, -0.71), (-3.29, -1.08), (-2.63, -1.32), (-2.11, -1.16),
]
SCM_FRONT: Table = [(-4.0, -0.32), (-11.58, 3.26)]
SCM_BACK: Table = [(-3.58, -0.89), (-11.68, 1.92)]
HYOID: Table = [(-7.18, 3.0), (-7.11, 2.37)]
THYROID: Table = [(-7.5, 3.39), (-7.42, 3.0), (-7.58, 2.66), (-8.21, 2.74), (-8.68, 3.11)]
CRICOID: Table = [(-8.87, 3.21), (-8.97, 2.79)]
CLAVICLE: Table = [(-11.74, 3.05), (-11.53, 2.11), (-11.34, 0.79), (-11.26, -0.63)]
C7: Table = [(-9.0, -2.95), (-9.32, -3.21), (-9.63, -3.03)]
NAPE: Table = [(-5.89, -2.63), (-7.37, -2.53), (-8.95, -2.74)]
TE_CURVE: Table = [
    (-3.68, -0.05), (-3.61, -0.61), (-3.26, -1.05), (-2.58, -1.42), (-1.74, -1.58), (-0.95, -1.58), (-0.26, -1.39),
    (0.16, -0.92), (0.36, -0.42), (0.39, -0.05),
]
GB_CURVE: Table = [
    (2.39, -0.55), (2.16, -1.16), (1.68, -1.79), (0.95, -2.21), (0.0, -2.39), (-0.95, -2.37), (-1.89, -2.16),
    (-2.84, -1.79), (-3.63, -1.42), (-4.15, -1.09),
]


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


def _x_at(line: list[Point], y: float) -> float:
    """Where a straight line (two points) crosses the level y."""
    (x0, y0), (x1, y1) = line
    return x0 + (y - y0) * (x1 - x0) / (y1 - y0)


def build() -> Figure:
    draw = FigureBuilder("head-side", WIDTH, HEIGHT, side="right")
    head_ruler = Ruler(((0.0, GLABELLA_Y), (3.0, HAIRLINE_Y)))
    neck_ruler = Ruler(((0.0, GV14_Y), (3.0, NAPE_HAIRLINE_Y)))
    draw.frame(Frame("head", "y", head_ruler, WORDS_ALONG, WORDS_ACROSS, across_zero=ACROSS_ZERO, across_sign=1))
    draw.frame(Frame("neck", "y", neck_ruler, WORDS_ALONG, WORDS_ACROSS, across_zero=ACROSS_ZERO, across_sign=1))
    head, neck = "head", "neck"

    # The stations.
    draw.landmark("glabella", "glabella", head, 321.0, GLABELLA_Y)
    draw.landmark("anterior-hairline", "midpoint of the anterior hairline", head, 305.5, HAIRLINE_Y)
    draw.landmark("gv14", "depression below the C7 spinous process (where GV-14 lies)", neck, 141.0, GV14_Y)
    draw.landmark("posterior-hairline", "midpoint of the posterior hairline", neck, 150.5, NAPE_HAIRLINE_Y)
    draw.measure(head, "glabella", "anterior-hairline", 3)
    draw.measure(neck, "gv14", "posterior-hairline", 3)

    # The face and the temple.
    draw.landmark_at("vertex", "vertex (where GV-20 lies)", head, 5.47, 0.42, shown=False)
    draw.landmark_at("hairline-corner", "corner of the anterior hairline", head, 2.58, 4.11)
    draw.landmark_at("outer-canthus", "outer canthus", head, -0.84, 5.26)
    draw.landmark_at("eyebrow-lateral-end", "lateral end of the eyebrow", head, 0.13, 4.89)
    canthus, brow = draw.point("outer-canthus"), draw.point("eyebrow-lateral-end")
    draw.landmark("canthus-brow-midpoint", "halfway between the outer canthus and the lateral end of the eyebrow",
                  head, (canthus[0] + brow[0]) / 2, (canthus[1] + brow[1]) / 2, shown=False)
    draw.landmark_at("nose-tip", "tip of the nose", head, -2.55, 7.76)
    draw.landmark_at("subnasale", "base of the nose (top of the philtrum)", head, -3.13, 6.66)
    draw.landmark_at("upper-lip-vermilion", "vermilion border of the upper lip (its tubercle)", head, -3.66, 7.0)
    draw.landmark_at("mentolabial-sulcus", "mentolabial sulcus", head, -5.08, 6.39)
    draw.landmark_at("zygomatic-arch-upper", "upper border of the zygomatic arch (its midpoint)", head, -1.6, 2.68)
    draw.landmark_at("zygomatic-arch-lower", "lower border of the zygomatic arch (its midpoint)", head, -2.0, 2.68)
    draw.landmark_at("mandible-angle", "angle of the mandible", head, -5.39, 1.24)
    draw.landmark_at("masseter-insertion", "front edge of the masseter's insertion on the mandible", head, -5.89, 3.37)
    # The ear.
    draw.landmark_at("ear-apex", "apex of the auricle", head, 0.09, -0.05)
    draw.landmark_at("ear-root-upper", "upper root of the auricle (in front)", head, -1.05, 0.79)
    draw.landmark_at("hairline-behind-ear-root", "hairline above the posterior border of the auricular root", head,
                     0.39, -0.55, shown=False)
    draw.landmark_at("tragus-centre", "middle of the front edge of the tragus", head, -2.0, 0.92)
    draw.landmark_at("supratragic-notch", "supratragic notch", head, -1.5, 0.74)
    draw.landmark_at("intertragic-notch", "intertragic notch", head, -2.55, 0.63)
    draw.landmark_at("mastoid-tip", "tip of the mastoid process", head, -4.0, -0.39)
    draw.landmark_at("earlobe-hollow", "hollow behind the ear lobe, between the mastoid process and the mandible",
                     head, -3.68, -0.05)
    # The curves behind the ear end where the positions put TE-17 and TE-20, GB-9 and GB-12.
    def offset(key: str, along: float, across: float) -> Point:
        base_along, base_across = draw.frames[head].to_cun(*draw.point(key))
        return draw.at(head, base_along + along, base_across + across)

    te_curve = [draw.point("earlobe-hollow"), *draw.cun_points(head, TE_CURVE[1:-1]),
                offset("ear-apex", TE20_ABOVE_APEX, 0)]
    gb_curve = [offset("hairline-behind-ear-root", GB9_ABOVE_HAIRLINE, 0), *draw.cun_points(head, GB_CURVE[1:-1]),
                offset("mastoid-tip", *GB12_FROM_MASTOID_TIP)]
    for share, name in ((1 / 3, "lower"), (2 / 3, "upper")):
        draw.landmark(f"te-curve-{name}-third", f"curve behind the ear from TE-17 to TE-20, {name} third", head,
                      *_share_along(te_curve, share), shown=False)
    for share, name in ((1 / 3, "upper"), (2 / 3, "lower")):
        draw.landmark(f"gb-curve-{name}-third", f"curve behind the ear from GB-9 to GB-12, {name} third", head,
                      *_share_along(gb_curve, share), shown=False)
    # The neck: the borders of sternocleidomastoid read at the levels the locations name.
    front, back = list(draw.cun_points(head, SCM_FRONT)), list(draw.cun_points(head, SCM_BACK))
    angle_y = draw.point("mandible-angle")[1]
    draw.landmark("hyoid", "hyoid bone", neck, 259.5, 287.0)
    draw.landmark("thyroid-upper-border", "upper border of the thyroid cartilage", neck, 263.5, THYROID_Y)
    draw.landmark("cricoid", "cricoid cartilage", neck, 260.0, CRICOID_Y)
    for level, y in (("angle", angle_y), ("thyroid", THYROID_Y), ("cricoid", CRICOID_Y)):
        words = {"angle": "level with the angle of the mandible", "thyroid": "level with the thyroid cartilage",
                 "cricoid": "level with the cricoid cartilage"}[level]
        draw.landmark(f"scm-front-{level}", f"anterior border of sternocleidomastoid, {words}", neck,
                      _x_at(front, y), y, shown=level != "cricoid")
        draw.landmark(f"scm-back-{level}", f"posterior border of sternocleidomastoid, {words}", neck,
                      _x_at(back, y), y, shown=level != "cricoid")

    def line(table: Table, kind: StrokeKind, *, closed: bool = False) -> None:
        draw.stroke(draw.cun_points(head, table), kind, closed=closed)

    draw.outline(draw.cun_points(head, EDGE))
    line(HAIR, "hair")
    line(BROW, "outline")
    line(EYE, "outline", closed=True)
    line(IRIS, "detail")
    line(ORBIT, "bone")
    line(ALA, "outline")
    line(NASOLABIAL, "detail")
    line(MOUTH, "outline")
    line(ARCH, "bone", closed=True)
    line(CONDYLE, "bone", closed=True)
    line(NOTCH, "bone")
    line(RAMUS, "bone")
    line(JAW, "outline")
    line(MASSETER, "detail")
    line(MASTOID, "bone", closed=True)
    line(SCM_FRONT, "detail")
    line(SCM_BACK, "detail")
    line(HYOID, "bone")
    line(THYROID, "bone")
    line(CRICOID, "bone")
    line(CLAVICLE, "bone")
    line(C7, "bone")
    line(NAPE, "detail")
    # The ear on top of the head.
    draw.stroke(draw.cun_points(head, EAR), "skin", closed=True)
    line(HELIX_INNER, "detail")
    line(ANTIHELIX, "detail")
    line(ANTIHELIX_CRUS, "detail")
    line(CONCHA, "detail")
    line(CANAL, "fill", closed=True)
    line(ANTITRAGUS, "detail")
    return draw.build()


def views(figure: Figure) -> list[View]:
    return [
        View("head-side", "The side of the head", figure, (70, 30, 290, 385),
             "The head and neck from the patient's right, the face to the right: the ear, the temple and its "
             "hairline, the zygomatic arch, the angle of the jaw, the mastoid process behind the ear, and the "
             "sternocleidomastoid running down the side of the neck.", side="right"),
        View("ear", "Around the ear", figure, (145, 96, 140, 142),
             "The right ear and the skin around it: the helix, the tragus with the notches above and below it, "
             "the lobe, the hairline round the ear, the mastoid process behind it and the jaw joint in front.",
             side="right"),
        View("neck-side", "Side of the neck", figure, (150, 205, 140, 135),
             "The right side of the neck below the ear: the angle of the jaw, the mastoid process, the "
             "sternocleidomastoid from behind the ear down to the clavicle, the thyroid and cricoid cartilages.",
             side="right"),
    ]
