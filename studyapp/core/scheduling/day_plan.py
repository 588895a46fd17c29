"""Building a student's queue for one study day (pure).

The database layer fetches candidates with indexed queries; this module decides the order and
applies the daily limits, so the rules can be tested without a database:

1. due reviews, most overdue first, up to the reviews left today;
2. new cards in teaching order (their `position`), up to the new cards left today, at most one
   per point, and never a point that already has a card reviewed or scheduled today (siblings go
   to different days) -- except a card's *companion*: the card that should follow it the same day
   (meeting a point on a flashcard, then clicking where it is on the body chart) comes with it,
   `COMPANION_GAP` new cards later, so the first thing learnt is tested while it is fresh;
3. step 7 re-drills: cards graded below 4 today, until they score 4 or more.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
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
    kind: str = ""


# A companion comes this many new cards after the card it follows (or at the end of the day's new
# cards, when fewer follow): other points in between, so the answer is recalled, not just seen.
COMPANION_GAP = 2


@dataclass(frozen=True)
class DayLimits:
    new_per_day: int = 20
    reviews_per_day: int = 200


@dataclass(frozen=True)
class DoneToday:
    new_cards: int = 0
    reviews: int = 0
    points: frozenset[int] = frozenset()  # points with any card answered today
    # Today's first answers of new cards, in the order given: (point, card kind). A companion of one
    # of them is still to come today, COMPANION_GAP new cards after its lead.
    new_answers: tuple[tuple[int, str], ...] = ()
    answers: int = 0  # every answer today, re-drills included (in every deck)


@dataclass(frozen=True)
class DayPlan:
    reviews: list[int] = field(default_factory=list)
    new: list[int] = field(default_factory=list)
    redrills: list[int] = field(default_factory=list)
    answered_today: int = 0  # answers given today, in any deck: is there an answer to undo?

    @property
    def queue(self) -> list[int]:
        return [*self.reviews, *self.new, *self.redrills]


def plan_day(
    due: Iterable[DueCard],
    new: Iterable[NewCard],
    redrills: Sequence[int],
    limits: DayLimits,
    done: DoneToday,
    companions: Mapping[str, str] | None = None,
) -> DayPlan:
    """The day's queue. `companions` maps a card kind to the kind that follows it the same day."""
    companions = companions or {}
    reviews_left = max(0, limits.reviews_per_day - done.reviews)
    new_left = max(0, limits.new_per_day - done.new_cards)
    reviews = sorted(due, key=lambda card: (card.due_day, card.card_id))[:reviews_left]
    busy_points = set(done.points) | {card.point_id for card in reviews if card.point_id is not None}
    candidates = sorted(new, key=lambda card: (card.position, card.card_id))
    by_point_kind = {(card.point_id, card.kind): card for card in candidates if card.point_id is not None}
    taken: set[int] = set()
    waiting: list[tuple[int, int]] = []  # (companion's card id, number of new cards it waits for)
    for index, (point_id, kind) in enumerate(done.new_answers):  # leads answered already today
        follower = by_point_kind.get((point_id, companions[kind])) if kind in companions else None
        if follower is not None and follower.card_id not in taken and len(waiting) < new_left:
            answered_since = len(done.new_answers) - 1 - index
            waiting.append((follower.card_id, COMPANION_GAP - answered_since))
            taken.add(follower.card_id)
    chosen = [card_id for card_id, wait in waiting if wait <= 0]
    waiting = [(card_id, wait) for card_id, wait in waiting if wait > 0]
    for card in candidates:
        if len(chosen) + len(waiting) >= new_left:
            break
        if card.card_id in taken or (card.point_id is not None and card.point_id in busy_points):
            continue
        chosen.append(card.card_id)
        taken.add(card.card_id)
        waiting = [(card_id, wait - 1) for card_id, wait in waiting]
        chosen += [card_id for card_id, wait in waiting if wait <= 0]
        waiting = [(card_id, wait) for card_id, wait in waiting if wait > 0]
        if card.point_id is None:
            continue
        busy_points.add(card.point_id)
        follower = by_point_kind.get((card.point_id, companions[card.kind])) if card.kind in companions else None
        if follower is not None and follower.card_id not in taken and len(chosen) + len(waiting) < new_left:
            waiting.append((follower.card_id, COMPANION_GAP))
            taken.add(follower.card_id)
    chosen += [card_id for card_id, _ in waiting]
    return DayPlan(reviews=[card.card_id for card in reviews], new=chosen, redrills=list(redrills),
                   answered_today=done.answers)
