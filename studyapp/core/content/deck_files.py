"""Reading and validating deck files into plain records (pure: no Flask, no database).

Step one of loading decks: files -> `DeckRecord`s holding `PointRecord`s, plus a list of
`Problem`s. Step two (the sync into the database rows `models.Deck` and `models.Point`) lives in
`services/deck_import.py` and only ever sees a bundle with no problems.

Run `python -m studyapp.core.content.deck_files [PATH ...]` to check files with nothing but Python
installed.
"""

from __future__ import annotations

import csv
import re
import sys
import tomllib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from studyapp.core.body.charts import Charts, describe_report
from studyapp.core.body.positions import PositionError, PositionSpec, parse_positions, spec_to_dict
from studyapp.core.content import categories as cat
from studyapp.core.content.codes import (
    CHANNELS,
    EXTRA_REGIONS,
    STANDARD_COUNTS,
    channel_of,
    code_rank,
    derived_aliases,
    is_who_code,
)
from studyapp.core.content.point_names import has_tone_marks, is_hanzi, mask_names, plain_pinyin

REGIONS = (
    "head", "face", "neck", "shoulder", "chest", "abdomen", "upper-back", "lower-back",
    "sacrum-buttock", "axilla", "upper-arm", "elbow", "forearm", "wrist", "hand", "hip",
    "thigh", "knee", "lower-leg", "ankle", "foot", "perineum",
)
DECK_KINDS = ("channel", "extra", "theme")

_DECK_FIELDS = {"slug", "title", "kind", "channel", "description", "categories"}
_REQUIRED_TEXT = (
    "code", "pinyin", "hanzi", "hanzi_simplified", "english", "region",
    "introduction", "location", "technique",
)
_PARENTHESES = re.compile(r"\s*\([^)]*\)")
# Every field has a length limit, generous for prose (the longest written so far is under 400
# characters) and the database column's width for names; every list, a number of items. A deck
# file itself is read only up to MAX_FILE_BYTES (the largest is under 200 KB).
MAX_TEXT_LENGTH = 2_000
MAX_LENGTHS = {"code": 16, "pinyin": 80, "hanzi": 20, "hanzi_simplified": 20, "hanzi_variants": 20,
               "english": 200, "aliases": 80, "region": 40, "slug": 80, "title": 200, "channel": 8}
