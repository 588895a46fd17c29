"""Exports of one student's progress and restoring a backup: the database side.

- `export_backup` / `restore_backup`: the JSON backup (format in `core.backup_format`). Cards
  are matched by key and decks by slug, so a backup restores into another instance that imported
  the same decks. A restore is one transaction into an account that has not studied yet.
- `review_log_csv`: the review log as a spreadsheet.
- `anki_package`: the student's cards as an Anki deck (.apkg), one Anki deck per chosen deck.
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import itertools
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import genanki
from sqlalchemy import delete, func, insert, select, update

from studyapp.core.backup_format import Backup, CardProgress, Review, UserSettings
from studyapp.core.content.card_kinds import CardFront, front
from studyapp.core.content.deck_files import PointRecord
from studyapp.core.scheduling import fsrs
from studyapp.core.scheduling.sm2 import QUALITY_LABELS, easiness_text
from studyapp.extensions import db
from studyapp.models import Card, CardState, Deck, Point, ReviewLog, User, UserDeck
from studyapp.services import fsrs_states, quiz_pool, review_days
from studyapp.services.deck_choice import chosen_decks

# The columns a backup keeps, named as in the models (a card's `version` is internal: not kept).
STATE_COLUMNS = tuple(f.name for f in fields(CardProgress) if f.name != "key")
REVIEW_COLUMNS = tuple(f.name for f in fields(Review) if f.name != "card")


# --- JSON backup ------------------------------------------------------------------------------

class RestoreRefused(Exception):
    """The backup cannot go into this account or instance; nothing was written. `details` lists
    the entries concerned (unknown card keys, for instance)."""

    def __init__(self, message: str, details: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.details = list(details)


@dataclass(frozen=True)
class RestoreReport:
    decks: int
    cards: int
    reviews: int


def export_backup(user: User, now: datetime) -> Backup:
    """Everything of the student's progress: settings, chosen decks, every card state (in the order
    they were made, which breaks ties in the queue) and the whole review log, oldest first."""
    decks = db.session.scalars(
        select(Deck.slug).join(UserDeck, UserDeck.deck_id == Deck.id)
        .where(UserDeck.user_id == user.id).order_by(UserDeck.id)
    ).all()
    states = db.session.execute(
        select(Card.key, *(getattr(CardState, name) for name in STATE_COLUMNS))
        .join(Card, Card.id == CardState.card_id)
        .where(CardState.user_id == user.id).order_by(CardState.id)
    ).all()
    reviews = db.session.execute(
        select(Card.key, *(getattr(ReviewLog, name) for name in REVIEW_COLUMNS))
        .join(Card, Card.id == ReviewLog.card_id)
        .where(ReviewLog.user_id == user.id).order_by(ReviewLog.id)
    ).all()
    return Backup(
        exported_at=now,
        user=UserSettings(username=user.username, timezone=user.timezone,
                          new_cards_per_day=user.new_cards_per_day, reviews_per_day=user.reviews_per_day,
                          scheduler=user.scheduler, desired_retention=user.desired_retention,
                          fsrs_parameters=tuple(user.fsrs_parameters) if user.fsrs_parameters else None),
        decks=tuple(decks),
        cards=tuple(CardProgress(*row) for row in states),
        reviews=tuple(Review(*row) for row in reviews),
    )


def restore_backup(user: User, backup: Backup) -> RestoreReport:
    """Make `backup` the progress of `user`, all or nothing.

    Refused (RestoreRefused, nothing written) when the account has reviews already, or when the
    backup names decks or cards this instance does not have. Card states the account has (made by
    opening decks) are replaced; settings (time zone, daily limits, scheduler, FSRS retention and
    parameters) come from the backup, the username and password stay. A version 1 backup carries no
    FSRS state: it is rebuilt from the restored log (`fsrs_states.recompute`).
    """
    session = db.session
    try:
        # The account is claimed before it is checked: this UPDATE (the settings from the backup) takes
        # the write lock on SQLite and the student's row lock on PostgreSQL until the commit, so of two
        # restores into one account at once the second waits here, then finds the first one's reviews.
        # (SELECT ... FOR UPDATE would do nothing on SQLite.)
        session.execute(update(User).where(User.id == user.id).values(
            timezone=backup.user.timezone, new_cards_per_day=backup.user.new_cards_per_day,
            reviews_per_day=backup.user.reviews_per_day, scheduler=backup.user.scheduler,
            desired_retention=backup.user.desired_retention,
            fsrs_parameters=list(backup.user.fsrs_parameters) if backup.user.fsrs_parameters else None,
            fsrs_fit=None))  # the optimizer's report stays with the account it ran for
        reviewed = session.scalar(select(func.count()).select_from(ReviewLog).where(ReviewLog.user_id == user.id))
        if reviewed:
            raise RestoreRefused(
                f"This account already has {reviewed} review(s). A backup is restored into an account "
                "that has not studied yet: register a new account, log in, and restore there.")
        deck_ids = dict(session.execute(select(Deck.slug, Deck.id)).all())
        unknown_decks = [slug for slug in backup.decks if slug not in deck_ids]
        if unknown_decks:
            raise RestoreRefused(
                f"{len(unknown_decks)} deck(s) of the backup are not on this server; nothing was restored.",
                unknown_decks)
        card_ids = dict(session.execute(select(Card.key, Card.id)).all())
        unknown_cards = [card.key for card in backup.cards if card.key not in card_ids]
        if unknown_cards:
            raise RestoreRefused(
                f"{len(unknown_cards)} card(s) of the backup are not in this server's decks (were the "
                "same decks imported?); nothing was restored.", unknown_cards)

        session.execute(delete(CardState).where(CardState.user_id == user.id))
        session.execute(delete(UserDeck).where(UserDeck.user_id == user.id))
        if backup.decks:
            session.execute(insert(UserDeck), [
                {"user_id": user.id, "deck_id": deck_ids[slug]} for slug in backup.decks])
        # In the backup's order, so the new ids keep the old ones' order (the queue's tie-breaker).
        if backup.cards:
            session.execute(insert(CardState), [
                {"user_id": user.id, "card_id": card_ids[card.key], "version": 0,
                 **{name: getattr(card, name) for name in STATE_COLUMNS}}
                for card in backup.cards])
        if backup.reviews:
            session.execute(insert(ReviewLog), [
                {"user_id": user.id, "card_id": card_ids[review.card],
                 **{name: getattr(review, name) for name in REVIEW_COLUMNS}}
                for review in backup.reviews])
            review_days.recount(user.id)
        if backup.version < 2:
            session.flush()
            fsrs_states.recompute(user)
        session.commit()
    except Exception:
        session.rollback()
        raise
    return RestoreReport(decks=len(backup.decks), cards=len(backup.cards), reviews=len(backup.reviews))


@dataclass(frozen=True)
class ExportCounts:
    answers: int  # review-log rows: every grade given
    repeats: int  # of which again-today repeats
    cards: int
    decks: int

    @property
    def studied(self) -> int:
        return self.answers - self.repeats


def export_counts(user: User) -> ExportCounts:
    """What the exports hold: answers, card states, chosen decks."""
    def count(model: Any) -> int:
        return db.session.scalar(select(func.count()).select_from(model).where(model.user_id == user.id)) or 0

    repeats = db.session.scalar(select(func.count()).select_from(ReviewLog).where(
        ReviewLog.user_id == user.id, ReviewLog.kind == "redrill")) or 0
    return ExportCounts(answers=count(ReviewLog), repeats=repeats, cards=count(CardState), decks=count(UserDeck))


# --- review log as CSV ------------------------------------------------------------------------

CSV_COLUMNS = (
    "reviewed_at_utc", "study_day", "deck", "point", "card_kind", "card", "grade", "grade_label",
    "review_kind", "interval_before", "interval_after", "easiness_before", "easiness_after",
    "answer_seconds", "rating", "rating_label", "fsrs_recall_before", "fsrs_stability_after",
    "fsrs_difficulty_after",
)


def _seconds(millis: int) -> str:
    return f"{millis // 1000}.{millis % 1000:03d}".rstrip("0").rstrip(".")


def review_log_csv(user: User) -> str:
    """One row per answer of `user`, oldest first, with a header row. The FSRS columns replay each
    card's answers with the student's parameters and retention as they are now: the probability of
    recall FSRS gave the card just before the answer (empty for its first), and its memory after."""
    rows = db.session.execute(
        select(ReviewLog.reviewed_at, ReviewLog.study_day, Deck.slug, Point.code, Card.kind, Card.key,
               ReviewLog.grade, ReviewLog.kind, ReviewLog.prev_interval, ReviewLog.new_interval,
               ReviewLog.prev_easiness_centi, ReviewLog.new_easiness_centi, ReviewLog.answer_ms,
               ReviewLog.rating)
        .join(Card, Card.id == ReviewLog.card_id)
        .join(Deck, Deck.id == Card.deck_id)
        .outerjoin(Point, Point.id == Card.point_id)
        .where(ReviewLog.user_id == user.id).order_by(ReviewLog.id)
    ).all()
    scheduler = fsrs_states.scheduler_for(user)
    by_card: dict[str, list[int]] = {}
    for index, row in enumerate(rows):
        by_card.setdefault(row.key, []).append(index)
    steps: dict[int, fsrs.Step] = {}
    for indices in by_card.values():
        answers = (fsrs.Answer(rows[i].study_day, rows[i].rating) for i in indices)
        steps.update(zip(indices, scheduler.steps(answers), strict=True))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for index, (reviewed_at, study_day, deck, code, card_kind, key, grade, kind, interval_before, interval_after,
                easiness_before, easiness_after, answer_ms, rating) in enumerate(rows):
        step = steps[index]
        writer.writerow((
            reviewed_at.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
            study_day.isoformat(), deck, code or "", card_kind, key, grade, QUALITY_LABELS[grade], kind,
            interval_before, interval_after, easiness_text(easiness_before), easiness_text(easiness_after),
            _seconds(answer_ms), rating, fsrs.RATING_LABELS[rating],
            "" if step.recall_before is None else f"{step.recall_before:.4f}",
            f"{step.card.memory.stability:.4f}", f"{step.card.memory.difficulty:.4f}",
        ))
    return out.getvalue()


# --- Anki package -----------------------------------------------------------------------------

ANKI_ROOT = "Acupoints"
ANKI_MODEL_NAME = "Acupoint study card"
# Quiz cards become plain flashcards: the same question, the whole record on the back.
ANKI_FRONT_KIND = {"quiz-where-is": "name-location", "quiz-which-point": "location-name",
                   "quiz-relation": "related", "quiz-locate": "name-location", "quiz-name-dot": "location-name"}
ANKI_CSS = """\
.card { font-family: system-ui, sans-serif; font-size: 18px; line-height: 1.45; text-align: left;
        color: #1d1d1f; background: #fff; max-width: 46em; margin: 0 auto; }
.kind { font-weight: 600; }
.code { font-weight: 700; margin-right: .4em; }
.pinyin, .hanzi, .english { margin-right: .4em; }
.hanzi { font-size: 1.3em; }
.muted { color: #6e6e73; }
.small { font-size: .85em; }
.prompt { border-left: 4px solid #9ab; margin: .6em 0; padding: .2em .8em; }
.intro { font-style: italic; }
.focus { background: #fff8dc; padding: .1em .6em; }
.cautions { border-left: 4px solid #c0392b; padding-left: .8em; }
.tags li.theme { font-weight: 700; }
.nightMode .card, .card.nightMode { color: #eee; background: #222; }
.nightMode .focus { background: #3a3520; }
"""


def stable_id(*parts: str) -> int:
    """An Anki model or deck id derived from names: the same on every export and every instance."""
    digest = hashlib.sha256("\x1f".join(("studyapp", *parts)).encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


def anki_deck_name(deck: Deck) -> str:
    title = deck.title.replace("::", ":")
    return f"{ANKI_ROOT}::Themes::{title}" if deck.kind == "theme" else f"{ANKI_ROOT}::{title}"


def anki_model() -> genanki.Model:
    return genanki.Model(
        stable_id("anki-model", "v1"), ANKI_MODEL_NAME,
        fields=[{"name": "Front"}, {"name": "Back"}],
        templates=[{"name": "Card", "qfmt": "{{Front}}", "afmt": '{{FrontSide}}<hr id="answer">{{Back}}'}],
        css=ANKI_CSS,
    )


@dataclass(frozen=True)
class AnkiCard:
    """What one Anki note shows, before it is rendered: the question side (and for a relation quiz
    its first clue), the record on the back with the part the question is about (`focus`), and
    for a theme's members card the members."""

    deck_slug: str
    key: str
    kind: str
    front: CardFront
    clue: str | None
    focus: str
    point: PointRecord | None
    members: list[PointRecord]
    theme_categories: list[str]


# Renders a card's two note fields, (front HTML, back HTML), escaped. The export page passes one
# built from its templates (templates/export/anki_note.html, which follows the study page's card).
NoteRenderer = Callable[[AnkiCard], tuple[str, str]]


def anki_cards(user: User) -> list[tuple[Deck, list[AnkiCard]]]:
    """The student's own cards, by chosen deck: live cards of live chosen decks they have a state
    for, in deck order, with what each shows from the current records."""
    decks = chosen_decks(user)
    if not decks:
        return []
    rows = db.session.execute(
        select(Card.deck_id, Card.key, Card.kind, Card.subject, Point.code)
        .join(CardState, (CardState.card_id == Card.id) & (CardState.user_id == user.id))
        .outerjoin(Point, Point.id == Card.point_id)
        .where(Card.deck_id.in_([deck.id for deck in decks]), Card.retired.is_(False))
        .order_by(Card.position, Card.key)
    ).all()
    pool = quiz_pool.point_pool()
    by_deck: dict[int, list[AnkiCard]] = {deck.id: [] for deck in decks}
    by_id = {deck.id: deck for deck in decks}
    for deck_id, key, kind, subject, code in rows:
        deck = by_id[deck_id]
        point = pool.by_code.get(code) if code else None
        members = [p for p in pool.points if p.in_category(subject)] if kind == "members" and subject else []
        if point is None and kind != "members":
            continue  # a card whose point is no longer live has nothing to show
        card_front, clue = _anki_front(kind, point, subject, members, pool)
        by_deck[deck_id].append(AnkiCard(
            deck_slug=deck.slug, key=key, kind=kind, front=card_front, clue=clue,
            focus=ANKI_FRONT_KIND.get(kind, kind), point=point, members=members,
            theme_categories=deck.categories or [],
        ))
    return [(deck, by_deck[deck.id]) for deck in decks]


def _anki_front(kind: str, point: PointRecord | None, subject: str | None, members: list[PointRecord],
                pool: quiz_pool.Pool) -> tuple[CardFront, str | None]:
    """The question side, and for a relation quiz its first clue (the app rotates through them)."""
    if kind == "quiz-relation" and point is not None:
        relations = pool.relations.get(point.code, [])
        if relations:
            return CardFront("Which point is it?", shows_name=False, prompt=""), relations[0].prompt
    return front(ANKI_FRONT_KIND.get(kind, kind), point, subject, len(members)), None


def anki_package(user: User, now: datetime, render: NoteRenderer) -> bytes:
    """The .apkg file: a zip holding an Anki collection (SQLite) with one deck per chosen deck, each
    card a note whose fields `render` writes."""
    model = anki_model()
    anki_decks = []
    for deck, cards in anki_cards(user):
        # Anki shows a deck's description as HTML: ours is plain text.
        anki_deck = genanki.Deck(stable_id("anki-deck", deck.slug), anki_deck_name(deck),
                                 description=html.escape(deck.description))
        for card in cards:
            anki_deck.add_note(genanki.Note(
                model=model, fields=list(render(card)), guid=genanki.guid_for(card.key),
                tags=[card.kind, card.deck_slug]))
        anki_decks.append(anki_deck)
    package = genanki.Package(anki_decks)
    # genanki's write_to_file leaves its temporary database behind; write it here and clean up.
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "collection.anki2"
        connection = sqlite3.connect(path)
        try:
            timestamp = now.timestamp()
            package.write_to_db(connection.cursor(), timestamp, _ids(timestamp))
            connection.commit()
        finally:
            connection.close()
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.write(path, "collection.anki2")
            archive.writestr("media", "{}")
        return out.getvalue()


def _ids(timestamp: float) -> Iterator[int]:
    """Anki row ids: milliseconds counting up from the export time, as genanki does."""
    return itertools.count(int(timestamp * 1000))
