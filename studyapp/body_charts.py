"""Body charts for the pages: which marks a page puts on which view (the drawing is core.body.svg),
and the click thresholds the app is configured with.

Every chart here is inline SVG whose text is escaped by `chart_svg`, so it is safe as Markup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from flask import current_app
from markupsafe import Markup

from studyapp.core.body.charts import Charts
from studyapp.core.body.locate import Thresholds
from studyapp.core.body.positions import Placed
from studyapp.core.body.svg import Mark, chart_svg
from studyapp.core.body.views import View
from studyapp.core.content.codes import channel_and_number, code_rank
from studyapp.core.quizzes.questions import ADJACENT_NUMBERS, Question

Href = Callable[[str], str]


@dataclass(frozen=True)
class PageChart:
    view: View
    svg: Markup


def locate_thresholds() -> Thresholds:
    """The distances in cun that earn a click 5, 4 and 3 (STUDYAPP_LOCATE_CUN)."""
    return Thresholds(*current_app.config["LOCATE_CUN"])


def _on(charts: Charts, code: str, view: View) -> Placed | None:
    """`code` placed on the figure of `view` (its first placement there)."""
    return next((one for one in charts.placed.get(code, ()) if charts.views[one.view].figure is view.figure), None)


def _landmarks(placed: Placed, view: View) -> list[str]:
    """The landmarks a point's position is measured from (what the answer should teach)."""
    refs = placed.spec.references() + [statement.ref for statement in placed.spec.also]
    return [ref for ref in dict.fromkeys(refs) if ref in view.figure.landmarks]


def _reference_points(charts: Charts, placed: Placed, view: View) -> list[str]:
    """The points a position is measured from (KI-8 from KI-7), which the answer shows beside it."""
    refs = placed.spec.references() + [statement.ref for statement in placed.spec.also]
    return [ref for ref in dict.fromkeys(refs) if ref in charts.placed and ref not in view.figure.landmarks]


def _channel_neighbours(charts: Charts, code: str, view: View) -> list[tuple[str, Placed]]:
    """The points of the same channel within ADJACENT_NUMBERS of this one, drawn on the view."""
    channel, number = channel_and_number(code)

    def near(other: str) -> bool:
        other_channel, other_number = channel_and_number(other)
        return other != code and other_channel == channel and abs(other_number - number) <= ADJACENT_NUMBERS

    return [(other, placed) for other in charts.on_view(view.slug) if near(other)
            and (placed := _on(charts, other, view)) is not None]


def closest_view(charts: Charts, placed: Placed) -> View:
    """The view of a point's figure that shows it closest up: the smallest box holding every place
    of the point well inside it (the medial foot for KI-8, rather than the whole leg)."""
    figure = charts.views[placed.view].figure

    def holds_well(view: View) -> bool:
        x, y, width, height = view.box
        inner = View(view.slug, view.title, view.figure, (x + width * 0.08, y + height * 0.08, width * 0.84,
                                                           height * 0.84), view.description)
        return all(inner.holds((p.x, p.y)) for p in placed.positions)

    fitting = [view for view in charts.views.values() if view.figure is figure and holds_well(view)]
    return min(fitting, key=lambda view: view.box[2] * view.box[3], default=charts.views[placed.view])


def point_charts(charts: Charts, code: str, *, href: Href | None = None, every_view: bool = False) -> list[PageChart]:
    """The point on its chart(s), close up, with the landmarks and points it is measured from and its
    channel's other points on the view faint beside it (linked when `href` is given). The first chart
    is of the figure its quiz asks on; `every_view` adds one for each other figure it is placed on."""
    out = []
    placements = charts.placed.get(code, ())
    figures_seen: list[object] = []
    for placed in placements if every_view else placements[:1]:
        if charts.views[placed.view].figure in figures_seen:
            continue
        figures_seen.append(charts.views[placed.view].figure)
        view = closest_view(charts, placed)
        beside = dict(_channel_neighbours(charts, code, view))
        beside.update((ref, other) for ref in _reference_points(charts, placed, view)
                      if (other := _on(charts, ref, view)) is not None)
        marks = [Mark(p.x, p.y, "neighbour", name, href(name) if href else "", title=name)
                 for name, other in beside.items() for p in other.positions if view.holds((p.x, p.y))]
        marks += [Mark(p.x, p.y, "target", code, title=code) for p in placed.positions]
        svg = chart_svg(view, marks, landmarks=_landmarks(placed, view), label=f"{code} on the {view.title.lower()}")
        out.append(PageChart(view, Markup(svg)))  # chart_svg escapes every text it writes
    return out


