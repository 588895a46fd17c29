"""Races: requests of one student at the same moment, each on its own thread, against the real
database (SQLite here, PostgreSQL with --postgres). An undo takes back exactly one answer; one
backup restored twice at once goes in once."""

from __future__ import annotations

import io
import threading
from collections.abc import Callable
from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select
from werkzeug.test import TestResponse

from studyapp.extensions import db
from studyapp.models import CardState, ReviewDay, ReviewLog
from studyapp.services import review_days
from tests.conftest import AuthActions, choose_decks, grade_current, user_id

ROUNDS = 6


def same_session(app: Flask, client: FlaskClient, copies: int) -> list[FlaskClient]:
    """Clients carrying `client`'s session cookie: the same student in several tabs."""
    cookie = client.get_cookie("session")
    assert cookie is not None
    clients = []
    for _ in range(copies):
        other = app.test_client()
        other.set_cookie("session", cookie.value)
        clients.append(other)
    return clients


def at_once(requests: list[Callable[[], TestResponse]]) -> list[TestResponse]:
    """Send every request on its own thread, released together; re-raise anything a thread raised."""
    barrier = threading.Barrier(len(requests))
    results: list[Any] = [None] * len(requests)

    def run(index: int) -> None:
        barrier.wait()
        try:
            results[index] = requests[index]()
        except BaseException as error:  # handed to the test below
            results[index] = error

    threads = [threading.Thread(target=run, args=(index,)) for index in range(len(requests))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    for result in results:
        if isinstance(result, BaseException):
            raise result
    return results


def log_and_days(app: Flask, student: int) -> tuple[int, int, list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """(log rows, answers summed in review_days, the day rows, the day rows a recount gives)."""
    with app.app_context():
        log_rows = db.session.scalar(select(func.count()).select_from(ReviewLog).where(ReviewLog.user_id == student))
        days = [tuple(row) for row in db.session.execute(
            select(ReviewDay.study_day, ReviewDay.answers, ReviewDay.reviews, ReviewDay.answer_ms)
            .where(ReviewDay.user_id == student).order_by(ReviewDay.study_day))]
        review_days.recount(student)
        recounted = [tuple(row) for row in db.session.execute(
            select(ReviewDay.study_day, ReviewDay.answers, ReviewDay.reviews, ReviewDay.answer_ms)
            .where(ReviewDay.user_id == student).order_by(ReviewDay.study_day))]
        db.session.rollback()
        return log_rows or 0, sum(day[1] for day in days), days, recounted


def card_state(app: Flask, state_id: int) -> tuple[Any, ...]:
    with app.app_context():
        state = db.session.get(CardState, state_id)
        assert state is not None
        return state.repetitions, state.due_day, state.interval, state.lapses


def test_two_undos_at_once_take_back_one_answer_each(app: Flask, client: FlaskClient, auth: AuthActions) -> None:
    """Two undos that both read the same latest answer take it back once: the second changes nothing
    and says so. (One that starts after the first has finished takes back the answer before, as a
    second press of U would.) Either way the log, the day sums and the cards agree."""
    auth.register()
    student = user_id(app)
    overlapped = 0
    for _ in range(ROUNDS):
        first = grade_current(client, 5, answer_ms=1000)
        first_after = card_state(app, first)
        second = grade_current(client, 5, answer_ms=2000)
        logged, summed, _, _ = log_and_days(app, student)
        assert logged == summed

        responses = at_once([lambda tab=tab: tab.post("/study/undo", follow_redirects=True)
                             for tab in same_session(app, client, 2)])
        assert [response.status_code for response in responses] == [200, 200]
        pages = [response.get_data(as_text=True) for response in responses]
        undone = sum("Undone: your grade 5" in page for page in pages)
        refused = sum("That answer was just taken back" in page for page in pages)
        assert undone + refused == 2 and undone >= 1, pages
        overlapped += refused

        logged_after, summed_after, days, recounted = log_and_days(app, student)
        assert logged_after == logged - undone, "each undo that says so takes back one answer, no more"
        assert summed_after == logged_after and days == recounted, "the day sums match the log"
        assert card_state(app, second)[:2] == (0, None), "the latest answer is undone"
        assert card_state(app, first) == ((0, None, 0, 0) if undone == 2 else first_after)
    assert overlapped, "the undos never overlapped: the race was not exercised"


def test_one_backup_restored_twice_at_once_goes_in_once(app: Flask, client: FlaskClient, auth: AuthActions) -> None:
    auth.register("teacher")
    choose_decks(client, "kidney")
    for grade in (5, 4, 3, 5):
        grade_current(client, grade)
    backup = client.get("/export/backup.json").data
    auth.logout()

    for round_number in range(ROUNDS):
        fresh = app.test_client()
        AuthActions(fresh).register(f"student-{round_number}")
        fresh.get("/study/kidney")  # card states, no reviews
        student = user_id(app, f"student-{round_number}")

        def restore(tab: FlaskClient) -> TestResponse:
            return tab.post("/export/restore", data={"backup": (io.BytesIO(backup), "backup.json")},
                            content_type="multipart/form-data")

        responses = at_once([lambda tab=tab: restore(tab) for tab in same_session(app, fresh, 2)])
        codes = sorted(response.status_code for response in responses)
        assert codes == [302, 400], codes
        refused = next(response for response in responses if response.status_code == 400)
        assert "already has 4 review(s)" in refused.get_data(as_text=True)
        logged, summed, days, recounted = log_and_days(app, student)
        assert logged == summed == 4 and days == recounted
        with app.app_context():
            assert db.session.scalar(select(func.count()).select_from(CardState).where(
                CardState.user_id == student, CardState.due_day.is_not(None))) == 4
