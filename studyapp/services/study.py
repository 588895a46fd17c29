"""Applying SM-2 and the daily queue to one student's cards in the database.

Every answer is one transaction: the state update and its review-log row commit together or not at
all. Each answer names the state version it saw, so a double-click or a second tab advances a card
once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import and_, case, delete, exists, func, insert, literal, or_, select, update
from sqlalchemy.exc import IntegrityError

from studyapp.core.progress.stats import MAX_ANSWER_MS, is_leech
from studyapp.core.scheduling import sm2
from studyapp.core.scheduling.day_plan import DayLimits, DayPlan, DoneToday, DueCard, NewCard, plan_day
from studyapp.core.scheduling.study_day import study_day
from studyapp.extensions import db
from studyapp.models import Card, CardState, Deck, ReviewLog, User, UserDeck
from studyapp.services import plain_rows, review_days


class StaleAnswer(Exception):
    """The card was answered already (double-click, second tab) or is not in today's queue."""


def today_for(user: User, now: datetime) -> date:
    return study_day(now, user.timezone)


def enroll(user: User, deck_ids: Iterable[int]) -> None:
    """Give the student a state for every live card of these decks.

    One INSERT ... SELECT; cheap when there is nothing to add. A concurrent request adding the
    same rows first is harmless: the unique constraint stops the duplicates and we carry on.
    """
    rows = select(literal(user.id), Card.id).where(
        Card.retired.is_(False),
        ~exists().where(CardState.user_id == user.id, CardState.card_id == Card.id),
    )
    rows = rows.where(Card.deck_id.in_(list(deck_ids)))
    # Read first: most visits have nothing to add, and a read takes no write lock.
    if not db.session.scalar(select(rows.exists())):
        return
    statement = insert(CardState).from_select(["user_id", "card_id"], rows)
    try:
        db.session.execute(statement)
        db.session.commit()
    except IntegrityError:
        db.session.rollback()


def plan_for_deck(user: User, deck: Deck, today: date) -> DayPlan:
    """Today's queue for one deck."""
    return plans_for_decks(user, [deck], today)[deck.id]


def plans_for_decks(user: User, decks: list[Deck], today: date) -> dict[int, DayPlan]:
    """Today's queue of each deck (`day_plan.plan_day`), from four queries for all the decks together:
    the due cards, the new ones, today's re-drills, and today's answers (the review cap counts
    those of every deck, the rest is per deck). Indexed lookups on (user, due_day) and (user,
    study_day)."""
    if not decks:
        return {}
    deck_ids = [deck.id for deck in decks]
    live = and_(CardState.user_id == user.id, Card.deck_id.in_(deck_ids), Card.retired.is_(False),
                CardState.suspended.is_(False), or_(CardState.buried_day.is_(None), CardState.buried_day != today))
    due: dict[int, list[DueCard]] = {deck_id: [] for deck_id in deck_ids}
    for deck_id, state_id, point_id, due_day in plain_rows(
        select(Card.deck_id, CardState.id, Card.point_id, CardState.due_day)
        .join(Card, Card.id == CardState.card_id)
        .where(live, CardState.due_day <= today)
    ):
        due[deck_id].append(DueCard(state_id, point_id, due_day))
    new: dict[int, list[NewCard]] = {deck_id: [] for deck_id in deck_ids}
    for deck_id, state_id, point_id, position in plain_rows(
        select(Card.deck_id, CardState.id, Card.point_id, Card.position)
        .join(Card, Card.id == CardState.card_id)
        .where(live, CardState.due_day.is_(None))
    ):
        new[deck_id].append(NewCard(state_id, point_id, position))
    redrills: dict[int, list[int]] = {deck_id: [] for deck_id in deck_ids}
    for deck_id, state_id in plain_rows(
        select(Card.deck_id, CardState.id)
        .join(Card, Card.id == CardState.card_id)
        .where(live, CardState.redrill_day == today, CardState.due_day > today)
        .order_by(CardState.last_reviewed_at, CardState.id)
    ):
        redrills[deck_id].append(state_id)
    # Today's answers in every deck: the review cap counts them all, the rest is per deck.
    new_done: dict[int, int] = {}
    points_done: dict[int, set[int]] = {}
    reviews_done = 0
    for deck_id, kind, point_id in plain_rows(
        select(Card.deck_id, ReviewLog.kind, Card.point_id)
        .join(Card, Card.id == ReviewLog.card_id)
        .where(ReviewLog.user_id == user.id, ReviewLog.study_day == today)
    ):
        reviews_done += kind == "review"
        new_done[deck_id] = new_done.get(deck_id, 0) + (kind == "new")
        if point_id is not None:
            points_done.setdefault(deck_id, set()).add(point_id)
    limits = DayLimits(user.new_cards_per_day, user.reviews_per_day)
    return {
        deck_id: plan_day(
            due=due[deck_id], new=new[deck_id], redrills=redrills[deck_id], limits=limits,
            done=DoneToday(new_done.get(deck_id, 0), reviews_done, frozenset(points_done.get(deck_id, ()))),
        )
        for deck_id in deck_ids
    }


