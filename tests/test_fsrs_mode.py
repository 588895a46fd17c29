"""FSRS beside SM-2 in the app: every answer advances both models in one transaction, switching the
scheduler is instant and loses nothing either way, FSRS mode grades Again/Hard/Good/Easy, a new
retention moves FSRS's due days (and back), undo restores both, the optimizer fits a student's own
parameters (page and command), the point and progress pages show recall, and migration 0007 fills
FSRS states from the history already there."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from flask_migrate import downgrade, upgrade
from sqlalchemy import insert, select, update

from studyapp.core.scheduling import fsrs, sm2
from studyapp.extensions import db
from studyapp.models import Card, CardState, Deck, ReviewLog, User
from studyapp.services import fsrs_states
from studyapp.services.day_plan import plan_for_deck, today_for
from tests.conftest import START, AuthActions, Clock, choose_decks, current_card, grade_current
from tests.test_fsrs import generated_histories

TODAY = START.date()
FSRS_COLUMNS = ("fsrs_stability", "fsrs_difficulty", "fsrs_last_day", "fsrs_due_day")
SM2_COLUMNS = ("repetitions", "easiness_centi", "interval", "due_day", "lapses", "redrill_day", "suspended")


def rate_current(client: FlaskClient, rating: int, slug: str = "kidney") -> int:
    state_id, version, _ = current_card(client, slug)
    response = client.post(f"/study/{slug}/answer", data={"state_id": state_id, "version": version,
                                                          "rating": rating, "answer_ms": 1500})
    assert response.status_code == 302, response.get_data(as_text=True)
    return state_id


def student(username: str = "student") -> User:
    user = db.session.scalar(select(User).where(User.username == username))
    assert user is not None
    return user


def states(app: Flask, username: str = "student") -> dict[str, dict[str, Any]]:
    """Every card state of the student by card key: SM-2's and FSRS's columns."""
    with app.app_context():
        rows = db.session.execute(
            select(Card.key, CardState).join(Card, Card.id == CardState.card_id)
            .where(CardState.user_id == student(username).id)).all()
        return {key: {name: getattr(state, name) for name in (*SM2_COLUMNS, *FSRS_COLUMNS)} for key, state in rows}


def queue(app: Flask, username: str = "student", days: int = 30, slug: str = "kidney") -> list[tuple[list[int], ...]]:
    with app.app_context():
        user = student(username)
        deck = db.session.scalar(select(Deck).where(Deck.slug == slug))
        assert deck is not None
        today = today_for(user, app.config["CLOCK"]())
        return [(plan.reviews, plan.new, plan.redrills)
                for plan in (plan_for_deck(user, deck, today + timedelta(days=n)) for n in range(days))]


def study(client: FlaskClient, answer: Callable[[int], object], values: tuple[int, ...], limit: int = 40) -> int:
    """Answer today's Kidney queue with `values` in turn, until it is empty. Returns how many answers."""
    done = 0
    while done < limit and 'name="state_id"' in client.get("/study/kidney").get_data(as_text=True):
        answer(values[done % len(values)])
        done += 1
    return done


def log_of(app: Flask, username: str = "student") -> dict[int, list[ReviewLog]]:
    with app.app_context():
        rows = db.session.scalars(select(ReviewLog).where(ReviewLog.user_id == student(username).id)
                                  .order_by(ReviewLog.id)).all()
        by_card: dict[int, list[ReviewLog]] = {}
        for row in rows:
            db.session.expunge(row)
            by_card.setdefault(row.card_id, []).append(row)
        return by_card


def set_scheduler(client: FlaskClient, scheduler: str, **more: object) -> str:
    response = client.post("/settings", data={"scheduler": scheduler, **more}, follow_redirects=True)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_data(as_text=True)


# --- both models on every answer -------------------------------------------------------------------

