"""The head seen from above, the face towards the top of the drawing. Both sides are drawn; seen from
above with the face forward, the patient's left is on the viewer's left.

The scalp is drawn as if spread a little flat, so the whole midline from the anterior to the
posterior hairline is in view (the posterior hairline lies under the back of the head and is drawn
as if seen through it).

Frame (on the landmarks that are its stations, with their standard proportional cun):
- head: along the midline, the anterior hairline 0 and the posterior hairline 12 cun (+ towards the
  back); across, the corners of the anterior hairline 9 cun apart (4.5 from the midline).

The drawing is written in the head's cun below: tables of (along, across) for the patient's left
half, mirrored to the right.
"""

from __future__ import annotations

from studyapp.core.body.builder import FigureBuilder
from studyapp.core.body.drawing import Point, StrokeKind
from studyapp.core.body.geometry import Frame, Ruler
from studyapp.core.body.views import Figure, View

ORDER = 12
WIDTH, HEIGHT = 320.0, 320.0
MID_X = 160.0  # the midline; the patient's left is towards -x
# Drawing units: one cun is 18 units along the scalp and 15 across it.
ANTERIOR_Y, POSTERIOR_Y = 62.0, 278.0
CORNER_DX = 67.5

Table = list[tuple[float, float]]

# The drawing, in cun: (along, across).
EDGE: Table = [
    (-1.89, 0.0), (-1.81, 1.33), (-1.56, 2.73), (-1.06, 3.93), (-0.39, 4.8), (0.44, 5.4), (1.67, 5.87), (3.11, 6.17),
    (4.61, 6.3), (6.11, 6.23), (7.67, 5.97), (9.17, 5.5), (10.56, 4.77), (11.72, 3.73), (12.61, 2.47), (13.11, 1.27),
    (13.28, 0.0),
]
NOSE: Table = [(-2.61, 0.0), (-2.53, -0.33), (-2.25, -0.63), (-1.89, -0.8), (-1.56, -0.93)]
BROW: Table = [(-1.39, 0.0), (-1.36, 0.8), (-1.19, 1.73)]
EAR: Table = [(4.0, 6.2), (4.11, 6.87), (4.5, 7.37), (5.0, 7.57), (5.56, 7.47), (6.0, 7.07), (6.22, 6.53), (6.28, 6.2)]
EAR_RIM: Table = [(4.33, 6.8), (4.78, 7.17), (5.28, 7.23), (5.72, 7.03)]
TEMPLE_HAIR: Table = [(0.0, 4.5), (0.28, 4.87), (0.78, 5.2), (1.56, 5.47)]
NAPE_HAIR: Table = [(12.0, 0.0), (12.06, 1.33), (12.22, 2.53), (12.5, 3.47)]
EAR_APEX_ACROSS = 7.57


def _mirror(point: Point) -> Point:
    return 2 * MID_X - point[0], point[1]


def build() -> Figure:
    draw = FigureBuilder("head-top", WIDTH, HEIGHT, side="both", mirror_x=MID_X, left_towards=-1)
    x = MID_X
    along = Ruler(((0.0, ANTERIOR_Y), (12.0, POSTERIOR_Y)))
    across = Ruler(((-4.5, x + CORNER_DX), (0.0, x), (4.5, x - CORNER_DX)))
    draw.frame(Frame("head", "y", along, ("posterior", "anterior"), ("lateral", "medial"), across=across,
                     midline=True))
    draw.landmark("anterior-hairline", "midpoint of the anterior hairline", "head", x, ANTERIOR_Y)
    draw.landmark("posterior-hairline", "midpoint of the posterior hairline", "head", x, POSTERIOR_Y)
    draw.landmark("hairline-corner", "corner of the anterior hairline", "head", x - CORNER_DX, ANTERIOR_Y)
    draw.landmark("hairline-corner-right", "corner of the anterior hairline (patient's right)", "head",
                  x + CORNER_DX, ANTERIOR_Y, shown=False)
    draw.landmark_at("hairlines-midpoint", "midway between the anterior and the posterior hairline", "head", 6, 0,
                     shown=False)
    draw.landmark_at("ear-apex", "apex of the auricle", "head", 5, EAR_APEX_ACROSS)
    draw.measure("head", "anterior-hairline", "posterior-hairline", 12)
    draw.measure("head", "hairline-corner-right", "hairline-corner", 9, "across")

    def points(table: Table) -> list[Point]:
        return list(draw.cun_points("head", table))

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

    # The nose and the ears stand out from under the head's edge.
    across_midline(NOSE, "skin")
    both(EAR, "skin", closed=True)
    draw.counts_as_body(points(EAR))  # mirrored for the on-body checks like every outline
    edge = points(EDGE)
    draw.outline(edge + [_mirror(p) for p in reversed(edge[1:-1])])
    across_midline(BROW, "detail")
    both(EAR_RIM, "detail")
    # The hairlines: in front, level from corner to corner, turning back at the temples; behind, seen
    # through the back of the head.
    draw.stroke([draw.point("hairline-corner-right"), draw.point("anterior-hairline"), draw.point("hairline-corner")],
                "hair")
    both(TEMPLE_HAIR, "hair")
    across_midline(NAPE_HAIR, "hair")
    draw.stroke([draw.at("head", -1.1, 0), draw.at("head", 12.6, 0)], "detail")
    return draw.build()


def views(figure: Figure) -> list[View]:
    return [
        View("head-top", "The top of the head", figure, (10, 0, 300, 320),
             "The head seen from above, the face towards the top of the picture and the patient's left on the "
             "left: the anterior hairline with its corners, the vertex between the ears, and the posterior "
             "hairline at the back, with the midline running from front to back.", side="both"),
        View("scalp-front", "Front of the scalp from above", figure, (70, 50, 180, 140),
             "The front half of the scalp seen from above, from the anterior hairline back to just behind the "
             "vertex, with the lines 1.5, 2.25 and 3 cun out from the midline.", side="both"),
    ]
