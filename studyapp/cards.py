"""Card kinds generated from point records (pure).

A card's identity is its point code plus its kind (`KI-8/location-name`), so a student's progress
survives every re-import and every edit of the text: the text is rendered from the current record
each time the card is shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from studyapp.codes import code_rank
from studyapp.decks import Point

# Kinds in the order new cards are introduced: every point's first card comes before any point's
# second one, which spreads siblings over different days by itself.
CARD_KINDS: dict[str, str] = {
    "name-location": "Where is this point?",
    "location-name": "Which point is here?",
    "functions": "What does this point do, and what is it used for?",
    "related": "Which points work with this one, and why?",
}
KIND_ORDER = {kind: index for index, kind in enumerate(CARD_KINDS)}
POSITION_STRIDE = 1_000_000  # position = kind index * stride + the point's code rank


@dataclass(frozen=True)
class CardSpec:
    key: str
    kind: str
    point_code: str
    position: int


def card_key(point_code: str, kind: str) -> str:
    return f"{point_code}/{kind}"


def cards_for_point(point: Point) -> list[CardSpec]:
    """The cards a point record yields. `related` needs related points to ask about."""
    kinds = [kind for kind in CARD_KINDS if kind != "related" or point.related]
    return [
        CardSpec(
            key=card_key(point.code, kind),
            kind=kind,
            point_code=point.code,
            position=KIND_ORDER[kind] * POSITION_STRIDE + code_rank(point.code),
        )
        for kind in kinds
    ]


@dataclass(frozen=True)
class CardFront:
    """What the student sees before revealing the answer."""

    question: str
    shows_name: bool  # the front names the point (code, pinyin, hanzi, English)
    prompt: str  # the body of the question: a location, or empty when the name is the cue


def front(kind: str, point: Point) -> CardFront:
    if kind == "location-name":
        return CardFront(CARD_KINDS[kind], shows_name=False, prompt=point.location)
    return CardFront(CARD_KINDS[kind], shows_name=True, prompt="")