MAX_ITEMS = 50
MAX_FILE_BYTES = 4 * 1024 * 1024
OTHER_DECKS = "(a deck not in these files)"  # where a problem of a point kept beside the bundle is
_REQUIRED_LISTS = ("identification", "functions", "indications", "cautions")
_POINT_FIELDS = {
    *_REQUIRED_TEXT, *_REQUIRED_LISTS,
    "aliases", "hanzi_variants", "location_alternative", "categories", "related", "faq", "position",
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a deck file, located precisely enough to fix without searching."""

    file: str
    point: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.point}: {self.field}: {self.message}"


@dataclass(frozen=True)
class Related:
    code: str
    reason: str


@dataclass(frozen=True)
class Category:
    category: str
    of: str | None = None
    phase: str | None = None

    @property
    def qualifier(self) -> str:
        return cat.qualifier_of(self.category, self.of, self.phase)

    @property
    def label(self) -> str:
        return cat.describe(self.category, self.qualifier)

    def label_for(self, code: str) -> str:
        """The label that names one point: five-shu labels need the channel ("... of the Lung channel")."""
        if cat.KINDS[self.category].needs == "phase" and channel_of(code) in CHANNELS:
            return f"{self.label} of the {CHANNELS[channel_of(code)]} channel"
        return self.label


@dataclass(frozen=True)
class Faq:
    question: str
    answer: str


@dataclass(frozen=True)
class PointRecord:
    code: str
    pinyin: str
    hanzi: str
    hanzi_simplified: str
    english: str
    region: str
    introduction: str
    location: str
    identification: tuple[str, ...]
    functions: tuple[str, ...]
    indications: tuple[str, ...]
    cautions: tuple[str, ...]
    technique: str
    related: tuple[Related, ...]
    categories: tuple[Category, ...] = ()
    aliases: tuple[str, ...] = ()
    hanzi_variants: tuple[str, ...] = ()  # other printed forms of the name (太谿 for 太溪)
    location_alternative: str = ""
    faq: tuple[Faq, ...] = ()
    # Where the point is drawn on the body charts (studyapp/core/body/positions.py).
    position: tuple[PositionSpec, ...] = ()

    @property
    def channel(self) -> str:
        return channel_of(self.code)

    @property
    def all_aliases(self) -> tuple[str, ...]:
        """Aliases from the file plus the ones derived from the channel abbreviations."""
        return tuple(dict.fromkeys([*derived_aliases(self.code), *self.aliases]))

    def in_category(self, category: str) -> bool:
        return any(c.category == category for c in self.categories)

    @property
    def hanzi_forms(self) -> tuple[str, ...]:
        """Every way the name is printed: traditional, simplified, variants."""
        return tuple(dict.fromkeys(form for form in (self.hanzi, self.hanzi_simplified, *self.hanzi_variants) if form))

    @property
    def names(self) -> tuple[str, ...]:
        """The names a student may give in letters: pinyin, English, and the English without its
        parenthesised gloss ("Yi Xi (a cry of pain)" is also "Yi Xi")."""
        return tuple(dict.fromkeys((self.pinyin, self.english, _PARENTHESES.sub("", self.english))))

    @property
    def nameless_location(self) -> str:
        """The location without the point's own names ("This point is the hollow ..."), for
        questions that ask which point it is."""
        return mask_names(self.location, codes=(self.code, *self.all_aliases), hanzi=self.hanzi_forms,
                          pinyin=self.pinyin, english=self.english)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PointRecord:
        """Rebuild a record stored with `to_dict` (the database keeps records as JSON)."""
        return cls(**{
            **data,
            **{key: tuple(data.get(key, ())) for key in (*_REQUIRED_LISTS, "aliases", "hanzi_variants")},
            "related": tuple(Related(**item) for item in data["related"]),
            "categories": tuple(Category(**item) for item in data["categories"]),
            "faq": tuple(Faq(**item) for item in data["faq"]),
            "position": parse_positions(data["position"]) if data.get("position") else (),
        })

    def to_dict(self) -> dict[str, Any]:
        """The record as JSON data (lists, not tuples), in the shape deck files and the API use."""
        data: dict[str, Any] = {item.name: getattr(self, item.name) for item in fields(self)}
        for key in (*_REQUIRED_LISTS, "aliases", "hanzi_variants"):
            data[key] = list(data[key])
        data["related"] = [{"code": r.code, "reason": r.reason} for r in self.related]
        data["categories"] = [{"category": c.category, "of": c.of, "phase": c.phase} for c in self.categories]
        data["faq"] = [{"question": f.question, "answer": f.answer} for f in self.faq]
        data["position"] = [spec_to_dict(spec) for spec in self.position]
        return data


@dataclass(frozen=True)
class DeckRecord:
    slug: str
    title: str
    kind: str
    description: str
    source: str
    channel: str | None = None
    points: tuple[PointRecord, ...] = ()
    # Theme decks select points by category instead of listing them: ("back-shu", "front-mu")
    categories: tuple[str, ...] = ()


@dataclass
class Bundle:
    decks: list[DeckRecord] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def points(self) -> list[PointRecord]:
        return [point for deck in self.decks for point in deck.points]


class _Reader:
    """Collects problems while turning one file's TOML data into records."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[Problem] = []

    def problem(self, point: str, field_name: str, message: str) -> None:
        self.problems.append(Problem(self.source, point, field_name, message))

    def too_long(self, value: str, key: str, point: str, where: str) -> bool:
        """Whether `value` is longer than field `key` may be (a problem at `where` if so)."""
        limit = MAX_LENGTHS.get(key, MAX_TEXT_LENGTH)
        if len(value) <= limit:
            return False
        self.problem(point, where, f"{len(value):,} characters; the limit is {limit:,} characters")
        return True

    def too_many(self, items: list[Any], key: str, point: str) -> bool:
        if len(items) <= MAX_ITEMS:
            return False
        self.problem(point, key, f"{len(items):,} items; the limit is {MAX_ITEMS} items")
        return True

    def text(self, data: dict[str, Any], key: str, point: str, *, required: bool) -> str:
        value = data.get(key)
        if value is None:
            if required:
                self.problem(point, key, "missing required field")
            return ""
        if not isinstance(value, str):
            self.problem(point, key, f"must be text, not {type(value).__name__}")
            return ""
        if required and not value.strip():
            self.problem(point, key, "must not be empty")
        if self.too_long(value.strip(), key, point, key):
            return ""
        return value.strip()

    def text_list(self, data: dict[str, Any], key: str, point: str, *, required: bool) -> tuple[str, ...]:
        value = data.get(key)
        if value is None:
            if required:
                self.problem(point, key, "missing required field")
            return ()
        if not isinstance(value, list):
            self.problem(point, key, "must be a list of text")
            return ()
        if required and not value:
            self.problem(point, key, "must not be empty")
        if self.too_many(value, key, point):
            return ()
        items: list[str] = []
        for index, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                self.problem(point, f"{key}[{index}]", "must be non-empty text")
                continue
            if not self.too_long(item.strip(), key, point, f"{key}[{index}]"):
                items.append(item.strip())
        return tuple(items)

    def tables(self, data: dict[str, Any], key: str, point: str, *, required: bool) -> list[dict[str, Any]]:
        value = data.get(key)
        if value is None:
            if required:
                self.problem(point, key, "missing required field")
            return []
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            self.problem(point, key, "must be a list of tables")
            return []
        if required and not value:
            self.problem(point, key, "must not be empty")
        if self.too_many(value, key, point):
            return []
        return value

    def unknown_keys(self, data: dict[str, Any], allowed: Iterable[str], point: str, where: str = "") -> None:
        for key in sorted(set(data) - set(allowed)):
            self.problem(point, f"{where}{key}", "unknown field")

    def deck(self, data: dict[str, Any]) -> DeckRecord | None:
        header = data.get("deck")
        for key in sorted(set(data) - {"deck", "points"}):
            self.problem("-", key, "unknown top-level table (expected [deck] and [[points]])")
        if not isinstance(header, dict):
            self.problem("-", "deck", "missing [deck] table")
            return None
        self.unknown_keys(header, _DECK_FIELDS, "-", "deck.")
        slug = self.text(header, "slug", "-", required=True)
        title = self.text(header, "title", "-", required=True)
        kind = self.text(header, "kind", "-", required=True)
        description = self.text(header, "description", "-", required=True)
        channel = self.text(header, "channel", "-", required=kind == "channel") or None
        if kind and kind not in DECK_KINDS:
            self.problem("-", "deck.kind", f"must be one of {', '.join(DECK_KINDS)}, not {kind!r}")
        if slug and not all(ch.isalnum() or ch == "-" for ch in slug):
            self.problem("-", "deck.slug", "use lower-case letters, digits and hyphens only")
        if kind == "channel" and channel and channel not in CHANNELS:
            self.problem("-", "deck.channel", f"unknown channel {channel!r}")
        categories = self.theme_categories(header) if kind == "theme" else ()
        if kind != "theme" and "categories" in header:
            self.problem("-", "deck.categories", "only theme decks select points by category")
        raw_points = data.get("points", [])
        if kind == "theme" and raw_points:
            self.problem("-", "points", "a theme deck selects points; it must not list its own")
        if kind in ("channel", "extra") and not raw_points:
            self.problem("-", "points", "a channel or extra deck needs [[points]]")
        points = [self.point(raw, index, kind, channel) for index, raw in enumerate(raw_points)]
        return DeckRecord(
            slug=slug, title=title, kind=kind, description=description, source=self.source,
            channel=channel, points=tuple(p for p in points if p is not None), categories=categories,
        )

    def theme_categories(self, header: dict[str, Any]) -> tuple[str, ...]:
        names = header.get("categories")
        if not isinstance(names, list) or not names or not all(isinstance(n, str) for n in names):
            self.problem("-", "deck.categories", 'a theme deck needs categories = ["xi-cleft", ...]')
            return ()
        if self.too_many(names, "deck.categories", "-"):
            return ()
        for index, name in enumerate(names):
            if name not in cat.KINDS:
                self.problem("-", f"deck.categories[{index}]", f"unknown category {name!r}")
        return tuple(name for name in names if name in cat.KINDS)

    def point(self, raw: Any, index: int, kind: str, channel: str | None) -> PointRecord | None:
        if not isinstance(raw, dict):
            self.problem(f"points[{index}]", "-", "must be a table")
            return None
        code = raw.get("code") if isinstance(raw.get("code"), str) else None
        label = code or f"points[{index}]"
        self.unknown_keys(raw, _POINT_FIELDS, label)
        if code is not None:
            self.check_code(code, label, kind, channel)
        texts = {key: self.text(raw, key, label, required=True) for key in _REQUIRED_TEXT}
        lists = {key: self.text_list(raw, key, label, required=True) for key in _REQUIRED_LISTS}
        pinyin, hanzi, simplified = texts["pinyin"], texts["hanzi"], texts["hanzi_simplified"]
        if pinyin and not has_tone_marks(pinyin):
            self.problem(label, "pinyin", f"{pinyin!r} has no tone marks")
        for key, value in (("hanzi", hanzi), ("hanzi_simplified", simplified)):
            if value and not is_hanzi(value):
                self.problem(label, key, f"{value!r} must be Chinese characters only")
        variants = self.text_list(raw, "hanzi_variants", label, required=False)
        for index, value in enumerate(variants):
            if not is_hanzi(value) or len(value) != len(hanzi):
                self.problem(label, f"hanzi_variants[{index}]", f"{value!r} must be {len(hanzi)} Chinese characters")
        if hanzi and simplified and len(hanzi) != len(simplified):
            self.problem(label, "hanzi_simplified", "must have as many characters as hanzi")
        if texts["region"] and texts["region"] not in REGIONS:
            self.problem(label, "region", f"unknown region {texts['region']!r} (see decks/README.md)")
        return PointRecord(
            code=texts["code"], pinyin=pinyin, hanzi=hanzi, hanzi_simplified=simplified, english=texts["english"],
            region=texts["region"], introduction=texts["introduction"], location=texts["location"],
            technique=texts["technique"], identification=lists["identification"], functions=lists["functions"],
            indications=lists["indications"], cautions=lists["cautions"],
            aliases=self.text_list(raw, "aliases", label, required=False),
            hanzi_variants=variants,
            location_alternative=self.text(raw, "location_alternative", label, required=False),
            related=self.related(raw, label),
            categories=self.categories(raw, label),
            faq=self.faq(raw, label),
            position=self.position(raw, label),
        )

    def check_code(self, code: str, label: str, kind: str, channel: str | None) -> None:
        if not is_who_code(code):
            self.problem(label, "code", f"{code!r} is not a WHO code like 'KI-8' or 'EX-HN3'")
            return
        prefix = channel_of(code)
        number = code.split("-", 1)[1]
        if kind == "channel" and channel in CHANNELS:
            if prefix != channel:
                self.problem(label, "code", f"belongs to channel {prefix}, but this is the {channel} deck")
            elif int(number) > STANDARD_COUNTS[channel]:
                self.problem(label, "code", f"{channel} has only {STANDARD_COUNTS[channel]} points")
        if kind == "extra":
            region = number.rstrip("0123456789")
            if prefix != "EX" or int(number[len(region):]) > EXTRA_REGIONS.get(region, 0):
                self.problem(label, "code", "not one of the WHO extra points (EX-HN1-15, EX-CA1, ...)")

    def related(self, raw: dict[str, Any], label: str) -> tuple[Related, ...]:
        items: list[Related] = []
        for index, entry in enumerate(self.tables(raw, "related", label, required=True)):
            where = f"related[{index}]"
            self.unknown_keys(entry, {"code", "reason"}, label, f"{where}.")
            code = self.text(entry, "code", label, required=True)
            reason = self.text(entry, "reason", label, required=True)
            if code and not is_who_code(code):
                self.problem(label, f"{where}.code", f"{code!r} is not a WHO code")
            elif code == label:
                self.problem(label, f"{where}.code", "a point cannot be related to itself")
            elif code:
                items.append(Related(code, reason))
        return tuple(items)

    def categories(self, raw: dict[str, Any], label: str) -> tuple[Category, ...]:
        items: list[Category] = []
        for index, entry in enumerate(self.tables(raw, "categories", label, required=False)):
            where = f"categories[{index}]"
            self.unknown_keys(entry, {"category", "of", "phase"}, label, f"{where}.")
            name = entry.get("category")
            if not isinstance(name, str) or (kind := cat.KINDS.get(name)) is None:
                self.problem(label, f"{where}.category", f"unknown category {name!r}")
                continue
            of, phase = entry.get("of"), entry.get("phase")
            if kind.needs == "phase" and phase not in cat.PHASES:
                self.problem(label, f"{where}.phase", f"{name} needs phase = one of {', '.join(cat.PHASES)}")
                continue
            if kind.needs == "of" and not (isinstance(of, str) and of.strip()):
                self.problem(label, f"{where}.of", f"{name} needs of = \"...\" (which channel/organ/vessel)")
                continue
            if isinstance(of, str) and self.too_long(of, "of", label, f"{where}.of"):
                continue
            if kind.needs != "of" and of is not None:
                self.problem(label, f"{where}.of", f"{name} takes no 'of'")
                continue
            if kind.needs != "phase" and phase is not None:
                self.problem(label, f"{where}.phase", f"{name} takes no 'phase'")
                continue
            items.append(Category(name, of, phase))
        return tuple(items)

    def position(self, raw: dict[str, Any], label: str) -> tuple[PositionSpec, ...]:
        if "position" not in raw:
            return ()
        try:
            return parse_positions(raw["position"])
        except PositionError as error:
            self.problem(label, error.field, error.message)
            return ()

    def faq(self, raw: dict[str, Any], label: str) -> tuple[Faq, ...]:
        items: list[Faq] = []
        for index, entry in enumerate(self.tables(raw, "faq", label, required=False)):
            self.unknown_keys(entry, {"question", "answer"}, label, f"faq[{index}].")
            question = self.text(entry, "question", label, required=True)
            answer = self.text(entry, "answer", label, required=True)
            if question and answer:
                items.append(Faq(question, answer))
        return tuple(items)


def read_deck(path: Path, display: str | None = None) -> tuple[DeckRecord | None, list[Problem]]:
    """Parse and validate one deck file on its own (cross-file checks are in `check_bundle`)."""
    source = display or str(path)
    reader = _Reader(source)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            limit = f"{MAX_FILE_BYTES // (1024 * 1024)} MiB"
            return None, [Problem(source, "-", "-", f"{size:,} bytes; the limit is {limit} for a deck file")]
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        return None, [Problem(source, "-", "-", f"not valid TOML: {error}")]
    except (OSError, UnicodeDecodeError) as error:
        return None, [Problem(source, "-", "-", f"cannot read file: {error}")]
    deck = reader.deck(data)
    return deck, reader.problems


def deck_files(path: Path) -> list[Path]:
    """The deck files at `path`: the file itself, or every *.toml directly inside a folder."""
    if path.is_dir():
        return sorted(path.glob("*.toml"))
    return [path]


def check_bundle(decks: list[DeckRecord], known_codes: Iterable[str] = (), *, require_complete: bool = True,
                 context: Iterable[PointRecord] = ()) -> list[Problem]:
    """Checks that need every deck at once: unique codes, related points, counts, categories, and
    the body charts (positions solve, lie on the body and agree with the locations they state).

    `known_codes` are points outside `decks` that related points may refer to (already imported);
    `context` are such points' records, for positions measured from them, whose own related points
    must still resolve: a point that `decks` drop cannot stay named by the points kept beside them.
    `require_complete` adds the coverage checks (every standard point of a channel is present);
    importing skips them so that a point removed from a file can be retired.
    """
    context = list(context)
    problems: list[Problem] = []
    owner: dict[str, DeckRecord] = {}
    names: dict[str, str] = {}
    for deck in decks:
        for point in deck.points:
            if point.code in owner:
                problems.append(Problem(deck.source, point.code, "code",
                                        f"duplicate: also in {owner[point.code].source}"))
            else:
                owner[point.code] = deck
    for deck in decks:
        for point in deck.points:
            for alias in point.all_aliases:
                clash = names.get(alias) or (alias if alias in owner else None)
                if clash and clash != point.code:
                    problems.append(Problem(deck.source, point.code, "aliases",
                                            f"{alias!r} is already used by {clash}"))
                names[alias] = point.code
    slugs = Counter(deck.slug for deck in decks)
    for deck in decks:
        if slugs[deck.slug] > 1:
            problems.append(Problem(deck.source, "-", "deck.slug", f"duplicate slug {deck.slug!r}"))
    resolvable = set(owner) | set(known_codes)
    for deck in decks:
        for point in deck.points:
            for index, related in enumerate(point.related):
                if related.code not in resolvable:
                    problems.append(Problem(deck.source, point.code, f"related[{index}].code",
                                            f"unknown point {related.code!r}"))
    for point in context:
        if point.code in owner:
            continue
        for index, related in enumerate(point.related):
            if related.code not in resolvable:
                problems.append(Problem(OTHER_DECKS, point.code, f"related[{index}].code",
                                        f"{related.code} would no longer be a point: these files drop it"))
    if require_complete:
        problems += _check_counts(decks)
    problems += _check_categories(decks, owner)
    problems += _check_charts(decks, context)
    return problems


def _check_charts(decks: list[DeckRecord], context: Iterable[PointRecord]) -> list[Problem]:
    """Solve every position, audit it, and report each problem against its point's file."""
    source = {point.code: deck.source for deck in decks for point in deck.points}
    records = {point.code: point for point in context}
    records.update({point.code: point for deck in decks for point in deck.points})
    specs = {code: point.position for code, point in records.items() if point.position}
    if not specs:
        return []
    charts = Charts.build(specs)
    located = [code for code in source if code in specs]
    try:
        lines = describe_report(charts, {code: records[code].location for code in located}, located)
    except PositionError as error:  # a reference the solver could not follow: a problem, not a crash
        first = decks[0].source if decks else "-"
        return [Problem(first, "-", "position", f"the body charts cannot be checked: {error}")]
    problems = []
    for line in lines:
        code, _, message = line.partition(": ")
        if code in source:
            problems.append(Problem(source[code], code, "position", message))
    return problems


def _check_counts(decks: list[DeckRecord]) -> list[Problem]:
    problems = []
    for deck in decks:
        if deck.kind == "channel" and deck.channel in STANDARD_COUNTS:
            expected = {f"{deck.channel}-{n}" for n in range(1, STANDARD_COUNTS[deck.channel] + 1)}
            missing = sorted(expected - {p.code for p in deck.points}, key=code_rank)
            if missing:
                problems.append(Problem(deck.source, "-", "points",
                                        f"{deck.channel} has {STANDARD_COUNTS[deck.channel]} points; "
                                        f"missing {', '.join(missing)}"))
            codes = [p.code for p in deck.points]
            if codes != sorted(codes, key=code_rank):
                problems.append(Problem(deck.source, "-", "points", "points are not in number order"))
    return problems


def _check_categories(decks: list[DeckRecord], owner: dict[str, DeckRecord]) -> list[Problem]:
    """Compare memberships with the standard, for the channels present in this bundle."""
    present = {channel_of(code) for code in owner}
    problems = []
    actual: dict[str, dict[str, str]] = defaultdict(dict)
    for code, deck in owner.items():
        point = next(p for p in deck.points if p.code == code)
        for category in point.categories:
            actual[category.category][code] = category.qualifier
    for name, expected_all in cat.STANDARD_MEMBERS.items():
        expected = {code: q for code, q in expected_all.items() if channel_of(code) in present}
        for code, qualifier in sorted(expected.items(), key=lambda item: code_rank(item[0])):
            if code not in owner:
                continue  # reported as a missing point by the count check
            have = actual[name].get(code)
            where = owner[code].source
            if have is None:
                problems.append(Problem(where, code, "categories",
                                        f"missing {{ category = \"{name}\", "
                                        f"{'phase' if cat.KINDS[name].needs == 'phase' else 'of'} = \"{qualifier}\" }}"
                                        if qualifier else f"missing {{ category = \"{name}\" }}"))
            elif have != qualifier:
                problems.append(Problem(where, code, "categories",
                                        f"{name} should be {qualifier!r}, not {have!r}"))
        for code in sorted(set(actual[name]) - set(expected_all), key=code_rank):
            problems.append(Problem(owner[code].source, code, "categories",
                                    f"{code} is not a standard {name} point"))
    return problems


def check_against_reference(decks: list[DeckRecord], reference: Path) -> list[Problem]:
    """Check codes, pinyin and hanzi against the standard names table (tests/data/standard-point-names.tsv)."""
    with reference.open(encoding="utf-8", newline="") as handle:
        rows = {row["code"]: row for row in csv.DictReader(handle, delimiter="\t")}
    problems = []
    for deck in decks:
        for point in deck.points:
            row = rows.get(point.code)
            if row is None:
                if point.channel in CHANNELS:
                    problems.append(Problem(deck.source, point.code, "code", "not in the standard names table"))
                continue
            if plain_pinyin(point.pinyin) != plain_pinyin(row["pinyin"]):
                problems.append(Problem(deck.source, point.code, "pinyin",
                                        f"{point.pinyin!r} does not match the standard {row['pinyin']!r}"))
            standard_forms = {row["hanzi"], row["hanzi_who_print"]}
            if point.hanzi not in standard_forms:
                problems.append(Problem(deck.source, point.code, "hanzi",
                                        f"{point.hanzi!r} does not match the standard {row['hanzi']!r}"))
            missing = standard_forms - {point.hanzi, point.hanzi_simplified, *point.hanzi_variants}
            if missing:
                problems.append(Problem(deck.source, point.code, "hanzi_variants",
                                        f"add the standard glyph variant(s) {', '.join(sorted(missing))}"))
    return problems


def read_bundle(paths: Iterable[Path], root: Path | None = None) -> Bundle:
    """Read every deck file under `paths`, with the problems of each file on its own (no cross-file
    checks yet: `check_bundle`, once the caller knows what else stays beside these decks)."""
    bundle = Bundle()
    for path in paths:
        for file in deck_files(path):
            display = str(file.relative_to(root)) if root and file.is_relative_to(root) else str(file)
            deck, problems = read_deck(file, display)
            bundle.problems += problems
            if deck is not None:
                bundle.decks.append(deck)
    return bundle


def load_bundle(
    paths: Iterable[Path],
    known_codes: Iterable[str] = (),
    root: Path | None = None,
    *,
    require_complete: bool = True,
    context: Iterable[PointRecord] = (),
) -> Bundle:
    """Read every deck file under `paths` and run the checks. No problems means safe to import.
    `known_codes` and `context`: the points that stay beside these decks (see `check_bundle`)."""
    bundle = read_bundle(paths, root)
    bundle.problems += check_bundle(bundle.decks, known_codes, require_complete=require_complete, context=context)
    return bundle


def theme_points(theme: DeckRecord, points: Iterable[PointRecord]) -> list[PointRecord]:
    """The points a theme deck selects, in channel order."""
    chosen = [p for p in points if any(c.category in theme.categories for c in p.categories)]
    return sorted(chosen, key=lambda p: code_rank(p.code))


def main(argv: list[str]) -> int:
    """`python -m studyapp.core.content.deck_files [PATH ...]`: check deck files, print problems, exit 1 if any."""
    repo = Path(__file__).resolve().parents[3]
    paths = [Path(arg) for arg in argv] or [repo / "decks"]
    bundle = load_bundle(paths, root=Path.cwd())
    reference = repo / "tests" / "data" / "standard-point-names.tsv"
    if reference.exists():
        bundle.problems += check_against_reference(bundle.decks, reference)
    for problem in bundle.problems:
        print(problem)
    points = sum(len(deck.points) for deck in bundle.decks)
    verdict = f"{len(bundle.problems)} problem(s)" if bundle.problems else "OK"
    print(f"{len(bundle.decks)} deck(s), {points} point(s): {verdict}")
    return 1 if bundle.problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