def test_both_states_advance_on_every_answer(app: Flask, client: FlaskClient, auth: AuthActions,
                                             clock: Clock) -> None:
    auth.register()
    choose_decks(client, "kidney")
    state_id = grade_current(client, 4)  # SM-2 mode: a new card, Good for FSRS
    with app.app_context():
        state = db.session.get(CardState, state_id)
        assert state is not None
        assert (state.repetitions, state.interval, state.due_day) == (1, 1, TODAY + timedelta(days=1))
        assert state.fsrs_stability == pytest.approx(fsrs.DEFAULT_PARAMETERS[2])  # Good's initial stability
        assert (state.fsrs_last_day, state.fsrs_due_day) == (TODAY, TODAY + timedelta(days=2))
        log = db.session.scalar(select(ReviewLog).where(ReviewLog.card_id == state.card_id))
        assert log is not None and (log.grade, log.rating) == (4, fsrs.GOOD)
    client.post("/settings", data={"new_cards_per_day": 0})  # tomorrow: only that card and its re-drill
    clock.advance(days=1)
    assert current_card(client)[0] == state_id  # SM-2 has it due tomorrow
    before = states(app)
    grade_current(client, 3)  # a pass with effort: SM-2 re-drills it today (step 7)
    grade_current(client, 5)  # the re-drill: SM-2 keeps its schedule, FSRS learns (short-term memory)
    after = states(app)
    key = next(k for k in after if after[k] != before[k])
    first, second = log_of(app)[next(iter(log_of(app)))][1:]
    assert (first.kind, first.rating, second.kind, second.rating) == ("review", fsrs.HARD, "redrill", fsrs.EASY)
    assert after[key]["interval"] == 6 and after[key]["redrill_day"] is None
    with app.app_context():
        scheduler = fsrs_states.scheduler_for(student())
        replayed = scheduler.replay([fsrs.Answer(TODAY, fsrs.GOOD), fsrs.Answer(TODAY + timedelta(days=1), fsrs.HARD),
                                     fsrs.Answer(TODAY + timedelta(days=1), fsrs.EASY)])
    assert replayed is not None
    assert (after[key]["fsrs_stability"], after[key]["fsrs_difficulty"]) == (replayed.memory.stability,
                                                                             replayed.memory.difficulty)
    assert after[key]["fsrs_due_day"] == scheduler.due_day(replayed)


def sm2_replayed(logs: list[ReviewLog]) -> tuple[int, int, int, date | None]:
    """What SM-2 makes of a card's logged grades: re-drills leave the schedule alone (step 7)."""
    state, due = sm2.SM2State(), None
    for log in logs:
        if log.kind != "redrill":
            state = sm2.review(state, log.grade)
            due = log.study_day + timedelta(days=state.interval)
    return state.repetitions, state.easiness_centi, state.interval, due


