"""Point codes: the WHO form and the alias forms students type (pure).

`normalize_code("ki 8") == "KI-8"`; `normalize_code("SJ5") == "TE-5"`;
`normalize_code("ex-hn 3") == "EX-HN3"`.
"""

from __future__ import annotations

import re
from functools import lru_cache

# WHO channel abbreviations in the order of the qi circulation, with their names.
CHANNELS: dict[str, str] = {
    "LU": "Lung",
    "LI": "Large Intestine",
    "ST": "Stomach",
    "SP": "Spleen",
    "HT": "Heart",
    "SI": "Small Intestine",
    "BL": "Bladder",
    "KI": "Kidney",
    "PC": "Pericardium",
    "TE": "Triple Energizer",
    "GB": "Gallbladder",
    "LR": "Liver",
    "GV": "Governor Vessel",
    "CV": "Conception Vessel",
}
# The channel filters of the quiz and point pages: the 14 channels, then the extra points.
CHANNEL_FILTERS: dict[str, str] = {**CHANNELS, "EX": "Extra points"}

# Points per channel in the WHO standard (361 in all).
STANDARD_COUNTS: dict[str, int] = {
    "LU": 11, "LI": 20, "ST": 45, "SP": 21, "HT": 9, "SI": 19, "BL": 67,
    "KI": 27, "PC": 9, "TE": 23, "GB": 44, "LR": 14, "GV": 28, "CV": 24,
}

# Extra points of the WHO nomenclature: region -> how many.
EXTRA_REGIONS: dict[str, int] = {"HN": 15, "CA": 1, "B": 9, "UE": 11, "LE": 12}
EXTRA_REGION_NAMES: dict[str, str] = {
    "HN": "Head and Neck",
    "CA": "Chest and Abdomen",
    "B": "Back",
    "UE": "Upper Extremities",
    "LE": "Lower Extremities",
}

# Other abbreviations in common use, mapped to the WHO one. No alias is shared by two channels.
CHANNEL_ALIASES: dict[str, tuple[str, ...]] = {
    "LU": (),
    "LI": (),
    "ST": (),
    "SP": (),
    "HT": ("H",),
    "SI": (),
    "BL": ("UB", "B"),
    "KI": ("K", "KD", "KID"),
    "PC": ("P", "MC"),
    "TE": ("SJ", "TH", "TW"),
    "GB": (),
    "LR": ("LV", "LIV"),
    "GV": ("DU",),
    "CV": ("REN", "RN"),
}

_ALIAS_TO_CHANNEL: dict[str, str] = {channel: channel for channel in CHANNELS}
_ALIAS_TO_CHANNEL.update(
    {alias: channel for channel, aliases in CHANNEL_ALIASES.items() for alias in aliases}
)

_SEPARATORS = re.compile(r"[\s\-_.·]+")
_STANDARD = re.compile(r"^([A-Z]+?)0*(\d{1,2})$")
_EXTRA = re.compile(r"^EX(HN|CA|B|UE|LE)0*(\d{1,2})$")


def normalize_code(text: str) -> str | None:
    """Return the WHO code for any common spelling of a point code, or None if it is not one.

    The number is not checked against the channel's length; callers look the code up.
    """
    compact = _SEPARATORS.sub("", text.strip().upper())
    extra = _EXTRA.match(compact)
    if extra:
        return f"EX-{extra.group(1)}{int(extra.group(2))}"
    standard = _STANDARD.match(compact)
    if not standard:
        return None
    channel = _ALIAS_TO_CHANNEL.get(standard.group(1))
    number = int(standard.group(2))
    if channel is None or number == 0:
        return None
    return f"{channel}-{number}"


def channel_named(text: str) -> str | None:
    """The WHO channel a channel abbreviation or alias names: 'KI', 'kid' -> 'KI', 'SJ' -> 'TE';
    'EXHN' -> 'EX'; None if it names none."""
    code = normalize_code(f"{text}1")
    return channel_of(code) if code else None


def channel_of(code: str) -> str:
    """The channel abbreviation of a WHO code: 'KI' for 'KI-8', 'EX' for 'EX-HN3'."""
    return code.split("-", 1)[0]


def is_who_code(code: str) -> bool:
    """True if `code` is already in the canonical WHO form (what deck files must use)."""
    return normalize_code(code) == code


def derived_aliases(code: str) -> list[str]:
    """The alias forms of a WHO code that students meet in books: KI-8 -> K-8, KD-8, KID-8."""
    channel, _, number = code.partition("-")
    if channel not in CHANNEL_ALIASES:
        return []
    return [f"{alias}-{number}" for alias in CHANNEL_ALIASES[channel]]


@lru_cache(maxsize=4096)
def code_rank(code: str) -> int:
    """A stable number that orders codes by channel (LU first, CV, then the extra points by
    region) and number: LU-2 < LU-11 < KI-9 < CV-1 < EX-HN1. Depends only on the code."""
    channel, _, tail = code.partition("-")
    groups = [*CHANNELS, *(f"EX{region}" for region in EXTRA_REGIONS)]
    match = re.match(r"^([A-Z]*)(\d+)$", tail)
    if not match:
        return len(groups) * 1000
    group = channel + match.group(1) if channel == "EX" else channel
    order = groups.index(group) if group in groups else len(groups)
    return order * 1000 + int(match.group(2))


def channel_and_number(code: str) -> tuple[str, int]:
    """('KI', 8) for KI-8; extra points are grouped by their body region: ('EX-HN', 3) for EX-HN3."""
    channel, _, tail = code.partition("-")
    digits = re.search(r"\d+$", tail)
    number = int(digits.group()) if digits else 0
    return (f"EX-{tail.rstrip('0123456789')}" if channel == "EX" else channel), number
