"""The vendored hanzi font covers every Chinese character the decks use (rebuild it when not), in
chunks that hanzi.css declares truthfully."""

from __future__ import annotations

import re

import pytest
from fontTools.ttLib import TTFont

from studyapp.hanzi_fonts import NAMES_FAMILY, STYLESHEET, TEXT_FAMILY, Chunk, read_chunks
from tests.conftest import DECKS_DIR, PROJECT_ROOT

STATIC = PROJECT_ROOT / "static"
CHUNKS = read_chunks(STATIC / STYLESHEET)


def deck_characters() -> set[str]:
    return {ch for path in DECKS_DIR.glob("*.toml") for ch in path.read_text(encoding="utf-8")
            if "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"}


@pytest.mark.parametrize("family", [NAMES_FAMILY, TEXT_FAMILY])
def test_font_has_every_character_of_the_decks(family: str) -> None:
    used = deck_characters()
    assert len(used) > 400
    covered = {chr(code) for chunk in CHUNKS if chunk.family == family
               for code in TTFont(STATIC / chunk.filename).getBestCmap()}
    missing = "".join(sorted(used - covered))
    assert not missing, f"run scripts/build-hanzi-font.py: {missing}"


@pytest.mark.parametrize("chunk", CHUNKS, ids=lambda chunk: chunk.filename)
def test_each_chunk_holds_exactly_the_characters_its_rule_declares(chunk: Chunk) -> None:
    assert {chr(code) for code in TTFont(STATIC / chunk.filename).getBestCmap()} == chunk.characters


@pytest.mark.parametrize("family", [NAMES_FAMILY, TEXT_FAMILY])
def test_each_character_is_in_one_chunk_of_a_face_and_no_chunk_is_large(family: str) -> None:
    chunks = [chunk for chunk in CHUNKS if chunk.family == family]
    assert sum(len(chunk.characters) for chunk in chunks) == len(set().union(*(c.characters for c in chunks)))
    assert len(chunks) >= 10
    assert max((STATIC / chunk.filename).stat().st_size for chunk in chunks) < 20_000
    # The header's 穴位, on every page, costs a chunk of its own.
    assert chunks[0].characters == set("穴位")


def test_every_chunk_is_declared_and_never_shown_as_boxes() -> None:
    files = {path.relative_to(STATIC).as_posix() for path in (STATIC / "fonts").glob("hanzi-*.woff2")}
    assert files == {chunk.filename for chunk in CHUNKS}
    rules = re.findall(r"@font-face\s*\{[^}]*\}", (STATIC / STYLESHEET).read_text(encoding="utf-8"))
    assert len(rules) == len(CHUNKS)
    assert all("font-display: block" in rule for rule in rules)
