"""Answering a card (a flashcard graded by the student, a quiz card graded from what the student did),
and undoing the last answer.

Every answer advances both models of the card: SM-2's state exactly as SM-2 defines it, and FSRS's
memory (`core.scheduling.fsrs`), in one transaction with its review-log row, which records both the
SM-2 grade and the FSRS rating. Which model's due day counts (whether the card is due, a re-drill
or not due at all) is the student's choice of scheduler. Each answer names the state version it
saw, so a double-click or a second tab advances a card once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select, update

from studyapp.core.body.locate import DEFAULT_THRESHOLDS, Thresholds
from studyapp.core.progress.stats import MAX_ANSWER_MS, is_leech
from studyapp.core.quizzes.questions import GradeTimes, Question, quiz_grade
from studyapp.core.scheduling import fsrs, sm2
from studyapp.extensions import db
from studyapp.models import CardState, ReviewLog, User
from studyapp.services import fsrs_states, quiz_pool, review_days, rows_changed
from studyapp.services.day_plan import today_for


class StaleAnswer(Exception):
    """The card changed since the page was shown: it was answered already (double-click, second tab),
    is not in today's queue, or left the decks (its point retired). The message says which."""


class NoSuchCard(LookupError):
    """The student has no card state with this id (or, answering a quiz, no such quiz card)."""


@dataclass(frozen=True)
class Answered:
    """An answer written: its log row, the card's lapses after it, and whether it made the card a
    leech (the card is suspended now)."""

    log: ReviewLog
    lapses: int
    became_leech: bool


def _students_state(user: User, state_id: int) -> CardState | None:
    """The card state `state_id` if it is the student's."""
    return db.session.scalar(select(CardState).where(CardState.id == state_id, CardState.user_id == user.id))


def _check_current(state: CardState, seen_version: int) -> None:
    """Raise StaleAnswer unless the card is still in the decks and at the version the page showed."""
    if state.card.retired:
        raise StaleAnswer("it is no longer in the decks (its point was taken out), so the answer was not kept")
    if state.version != seen_version:
        raise StaleAnswer("it was already answered")


def answer(user: User, state_id: int, seen_version: int, grade: int, answer_ms: int, now: datetime) -> Answered:
    """Grade one card for `user` with SM-2's 0-5 (FSRS sees `fsrs.rating_for_grade(grade)`). Raises
    NoSuchCard for a state that is not theirs, StaleAnswer for a repeat, ValueError for a grade
    outside 0-5. Commits the state and log row together."""
    return _answer(user, state_id, seen_version, grade, fsrs.rating_for_grade(grade), answer_ms, now)


def answer_rating(user: User, state_id: int, seen_version: int, rating: int, answer_ms: int,
                  now: datetime) -> Answered:
    """Rate one card for `user` with FSRS's Again 1, Hard 2, Good 3, Easy 4 (SM-2 sees
    `fsrs.grade_for_rating(rating)`); otherwise as `answer`. ValueError for a rating outside 1-4."""
    return _answer(user, state_id, seen_version, fsrs.grade_for_rating(rating), rating, answer_ms, now)


def _answer(user: User, state_id: int, seen_version: int, grade: int, rating: int, answer_ms: int,
            now: datetime) -> Answered:
    state = _students_state(user, state_id)
    if state is None:
        raise NoSuchCard(state_id)
    _check_current(state, seen_version)
    today = today_for(user, now)
    fsrs_mode = user.scheduler == "fsrs"
    due_day_counted = state.fsrs_due_day if fsrs_mode else state.due_day
    before = sm2.SM2State(state.repetitions, state.easiness_centi / 100, state.interval)
    if state.due_day is None or due_day_counted is None or due_day_counted <= today:
        kind = "new" if state.due_day is None else "review"
        after = sm2.review(before, grade)
        due_day = today + timedelta(days=after.interval)
        lapses = state.lapses + (1 if grade < sm2.PASSING_QUALITY and kind == "review" else 0)
    elif state.redrill_day == today:
        sm2.review(before, grade)  # validates the grade; step 7 leaves the schedule alone
        kind, after, due_day, lapses = "redrill", before, state.due_day, state.lapses
    else:
        raise StaleAnswer("it is not due today")
    # FSRS learns from every answer, a same-day repeat included (its short-term memory).
    scheduler = fsrs_states.scheduler_for(user)
    memory = scheduler.review(fsrs_states.state_memory(state), rating, today)
    redrill = fsrs.needs_redrill(rating) if fsrs_mode else sm2.needs_redrill(grade)
    # A card that keeps lapsing is a leech: it leaves the queues until the student looks at it again.
    became_leech = not state.suspended and lapses > state.lapses and is_leech(lapses)
    suspended = state.suspended or became_leech
    changed = rows_changed(
        update(CardState)
        .where(CardState.id == state.id, CardState.version == seen_version)
        .values(
            repetitions=after.repetitions, easiness_centi=after.easiness_centi,
            interval=after.interval, due_day=due_day, lapses=lapses,
            redrill_day=today if redrill else None,
            last_reviewed_at=now, suspended=suspended, version=CardState.version + 1,
            **fsrs_states.stored_values(scheduler, memory),
        )
        .execution_options(synchronize_session=False)
    )
    if changed != 1:
        db.session.rollback()
        raise StaleAnswer("it was already answered, in another request")
    log = ReviewLog(
        user_id=user.id, card_id=state.card_id, reviewed_at=now, study_day=today, kind=kind,
        grade=grade, rating=rating, answer_ms=max(0, min(answer_ms, MAX_ANSWER_MS)),
        prev_repetitions=before.repetitions, prev_easiness_centi=before.easiness_centi,
        prev_interval=before.interval, prev_due_day=state.due_day, prev_lapses=state.lapses,
        prev_redrill_day=state.redrill_day, prev_reviewed_at=state.last_reviewed_at,
        prev_suspended=state.suspended,
        new_repetitions=after.repetitions, new_easiness_centi=after.easiness_centi,
        new_interval=after.interval, new_due_day=due_day,
    )
    db.session.add(log)
    review_days.count_answer(log)
    db.session.commit()
    return Answered(log, lapses, became_leech)


