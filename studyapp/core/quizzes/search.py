"""Finding points from what a student types into the search box (pure: no Flask, no database).

Build the index once per version of the records, reusing the quiz pool's `NameIndex`::

    index = SearchIndex.build(points, names)
    index.search("jiaoxn")     # [Hit(KI-8, Tier.NEAR, "close to Jiāoxìn", ...)]

Hits come in three tiers, closest first:

- EXACT: the text names the point, as `answer_matching.NameIndex.lookup` reads names: a code in any form
  (`KI8`, `k 8`, `SJ5`), the pinyin with or without tones, any hanzi form, the English name;
- NEAR: a slip in the pinyin or English name (one edit, or two in names of more than five letters,
  as answers are judged), the beginning of a name (`taix`), words of the English name (`spring`),
  part of the hanzi (`溪`), or a channel abbreviation (`KI`, `SJ`);
- TEXT: every word of the query is a word of the point's location or functions, or begins one
  (`kidney` finds "Kidneys"); a word found nowhere may be a typo of one that is (`maleolus`). A code
  (`KI-7`) finds the points whose location mentions it.

Within a tier closer hits come first, then channel order (`codes.code_rank`).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import IntEnum

from studyapp.core.content.codes import CHANNELS, channel_named, code_rank, normalize_code
from studyapp.core.content.deck_files import PointRecord
from studyapp.core.content.point_names import strip_tones
from studyapp.core.quizzes.answer_matching import NameIndex, allowed_slips, edit_distance, hanzi_key, name_letters

MAX_QUERY_LENGTH = 100
EXCERPT_WIDTH = 110  # characters of location (or matching text) shown under a hit


class Tier(IntEnum):
    EXACT = 0
    NEAR = 1
    TEXT = 2


# An excerpt is a run of pieces; the ones marked True are the words the query matched.
Excerpt = tuple[tuple[str, bool], ...]


@dataclass(frozen=True)
class Hit:
    point: PointRecord
    tier: Tier
    why: str  # in the student's words: "exact name", "close to Jiāoxìn", "in the location"
    closeness: int = 0  # within a tier, lower is closer
    field: str = "location"  # the text the excerpt comes from: "location" or "functions"
    matched: tuple[str, ...] = ()  # the words of that text the query matched

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return (self.tier, self.closeness, code_rank(self.point.code))

    @property
    def excerpt(self) -> Excerpt:
        """Made when shown, so only the hits on the page pay for it."""
        return excerpt(_field_texts(self.point)[self.field], self.matched)


_Add = Callable[[Hit], None]

STOP_WORDS = frozenset({
    "a", "an", "and", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it", "its", "of",
    "on", "or", "the", "to", "with",
})

_WORD = re.compile(r"[a-z0-9]+")
_CODE_IN_TEXT = re.compile(r"\b(?:EX-[A-Z]{1,2}-?\d{1,2}|[A-Z]{1,3}-\d{1,2})\b")
_TEXT_FIELDS = ("location", "functions")


def _fold(text: str) -> str:
    """Lower case without tone marks, one character for each character of `text`, so positions
    found in the folded text are positions in the original (for highlighting)."""
    if text.isascii():
        return text.lower()
    folded = []
    for ch in text:
        plain = strip_tones(ch).lower()
        folded.append(plain[0] if plain else " ")
    return "".join(folded)


def words(text: str) -> list[str]:
    """The words of `text` as the search compares them: lower case, no tones, letters and digits."""
    return _WORD.findall(_fold(unicodedata.normalize("NFC", text)))


def _slips(typed: str, name: str, *, maybe_one: bool, maybe_two: bool) -> int | None:
    """How many slips `typed` is from the name's letters, if within what the name allows; None if
    further (or the same). `maybe_one`: the NameIndex found some name of this point one slip away,
    the only way a short query is close; with `maybe_two` a longer one is checked against longer
    names for two."""
    allowed = allowed_slips(name)
    gap = abs(len(name) - len(typed))
    worth_checking = (maybe_one and gap <= 1) or (maybe_two and len(typed) > 5 and allowed == 2 and gap <= 2)
    if not worth_checking:
        return None
    if _fewest_slips(typed, name) > allowed:
        return None
    distance = edit_distance(typed, name)
    return distance if 0 < distance <= allowed else None


def _fewest_slips(a: str, b: str) -> int:
    """A lower bound on edit_distance(a, b), from letter counts alone: a substitution changes two
    counts by one, an insertion or deletion one, a swap none. Spares most full alignments."""
    difference = Counter(a)
    difference.subtract(b)
    return (sum(abs(n) for n in difference.values()) + 1) // 2


def _allowed_word_slips(word: str) -> int:
    """Short words must be exact ("ki" is not a slip on "in"); longer ones tolerate one or two."""
    if len(word) <= 3 or word.isdigit():
        return 0
    return 1 if len(word) <= 7 else 2


def _field_texts(point: PointRecord) -> dict[str, str]:
    location = point.location + (f" Alternative location: {point.location_alternative}"
                                 if point.location_alternative else "")
    return {"location": location, "functions": "; ".join(point.functions)}


@dataclass(frozen=True)
class _Name:
    code: str
    shown: str  # the name as written ("Jiāoxìn", "Exchange Belief")
    letters: str  # what is compared ("jiaoxin", "exchangebelief")
    words: tuple[str, ...]


class SearchIndex:
    """Every point's names and the words of its location and functions, built once."""

    def __init__(self, points: Iterable[PointRecord], names: NameIndex) -> None:
        self.points = tuple(sorted(points, key=lambda p: code_rank(p.code)))
        self.by_code = {point.code: point for point in self.points}
        self.names = names
        self._names: list[_Name] = []
        self._hanzi: dict[str, tuple[str, ...]] = {}
        # word -> code -> the first field it appears in; "code:KI-7" entries for codes in the text
        vocabulary: defaultdict[str, dict[str, str]] = defaultdict(dict)
        for point in self.points:
            for name in point.names:
                letters = name_letters(name)
                if letters:
                    self._names.append(_Name(point.code, name, letters, tuple(words(name))))
            self._hanzi[point.code] = tuple(
                h for h in dict.fromkeys(hanzi_key(h) for h in point.hanzi_forms) if h)
            fields = _field_texts(point)
            for field_name in _TEXT_FIELDS:
                text = fields[field_name]
                for word in {*words(text), *(f"code:{normalize_code(c)}" for c in _CODE_IN_TEXT.findall(text))}:
                    vocabulary[word].setdefault(point.code, field_name)
        self._vocabulary = dict(vocabulary)  # read-only from here: no lookup may add a key

    @classmethod
    def build(cls, points: Iterable[PointRecord], names: NameIndex | None = None) -> SearchIndex:
        points = tuple(points)
        return cls(points, names if names is not None else NameIndex.build(points))

    def all(self) -> list[Hit]:
        """Every point in channel order, as hits with their location as the excerpt (browsing)."""
        return [Hit(point, Tier.EXACT, "") for point in self.points]

    def search(self, query: str) -> list[Hit]:
        """The points `query` finds, closest first; [] for a query with nothing to look for."""
        query = unicodedata.normalize("NFKC", query).strip()[:MAX_QUERY_LENGTH]
        if not query:
            return []
        found: dict[str, Hit] = {}

        def add(hit: Hit) -> None:
            if hit.point.code in found and found[hit.point.code].sort_key <= hit.sort_key:
                return
            found[hit.point.code] = hit

        code = normalize_code(query)
        for named in self.names.lookup(query):
            if named in self.by_code:
                add(self._hit(named, Tier.EXACT, "code" if named == code else "exact name"))
        if code is not None:
            # A code is only a code; the points whose location mentions it follow.
            self._text_hits([f"code:{code}"], add)
        else:
            self._near_hits(query, add)
            self._text_hits([w for w in words(query) if w not in STOP_WORDS], add)
        return sorted(found.values(), key=lambda hit: hit.sort_key)

    # --- the tiers ------------------------------------------------------------------------------

    def _hit(self, code: str, tier: Tier, why: str, closeness: int = 0) -> Hit:
        return Hit(self.by_code[code], tier, why, closeness)

    def _near_hits(self, query: str, add: _Add) -> None:
        letters = name_letters(query)
        if letters:
            slipped = set(self.names.one_slip_from(query))
            # Words the records use ("sweating") are not taken for two slips on a name ("Shenting").
            known_words = all(word in self._vocabulary for word in words(query))
            for name in self._names:
                distance = _slips(letters, name.letters, maybe_one=name.code in slipped,
                                  maybe_two=not known_words)
                if distance:
                    add(self._hit(name.code, Tier.NEAR, f"close to {name.shown}", distance))
                elif len(letters) >= 3 and name.letters.startswith(letters) and name.letters != letters:
                    add(self._hit(name.code, Tier.NEAR, f"name begins {name.shown}", 1))
            query_words = [w for w in words(query) if w not in STOP_WORDS]
            if query_words:
                for name in self._names:
                    if len(name.words) > 1 and all(
                            any(w == word or (len(w) >= 3 and word.startswith(w)) for word in name.words)
                            for w in query_words):
                        add(self._hit(name.code, Tier.NEAR, f"in the name {name.shown}", 1))
        hanzi = hanzi_key(query)
        if hanzi:
            for code, forms in self._hanzi.items():
                if any(hanzi in form for form in forms):
                    add(self._hit(code, Tier.NEAR, "in the hanzi", 1))
        channel = _channel_named(query)
        if channel:
            label = f"{CHANNELS[channel]} channel" if channel in CHANNELS else "extra point"
            for point in self.points:
                if point.channel == channel:
                    add(self._hit(point.code, Tier.NEAR, label, 3))

    def _text_hits(self, query_words: list[str], add: _Add) -> None:
        if not query_words:
            return
        # For each query word: vocabulary word -> how close (0 same, 1 begins it, 2+ a slip).
        matches = [self._word_matches(word) for word in query_words]
        if not all(matches):
            return
        codes = set.intersection(*({code for vocab in m for code in self._vocabulary[vocab]} for m in matches))
        for code in codes:
            closeness = 0
            matched: list[str] = []
            field_name = ""
            for m in matches:
                best = min((quality, vocab) for vocab, quality in m.items() if code in self._vocabulary[vocab])
                closeness += best[0]
                matched.extend(vocab for vocab in m if code in self._vocabulary[vocab])
                field_name = field_name or self._vocabulary[best[1]][code]
            add(Hit(self.by_code[code], Tier.TEXT, f"in the {field_name}", closeness, field_name, tuple(matched)))

    def _word_matches(self, word: str) -> dict[str, int]:
        if word.startswith("code:"):
            return {word: 0} if word in self._vocabulary else {}
        found = {vocab: 0 if vocab == word else 1 for vocab in self._vocabulary
                 if vocab == word or (len(word) >= 4 and vocab.startswith(word))}
        if found:
            return found  # a word the records use is not taken for a typo of another
        allowed = _allowed_word_slips(word)
        if not allowed:
            return {}
        for vocab in self._vocabulary:
            if (not vocab.startswith("code:") and abs(len(vocab) - len(word)) <= allowed
                    and _fewest_slips(word, vocab) <= allowed):
                distance = edit_distance(word, vocab)
                if distance <= allowed:
                    found[vocab] = 1 + distance
        return found


