"""FSRS beside SM-2, the database side: each student's FSRS scheduler (their parameters and desired
retention), each card's FSRS state read and written, a student's history replayed, their due days
moved to a new retention, and fitting their own parameters.

A card's FSRS state follows from its answers (`review_log.rating`, oldest first) and the student's
parameters; its due day also from their desired retention. So it is rebuilt by replaying the log,
never guessed: after a restore of an older backup, after new parameters, and for an undone answer.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict
from datetime import date, datetime
from typing import Any

from sqlalchemy import bindparam, select, update

from studyapp.core.scheduling import fsrs
from studyapp.extensions import db
from studyapp.models import CardState, ReviewLog, User
from studyapp.services import plain_rows

SCHEDULERS = ("sm2", "fsrs")


def scheduler_for(user: User) -> fsrs.Scheduler:
    """FSRS with the student's parameters (FSRS-6's defaults until they fit their own) and retention."""
    return fsrs.Scheduler(user.fsrs_parameters, user.desired_retention)


def card_memory(stability: float | None, difficulty: float | None, last_day: date | None) -> fsrs.CardMemory | None:
    """A card's stored FSRS state, or None for a card FSRS has not seen answered."""
    if stability is None or difficulty is None or last_day is None:
        return None
    return fsrs.CardMemory(fsrs.Memory(stability, difficulty), last_day)


def state_memory(state: CardState) -> fsrs.CardMemory | None:
    return card_memory(state.fsrs_stability, state.fsrs_difficulty, state.fsrs_last_day)


def stored_values(scheduler: fsrs.Scheduler, card: fsrs.CardMemory | None) -> dict[str, Any]:
    """The card_states columns that hold `card`."""
    if card is None:
        return {"fsrs_stability": None, "fsrs_difficulty": None, "fsrs_last_day": None, "fsrs_due_day": None}
    return {"fsrs_stability": card.memory.stability, "fsrs_difficulty": card.memory.difficulty,
            "fsrs_last_day": card.last_day, "fsrs_due_day": scheduler.due_day(card)}


def rebuilt(scheduler: fsrs.Scheduler, answers: list[fsrs.Answer], due_day: date | None, easiness_centi: int,
            interval: int) -> fsrs.CardMemory | None:
    """A card's FSRS state from what is known of it: none while SM-2 counts it new (`due_day` None);
    its answers replayed when it has any; else the engine's estimate from its SM-2 state."""
    if due_day is None:
        return None
    if answers:
        return scheduler.replay(answers)
    return scheduler.from_sm2(easiness_centi / 100, interval, due_day)


def card_answers(user_id: int, card_id: int, *, leaving_out: int | None = None) -> list[fsrs.Answer]:
    """One card's answers by the student, oldest first (without the log row `leaving_out`)."""
    query = select(ReviewLog.study_day, ReviewLog.rating).where(
        ReviewLog.user_id == user_id, ReviewLog.card_id == card_id)
    if leaving_out is not None:
        query = query.where(ReviewLog.id != leaving_out)
    return [fsrs.Answer(day, rating) for day, rating in db.session.execute(query.order_by(ReviewLog.id))]


def histories(user_id: int) -> dict[int, list[fsrs.Answer]]:
    """Every card's answers by the student, oldest first, by card id."""
    found: dict[int, list[fsrs.Answer]] = defaultdict(list)
    for card_id, day, rating in plain_rows(
        select(ReviewLog.card_id, ReviewLog.study_day, ReviewLog.rating)
        .where(ReviewLog.user_id == user_id).order_by(ReviewLog.card_id, ReviewLog.id)
    ):
        found[card_id].append(fsrs.Answer(day, rating))
    return found


def _write(rows: Iterable[dict[str, Any]]) -> None:
    """Set the FSRS columns of card states by id (`state_id` plus `stored_values`' keys)."""
    batch = list(rows)
    if batch:
        db.session.connection().execute(
            update(CardState).where(CardState.id == bindparam("state_id")).values(
                fsrs_stability=bindparam("fsrs_stability"), fsrs_difficulty=bindparam("fsrs_difficulty"),
                fsrs_last_day=bindparam("fsrs_last_day"), fsrs_due_day=bindparam("fsrs_due_day")),
            batch)


def recompute(user: User) -> int:
    """Rebuild the FSRS state of every card of the student from their log (in the caller's
    transaction). Returns how many card states it wrote."""
    scheduler = scheduler_for(user)
    answers = histories(user.id)
    rows = [
        {"state_id": state_id,
         **stored_values(scheduler, rebuilt(scheduler, answers.get(card_id, []), due_day, easiness_centi, interval))}
        for state_id, card_id, due_day, easiness_centi, interval in plain_rows(
            select(CardState.id, CardState.card_id, CardState.due_day, CardState.easiness_centi, CardState.interval)
            .where(CardState.user_id == user.id))
    ]
    _write(rows)
    return len(rows)


def reschedule(user: User) -> int:
    """Move every FSRS due day to the student's desired retention (their memory is unchanged), in the
    caller's transaction. Returns how many cards it moved."""
    scheduler = scheduler_for(user)
    rows = []
    for state_id, stability, difficulty, last_day, due_day in plain_rows(
        select(CardState.id, CardState.fsrs_stability, CardState.fsrs_difficulty, CardState.fsrs_last_day,
               CardState.fsrs_due_day)
        .where(CardState.user_id == user.id, CardState.fsrs_stability.is_not(None))
    ):
        values = stored_values(scheduler, card_memory(stability, difficulty, last_day))
        if values["fsrs_due_day"] != due_day:
            rows.append({"state_id": state_id, **values})
    _write(rows)
    return len(rows)


# --- the student's own parameters ---------------------------------------------------------------

def training_reviews(user: User) -> int:
    """How many of the student's answers the optimizer would learn from."""
    return fsrs.training_reviews(list(histories(user.id).values()))


def optimize(user: User, now: datetime, min_reviews: int = fsrs.MIN_TRAINING_REVIEWS) -> fsrs.Optimization:
    """Fit FSRS's parameters to the student's own log and keep the best of the fitted ones, the
    defaults and those in use (lowest log loss); every card's FSRS state is then rebuilt with them.
    One transaction. Raises fsrs.NotEnoughReviews (nothing written) below `min_reviews`."""
    try:
        result = fsrs.optimize(list(histories(user.id).values()), user.fsrs_parameters, min_reviews)
        kept = result.parameters_to_use(user.fsrs_parameters)
        user.fsrs_parameters = list(kept) if kept is not None else None
        user.fsrs_fit = {"at": now.isoformat(), **asdict(result)}
        db.session.flush()
        recompute(user)
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return result


def last_fit(user: User) -> fsrs.Optimization | None:
    """The optimizer's last outcome for the student, if they ran it."""
    kept = user.fsrs_fit
    if not kept:
        return None

    def fit(value: dict[str, float] | None) -> fsrs.Fit | None:
        return fsrs.Fit(value["log_loss"], value["rmse_bins"]) if value else None

    default, optimized = fit(kept["default"]), fit(kept["optimized"])
    assert default is not None and optimized is not None
    return fsrs.Optimization(kept["reviews"], default, fit(kept.get("current")), optimized,
                             tuple(kept["parameters"]), kept["kept"])


def last_fit_at(user: User) -> datetime | None:
    return datetime.fromisoformat(user.fsrs_fit["at"]) if user.fsrs_fit else None
