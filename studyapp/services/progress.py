"""The student's progress page: a few indexed queries whose rows go to the pure `core.progress.stats`.

A year of study is about 73,000 review-log rows; the page reads their per-day sums instead, 365
rows of `review_days` (`services.review_days`), and of the log itself only today's. Card states
are read for the live cards of the chosen decks (a few thousand at most), summed up per point
where the page only needs points. Nothing is cached
across requests. Dates are bound parameters computed from `today`, so the SQL is the same on
SQLite and PostgreSQL.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from sqlalchemy import and_, func, select

from studyapp.core.content import categories as cat
from studyapp.core.content.card_kinds import CARD_KINDS
from studyapp.core.progress import stats
from studyapp.core.progress.knowledge import CardRecall, Knowledge, estimated_knowledge
from studyapp.models import Card, CardState, Deck, Point, User
from studyapp.services import plain_rows, review_days
from studyapp.services.day_plan import due_column, plans_for_decks, today_for
from studyapp.services.deck_choice import chosen_decks
from studyapp.services.fsrs_states import scheduler_for

MASTERY_SECTIONS = (("Channels", ("channel", "extra")), ("Themes", ("theme",)))
WEAKEST_LIMIT = 10


@dataclass(frozen=True)
class SuspendedCard:
    """A card of the student's that sits out of every queue until they bring it back."""

    state_id: int
    point: str | None  # point code; None for a theme's "name all the points" card
    question: str  # what the card asks, in the student's words
    deck: str  # deck title
    lapses: int

    @property
    def leech(self) -> bool:
        return stats.is_leech(self.lapses)


@dataclass(frozen=True)
class MasterySection:
    title: str  # "Channels" or "Themes"
    rows: list[stats.MasteryRow]


@dataclass(frozen=True)
class Progress:
    today: date
    decks_chosen: int
    today_progress: stats.TodayProgress
    streaks: stats.Streaks
    heatmap: stats.Heatmap
    forecast: list[stats.ForecastDay]
    retention: list[stats.Retention]
    mastery: list[MasterySection]  # only sections with decks in them
    weakest: list[stats.WeakPoint]
    suspended: list[SuspendedCard]  # leeches first (most lapses first), then the others
    knowledge: Knowledge  # what FSRS estimates the student would recall today

    @property
    def leeches(self) -> list[SuspendedCard]:
        return [card for card in self.suspended if card.leech]

    @property
    def other_suspended(self) -> list[SuspendedCard]:
        return [card for card in self.suspended if not card.leech]

    @property
    def reviews_held_back(self) -> int:
        """Reviews due today that the daily review limit leaves for the coming days: the forecast
        counts every due card today, the day plans only as many as the limit allows."""
        due_today = self.forecast[0].due if self.forecast else 0
        return max(0, due_today - self.today_progress.reviews_left)


def progress_for(user: User, now: datetime) -> Progress:
    """Everything the progress page shows, for `user` at `now`."""
    today = today_for(user, now)
    decks = chosen_decks(user)

    first_day = today - timedelta(days=max(stats.HEATMAP_DAYS, *stats.RETENTION_WINDOWS) - 1)
    days = review_days.days_from(user.id, first_day)
    day_rows = [day.tally for day in days]
    reviews_today = sum(day.reviews for day in days if day.study_day == today)

    # Today's queue, as the deck list shows it; the review cap is the student's, not each deck's.
    plans = plans_for_decks(user, decks, today).values()
    reviews_left = min(sum(len(plan.reviews) for plan in plans), max(0, user.reviews_per_day - reviews_today))
    new_left = sum(len(plan.new) for plan in plans)
    today_progress = stats.today_progress(day_rows, today, reviews_left, new_left)
    streaks = stats.streaks([day.study_day for day in days] + review_days.days_before(user.id, first_day), today,
                            today_progress.counts_for_streak)

    mastery, weakest = _mastery_and_weakest(user, decks)
    return Progress(
        today=today,
        decks_chosen=len(decks),
        today_progress=today_progress,
        streaks=streaks,
        heatmap=stats.heatmap_weeks(stats.day_counts(day_rows, today), today),
        forecast=stats.forecast(_due_counts(user, decks, today), today),
        retention=stats.retention((day.retention for day in days), today),
        mastery=mastery,
        weakest=weakest,
        suspended=_suspended(user),
        knowledge=_knowledge(user, decks, today),
    )


def _due_counts(user: User, decks: list[Deck], today: date) -> list[tuple[date, int]]:
    """Cards due per day up to the forecast's end, of live, unsuspended cards of the chosen decks.
    A card buried today comes back tomorrow, so it is due tomorrow at the earliest."""
    if not decks:
        return []
    due_day_of = due_column(user)
    rows = plain_rows(
        select(due_day_of, CardState.buried_day, func.count())
        .join(Card, Card.id == CardState.card_id)
        .where(CardState.user_id == user.id, due_day_of < today + timedelta(days=stats.FORECAST_DAYS),
               Card.deck_id.in_([deck.id for deck in decks]), Card.retired.is_(False),
               CardState.suspended.is_(False))
        .group_by(due_day_of, CardState.buried_day)
    )
    tomorrow = today + timedelta(days=1)
    return [(max(due_day, tomorrow) if buried_day == today else due_day, count)
            for due_day, buried_day, count in rows if due_day is not None]  # (the query wants a due_day)


