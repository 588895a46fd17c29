"""The body-chart core on a small figure made for the test: rulers, frames, positions, the solver,
the audit and click grading (pure: no app, no database)."""

from __future__ import annotations

import tomllib

import pytest

from studyapp.core.body import audit
from studyapp.core.body.builder import FigureBuilder
from studyapp.core.body.geometry import Frame, Ruler
from studyapp.core.body.locate import Thresholds, grade_click
from studyapp.core.body.positions import PositionError, Solver, parse_positions, spec_to_dict
from studyapp.core.body.svg import Mark, chart_svg, label_box, place_labels
from studyapp.core.body.views import Figure, View, ViewError


def trunk() -> Figure:
    """A trunk from the front, 10 units per cun above the umbilicus and 20 below, 5 across."""
    draw = FigureBuilder("trunk", 200, 400, side="both", mirror_x=100, left_towards=1)
    draw.landmark("notch", "suprasternal notch", "trunk", 100, 50)
    draw.landmark("xiphoid", "xiphisternal junction", "trunk", 100, 140)
    draw.landmark("umbilicus", "umbilicus", "trunk", 100, 220)
    draw.landmark("pubis", "upper border of the pubic symphysis", "trunk", 100, 320)
    draw.landmark("nipple", "nipple", "trunk", 140, 95)
    ruler = Ruler(((-5.0, 320.0), (0.0, 220.0), (8.0, 140.0), (17.0, 50.0)))
    draw.frame(Frame("trunk", "y", ruler, ("superior", "inferior"), ("lateral", "medial"),
                     across=Ruler.linear(100, 10), midline=True))
    draw.measure("trunk", "xiphoid", "umbilicus", 8)
    draw.measure("trunk", "notch", "xiphoid", 9)
    draw.measure("trunk", "nipple", "umbilicus", 4, "across")
    draw.outline([(40, 30), (160, 30), (170, 340), (30, 340)], smooth=False)
    return draw.build()


FIGURE = trunk()
VIEWS = {"trunk": View("trunk", "Trunk", FIGURE, (0, 0, 200, 400), "A trunk.")}


def solver(**records: str) -> Solver:
    specs = {code: parse_positions(tomllib.loads(f"p = {text}")["p"]) for code, text in records.items()}
    return Solver(VIEWS, specs, [code for code in specs if code.startswith("CV")])


def test_a_ruler_measures_each_part_with_its_own_cun() -> None:
    ruler = Ruler(((-5.0, 320.0), (0.0, 220.0), (8.0, 140.0)))
    assert ruler.at(-2) == pytest.approx(260)  # 20 units per cun below the umbilicus
    assert ruler.at(4) == pytest.approx(180)  # 10 above
    assert ruler.cun_of(260) == pytest.approx(-2) and ruler.cun_of(180) == pytest.approx(4)
    assert ruler.at(10) == pytest.approx(120)  # beyond the last station the last scale goes on
    assert ruler.units_per_cun(-1) == 20 and ruler.units_per_cun(1) == 10


@pytest.mark.parametrize("stations", [((0.0, 1.0),), ((0.0, 1.0), (0.0, 2.0)), ((0.0, 1.0), (1.0, 2.0), (2.0, 1.5))])
def test_a_ruler_refuses_stations_that_do_not_run_one_way(stations: tuple[tuple[float, float], ...]) -> None:
    with pytest.raises(ValueError):
        Ruler(stations)


def test_the_figure_keeps_its_standard_measures() -> None:
    assert [round(FIGURE.measured(m), 6) for m in FIGURE.measures] == [8, 9, 4]


def test_a_figure_of_both_sides_needs_a_mirror() -> None:
    with pytest.raises(ViewError):
        FigureBuilder("bad", 10, 10, side="both")


def test_points_measured_from_points_and_mirrored_to_the_right() -> None:
    solved = solver(**{"CV-8": '[{ view = "trunk", from = "umbilicus" }]',
                       "KI-16": '[{ view = "trunk", from = "CV-8", across = 0.5 }]',
                       "ST-25": '[{ view = "trunk", from = "CV-8", across = 2, '
                                'also = [{ from = "KI-16", across = 1.5 }] }]',
                       "CV-4": '[{ view = "trunk", from = "umbilicus", along = -3 }]'})
    cv8, ki16, st25, cv4 = (solved.place(code, 0) for code in ("CV-8", "KI-16", "ST-25", "CV-4"))
    assert [(p.x, p.y, p.side) for p in cv8.positions] == [(100, 220, "midline")]
    assert [(p.x, p.y, p.side) for p in st25.positions] == [(120, 220, "left"), (80, 220, "right")]
    assert st25.positions[1].mirrored and not st25.positions[0].mirrored
    assert ki16.positions[0].x == 105
    assert cv4.positions[0].y == pytest.approx(280)  # 3 of the lower abdomen's cun: 60 units
    assert max(d.cun for d in audit.drift(solved, solved.all_placed())) == pytest.approx(0)


