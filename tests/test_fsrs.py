"""The pure FSRS wrapper (core/scheduling/fsrs.py): the grade-rating mapping, deterministic reviews and
due days, replays that agree with the engine, recall, parameter checks, and the optimizer on a
generated history. Nothing here is random unless seeded."""

from __future__ import annotations

import math
import random
from datetime import date, timedelta

import fsrs_rs_python as engine
import pytest
from hypothesis import given
from hypothesis import strategies as st

from studyapp.core.progress.knowledge import CardRecall, band, estimated_knowledge
from studyapp.core.scheduling import fsrs
from studyapp.core.scheduling.fsrs import AGAIN, EASY, GOOD, HARD, Answer, CardMemory, Memory, Scheduler

DAY = date(2026, 3, 2)


def test_grades_map_to_ratings_in_one_place() -> None:
    assert [fsrs.rating_for_grade(grade) for grade in range(6)] == [AGAIN, AGAIN, AGAIN, HARD, GOOD, EASY]
    assert [fsrs.grade_for_rating(rating) for rating in (AGAIN, HARD, GOOD, EASY)] == [1, 3, 4, 5]
    for rating in (AGAIN, HARD, GOOD, EASY):  # a rating pressed in FSRS mode comes back as itself
        assert fsrs.rating_for_grade(fsrs.grade_for_rating(rating)) == rating
    # SM-2 calls a grade below 3 a lapse; FSRS calls Again a lapse: they agree.
    assert all((grade < 3) == (fsrs.rating_for_grade(grade) == AGAIN) for grade in range(6))
    for bad in (-1, 6, True, 2.0):
        with pytest.raises(ValueError):
            fsrs.rating_for_grade(bad)  # type: ignore[arg-type]
    for bad in (0, 5, False):
        with pytest.raises(ValueError):
            fsrs.grade_for_rating(bad)


def test_only_again_is_repeated_the_same_day() -> None:
    assert [fsrs.needs_redrill(rating) for rating in (AGAIN, HARD, GOOD, EASY)] == [True, False, False, False]


def test_a_review_is_deterministic_and_never_changes_its_input() -> None:
    scheduler = Scheduler()
    card = scheduler.review(None, GOOD, DAY)
    again = Scheduler().review(None, GOOD, DAY)
    assert card == again
    later = scheduler.review(card, GOOD, DAY + timedelta(days=3))
    assert later == scheduler.review(card, GOOD, DAY + timedelta(days=3))
    assert card == again  # frozen: the review made a new state
    assert later.last_day == DAY + timedelta(days=3)


def test_first_answers_take_the_default_initial_stabilities() -> None:
    scheduler = Scheduler()
    stabilities = [scheduler.review(None, rating, DAY).memory.stability for rating in (AGAIN, HARD, GOOD, EASY)]
    assert stabilities == pytest.approx(fsrs.DEFAULT_PARAMETERS[:4])
    assert stabilities == sorted(stabilities)


def test_success_grows_stability_and_a_lapse_shrinks_it() -> None:
    scheduler = Scheduler()
    card = scheduler.review(scheduler.review(None, GOOD, DAY), GOOD, DAY + timedelta(days=2))
    on_time = DAY + timedelta(days=2) + timedelta(days=scheduler.interval(card.memory))
    good, again = scheduler.review(card, GOOD, on_time), scheduler.review(card, AGAIN, on_time)
    assert good.memory.stability > card.memory.stability > again.memory.stability
    assert again.memory.difficulty > card.memory.difficulty


def test_due_day_is_when_recall_falls_to_the_desired_retention() -> None:
    for retention in (0.70, 0.80, 0.90, 0.97):
        scheduler = Scheduler(desired_retention=retention)
        card = scheduler.review(scheduler.review(None, GOOD, DAY), GOOD, DAY + timedelta(days=3))
        due = scheduler.due_day(card)
        assert due == card.last_day + timedelta(days=scheduler.interval(card.memory))
        # Rounded to whole days: recall on the due day is within a day's worth of the target.
        assert scheduler.recall(card, due - timedelta(days=1)) >= retention - 1e-6
        assert scheduler.recall(card, due + timedelta(days=1)) <= retention + 1e-6
    low, high = Scheduler(desired_retention=0.80), Scheduler(desired_retention=0.95)
    memory = Memory(20.0, 5.0)
    assert low.interval(memory) > high.interval(memory)  # more retention, more reviews


def test_intervals_stay_between_a_day_and_a_century() -> None:
    scheduler = Scheduler()
    assert scheduler.interval(Memory(0.01, 9.0)) == 1
    assert scheduler.interval(Memory(1e7, 1.0)) == fsrs.MAX_INTERVAL


