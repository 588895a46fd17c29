"""The `review_days` table: each student's answers summed per study day (`stats.DayTotals`).

The review log stays the record; these rows are derived from it and change in the same
transaction as the log rows they sum: `count_answer` as an answer is written, `uncount_answer` as
one is undone, `recount` after log rows arrive in bulk (a restored backup). Nothing here commits.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from studyapp.core.progress import stats
from studyapp.extensions import db
from studyapp.models import ReviewDay, ReviewLog

COUNTS = stats.DayTotals._fields[1:]  # every column but the day
UPSERTS = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}  # the databases we run on


def _share(log: ReviewLog) -> stats.DayTotals:
    return stats.answer_totals(log.study_day, log.kind, log.prev_interval, log.grade, log.answer_ms)


def count_answer(log: ReviewLog) -> None:
    """Add one new log row to its day. An upsert, so two answers of one student written at the
    same moment (two tabs) both count, on SQLite and PostgreSQL alike."""
    share = _share(log)
    upsert: Any = UPSERTS[db.session.get_bind().dialect.name](ReviewDay)
    upsert = upsert.values(user_id=log.user_id, **share._asdict())
    db.session.execute(upsert.on_conflict_do_update(
        index_elements=[ReviewDay.user_id, ReviewDay.study_day],
        set_={name: getattr(ReviewDay, name) + upsert.excluded[name] for name in COUNTS},
    ))


def uncount_answer(log: ReviewLog) -> None:
    """Take one log row, about to be deleted, out of its day; a day left with no answers goes."""
    share = _share(log)
    day = (ReviewDay.user_id == log.user_id, ReviewDay.study_day == log.study_day)
    db.session.execute(update(ReviewDay).where(*day).values(
        {name: getattr(ReviewDay, name) - getattr(share, name) for name in COUNTS}))
    db.session.execute(delete(ReviewDay).where(*day, ReviewDay.answers <= 0))


def recount(user_id: int) -> None:
    """Rebuild one student's days from their whole log."""
    db.session.execute(delete(ReviewDay).where(ReviewDay.user_id == user_id))
    rows = db.session.execute(
        select(ReviewLog.study_day, ReviewLog.kind, ReviewLog.prev_interval, ReviewLog.grade, ReviewLog.answer_ms)
        .where(ReviewLog.user_id == user_id)
    )
    totals = stats.day_totals((day, kind, interval, grade, millis) for day, kind, interval, grade, millis in rows)
    if totals:
        db.session.execute(insert(ReviewDay), [{"user_id": user_id, **day._asdict()} for day in totals])


def days_from(user_id: int, first_day: date) -> list[stats.DayTotals]:
    """The student's days from `first_day` on, oldest first."""
    rows = db.session.execute(
        select(ReviewDay.study_day, *(getattr(ReviewDay, name) for name in COUNTS))
        .where(ReviewDay.user_id == user_id, ReviewDay.study_day >= first_day)
        .order_by(ReviewDay.study_day)
    )
    return [stats.DayTotals(*row) for row in rows]


def days_before(user_id: int, first_day: date) -> list[date]:
    """The study days before `first_day` (only the longest streak needs them)."""
    return list(db.session.scalars(
        select(ReviewDay.study_day).where(ReviewDay.user_id == user_id, ReviewDay.study_day < first_day)))