def _channel_named(query: str) -> str | None:
    """'KI', 'kid', 'SJ', 'du' -> the channel they abbreviate; 'EX' -> 'EX'; else None."""
    compact = re.sub(r"[\s\-_.]+", "", query).upper()
    if not compact.isalpha():
        return None
    if compact == "EX":
        return "EX"
    return channel_named(compact)


def excerpt(text: str, matched: Iterable[str], width: int = EXCERPT_WIDTH) -> Excerpt:
    """About `width` characters of `text` around the first matched word, cut at word boundaries,
    with every matched word marked. `matched` holds words as `words` gives them (or "code:KI-7")."""
    targets = set(matched)
    folded = _fold(text)
    spans = [(m.start(), m.end()) for m in _WORD.finditer(folded) if m.group() in targets]
    spans += [(m.start(), m.end()) for m in _CODE_IN_TEXT.finditer(text)
              if f"code:{normalize_code(m.group())}" in targets]
    spans.sort()
    start = 0
    if spans and spans[0][1] > width:
        start = max(0, spans[0][0] - width // 3)
        start = min(text.find(" ", start) + 1 or start, spans[0][0])
    end = len(text)
    if end - start > width:
        end = text.rfind(" ", start, start + width)
        if end <= start:
            end = start + width
        if spans:
            end = max(end, spans[0][1])
    pieces: list[tuple[str, bool]] = [("…", False)] if start > 0 else []
    position = start
    for span_start, span_end in spans:
        if span_start < position or span_end > end:
            continue
        pieces += [(text[position:span_start], False), (text[span_start:span_end], True)]
        position = span_end
    pieces.append((text[position:end], False))
    if end < len(text):
        pieces.append(("…", False))
    return tuple((piece, mark) for piece, mark in pieces if piece)


def filter_hits(hits: Iterable[Hit], *, channel: str | None = None, category: str | None = None,
                  codes: set[str] | None = None) -> list[Hit]:
    """The hits of one channel ('KI', or 'EX' for the extra points), with a category, among `codes`."""
    return [
        hit for hit in hits
        if (channel is None or hit.point.channel == channel)
        and (category is None or hit.point.in_category(category))
        and (codes is None or hit.point.code in codes)
    ]