def test_recall_follows_the_engines_forgetting_curve() -> None:
    scheduler = Scheduler()
    card = CardMemory(Memory(10.0, 5.0), DAY)
    assert scheduler.recall(card, DAY) == 1.0
    assert scheduler.recall(card, DAY - timedelta(days=3)) == 1.0  # a day before the last answer is no later
    # By definition of stability: 90 % after `stability` days.
    assert scheduler.recall(card, DAY + timedelta(days=10)) == pytest.approx(0.9, abs=1e-6)
    curve = [scheduler.recall(card, DAY + timedelta(days=n)) for n in range(0, 200, 7)]
    assert curve == sorted(curve, reverse=True)
    # The engine's own interval for a retention is where our curve reaches it.
    model = engine.FSRS(list(fsrs.DEFAULT_PARAMETERS))
    for retention in (0.75, 0.85, 0.95):
        days = model.next_interval(25.0, retention, GOOD)
        elapsed = (1 + scheduler._factor * days / 25.0) ** scheduler._decay
        assert elapsed == pytest.approx(retention, abs=1e-4)


histories = st.lists(st.tuples(st.integers(0, 60), st.sampled_from((AGAIN, HARD, GOOD, EASY))), min_size=1,
                     max_size=25)


def as_answers(steps: list[tuple[int, int]]) -> list[Answer]:
    day, answers = DAY, []
    for gap, rating in steps:
        day += timedelta(days=gap if answers else 0)
        answers.append(Answer(day, rating))
    return answers


@given(histories)
def test_replay_equals_answering_one_by_one_and_the_engines_batch(steps: list[tuple[int, int]]) -> None:
    scheduler = Scheduler()
    answers = as_answers(steps)
    card = None
    for answer in answers:
        card = scheduler.review(card, answer.rating, answer.study_day)
    assert scheduler.replay(answers) == card
    assert [step.card for step in scheduler.steps(answers)][-1] == card
    # The migration replays whole histories at once in the engine: the same memory, to the bit.
    reviews = [engine.FSRSReview(a.rating, (a.study_day - b.study_day).days if b else 0)
               for a, b in zip(answers, [None, *answers], strict=False)]
    batch = engine.FSRS(list(fsrs.DEFAULT_PARAMETERS)).memory_state_batch([engine.FSRSItem(reviews)])[0]
    assert card is not None and (batch.stability, batch.difficulty) == (card.memory.stability, card.memory.difficulty)


def test_steps_give_recall_before_each_answer() -> None:
    scheduler = Scheduler()
    answers = [Answer(DAY, GOOD), Answer(DAY + timedelta(days=2), GOOD), Answer(DAY + timedelta(days=2), AGAIN)]
    steps = scheduler.steps(answers)
    assert steps[0].recall_before is None
    assert steps[1].recall_before == pytest.approx(scheduler.recall(steps[0].card, DAY + timedelta(days=2)))
    assert steps[2].recall_before == 1.0  # the same day
    assert scheduler.replay([]) is None


def test_a_card_known_only_from_sm2_gets_the_engines_estimate() -> None:
    scheduler = Scheduler()
    card = scheduler.from_sm2(2.5, 30, DAY)
    assert card.last_day == DAY - timedelta(days=30)
    assert 10 < card.memory.stability < 100 and 1 <= card.memory.difficulty <= 10


def test_settings_are_checked() -> None:
    with pytest.raises(ValueError, match="21 parameters"):
        fsrs.check_parameters([0.5] * 20)
    with pytest.raises(ValueError, match="w4 is not a finite number"):
        fsrs.check_parameters([*fsrs.DEFAULT_PARAMETERS[:4], math.nan, *fsrs.DEFAULT_PARAMETERS[5:]])
    with pytest.raises(ValueError, match=r"w20 = 5\.0 is outside 0\.1\.\.0\.8"):
        fsrs.check_parameters([*fsrs.DEFAULT_PARAMETERS[:20], 5.0])
    assert fsrs.check_parameters(list(fsrs.DEFAULT_PARAMETERS)) == fsrs.DEFAULT_PARAMETERS
    for retention in (0.69, 0.98, math.nan, math.inf, True):
        with pytest.raises(ValueError, match="desired retention"):
            Scheduler(desired_retention=retention)
    with pytest.raises(ValueError, match="from 1"):
        Scheduler().review(None, 0, DAY)


# --- the optimizer ---------------------------------------------------------------------------------

TRUE_PARAMETERS = (0.1, 0.9, 3.6, 9.0, 6.4, 0.83, 3.0, 0.001, 2.1, 0.17, 0.9, 1.5, 0.06, 0.26, 1.65, 0.6,
                   1.87, 0.54, 0.09, 0.066, 0.3)


