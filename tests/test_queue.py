"""The daily queue: due first, then new within limits, siblings on different days, step 7
re-drills, and study days that end at 04:00 in the student's time zone."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from studyapp.core.scheduling.day_plan import DayLimits, DoneToday, DueCard, NewCard, plan_day
from studyapp.core.scheduling.study_day import study_day
from studyapp.extensions import db
from studyapp.models import Card, CardState, Deck, ReviewLog, User
from studyapp.services.day_plan import plan_for_deck, today_for
from tests.conftest import START, AuthActions, Clock, choose_decks, current_card, deck_counts, grade_current

DAY = date(2026, 3, 2)


# --- the pure planner -------------------------------------------------------------------------

def test_due_cards_come_first_most_overdue_first() -> None:
    due = [DueCard(1, 10, DAY), DueCard(2, 11, DAY - timedelta(days=5)), DueCard(3, 12, DAY - timedelta(days=1))]
    plan = plan_day(due, [NewCard(4, 13, 0)], [], DayLimits(), DoneToday())
    assert plan.queue == [2, 3, 1, 4]


def test_limits_count_what_was_done_today() -> None:
    due = [DueCard(i, i, DAY) for i in range(1, 6)]
    new = [NewCard(100 + i, 100 + i, i) for i in range(10)]
    plan = plan_day(due, new, [], DayLimits(new_per_day=4, reviews_per_day=3),
                    DoneToday(new_cards=1, reviews=1))
    assert plan.reviews == [1, 2]
    assert plan.new == [100, 101, 102]


def test_siblings_of_a_point_are_not_introduced_the_same_day() -> None:
    new = [NewCard(1, 7, 0), NewCard(2, 8, 1), NewCard(3, 7, 10_000), NewCard(4, 9, 10_001)]
    plan = plan_day([DueCard(5, 9, DAY)], new, [], DayLimits(), DoneToday(points=frozenset({8})))
    assert plan.new == [1]  # 2: point 8 was studied today; 3: sibling of 1; 4: point 9 is due today


COMPANIONS = {"name-location": "quiz-locate"}


def teaching(points: int) -> list[NewCard]:
    """Each point's first flashcard, its locate quiz and a later card, in teaching order."""
    kinds = ("name-location", "quiz-locate", "location-name")
    return [NewCard(10 * point + k, point, k * 1000 + point, kind) for k, kind in enumerate(kinds)
            for point in range(1, points + 1)]


def test_a_point_met_today_is_found_on_the_chart_two_new_cards_later() -> None:
    plan = plan_day([], teaching(4), [], DayLimits(new_per_day=8), DoneToday(), COMPANIONS)
    # meet KI-1, KI-2, KI-3; find KI-1 on the chart; meet KI-4; find KI-2, KI-3, KI-4
    assert plan.new == [10, 20, 30, 11, 40, 21, 31, 41]


def test_a_companion_keeps_its_place_as_the_day_goes_on() -> None:
    new = [card for card in teaching(4) if card.card_id != 10]  # KI-1's flashcard was answered
    done = DoneToday(new_cards=1, points=frozenset({1}), new_answers=((1, "name-location"),))
    assert plan_day([], new, [], DayLimits(), done, COMPANIONS).new[:3] == [20, 30, 11]
    later = [card for card in new if card.card_id not in (20, 30)]
    done = DoneToday(new_cards=3, points=frozenset({1, 2, 3}),
                     new_answers=((1, "name-location"), (2, "name-location"), (3, "name-location")))
    assert plan_day([], later, [], DayLimits(), done, COMPANIONS).new[:2] == [11, 40]


def test_companions_count_towards_the_new_card_limit() -> None:
    assert plan_day([], teaching(4), [], DayLimits(new_per_day=3), DoneToday(), COMPANIONS).new == [10, 20, 11]
    assert plan_day([], teaching(4), [], DayLimits(new_per_day=1), DoneToday(), COMPANIONS).new == [10]


def test_redrills_come_after_everything_else() -> None:
    plan = plan_day([DueCard(1, 1, DAY)], [NewCard(2, 2, 0)], [3], DayLimits(), DoneToday())
    assert plan.queue == [1, 2, 3]


def test_study_day_rolls_over_at_four_in_the_students_zone() -> None:
    assert study_day(datetime(2026, 3, 3, 3, 59, tzinfo=UTC), "UTC") == date(2026, 3, 2)
    assert study_day(datetime(2026, 3, 3, 4, 0, tzinfo=UTC), "UTC") == date(2026, 3, 3)
    # 02:30 UTC is 03:30 in Berlin (still Monday's study) and 21:30 the day before in New York.
    moment = datetime(2026, 3, 3, 2, 30, tzinfo=UTC)
    assert study_day(moment, "Europe/Berlin") == date(2026, 3, 2)
    assert study_day(moment, "America/New_York") == date(2026, 3, 2)
    assert study_day(moment, "Asia/Tokyo") == date(2026, 3, 3)  # 11:30 in Tokyo