def test_in_fsrs_mode_ratings_grade_cards_and_sm2_keeps_its_schedule_exactly(
        app: Flask, client: FlaskClient, auth: AuthActions, clock: Clock) -> None:
    auth.register()
    choose_decks(client, "kidney")
    client.post("/settings", data={"new_cards_per_day": 6})
    page = set_scheduler(client, "fsrs")
    assert "now scheduled by FSRS" in page
    card_page = current_card(client)[2]
    assert [label for label in re.findall(r'name="rating" value="\d" data-key="\d" class="grade rating-\d">\s*'
                                          r'<kbd>\d</kbd> (\w+)', client.get("/study/kidney?show=1")
                                          .get_data(as_text=True))] == ["Again", "Hard", "Good", "Easy"]
    assert 'name="grade"' not in card_page
    for _ in range(6):
        study(client, lambda rating: rate_current(client, rating), (fsrs.GOOD, fsrs.AGAIN, fsrs.EASY, fsrs.HARD,
                                                                    fsrs.GOOD, fsrs.GOOD, fsrs.AGAIN))
        clock.advance(days=1)
    logs = log_of(app)
    assert sum(len(rows) for rows in logs.values()) > 40
    assert {row.kind for rows in logs.values() for row in rows} == {"new", "review", "redrill"}
    with app.app_context():
        user = student()
        scheduler = fsrs_states.scheduler_for(user)
        for card_id, rows in logs.items():
            state = db.session.scalar(select(CardState).where(CardState.user_id == user.id,
                                                              CardState.card_id == card_id))
            assert state is not None
            assert all(row.grade == fsrs.grade_for_rating(row.rating) for row in rows)
            # SM-2's state is exactly what SM-2 makes of the grades; FSRS's what FSRS makes of the ratings.
            assert (state.repetitions, state.easiness_centi, state.interval, state.due_day) == sm2_replayed(rows)
            memory = scheduler.replay([fsrs.Answer(row.study_day, row.rating) for row in rows])
            assert memory is not None and fsrs_states.state_memory(state) == memory
            assert state.fsrs_due_day == scheduler.due_day(memory)
        # Today's due reviews are FSRS's, whatever SM-2 thinks.
        today = today_for(user, clock())
        due_by_fsrs = set(db.session.scalars(select(CardState.id).join(Card).join(Deck).where(
            CardState.user_id == user.id, Deck.slug == "kidney", CardState.fsrs_due_day <= today)))
    assert set(queue(app, days=1)[0][0]) == due_by_fsrs


def test_switching_is_instant_and_lossless_both_ways(app: Flask, client: FlaskClient, auth: AuthActions,
                                                     clock: Clock) -> None:
    auth.register()
    choose_decks(client, "kidney")
    for _ in range(4):
        study(client, lambda grade: grade_current(client, grade), (5, 4, 2, 3, 4, 5, 1))
        clock.advance(days=1)
    before_states, sm2_queue = states(app), queue(app)
    set_scheduler(client, "fsrs")
    assert states(app) == before_states  # switching writes no card
    fsrs_queue = queue(app)
    assert fsrs_queue != sm2_queue
    page = set_scheduler(client, "sm2")
    assert "scheduled by SM-2 again" in page
    assert states(app) == before_states and queue(app) == sm2_queue
    set_scheduler(client, "fsrs")
    assert queue(app) == fsrs_queue


def test_a_new_retention_moves_fsrs_due_days_and_back(app: Flask, client: FlaskClient, auth: AuthActions,
                                                      clock: Clock) -> None:
    auth.register()
    choose_decks(client, "kidney")
    for _ in range(3):
        study(client, lambda grade: grade_current(client, grade), (5, 4, 3))
        clock.advance(days=3)
    original = states(app)
    set_scheduler(client, "fsrs", desired_retention="0.97")
    higher = states(app)
    moved = [key for key in original if original[key]["fsrs_due_day"] != higher[key]["fsrs_due_day"]]
    assert moved and all(higher[key]["fsrs_due_day"] < original[key]["fsrs_due_day"] for key in moved)
    assert all(higher[key]["fsrs_stability"] == original[key]["fsrs_stability"] for key in original)
    assert all(higher[key]["due_day"] == original[key]["due_day"] for key in original)  # SM-2 untouched
    set_scheduler(client, "fsrs", desired_retention="0.9")
    assert states(app) == original


@pytest.mark.parametrize("value", ["0.5", "0.98", "nan", "inf", "lots"])
def test_a_retention_out_of_range_is_refused_and_changes_nothing(client: FlaskClient, auth: AuthActions,
                                                                 app: Flask, value: str) -> None:
    auth.register()
    response = client.post("/settings", data={"scheduler": "fsrs", "desired_retention": value})
    assert response.status_code == 400
    assert "0.70 to 0.97" in response.get_data(as_text=True) or "Not a valid float" in response.get_data(as_text=True)
    with app.app_context():
        assert (student().scheduler, student().desired_retention) == ("sm2", 0.9)
    assert client.post("/settings", data={"scheduler": "anki"}).status_code == 400