def generated_histories(cards: int, seed: int, parameters: tuple[float, ...] = TRUE_PARAMETERS,
                        reviews_each: int = 10) -> list[list[Answer]]:
    """Cards studied by a simulated student whose memory follows FSRS with `parameters`: each review
    falls when a 0.9-retention schedule puts it (give or take a fifth), recalled with FSRS's probability."""
    rng = random.Random(seed)
    truth = Scheduler(parameters)
    histories = []
    for _ in range(cards):
        card, day, answers = None, DAY, []
        for _ in range(reviews_each):
            if card is None:
                rating = rng.choices((AGAIN, HARD, GOOD, EASY), (0.2, 0.1, 0.6, 0.1))[0]
            elif rng.random() > truth.recall(card, day):
                rating = AGAIN
            else:
                rating = rng.choices((HARD, GOOD, EASY), (0.1, 0.8, 0.1))[0]
            answers.append(Answer(day, rating))
            card = truth.review(card, rating, day)
            day += timedelta(days=max(1, round(truth.interval(card.memory) * rng.uniform(0.8, 1.2))))
        histories.append(answers)
    return histories


def test_the_optimizer_fits_valid_parameters_to_a_generated_history() -> None:
    history = generated_histories(300, seed=1)
    assert fsrs.training_reviews(history) == 300 * 9
    result = fsrs.optimize(history)
    assert len(result.parameters) == 21 and fsrs.check_parameters(result.parameters) == result.parameters
    assert result.reviews == 2700
    for fit in (result.default, result.optimized):
        assert 0 < fit.log_loss < 1 and 0 <= fit.rmse_bins < 1
    # Fitted to this student, it predicts them better than the defaults, and finds their slower forgetting.
    assert result.optimized.log_loss < result.default.log_loss
    assert result.kept == "optimized" and result.parameters_to_use(None) == result.parameters
    assert abs(result.parameters[20] - TRUE_PARAMETERS[20]) < abs(fsrs.DEFAULT_PARAMETERS[20] - TRUE_PARAMETERS[20])
    # The engine's optimizer is seeded: the same history gives the same parameters.
    assert fsrs.optimize(history).parameters == result.parameters


def test_the_optimizer_keeps_the_best_of_fitted_default_and_current() -> None:
    history = generated_histories(200, seed=2)
    result = fsrs.optimize(history, current=TRUE_PARAMETERS)
    assert result.current is not None
    fits = {"optimized": result.optimized, "default": result.default, "current": result.current}
    assert result.kept == min(fits, key=lambda name: fits[name].log_loss)
    # (The engine sums in parallel: the last bits of a fit may differ from one run to the next.)
    again = fsrs.evaluate(TRUE_PARAMETERS, history)
    assert (again.log_loss, again.rmse_bins) == pytest.approx((result.current.log_loss, result.current.rmse_bins))
    again = fsrs.evaluate(None, history)
    assert (again.log_loss, again.rmse_bins) == pytest.approx((result.default.log_loss, result.default.rmse_bins))


def test_the_optimizer_needs_enough_reviews() -> None:
    history = generated_histories(20, seed=3)  # 180 reviews on a later day
    with pytest.raises(fsrs.NotEnoughReviews) as error:
        fsrs.optimize(history)
    assert (error.value.have, error.value.need) == (180, fsrs.MIN_TRAINING_REVIEWS)
    # Same-day repeats are not what it learns from.
    same_day = [[Answer(DAY, AGAIN), Answer(DAY, GOOD)]] * 500
    assert fsrs.training_reviews(same_day) == 0


# --- what the student would recall -------------------------------------------------------------------

def test_estimated_knowledge_sums_recall_by_card_and_point() -> None:
    knowledge = estimated_knowledge([
        CardRecall(1, 0.9), CardRecall(1, 0.5), CardRecall(1, None),  # point 1: (0.9 + 0.5 + 0) / 3
        CardRecall(2, 1.0),                                             # point 2: 1
        CardRecall(None, 0.05),                                         # a group card: no point
        CardRecall(3, None),                                            # point 3, not studied: 0
    ])
    assert (knowledge.cards, knowledge.studied, knowledge.points) == (6, 4, 3)
    assert knowledge.cards_known == pytest.approx(2.45)
    assert knowledge.points_known == pytest.approx(1.4 / 3 + 1.0)
    assert knowledge.bands == (1, 0, 0, 0, 0, 1, 0, 0, 0, 2)
    assert knowledge.average_recall == pytest.approx(2.45 / 4)
    assert [band(r) for r in (0.0, 0.099, 0.1, 0.95, 1.0)] == [0, 0, 1, 9, 9]
    empty = estimated_knowledge([])
    assert (empty.cards_known, empty.average_recall) == (0.0, None)
