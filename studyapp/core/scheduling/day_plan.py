"""Building a student's queue for one study day (pure).

The database layer fetches candidates with indexed queries; this module decides the order and
applies the daily limits, so the rules can be tested without a database:

1. due reviews, most overdue first, up to the reviews left today;
2. new cards in deck order, up to the new cards left today, at most one per point, and never a
   point that already has a card reviewed or scheduled today (siblings go to different days);
3. step 7 re-drills: cards graded below 4 today, until they score 4 or more.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class DueCard:
    card_id: int
    point_id: int | None
    due_day: date


@dataclass(frozen=True)
class NewCard:
    card_id: int
    point_id: int | None
    position: int


@dataclass(frozen=True)
class DayLimits:
    new_per_day: int = 20
    reviews_per_day: int = 200


@dataclass(frozen=True)
class DoneToday:
    new_cards: int = 0
    reviews: int = 0
    points: frozenset[int] = frozenset()  # points with any card answered today


@dataclass(frozen=True)
class DayPlan:
    reviews: list[int] = field(default_factory=list)
    new: list[int] = field(default_factory=list)
    redrills: list[int] = field(default_factory=list)

    @property
    def queue(self) -> list[int]:
        return [*self.reviews, *self.new, *self.redrills]


def plan_day(
    due: Iterable[DueCard],
    new: Iterable[NewCard],
    redrills: Sequence[int],
    limits: DayLimits,
    done: DoneToday,
) -> DayPlan:
    reviews_left = max(0, limits.reviews_per_day - done.reviews)
    new_left = max(0, limits.new_per_day - done.new_cards)
    reviews = sorted(due, key=lambda card: (card.due_day, card.card_id))[:reviews_left]
    busy_points = set(done.points) | {card.point_id for card in reviews if card.point_id is not None}
    chosen: list[int] = []
    for card in sorted(new, key=lambda card: (card.position, card.card_id)):
        if len(chosen) >= new_left:
            break
        if card.point_id is not None and card.point_id in busy_points:
            continue
        chosen.append(card.card_id)
        if card.point_id is not None:
            busy_points.add(card.point_id)
    return DayPlan(reviews=[card.card_id for card in reviews], new=chosen, redrills=list(redrills))