def question_chart(charts: Charts, question: Question, *, first_click: tuple[float, float] | None = None) -> Markup:
    """A chart question's chart: the bare view to click on (a first missed click faint on it), or
    the view with the dot to name."""
    assert question.view is not None
    view = charts.views[question.view]
    marks = []
    if question.dot is not None:
        marks.append(Mark(question.dot.x, question.dot.y, "dot", "?", title="Which point is this?"))
    if first_click is not None:
        marks.append(Mark(*first_click, "near", "first try", title="Your first try"))
    if question.kind == "locate":
        svg = chart_svg(view, marks, label=f"{view.title}: click or tap where the point is", element_id="locate-chart",
                        css_class="body-chart locate-chart", focusable=True)
    else:
        svg = chart_svg(view, marks, label=f"{view.title}, with one point marked by a dot")
    return Markup(svg)


def located_chart(charts: Charts, code: str, view_slug: str, click: tuple[float, float], nearest: str | None,
                  first_click: tuple[float, float] | None = None) -> Markup:
    """After a locate answer: the click, the point (both sides), the point clicked near if it is
    another, and the landmarks the point is measured from."""
    view = charts.views[view_slug]
    placed = _on(charts, code, view)
    assert placed is not None
    marks = [Mark(p.x, p.y, "neighbour", ref, title=f"{code} is measured from {ref}")
             for ref in _reference_points(charts, placed, view) if (one := _on(charts, ref, view)) is not None
             for p in one.positions[:1]]
    marks += [Mark(p.x, p.y, "target", code, title=f"{code} is here") for p in placed.positions]
    if nearest and nearest != code and (other := _on(charts, nearest, view)) is not None:
        marks += [Mark(p.x, p.y, "near", nearest, title=f"You clicked near {nearest}") for p in other.positions]
    if first_click is not None:
        marks.append(Mark(*first_click, "click", "1st", title="Your first try"))
    marks.append(Mark(*click, "click", "you" if first_click is None else "2nd", title="Your click"))
    # a line from the click to the nearest place of the point: the distance the grade measures
    target = min(placed.positions, key=lambda p: (p.x - click[0]) ** 2 + (p.y - click[1]) ** 2)
    svg = chart_svg(view, marks, landmarks=_landmarks(placed, view), label=f"Your click and where {code} is",
                    lines=[[click, (target.x, target.y)]])
    return Markup(svg)


def result_chart(charts: Charts, answer: str, view: str | None, click: tuple[float, float] | None,
                 nearest: str | None, first_click: tuple[float, float] | None = None) -> Markup | None:
    """The chart of a quiz result: a click beside the point, or else the answer on its chart."""
    if view is not None and click is not None:
        return located_chart(charts, answer, view, click, nearest, first_click)
    shown = point_charts(charts, answer)
    return shown[0].svg if shown else None


def pathway_charts(charts: Charts, codes: Iterable[str], href: Href, *, joined: bool = True) -> list[PageChart]:
    """A channel's pathway: each view its points are asked on, with all of them there linked and (if
    `joined`) joined in channel order. A theme deck's points are shown unjoined."""
    by_view: dict[str, list[str]] = {}
    for code in sorted(codes, key=code_rank):
        slugs = charts.views_of(code)
        if slugs:
            by_view.setdefault(slugs[0], []).append(code)
    out = []
    for slug, members in by_view.items():
        view = charts.views[slug]
        placed = [(code, one) for code in members if (one := _on(charts, code, view)) is not None]
        marks = [Mark(p.x, p.y, "neighbour", code, href(code), title=code)
                 for code, one in placed for p in one.positions]
        sides: dict[str, list[tuple[float, float]]] = {}
        for _, one in placed:
            for p in one.positions:
                # one line on each side of the body (the midline belongs to both)
                for side in (("left", "right") if p.side == "midline" else (p.side,)):
                    sides.setdefault(side, []).append((p.x, p.y))
        # a midline channel has one line, not the same line twice
        lines = list(dict.fromkeys(tuple(line) for line in sides.values())) if joined else []
        svg = chart_svg(view, marks, lines=lines, label=f"{', '.join(members)} on the {view.title.lower()}")
        out.append(PageChart(view, Markup(svg)))
    return out
