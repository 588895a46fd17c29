"""What a student would recall today, by FSRS's estimate (pure: no Flask, no database, no clock).

Anki's FSRS statistics call the sum of every card's probability of recall the "estimated total
knowledge": the number of cards the student would be expected to recall if asked all of them now.
The same here, and for points: a point counts as the share of its cards the student would recall
(a card not studied yet counts 0), so a point whose every card would be recalled counts 1.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

BANDS = 10  # the histogram's bands of recall probability: 0-10 %, ..., 90-100 %


class CardRecall(NamedTuple):
    """One live card of the student: its point (None for a card about a whole group) and its
    probability of recall today (None while it is new)."""

    point: int | None
    recall: float | None


@dataclass(frozen=True)
class Knowledge:
    cards: int  # live cards of the chosen decks
    studied: int  # of which answered at least once
    cards_known: float  # the sum of their probabilities of recall
    points: int  # points with cards among them
    points_known: float  # each point counts as the mean probability of recall of its cards
    bands: tuple[int, ...]  # studied cards per band of recall probability, 0-10 % first

    @property
    def average_recall(self) -> float | None:
        """The mean probability of recall of the studied cards."""
        return self.cards_known / self.studied if self.studied else None


def band(recall: float) -> int:
    """The histogram band of a probability of recall: 0 for under 10 %, ..., 9 for 90 % and more."""
    return min(BANDS - 1, max(0, int(recall * BANDS)))


def estimated_knowledge(cards: Iterable[CardRecall]) -> Knowledge:
    count = studied = 0
    known = 0.0
    bands = [0] * BANDS
    by_point: dict[int, list[float]] = {}
    for card in cards:
        count += 1
        recall = card.recall or 0.0
        if card.recall is not None:
            studied += 1
            known += card.recall
            bands[band(card.recall)] += 1
        if card.point is not None:
            by_point.setdefault(card.point, []).append(recall)
    points_known = sum(sum(recalls) / len(recalls) for recalls in by_point.values())
    return Knowledge(count, studied, known, len(by_point), points_known, tuple(bands))
