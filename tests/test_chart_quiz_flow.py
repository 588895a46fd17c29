"""Chart quizzes in the daily queue and in practice: click where the point is (graded by distance in
cun), name the dot; charts on card backs, point and deck pages; the charts API."""

from __future__ import annotations

import html
import re
from xml.etree import ElementTree

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from studyapp.extensions import db
from studyapp.models import Card, CardState, ReviewLog
from studyapp.services import quiz_pool
from tests.conftest import AuthActions, bundled_points
from tests.test_quiz_flow import CHOICE, STATE_ID, VERSION, answer, start


def place_of(app: Flask, code: str, view: str | None = None) -> tuple[float, float, str]:
    """Where point `code` is drawn (its first place), and the view its quiz asks on."""
    with app.app_context():
        charts = quiz_pool.point_pool().charts
        placed = charts.primary(code)
        assert placed is not None
        return placed.positions[0].x, placed.positions[0].y, view or placed.view


def cun(app: Flask, code: str) -> float:
    """Drawing units per cun across the frame `code` lies in, where it lies."""
    with app.app_context():
        charts = quiz_pool.point_pool().charts
        placed = charts.primary(code)
        assert placed is not None
        frame = charts.views[placed.view].figure.frames[placed.frame]
        return frame.scales(placed.along, placed.across)[1]


def locate_card(client: FlaskClient) -> tuple[int, int, str]:
    page = client.get("/study/kidney").get_data(as_text=True)
    state, version = STATE_ID.search(page), VERSION.search(page)
    assert state and version and 'id="locate-chart"' in page, page
    return int(state.group(1)), int(version.group(1)), page


def graded(app: Flask, state_id: int) -> ReviewLog:
    with app.app_context():
        log = db.session.scalar(select(ReviewLog).join(CardState, CardState.card_id == ReviewLog.card_id)
                                .where(CardState.id == state_id).order_by(ReviewLog.id.desc()))
        assert log is not None
        db.session.expunge(log)
        return log


def test_a_click_on_the_point_grades_5_and_the_result_shows_distance_and_landmark(
        app: Flask, client: FlaskClient, auth: AuthActions) -> None:
    start(app, client, auth, "locate", "KI-8")
    state, version, page = locate_card(client)
    assert "KI-8" in page and "Jiāoxìn" in page  # the point is named; the chart asks where
    x, y, _ = place_of(app, "KI-8")
    assert answer(client, state, version, x=x + 0.2 * cun(app, "KI-8"), y=y).endswith("/study/kidney/result")
    assert graded(app, state).grade == 5
    result = client.get("/study/kidney/result").get_data(as_text=True)
    assert "Right on it" in result and "0.2 cun" in result and "measured from KI-7" in result
    assert 'class="m-click"' in result and 'class="m-target"' in result


@pytest.mark.parametrize(("offset_cun", "grade"), [(0.8, 4), (1.3, 3)])
def test_the_grade_falls_with_the_distance(app: Flask, client: FlaskClient, auth: AuthActions,
                                           offset_cun: float, grade: int) -> None:
    start(app, client, auth, "locate", "KI-3")
    state, version, _ = locate_card(client)
    x, y, _ = place_of(app, "KI-3")
    answer(client, state, version, x=x, y=y - offset_cun * cun(app, "KI-3"))  # straight up the leg
    assert graded(app, state).grade == grade
    result = client.get("/study/kidney/result").get_data(as_text=True)
    assert f"{offset_cun:.1f} cun" in result and "too proximal" in result


def test_a_miss_earns_a_second_try_which_counts_3_at_best(app: Flask, client: FlaskClient, auth: AuthActions) -> None:
    start(app, client, auth, "locate", "KI-8")
    state, version, _ = locate_card(client)
    x, y, _ = place_of(app, "KI-8")
    assert answer(client, state, version, x=x, y=y - 4 * cun(app, "KI-8")).endswith("/study/kidney")
    again_state, again_version, again = locate_card(client)
    assert (again_state, again_version) == (state, version) and "one more try" in again and "first try" in again
    with app.app_context():
        assert db.session.scalar(select(ReviewLog).where(ReviewLog.user_id.is_not(None))) is None
    answer(client, state, version, x=x, y=y)  # spot on, but at the second try
    assert graded(app, state).grade == 3
    result = client.get("/study/kidney/result").get_data(as_text=True)
    assert "1st" in result and "2nd" in result


