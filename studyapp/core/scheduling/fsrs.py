"""FSRS beside SM-2 (pure: no Flask, no database, no clock): a thin wrapper over `fsrs-rs-python`, the
Rust engine inside Anki (FSRS-6, 21 parameters), for a scheduler that counts in study days.

What a card keeps is its memory (`stability`: days until recall falls to 90 %; `difficulty`: 1 to
10) and the study day of its last answer. Everything else follows from those and the student's
settings, so it is never stored apart from them:

- `Scheduler.review(card, rating, day)` maps a card and an answer (Again 1, Hard 2, Good 3, Easy 4)
  on a study day to the card's next memory, with the days elapsed since its last answer (0 for a
  same-day repeat, which FSRS-6 models as short-term memory);
- `Scheduler.due_day(card)` is the last answer's day plus the interval at which recall is expected
  to fall to the desired retention (at least 1 day, at most 100 years). No fuzz is added, so the
  same answers always give the same schedule;
- `Scheduler.replay(answers)` is the card after a whole history, step by step as answers made it;
- `Scheduler.recall(card, day)` is the probability of recall on `day` (FSRS-6's forgetting curve).

SM-2's grades 0-5 map to ratings in one place, `rating_for_grade`; a rating maps back to the grade
SM-2 records with `grade_for_rating`. `optimize` fits the 21 parameters to a student's own history
with the engine's optimizer (seeded: the same history gives the same parameters) and `evaluate`
measures a parameter set on a history (log loss, RMSE over bins), as Anki does.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise
from typing import NamedTuple

import fsrs_rs_python as engine

from studyapp.core.scheduling.limits import MAX_INTERVAL  # the one cap on intervals, SM-2's too

AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4
RATING_LABELS: dict[int, str] = {AGAIN: "Again", HARD: "Hard", GOOD: "Good", EASY: "Easy"}

# The one mapping between SM-2's grades and FSRS's ratings. A failed recall (0-2) is Again; a pass
# is Hard, Good or Easy as SM-2's 3 ("correct, with effort"), 4 ("after a pause") and 5 ("perfect").
GRADE_TO_RATING: dict[int, int] = {0: AGAIN, 1: AGAIN, 2: AGAIN, 3: HARD, 4: GOOD, 5: EASY}
# What SM-2 records for a rating: Again is 1 ("wrong, but familiar"), so an Again is a lapse.
RATING_TO_GRADE: dict[int, int] = {AGAIN: 1, HARD: 3, GOOD: 4, EASY: 5}

DEFAULT_RETENTION = 0.90
MIN_RETENTION, MAX_RETENTION = 0.70, 0.97
DEFAULT_PARAMETERS: tuple[float, ...] = tuple(engine.DEFAULT_PARAMETERS)
PARAMETER_COUNT = 21
# The range the engine's optimizer keeps each FSRS-6 parameter in (its parameter clipper).
PARAMETER_BOUNDS: tuple[tuple[float, float], ...] = (
    *[(0.001, 100.0)] * 4, (1.0, 10.0), (0.001, 4.0), (0.001, 4.0), (0.001, 0.75), (0.0, 4.5), (0.0, 0.8),
    (0.001, 3.5), (0.001, 5.0), (0.001, 0.25), (0.001, 0.9), (0.0, 4.0), (0.0, 1.0), (1.0, 6.0), (0.0, 2.0),
    (0.0, 2.0), (0.0, 0.8), (0.1, 0.8),
)
MIN_TRAINING_REVIEWS = 400  # reviews on a later day than the card's previous answer, before optimizing


def rating_for_grade(grade: int) -> int:
    """The FSRS rating of an SM-2 grade (0-5): 0-2 Again, 3 Hard, 4 Good, 5 Easy."""
    if isinstance(grade, bool) or not isinstance(grade, int) or grade not in GRADE_TO_RATING:
        raise ValueError(f"an SM-2 grade is a whole number from 0 to 5, not {grade!r}")
    return GRADE_TO_RATING[grade]


def grade_for_rating(rating: int) -> int:
    """The SM-2 grade of an FSRS rating (1-4): Again 1, Hard 3, Good 4, Easy 5."""
    if isinstance(rating, bool) or not isinstance(rating, int) or rating not in RATING_TO_GRADE:
        raise ValueError(f"an FSRS rating is a whole number from 1 (Again) to 4 (Easy), not {rating!r}")
    return RATING_TO_GRADE[rating]


def needs_redrill(rating: int) -> bool:
    """In FSRS mode a card rated Again comes back later the same study day (Anki's relearning step)."""
    return rating == AGAIN


def check_retention(retention: float) -> float:
    if isinstance(retention, bool) or not isinstance(retention, int | float) or not math.isfinite(retention) \
            or not MIN_RETENTION <= retention <= MAX_RETENTION:
        raise ValueError(f"the desired retention is a number from {MIN_RETENTION:.2f} to {MAX_RETENTION:.2f}, "
                         f"not {retention!r}")
    return float(retention)


def check_parameters(values: Sequence[float]) -> tuple[float, ...]:
    """FSRS-6's 21 parameters, each a finite number in the range the optimizer keeps it in."""
    if isinstance(values, str | bytes) or len(values) != PARAMETER_COUNT:
        raise ValueError(f"FSRS-6 has {PARAMETER_COUNT} parameters")
    checked = []
    for index, (value, (low, high)) in enumerate(zip(values, PARAMETER_BOUNDS, strict=True)):
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise ValueError(f"parameter w{index} is not a finite number ({value!r})")
        if not low - 1e-6 <= value <= high + 1e-6:
            raise ValueError(f"parameter w{index} = {value} is outside {low}..{high}")
        checked.append(float(value))
    return tuple(checked)


@dataclass(frozen=True)
class Memory:
    stability: float  # days until the probability of recall falls to 90 %
    difficulty: float  # 1 (easiest) to 10 (hardest)


@dataclass(frozen=True)
class CardMemory:
    """FSRS's state of one answered card: its memory after the last answer, and that answer's study day."""

    memory: Memory
    last_day: date


class Answer(NamedTuple):
    """One answer of a card's history: its study day and its FSRS rating."""

    study_day: date
    rating: int


@dataclass(frozen=True)
class Step:
    """One answer replayed: the probability of recall FSRS gave the card just before it (None for a
    card's first answer) and the card just after it."""

    recall_before: float | None
    card: CardMemory


class Scheduler:
    """FSRS with one student's parameters (default: FSRS-6's) and desired retention."""

    def __init__(self, parameters: Sequence[float] | None = None,
                 desired_retention: float = DEFAULT_RETENTION) -> None:
        self.parameters = check_parameters(DEFAULT_PARAMETERS if parameters is None else parameters)
        self.desired_retention = check_retention(desired_retention)
        self._model = engine.FSRS(list(self.parameters))
        self._decay = -self.parameters[20]
        self._factor = 0.9 ** (1 / self._decay) - 1

    def review(self, card: CardMemory | None, rating: int, day: date) -> CardMemory:
        """The card after an answer rated `rating` (1-4) on study day `day`."""
        if isinstance(rating, bool) or not isinstance(rating, int) or rating not in RATING_LABELS:
            raise ValueError(f"an FSRS rating is a whole number from 1 (Again) to 4 (Easy), not {rating!r}")
        if card is None:
            current, elapsed = None, 0
        else:
            current = engine.MemoryState(card.memory.stability, card.memory.difficulty)
            elapsed = max(0, (day - card.last_day).days)  # a study day can step back when the time zone does
        states = self._model.next_states(current, self.desired_retention, elapsed)
        after = (states.again, states.hard, states.good, states.easy)[rating - 1].memory
        return CardMemory(Memory(after.stability, after.difficulty), day)

    def interval(self, memory: Memory) -> int:
        """Days from an answer until recall is expected to fall to the desired retention."""
        days = self._model.next_interval(memory.stability, self.desired_retention, GOOD)
        return max(1, min(MAX_INTERVAL, round(days)))

    def due_day(self, card: CardMemory) -> date:
        return card.last_day + timedelta(days=self.interval(card.memory))

    def recall(self, card: CardMemory, day: date) -> float:
        """The probability of recalling the card on study day `day` (1 on the day of its last answer)."""
        return self.recall_after(card.memory.stability, (day - card.last_day).days)

    def recall_after(self, stability: float, days: int) -> float:
        """The probability of recall `days` after the last answer, for a memory of this stability
        (FSRS-6's forgetting curve; for thousands of cards at once without building their states)."""
        return (1 + self._factor * max(0, days) / stability) ** self._decay

    def steps(self, answers: Iterable[Answer]) -> list[Step]:
        """Each answer of one card's history (oldest first) replayed as it was made."""
        card: CardMemory | None = None
        steps = []
        for answer in answers:
            before = self.recall(card, answer.study_day) if card is not None else None
            card = self.review(card, answer.rating, answer.study_day)
            steps.append(Step(before, card))
        return steps

    def replay(self, answers: Iterable[Answer]) -> CardMemory | None:
        """The card after its whole history (None for no answers)."""
        card: CardMemory | None = None
        for answer in answers:
            card = self.review(card, answer.rating, answer.study_day)
        return card

    def from_sm2(self, easiness: float, interval: int, due_day: date) -> CardMemory:
        """A card answered with SM-2 whose answers are not known: the engine's estimate of its memory
        from its easiness and interval (as Anki converts SM-2 cards), last answered `interval` days
        before it falls due."""
        memory = self._model.memory_state_from_sm2(easiness, max(1, interval), 0.9)
        return CardMemory(Memory(memory.stability, memory.difficulty), due_day - timedelta(days=max(1, interval)))


# --- fitting a student's own parameters --------------------------------------------------------

@dataclass(frozen=True)
class Fit:
    """How well a parameter set predicts a history: log loss and RMSE over bins (lower is better)."""

    log_loss: float
    rmse_bins: float


@dataclass(frozen=True)
class Optimization:
    """The outcome of fitting: the fit of FSRS-6's defaults, of the student's parameters in use (if
    they have their own), and of the newly fitted ones; `kept` names the best of them by log loss."""

    reviews: int  # the reviews the fit learned from
    default: Fit
    current: Fit | None
    optimized: Fit
    parameters: tuple[float, ...]  # the newly fitted ones
    kept: str  # "optimized", "current" or "default"

    def parameters_to_use(self, current: Sequence[float] | None) -> tuple[float, ...] | None:
        """The parameters to schedule with from now on (None: the defaults), given those in use."""
        if self.kept == "optimized":
            return self.parameters
        if self.kept == "current" and current is not None:
            return tuple(current)
        return None


class NotEnoughReviews(Exception):
    def __init__(self, have: int, need: int) -> None:
        super().__init__(f"the optimizer needs {need} reviews on a later day than the card's previous answer; "
                         f"there are {have}")
        self.have, self.need = have, need


def _training_items(histories: Iterable[Sequence[Answer]]) -> list[engine.FSRSItem]:
    """The engine's training items, as Anki makes them: for each answer given on a later study day
    than the card's previous one, the card's history up to and including that answer."""
    items = []
    for history in histories:
        reviews: list[engine.FSRSReview] = []
        previous: date | None = None
        for answer in history:
            elapsed = 0 if previous is None else max(0, (answer.study_day - previous).days)
            reviews.append(engine.FSRSReview(answer.rating, elapsed))
            if previous is not None and elapsed > 0:
                items.append(engine.FSRSItem(list(reviews)))
            previous = answer.study_day
    return items


def training_reviews(histories: Iterable[Sequence[Answer]]) -> int:
    """How many answers the optimizer learns from: those on a later day than the card's previous answer."""
    count = 0
    for history in histories:
        count += sum(1 for previous, answer in pairwise(history) if answer.study_day > previous.study_day)
    return count


def evaluate(parameters: Sequence[float] | None, histories: Sequence[Sequence[Answer]]) -> Fit:
    """How well `parameters` (None: the defaults) predict the recalls of these histories."""
    items = _training_items(histories)
    if not items:
        raise NotEnoughReviews(0, 1)
    result = engine.FSRS(list(check_parameters(parameters or DEFAULT_PARAMETERS))).evaluate(items)
    return Fit(result.log_loss, result.rmse_bins)


def optimize(histories: Sequence[Sequence[Answer]], current: Sequence[float] | None = None,
             min_reviews: int = MIN_TRAINING_REVIEWS) -> Optimization:
    """Fit FSRS-6's parameters to these card histories (one list of answers per card, oldest first),
    measure them against the defaults and against `current` (the student's own, if any), and say
    which to keep: the lowest log loss. Raises NotEnoughReviews below `min_reviews`."""
    items = _training_items(histories)
    if len(items) < max(1, min_reviews):
        raise NotEnoughReviews(len(items), max(1, min_reviews))
    fitted = check_parameters(engine.FSRS(list(DEFAULT_PARAMETERS)).compute_parameters(items))

    def fit(parameters: Sequence[float]) -> Fit:
        result = engine.FSRS(list(parameters)).evaluate(items)
        return Fit(result.log_loss, result.rmse_bins)

    default, optimized = fit(DEFAULT_PARAMETERS), fit(fitted)
    mine = fit(check_parameters(current)) if current is not None else None
    candidates = [("optimized", optimized), ("default", default)] + ([("current", mine)] if mine else [])
    kept = min(candidates, key=lambda candidate: candidate[1].log_loss)[0]
    return Optimization(len(items), default, mine, optimized, fitted, kept)
