"""Every sentence in decks/ is ours: no run of eight words is shared with the WHO standard's text.

tests/data/standard-text-8grams.txt holds only hashes of the standard's eight-word runs (the first 12
hex digits of the SHA-1 of the lower-cased words), never its text, so the check can live here.
"""

from __future__ import annotations

import hashlib
import html
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data"
DECKS = Path(__file__).parent.parent / "decks"
RUN = 8


def _words(text: str) -> list[str]:
    text = html.unescape(text).lower().replace("\u2019", "'")
    text = re.sub(r"\b([bf])\s*-?\s*cun\b", "cun", text)  # "3 B-cun" is "3 cun" for this purpose
    text = re.sub(r"(\w)'s\b", r"\1s", text)
    return re.findall(r"\d+(?:\.\d+)?|[a-z]+", text)


def _hash(words: list[str]) -> str:
    return hashlib.sha1(" ".join(words).encode()).hexdigest()[:12]


def _texts(value: Any, field: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield field, value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, f"{field}[{index}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, f"{field}.{key}" if field else key)


def shared_runs(text: str, known: set[str]) -> list[str]:
    words = _words(text)
    return [" ".join(words[i:i + RUN]) for i in range(len(words) - RUN + 1) if _hash(words[i:i + RUN]) in known]


def test_no_deck_sentence_runs_eight_words_with_the_standard() -> None:
    known = set((DATA / "standard-text-8grams.txt").read_text(encoding="utf-8").split())
    found = []
    for path in sorted(DECKS.glob("*.toml")):
        for point in tomllib.loads(path.read_text(encoding="utf-8")).get("points", []):
            fields = {key: value for key, value in point.items() if key not in ("code", "aliases", "position")}
            for field, text in _texts(fields, ""):
                found += [f"{path.name}: {point['code']}: {field}: {run}" for run in shared_runs(text, known)]
    assert not found, "\n".join(found[:20])


def test_the_check_finds_a_copied_run() -> None:
    known = {_hash(["one", "two", "three", "four", "five", "six", "seven", "eight"])}
    assert shared_runs("One, two, three four five six seven eight nine.", known) == [
        "one two three four five six seven eight"]
    assert shared_runs("one two three four five six seven nine", known) == []
