"""JSON from outside (an API request, an uploaded backup), parsed only after its depth and its numbers
are checked (pure: no Flask, no database).

Python's parser recurses once per level of nesting, so `[` a thousand times deep raises
RecursionError, and an integer of more than 4,300 digits raises a bare ValueError; neither is a
JSONDecodeError. `loads` refuses both, and anything nested deeper or with longer numbers than a
caller needs, with a reason, before the parser sees the text.
"""

from __future__ import annotations

import json
import re
from typing import Any

MAX_DEPTH = 32  # our documents need 3 (a backup) or 1 (an API request)
MAX_DIGITS = 50  # the longest run of digits in any number; ours fit in 10

_STRING = re.compile(r'"[^"]*"')  # after escaped quotes and backslashes are taken out
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


class JSONLimitError(ValueError):
    """The text is nested too deep or holds too long a number; nothing was parsed."""


def skeleton(text: str) -> str:
    """`text` without the contents of its strings: what is left are brackets, numbers, words and
    punctuation. (Escapes can only occur inside strings, so taking out \\\\ and \\" first leaves every
    remaining quote a real delimiter.)"""
    plain = text.replace("\\\\", "").replace('\\"', "")
    return _STRING.sub('""', plain)


def depth(structure: str) -> int:
    """The deepest nesting of brackets in a skeleton."""
    level = deepest = 0
    for bracket in _NOT_BRACKET.sub("", structure):
        if bracket in "[{":
            level += 1
            deepest = max(deepest, level)
        else:
            level -= 1
    return deepest


def check(text: str, *, max_depth: int = MAX_DEPTH, max_digits: int = MAX_DIGITS) -> None:
    """Raise JSONLimitError if `text` nests deeper than `max_depth` or has a number longer than `max_digits`."""
    structure = skeleton(text)
    if depth(structure) > max_depth:
        raise JSONLimitError(f"nested more than {max_depth} levels deep")
    too_long = re.search(f"[0-9]{{{max_digits + 1},}}", structure)
    if too_long:
        raise JSONLimitError(f"a number has {len(too_long.group())} digits; at most {max_digits} are accepted")


def loads(text: str, *, max_depth: int = MAX_DEPTH, max_digits: int = MAX_DIGITS) -> Any:
    """`json.loads` after `check`. Raises JSONLimitError or json.JSONDecodeError (both ValueError)."""
    check(text, max_depth=max_depth, max_digits=max_digits)
    return json.loads(text)