@dataclass(frozen=True)
class QuizTry:
    """A first wrong try at a quiz card, which earns a second: the card state and version it was made
    at, the point the student picked or named (if any) and what they typed (if they typed)."""

    state_id: int
    version: int
    wrong: str | None
    typed: str | None
    click: tuple[float, float] | None = None  # a locate question's first click

    def is_for(self, state_id: int, version: int) -> bool:
        return (self.state_id, self.version) == (state_id, version)


@dataclass(frozen=True)
class QuizGraded:
    """A quiz answer that graded the card: what was asked, how the answer was judged, and the first
    wrong try's point when this was the second try."""

    answered: Answered
    question: Question
    result: quiz_pool.Result
    first_wrong: str | None
    first_click: tuple[float, float] | None = None


def answer_quiz(user: User, state_id: int, seen_version: int, response: quiz_pool.Response, answer_ms: int,
                now: datetime, *, first_try: QuizTry | None, times: GradeTimes,
                thresholds: Thresholds = DEFAULT_THRESHOLDS) -> QuizTry | QuizGraded:
    """Judge an answer to one of the student's quiz cards. A first wrong try (not almost, not giving up;
    for a click, further than the thresholds allow) grades nothing: it comes back as a QuizTry for the
    caller to keep and pass in as `first_try` with the second. Anything else grades the card from the
    outcome (`questions.quiz_grade`: 5 or 4 right, 3 at the second try or almost, 1 wrong, 0 gave up;
    a click by its distance, `core.body.locate`) and answers it as `answer` does.

    Raises NoSuchCard for a card that is not the student's quiz card, StaleAnswer for a repeat,
    quiz_pool.BadResponse for a response that answers nothing."""
    state = _students_state(user, state_id)
    if state is None or quiz_pool.quiz_kind(state.card) is None:
        raise NoSuchCard(state_id)
    _check_current(state, seen_version)
    pool = quiz_pool.point_pool()
    question = quiz_pool.card_question(pool, state)
    second_try = first_try is not None and first_try.is_for(state.id, state.version)
    result = quiz_pool.check(pool, question, response, thresholds=thresholds, second_try=second_try)
    if not (result.correct or result.almost or result.gave_up) and not second_try:
        return QuizTry(state.id, state.version, result.chosen_code, response.typed, response.click)
    if result.located is not None:
        grade = result.located.grade
    else:
        grade = quiz_grade(correct=result.correct or result.almost, attempt=2 if second_try else 1,
                           almost=result.almost, gave_up=result.gave_up, elapsed_ms=answer_ms, typed=result.typed,
                           times=times)
    answered = answer(user, state.id, state.version, grade, answer_ms, now)
    earlier = first_try if first_try is not None and second_try else None
    return QuizGraded(answered, question, result, earlier.wrong if earlier else None,
                      earlier.click if earlier else None)


class NothingToUndo(Exception):
    """No answer of this student can be undone (none yet, or only rows from before undo existed), or
    the one in view was just taken back by another request. The message says which, to the student."""


def undo_last(user: User) -> ReviewLog:
    """Take back the student's latest answer: the card's SM-2 state is restored exactly as it was, its
    FSRS state rebuilt from its answers before this one, and the answer's log row is removed, in one
    transaction. Returns the removed row (detached).

    The row is deleted first, on the condition that it is still there: of two undos at the same
    moment (a double click, two tabs) that both read the same latest answer, the second's DELETE
    waits for the first to commit and then removes nothing, so it changes nothing either. An answer
    is taken back once, as it advances its card once."""
    log = db.session.scalar(
        select(ReviewLog).where(ReviewLog.user_id == user.id).order_by(ReviewLog.id.desc()).limit(1))
    if log is None or log.prev_lapses is None or log.prev_suspended is None:
        raise NothingToUndo("There is no answer to undo.")
    taken = rows_changed(delete(ReviewLog).where(ReviewLog.id == log.id).execution_options(synchronize_session=False))
    if taken != 1:
        db.session.rollback()
        raise NothingToUndo("That answer was just taken back (by another tab or a second click); nothing else "
                            "was undone.")
    scheduler = fsrs_states.scheduler_for(user)
    memory = fsrs_states.rebuilt(scheduler, fsrs_states.card_answers(user.id, log.card_id, leaving_out=log.id),
                                 log.prev_due_day, log.prev_easiness_centi, log.prev_interval)
    changed = rows_changed(
        update(CardState)
        .where(CardState.user_id == user.id, CardState.card_id == log.card_id)
        .values(
            repetitions=log.prev_repetitions, easiness_centi=log.prev_easiness_centi,
            interval=log.prev_interval, due_day=log.prev_due_day, lapses=log.prev_lapses,
            redrill_day=log.prev_redrill_day, last_reviewed_at=log.prev_reviewed_at,
            suspended=log.prev_suspended, version=CardState.version + 1,
            **fsrs_states.stored_values(scheduler, memory),
        )
        .execution_options(synchronize_session=False)
    )
    if changed != 1:
        db.session.rollback()
        raise NothingToUndo("That card is no longer yours to undo.")
    review_days.uncount_answer(log)
    db.session.expunge(log)  # its row is gone: keep what was loaded, for the caller's message
    db.session.commit()
    return log
