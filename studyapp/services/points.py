"""Reading point records back from the database, searching them, and one student's history of a point."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import case, func, select

from studyapp.core.content.card_kinds import CARD_KINDS
from studyapp.core.content.codes import normalize_code
from studyapp.core.content.deck_files import PointRecord
from studyapp.core.progress.stats import MATURE_INTERVAL, card_state, point_state
from studyapp.core.quizzes.search import Hit, SearchIndex, filter_hits
from studyapp.core.scheduling.sm2 import QUALITY_LABELS, easiness_text
from studyapp.core.scheduling.study_day import local_time
from studyapp.extensions import db
from studyapp.models import Card, CardState, Deck, Point, ReviewLog, User
from studyapp.services.fsrs_states import scheduler_for, state_memory
from studyapp.services.quiz_pool import QUIZ_CARD_PREFIX, Pool, point_pool

POINT_STATES = ("new", "learning", "mature", "suspended")
PAGE_SIZE = 50


def live_point_rows(channel: str | None = None) -> list[Point]:
    """Every point that is not retired (or every one of `channel`), in channel order."""
    query = select(Point).where(Point.retired.is_(False)).order_by(Point.sort_key)
    if channel is not None:
        query = query.where(Point.channel == channel)
    return list(db.session.scalars(query))


def live_points() -> list[PointRecord]:
    """Every point that is not retired, in channel order, as records."""
    return [PointRecord.from_dict(row.record) for row in live_point_rows()]


def category_members(category: str) -> list[PointRecord]:
    return [p for p in live_points() if p.in_category(category)]


def deck_points(deck: Deck) -> list[PointRecord]:
    """The live points a deck teaches, in channel order: its own, or for a theme deck the members of
    its categories."""
    if deck.kind == "theme":
        wanted = set(deck.categories or ())
        return [p for p in live_points() if any(c.category in wanted for c in p.categories)]
    rows = db.session.scalars(select(Point).where(Point.deck_id == deck.id, Point.retired.is_(False))
                              .order_by(Point.sort_key))
    return [PointRecord.from_dict(row.record) for row in rows]


# --- finding points -------------------------------------------------------------------------------

_search_index: tuple[Pool, SearchIndex] | None = None


def search_index() -> SearchIndex:
    """The search index of the current records, rebuilt only when the quiz pool is (records changed)."""
    global _search_index
    pool = point_pool()
    if _search_index is None or _search_index[0] is not pool:
        _search_index = (pool, SearchIndex.build(pool.points, pool.names))
    return _search_index[1]


def find_code(text: str) -> str | None:
    """The code of the live point `text` names: a code in any form (KI8, ki 8, SJ5), or a name that
    only one point has. None if it names no point or several."""
    pool = point_pool()
    code = normalize_code(text)
    if code in pool.by_code:
        return code
    named = [found for found in pool.names.lookup(text) if found in pool.by_code]
    return named[0] if len(named) == 1 else None


def retired_code(text: str) -> str | None:
    """The code of a retired point that `text` names as a code (KI-28, ki28): a point taken out of the
    decks keeps its page, for the history a student has of it."""
    code = normalize_code(text)
    if code is None:
        return None
    return db.session.scalar(select(Point.code).where(Point.code == code, Point.retired.is_(True)))


def live_point(code: str) -> Point | None:
    return db.session.scalar(select(Point).where(Point.code == code, Point.retired.is_(False)))


@dataclass(frozen=True)
class PointProgress:
    """How far one student is with one point, over their live cards of it."""

    state: str  # "new" (no card answered), "mature" (every card at MATURE_INTERVAL days), else "learning"
    suspended: bool  # any of its cards
    cards: int


NOT_STARTED = PointProgress("new", False, 0)


def progress_by_point(user: User) -> dict[str, PointProgress]:
    """Point code -> the student's progress, for the points they have cards of (others are new)."""
    rows = db.session.execute(
        select(
            Point.code,
            func.count(),
            func.count(CardState.due_day),
            func.sum(case((CardState.due_day.is_not(None) & (CardState.interval >= MATURE_INTERVAL), 1), else_=0)),
            func.sum(case((CardState.suspended.is_(True), 1), else_=0)),
        )
        .select_from(CardState)
        .join(Card, Card.id == CardState.card_id)
        .join(Point, Point.id == Card.point_id)
        .where(CardState.user_id == user.id, Card.retired.is_(False))
        .group_by(Point.code)
    ).all()
    progress = {}
    for code, cards, answered, mature, suspended in rows:
        progress[code] = PointProgress(point_state(cards, answered, mature), bool(suspended), cards)
    return progress


@dataclass(frozen=True)
class Browse:
    """What the student asked for: typed text and filters, already checked (see points.forms)."""

    q: str = ""
    channel: str | None = None
    category: str | None = None
    state: str | None = None
    page: int = 1

    @property
    def filtered(self) -> bool:
        return bool(self.q or self.channel or self.category or self.state)

    def query(self, **changes: object) -> dict[str, object]:
        """URL parameters for this search (no empty ones, no page 1), with `changes` applied."""
        values = {"q": self.q, "channel": self.channel, "category": self.category, "state": self.state,
                  "page": self.page, **changes}
        return {name: value for name, value in values.items() if value and not (name == "page" and value == 1)}


@dataclass(frozen=True)
class BrowseResult:
    hits: list[Hit]  # this page's
    total: int
    page: int
    pages: int
    progress: dict[str, PointProgress] = field(default_factory=dict)

    def progress_of(self, code: str) -> PointProgress:
        return self.progress.get(code, NOT_STARTED)


