"""Judging a typed answer that names an acupoint (pure: no Flask, no database).

A student may name a point by any of its names, written the way people actually type them:

- the code in any common form (`KI-8`, `ki 8`, `KID8`, `SJ5`, `DU20`, `exhn3`) or a book alias (`M-HN-3`);
- the pinyin with or without tone marks, spaces, capitals or tone numbers (`Jiāoxìn`, `jiao xin`, `jiao1xin4`);
- the hanzi: traditional, simplified or a glyph variant (太溪 or 太谿);
- the English name, ignoring case, punctuation, spacing and a leading "the".

The API::

    index = NameIndex.build(bundle.points)     # once, from every point that can be named
    index.lookup("fuliu")                      # ["KI-7"]: the points this text names exactly
    judge("jiaoxn", answer, index)             # Verdict(Outcome.ALMOST, "KI-8", "Jiāoxìn")

`judge` returns a `Verdict` whose `outcome` is one of:

- CORRECT: the text names the answer (even if it names another point too, as shared pinyin do);
- ALMOST: no exact name, but a close misspelling of the answer's pinyin or English name;
  `suggestion` is that name as it should be written, so the UI can ask "did you mean Jiāoxìn?";
- WRONG: the text names another point exactly; `named_code` is that point (if several, the first in
  `codes.code_rank` order, which follows the qi circulation: GV-28 before CV-7);
- UNKNOWN: the text names no point and is not close to the answer;
- EMPTY: nothing was typed, which is not an attempt and so not a wrong answer.

Close means an optimal string alignment distance (`edit_distance`) on the plain letters of at most
1 for names of up to 5 letters and at most 2 for longer ones. A misspelling that is one edit from
another point's name but two from the answer is not ALMOST (the student more likely meant the other
point: "feyang" is a slip on Fēiyáng, not on Wěiyáng); it is UNKNOWN, since it names no point exactly.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from studyapp.core.content.codes import code_rank, normalize_code
from studyapp.core.content.deck_files import PointRecord
from studyapp.core.content.point_names import is_hanzi, plain_pinyin


class Outcome(StrEnum):
    """What the typed text amounts to; a StrEnum so it can go straight into JSON and templates."""

    CORRECT = "correct"
    ALMOST = "almost"
    WRONG = "wrong"
    UNKNOWN = "unknown"
    EMPTY = "empty"


@dataclass(frozen=True)
class Verdict:
    """The outcome plus what the UI needs to explain it: which point was named, and the near-miss fix."""

    outcome: Outcome
    # The point the text names: the answer for CORRECT and ALMOST, another point for WRONG, else None.
    named_code: str | None = None
    # For ALMOST only: the name the student nearly wrote, spelled properly ("Jiāoxìn").
    suggestion: str | None = None


# Each name is stored under (kind, key) so that, say, an alias never collides with a pinyin.
_Key = tuple[str, str]

_CODE_SEPARATORS = re.compile(r"[\s\-_.·]+")
_LEADING_THE = re.compile(r"^\s*the\s+", re.IGNORECASE)


def _compact_code(text: str) -> str:
    """'M-HN-3', 'm hn 3' -> 'MHN3': how aliases are compared, since normalize_code only knows WHO channels."""
    return _CODE_SEPARATORS.sub("", text).upper()


def hanzi_key(text: str) -> str:
    """The characters without spaces or punctuation, or '' if what is left is not all hanzi. NFKC, so
    that a compatibility ideograph and its unified form are one key whichever side has which."""
    text = unicodedata.normalize("NFKC", text)
    kept = "".join(ch for ch in text if not ch.isspace() and not unicodedata.category(ch).startswith("P"))
    return kept if is_hanzi(kept) else ""


def name_letters(text: str) -> str:
    """Lower-case letters only, tones and a leading "the" dropped: one form for pinyin and English alike."""
    return plain_pinyin(_LEADING_THE.sub("", text))


def _point_keys(point: PointRecord) -> set[_Key]:
    """Every (kind, key) under which a student may name `point`."""
    keys = {("code", point.code)}
    keys |= {("alias", _compact_code(alias)) for alias in point.all_aliases}
    keys |= {("hanzi", hanzi_key(h)) for h in point.hanzi_forms}
    keys |= {("letters", name_letters(name)) for name in point.names}
    return {(kind, key) for kind, key in keys if key}


def _typed_keys(typed: str) -> set[_Key]:
    """The (kind, key) pairs a typed answer could mean. NFKC first, so full-width input from a Chinese
    keyboard ('ＫＩ８') reads as ASCII and compatibility ideographs as their unified forms."""
    text = unicodedata.normalize("NFKC", typed).strip()
    code = normalize_code(text)
    if code:
        # A code is only a code: reading "KI-8" as the letters "ki" would only invite false near-misses.
        return {("code", code), ("alias", _compact_code(text))}
    keys = {("alias", _compact_code(text)), ("hanzi", hanzi_key(text)), ("letters", name_letters(text))}
    return {(kind, key) for kind, key in keys if key}


def edit_distance(a: str, b: str) -> int:
    """Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
    neighbouring letters each cost 1 ("jiaoxni" is one slip from "jiaoxin", not two)."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[len(b)]


