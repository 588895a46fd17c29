"""Body charts as inline SVG (pure): the figure, then landmarks and points marked on it.

Nothing here carries a style attribute or a script: colours come from classes (static/body.css), so
the charts follow the light and dark themes and the strict Content-Security-Policy. Sizes of marks
and labels follow the view's box, so a close-up of the hand and the whole leg read the same.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape
from typing import Literal

from studyapp.core.body.drawing import path_data
from studyapp.core.body.views import View

MarkKind = Literal["target", "neighbour", "point", "click", "dot", "near", "landmark"]


@dataclass(frozen=True)
class Mark:
    """Something marked on a chart: a point (`kind` says which role), a click, a dot to name."""

    x: float
    y: float
    kind: MarkKind
    label: str = ""
    href: str = ""
    title: str = ""


def _num(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def label_size(view: View) -> float:
    """The label font size in the view's units. Pages show a chart about 350 px wide on a phone
    (narrower when a tall view meets the height limit): a 25th of the width, or of 0.55 of a tall
    view's height, is about 14 px there, and no more than 20 px on a desktop."""
    _, _, width, height = view.box
    return max(width, 0.55 * height) / 25


def mark_size(view: View) -> float:
    """The radius of a point mark, in the view's units."""
    return label_size(view) / 3.2


def figure_paths(view: View) -> str:
    """The figure's strokes, drawn once per view (the same for every chart of the view)."""
    return "".join(f'<path class="b-{stroke.kind}" d="{path_data(stroke)}"/>' for stroke in view.figure.strokes)


Box = tuple[float, float, float, float]  # x0, y0, x1, y1
# Where a label may go around its mark, in order of preference: right, left, then the diagonals.
_LABEL_SPOTS = ((1.6, 0.35, "start"), (-1.6, 0.35, "end"), (1.3, -0.9, "start"), (1.3, 1.7, "start"),
                (-1.3, -0.9, "end"), (-1.3, 1.7, "end"), (0.0, -1.7, "middle"), (0.0, 2.6, "middle"))
_PRIORITY = {"target": 0, "dot": 0, "click": 1, "near": 2, "neighbour": 3, "point": 4, "landmark": 5}


# Labels of lesser marks are set smaller (static/body.css): their boxes are narrower too.
_LABEL_SCALE = {"landmark": 0.8, "point": 0.85, "neighbour": 0.85}


def label_box(mark: Mark, at: tuple[float, float, str], font: float) -> Box:
    """The box a mark's label covers when set at `at` (x, y, text-anchor), in view units."""
    x, y, anchor = at
    height = font * _LABEL_SCALE.get(mark.kind, 1.0)
    width = 0.56 * height * len(mark.label)
    left = {"start": x, "end": x - width, "middle": x - width / 2}[anchor]
    return left, y - 0.8 * height, left + width, y + 0.2 * height


def _overlap(a: Box, b: Box) -> float:
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    return width * height if width > 0 and height > 0 else 0.0


def place_labels(marks: Sequence[Mark], radius: float, font: float,
                 bounds: Box) -> dict[int, tuple[float, float, str]]:
    """Where each labelled mark's label goes: (x, y, text-anchor), by index into `marks`.

    Greedy: the most important marks first (the target, then the click, neighbours, other points),
    each label at the first spot around its mark that covers no label placed before it and no mark,
    and stays inside the view; failing that, the spot that overlaps least."""
    taken: list[Box] = [(m.x - radius, m.y - radius, m.x + radius, m.y + radius) for m in marks]
    placed: dict[int, tuple[float, float, str]] = {}
    order = sorted((i for i, m in enumerate(marks) if m.label), key=lambda i: (_PRIORITY[marks[i].kind], i))
    for index in order:
        mark = marks[index]
        best: tuple[float, tuple[float, float, str], Box] | None = None
        for dx, dy, anchor in _LABEL_SPOTS:
            at = (mark.x + dx * radius, mark.y + dy * radius, anchor)
            box = label_box(mark, at, font)
            height = box[3] - box[1]
            cost = sum(_overlap(box, other) for other in taken)
            outside = max(0.0, bounds[0] - box[0]) + max(0.0, box[2] - bounds[2]) \
                + max(0.0, bounds[1] - box[1]) + max(0.0, box[3] - bounds[3])
            cost += outside * height * 4
            if best is None or cost < best[0] - 1e-9:
                best = (cost, at, box)
            if cost == 0:
                break
        assert best is not None
        placed[index] = best[1]
        taken.append(best[2])
    return placed


