"""The JSON backup of one student's progress: records, writing and strict reading (pure: no Flask,
no database).

A backup names cards by `Card.key` and decks by slug, never by database ids, so it can be restored
into another instance that imported the same decks. The layout (version 2)::

    {"format": "studyapp-backup", "version": 2, "exported_at": "2026-03-02T10:00:00Z",
     "user": {"username", "timezone", "new_cards_per_day", "reviews_per_day",
              "scheduler", "desired_retention", "fsrs_parameters"},
     "decks": ["kidney", ...],                      # the decks the student chose
     "cards": [{"key", "repetitions", ...}, ...],   # every card state, in the order they were made
     "reviews": [{"card", "reviewed_at", ...}, ...]} # the whole review log, oldest answer first

Version 2 added FSRS: the student's scheduler, desired retention and own parameters (null: the
defaults), each card's FSRS state (`fsrs_stability`, `fsrs_difficulty`, `fsrs_last_day`,
`fsrs_due_day`: all null while FSRS has not seen it answered) and each answer's FSRS `rating`.
Version 1 files are still read: their FSRS fields come back as the defaults and None, and a restore
rebuilds the FSRS states from the log (`Backup.version` says which it was).

Days are "YYYY-MM-DD" study days; moments are ISO 8601 in UTC. `read_backup` accepts the file as
written or gzip-compressed and reports every problem with the entry it is in
("cards[12].due_day: not a date (YYYY-MM-DD)").

Every value is checked against what the scheduler can represent (`core.scheduling.limits`): days
and moments between FIRST_DAY and LAST_DAY, intervals up to MAX_INTERVAL, counts and easiness with
room to grow. So nothing a restore accepts can break a page or an answer afterwards.
"""

from __future__ import annotations

import gzip
import json
import math
import re
import zlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime
from typing import Any

from studyapp.core import bounded_json
from studyapp.core.progress.stats import MAX_ANSWER_MS
from studyapp.core.scheduling import fsrs
from studyapp.core.scheduling.limits import FIRST_DAY, LAST_DAY, MAX_COUNT, MAX_EASINESS_CENTI, MAX_INTERVAL
from studyapp.core.scheduling.study_day import is_valid_timezone

FORMAT = "studyapp-backup"
VERSION = 2
READS = (1, 2)  # the versions this one reads
SCHEDULERS = ("sm2", "fsrs")
MAX_STABILITY = 1e9  # days; FSRS's stays far below (recall a century on is still likely at 1e5)
GZIP_MAGIC = b"\x1f\x8b"
# A year of daily study (~73,000 reviews) is ~30 MB of JSON; this is room for several years while
# keeping a small gzip upload from expanding into gigabytes.
MAX_JSON_BYTES = 256 * 1024 * 1024
MAX_PROBLEMS = 30  # a wholly wrong file need not list every entry
REVIEW_KINDS = ("new", "review", "redrill")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class BackupError(Exception):
    """The file is not a backup this version can restore. `problems` says where and why."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        more = len(self.problems) - MAX_PROBLEMS
        shown = self.problems[:MAX_PROBLEMS] + ([f"... and {more} more"] if more > 0 else [])
        super().__init__("; ".join(shown))


@dataclass(frozen=True)
class UserSettings:
    username: str
    timezone: str
    new_cards_per_day: int
    reviews_per_day: int
    scheduler: str = "sm2"
    desired_retention: float = fsrs.DEFAULT_RETENTION
    fsrs_parameters: tuple[float, ...] | None = None  # None: FSRS-6's defaults


@dataclass(frozen=True)
class CardProgress:
    """One card state (`version` is internal to the running instance and not kept)."""

    key: str
    repetitions: int
    easiness_centi: int
    interval: int
    due_day: date | None
    lapses: int
    redrill_day: date | None
    last_reviewed_at: datetime | None
    suspended: bool
    buried_day: date | None
    fsrs_stability: float | None = None
    fsrs_difficulty: float | None = None
    fsrs_last_day: date | None = None
    fsrs_due_day: date | None = None


@dataclass(frozen=True)
class Review:
    """One review-log row: the answer and the card's state before and after it."""

    card: str  # the card key
    reviewed_at: datetime
    study_day: date
    kind: str
    grade: int
    answer_ms: int
    prev_repetitions: int
    prev_easiness_centi: int
    prev_interval: int
    prev_due_day: date | None
    prev_lapses: int | None
    prev_redrill_day: date | None
    prev_reviewed_at: datetime | None
    prev_suspended: bool | None
    new_repetitions: int
    new_easiness_centi: int
    new_interval: int
    new_due_day: date
    rating: int  # FSRS's rating, 1-4 (version 1 files have none: read as fsrs.rating_for_grade(grade))