@dataclass(frozen=True)
class DeckCounts:
    deck: Deck
    due: int
    new: int
    total: int


def live_decks() -> list[Deck]:
    return list(db.session.scalars(
        select(Deck).where(Deck.retired.is_(False)).order_by(Deck.position, Deck.id)))


def chosen_deck_ids(user: User) -> set[int]:
    return set(db.session.scalars(select(UserDeck.deck_id).where(UserDeck.user_id == user.id)))


def chosen_decks(user: User) -> list[Deck]:
    """The student's live decks, in deck order."""
    chosen = chosen_deck_ids(user)
    return [deck for deck in live_decks() if deck.id in chosen]


def choose_decks(user: User, deck_ids: set[int]) -> None:
    """Make `deck_ids` the student's decks. Dropping a deck keeps its cards' history and schedule:
    choosing it again brings them back as they were."""
    current = chosen_deck_ids(user)
    for deck_id in deck_ids - current:
        db.session.add(UserDeck(user_id=user.id, deck_id=deck_id))
    if current - deck_ids:
        db.session.execute(delete(UserDeck).where(
            UserDeck.user_id == user.id, UserDeck.deck_id.in_(current - deck_ids)))
    try:
        db.session.commit()
    except IntegrityError:  # the same choice saved by a second tab a moment earlier
        db.session.rollback()


def choose_deck(user: User, deck: Deck) -> None:
    """Opening a deck to study it chooses it."""
    chosen = chosen_deck_ids(user)
    if deck.id not in chosen:
        choose_decks(user, chosen | {deck.id})


def deck_overview(user: User, today: date) -> list[DeckCounts]:
    """Counts for the student's chosen decks, in deck order."""
    decks = chosen_decks(user)
    totals = dict(db.session.execute(
        select(Card.deck_id, func.count()).where(Card.retired.is_(False)).group_by(Card.deck_id)
    ).all())
    plans = plans_for_decks(user, decks, today)
    return [DeckCounts(deck, len(plans[deck.id].reviews), len(plans[deck.id].new), totals.get(deck.id, 0))
            for deck in decks]


def answer(user: User, state_id: int, seen_version: int, grade: int, answer_ms: int, now: datetime) -> ReviewLog:
    """Grade one card for `user`. Raises LookupError for a state that is not theirs, StaleAnswer
    for a repeat, ValueError for a grade outside 0-5. Commits the state and log row together."""
    state = db.session.scalar(
        select(CardState).where(CardState.id == state_id, CardState.user_id == user.id))
    if state is None:
        raise LookupError(state_id)
    if state.version != seen_version:
        raise StaleAnswer("already answered")
    today = today_for(user, now)
    before = sm2.SM2State(state.repetitions, state.easiness_centi / 100, state.interval)
    if state.due_day is None or state.due_day <= today:
        kind = "new" if state.due_day is None else "review"
        after = sm2.review(before, grade)
        due_day = today + timedelta(days=after.interval)
        lapses = state.lapses + (1 if grade < sm2.PASSING_QUALITY and kind == "review" else 0)
    elif state.redrill_day == today:
        sm2.review(before, grade)  # validates the grade; step 7 leaves the schedule alone
        kind, after, due_day, lapses = "redrill", before, state.due_day, state.lapses
    else:
        raise StaleAnswer("not due today")
    # A card that keeps lapsing is a leech: it leaves the queues until the student looks at it again.
    suspended = state.suspended or (lapses > state.lapses and is_leech(lapses))
    changed = db.session.execute(
        update(CardState)
        .where(CardState.id == state.id, CardState.version == seen_version)
        .values(
            repetitions=after.repetitions, easiness_centi=after.easiness_centi,
            interval=after.interval, due_day=due_day, lapses=lapses,
            redrill_day=today if sm2.needs_redrill(grade) else None,
            last_reviewed_at=now, suspended=suspended, version=CardState.version + 1,
        )
        .execution_options(synchronize_session=False)
    ).rowcount
    if changed != 1:
        db.session.rollback()
        raise StaleAnswer("answered in another request")
    log = ReviewLog(
        user_id=user.id, card_id=state.card_id, reviewed_at=now, study_day=today, kind=kind,
        grade=grade, answer_ms=max(0, min(answer_ms, MAX_ANSWER_MS)),
        prev_repetitions=before.repetitions, prev_easiness_centi=before.easiness_centi,
        prev_interval=before.interval, prev_due_day=state.due_day, prev_lapses=state.lapses,
        prev_redrill_day=state.redrill_day, prev_reviewed_at=state.last_reviewed_at,
        prev_suspended=state.suspended,
        new_repetitions=after.repetitions, new_easiness_centi=after.easiness_centi,
        new_interval=after.interval, new_due_day=due_day,
    )
    db.session.add(log)
    review_days.count_answer(log)
    db.session.commit()
    return log


