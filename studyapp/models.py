"""SQLAlchemy 2.0 typed models on the declarative `Base` (which Flask-SQLAlchemy's `db` is built on, so
`db.session`, `db.metadata` and Alembic see them). Nothing but the schema lives here."""

from __future__ import annotations

import secrets
from datetime import UTC, date, datetime
from typing import Any

from flask_login import UserMixin
from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from studyapp.extensions import Base

# The largest value an Integer column holds (PostgreSQL's integer is 32 bits): the bound for every id,
# version and count that comes in from a URL, a form or a file.
INT_MAX = 2**31 - 1


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_session_token() -> str:
    return secrets.token_urlsafe(32)


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on every database (SQLite would hand back naive ones)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("store aware datetimes only")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class User(UserMixin, Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    new_cards_per_day: Mapped[int] = mapped_column(Integer, default=20)
    reviews_per_day: Mapped[int] = mapped_column(Integer, default=200)
    # The colour theme of the pages: "system" follows the device, or "light" or "dark".
    theme: Mapped[str] = mapped_column(String(10), default="system", server_default="system")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Which model's due dates make the day plan: "sm2" (the default) or "fsrs". Both are kept for every card.
    scheduler: Mapped[str] = mapped_column(String(8), default="sm2", server_default="sm2")
    # FSRS: the probability of recall at which a card falls due, and the student's own 21 parameters
    # (None: FSRS-6's defaults), with the last fit of the optimizer (`fsrs.Optimization`, as JSON).
    desired_retention: Mapped[float] = mapped_column(Float, default=0.9, server_default="0.9")
    fsrs_parameters: Mapped[list[float] | None] = mapped_column(JSON)
    fsrs_fit: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # Part of every session cookie of this account (`get_id`); a new one, at log-out or a password
    # change, ends every session made before. Never empty once migrated ('' matches no session).
    session_token: Mapped[str] = mapped_column(String(64), default=new_session_token, server_default="")

    def get_id(self) -> str:
        """What Flask-Login keeps in the session: the student's id and their current session token."""
        return f"{self.id}:{self.session_token}"


class LoginFailure(Base):
    """A failed (or, for a moment, a pending) login, by the username typed and the address it came
    from: the database is what every worker shares, so login throttling counts these rows. Rows
    older than the throttling window are deleted as new ones come in."""

    __tablename__ = "login_failures"
    __table_args__ = (
        Index("ix_login_failures_username_at", "username", "failed_at"),
        Index("ix_login_failures_address_at", "address", "failed_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(40))  # as typed, lower-cased: unknown names count too
    address: Mapped[str] = mapped_column(String(64))
    failed_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class Deck(Base):
    __tablename__ = "decks"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    channel: Mapped[str | None] = mapped_column(String(8))
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)
    # Theme decks: the category keys they are built from (their cards are generated, not listed).
    categories: Mapped[list[str] | None] = mapped_column(JSON)

    cards: Mapped[list[Card]] = relationship(back_populates="deck")


class UserDeck(Base):
    """A deck a student chose to study. Only chosen decks appear in their list and queues."""

    __tablename__ = "user_decks"
    __table_args__ = (UniqueConstraint("user_id", "deck_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    deck_id: Mapped[int] = mapped_column(ForeignKey("decks.id"))
    chosen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Point(Base):
    """One acupoint. `record` holds the whole deck record; the columns are for lookups."""

    __tablename__ = "points"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    channel: Mapped[str] = mapped_column(String(8), index=True)
    pinyin: Mapped[str] = mapped_column(String(80))
    hanzi: Mapped[str] = mapped_column(String(20))
    english: Mapped[str] = mapped_column(String(200))
    deck_id: Mapped[int] = mapped_column(ForeignKey("decks.id"), index=True)
    sort_key: Mapped[int] = mapped_column(Integer, default=0)
    record: Mapped[dict[str, Any]] = mapped_column(JSON)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Card(Base):
    """A question about a point. `key` (point code + kind) is its identity across re-imports."""

    __tablename__ = "cards"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(120), unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    deck_id: Mapped[int] = mapped_column(ForeignKey("decks.id"), index=True)
    point_id: Mapped[int | None] = mapped_column(ForeignKey("points.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)
    # What a theme card asks about: a category key ("xi-cleft"), or for a point's-categories card
    # None. Channel cards leave it empty.
    subject: Mapped[str | None] = mapped_column(String(60))

    deck: Mapped[Deck] = relationship(back_populates="cards")
    point: Mapped[Point | None] = relationship()


class CardState(Base):
    """One student's SM-2 and FSRS state of one card; created when the student opens the card's deck.

    A state that was never answered (`due_day` is None) is a new card for that student.
    """

    __tablename__ = "card_states"
    __table_args__ = (
        UniqueConstraint("user_id", "card_id"),
        Index("ix_card_states_user_due", "user_id", "due_day"),
        Index("ix_card_states_user_redrill", "user_id", "redrill_day"),
        Index("ix_card_states_user_fsrs_due", "user_id", "fsrs_due_day"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    card_id: Mapped[int] = mapped_column(ForeignKey("cards.id"), index=True)
    repetitions: Mapped[int] = mapped_column(Integer, default=0)
    easiness_centi: Mapped[int] = mapped_column(SmallInteger, default=250)
    interval: Mapped[int] = mapped_column(Integer, default=0)
    due_day: Mapped[date | None] = mapped_column(Date)
    lapses: Mapped[int] = mapped_column(Integer, default=0)
    # Step 7: the study day on which this card still needs a re-drill, if any.
    redrill_day: Mapped[date | None] = mapped_column(Date)
    last_reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Suspended cards leave every queue until the student unsuspends them (leeches are suspended).
    suspended: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # A buried card sits out the rest of this study day and comes back the next.
    buried_day: Mapped[date | None] = mapped_column(Date)
    # Bumped by every answer; an answer must name the version it saw (double-click guard).
    version: Mapped[int] = mapped_column(Integer, default=0)
    # FSRS's state of the same card, updated by every answer beside SM-2's: the memory after the last
    # answer (None while the card is new), that answer's study day, and the day recall is expected to
    # fall to the student's desired retention (`core.scheduling.fsrs`).
    fsrs_stability: Mapped[float | None] = mapped_column(Float)
    fsrs_difficulty: Mapped[float | None] = mapped_column(Float)
    fsrs_last_day: Mapped[date | None] = mapped_column(Date)
    fsrs_due_day: Mapped[date | None] = mapped_column(Date)

    card: Mapped[Card] = relationship()


class ReviewLog(Base):
    """One row per answer, with the state before and after it. Rows are only ever added, except
    that undoing the last answer removes its row along with restoring the state."""

    __tablename__ = "review_log"
    __table_args__ = (
        Index("ix_review_log_user_day", "user_id", "study_day"),
        Index("ix_review_log_user_card", "user_id", "card_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    card_id: Mapped[int] = mapped_column(ForeignKey("cards.id"))
    reviewed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    study_day: Mapped[date] = mapped_column(Date)
    # "new" (first answer), "review" (scheduled) or "redrill" (step 7, schedule unchanged)
    kind: Mapped[str] = mapped_column(String(10))
    grade: Mapped[int] = mapped_column(SmallInteger)
    # The same answer as FSRS saw it: 1 Again, 2 Hard, 3 Good, 4 Easy (`fsrs.rating_for_grade` of the
    # grade, or the button pressed in FSRS mode, whose grade is then `fsrs.grade_for_rating`).
    rating: Mapped[int] = mapped_column(SmallInteger)
    answer_ms: Mapped[int] = mapped_column(Integer, default=0)
    prev_repetitions: Mapped[int] = mapped_column(Integer)
    prev_easiness_centi: Mapped[int] = mapped_column(SmallInteger)
    prev_interval: Mapped[int] = mapped_column(Integer)
    prev_due_day: Mapped[date | None] = mapped_column(Date)
    # The rest of the state before this answer, so undo restores it exactly (None in rows older
    # than undo; those reviews cannot be undone).
    prev_lapses: Mapped[int | None] = mapped_column(Integer)
    prev_redrill_day: Mapped[date | None] = mapped_column(Date)
    prev_reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    prev_suspended: Mapped[bool | None] = mapped_column(Boolean)
    new_repetitions: Mapped[int] = mapped_column(Integer)
    new_easiness_centi: Mapped[int] = mapped_column(SmallInteger)
    new_interval: Mapped[int] = mapped_column(Integer)
    new_due_day: Mapped[date] = mapped_column(Date)


class ReviewDay(Base):
    """One student's answers on one study day, summed (`stats.DayTotals`): the progress page reads a
    year of these, 365 rows, instead of the year's log, some 73,000. Written in the same transaction
    as the log rows they sum (`services.review_days`); a day whose answers are all undone has no row."""

    __tablename__ = "review_days"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    study_day: Mapped[date] = mapped_column(Date, primary_key=True)
    answers: Mapped[int] = mapped_column(Integer)
    redrills: Mapped[int] = mapped_column(Integer)
    reviews: Mapped[int] = mapped_column(Integer)
    mature_passed: Mapped[int] = mapped_column(Integer)
    mature_total: Mapped[int] = mapped_column(Integer)
    young_passed: Mapped[int] = mapped_column(Integer)
    young_total: Mapped[int] = mapped_column(Integer)
    answer_ms: Mapped[int] = mapped_column(BigInteger)
