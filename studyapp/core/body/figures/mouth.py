"""The mouth, face on: open, with the upper lip turned up to show its frenulum and the gum, and the tip
of the tongue raised to the palate so that its underside shows (the frenulum and a deep lingual vein
on each side of it); beside it, the tongue put out, its upper surface (dorsum) with the median groove.

The patient's left is on the viewer's right. The picture is not mirrored: the vein on the patient's
left (EX-HN12) and the one on the right (EX-HN13) are different points, so the figure is declared as
one side (nothing is drawn twice).

There is no proportional measure inside the mouth; clicks are graded in the face's cun (glabella to
hairline 3 cun, about 19 mm), here 4 drawing units a millimetre: one cun is 76 units.
"""

from __future__ import annotations

from studyapp.core.body.builder import FigureBuilder
from studyapp.core.body.drawing import Point, StrokeKind
from studyapp.core.body.geometry import Frame, Ruler
from studyapp.core.body.views import Figure, View

ORDER = 14
WIDTH, HEIGHT = 420.0, 300.0
MID_X, TONGUE_X = 150.0, 350.0  # the midline of the open mouth and of the tongue put out
LEVEL_Y, UNITS_PER_CUN = 150.0, 76.0

Table = list[tuple[float, float]]

# The drawing, in cun: (along, across).
FACE: Table = [
    (1.87, 0.0), (1.84, 0.63), (1.71, 1.16), (1.42, 1.5), (0.92, 1.68), (0.13, 1.72), (-0.59, 1.67), (-1.16, 1.47),
    (-1.58, 1.12), (-1.83, 0.59), (-1.88, 0.0),
]
UPPER_LIP_OUTER: Table = [(1.68, 0.0), (1.7, 0.39), (1.59, 0.82), (1.32, 1.16), (0.86, 1.34), (0.39, 1.41), (0.0, 1.42)]
UPPER_LIP_INNER: Table = [(1.38, 0.0), (1.37, 0.46), (1.25, 0.86), (1.03, 1.11)]
OPENING: Table = [
    (1.05, 0.0), (1.03, 0.53), (0.87, 0.99), (0.53, 1.22), (0.0, 1.28), (-0.55, 1.21), (-1.03, 0.99), (-1.29, 0.55),
    (-1.36, 0.0),
]
LABIAL_FRENULUM: Table = [(0.96, -0.05), (1.34, 0.0), (0.96, 0.05)]
UPPER_GUM: Table = [
    (0.79, 0.0), (0.84, 0.08), (0.86, 0.2), (0.83, 0.32), (0.85, 0.39), (0.84, 0.5), (0.79, 0.59), (0.8, 0.68),
    (0.76, 0.79), (0.68, 0.92), (0.55, 1.05),
]
TONGUE_UNDERSIDE: Table = [
    (0.46, 0.0), (0.43, 0.33), (0.34, 0.63), (0.13, 0.84), (-0.16, 0.96), (-0.46, 1.01), (-0.7, 1.0),
]
LINGUAL_FRENULUM: Table = [(0.13, 0.0), (-0.3, -0.01), (-0.74, 0.0)]
VEIN: Table = [
    (0.32, 0.12), (0.07, 0.18), (-0.16, 0.24), (-0.3, 0.26), (-0.46, 0.28), (-0.64, 0.31), (-0.64, 0.35),
    (-0.46, 0.32), (-0.3, 0.3), (-0.16, 0.28), (0.07, 0.22), (0.32, 0.14),
]
CARUNCLE: Table = [(-0.72, 0.05), (-0.69, 0.11), (-0.73, 0.17), (-0.78, 0.11)]
SUBLINGUAL_FOLD: Table = [(-0.76, 0.17), (-0.77, 0.47), (-0.8, 0.76), (-0.87, 1.03)]
LOWER_LIP: Table = [(-1.64, 0.0), (-1.58, 0.59), (-1.32, 1.08), (-0.86, 1.34), (-0.39, 1.42), (0.0, 1.42)]
UPPER_TEETH: list[Table] = [
    [(0.79, 0.01), (0.82, 0.3), (0.47, 0.33), (0.43, 0.17), (0.45, 0.02)],
    [(0.81, 0.34), (0.78, 0.57), (0.53, 0.58), (0.47, 0.46), (0.49, 0.36)],
    [(0.76, 0.61), (0.72, 0.8), (0.53, 0.79), (0.45, 0.7), (0.53, 0.62)],
    [(0.7, 0.83), (0.61, 1.0), (0.45, 0.97), (0.46, 0.84)],
]
LOWER_TEETH: list[Table] = [
    [(-0.95, 0.01), (-0.93, 0.21), (-1.18, 0.22), (-1.2, 0.01)],
    [(-0.94, 0.24), (-0.95, 0.43), (-1.18, 0.42), (-1.19, 0.24)],
    [(-0.95, 0.46), (-0.91, 0.64), (-1.08, 0.68), (-1.16, 0.59), (-1.16, 0.47)],
]
OUT_FACE: Table = [
    (1.61, 0.0), (1.55, 0.49), (1.18, 0.71), (0.0, 0.75), (-1.18, 0.71), (-1.55, 0.49), (-1.61, 0.0), (-1.55, -0.49),
    (-1.18, -0.71), (0.0, -0.75), (1.18, -0.71), (1.55, -0.49),
]
OUT_LIPS: Table = [
    (1.29, 0.0), (1.24, 0.36), (1.05, 0.55), (0.82, 0.47), (0.7, 0.0), (0.82, -0.47), (1.05, -0.55), (1.24, -0.36),
]
OUT_TONGUE: Table = [
    (0.92, -0.39), (0.53, -0.43), (0.0, -0.46), (-0.53, -0.39), (-0.86, -0.22), (-0.95, 0.0), (-0.86, 0.22),
    (-0.53, 0.39), (0.0, 0.46), (0.53, 0.43), (0.92, 0.39), (1.0, 0.0),
]
GROOVE: Table = [(0.87, 0.0), (0.11, 0.01), (-0.68, 0.0)]
FRENULUM_GUM = (0.95, 0.0)
LEFT_VEIN_MIDDLE = (-0.3, 0.28)