@dataclass(frozen=True)
class Backup:
    exported_at: datetime
    user: UserSettings
    decks: tuple[str, ...]
    cards: tuple[CardProgress, ...]
    reviews: tuple[Review, ...]
    version: int = VERSION  # the file's: a version 1 file carries no FSRS state


# --- writing ------------------------------------------------------------------------------------

def _moment(value: datetime) -> str:
    if value.tzinfo is None:
        raise ValueError("backups hold aware datetimes only")
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return _moment(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def _record(item: Any) -> dict[str, Any]:
    return {f.name: _plain(getattr(item, f.name)) for f in fields(item)}


def to_data(backup: Backup) -> dict[str, Any]:
    """The backup as JSON data (always the newest version)."""
    user = _record(backup.user)
    if user["fsrs_parameters"] is not None:
        user["fsrs_parameters"] = list(user["fsrs_parameters"])
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": _moment(backup.exported_at),
        "user": user,
        "decks": list(backup.decks),
        "cards": [_record(card) for card in backup.cards],
        "reviews": [_record(review) for review in backup.reviews],
    }


def write_backup(backup: Backup, *, compress: bool) -> bytes:
    """UTF-8 JSON, one card or review per line (readable, diffable); gzip-compressed if asked.

    The gzip header carries no name and no time, so the same backup always gives the same bytes.
    """
    parts = []
    for name, value in to_data(backup).items():
        if name in ("cards", "reviews"):
            rows = ",\n  ".join(json.dumps(entry, ensure_ascii=False, separators=(",", ":")) for entry in value)
            parts.append(f'"{name}": [\n  {rows}\n]' if value else f'"{name}": []')
        else:
            parts.append(f"{json.dumps(name)}: {json.dumps(value, ensure_ascii=False)}")
    raw = ("{\n" + ",\n".join(parts) + "\n}\n").encode("utf-8")
    return gzip.compress(raw, compresslevel=9, mtime=0) if compress else raw


# --- reading ------------------------------------------------------------------------------------

def _decompress(raw: bytes, max_bytes: int) -> bytes:
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)  # gzip framing
    try:
        out = inflater.decompress(raw, max_bytes + 1)
    except zlib.error as error:
        raise BackupError([f"file: not a readable gzip file ({error})"]) from None
    if len(out) > max_bytes:
        raise BackupError([f"file: more than {max_bytes // (1024 * 1024)} MB once uncompressed"])
    if not inflater.eof:
        raise BackupError(["file: the gzip file is cut short"])
    return out


def read_backup(raw: bytes, *, max_json_bytes: int = MAX_JSON_BYTES) -> Backup:
    """Parse and validate a backup file (JSON, or JSON in gzip). Raises BackupError."""
    if raw.startswith(GZIP_MAGIC):
        raw = _decompress(raw, max_json_bytes)
    elif len(raw) > max_json_bytes:
        raise BackupError([f"file: more than {max_json_bytes // (1024 * 1024)} MB"])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BackupError(["file: not UTF-8 text (expected a .json or .json.gz backup)"]) from None
    try:
        data = bounded_json.loads(text)
    except json.JSONDecodeError as error:
        raise BackupError([f"file: not JSON (line {error.lineno}, column {error.colno}: {error.msg})"]) from None
    except bounded_json.JSONLimitError as error:
        raise BackupError([f"file: not a backup: {error}"]) from None
    return from_data(data)