def test_two_misses_grade_1_and_giving_up_0(app: Flask, client: FlaskClient, auth: AuthActions) -> None:
    start(app, client, auth, "locate", "KI-8")
    state, version, _ = locate_card(client)
    x, y, _ = place_of(app, "KI-8")
    far = {"x": x, "y": y - 5 * cun(app, "KI-8")}
    answer(client, state, version, **far)
    answer(client, state, version, **far)
    assert graded(app, state).grade == 1


def test_a_click_on_a_neighbour_says_so_and_earns_at_most_3(app: Flask, client: FlaskClient,
                                                            auth: AuthActions) -> None:
    start(app, client, auth, "locate", "KI-8")
    state, version, _ = locate_card(client)
    x, y, _ = place_of(app, "KI-7", "leg-medial")  # 0.5 cun behind KI-8: close, but it is KI-7
    answer(client, state, version, x=x, y=y)
    assert graded(app, state).grade == 3
    result = client.get("/study/kidney/result").get_data(as_text=True)
    assert "nearer KI-7" in result and "You clicked near" in result


@pytest.mark.parametrize("fields", [
    {"x": "1"}, {"y": "2"}, {"x": "nan", "y": "1"}, {"x": "inf", "y": "1"}, {"x": "1e9", "y": "1"},
    {"x": "left", "y": "1"}, {"x": "99999", "y": "99999"},
])
def test_a_bad_click_is_a_400_and_changes_nothing(app: Flask, client: FlaskClient, auth: AuthActions,
                                                  fields: dict[str, str]) -> None:
    start(app, client, auth, "locate", "KI-8")
    state, version, _ = locate_card(client)
    response = client.post("/study/kidney/quiz", data={"state_id": state, "version": version, **fields})
    assert response.status_code == 400
    with app.app_context():
        assert db.session.scalar(select(ReviewLog)) is None
        assert db.session.get(CardState, state).version == version


def test_a_click_on_a_words_question_is_refused(app: Flask, client: FlaskClient, auth: AuthActions) -> None:
    start(app, client, auth, "which-point")
    page = client.get("/study/kidney").get_data(as_text=True)
    state, version = STATE_ID.search(page), VERSION.search(page)
    assert state and version
    response = client.post("/study/kidney/quiz", data={"state_id": state.group(1), "version": version.group(1),
                                                      "x": "10", "y": "10"})
    assert response.status_code == 400 and b"only a locate question" in response.data


def test_locate_can_be_answered_in_words_instead(app: Flask, client: FlaskClient, auth: AuthActions) -> None:
    start(app, client, auth, "locate", "KI-8")
    state, version, page = locate_card(client)
    assert "Choose its location in words" in page
    # the choices are the locations without the points' names, as in a where-is question
    right = next(number for number, text in CHOICE.findall(page)
                 if html.unescape(text) == bundled_points()["KI-8"].nameless_location)
    answer(client, state, version, choice=right, answer_ms=1000)
    assert graded(app, state).grade == 5


def test_name_the_dot_shows_a_dot_and_takes_a_name(app: Flask, client: FlaskClient, auth: AuthActions) -> None:
    start(app, client, auth, "name-dot", "KI-8")
    page = client.get("/study/kidney").get_data(as_text=True)
    state, version = STATE_ID.search(page), VERSION.search(page)
    assert state and version and 'class="m-dot"' in page and "Which point is marked by the dot" in page
    answer(client, int(state.group(1)), int(version.group(1)), typed="jiaoxin", answer_ms=2000)
    assert graded(app, int(state.group(1))).grade == 5


def test_every_charted_point_has_chart_quiz_cards(app: Flask) -> None:
    with app.app_context():
        kinds = db.session.execute(select(Card.kind, Card.key).where(Card.kind.in_(("quiz-locate", "quiz-name-dot")))
                                   ).all()
    assert len([k for k, _ in kinds if k == "quiz-locate"]) == 409
    assert len([k for k, _ in kinds if k == "quiz-name-dot"]) == 409


