"""Reading point records back from the database."""

from __future__ import annotations

from sqlalchemy import select

from studyapp.decks import Point as PointRecord
from studyapp.extensions import db
from studyapp.models import Point


def live_points() -> list[PointRecord]:
    """Every point that is not retired, in channel order."""
    rows = db.session.scalars(select(Point).where(Point.retired.is_(False)).order_by(Point.sort_key))
    return [PointRecord.from_dict(row.record) for row in rows]


def category_members(category: str) -> list[PointRecord]:
    return [p for p in live_points() if any(c.category == category for c in p.categories)]
