"""Card actions a student takes by hand: suspend (or bring back) and bury, one card or a whole point."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from studyapp.extensions import db
from studyapp.models import Card, CardState, User


def _change_states(user: User, values: dict[str, object], *, state_id: int | None, point_id: int | None) -> int:
    """Set `values` on one card or every card of a point, for this student only. Returns how many
    changed; 0 when none of them is the student's (the caller answers 404)."""
    query = select(CardState).join(Card, Card.id == CardState.card_id).where(CardState.user_id == user.id)
    if state_id is not None:
        query = query.where(CardState.id == state_id)
    if point_id is not None:
        query = query.where(Card.point_id == point_id)
    states = list(db.session.scalars(query))
    for state in states:
        for name, value in values.items():
            setattr(state, name, value)
        state.version += 1  # a form opened before the change is stale now
    db.session.commit()
    return len(states)


def set_suspended(user: User, suspended: bool, *, state_id: int | None = None, point_id: int | None = None) -> int:
    """Suspend (or bring back) one card or every card of a point; see `_change_states`."""
    return _change_states(user, {"suspended": suspended}, state_id=state_id, point_id=point_id)


def bury(user: User, today: date, *, state_id: int | None = None, point_id: int | None = None) -> int:
    """Hide one card or a whole point for the rest of today's study day; it returns tomorrow."""
    return _change_states(user, {"buried_day": today}, state_id=state_id, point_id=point_id)
