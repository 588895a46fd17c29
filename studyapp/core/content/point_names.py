"""Normalising point names for comparison (pure)."""

from __future__ import annotations

import re
import unicodedata

_NOT_LETTERS = re.compile(r"[^a-z]")


def strip_tones(pinyin: str) -> str:
    """'Jiāoxìn' -> 'Jiaoxin'. The umlaut goes too ('Lǚ' -> 'Lu'), as in the WHO spellings."""
    decomposed = unicodedata.normalize("NFD", pinyin)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def plain_pinyin(pinyin: str) -> str:
    """Lower-case letters only, no tones, spaces or apostrophes: "Tài Xī" -> "taixi"."""
    return _NOT_LETTERS.sub("", strip_tones(pinyin).lower())


def has_tone_marks(pinyin: str) -> bool:
    return any(unicodedata.combining(ch) for ch in unicodedata.normalize("NFD", pinyin))


def is_hanzi(text: str) -> bool:
    """True if every character is a CJK ideograph (no Latin, spaces or punctuation)."""
    return bool(text) and all(
        "\u3400" <= ch <= "\u9fff" or "\U00020000" <= ch <= "\U0002ebef" or "\uf900" <= ch <= "\ufaff"
        for ch in text
    )
