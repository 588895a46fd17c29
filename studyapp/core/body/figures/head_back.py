"""The back of the head and the nape, seen from behind. Both sides are drawn; seen from behind, the
patient's left is on the viewer's left.

Frame (on the landmarks that are its stations, with their standard proportional cun):
- head: along the posterior midline, the depression below the C7 spinous process (where GV-14 lies)
  -3, the midpoint of the posterior hairline 0 and the vertex (where GV-20 lies) 7 cun; across, the
  tips of the mastoid processes 9 cun apart (4.5 from the midline).

The spinous processes of C2 to C7, the external occipital protuberance with the superior nuchal
lines, the mastoid processes and the edges of trapezius and sternocleidomastoid are drawn in this
cun: tables of (along, across) for the patient's left half, mirrored to the right.
"""

from __future__ import annotations

from studyapp.core.body.builder import FigureBuilder
from studyapp.core.body.drawing import Point, StrokeKind
from studyapp.core.body.geometry import Frame, Ruler
from studyapp.core.body.views import Figure, View

ORDER = 13
WIDTH, HEIGHT = 400.0, 345.0
MID_X = 200.0  # the posterior midline; the patient's left is towards -x
# Drawing units are about a millimetre: 20 units a cun above the posterior hairline, 23 below it,
# and 11.7 across (the mastoid processes 105 units apart).
GV14_Y, HAIRLINE_Y, VERTEX_Y = 254.0, 185.0, 45.0
MASTOID_DX, MASTOID_Y = 52.5, 164.0
# The spinous processes C2 to C7 (their middle), in cun above the posterior hairline; C2 just below
# GV-15, C7 just above GV-14.
SPINOUS = {2: 0.18, 3: -0.43, 4: -1.0, 5: -1.57, 6: -2.13, 7: -2.7}

Table = list[tuple[float, float]]

# The drawing, in cun: (along, across).
EDGE: Table = [
    (7.0, 0.0), (6.9, 1.89), (6.55, 3.69), (5.95, 5.14), (5.15, 6.09), (4.15, 6.47), (3.15, 6.56), (2.25, 6.34),
    (1.55, 5.74), (1.0, 4.97), (0.35, 4.5), (-0.43, 4.29), (-1.09, 4.24), (-1.7, 4.89), (-2.26, 7.03), (-2.83, 9.94),
    (-3.43, 12.34), (-4.48, 13.63), (-5.87, 14.14), (-6.87, 14.23), (-6.91, 8.57), (-6.91, 0.0),
]
EAR: Table = [
    (4.45, 6.26), (4.25, 7.2), (3.65, 7.76), (2.85, 7.8), (1.95, 7.46), (1.25, 6.86), (1.1, 6.26), (1.75, 5.91),
]
EAR_RIM: Table = [(4.0, 7.11), (3.35, 7.41), (2.55, 7.37), (1.85, 7.03)]
NAPE_HAIR: Table = [(0.0, 0.0), (0.05, 1.2), (0.23, 2.49), (0.5, 3.6), (0.75, 4.41)]
NUCHAL_LINE: Table = [(1.35, 0.0), (1.45, 1.03), (1.4, 2.4), (1.25, 3.6), (1.1, 4.37)]
MASTOID: Table = [(1.85, 4.11), (1.45, 3.86), (1.05, 3.99), (1.0, 4.5), (1.45, 4.63)]
PROTUBERANCE: Table = [(1.98, 0.0), (1.8, -0.43), (1.5, -0.43), (1.32, 0.0), (1.5, 0.43), (1.8, 0.43)]
TRAPEZIUS_EDGE: Table = [
    (1.3, 1.2), (0.75, 1.24), (0.25, 1.29), (-0.43, 1.41), (-1.09, 1.71), (-1.78, 2.49), (-2.35, 4.11),
    (-2.96, 7.03),
]
SCM_EDGE: Table = [(1.15, 3.43), (0.45, 3.64), (-0.3, 3.9), (-0.87, 4.11)]
TRAPEZIUS_ACROSS_OCCIPUT, SCM_ACROSS_OCCIPUT = 1.18, 3.51
TRAPEZIUS_ACROSS_C2 = 1.23


def _mirror(point: Point) -> Point:
    return 2 * MID_X - point[0], point[1]