def browse(user: User, wanted: Browse) -> BrowseResult:
    """The points matching the search and filters, closest first (channel order without a search)."""
    index = search_index()
    hits = index.search(wanted.q) if wanted.q else index.all()
    hits = filter_hits(hits, channel=wanted.channel, category=wanted.category)
    progress = progress_by_point(user)
    if wanted.state == "suspended":
        hits = [hit for hit in hits if progress.get(hit.point.code, NOT_STARTED).suspended]
    elif wanted.state is not None:
        hits = [hit for hit in hits if progress.get(hit.point.code, NOT_STARTED).state == wanted.state]
    pages = max(1, -(-len(hits) // PAGE_SIZE))
    page = min(wanted.page, pages)
    shown = hits[(page - 1) * PAGE_SIZE: page * PAGE_SIZE]
    return BrowseResult(shown, len(hits), page, pages, progress)


# --- one student's history of a point -------------------------------------------------------------


@dataclass(frozen=True)
class ReviewEntry:
    at: datetime  # in the student's time zone
    kind: str  # "new", "review" or "redrill"
    grade: int
    grade_label: str
    interval_before: int
    interval_after: int
    answer_ms: int

    @property
    def answer_seconds(self) -> str:
        return f"{self.answer_ms / 1000:.1f} s"


@dataclass(frozen=True)
class CardHistory:
    state_id: int
    kind: str
    question: str  # the kind in plain words
    is_quiz: bool
    deck_title: str
    state: str  # "new", "learning" or "mature"
    suspended: bool
    buried_today: bool
    due_day: date | None  # by the scheduler the student uses (SM-2's or FSRS's)
    recall: float | None  # FSRS's probability that the student recalls it today; None while new
    stability: float | None  # FSRS's memory of it (None while new)
    difficulty: float | None
    interval: int
    easiness_centi: int
    lapses: int
    reviews: list[ReviewEntry]

    @property
    def easiness(self) -> str:
        return easiness_text(self.easiness_centi)


def point_history(user: User, point_id: int, today: date, *, retired_cards: bool = False) -> list[CardHistory]:
    """The student's live cards of a point (with `retired_cards`, the retired ones too), each with its
    schedule (the due day of the scheduler they use), FSRS's probability that they recall it today,
    and every answer, oldest first. Only this student's states and log rows are read."""
    query = (
        select(CardState, Card, Deck)
        .join(Card, Card.id == CardState.card_id)
        .join(Deck, Deck.id == Card.deck_id)
        .where(CardState.user_id == user.id, Card.point_id == point_id)
        .order_by(Deck.position, Deck.id, Card.position, Card.id)
    )
    if not retired_cards:
        query = query.where(Card.retired.is_(False))
    rows = db.session.execute(query).all()
    card_ids = [card.id for _, card, _ in rows]
    logs: dict[int, list[ReviewLog]] = {card_id: [] for card_id in card_ids}
    if card_ids:
        for log in db.session.scalars(
            select(ReviewLog)
            .where(ReviewLog.user_id == user.id, ReviewLog.card_id.in_(card_ids))
            .order_by(ReviewLog.reviewed_at, ReviewLog.id)
        ):
            logs[log.card_id].append(log)
    scheduler = scheduler_for(user)

    def recall(state: CardState) -> float | None:
        memory = state_memory(state)
        return scheduler.recall(memory, today) if memory is not None else None

    return [
        CardHistory(
            state_id=state.id, kind=card.kind, question=CARD_KINDS.get(card.kind, card.kind),
            is_quiz=card.kind.startswith(QUIZ_CARD_PREFIX), deck_title=deck.title,
            state=card_state(state.due_day is not None, state.interval), suspended=state.suspended,
            buried_today=state.buried_day == today,
            due_day=state.fsrs_due_day if user.scheduler == "fsrs" else state.due_day, recall=recall(state),
            stability=state.fsrs_stability, difficulty=state.fsrs_difficulty,
            interval=state.interval,
            easiness_centi=state.easiness_centi, lapses=state.lapses,
            reviews=[
                ReviewEntry(at=local_time(log.reviewed_at, user.timezone), kind=log.kind, grade=log.grade,
                            grade_label=QUALITY_LABELS.get(log.grade, ""), interval_before=log.prev_interval,
                            interval_after=log.new_interval, answer_ms=log.answer_ms)
                for log in logs[card.id]
            ],
        )
        for state, card, deck in rows
    ]


@dataclass(frozen=True)
class PointPage:
    point_id: int
    record: PointRecord
    deck_slug: str
    deck_title: str
    cards: list[CardHistory]
    progress: PointProgress
    retired: bool = False  # taken out of the decks: its cards no longer come up, the history stays


def point_page(user: User, code: str, today: date) -> PointPage | None:
    """A point's record and the student's history of it; None if there is no such point. A retired
    point's page shows the record as last imported and every card the student had of it."""
    row = db.session.execute(
        select(Point, Deck).join(Deck, Deck.id == Point.deck_id).where(Point.code == code)
    ).first()
    if row is None:
        return None
    point, deck = row
    cards = point_history(user, point.id, today, retired_cards=point.retired)
    state = point_state(len(cards), sum(card.state != "new" for card in cards),
                        sum(card.state == "mature" for card in cards))
    return PointPage(point.id, PointRecord.from_dict(point.record), deck.slug, deck.title, cards,
                     PointProgress(state, any(card.suspended for card in cards), len(cards)), point.retired)