# --- across days, through the app ------------------------------------------------------------

def states_by_card(app: Flask) -> dict[str, CardState]:
    with app.app_context():
        rows = db.session.execute(select(Card.key, CardState).join(CardState.card)).all()
        return {key: state for key, state in rows}


def test_new_card_limit_and_tomorrows_reviews(app: Flask, client: FlaskClient, auth: AuthActions,
                                              clock: Clock) -> None:
    auth.register()
    choose_decks(client, "kidney")
    # at most 20 new a day: 10 points met on a flashcard, each found on the body chart soon after
    assert deck_counts(client) == (0, 20)
    for _ in range(20):
        grade_current(client, 5)
    assert deck_counts(client) == (0, 0)
    assert "done for today" in client.get("/study/kidney").get_data(as_text=True)

    clock.advance(days=1)
    # The 20 cards of yesterday are due (interval 1); their siblings wait; 10 more points come.
    assert deck_counts(client) == (20, 20)
    state_id, _, _ = current_card(client)
    states = states_by_card(app)
    shown = next(key for key, s in states.items() if s.id == state_id)
    assert states[shown].due_day == date(2026, 3, 3)  # a review comes first, not a new card
    assert "KI-1" in shown


def test_due_exactly_as_sm2_scheduled(app: Flask, client: FlaskClient, auth: AuthActions, clock: Clock) -> None:
    auth.register()
    first = grade_current(client, 4)  # new -> interval 1
    clock.advance(days=1)
    state_id, _, _ = current_card(client)
    assert state_id == first
    grade_current(client, 4)  # second repetition -> interval 6
    with app.app_context():
        state = db.session.get(CardState, first)
        assert (state.repetitions, state.interval, state.due_day) == (2, 6, date(2026, 3, 9))
    for days in range(1, 6):
        clock.now = START + timedelta(days=1 + days)
        assert first not in _queue_ids(app, client)
    clock.now = START + timedelta(days=7)
    assert first in _queue_ids(app, client)


def _queue_ids(app: Flask, client: FlaskClient) -> list[int]:
    with app.app_context():
        user = db.session.scalar(select(User))
        deck = db.session.scalar(select(Deck).where(Deck.slug == "kidney"))
        return plan_for_deck(user, deck, today_for(user, app.config["CLOCK"]())).queue


def test_step_seven_redrills_until_grade_four(app: Flask, client: FlaskClient, auth: AuthActions) -> None:
    auth.register()
    client.post("/settings", data={"timezone": "UTC", "new_cards_per_day": 1, "reviews_per_day": 200})
    failed = grade_current(client, 2)
    state_id, _, page = current_card(client)
    assert state_id == failed and "again today" in page
    grade_current(client, 3)  # still below 4: again
    state_id, _, _ = current_card(client)
    assert state_id == failed
    with app.app_context():
        state = db.session.get(CardState, failed)
        # Re-drills leave SM-2 alone: still the state after the first grade (2).
        assert (state.repetitions, state.interval, state.easiness_centi) == (0, 1, 218)
    grade_current(client, 4)
    assert "done for today" in client.get("/study/kidney").get_data(as_text=True)
    with app.app_context():
        kinds = db.session.scalars(select(ReviewLog.kind).order_by(ReviewLog.id)).all()
        assert kinds == ["new", "redrill", "redrill"]
        state = db.session.get(CardState, failed)
        assert (state.interval, state.easiness_centi, state.redrill_day) == (1, 218, None)


def test_review_cap_per_day(app: Flask, client: FlaskClient, auth: AuthActions, clock: Clock) -> None:
    auth.register()
    for _ in range(5):
        grade_current(client, 5)
    clock.advance(days=1)
    client.post("/settings", data={"timezone": "UTC", "new_cards_per_day": 0, "reviews_per_day": 2})
    assert deck_counts(client) == (2, 0)
    grade_current(client, 5)
    assert deck_counts(client) == (1, 0)


def test_late_night_review_counts_for_the_previous_day(app: Flask, client: FlaskClient, auth: AuthActions,
                                                       clock: Clock) -> None:
    auth.register(timezone="Europe/Berlin")
    clock.now = datetime(2026, 3, 2, 22, 0, tzinfo=UTC)  # 23:00 Monday in Berlin
    grade_current(client, 5)
    clock.now = datetime(2026, 3, 3, 2, 30, tzinfo=UTC)  # 03:30 Tuesday in Berlin: still Monday
    assert deck_counts(client)[0] == 0
    clock.now = datetime(2026, 3, 3, 3, 0, tzinfo=UTC)  # 04:00 in Berlin: Tuesday's study begins
    assert deck_counts(client)[0] == 1