def test_an_answer_names_a_grade_or_a_rating(client: FlaskClient, auth: AuthActions) -> None:
    auth.register()
    choose_decks(client, "kidney")
    state_id, version, _ = current_card(client)
    for data in ({}, {"grade": 4, "rating": 3}, {"rating": 5}, {"rating": 0}, {"grade": 6}):
        response = client.post("/study/kidney/answer", data={"state_id": state_id, "version": version, **data})
        assert response.status_code == 400, data
        assert "Bad answer" in response.get_data(as_text=True)
    assert current_card(client)[:2] == (state_id, version)  # nothing was answered


def test_undo_restores_both_models_exactly(app: Flask, client: FlaskClient, auth: AuthActions,
                                           clock: Clock) -> None:
    auth.register()
    choose_decks(client, "kidney")
    set_scheduler(client, "fsrs")
    study(client, lambda rating: rate_current(client, rating), (fsrs.GOOD, fsrs.HARD), limit=5)
    clock.advance(days=3)
    before = states(app)
    rate_current(client, fsrs.AGAIN)
    assert states(app) != before
    response = client.post("/study/undo", follow_redirects=True)
    assert "Undone: your Again" in response.get_data(as_text=True)
    assert states(app) == before


# --- the optimizer --------------------------------------------------------------------------------

def seed_history(app: Flask, username: str, cards: int = 150) -> None:
    """Give the student a generated history (`test_fsrs.generated_histories`) on real cards, written
    straight to the log with SM-2 states that match it, then their FSRS states rebuilt."""
    with app.app_context():
        user = student(username)
        card_ids = db.session.scalars(select(Card.id).where(Card.retired.is_(False)).order_by(Card.id)
                                      .limit(cards)).all()
        rows, state_rows = [], []
        for card_id, history in zip(card_ids, generated_histories(len(card_ids), seed=11), strict=True):
            state, due = sm2.SM2State(), None
            for index, answer in enumerate(history):
                grade = fsrs.grade_for_rating(answer.rating)
                after = sm2.review(state, grade)
                due = answer.study_day + timedelta(days=after.interval)
                rows.append({
                    "user_id": user.id, "card_id": card_id, "reviewed_at": START, "study_day": answer.study_day,
                    "kind": "review" if index else "new", "grade": grade,
                    "rating": answer.rating, "answer_ms": 3000, "prev_repetitions": state.repetitions,
                    "prev_easiness_centi": state.easiness_centi, "prev_interval": state.interval,
                    "new_repetitions": after.repetitions, "new_easiness_centi": after.easiness_centi,
                    "new_interval": after.interval, "new_due_day": due})
                state = after
            state_rows.append({"user_id": user.id, "card_id": card_id, "repetitions": state.repetitions,
                               "easiness_centi": state.easiness_centi, "interval": state.interval, "due_day": due})
        db.session.execute(insert(CardState), state_rows)
        db.session.execute(insert(ReviewLog), rows)
        fsrs_states.recompute(user)
        db.session.commit()


