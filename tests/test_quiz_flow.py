"""Quiz cards in the daily queue (graded from the outcome), practice mode and the quiz API."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select, update

from studyapp.extensions import db
from studyapp.models import Card, CardState, Deck, Point, ReviewLog
from tests.conftest import AuthActions, bundled_points, choose_decks

CHOICE = re.compile(r'name="choice" value="(\d)"[^>]*>\s*<kbd>\d</kbd> <span>(.*?)</span>', re.S)
STATE_ID = re.compile(r'name="state_id"[^>]*value="(\d+)"')
VERSION = re.compile(r'name="version"[^>]*value="(\d+)"')


def only_quiz_cards(app: Flask, kind: str, code: str | None = None) -> None:
    """Suspend every card of the student except quiz cards of `kind` (and of point `code`)."""
    with app.app_context():
        keep = select(Card.id).join(Point, Point.id == Card.point_id).where(Card.kind == f"quiz-{kind}")
        if code:
            keep = keep.where(Point.code == code)
        db.session.execute(update(CardState).where(CardState.card_id.not_in(keep)).values(suspended=True))
        db.session.commit()


def start(app: Flask, client: FlaskClient, auth: AuthActions, kind: str, code: str | None = None) -> None:
    auth.register()
    choose_decks(client, "kidney")
    client.get("/study/kidney")  # enrolls the student in the deck's cards
    only_quiz_cards(app, kind, code)


def record(app: Flask, code: str) -> dict:
    with app.app_context():
        return db.session.scalar(select(Point.record).where(Point.code == code))


def question(client: FlaskClient) -> tuple[int, int, str, list[str]]:
    page = client.get("/study/kidney").get_data(as_text=True)
    state, version = STATE_ID.search(page), VERSION.search(page)
    assert state and version, page
    choices = [html.unescape(text) for _, text in CHOICE.findall(page)]
    return int(state.group(1)), int(version.group(1)), page, choices


def right_choice(app: Flask, page: str, choices: list[str]) -> tuple[int, str]:
    """The number of the right choice and the answer's code, read from the page and the records."""
    if 'data-kind="where-is"' in page:
        code = re.search(r'class="code"[^>]*>([A-Z]+-\d+)<', page).group(1)
        return choices.index(bundled_points()[code].nameless_location) + 1, code
    prompt = html.unescape(re.search(r'id="quiz-prompt">(.*?)</', page, re.S).group(1)).strip()
    codes = [text.split()[0] for text in choices]
    answer = next(code for code in codes if bundled_points()[code].nameless_location == prompt)
    return codes.index(answer) + 1, answer


def answer(client: FlaskClient, state: int, version: int, **fields) -> str:  # type: ignore[no-untyped-def]
    response = client.post("/study/kidney/quiz", data={"state_id": state, "version": version, **fields})
    assert response.status_code == 302, response.get_data(as_text=True)
    return response.headers["Location"]


def logged(app: Flask) -> list[tuple[int, int]]:
    with app.app_context():
        return [tuple(row) for row in db.session.execute(
            select(ReviewLog.card_id, ReviewLog.grade).order_by(ReviewLog.id))]


def test_every_point_has_location_quiz_cards(app: Flask) -> None:
    with app.app_context():
        kidney = db.session.scalar(select(Deck.id).where(Deck.slug == "kidney"))
        kinds = dict(db.session.execute(
            select(Card.kind, func.count()).where(Card.deck_id == kidney, Card.retired.is_(False))
            .group_by(Card.kind)).all())
    assert kinds["quiz-which-point"] == kinds["quiz-where-is"] == 27
    assert 0 < kinds["quiz-relation"] <= 27


@pytest.mark.parametrize("kind", ["which-point", "where-is", "relation"])
def test_right_at_once_grades_5_and_shows_the_answer(app: Flask, client: FlaskClient, auth: AuthActions,
                                                     kind: str) -> None:
    start(app, client, auth, kind)
    state, version, page, choices = question(client)
    assert 4 <= len(choices) <= 6 and len(set(choices)) == len(choices)
    assert 'href="/points/' not in page  # no link to a point's page, whose record holds the answer
    number, code = right_choice(app, page, choices) if kind != "relation" else (None, None)
    if kind == "relation":  # the answer is the point the card belongs to
        with app.app_context():
            code = db.session.get(CardState, state).card.point.code
        number = [text.split()[0] for text in choices].index(code) + 1
    result_url = answer(client, state, version, choice=number, answer_ms=2000)
    result = client.get(result_url).get_data(as_text=True)
    assert "Correct" in result and record(app, code)["location"] in html.unescape(result)
    assert "Graded 5" in result
    assert [grade for _, grade in logged(app)] == [5]


def test_slow_right_answer_grades_4(app: Flask, client: FlaskClient, auth: AuthActions) -> None:
    start(app, client, auth, "where-is")
    state, version, page, choices = question(client)
    number, _ = right_choice(app, page, choices)
    answer(client, state, version, choice=number, answer_ms=20_000)
    assert [grade for _, grade in logged(app)] == [4]


