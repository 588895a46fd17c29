"""Undo restores the previous state exactly; a card that lapses 8 times is suspended as a leech."""

from __future__ import annotations

from datetime import timedelta

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select, update

from studyapp.extensions import db
from studyapp.models import Card, CardState, ReviewLog
from tests.conftest import AuthActions, Clock, choose_decks, current_card, grade_current

STATE_FIELDS = ("repetitions", "easiness_centi", "interval", "due_day", "lapses", "redrill_day",
                "last_reviewed_at", "suspended", "buried_day")


def state_of(app: Flask, state_id: int) -> dict:
    with app.app_context():
        state = db.session.get(CardState, state_id)
        assert state is not None
        return {name: getattr(state, name) for name in STATE_FIELDS} | {"version": state.version}


def log_count(app: Flask) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(ReviewLog)) or 0


def test_undo_restores_the_exact_previous_state_and_removes_the_log_row(
        app: Flask, client: FlaskClient, auth: AuthActions, clock: Clock) -> None:
    auth.register()
    choose_decks(client, "kidney")
    state_id = grade_current(client, 5)
    clock.advance(days=1)
    assert current_card(client)[0] == state_id  # due again tomorrow
    before = state_of(app, state_id)
    grade_current(client, 2)  # a lapse: repetitions reset, lapses + 1, re-drill today
    lapsed = state_of(app, state_id)
    assert (lapsed["lapses"], lapsed["repetitions"]) == (1, 0) and lapsed["redrill_day"] is not None
    response = client.post("/study/undo")
    assert response.status_code == 302 and response.headers["Location"].endswith("/study/kidney")
    after = state_of(app, state_id)
    assert {k: v for k, v in after.items() if k != "version"} == {k: v for k, v in before.items() if k != "version"}
    assert after["version"] > lapsed["version"]  # a form opened before the undo is stale now
    assert log_count(app) == 1
    assert current_card(client)[0] == state_id  # the card is back in today's queue


def test_undo_steps_back_one_answer_at_a_time_and_then_says_so(app: Flask, client: FlaskClient,
                                                              auth: AuthActions) -> None:
    auth.register()
    choose_decks(client, "kidney")
    first = grade_current(client, 5)
    second = grade_current(client, 4)
    assert first != second
    client.post("/study/undo")
    client.post("/study/undo")
    assert log_count(app) == 0
    assert state_of(app, first)["due_day"] is None and state_of(app, second)["due_day"] is None
    page = client.post("/study/undo", follow_redirects=True).get_data(as_text=True)
    assert "There is no answer to undo." in page


def test_undo_only_ever_touches_the_students_own_answers(app: Flask, client: FlaskClient,
                                                         auth: AuthActions) -> None:
    auth.register()
    choose_decks(client, "kidney")
    mine = grade_current(client, 5)
    other = app.test_client()
    AuthActions(other).register("other")
    choose_decks(other, "kidney")
    other.post("/study/undo")  # has nothing to undo
    assert log_count(app) == 1 and state_of(app, mine)["repetitions"] == 1


def test_eighth_lapse_suspends_the_card_as_a_leech(app: Flask, client: FlaskClient, auth: AuthActions,
                                                   clock: Clock) -> None:
    auth.register()
    choose_decks(client, "kidney")
    state_id = grade_current(client, 5)
    for lapse in range(1, 9):
        clock.advance(days=1)
        assert current_card(client)[0] == state_id
        response = client.post("/study/kidney/answer", follow_redirects=True, data={
            "state_id": state_id, "version": state_of(app, state_id)["version"], "grade": 1})
        page = response.get_data(as_text=True)
        assert state_of(app, state_id)["lapses"] == lapse
        assert ("suspended as a leech" in page) == (lapse == 8)
    assert state_of(app, state_id)["suspended"] is True
    clock.advance(days=1)
    assert current_card(client)[0] != state_id  # gone from the queue
    # Undoing the lapse that made it a leech brings it back exactly as it was.
    client.post("/study/undo")
    assert state_of(app, state_id)["suspended"] is False and state_of(app, state_id)["lapses"] == 7


def lapse_once_more(app: Flask, state_id: int, lapses: int) -> None:
    """Give a reviewed card `lapses` lapses and make it due today, as if it had lapsed that often."""
    with app.app_context():
        state = db.session.get(CardState, state_id)
        assert state is not None and state.due_day is not None
        state.lapses, state.due_day = lapses, state.due_day - timedelta(days=state.interval)
        db.session.commit()


def test_the_leech_notice_says_how_often_the_card_lapsed(app: Flask, client: FlaskClient,
                                                         auth: AuthActions) -> None:
    auth.register()
    choose_decks(client, "kidney")
    state_id = grade_current(client, 5)
    lapse_once_more(app, state_id, 7)
    page = client.post("/study/kidney/answer", follow_redirects=True, data={
        "state_id": state_id, "version": state_of(app, state_id)["version"], "grade": 1}).get_data(as_text=True)
    assert "This card has now lapsed 8 times, so it is suspended as a leech." in page
    assert state_of(app, state_id)["suspended"] is True


def test_a_quiz_card_that_becomes_a_leech_says_so_too(app: Flask, client: FlaskClient, auth: AuthActions) -> None:
    auth.register()
    choose_decks(client, "kidney")
    client.get("/study/kidney")  # enrolls the student in the deck's cards
    with app.app_context():  # only the where-is quiz cards stay in the queue
        quiz_cards = select(Card.id).where(Card.kind == "quiz-where-is")
        db.session.execute(update(CardState).where(CardState.card_id.not_in(quiz_cards)).values(suspended=True))
        db.session.commit()
    state_id, version, _ = current_card(client)
    client.post("/study/kidney/quiz", data={"state_id": state_id, "version": version, "give_up": "1"})
    lapse_once_more(app, state_id, 7)
    state_id_again, version, _ = current_card(client)
    assert state_id_again == state_id
    page = client.post("/study/kidney/quiz", follow_redirects=True, data={
        "state_id": state_id, "version": version, "give_up": "1"}).get_data(as_text=True)
    assert "This card has now lapsed 8 times, so it is suspended as a leech." in page
    assert state_of(app, state_id)["suspended"] is True