def _mark(mark: Mark, radius: float, label_at: tuple[float, float, str] | None) -> str:
    x, y = _num(mark.x), _num(mark.y)
    title = f"<title>{escape(mark.title)}</title>" if mark.title else ""
    if mark.kind == "landmark":
        half = _num(radius * 0.9)
        shape = f'<path class="m-landmark" d="M{x} {y}m-{half} 0l{half} -{half}l{half} {half}l-{half} {half}z"/>'
    elif mark.kind == "click":
        arm = _num(radius * 1.8)
        shape = (f'<g class="m-click" transform="translate({x} {y})">{title}'
                 f'<path d="M-{arm} 0H{arm}M0 -{arm}V{arm}"/><circle r="{_num(radius * 0.9)}"/></g>')
    else:
        size = {"target": 1.35, "dot": 1.35, "near": 1.1, "neighbour": 0.9, "point": 0.8}[mark.kind]
        shape = f'<circle class="m-{mark.kind}" cx="{x}" cy="{y}" r="{_num(radius * size)}">{title}</circle>'
    if mark.label and label_at is not None:
        lx, ly, anchor = label_at
        anchor_attr = "" if anchor == "start" else f' text-anchor="{anchor}"'
        shape += (f'<text class="t-{mark.kind}" x="{_num(lx)}" y="{_num(ly)}"{anchor_attr}>'
                  f"{escape(mark.label)}</text>")
    if mark.href:
        return f'<a href="{escape(mark.href)}">{shape}</a>'
    return shape


def chart_svg(view: View, marks: Sequence[Mark] = (), *, landmarks: Iterable[str] = (),
              label: str = "", css_class: str = "body-chart", element_id: str = "",
              lines: Sequence[Sequence[tuple[float, float]]] = (), focusable: bool = False) -> str:
    """A view with `marks` on it, the named landmarks faint beside them, and `lines` (a channel's
    pathway) under them. `label` is the accessible name (the view's title and description are
    always there); `focusable` lets the keyboard reach the chart (a locate question's)."""
    radius = mark_size(view)
    x0, y0, width, height = view.box
    font = _num(label_size(view))
    title = escape(label or view.title)
    ident = f' id="{escape(element_id)}"' if element_id else ""
    # a chart to click is a widget the keyboard works (arrow keys, Enter); any other is a picture
    role = 'role="application" tabindex="0"' if focusable else 'role="img"'
    parts = [
        f'<svg{ident} class="{escape(css_class)}" viewBox="{view.view_box}" {role} '
        f'preserveAspectRatio="xMidYMid meet" data-view="{escape(view.slug)}" font-size="{font}">',
        f"<title>{title}</title><desc>{escape(view.description)}</desc>",
        f'<rect class="b-paper" x="{_num(x0)}" y="{_num(y0)}" width="{_num(width)}" height="{_num(height)}"/>',
        f'<g class="b-figure">{figure_paths(view)}</g>',
    ]
    figure = view.figure
    if lines:
        parts.append('<g class="b-pathway">' + "".join(
            '<path class="m-path" d="M' + "L".join(f"{_num(x)} {_num(y)}" for x, y in line) + '"/>'
            for line in lines if len(line) > 1) + "</g>")
    # Landmarks are marks too (drawn first, labelled last), so every label is placed clear of the rest.
    marks = [Mark(figure.landmarks[key].x, figure.landmarks[key].y, "landmark", figure.landmarks[key].name)
             for key in landmarks if key in figure.landmarks] + list(marks)
    # Labels are placed in view units; the font is `font` units high (the svg's font-size).
    labels = place_labels(marks, radius, float(font), (x0, y0, x0 + width, y0 + height))
    order = {"landmark": 0, "point": 1, "neighbour": 2, "near": 3, "dot": 4, "target": 5, "click": 6}
    parts.append('<g class="b-marks">')
    drawing_order = sorted(range(len(marks)), key=lambda i: order[marks[i].kind])
    parts += [_mark(marks[i], radius, labels.get(i)) for i in drawing_order]
    parts.append("</g></svg>")
    return "".join(parts)


# The light theme's colours, for a drawing that travels without the app's stylesheet.
_STANDALONE = {
    "skin": 'fill="#f6efe6" stroke="#6b5d50" stroke-width="1.6"',
    "outline": 'fill="none" stroke="#6b5d50" stroke-width="1.4"',
    "detail": 'fill="none" stroke="#b9a793" stroke-width="1"',
    "bone": 'fill="none" stroke="#9c8b79" stroke-width="1" stroke-dasharray="3 2.5"',
    "hair": 'fill="none" stroke="#b9a793" stroke-width="1" stroke-dasharray="1.5 2.5"',
    "fill": 'fill="#b9a793" stroke="none"',
}


def standalone_svg(view: View) -> str:
    """A view's drawing alone as an SVG file: the same strokes, coloured by attributes, so it shows
    the same in any viewer or <img>."""
    paths = "".join(
        f'<path {_STANDALONE[stroke.kind]} vector-effect="non-scaling-stroke" stroke-linecap="round" '
        f'stroke-linejoin="round" d="{path_data(stroke)}"/>' for stroke in view.figure.strokes)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{view.view_box}" role="img">'
            f"<title>{escape(view.title)}</title><desc>{escape(view.description)}</desc>{paths}</svg>")