def test_the_optimize_page_counts_reviews_and_fits_the_students_own_parameters(
        app: Flask, client: FlaskClient, auth: AuthActions) -> None:
    auth.register()
    page = client.get("/schedule").get_data(as_text=True)
    assert "you have <strong>0</strong>, it needs <strong>400</strong>" in page
    refused = client.post("/schedule/optimize")
    assert refused.status_code == 400 and "Nothing was changed" in refused.get_data(as_text=True)

    seed_history(app, "student")
    page = client.get("/schedule").get_data(as_text=True)
    assert "you have <strong>1,350</strong>" in page and 'id="optimize"' in page
    before = states(app)
    response = client.post("/schedule/optimize", follow_redirects=True)
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "Fitted to 1350 of your reviews" in page
    assert 'id="fit"' in page and "Log loss" in page and "FSRS defaults" in page
    with app.app_context():
        user = student()
        assert user.fsrs_fit is not None and user.fsrs_fit["kept"] == "optimized"
        assert user.fsrs_parameters is not None and fsrs.check_parameters(user.fsrs_parameters)
        assert user.fsrs_fit["optimized"]["log_loss"] < user.fsrs_fit["default"]["log_loss"]
        # Every card's FSRS state is rebuilt with the new parameters; SM-2's is untouched.
        scheduler = fsrs_states.scheduler_for(user)
        answers = fsrs_states.histories(user.id)
        key_ids = dict(db.session.execute(select(Card.key, Card.id)).all())
    after = states(app)
    for key, values in after.items():
        memory = scheduler.replay(answers[key_ids[key]])
        assert memory is not None and (values["fsrs_stability"], values["fsrs_difficulty"]) == (
            memory.memory.stability, memory.memory.difficulty)
        assert {n: values[n] for n in SM2_COLUMNS} == {n: before[key][n] for n in SM2_COLUMNS}
    assert after != before


def test_the_optimize_command(app: Flask, client: FlaskClient, auth: AuthActions) -> None:
    runner = app.test_cli_runner()
    auth.register("mei")
    result = runner.invoke(args=["fsrs", "optimize", "mei"])
    assert result.exit_code == 1 and "the optimizer needs 400" in result.output
    assert runner.invoke(args=["fsrs", "optimize", "nobody"]).exit_code == 1
    seed_history(app, "mei")
    result = runner.invoke(args=["fsrs", "optimize", "MEI"])
    assert result.exit_code == 0, result.output
    assert "Fitted to 1350 review(s) of mei." in result.output
    assert re.search(r"default\s+0\.\d{4}\s+0\.\d{4}", result.output)
    assert re.search(r"optimized\s+0\.\d{4}\s+0\.\d{4}", result.output)
    assert "Kept: the optimized parameters." in result.output
    again = runner.invoke(args=["fsrs", "optimize", "mei"])  # now against their own parameters too
    assert again.exit_code == 0 and re.search(r"theirs\s+0\.\d{4}", again.output)


def test_the_optimize_form_needs_its_csrf_token(app_factory: Any) -> None:
    app = app_factory(WTF_CSRF_ENABLED=True)
    client = app.test_client()
    page = client.get("/register").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
    assert token is not None
    client.post("/register", data={"username": "mei", "password": "correct horse", "confirm": "correct horse",
                                   "csrf_token": token.group(1)})
    forged = client.post("/schedule/optimize")
    assert forged.status_code == 400 and "form expired" in forged.get_data(as_text=True)
    page = client.get("/settings").get_data(as_text=True)  # a session's token, from any form
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
    assert token is not None
    with_token = client.post("/schedule/optimize", data={"csrf_token": token.group(1)})
    assert with_token.status_code == 400 and "Not yet" in with_token.get_data(as_text=True)


# --- what the student sees ---------------------------------------------------------------------------

def test_the_point_page_shows_recall_today(app: Flask, client: FlaskClient, auth: AuthActions,
                                           clock: Clock) -> None:
    auth.register()
    choose_decks(client, "kidney")
    state_id = grade_current(client, 4)
    with app.app_context():
        code = db.session.scalar(select(Card).join(CardState).where(CardState.id == state_id)).point.code
    page = client.get(f"/points/{code}").get_data(as_text=True)
    assert re.search(r'<dd class="recall"[^>]*>100%</dd>', page)  # answered today
    clock.advance(days=5)
    page = client.get(f"/points/{code}").get_data(as_text=True)
    with app.app_context():
        state = db.session.get(CardState, state_id)
        assert state is not None
        memory = fsrs_states.state_memory(state)
        assert memory is not None
        expected = round(100 * fsrs_states.scheduler_for(student()).recall(memory, TODAY + timedelta(days=5)))
    assert expected < 90 and f'>{expected}%</dd>' in page
    assert "Easiness" in page and "Stability" not in page  # SM-2 mode: SM-2's figures
    set_scheduler(client, "fsrs")
    page = client.get(f"/points/{code}").get_data(as_text=True)
    assert f">{memory.memory.stability:.1f} days</dd>" in page and "Easiness" not in page
    assert f"<dd>{(TODAY + timedelta(days=2)).strftime('%a %-d %b %Y')}</dd>" in page  # FSRS's due day


