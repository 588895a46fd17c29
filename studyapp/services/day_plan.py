"""Today for one student: their study day, each deck's queue (`core.scheduling.day_plan`, fed from a
few indexed queries), the deck list's counts, and the summary of a deck's day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute

from studyapp.core.content.card_kinds import COMPANION_KINDS
from studyapp.core.scheduling import sm2
from studyapp.core.scheduling.day_plan import DayLimits, DayPlan, DoneToday, DueCard, NewCard, plan_day
from studyapp.core.scheduling.study_day import study_day
from studyapp.extensions import db
from studyapp.models import Card, CardState, Deck, ReviewLog, User
from studyapp.services import plain_rows
from studyapp.services.deck_choice import chosen_decks


def today_for(user: User, now: datetime) -> date:
    return study_day(now, user.timezone)


def due_column(user: User) -> InstrumentedAttribute[date | None]:
    """The due day that counts for the student: SM-2's, or FSRS's in FSRS mode. Every card keeps
    both, so switching only chooses which one the day plan reads."""
    return CardState.fsrs_due_day if user.scheduler == "fsrs" else CardState.due_day


def plan_for_deck(user: User, deck: Deck, today: date) -> DayPlan:
    """Today's queue for one deck."""
    return plans_for_decks(user, [deck], today)[deck.id]


def plans_for_decks(user: User, decks: list[Deck], today: date) -> dict[int, DayPlan]:
    """Today's queue of each deck (`day_plan.plan_day`), from four queries for all the decks together:
    the due cards, the new ones, today's re-drills, and today's answers (the review cap counts
    those of every deck, the rest is per deck). Indexed lookups on (user, due_day) (or (user,
    fsrs_due_day) in FSRS mode) and (user, study_day)."""
    if not decks:
        return {}
    deck_ids = [deck.id for deck in decks]
    due_day_of = due_column(user)
    live = and_(CardState.user_id == user.id, Card.deck_id.in_(deck_ids), Card.retired.is_(False),
                CardState.suspended.is_(False), or_(CardState.buried_day.is_(None), CardState.buried_day != today))
    due: dict[int, list[DueCard]] = {deck_id: [] for deck_id in deck_ids}
    for deck_id, state_id, point_id, due_day in plain_rows(
        select(Card.deck_id, CardState.id, Card.point_id, due_day_of)
        .join(Card, Card.id == CardState.card_id)
        .where(live, due_day_of <= today)
    ):
        assert due_day is not None  # the query wants due_day <= today
        due[deck_id].append(DueCard(state_id, point_id, due_day))
    new: dict[int, list[NewCard]] = {deck_id: [] for deck_id in deck_ids}
    for deck_id, state_id, point_id, position, kind in plain_rows(
        select(Card.deck_id, CardState.id, Card.point_id, Card.position, Card.kind)
        .join(Card, Card.id == CardState.card_id)
        .where(live, due_day_of.is_(None))
    ):
        new[deck_id].append(NewCard(state_id, point_id, position, kind))
    redrills: dict[int, list[int]] = {deck_id: [] for deck_id in deck_ids}
    for deck_id, state_id in plain_rows(
        select(Card.deck_id, CardState.id)
        .join(Card, Card.id == CardState.card_id)
        .where(live, CardState.redrill_day == today, due_day_of > today)
        .order_by(CardState.last_reviewed_at, CardState.id)
    ):
        redrills[deck_id].append(state_id)
    # Today's answers in every deck: the review cap counts them all, the rest is per deck.
    new_done: dict[int, int] = {}
    points_done: dict[int, set[int]] = {}
    new_answers: dict[int, list[tuple[int, str]]] = {}
    reviews_done = answers = 0
    for deck_id, kind, point_id, card_kind in plain_rows(
        select(Card.deck_id, ReviewLog.kind, Card.point_id, Card.kind)
        .join(Card, Card.id == ReviewLog.card_id)
        .where(ReviewLog.user_id == user.id, ReviewLog.study_day == today)
        .order_by(ReviewLog.id)
    ):
        reviews_done += kind == "review"
        answers += 1
        new_done[deck_id] = new_done.get(deck_id, 0) + (kind == "new")
        if point_id is not None:
            points_done.setdefault(deck_id, set()).add(point_id)
            if kind == "new":
                new_answers.setdefault(deck_id, []).append((point_id, card_kind))
    limits = DayLimits(user.new_cards_per_day, user.reviews_per_day)
    return {
        deck_id: plan_day(
            due=due[deck_id], new=new[deck_id], redrills=redrills[deck_id], limits=limits,
            done=DoneToday(new_done.get(deck_id, 0), reviews_done, frozenset(points_done.get(deck_id, ())),
                           tuple(new_answers.get(deck_id, ())), answers),
            companions=COMPANION_KINDS,
        )
        for deck_id in deck_ids
    }


@dataclass(frozen=True)
class DeckCounts:
    deck: Deck
    due: int
    new: int
    total: int


def deck_overview(user: User, today: date) -> list[DeckCounts]:
    """Counts for the student's chosen decks, in deck order."""
    decks = chosen_decks(user)
    totals = dict(db.session.execute(
        select(Card.deck_id, func.count()).where(Card.retired.is_(False)).group_by(Card.deck_id)
    ).all())
    plans = plans_for_decks(user, decks, today)
    return [DeckCounts(deck, len(plans[deck.id].reviews), len(plans[deck.id].new), totals.get(deck.id, 0))
            for deck in decks]


@dataclass(frozen=True)
class DaySummary:
    """Today in one deck, in the words every page uses: `answers` are every grade given, of which
    `repeats` are again-today repeats (step 7); the rest are the cards studied."""

    answers: int
    repeats: int
    correct: int  # answers graded 3 or more
    seconds: int
    next_due: date | None

    @property
    def studied(self) -> int:
        return self.answers - self.repeats


def day_summary(user: User, deck: Deck, today: date) -> DaySummary:
    """What the student did in this deck today, and when it next has cards due."""
    answers, repeats, correct, millis = db.session.execute(
        select(
            func.count(),
            func.coalesce(func.sum(case((ReviewLog.kind == "redrill", 1), else_=0)), 0),
            func.coalesce(func.sum(case((ReviewLog.grade >= sm2.PASSING_QUALITY, 1), else_=0)), 0),
            func.coalesce(func.sum(ReviewLog.answer_ms), 0),
        )
        .join(Card, Card.id == ReviewLog.card_id)
        .where(ReviewLog.user_id == user.id, ReviewLog.study_day == today, Card.deck_id == deck.id)
    ).one()
    due_day_of = due_column(user)
    next_due = db.session.scalar(
        select(func.min(due_day_of))
        .join(Card, Card.id == CardState.card_id)
        .where(CardState.user_id == user.id, Card.deck_id == deck.id,
               Card.retired.is_(False), CardState.suspended.is_(False), due_day_of > today)
    )
    return DaySummary(answers, repeats, correct, round(millis / 1000), next_due)