def allowed_slips(letters: str) -> int:
    """Short names tolerate one slip, longer ones two: two slips in a five-letter name change too much of it."""
    return 1 if len(letters) <= 5 else 2


def _one_slip_away(word: str) -> Iterator[str]:
    """Every string one edit from `word` over a-z (a few hundred), so that "is some other name one slip
    away?" is a handful of dict lookups instead of a scan of every name."""
    for i in range(len(word) + 1):
        for letter in string.ascii_lowercase:
            yield word[:i] + letter + word[i:]
        if i < len(word):
            yield word[:i] + word[i + 1:]
            for letter in string.ascii_lowercase:
                yield word[:i] + letter + word[i + 1:]
        if i + 1 < len(word):
            yield word[:i] + word[i + 1] + word[i] + word[i + 2:]


class NameIndex:
    """Every name of every point, built once, so each answer is judged with dict lookups."""

    def __init__(self, codes_by_key: dict[_Key, tuple[str, ...]]) -> None:
        self._codes_by_key = codes_by_key

    @classmethod
    def build(cls, points: Iterable[PointRecord]) -> NameIndex:
        codes: defaultdict[_Key, set[str]] = defaultdict(set)
        for point in points:
            for key in _point_keys(point):
                codes[key].add(point.code)
        return cls({key: tuple(sorted(found, key=code_rank)) for key, found in codes.items()})

    def lookup(self, typed: str) -> list[str]:
        """The codes of the points `typed` names exactly, in channel order (so "the first" is stable)."""
        found = {code for key in _typed_keys(typed) for code in self._codes_by_key.get(key, ())}
        return sorted(found, key=code_rank)

    def one_slip_from(self, typed: str) -> list[str]:
        """The codes of points whose pinyin or English name is exactly one edit from `typed`, in channel order."""
        letters = _letters_key(_typed_keys(typed))
        if not letters:
            return []
        found = {code for near in _one_slip_away(letters) for code in self._codes_by_key.get(("letters", near), ())}
        found -= set(self._codes_by_key.get(("letters", letters), ()))
        return sorted(found, key=code_rank)


def _letters_key(keys: set[_Key]) -> str:
    return next((key for kind, key in keys if kind == "letters"), "")


def judge(typed: str, answer: PointRecord, index: NameIndex) -> Verdict:
    """Decide what the student's text says about `answer`; see the module docstring for the outcomes."""
    if not typed.strip():
        return Verdict(Outcome.EMPTY)
    keys = _typed_keys(typed)
    if keys & _point_keys(answer):
        return Verdict(Outcome.CORRECT, answer.code)
    named = [code for code in index.lookup(typed) if code != answer.code]
    if named:
        return Verdict(Outcome.WRONG, named[0])
    letters = _letters_key(keys)
    if not letters:
        return Verdict(Outcome.UNKNOWN)
    for name in answer.names:
        target = name_letters(name)
        allowed = allowed_slips(target)
        if abs(len(letters) - len(target)) > allowed:
            continue  # too long or short to be close; spares a pasted essay a full alignment
        distance = edit_distance(letters, target)
        if distance > allowed:
            continue
        if distance > 1 and any(code != answer.code for code in index.one_slip_from(typed)):
            continue  # nearer to another point's name than to the answer's
        return Verdict(Outcome.ALMOST, answer.code, name)
    return Verdict(Outcome.UNKNOWN)
