"""Questions on the body charts: "where is it on the body?" (locate) and "which point is this dot?"."""

from __future__ import annotations

import pytest

from studyapp.core.body.charts import Charts
from studyapp.core.body.locate import nearest_offset
from studyapp.core.quizzes.questions import make_question, pick_question
from tests.conftest import bundled_points

POINTS = list(bundled_points().values())
CHARTS = Charts.build({p.code: p.position for p in POINTS})


def test_locate_asks_on_the_points_own_view_and_offers_locations_in_words() -> None:
    ki8 = bundled_points()["KI-8"]
    question = make_question("locate", ki8, POINTS, "s", charts=CHARTS)
    where = make_question("where-is", ki8, POINTS, "s")
    assert question.view == "leg-medial" and question.answer_code == "KI-8"
    assert question.choices == where.choices  # the words alternative for a student who cannot use the chart


def test_name_the_dot_marks_the_point_and_offers_its_neighbours() -> None:
    ki8 = bundled_points()["KI-8"]
    question = make_question("name-dot", ki8, POINTS, 3, charts=CHARTS)
    placed = CHARTS.primary("KI-8")
    assert placed is not None and question.view == placed.view and question.dot in placed.positions
    codes = [choice.code for choice in question.choices]
    assert codes.count("KI-8") == 1 and len(set(codes)) == 5
    figure = CHARTS.views[placed.view].figure
    for code in set(codes) - {"KI-8"}:
        other = next(one for one in CHARTS.placed[code] if CHARTS.views[one.view].figure is figure)
        assert min(nearest_offset(figure, placed, (p.x, p.y)).distance for p in other.positions) <= 6
    assert question == make_question("name-dot", ki8, POINTS, 3, charts=CHARTS)


def test_every_point_has_fair_chart_questions() -> None:
    for point in POINTS:
        for kind in ("locate", "name-dot"):
            question = make_question(kind, point, POINTS, "x", charts=CHARTS)
            codes = [choice.code for choice in question.choices]
            assert codes.count(point.code) == 1 and len(set(codes)) == len(codes) == 5, (kind, point.code)
            assert question.view in CHARTS.views_of(point.code)


def test_a_bilateral_point_is_dotted_on_either_side() -> None:
    st25 = bundled_points()["ST-25"]
    sides = {make_question("name-dot", st25, POINTS, seed, charts=CHARTS).dot.side for seed in range(12)}
    assert sides == {"left", "right"}


def test_chart_questions_need_the_charts() -> None:
    with pytest.raises(ValueError, match="no body chart"):
        make_question("locate", bundled_points()["KI-8"], POINTS, 1)
    empty = Charts.build({})
    with pytest.raises(ValueError, match="no point"):
        pick_question("name-dot", POINTS, 1, channel="KI", charts=empty)
