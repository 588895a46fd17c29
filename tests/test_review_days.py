"""review_days, the per-day sums of the review log the progress page reads: they follow every answer
and undo, survive a restore, and the migration that adds them fills them from an existing log."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date, timedelta

from flask import Flask
from flask.testing import FlaskClient
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, select, text

from studyapp.core.progress import stats
from studyapp.extensions import db
from studyapp.models import Card, CardState, ReviewDay, ReviewLog, User
from tests.conftest import START, AuthActions, Clock, choose_decks, current_card, grade_current

TODAY = START.date()


def stored_days(username: str) -> list[stats.DayTotals]:
    user = db.session.scalar(select(User).where(User.username == username))
    assert user is not None
    rows = db.session.execute(
        select(ReviewDay.study_day, *(getattr(ReviewDay, name) for name in stats.DayTotals._fields[1:]))
        .where(ReviewDay.user_id == user.id).order_by(ReviewDay.study_day))
    return [stats.DayTotals(*row) for row in rows]


def days_from_log(username: str) -> list[stats.DayTotals]:
    """What the days should be: the student's whole log summed in Python."""
    user = db.session.scalar(select(User).where(User.username == username))
    assert user is not None
    rows = db.session.execute(
        select(ReviewLog.study_day, ReviewLog.kind, ReviewLog.prev_interval, ReviewLog.grade, ReviewLog.answer_ms)
        .where(ReviewLog.user_id == user.id))
    return stats.day_totals((day, kind, interval, grade, ms) for day, kind, interval, grade, ms in rows)


def test_days_follow_answers_and_undos(app: Flask, client: FlaskClient, auth: AuthActions, clock: Clock) -> None:
    auth.register("other")
    choose_decks(client, "kidney")
    grade_current(client, 5)
    auth.logout()
    auth.register("mei")
    client.post("/settings", data={"timezone": "UTC", "new_cards_per_day": 3, "reviews_per_day": 200})
    choose_decks(client, "kidney")

    # Monday: three new cards, one failed, then its re-drill.
    for grade in (5, 2, 4):
        grade_current(client, grade)
    grade_current(client, 5)  # the re-drill
    with app.app_context():
        assert stored_days("mei") == [stats.DayTotals(
            TODAY, answers=4, redrills=1, reviews=0, mature_passed=0, mature_total=0, young_passed=0,
            young_total=0, answer_ms=4 * 1500)]
        assert [(day.study_day, day.answers) for day in stored_days("other")] == [(TODAY, 1)]

    # Tuesday: the three come back as young reviews; one fails. Undo the last answer.
    clock.advance(days=1)
    for grade in (4, 1, 5):
        grade_current(client, grade)
    client.post("/study/undo")
    with app.app_context():
        tuesday = stored_days("mei")[1]
        assert (tuesday.study_day, tuesday.answers, tuesday.reviews) == (TODAY + timedelta(days=1), 2, 2)
        assert (tuesday.young_passed, tuesday.young_total) == (1, 2)
        assert stored_days("mei") == days_from_log("mei")

    # Wednesday: one answer, undone: the day is gone again, as if nothing was studied.
    clock.advance(days=1)
    current_card(client)
    grade_current(client, 5)
    client.post("/study/undo")
    with app.app_context():
        assert [day.study_day for day in stored_days("mei")] == [TODAY, TODAY + timedelta(days=1)]
        assert stored_days("mei") == days_from_log("mei")
        assert [(day.study_day, day.answers) for day in stored_days("other")] == [(TODAY, 1)]