def test_wrong_then_right_grades_3_and_teaches_the_mistake(app: Flask, client: FlaskClient,
                                                          auth: AuthActions) -> None:
    start(app, client, auth, "which-point")
    state, version, page, choices = question(client)
    number, _ = right_choice(app, page, choices)
    wrong = 1 if number != 1 else 2
    wrong_code = choices[wrong - 1].split()[0]
    answer(client, state, version, choice=wrong)
    assert logged(app) == []  # a first wrong try is not graded yet
    again = client.get("/study/kidney").get_data(as_text=True)
    assert "one more try" in again and html.escape(record(app, wrong_code)["location"]) in again
    assert re.search(rf'value="{wrong}" class="choice"\s+disabled', again)
    result_url = answer(client, state, version, choice=number)
    result = html.unescape(client.get(result_url).get_data(as_text=True))
    assert "Your first try" in result and record(app, wrong_code)["location"] in result
    assert [grade for _, grade in logged(app)] == [3]
    # Graded 3: below 4, so step 7 brings it back later today (after the new cards).
    page = client.get("/study/kidney").get_data(as_text=True)
    assert re.search(r'class="again"[^>]*><strong>1</strong> again', page)
    with app.app_context():
        again_state = db.session.get(CardState, state)
        assert again_state.redrill_day is not None and again_state.version == version + 1


def test_wrong_twice_grades_1_and_shows_both_locations(app: Flask, client: FlaskClient,
                                                       auth: AuthActions) -> None:
    start(app, client, auth, "which-point")
    state, version, page, choices = question(client)
    number, code = right_choice(app, page, choices)
    wrongs = [n for n in range(1, len(choices) + 1) if n != number][:2]
    answer(client, state, version, choice=wrongs[0])
    result_url = answer(client, state, version, choice=wrongs[1])
    result = html.unescape(client.get(result_url).get_data(as_text=True))
    second = choices[wrongs[1] - 1].split()[0]
    assert "Not this time" in result
    assert record(app, second)["location"] in result and record(app, code)["location"] in result
    assert [grade for _, grade in logged(app)] == [1]


def test_typed_answers_are_lenient_and_almost_is_a_3(app: Flask, client: FlaskClient, auth: AuthActions) -> None:
    start(app, client, auth, "which-point", code="KI-8")
    state, version, _, _ = question(client)
    result_url = answer(client, state, version, typed="jiaoxn", answer_ms=3000)
    result = client.get(result_url).get_data(as_text=True)
    assert "Almost — did you mean" in result and "Jiāoxìn" in result
    assert [grade for _, grade in logged(app)] == [3]
    # Step 7 brings it back today; a typed code in an alias form is right at once.
    state, version, _, _ = question(client)
    answer(client, state, version, typed="kid 8", answer_ms=3000)
    assert [grade for _, grade in logged(app)] == [3, 5]


def test_typing_another_points_name_shows_it_next_to_the_answer(app: Flask, client: FlaskClient,
                                                                auth: AuthActions) -> None:
    start(app, client, auth, "which-point", code="KI-8")
    state, version, _, _ = question(client)
    answer(client, state, version, typed="Fuliu")
    page = html.unescape(client.get("/study/kidney").get_data(as_text=True))
    assert "one more try" in page and "KI-7" in page and record(app, "KI-7")["location"] in page
    result_url = answer(client, state, version, typed="交信")
    assert "Graded 3" in client.get(result_url).get_data(as_text=True)


def test_giving_up_grades_0(app: Flask, client: FlaskClient, auth: AuthActions) -> None:
    start(app, client, auth, "where-is")
    state, version, _, _ = question(client)
    result = client.get(answer(client, state, version, give_up="1")).get_data(as_text=True)
    assert "Here is the answer" in result and "Graded 0" in result
    assert [grade for _, grade in logged(app)] == [0]


def test_double_submit_grades_once(app: Flask, client: FlaskClient, auth: AuthActions) -> None:
    start(app, client, auth, "where-is")
    state, version, page, choices = question(client)
    number, _ = right_choice(app, page, choices)
    answer(client, state, version, choice=number)
    answer(client, state, version, choice=number)
    assert len(logged(app)) == 1


def test_bad_values_are_400_and_change_nothing(app: Flask, client: FlaskClient, auth: AuthActions) -> None:
    start(app, client, auth, "where-is")
    state, version, _, _ = question(client)
    for data in ({"choice": 9}, {"choice": "x"}, {"typed": "KI-8"}, {}):
        response = client.post("/study/kidney/quiz", data={"state_id": state, "version": version, **data})
        assert response.status_code == 400, data
        assert "Bad answer" in response.get_data(as_text=True)
    assert logged(app) == []


def test_cannot_answer_another_students_quiz_card(app: Flask, client: FlaskClient, auth: AuthActions) -> None:
    start(app, client, auth, "where-is")
    state, version, _, _ = question(client)
    other = app.test_client()
    AuthActions(other).register("other")
    response = other.post("/study/kidney/quiz", data={"state_id": state, "version": version, "choice": 1})
    assert response.status_code == 404 and logged(app) == []