def _mirror(point: Point) -> Point:
    return 2 * MID_X - point[0], point[1]


def build() -> Figure:
    draw = FigureBuilder("mouth", WIDTH, HEIGHT, side="left")
    ruler = Ruler.linear(LEVEL_Y, -UNITS_PER_CUN)
    draw.frame(Frame("mouth", "y", ruler, ("superior", "inferior"), ("left", "right"), across_zero=MID_X,
                     across_sign=1))
    draw.frame(Frame("tongue-out", "y", ruler, ("superior", "inferior"), ("left", "right"), across_zero=TONGUE_X,
                     across_sign=1))
    mouth, out = "mouth", "tongue-out"
    draw.landmark_at("upper-lip-frenulum-gum", "where the frenulum of the upper lip joins the gum", mouth,
                     *FRENULUM_GUM)
    draw.landmark_at("lingual-frenulum-top", "upper end of the frenulum of the tongue", mouth, *LINGUAL_FRENULUM[0])
    draw.landmark_at("lingual-frenulum-base", "lower end of the frenulum of the tongue, on the floor of the mouth",
                     mouth, *LINGUAL_FRENULUM[-1])
    draw.landmark_at("left-lingual-vein", "deep lingual vein on the patient's left, level with the middle of "
                     "the frenulum", mouth, *LEFT_VEIN_MIDDLE)
    draw.landmark_at("right-lingual-vein", "deep lingual vein on the patient's right, level with the middle of "
                     "the frenulum", mouth, LEFT_VEIN_MIDDLE[0], -LEFT_VEIN_MIDDLE[1])
    draw.landmark_at("groove-front", "front end of the median groove of the tongue", out, *GROOVE[-1])
    draw.landmark_at("groove-back", "back end of the median groove of the tongue (as far as it shows)", out,
                     *GROOVE[0])

    def points(frame: str, table: Table) -> list[Point]:
        return list(draw.cun_points(frame, table))

    def both(table: Table, kind: StrokeKind, *, closed: bool = False) -> None:
        left = points(mouth, table)
        draw.stroke(left, kind, closed=closed)
        draw.stroke([_mirror(p) for p in left], kind, closed=closed)

    def across_midline(table: Table, kind: StrokeKind, *, closed: bool = False) -> None:
        """A line drawn from the midline out to the left (the table), joined to its mirror image."""
        left = points(mouth, table)
        # a closed line meets its mirror image at both ends of the table
        right = [_mirror(p) for p in reversed(left[1:-1] if closed else left[1:])]
        draw.stroke(right + left, kind, closed=closed)

    # The open mouth: the skin round it, the lips, the upper lip turned up with its frenulum.
    edge = points(mouth, FACE)
    draw.outline(edge + [_mirror(p) for p in reversed(edge[1:-1])])
    across_midline(UPPER_LIP_OUTER, "outline")
    across_midline(UPPER_LIP_INNER, "detail")
    across_midline(OPENING, "outline", closed=True)
    draw.stroke(points(mouth, LABIAL_FRENULUM), "detail")
    across_midline(UPPER_GUM, "detail")
    for tooth in UPPER_TEETH:
        both(tooth, "outline", closed=True)
    across_midline(TONGUE_UNDERSIDE, "skin")
    draw.stroke(points(mouth, LINGUAL_FRENULUM), "outline")
    both(VEIN, "fill", closed=True)
    both(CARUNCLE, "detail", closed=True)
    both(SUBLINGUAL_FOLD, "detail")
    for tooth in LOWER_TEETH:
        both(tooth, "outline", closed=True)
    across_midline(LOWER_LIP, "outline")
    # The tongue put out, drawn beside it.
    draw.outline(points(out, OUT_FACE))
    draw.stroke(points(out, OUT_LIPS), "outline", closed=True)
    draw.stroke(points(out, OUT_TONGUE), "skin", closed=True)
    draw.stroke(points(out, GROOVE), "detail")
    return draw.build()


def views(figure: Figure) -> list[View]:
    return [
        View("mouth", "The mouth", figure, (0, 0, WIDTH, HEIGHT),
             "The open mouth with the upper lip turned up to show its frenulum and the gum and the tip of the "
             "tongue raised to the palate to show its underside (the frenulum, with a dark vein on each side: "
             "the patient's left vein is on the right of the picture), and beside it the tongue put out, with "
             "the groove along the middle of its upper surface.", side="left"),
    ]