def test_the_progress_page_estimates_what_the_student_knows(app: Flask, client: FlaskClient, auth: AuthActions,
                                                            clock: Clock) -> None:
    auth.register()
    choose_decks(client, "kidney")
    client.post("/settings", data={"new_cards_per_day": 4})
    for grade in (5, 4, 5, 1):
        grade_current(client, grade)
    clock.advance(days=2)
    page = client.get("/progress").get_data(as_text=True)
    with app.app_context():
        user = student()
        scheduler = fsrs_states.scheduler_for(user)
        recalls = [scheduler.recall(memory, TODAY + timedelta(days=2)) for memory in
                   (fsrs_states.state_memory(state) for state in db.session.scalars(
                       select(CardState).where(CardState.user_id == user.id))) if memory is not None]
    assert len(recalls) == 4
    known = re.search(r'id="knowledge-cards">(\d+)<', page)
    assert known is not None and int(known.group(1)) == round(sum(recalls))
    assert 'class="chart chart-recall"' in page and 'id="recall-table"' in page
    assert "4 studied" in page


# --- the migration -------------------------------------------------------------------------------

def test_the_migration_fills_fsrs_states_from_the_history(app: Flask, client: FlaskClient, auth: AuthActions,
                                                          clock: Clock) -> None:
    """History made in both modes (default parameters, retention 0.9), then down to 0005, which has no
    FSRS at all, and up again: the migration's replay gives every card the state the answers gave it."""
    auth.register()
    choose_decks(client, "kidney")
    for day in range(4):
        if day == 2:
            set_scheduler(client, "fsrs")
            study(client, lambda rating: rate_current(client, rating), (fsrs.GOOD, fsrs.AGAIN, fsrs.EASY))
        else:
            study(client, lambda grade: grade_current(client, grade), (5, 2, 4, 3))
        clock.advance(days=1)
    with app.app_context():  # a card answered long ago whose log is gone (as a bulk import might leave one)
        lone = db.session.scalar(select(CardState).where(CardState.user_id == student().id,
                                                         CardState.due_day.is_(None)).limit(1))
        assert lone is not None
        db.session.execute(update(CardState).where(CardState.id == lone.id).values(
            repetitions=3, easiness_centi=240, interval=20, due_day=TODAY + timedelta(days=10)))
        db.session.commit()
        lone_id, lone_key = lone.id, lone.card.key
    made = states(app)
    logs = log_of(app)
    with app.app_context():
        downgrade(revision="0005")
        upgrade()
        db.session.remove()
        assert student().scheduler == "sm2"  # a new column: everyone starts on SM-2
        ratings = db.session.execute(select(ReviewLog.grade, ReviewLog.rating)).all()
        assert len(ratings) == sum(len(rows) for rows in logs.values())
        assert all(rating == fsrs.rating_for_grade(grade) for grade, rating in ratings)
        estimate = fsrs.Scheduler().from_sm2(2.4, 20, TODAY + timedelta(days=10))
    filled = states(app)
    for key, values in made.items():
        if values["due_day"] is None:
            assert all(filled[key][name] is None for name in FSRS_COLUMNS), key  # new cards stay new
        elif key != lone_key:
            assert filled[key] == values, key
    assert (filled[lone_key]["fsrs_stability"], filled[lone_key]["fsrs_last_day"]) == (
        estimate.memory.stability, estimate.last_day)
    assert lone_id and sum(values["fsrs_stability"] is not None for values in filled.values()) > 10