def build() -> Figure:
    draw = FigureBuilder("head-back", WIDTH, HEIGHT, side="both", mirror_x=MID_X, left_towards=-1)
    x = MID_X
    along = Ruler(((-3.0, GV14_Y), (0.0, HAIRLINE_Y), (7.0, VERTEX_Y)))
    across = Ruler(((-4.5, x + MASTOID_DX), (0.0, x), (4.5, x - MASTOID_DX)))
    draw.frame(Frame("head", "y", along, ("superior", "inferior"), ("lateral", "medial"), across=across,
                     midline=True))
    head = "head"
    draw.landmark("gv14", "depression below the C7 spinous process (where GV-14 lies)", head, x, GV14_Y)
    draw.landmark("posterior-hairline", "midpoint of the posterior hairline", head, x, HAIRLINE_Y)
    draw.landmark("vertex", "vertex (where GV-20 lies)", head, x, VERTEX_Y, shown=False)
    draw.landmark("mastoid-tip", "tip of the mastoid process", head, x - MASTOID_DX, MASTOID_Y)
    draw.landmark("mastoid-tip-right", "tip of the mastoid process (patient's right)", head, x + MASTOID_DX,
                  MASTOID_Y, shown=False)
    draw.measure(head, "gv14", "posterior-hairline", 3)
    draw.measure(head, "posterior-hairline", "vertex", 7)
    draw.measure(head, "mastoid-tip-right", "mastoid-tip", 9, "across")
    draw.landmark_at("c2-spinous", "spinous process of C2", head, SPINOUS[2], 0)
    draw.landmark_at("c7-spinous", "spinous process of C7", head, SPINOUS[7], 0)
    draw.landmark_at("occipital-protuberance", "external occipital protuberance", head, 1.8, 0)
    # The edges of the muscles, read at the levels the locations name: at the level of GV-16 under the
    # occiput, GB-20 lies between trapezius and sternocleidomastoid; at the level of GV-15 (above
    # C2), BL-10 lies just outside trapezius.
    draw.landmark_at("trapezius-edge-occiput", "lateral edge of trapezius, under the occipital bone", head, 1,
                     TRAPEZIUS_ACROSS_OCCIPUT)
    draw.landmark_at("scm-edge-occiput", "posterior edge of sternocleidomastoid, under the occipital bone", head, 1,
                     SCM_ACROSS_OCCIPUT)
    draw.landmark_at("trapezius-edge-c2", "lateral edge of trapezius, level with the top of C2", head, 0.5,
                     TRAPEZIUS_ACROSS_C2)

    def points(table: Table) -> list[Point]:
        return list(draw.cun_points(head, table))

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

    both(EAR, "skin", closed=True)
    edge = points(EDGE)
    draw.outline(edge + [_mirror(p) for p in reversed(edge[1:-1])])
    both(EAR_RIM, "detail")
    across_midline(NAPE_HAIR, "hair")
    across_midline(NUCHAL_LINE, "bone")
    both(MASTOID, "bone", closed=True)
    draw.stroke(points(PROTUBERANCE), "bone", closed=True)
    both(TRAPEZIUS_EDGE, "detail")
    both(SCM_EDGE, "detail")
    for level, middle in SPINOUS.items():
        # C2 and C7 stand out most; C3 to C6 lie deeper
        half_width, half_height = (0.43, 0.14) if level == 7 else (0.31, 0.12) if level == 2 else (0.24, 0.1)
        draw.stroke(points([(middle + half_height, 0), (middle, half_width), (middle - half_height, 0),
                            (middle, -half_width)]), "bone", closed=True)
    return draw.build()


def views(figure: Figure) -> list[View]:
    return [
        View("head-back", "The back of the head", figure, (30, 30, 340, 285),
             "The head and the nape from behind, the patient's left on the left of the picture: the external "
             "occipital protuberance, the mastoid processes behind the ears, the posterior hairline, the two "
             "bands of trapezius beside the spine and the spinous processes from C2 down to C7.", side="both"),
        View("nape", "The nape", figure, (120, 110, 160, 160),
             "The nape and the base of the skull from behind: the external occipital protuberance, the "
             "hollows under the skull on either side, the posterior hairline and the spinous processes of "
             "the neck.", side="both"),
    ]