def test_the_migration_fills_days_from_an_existing_log(app_factory: Callable[..., Flask]) -> None:
    """Down to the schema before review_days, a log written there, then up again."""
    app = app_factory()
    with app.app_context():
        downgrade(revision="0004")
        assert "review_days" not in inspect(db.engine).get_table_names()
        card_id = db.session.scalar(select(Card.id).order_by(Card.id).limit(1))
        for user_id, name in ((1, "ann"), (2, "bo")):
            db.session.execute(text(
                "INSERT INTO users (id, username, password_hash, timezone, new_cards_per_day, reviews_per_day, "
                "created_at) VALUES (:id, :name, 'x', 'UTC', 20, 200, '2026-01-01 00:00:00')"),
                {"id": user_id, "name": name})
        # (user, day, kind, interval before, grade, ms): every class of answer, on two days and two users.
        log = [
            (1, date(2026, 3, 1), "new", 0, 4, 1000), (1, date(2026, 3, 1), "redrill", 1, 2, 500),
            (1, date(2026, 3, 2), "review", 21, 3, 700), (1, date(2026, 3, 2), "review", 20, 2, 900),
            (1, date(2026, 3, 2), "review", 1, 5, 300), (1, date(2026, 3, 2), "review", 90, 1, 200),
            (1, date(2026, 3, 2), "review", 0, 5, 100), (2, date(2026, 3, 2), "new", 0, 0, 50),
        ]
        for user_id, day, kind, interval, grade, ms in log:
            db.session.execute(text(
                "INSERT INTO review_log (user_id, card_id, reviewed_at, study_day, kind, grade, answer_ms, "
                "prev_repetitions, prev_easiness_centi, prev_interval, new_repetitions, new_easiness_centi, "
                "new_interval, new_due_day) VALUES (:user, :card, :at, :day, :kind, :grade, :ms, 1, 250, "
                ":interval, 2, 250, 6, :day)"),
                {"user": user_id, "card": card_id, "at": f"{day} 10:00:00", "day": day, "kind": kind,
                 "grade": grade, "ms": ms, "interval": interval})
        db.session.commit()
        upgrade()
        for user_id, name in ((1, "ann"), (2, "bo")):
            expected = stats.day_totals(row[1:] for row in log if row[0] == user_id)
            assert stored_days(name) == expected == days_from_log(name)
        assert stored_days("ann")[1] == stats.DayTotals(
            date(2026, 3, 2), answers=5, redrills=0, reviews=5, mature_passed=1, mature_total=2, young_passed=1,
            young_total=2, answer_ms=2200)
        indexes = {index["name"] for index in inspect(db.engine).get_indexes("review_log")}
        assert "ix_review_log_user_day" in indexes and "ix_review_log_user_day_tally" not in indexes
        db.session.remove()


def test_concurrent_answers_and_double_clicks_count_once(app: Flask) -> None:
    """Two students, each answering from two tabs at once while a third tab re-sends every other
    answer (a double-click): every card is answered once, nothing fails, and each student's day
    sums match their own log."""
    cards: dict[str, list[tuple[int, int]]] = {}
    for name in ("ana", "ben"):
        client = app.test_client()
        AuthActions(client).register(name)
        client.post("/settings", data={"timezone": "UTC", "new_cards_per_day": 30, "reviews_per_day": 200})
        client.get("/study/kidney")  # choose the deck: the student gets a state for each card
        with app.app_context():
            user = db.session.scalar(select(User).where(User.username == name))
            assert user is not None
            cards[name] = [(state.id, state.version) for state in db.session.scalars(
                select(CardState).where(CardState.user_id == user.id).order_by(CardState.id).limit(24))]

    statuses: list[int] = []

    def tab(name: str, states: list[tuple[int, int]], start: threading.Barrier) -> None:
        client = app.test_client()
        AuthActions(client).login(name)
        start.wait()
        for state_id, version in states:
            response = client.post("/study/kidney/answer", data={
                "state_id": state_id, "version": version, "grade": 4, "answer_ms": 1000})
            statuses.append(response.status_code)

    plans = [(name, part) for name in cards for part in (cards[name][::2], cards[name][1::2], cards[name][::2])]
    start = threading.Barrier(len(plans))
    threads = [threading.Thread(target=tab, args=(name, part, start)) for name, part in plans]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(statuses) == 2 * (24 + 12) and all(status < 500 for status in statuses), statuses
    with app.app_context():
        for name in cards:
            answered = db.session.scalars(
                select(ReviewLog.card_id).join(User, User.id == ReviewLog.user_id).where(User.username == name)).all()
            assert len(answered) == len(set(answered)) == 24, name
            assert stored_days(name) == days_from_log(name)
            assert stored_days(name)[0].answers == 24