@dataclass(frozen=True)
class DaySummary:
    reviewed: int
    correct: int
    seconds: int
    next_due: date | None


def day_summary(user: User, deck: Deck, today: date) -> DaySummary:
    """What the student did in this deck today, and when it next has cards due."""
    reviewed, correct, millis = db.session.execute(
        select(
            func.count(),
            func.coalesce(func.sum(case((ReviewLog.grade >= sm2.PASSING_QUALITY, 1), else_=0)), 0),
            func.coalesce(func.sum(ReviewLog.answer_ms), 0),
        )
        .join(Card, Card.id == ReviewLog.card_id)
        .where(ReviewLog.user_id == user.id, ReviewLog.study_day == today, Card.deck_id == deck.id)
    ).one()
    next_due = db.session.scalar(
        select(func.min(CardState.due_day))
        .join(Card, Card.id == CardState.card_id)
        .where(CardState.user_id == user.id, Card.deck_id == deck.id,
               Card.retired.is_(False), CardState.suspended.is_(False), CardState.due_day > today)
    )
    return DaySummary(reviewed, correct, round(millis / 1000), next_due)


class NothingToUndo(Exception):
    """No answer of this student can be undone (none yet, or only rows from before undo existed)."""


def undo_last(user: User) -> ReviewLog:
    """Take back the student's latest answer: the card's state is restored exactly as it was and the
    answer's log row is removed, in one transaction. Returns the removed row (detached)."""
    log = db.session.scalar(
        select(ReviewLog).where(ReviewLog.user_id == user.id).order_by(ReviewLog.id.desc()).limit(1))
    if log is None or log.prev_lapses is None or log.prev_suspended is None:
        raise NothingToUndo("there is no answer to undo")
    changed = db.session.execute(
        update(CardState)
        .where(CardState.user_id == user.id, CardState.card_id == log.card_id)
        .values(
            repetitions=log.prev_repetitions, easiness_centi=log.prev_easiness_centi,
            interval=log.prev_interval, due_day=log.prev_due_day, lapses=log.prev_lapses,
            redrill_day=log.prev_redrill_day, last_reviewed_at=log.prev_reviewed_at,
            suspended=log.prev_suspended, version=CardState.version + 1,
        )
        .execution_options(synchronize_session=False)
    ).rowcount
    if changed != 1:
        db.session.rollback()
        raise NothingToUndo("that card's state is gone")
    review_days.uncount_answer(log)
    db.session.delete(log)
    db.session.commit()
    return log


def _change_states(user: User, values: dict[str, object], *, state_id: int | None, point_id: int | None) -> int:
    """Set `values` on one card or every card of a point, for this student only. Returns how many
    changed; 0 when none of them is the student's (the caller answers 404)."""
    query = select(CardState).join(Card, Card.id == CardState.card_id).where(CardState.user_id == user.id)
    if state_id is not None:
        query = query.where(CardState.id == state_id)
    if point_id is not None:
        query = query.where(Card.point_id == point_id)
    states = list(db.session.scalars(query))
    for state in states:
        for name, value in values.items():
            setattr(state, name, value)
        state.version += 1  # a form opened before the change is stale now
    db.session.commit()
    return len(states)


def set_suspended(user: User, suspended: bool, *, state_id: int | None = None, point_id: int | None = None) -> int:
    """Suspend (or bring back) one card or every card of a point; see `_change_states`."""
    return _change_states(user, {"suspended": suspended}, state_id=state_id, point_id=point_id)


def bury(user: User, today: date, *, state_id: int | None = None, point_id: int | None = None) -> int:
    """Hide one card or a whole point for the rest of today's study day; it returns tomorrow."""
    return _change_states(user, {"buried_day": today}, state_id=state_id, point_id=point_id)
