"""Answering a card with SM-2, and undoing the last answer.

Every answer is one transaction: the state update and its review-log row commit together or not at
all. Each answer names the state version it saw, so a double-click or a second tab advances a card
once.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select, update

from studyapp.core.progress.stats import MAX_ANSWER_MS, is_leech
from studyapp.core.scheduling import sm2
from studyapp.extensions import db
from studyapp.models import CardState, ReviewLog, User
from studyapp.services import review_days
from studyapp.services.day_plan import today_for


class StaleAnswer(Exception):
    """The card was answered already (double-click, second tab) or is not in today's queue."""


def answer(user: User, state_id: int, seen_version: int, grade: int, answer_ms: int, now: datetime) -> ReviewLog:
    """Grade one card for `user`. Raises LookupError for a state that is not theirs, StaleAnswer
    for a repeat, ValueError for a grade outside 0-5. Commits the state and log row together."""
    state = db.session.scalar(
        select(CardState).where(CardState.id == state_id, CardState.user_id == user.id))
    if state is None:
        raise LookupError(state_id)
    if state.version != seen_version:
        raise StaleAnswer("already answered")
    today = today_for(user, now)
    before = sm2.SM2State(state.repetitions, state.easiness_centi / 100, state.interval)
    if state.due_day is None or state.due_day <= today:
        kind = "new" if state.due_day is None else "review"
        after = sm2.review(before, grade)
        due_day = today + timedelta(days=after.interval)
        lapses = state.lapses + (1 if grade < sm2.PASSING_QUALITY and kind == "review" else 0)
    elif state.redrill_day == today:
        sm2.review(before, grade)  # validates the grade; step 7 leaves the schedule alone
        kind, after, due_day, lapses = "redrill", before, state.due_day, state.lapses
    else:
        raise StaleAnswer("not due today")
    # A card that keeps lapsing is a leech: it leaves the queues until the student looks at it again.
    suspended = state.suspended or (lapses > state.lapses and is_leech(lapses))
    changed = db.session.execute(
        update(CardState)
        .where(CardState.id == state.id, CardState.version == seen_version)
        .values(
            repetitions=after.repetitions, easiness_centi=after.easiness_centi,
            interval=after.interval, due_day=due_day, lapses=lapses,
            redrill_day=today if sm2.needs_redrill(grade) else None,
            last_reviewed_at=now, suspended=suspended, version=CardState.version + 1,
        )
        .execution_options(synchronize_session=False)
    ).rowcount
    if changed != 1:
        db.session.rollback()
        raise StaleAnswer("answered in another request")
    log = ReviewLog(
        user_id=user.id, card_id=state.card_id, reviewed_at=now, study_day=today, kind=kind,
        grade=grade, answer_ms=max(0, min(answer_ms, MAX_ANSWER_MS)),
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
    return log


class NothingToUndo(Exception):
    """No answer of this student can be undone (none yet, or only rows from before undo existed)."""


def undo_last(user: User) -> ReviewLog:
    """Take back the student's latest answer: the card's state is restored exactly as it was and the
    answer's log row is removed, in one transaction. Returns the removed row (detached)."""
    log = db.session.scalar(
        select(ReviewLog).where(ReviewLog.user_id == user.id).order_by(ReviewLog.id.desc()).limit(1))
    if log is None or log.prev_lapses is None or log.prev_suspended is None:
        raise NothingToUndo("there is no answer to undo")
    changed = db.session.execute(
        update(CardState)
        .where(CardState.user_id == user.id, CardState.card_id == log.card_id)
        .values(
            repetitions=log.prev_repetitions, easiness_centi=log.prev_easiness_centi,
            interval=log.prev_interval, due_day=log.prev_due_day, lapses=log.prev_lapses,
            redrill_day=log.prev_redrill_day, last_reviewed_at=log.prev_reviewed_at,
            suspended=log.prev_suspended, version=CardState.version + 1,
        )
        .execution_options(synchronize_session=False)
    ).rowcount
    if changed != 1:
        db.session.rollback()
        raise NothingToUndo("that card's state is gone")
    review_days.uncount_answer(log)
    db.session.delete(log)
    db.session.commit()
    return log