def test_between_and_line_place_a_point_by_proportion() -> None:
    solved = solver(**{"CV-12": '[{ view = "trunk", between = ["umbilicus", "xiphoid"], share = 0.5 }]',
                       "X-1": '[{ view = "trunk", from = "umbilicus", along = 4, line = ["nipple", "pubis"] }]'})
    assert solved.place("CV-12", 0).positions[0].y == pytest.approx(180)
    x_1 = solved.place("X-1", 0)
    assert x_1.along == pytest.approx(4)
    # the line from the nipple (12.5 cun up, 4 across) to the pubis (-5, 0): at 4 cun up, 9/17.5 of the way
    assert x_1.across == pytest.approx(4 * 9 / 17.5)


def test_the_audit_measures_every_stated_distance() -> None:
    wrong = solver(**{"KI-16": '[{ view = "trunk", from = "umbilicus", across = 0.5 }]',
                      "ST-25": '[{ view = "trunk", from = "umbilicus", across = 2, '
                               'also = [{ from = "KI-16", across = 1 }] }]'})
    drifts = audit.drift(wrong, wrong.all_placed())
    assert max(d.cun for d in drifts) == pytest.approx(0.5)
    assert "ST-25" in next(d for d in drifts if d.cun > 0.1).describe()


@pytest.mark.parametrize(("records", "message"), [
    ({"A-1": '[{ view = "trunk", from = "A-2" }]', "A-2": '[{ view = "trunk", from = "A-1" }]'}, "circle"),
    ({"A-1": '[{ view = "trunk", from = "navel" }]'}, "unknown landmark or point 'navel'"),
    ({"A-1": '[{ view = "legs", from = "umbilicus" }]'}, "unknown view 'legs'"),
    ({"A-1": '[{ view = "trunk", from = "umbilicus", frame = "arm" }]'}, "unknown frame 'arm'"),
    ({"A-1": '[{ view = "trunk", from = "umbilicus", across = -2 }]'}, "patient's right"),
])
def test_a_position_that_cannot_be_solved_says_why(records: dict[str, str], message: str) -> None:
    solved = solver(**records)
    with pytest.raises(PositionError, match=message):
        solved.all_placed()


@pytest.mark.parametrize(("text", "field", "message"), [
    ('[]', "position", "at least one"),
    ('[{ from = "umbilicus" }]', "position[0].view", "missing"),
    ('[{ view = "trunk" }]', "position[0].from", "missing"),
    ('[{ view = "trunk", from = "umbilicus", along = "2" }]', "position[0].along", "number"),
    ('[{ view = "trunk", from = "umbilicus", along = 99 }]', "position[0].along", "off the body"),
    ('[{ view = "trunk", from = "umbilicus", alng = 2 }]', "position[0].alng", "unknown key"),
    ('[{ view = "trunk", between = ["a", "b"] }]', "position[0].share", "share"),
    ('[{ view = "trunk", between = ["a", "b"], share = 1.5 }]', "position[0].share", "between 0 and 1"),
    ('[{ view = "trunk", from = "a", line = ["a", "b"], across = 1 }]', "position[0].across", "line"),
    ('[{ view = "trunk", from = "a", also = [{ from = "b", alng = 1 }] }]', "position[0].also[0].alng", "unknown"),
])
def test_a_malformed_position_names_the_field(text: str, field: str, message: str) -> None:
    with pytest.raises(PositionError) as raised:
        parse_positions(tomllib.loads(f"p = {text}")["p"])
    assert raised.value.field == field and message in raised.value.message


def test_a_position_reads_back_as_written() -> None:
    raw = tomllib.loads('p = [{ view = "trunk", from = "KI-7", across = 0.5, '
                        'also = [{ from = "KI-3", along = 2 }] }]')["p"]
    specs = parse_positions(raw)
    assert parse_positions([spec_to_dict(spec) for spec in specs]) == specs