def _knowledge(user: User, decks: list[Deck], today: date) -> Knowledge:
    """FSRS's estimate of what the student would recall today, over the live cards of their chosen
    decks (`knowledge.estimated_knowledge`)."""
    if not decks:
        return estimated_knowledge([])
    recall_after = scheduler_for(user).recall_after
    return estimated_knowledge(
        CardRecall(point_id, None if stability is None or last_day is None
                   else recall_after(stability, (today - last_day).days))
        for point_id, stability, last_day in plain_rows(
            select(Card.point_id, CardState.fsrs_stability, CardState.fsrs_last_day)
            .select_from(Card)
            .outerjoin(CardState, and_(CardState.card_id == Card.id, CardState.user_id == user.id))
            .where(Card.deck_id.in_([deck.id for deck in decks]), Card.retired.is_(False))
        )
    )


def group_name(deck: Deck) -> str:
    """How a deck is named in the mastery bars: 'Kidney' for the Kidney channel."""
    return deck.title.removesuffix(" channel")


def _mastery_and_weakest(user: User, decks: list[Deck]) -> tuple[list[MasterySection], list[stats.WeakPoint]]:
    """Mastery per chosen deck (`stats.mastery`) and the weakest points (`stats.weakest`), from the
    live cards about a point in those decks, summed up per deck and point by the database (some 600
    rows with every deck chosen, for over 3,000 cards). Suspended cards count in both (a leech is
    neither known nor easy); a card without a state yet is new.

    - Each point of a deck goes to `stats.mastery` as one card standing for all of them: answered
      if any is, with the shortest interval if all are (else 0), so it is mature, learning or new
      exactly when the point is.
    - Each point goes to `stats.weakest` as one answered card with the lowest easiness and all the
      lapses of its answered cards, in point order; whether one of its cards is a leech is then
      judged from the most lapses of any one card, as `stats.weakest` does card by card."""
    if not decks:
        return [], []
    is_answered = CardState.due_day.is_not(None)
    rows = list(plain_rows(
        select(Card.deck_id, Point.code, Point.sort_key, func.count(), func.count(CardState.due_day),
               func.min(CardState.interval), func.min(CardState.easiness_centi).filter(is_answered),
               func.sum(CardState.lapses).filter(is_answered), func.max(CardState.lapses).filter(is_answered))
        .select_from(Card)
        .join(Point, Point.id == Card.point_id)
        .outerjoin(CardState, and_(CardState.card_id == Card.id, CardState.user_id == user.id))
        .where(Card.deck_id.in_([deck.id for deck in decks]), Card.retired.is_(False))
        .group_by(Card.deck_id, Point.code, Point.sort_key)
    ))
    slugs = {deck.id: deck.slug for deck in decks}
    by_slug = {row.group: row for row in stats.mastery(  # grouped by deck slug; names go on below
        stats.MasteryCard(slugs[deck_id], code, shortest if answered == cards else 0, answered > 0)
        for deck_id, code, _, cards, answered, shortest, *_ in rows)}
    sections = []
    for title, kinds in MASTERY_SECTIONS:
        section_rows = [replace(by_slug[deck.slug], group=group_name(deck))
                        for deck in decks if deck.kind in kinds and deck.slug in by_slug]
        if section_rows:
            sections.append(MasterySection(title, section_rows))

    # A point in several decks (a channel and a theme) is one point here: its decks are added up.
    points: dict[str, tuple[int, int, int, int]] = {}  # code -> sort key, easiness, lapses, most lapses
    for _, code, sort_key, _, answered, _, easiness_centi, lapses, most in rows:
        if answered:
            seen = points.get(code)
            points[code] = (sort_key, easiness_centi, lapses, most) if seen is None else (
                sort_key, min(seen[1], easiness_centi), seen[2] + lapses, max(seen[3], most))
    in_order = sorted(points.items(), key=lambda item: (item[1][0], item[0]))
    weakest = stats.weakest((stats.WeakCard(code, easiness_centi, lapses, True)
                             for code, (_, easiness_centi, lapses, _) in in_order), WEAKEST_LIMIT)
    return sections, [replace(point, leech=stats.is_leech(points[point.point][3])) for point in weakest]


def card_question(kind: str, subject: str | None) -> str:
    """What a card asks, for lists of cards: its kind, and for theme cards the group it is about."""
    question = CARD_KINDS.get(kind, kind)
    category = cat.KINDS.get(subject) if subject else None
    return f"{question} ({category.title})" if category else question


def _suspended(user: User) -> list[SuspendedCard]:
    """Every suspended live card of the student's, in any deck (one set aside is still theirs)."""
    rows = plain_rows(
        select(CardState.id, Point.code, Card.kind, Card.subject, Deck.title, CardState.lapses)
        .join(Card, Card.id == CardState.card_id)
        .join(Deck, Deck.id == Card.deck_id)
        .outerjoin(Point, Point.id == Card.point_id)
        .where(CardState.user_id == user.id, CardState.suspended.is_(True), Card.retired.is_(False))
        .order_by(CardState.lapses.desc(), Point.sort_key, CardState.id)
    )
    return [SuspendedCard(state_id, code, card_question(kind, subject), deck, lapses)
            for state_id, code, kind, subject, deck, lapses in rows]
