"""The SM-2 algorithm (SuperMemo 2, P. Wozniak, 1987), exactly: no Flask, no database, no clock.

`review(state, quality)` maps a card's state and a grade (0-5) to its next state. The easiness
factor is kept in exact hundredths internally, because binary floats make 6 x 2.5 drift and
ceil(125 x 2.8) come out as 351 instead of 350.
"""

from __future__ import annotations

from dataclasses import dataclass

from studyapp.core.scheduling.limits import MAX_INTERVAL

MIN_EASINESS_CENTI = 130
PASSING_QUALITY = 3  # grades below this are lapses: the card starts over
REDRILL_BELOW = 4  # step 7: in a study day, cards graded below 4 are repeated until they reach 4

QUALITY_LABELS: dict[int, str] = {
    0: "Blackout",
    1: "Wrong, but familiar",
    2: "Wrong, felt easy once seen",
    3: "Correct, with effort",
    4: "Correct, after a pause",
    5: "Perfect",
}


@dataclass(frozen=True)
class SM2State:
    repetitions: int = 0
    easiness: float = 2.5
    interval: int = 0  # days

    @property
    def easiness_centi(self) -> int:
        return round(self.easiness * 100)


def easiness_text(centi: int) -> str:
    """An easiness kept in hundredths, as students read it: 250 -> '2.50'."""
    return f"{centi // 100}.{centi % 100:02d}"


def easiness_delta_centi(quality: int) -> int:
    """EF change in hundredths: 0.1 - (5-q)(0.08 + (5-q)0.02), times 100."""
    miss = 5 - quality
    return 10 - miss * (8 + miss * 2)


def review(state: SM2State, quality: int) -> SM2State:
    """Apply one graded recall to `state` and return the new state (the input is never changed)."""
    if isinstance(quality, bool) or not isinstance(quality, int) or not 0 <= quality <= 5:
        raise ValueError(f"SM-2 quality must be an integer from 0 to 5, not {quality!r}")
    easiness = state.easiness_centi
    if quality >= PASSING_QUALITY:
        if state.repetitions == 0:
            interval = 1
        elif state.repetitions == 1:
            interval = 6
        else:
            # Ceiling of interval x EF in integers, with the EF from before this review. The floor
            # of 1 only matters for a state SM-2 cannot reach (repetitions >= 2 with no interval);
            # the ceiling of MAX_INTERVAL (100 years) keeps the due day a date.
            interval = min(MAX_INTERVAL, max(1, -(-state.interval * easiness // 100)))
        repetitions = state.repetitions + 1
    else:
        repetitions, interval = 0, 1
    new_easiness = max(MIN_EASINESS_CENTI, easiness + easiness_delta_centi(quality))
    return SM2State(repetitions=repetitions, easiness=new_easiness / 100, interval=interval)


def needs_redrill(quality: int) -> bool:
    """Step 7 of SM-2: a card graded below 4 comes back later in the same study day."""
    return quality < REDRILL_BELOW