def from_data(data: Any) -> Backup:
    """Validate JSON data as a backup. Every problem names its entry; raises BackupError."""
    return _Reader().backup(data)


class _Reader:
    def __init__(self) -> None:
        self.problems: list[str] = []
        self.version = VERSION

    def problem(self, where: str, message: str) -> None:
        self.problems.append(f"{where}: {message}")

    # Field readers: each returns the value, or None after recording a problem.

    def integer(self, where: str, value: Any, low: int, high: int) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(where, f"not a whole number ({_shown(value)})")
            return None
        if not low <= value <= high:
            self.problem(where, f"{value} is outside {low}..{high}")
            return None
        return value

    def day(self, where: str, value: Any) -> date | None:
        if isinstance(value, str) and _DAY.fullmatch(value):
            try:
                day = date.fromisoformat(value)
            except ValueError:
                pass
            else:
                return day if self.in_range(where, day, value) else None
        self.problem(where, f"not a date (YYYY-MM-DD) ({_shown(value)})")
        return None

    def moment(self, where: str, value: Any) -> datetime | None:
        if isinstance(value, str) and _DAY.match(value) and "T" in value:
            try:
                moment = datetime.fromisoformat(value)
            except ValueError:
                pass
            else:
                if moment.tzinfo is None:
                    self.problem(where, f"a date and time needs its UTC offset, e.g. Z ({_shown(value)})")
                    return None
                try:
                    in_utc = moment.astimezone(UTC)
                except OverflowError:  # 0001-01-01T00:00+01:00 is before the first datetime in UTC
                    in_utc = None
                return in_utc if self.in_range(where, in_utc and in_utc.date(), value) else None
        self.problem(where, f"not an ISO 8601 date and time ({_shown(value)})")
        return None

    def number(self, where: str, value: Any, low: float, high: float) -> float | None:
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            self.problem(where, f"not a number ({_shown(value)})")
            return None
        if not low <= value <= high:
            self.problem(where, f"{value} is outside {low:g}..{high:g}")
            return None
        return float(value)
    def in_range(self, where: str, day: date | None, value: str) -> bool:
        """Whether a day (a moment's, in UTC) is one the scheduler can hold; a problem if not."""
        if day is not None and FIRST_DAY <= day <= LAST_DAY:
            return True
        self.problem(where, f"{value!r} is outside {FIRST_DAY.isoformat()}..{LAST_DAY.isoformat()}")
        return False

    def flag(self, where: str, value: Any) -> bool | None:
        if not isinstance(value, bool):
            self.problem(where, f"not true or false ({_shown(value)})")
            return None
        return value

    def text(self, where: str, value: Any, max_length: int) -> str | None:
        if not isinstance(value, str) or not value.strip():
            self.problem(where, f"not a non-empty text ({_shown(value)})")
            return None
        if len(value) > max_length:
            self.problem(where, f"longer than {max_length} characters")
            return None
        return value

    def table(self, where: str, value: Any, readers: Mapping[str, Callable[[str, Any], Any]]) -> dict[str, Any] | None:
        """Read an object with exactly these fields; None (problems recorded) if any is wrong."""
        if not isinstance(value, dict):
            self.problem(where, f"not an object ({_shown(value)})")
            return None
        before = len(self.problems)
        def at(name: str) -> str:
            return f"{where}.{name}" if where else name

        for name in sorted(set(value) - set(readers)):
            self.problem(at(name), "unknown field")
        result: dict[str, Any] = {}
        for name, read in readers.items():
            if name not in value:
                self.problem(at(name), "missing")
                continue
            result[name] = read(at(name), value[name])
        return result if len(self.problems) == before else None

    def optional(self, read: Callable[[str, Any], Any]) -> Callable[[str, Any], Any]:
        return lambda where, value: None if value is None else read(where, value)

    # The parts of a backup.

    def backup(self, data: Any) -> Backup:
        if not isinstance(data, dict):
            raise BackupError(["file: not a backup (expected a JSON object)"])
        if data.get("format") != FORMAT:
            raise BackupError([f"format: not a studyapp backup (expected {FORMAT!r}, "
                               f"found {_shown(data.get('format'))})"])
        version = data.get("version")
        if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
            raise BackupError([f"version: {version} was written by a newer studyapp; "
                               f"this one reads versions up to {VERSION}"])
        if isinstance(version, bool) or version not in READS:
            raise BackupError([f"version: expected one of {', '.join(map(str, READS))}, found {_shown(version)}"])
        self.version = version
        head = self.table("", data, {
            "format": lambda where, value: value,
            "version": lambda where, value: value,
            "exported_at": self.moment,
            "user": self.user,
            "decks": self.decks,
            "cards": lambda where, value: self.entries(where, value, self.card),
            "reviews": lambda where, value: self.entries(where, value, self.review),
        })
        if head is not None:
            self.cross_check(head["cards"], head["reviews"])
        if self.problems or head is None:
            raise BackupError(self.problems)
        return Backup(exported_at=head["exported_at"], user=head["user"], decks=head["decks"],
                      cards=head["cards"], reviews=head["reviews"], version=self.version)

    def user(self, where: str, value: Any) -> UserSettings | None:
        row = self.table(where, value, {
            "username": lambda w, v: self.text(w, v, 40),
            "timezone": self.timezone,
            "new_cards_per_day": lambda w, v: self.integer(w, v, 0, 500),
            "reviews_per_day": lambda w, v: self.integer(w, v, 0, 5000),
            **({} if self.version < 2 else {
                "scheduler": self.scheduler,
                "desired_retention": lambda w, v: self.number(w, v, fsrs.MIN_RETENTION, fsrs.MAX_RETENTION),
                "fsrs_parameters": self.optional(self.parameters),
            }),
        })
        return UserSettings(**row) if row is not None else None

    def scheduler(self, where: str, value: Any) -> str | None:
        if value not in SCHEDULERS:
            self.problem(where, f"not one of {', '.join(SCHEDULERS)} ({_shown(value)})")
            return None
        return value

    def parameters(self, where: str, value: Any) -> tuple[float, ...] | None:
        if not isinstance(value, list):
            self.problem(where, f"not a list of {fsrs.PARAMETER_COUNT} numbers ({_shown(value)})")
            return None
        try:
            return fsrs.check_parameters(value)
        except ValueError as error:
            self.problem(where, str(error))
            return None

    def timezone(self, where: str, value: Any) -> str | None:
        name = self.text(where, value, 64)
        if name is not None and not is_valid_timezone(name):
            self.problem(where, f"unknown time zone {name!r}")
            return None
        return name

    def decks(self, where: str, value: Any) -> tuple[str, ...] | None:
        if not isinstance(value, list):
            self.problem(where, "not a list of deck slugs")
            return None
        slugs = [self.text(f"{where}[{index}]", slug, 80) for index, slug in enumerate(value)]
        seen: set[str] = set()
        for index, slug in enumerate(slugs):
            if slug is not None and slug in seen:
                self.problem(f"{where}[{index}]", f"deck {slug!r} is listed twice")
            if slug is not None:
                seen.add(slug)
        return tuple(s for s in slugs if s is not None)

    def entries(self, where: str, value: Any, read: Callable[[str, Any], Any]) -> tuple[Any, ...] | None:
        if not isinstance(value, list):
            self.problem(where, "not a list")
            return None
        items = []
        for index, item in enumerate(value):
            if len(self.problems) >= MAX_PROBLEMS * 4:
                break  # enough to see what is wrong; reading on would only take time
            items.append(read(f"{where}[{index}]", item))
        return tuple(items)

    def card(self, where: str, value: Any) -> CardProgress | None:
        row = self.table(where, value, {
            "key": lambda w, v: self.text(w, v, 120),
            "repetitions": lambda w, v: self.integer(w, v, 0, MAX_COUNT),
            "easiness_centi": lambda w, v: self.integer(w, v, 130, MAX_EASINESS_CENTI),
            "interval": lambda w, v: self.integer(w, v, 0, MAX_INTERVAL),
            "due_day": self.optional(self.day),
            "lapses": lambda w, v: self.integer(w, v, 0, MAX_COUNT),
            "redrill_day": self.optional(self.day),
            "last_reviewed_at": self.optional(self.moment),
            "suspended": self.flag,
            "buried_day": self.optional(self.day),
            **({} if self.version < 2 else {
                "fsrs_stability": self.optional(lambda w, v: self.number(w, v, 0.001, MAX_STABILITY)),
                "fsrs_difficulty": self.optional(lambda w, v: self.number(w, v, 1.0, 10.0)),
                "fsrs_last_day": self.optional(self.day),
                "fsrs_due_day": self.optional(self.day),
            }),
        })
        if row is None:
            return None
        fsrs_state = [row.get(name) for name in ("fsrs_stability", "fsrs_difficulty", "fsrs_last_day", "fsrs_due_day")]
        if any(value is None for value in fsrs_state) and any(value is not None for value in fsrs_state):
            self.problem(where, "fsrs_stability, fsrs_difficulty, fsrs_last_day and fsrs_due_day go together: "
                                "all set, or all null")
            return None
        return CardProgress(**row)

    def review(self, where: str, value: Any) -> Review | None:
        def state(prefix: str) -> dict[str, Callable[[str, Any], Any]]:
            return {
                f"{prefix}_repetitions": lambda w, v: self.integer(w, v, 0, MAX_COUNT),
                f"{prefix}_easiness_centi": lambda w, v: self.integer(w, v, 130, MAX_EASINESS_CENTI),
                f"{prefix}_interval": lambda w, v: self.integer(w, v, 0, MAX_INTERVAL),
            }

        row = self.table(where, value, {
            "card": lambda w, v: self.text(w, v, 120),
            "reviewed_at": self.moment,
            "study_day": self.day,
            "kind": self.kind,
            "grade": lambda w, v: self.integer(w, v, 0, 5),
            "answer_ms": lambda w, v: self.integer(w, v, 0, MAX_ANSWER_MS),
            **state("prev"),
            "prev_due_day": self.optional(self.day),
            "prev_lapses": self.optional(lambda w, v: self.integer(w, v, 0, MAX_COUNT)),
            "prev_redrill_day": self.optional(self.day),
            "prev_reviewed_at": self.optional(self.moment),
            "prev_suspended": self.optional(self.flag),
            **state("new"),
            "new_due_day": self.day,
            **({} if self.version < 2 else {"rating": lambda w, v: self.integer(w, v, 1, 4)}),
        })
        if row is None:
            return None
        expected = fsrs.rating_for_grade(row["grade"])
        if self.version < 2:
            row["rating"] = expected
        elif row["rating"] != expected:
            self.problem(f"{where}.rating", f"{row['rating']} does not go with grade {row['grade']} "
                                            f"(expected {expected}, {fsrs.RATING_LABELS[expected]})")
            return None
        return Review(**row)

    def kind(self, where: str, value: Any) -> str | None:
        if value not in REVIEW_KINDS:
            self.problem(where, f"not one of {', '.join(REVIEW_KINDS)} ({_shown(value)})")
            return None
        return value

    def cross_check(self, cards: Sequence[CardProgress | None] | None,
                    reviews: Sequence[Review | None] | None) -> None:
        """Each card once; each review about a card of the backup."""
        if cards is None or reviews is None:
            return
        keys: set[str] = set()
        for index, card in enumerate(cards):
            if card is None:
                continue
            if card.key in keys:
                self.problem(f"cards[{index}].key", f"card {card.key!r} is listed twice")
            keys.add(card.key)
        for index, review in enumerate(reviews):
            if review is not None and review.card not in keys:
                self.problem(f"reviews[{index}].card", f"card {review.card!r} has no entry in cards")


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
