"""Step two of loading decks: sync a validated bundle into the database in one transaction.

Idempotent: a second import of the same files writes nothing. Points and cards are matched by
code and card key, so editing a record's text keeps every student's schedule and history; a point
or card that disappears from its file is retired (hidden from queues), never deleted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select

from studyapp.core.content import card_kinds
from studyapp.core.content.codes import CHANNELS, code_rank
from studyapp.core.content.deck_files import Bundle, DeckRecord, PointRecord
from studyapp.core.quizzes import questions
from studyapp.extensions import db
from studyapp.models import Card, Deck, Point

KIND_ORDER = {"channel": 0, "extra": 1, "theme": 2}


class BundleHasProblems(Exception):
    def __init__(self, bundle: Bundle) -> None:
        super().__init__(f"{len(bundle.problems)} problem(s) in the deck files; nothing imported")
        self.problems = bundle.problems


@dataclass
class ImportReport:
    added: dict[str, int] = field(default_factory=lambda: {"decks": 0, "points": 0, "cards": 0})
    updated: dict[str, int] = field(default_factory=lambda: {"decks": 0, "points": 0, "cards": 0})
    retired: dict[str, int] = field(default_factory=lambda: {"decks": 0, "points": 0, "cards": 0})

    @property
    def changed(self) -> bool:
        return any(n for counts in (self.added, self.updated, self.retired) for n in counts.values())

    def summary(self) -> str:
        parts = []
        for label, counts in (("added", self.added), ("updated", self.updated), ("retired", self.retired)):
            detail = ", ".join(f"{n} {what}" for what, n in counts.items() if n)
            if detail:
                parts.append(f"{label} {detail}")
        return "; ".join(parts) if parts else "no changes"


def points_kept_beside(slugs: set[str]) -> list[PointRecord]:
    """The live points of the live decks other than `slugs`: what an import of just those decks
    leaves in place, so their related points and positions may refer to these."""
    rows = db.session.scalars(
        select(Point.record).join(Deck, Deck.id == Point.deck_id)
        .where(Point.retired.is_(False), Deck.retired.is_(False), Deck.slug.not_in(slugs))
    )
    return [PointRecord.from_dict(record) for record in rows]


def deck_sort_key(deck: DeckRecord) -> tuple[int, int, str]:
    channels = list(CHANNELS)
    channel_order = channels.index(deck.channel) if deck.channel in channels else len(channels)
    return (KIND_ORDER.get(deck.kind, 9), channel_order, deck.slug)


def _assign(row: Any, values: dict[str, Any]) -> bool:
    """Set attributes that differ; report whether anything changed."""
    changed = False
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
            changed = True
    return changed


def import_bundle(bundle: Bundle, now: datetime, *, retire_missing_decks: bool) -> ImportReport:
    """Write `bundle` to the database, all or nothing.

    `retire_missing_decks`: the bundle is the whole deck folder, so decks missing from it retire;
    importing a single file leaves the other decks alone.
    """
    if bundle.problems:
        raise BundleHasProblems(bundle)
    report = ImportReport()
    session = db.session
    try:
        sync = _Sync(
            decks_by_slug={row.slug: row for row in session.scalars(select(Deck))},
            points_by_code={row.code: row for row in session.scalars(select(Point))},
            cards_by_key={row.key: row for row in session.scalars(select(Card))},
            report=report,
            now=now,
        )
        sync.pool = _live_pool(bundle, sync)
        sync.relation_answers = questions.relation_answers(sync.pool)
        next_position = max((row.position for row in sync.decks_by_slug.values()), default=-1) + 1
        for deck in sorted(bundle.decks, key=deck_sort_key):
            deck_row = sync.decks_by_slug.get(deck.slug)
            values = {"title": deck.title, "kind": deck.kind, "channel": deck.channel,
                      "description": deck.description, "retired": False,
                      "categories": list(deck.categories) or None}
            if deck_row is None:
                deck_row = Deck(slug=deck.slug, position=next_position, **values)
                next_position += 1
                session.add(deck_row)
                session.flush()
                sync.decks_by_slug[deck.slug] = deck_row
                report.added["decks"] += 1
            elif _assign(deck_row, values):
                report.updated["decks"] += 1
            sync.kept_codes[deck_row.id] = set()
            sync.kept_keys[deck_row.id] = set()
            if deck.kind == "theme":
                sync.theme(deck, deck_row)
            else:
                sync.points(deck, deck_row)
        if retire_missing_decks:
            wanted = {deck.slug for deck in bundle.decks}
            for slug, deck_row in sync.decks_by_slug.items():
                if slug not in wanted and not deck_row.retired:
                    deck_row.retired = True
                    report.retired["decks"] += 1
                    sync.kept_codes[deck_row.id] = set()
                    sync.kept_keys[deck_row.id] = set()
        sync.insert_new_cards()
        sync.retire_the_rest()
        session.commit()
    except Exception:
        session.rollback()
        raise
    return report


@dataclass
class _Sync:
    """The rows of one import, loaded once, and what the bundle keeps of each synced deck."""

    decks_by_slug: dict[str, Deck]
    points_by_code: dict[str, Point]
    cards_by_key: dict[str, Card]
    report: ImportReport
    now: datetime
    kept_codes: dict[int, set[str]] = field(default_factory=dict)  # deck id -> point codes in the files
    kept_keys: dict[int, set[str]] = field(default_factory=dict)  # deck id -> card keys in the files
    pool: list[PointRecord] = field(default_factory=list)  # every point live after this import
    relation_answers: set[str] = field(default_factory=set)  # codes some relation question leads to
    new_cards: dict[str, dict[str, Any]] = field(default_factory=dict)  # key -> row, inserted at the end

    def points(self, deck: DeckRecord, deck_row: Deck) -> None:
        session = db.session
        for point in deck.points:
            self.kept_codes[deck_row.id].add(point.code)
            values = {
                "channel": point.channel, "pinyin": point.pinyin, "hanzi": point.hanzi,
                "english": point.english, "deck_id": deck_row.id, "sort_key": code_rank(point.code),
                "record": point.to_dict(), "retired": False,
            }
            point_row = self.points_by_code.get(point.code)
            if point_row is None:
                point_row = Point(code=point.code, updated_at=self.now, **values)
                session.add(point_row)
                self.points_by_code[point.code] = point_row
                self.report.added["points"] += 1
            elif _assign(point_row, values):
                point_row.updated_at = self.now
                self.report.updated["points"] += 1
        session.flush()  # once per deck, not per point: the new points' ids, for their cards
        for point in deck.points:
            point_row = self.points_by_code[point.code]
            for spec in card_kinds.cards_for_point(point, self.relation_answers):
                self.kept_keys[deck_row.id].add(spec.key)
                self.card(spec, deck_row, point_row)

    def theme(self, deck: DeckRecord, deck_row: Deck) -> None:
        """Theme cards are built from the categories of every live point."""
        for spec in card_kinds.cards_for_theme(deck, self.pool):
            self.kept_keys[deck_row.id].add(spec.key)
            point_row = self.points_by_code[spec.point_code] if spec.point_code else None
            self.card(spec, deck_row, point_row)

    def card(self, spec: card_kinds.CardSpec, deck_row: Deck, point_row: Point | None) -> None:
        values = {"kind": spec.kind, "deck_id": deck_row.id, "point_id": point_row.id if point_row else None,
                  "position": spec.position, "subject": spec.subject, "retired": False}
        card_row = self.cards_by_key.get(spec.key)
        if card_row is None:
            if spec.key not in self.new_cards:
                self.report.added["cards"] += 1
            self.new_cards[spec.key] = {"key": spec.key, **values}
        elif _assign(card_row, values):
            self.report.updated["cards"] += 1

    def insert_new_cards(self) -> None:
        """One multi-row INSERT for every new card: a first import adds over 3,000, and building an
        ORM object for each costs more than the rest of the import."""
        if self.new_cards:
            db.session.execute(insert(Card), list(self.new_cards.values()))

    def retire_the_rest(self) -> None:
        """Retire points and cards of the synced decks that the files no longer have. History stays."""
        for code, point_row in self.points_by_code.items():
            kept = self.kept_codes.get(point_row.deck_id)
            if kept is not None and code not in kept and not point_row.retired:
                point_row.retired = True
                self.report.retired["points"] += 1
        for key, card_row in self.cards_by_key.items():
            kept = self.kept_keys.get(card_row.deck_id)
            if kept is not None and key not in kept and not card_row.retired:
                card_row.retired = True
                self.report.retired["cards"] += 1


def _live_pool(bundle: Bundle, sync: _Sync) -> list[PointRecord]:
    """The points live once this import is done: the bundle's, plus those of decks it does not touch
    (importing one file keeps the other decks' points)."""
    synced = {sync.decks_by_slug[deck.slug].id for deck in bundle.decks if deck.slug in sync.decks_by_slug}
    pool = list(bundle.points)
    codes = {point.code for point in pool}
    pool += [PointRecord.from_dict(row.record) for code, row in sync.points_by_code.items()
             if code not in codes and not row.retired and row.deck_id not in synced]
    return sorted(pool, key=lambda point: code_rank(point.code))