def test_quiz_entry_and_deck_page_reach_every_kind(client: FlaskClient, auth: AuthActions) -> None:
    auth.register()
    choose_decks(client, "kidney")
    decks = client.get("/").get_data(as_text=True)
    entry = client.get("/quiz").get_data(as_text=True)
    for kind in ("which-point", "where-is", "relation"):
        assert f"/quiz/practice?kind={kind}&amp;channel=KI" in decks
        assert f'value="{kind}"' in entry
    assert 'href="/quiz"' in decks  # the "Quiz me on locations" entry in the header


@pytest.mark.parametrize("kind", ["which-point", "where-is", "relation"])
def test_practice_mode_checks_answers_without_touching_the_schedule(app: Flask, client: FlaskClient,
                                                                    auth: AuthActions, kind: str) -> None:
    auth.register()
    first = client.get(f"/quiz/practice?kind={kind}&channel=KI")
    assert first.status_code == 302 and "seed=" in first.headers["Location"]
    url = first.headers["Location"]
    page = client.get(url).get_data(as_text=True)
    choices = [html.unescape(text) for _, text in CHOICE.findall(page)]
    assert CHOICE.findall(client.get(url).get_data(as_text=True)) == CHOICE.findall(page)  # the seed fixes it
    assert 4 <= len(choices) <= 6
    result = client.post(url, data={"choice": 1}).get_data(as_text=True)
    assert ("Correct" in result) or ("Not this time" in result)
    assert "Practice only" in result and "Next question" in result
    assert logged(app) == []


def test_practice_with_an_impossible_filter_is_a_400(client: FlaskClient, auth: AuthActions) -> None:
    auth.register()
    assert client.get("/quiz/practice?kind=which-point&channel=LU&region=foot&seed=1").status_code == 400
    assert client.get("/quiz/practice?kind=nonsense&seed=1").status_code == 400


def test_api_question_hides_the_answer_and_checks_it(client: FlaskClient) -> None:
    question = client.get("/api/v1/quiz?kind=where-is&channel=KI&seed=abc").get_json()
    again = client.get("/api/v1/quiz?kind=where-is&channel=KI&seed=abc").get_json()
    assert question == again and question["seed"] == "abc"
    assert set(question["choices"][0]) == {"number", "text"}  # no codes on the choices
    code = question["point"]["code"]
    location = client.get(f"/api/v1/points/{code}").get_json()["location"]
    right = next(c["number"] for c in question["choices"] if c["text"] == bundled_points()[code].nameless_location)
    checked = client.post("/api/v1/quiz", json={"kind": "where-is", "channel": "KI", "seed": "abc",
                                                "choice": right}).get_json()
    assert checked["correct"] is True and checked["answer"]["code"] == code
    wrong = client.post("/api/v1/quiz", json={"kind": "where-is", "channel": "KI", "seed": "abc",
                                              "choice": right % len(question["choices"]) + 1}).get_json()
    assert wrong["correct"] is False and wrong["chosen"]["location"] != location


def test_api_typed_answer(client: FlaskClient) -> None:
    question = client.get("/api/v1/quiz?kind=which-point&channel=KI&seed=7").get_json()
    codes = [c["text"].split()[0] for c in question["choices"]]
    code = next(code for code in codes if bundled_points()[code].nameless_location == question["prompt"])
    typed = code.replace("KI-", "k")
    checked = client.post("/api/v1/quiz", json={"kind": "which-point", "channel": "KI", "seed": "7",
                                                "answer": typed}).get_json()
    assert checked["correct"] is True and checked["outcome"] == "correct"


@pytest.mark.parametrize(("method", "url", "body"), [
    ("get", "/api/v1/quiz?kind=bogus", None),
    ("get", "/api/v1/quiz?kind=which-point&region=moon", None),
    ("post", "/api/v1/quiz", {"kind": "which-point", "choice": 1}),  # no seed
    ("post", "/api/v1/quiz", {"kind": "which-point", "seed": "1", "choice": 99}),
    ("post", "/api/v1/quiz", {"kind": "which-point", "seed": "1", "choice": True}),
    ("post", "/api/v1/quiz", ["not", "an", "object"]),
])
def test_api_bad_requests_are_400_json(client: FlaskClient, method: str, url: str, body: object) -> None:
    response = client.get(url) if method == "get" else client.post(url, json=body)
    assert response.status_code == 400 and response.is_json and response.get_json()["error"]


def test_quiz_grade_thresholds_are_configurable(app_factory: Callable[..., Flask]) -> None:
    app = app_factory(QUIZ_FAST_MS=60_000)
    client = app.test_client()
    auth = AuthActions(client)
    start(app, client, auth, "where-is")
    state, version, page, choices = question(client)
    number, _ = right_choice(app, page, choices)
    answer(client, state, version, choice=number, answer_ms=20_000)
    assert [grade for _, grade in logged(app)] == [5]
