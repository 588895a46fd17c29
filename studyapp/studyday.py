"""The student's study day (pure): days roll over at 04:00 in the student's own time zone.

A review at 01:30 on Tuesday still belongs to Monday's study, as a student working past midnight
expects; due dates are counted in these days.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

ROLLOVER_HOUR = 4
DEFAULT_TIMEZONE = "UTC"


def study_day(now: datetime, timezone: str, rollover_hour: int = ROLLOVER_HOUR) -> date:
    """The study day that `now` (an aware datetime) falls in, for a student in `timezone`."""
    if now.tzinfo is None:
        raise ValueError("study_day needs an aware datetime")
    local = now.astimezone(ZoneInfo(timezone))
    return (local - timedelta(hours=rollover_hour)).date()


def is_valid_timezone(name: str) -> bool:
    if not name or name not in available_timezones():
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True