def test_card_backs_point_pages_and_deck_pages_show_the_charts(app: Flask, client: FlaskClient,
                                                              auth: AuthActions) -> None:
    auth.register()
    point = client.get("/points/KI-8").get_data(as_text=True)
    assert point.count("<svg") >= 1 and 'class="m-target"' in point and 'href="/points/KI-7"' in point
    assert "prominence of the medial malleolus" in point or "KI-7" in point
    deck = client.get("/decks/kidney").get_data(as_text=True)
    assert deck.count("<svg") >= 3 and 'class="m-path"' in deck
    assert all(f'href="/points/KI-{n}"' in deck for n in range(1, 28))
    assert client.get("/decks/no-such-deck").status_code == 404


def test_practice_locate_grades_without_touching_the_schedule(app: Flask, client: FlaskClient,
                                                             auth: AuthActions) -> None:
    auth.register()
    page = client.get("/quiz/practice?kind=locate&channel=KI&seed=9").get_data(as_text=True)
    code = re.search(r'class="code">(KI-\d+)<', page)
    view = re.search(r'data-view="([a-z-]+)"', page)
    assert code and view and 'id="locate-chart"' in page
    x, y, _ = place_of(app, code.group(1))
    result = client.post("/quiz/practice?kind=locate&channel=KI&seed=9", data={"x": x, "y": y})
    assert result.status_code == 200 and b"Right on it" in result.data and b"schedule is unchanged" in result.data
    with app.app_context():
        assert db.session.scalar(select(ReviewLog)) is None


def test_the_charts_api(client: FlaskClient) -> None:
    listed = client.get("/api/v1/charts").get_json()
    slugs = {chart["slug"] for chart in listed["charts"]}
    assert {"leg-medial", "foot-medial", "body-front", "body-back", "head-side", "hand-back"} <= slugs
    drawing = client.get("/api/v1/charts/leg-medial.svg")
    assert drawing.status_code == 200 and drawing.mimetype == "image/svg+xml"
    ElementTree.fromstring(drawing.data)  # well-formed SVG
    assert client.get("/api/v1/charts/nowhere.svg").status_code == 404
    positions = client.get("/api/v1/points/KI-8").get_json()["positions"]
    assert positions and positions[0]["view"] == "leg-medial" and positions[0]["side"] == "left"
    both = client.get("/api/v1/points/ST-25").get_json()["positions"]
    assert {p["side"] for p in both} == {"left", "right"}


def test_the_api_grades_a_click_by_its_distance(client: FlaskClient) -> None:
    spot = client.get("/api/v1/points/KI-8").get_json()["positions"][0]
    body = {"kind": "locate", "code": "KI-8", "view": spot["view"], "x": spot["x"], "y": spot["y"]}
    checked = client.post("/api/v1/quiz", json=body).get_json()
    assert checked["distance_cun"] == 0 and checked["grade"] == 5 and checked["correct"] is True
    assert checked["nearest_point"] == "KI-8" and checked["answer"]["code"] == "KI-8"
    far = client.post("/api/v1/quiz", json={**body, "y": spot["y"] - 200}).get_json()
    assert far["grade"] == 1 and far["correct"] is False and far["distance_cun"] > 1.5


@pytest.mark.parametrize(("changes", "reason"), [
    ({"code": "KI-99"}, "no point"),
    ({"view": "nowhere"}, "no chart"),
    ({"view": "head-front"}, "not on the head-front chart"),
    ({"x": "190"}, "numbers"),
    ({"x": True}, "numbers"),
    ({"x": 1e300}, "far outside"),
    ({"code": 8}, "as text"),
])
def test_the_api_says_why_a_locate_check_is_refused(client: FlaskClient, changes: dict[str, object],
                                                    reason: str) -> None:
    body = {"kind": "locate", "code": "KI-8", "view": "leg-medial", "x": 190, "y": 840, **changes}
    response = client.post("/api/v1/quiz", json=body)
    assert response.status_code == 400 and reason in response.get_json()["error"]