def test_a_click_is_graded_by_its_distance_in_the_points_own_cun() -> None:
    solved = solver(**{"CV-4": '[{ view = "trunk", from = "umbilicus", along = -3 }]',
                       "ST-25": '[{ view = "trunk", from = "umbilicus", across = 2 }]',
                       "ST-28": '[{ view = "trunk", from = "umbilicus", along = -3, across = 2 }]'})
    placed = solved.all_placed()
    cv4 = placed["CV-4"][0]
    others = {code: p for code, p in placed.items()}
    thresholds = Thresholds()
    exact = grade_click(FIGURE, cv4, (100, 280), others, thresholds)
    assert (exact.distance_cun, exact.grade, exact.correct, exact.direction) == (0, 5, True, "on the point")
    # 16 units up from CV-4 is 0.8 cun of the lower abdomen's 20 units per cun
    up = grade_click(FIGURE, cv4, (100, 264), others, thresholds)
    assert (up.distance_cun, up.grade, up.direction) == (0.8, 4, "0.8 cun too superior")
    assert grade_click(FIGURE, cv4, (100, 264), others, thresholds, second_try=True).grade == 4 - 1
    far = grade_click(FIGURE, cv4, (118, 280), others, thresholds)
    assert far.grade == 1 and not far.correct and far.nearest_point == "ST-28"
    # either side of a bilateral point counts: the mirrored twin of ST-28 is at x = 80
    right_side = grade_click(FIGURE, placed["ST-28"][0], (80, 281), others, thresholds)
    assert right_side.grade == 5 and right_side.position.side == "right"
    assert right_side.direction == "on the point"


def test_thresholds_must_grow() -> None:
    assert Thresholds(0.3, 0.6, 1.0).grade(0.5) == 4
    with pytest.raises(ValueError):
        Thresholds(1.0, 0.5, 1.5)


def test_labels_do_not_cover_each_other() -> None:
    marks = [Mark(100, 100, "point", "KI-7"), Mark(104, 100, "point", "KI-8"), Mark(100, 104, "target", "KI-9")]
    placed = place_labels(marks, radius=1, font=4, bounds=(0, 0, 200, 200))
    boxes = [label_box(marks[index], at, 4) for index, at in placed.items()]
    assert len(boxes) == 3
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert min(a[2], b[2]) <= max(a[0], b[0]) or min(a[3], b[3]) <= max(a[1], b[1])


def test_a_chart_is_plain_svg_with_escaped_text() -> None:
    svg = chart_svg(VIEWS["trunk"], [Mark(100, 220, "target", "<b>CV-8</b>", href="/points/CV-8")],
                    landmarks=["umbilicus"], label="Where is <CV-8>?")
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert "<b>" not in svg and "&lt;b&gt;CV-8&lt;/b&gt;" in svg and "Where is &lt;CV-8&gt;?" in svg
    assert "style=" not in svg and "<script" not in svg
    assert 'href="/points/CV-8"' in svg and "umbilicus" in svg


def test_an_also_that_only_names_a_place_states_no_distance() -> None:
    solved = solver(**{"SP-4": '[{ view = "trunk", from = "umbilicus", across = 2, also = [{ from = "nipple" }] }]'})
    placed = solved.all_placed()
    named = [d for d in audit.drift(solved, placed) if d.ref == "nipple"]
    assert len(named) == 1 and named[0].stated == (None, None) and named[0].cun == 0


def test_a_click_nearer_another_point_earns_at_most_3() -> None:
    solved = solver(**{"KI-16": '[{ view = "trunk", from = "umbilicus", across = 0.5 }]',
                       "CV-8": '[{ view = "trunk", from = "umbilicus" }]'})
    placed = solved.all_placed()
    # on CV-8 exactly: 0.5 cun from KI-16, which would be a 5, but the click found CV-8
    on_cv8 = grade_click(FIGURE, placed["KI-16"][0], (100, 220), placed, Thresholds())
    assert (on_cv8.distance_cun, on_cv8.grade, on_cv8.nearest_point, on_cv8.correct) == (0.5, 3, "CV-8", True)
    on_ki16 = grade_click(FIGURE, placed["KI-16"][0], (105.5, 220), placed, Thresholds())
    assert (on_ki16.grade, on_ki16.nearest_point) == (5, "KI-16")
