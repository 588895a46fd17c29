"""Normalising point names for comparison (pure)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

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


NAMELESS = "this point"


def _code_pattern(code: str) -> str:
    """'KI-8' also written 'KI 8', 'ki8' or 'M-HN-3' as 'MHN3'."""
    parts = re.findall(r"[A-Za-z]+|\d+", code)
    return r"[\s\-_.·]*".join(map(re.escape, parts))


def mask_names(text: str, *, codes: Iterable[str], hanzi: Iterable[str], pinyin: str, english: str) -> str:
    """`text` with every name of one point (its codes, hanzi, pinyin with or without tones, English
    name) replaced by "this point" ("This point" where a sentence starts), so a location can be shown
    without giving the point away: "KI-8 is the hollow ..." -> "This point is the hollow ...".
    """
    patterns = [rf"\b{_code_pattern(code)}\b" for code in sorted(set(codes), key=len, reverse=True)]
    patterns += [re.escape(form) for form in hanzi if form]
    for spelling in {pinyin.replace(" ", ""), strip_tones(pinyin).replace(" ", "")}:
        # "jiao xin", "Jiao-xin" and "jiaoxin" all spell Jiāoxìn
        patterns.append(r"\b" + r"[\s'-]?".join(map(re.escape, spelling)) + r"\b")
    if english:
        patterns.append(rf"\b{re.escape(english)}\b")
    masked = re.sub("|".join(f"(?:{p})" for p in patterns), NAMELESS, text, flags=re.IGNORECASE)
    return re.sub(r"(^|[.!?]\s+)this point", lambda m: m.group(1) + "This point", masked)
