"""The bundled body charts: every point placed, the drawing true to every stated distance, nothing
off the body or on the wrong side, every view small and described (pure: no app, no database)."""

from __future__ import annotations

from functools import cache

import pytest

from studyapp.core.body import audit
from studyapp.core.body.charts import Charts, describe_report
from studyapp.core.body.figures import figures, views
from studyapp.core.body.svg import Mark, chart_svg
from tests.conftest import bundled_points

MAX_VIEW_BYTES = 40 * 1024


@cache
def charts() -> Charts:
    return Charts.build({code: point.position for code, point in bundled_points().items()})


def test_every_point_is_placed_on_a_chart() -> None:
    assert charts().errors == ()
    assert sorted(charts().placed) == sorted(bundled_points())
    assert len(charts().placed) == 409


def test_the_drawing_keeps_every_stated_distance() -> None:
    drifts = charts().drift
    assert len(drifts) > 600  # every point states at least one distance, most several
    worst = max(drifts, key=lambda d: d.cun)
    assert worst.cun <= audit.MAX_DRIFT_CUN, worst.describe()


def test_locations_and_positions_agree_and_every_point_is_on_the_body() -> None:
    points = bundled_points()
    report = describe_report(charts(), {code: p.location for code, p in points.items()}, points)
    assert report == []


@pytest.mark.parametrize("key", sorted(figures()))
def test_each_figure_keeps_the_standard_measures_it_shows(key: str) -> None:
    figure = figures()[key]
    for measure in figure.measures:
        assert figure.measured(measure) == pytest.approx(measure.cun, abs=0.1), measure
    for landmark in figure.landmarks.values():
        assert landmark.frame in figure.frames
        assert figure.on_body((landmark.x, landmark.y), margin=12), f"{key}: {landmark.key} off the body"


def test_the_figures_show_the_standard_proportional_measures() -> None:
    shown = {(m.cun, m.direction) for figure in figures().values() for m in figure.measures}
    # the bone cun of the standard (shared design table): head, chest, abdomen, arm, leg
    for cun in (3, 9, 8, 5, 12, 18, 15, 13, 19, 14, 16):
        assert (cun, "along") in shown, cun
    assert (4, "across") in shown  # nipple to the midline: 8 between the nipples
    assert (3, "across") in shown  # scapula's medial border to the midline: 6 between them


@pytest.mark.parametrize("slug", sorted(views()))
def test_each_view_is_described_and_small(slug: str) -> None:
    view = views()[slug]
    assert view.title and len(view.description.split()) >= 6
    x, y, width, height = view.box
    assert width > 0 and height > 0
    assert x >= 0 and y >= 0 and x + width <= view.figure.width + 1 and y + height <= view.figure.height + 1
    svg = chart_svg(view)
    assert len(svg.encode()) < MAX_VIEW_BYTES
    assert "<script" not in svg and "style=" not in svg and "http" not in svg.replace("http://www.w3.org", "")


def test_a_chart_with_a_point_its_neighbours_and_landmarks_stays_small() -> None:
    """What a card's back shows: the point, its channel's neighbours on the view, its landmarks."""
    for code in bundled_points():
        placed = charts().primary(code)
        assert placed is not None
        marks = [Mark(p.x, p.y, "target", code) for p in placed.positions]
        marks += [Mark(p.x, p.y, "neighbour", other) for other, placements in charts().on_view(placed.view).items()
                  if other.split("-")[0] == code.split("-")[0] and other != code
                  for one in placements for p in one.positions]
        svg = chart_svg(charts().views[placed.view], marks, landmarks=placed.spec.references())
        assert len(svg.encode()) < MAX_VIEW_BYTES, code


def test_every_point_is_asked_on_a_view_that_shows_it() -> None:
    for code, placements in charts().placed.items():
        view = charts().views[placements[0].view]
        assert any(view.holds((p.x, p.y)) for p in placements[0].positions), code


def test_bilateral_points_are_drawn_on_both_sides_and_midline_points_once() -> None:
    for code in ("ST-25", "KI-16", "BL-23", "GB-20", "LU-1", "SP-15", "BL-52"):
        first = charts().primary(code)
        assert first is not None and [p.side for p in first.positions] == ["left", "right"], code
        figure = charts().views[first.view].figure
        left, right = first.positions
        assert right.x == pytest.approx(2 * figure.mirror_x - left.x) and right.y == pytest.approx(left.y)
    for code in ("CV-8", "GV-4", "GV-20", "CV-17", "EX-HN3", "EX-B8"):
        first = charts().primary(code)
        assert first is not None and [p.side for p in first.positions] == ["midline"], code


def _x(code: str, view: str) -> float:
    placed = next(one for one in charts().placed[code] if charts().views[one.view].figure.key
                  == charts().views[view].figure.key)
    return placed.positions[0].x


def test_left_and_right_are_the_patients() -> None:
    # from the front the patient's left is on the viewer's right; from behind, on the viewer's left
    front_mirror, back_mirror = figures()["front"].mirror_x, figures()["back"].mirror_x
    assert front_mirror is not None and back_mirror is not None
    assert _x("ST-25", "abdomen") > front_mirror and _x("BL-23", "lower-back") < back_mirror


@pytest.mark.parametrize(("inner", "outer", "view"), [
    ("CV-8", "KI-16", "abdomen"), ("KI-16", "ST-25", "abdomen"), ("ST-25", "SP-15", "abdomen"),
    ("GV-4", "BL-23", "lower-back"), ("BL-23", "BL-52", "lower-back"), ("KI-25", "ST-15", "chest"),
])
def test_lines_lie_in_their_order_out_from_the_midline(inner: str, outer: str, view: str) -> None:
    mirror = charts().views[view].figure.mirror_x
    assert mirror is not None
    assert abs(_x(inner, view) - mirror) < abs(_x(outer, view) - mirror)


@pytest.mark.parametrize(("code", "view", "word", "other"), [
    # on the medial foot the front is towards +x: SP-5 lies in front of KI-3, the tendon behind it
    ("SP-5", "foot-medial", "anterior", "KI-3"),
    ("KI-8", "leg-medial", "anterior", "KI-7"),
])
def test_anterior_is_anterior(code: str, view: str, word: str, other: str) -> None:
    placed = next(one for one in charts().placed[code] if one.view == view)
    frame = charts().views[view].figure.frames[placed.frame]
    other_placed = next(one for one in charts().placed[other] if charts().views[one.view].figure.key
                        == charts().views[view].figure.key)
    step = frame.to_cun(*placed.primary)[1] - frame.to_cun(*other_placed.primary)[1]
    assert frame.across_words[0 if step > 0 else 1] == word
