"""SM-2 exactly as SuperMemo 2 defines it: the issue's vectors and the properties that must hold."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from studyapp.core.scheduling.limits import MAX_INTERVAL
from studyapp.core.scheduling.sm2 import SM2State, needs_redrill, review

VECTORS = [
    ((5, 5, 5, 5, 5), (1, 6, 17, 48, 140), (2.6, 2.7, 2.8, 2.9, 3.0)),
    ((4, 4, 4, 4, 4), (1, 6, 15, 38, 95), (2.5, 2.5, 2.5, 2.5, 2.5)),
    ((3, 3, 3, 3, 3, 3), (1, 6, 14, 30, 59, 107), (2.36, 2.22, 2.08, 1.94, 1.80, 1.66)),
    ((5, 4, 2, 4, 5, 5), (1, 6, 1, 1, 6, 15), (2.6, 2.6, 2.28, 2.28, 2.38, 2.48)),
    ((0, 1, 2, 3, 4, 5), (1, 1, 1, 1, 6, 8), (1.7, 1.3, 1.3, 1.3, 1.3, 1.4)),
]


@pytest.mark.parametrize(("grades", "intervals", "easiness"), VECTORS)
def test_reference_vectors(grades: tuple[int, ...], intervals: tuple[int, ...], easiness: tuple[float, ...]) -> None:
    state = SM2State()
    seen_intervals, seen_easiness = [], []
    for quality in grades:
        state = review(state, quality)
        seen_intervals.append(state.interval)
        seen_easiness.append(state.easiness)
    assert tuple(seen_intervals) == intervals
    assert tuple(seen_easiness) == easiness  # exact: EF is held in hundredths


def test_interval_uses_exact_easiness_not_binary_float() -> None:
    # 6 x 2.5 is 15, never 16; ceil(125 x 2.8) is 350, never 351.
    assert review(SM2State(repetitions=2, easiness=2.5, interval=6), 4).interval == 15
    assert review(SM2State(repetitions=5, easiness=2.8, interval=125), 5).interval == 350


def test_interval_uses_easiness_from_before_the_update() -> None:
    # With grade 5 the EF rises to 2.6 afterwards, but the interval is 6 x 2.5.
    assert review(SM2State(repetitions=2, easiness=2.5, interval=6), 5) == SM2State(3, 2.6, 15)


@pytest.mark.parametrize("quality", [-1, 6, 10, 2.5, "3", None, True])
def test_rejects_quality_outside_0_to_5(quality: object) -> None:
    with pytest.raises(ValueError, match="0 to 5"):
        review(SM2State(), quality)  # type: ignore[arg-type]


def test_state_is_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        SM2State().interval = 3  # type: ignore[misc]


def test_step_seven_redrills_grades_below_four() -> None:
    assert [needs_redrill(q) for q in range(6)] == [True, True, True, True, False, False]


states = st.builds(
    SM2State,
    repetitions=st.integers(0, 50),
    easiness=st.integers(130, 400).map(lambda centi: centi / 100),
    interval=st.integers(0, 10_000),
)
grades = st.integers(0, 5)


@given(states, st.lists(grades, min_size=1, max_size=30))
def test_easiness_never_below_1_3_and_interval_at_least_one(state: SM2State, sequence: list[int]) -> None:
    for quality in sequence:
        state = review(state, quality)
        assert state.easiness >= 1.3
        assert state.interval >= 1


@given(states, st.integers(0, 2))
def test_failing_grade_always_resets(state: SM2State, quality: int) -> None:
    after = review(state, quality)
    assert (after.repetitions, after.interval) == (0, 1)


@given(states, st.integers(3, 5))
def test_passing_grade_counts_a_repetition(state: SM2State, quality: int) -> None:
    assert review(state, quality).repetitions == state.repetitions + 1


@given(states, grades)
def test_never_mutates_its_input(state: SM2State, quality: int) -> None:
    copy = dataclasses.replace(state)
    review(state, quality)
    assert state == copy


def test_interval_stops_at_one_hundred_years() -> None:
    """Twenty perfect answers would take the interval past the year 9999; it stops at MAX_INTERVAL."""
    state = SM2State()
    intervals = []
    for _ in range(25):
        state = review(state, 5)
        intervals.append(state.interval)
    assert intervals[:5] == [1, 6, 17, 48, 140]
    assert max(intervals) == intervals[-1] == MAX_INTERVAL == 36_500
    assert review(SM2State(repetitions=9, easiness=327.67, interval=MAX_INTERVAL), 5).interval == MAX_INTERVAL


@given(st.builds(SM2State, repetitions=st.integers(0, 10**6), easiness=st.integers(130, 10_000).map(lambda c: c / 100),
                 interval=st.integers(0, MAX_INTERVAL)), grades)
def test_interval_never_passes_the_maximum(state: SM2State, quality: int) -> None:
    assert 1 <= review(state, quality).interval <= MAX_INTERVAL
