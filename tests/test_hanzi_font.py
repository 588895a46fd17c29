"""The vendored hanzi font covers every Chinese character the decks use (rebuild it when not)."""

from __future__ import annotations

import pytest
from fontTools.ttLib import TTFont

from tests.conftest import DECKS_DIR, PROJECT_ROOT


@pytest.mark.parametrize("name", ["hanzi-tc", "hanzi-sc"])
def test_font_has_every_character_of_the_decks(name: str) -> None:
    used = {ch for path in DECKS_DIR.glob("*.toml") for ch in path.read_text(encoding="utf-8")
            if "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"}
    assert len(used) > 400
    covered = {chr(code) for code in TTFont(PROJECT_ROOT / "static" / "fonts" / f"{name}.woff2").getBestCmap()}
    missing = "".join(sorted(used - covered))
    assert not missing, f"run scripts/build-hanzi-font.py: {missing}"
