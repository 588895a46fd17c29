"""Step two of loading decks: sync a validated bundle into the database in one transaction.

Idempotent: a second import of the same files writes nothing. Points and cards are matched by
code and card key, so editing a record's text keeps every student's schedule and history; a point
or card that disappears from its file is retired (hidden from queues), never deleted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select

from studyapp import cards as card_kinds
from studyapp.codes import CHANNELS, code_rank
from studyapp.decks import Bundle, Deck
from studyapp.decks import Point as PointRecord
from studyapp.extensions import db
from studyapp.models import Card
from studyapp.models import Deck as DeckRow
from studyapp.models import Point as PointRow

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


def deck_sort_key(deck: Deck) -> tuple[int, int, str]:
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
        decks_by_slug = {row.slug: row for row in session.scalars(select(DeckRow))}
        points_by_code = {row.code: row for row in session.scalars(select(PointRow))}
        cards_by_key = {row.key: row for row in session.scalars(select(Card))}
        ordered_decks = sorted(bundle.decks, key=deck_sort_key)
        positions = {row.slug: row.position for row in decks_by_slug.values()}
        next_position = max(positions.values(), default=-1) + 1
        live_points: list[PointRecord] | None = None  # for theme decks, once the channels are synced
        for deck in ordered_decks:
            deck_row = decks_by_slug.get(deck.slug)
            values = {"title": deck.title, "kind": deck.kind, "channel": deck.channel,
                      "description": deck.description, "retired": False,
                      "categories": list(deck.categories) or None}
            if deck_row is None:
                deck_row = DeckRow(slug=deck.slug, position=next_position, **values)
                next_position += 1
                session.add(deck_row)
                session.flush()
                decks_by_slug[deck.slug] = deck_row
                report.added["decks"] += 1
            elif _assign(deck_row, values):
                report.updated["decks"] += 1
            if deck.kind == "theme":
                if live_points is None:
                    live_points = [PointRecord.from_dict(row.record)
                                   for row in points_by_code.values() if not row.retired]
                _sync_theme(deck, deck_row, live_points, points_by_code, cards_by_key, report)
            else:
                _sync_points(deck, deck_row, points_by_code, cards_by_key, now, report)
        if retire_missing_decks:
            wanted = {deck.slug for deck in bundle.decks}
            for slug, deck_row in decks_by_slug.items():
                if slug not in wanted and not deck_row.retired:
                    deck_row.retired = True
                    report.retired["decks"] += 1
                    _retire_rest(deck_row, set(), set(), points_by_code, cards_by_key, report)
        session.commit()
    except Exception:
        session.rollback()
        raise
    return report


def _sync_points(
    deck: Deck,
    deck_row: DeckRow,
    points_by_code: dict[str, PointRow],
    cards_by_key: dict[str, Card],
    now: datetime,
    report: ImportReport,
) -> None:
    session = db.session
    kept_codes: set[str] = set()
    kept_keys: set[str] = set()
    for point in deck.points:
        kept_codes.add(point.code)
        values = {
            "channel": point.channel, "pinyin": point.pinyin, "hanzi": point.hanzi,
            "english": point.english, "deck_id": deck_row.id, "sort_key": code_rank(point.code),
            "record": point.to_dict(), "retired": False,
        }
        point_row = points_by_code.get(point.code)
        if point_row is None:
            point_row = PointRow(code=point.code, updated_at=now, **values)
            session.add(point_row)
            session.flush()
            points_by_code[point.code] = point_row
            report.added["points"] += 1
        elif _assign(point_row, values):
            point_row.updated_at = now
            report.updated["points"] += 1
        for spec in card_kinds.cards_for_point(point):
            kept_keys.add(spec.key)
            _upsert_card(spec, deck_row, point_row, cards_by_key, report)
    _retire_rest(deck_row, kept_codes, kept_keys, points_by_code, cards_by_key, report)


def _sync_theme(
    deck: Deck,
    deck_row: DeckRow,
    live_points: list[PointRecord],
    points_by_code: dict[str, PointRow],
    cards_by_key: dict[str, Card],
    report: ImportReport,
) -> None:
    """Theme cards are built from the categories of every live point (channel decks sync first)."""
    kept_keys: set[str] = set()
    for spec in card_kinds.cards_for_theme(deck, live_points):
        kept_keys.add(spec.key)
        point_row = points_by_code[spec.point_code] if spec.point_code else None
        _upsert_card(spec, deck_row, point_row, cards_by_key, report)
    _retire_rest(deck_row, set(), kept_keys, points_by_code, cards_by_key, report)


def _upsert_card(
    spec: card_kinds.CardSpec,
    deck_row: DeckRow,
    point_row: PointRow | None,
    cards_by_key: dict[str, Card],
    report: ImportReport,
) -> None:
    values = {"kind": spec.kind, "deck_id": deck_row.id, "point_id": point_row.id if point_row else None,
              "position": spec.position, "subject": spec.subject, "retired": False}
    card_row = cards_by_key.get(spec.key)
    if card_row is None:
        card_row = Card(key=spec.key, **values)
        db.session.add(card_row)
        cards_by_key[spec.key] = card_row
        report.added["cards"] += 1
    elif _assign(card_row, values):
        report.updated["cards"] += 1


def _retire_rest(
    deck_row: DeckRow,
    kept_codes: set[str],
    kept_keys: set[str],
    points_by_code: dict[str, PointRow],
    cards_by_key: dict[str, Card],
    report: ImportReport,
) -> None:
    """Retire this deck's points and cards that the files no longer have. History stays."""
    for code, point_row in points_by_code.items():
        if point_row.deck_id == deck_row.id and code not in kept_codes and not point_row.retired:
            point_row.retired = True
            report.retired["points"] += 1
    for key, card_row in cards_by_key.items():
        if card_row.deck_id == deck_row.id and key not in kept_keys and not card_row.retired:
            card_row.retired = True
            report.retired["cards"] += 1
