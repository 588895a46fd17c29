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
    return (local_time(now, timezone) - timedelta(hours=rollover_hour)).date()


def local_time(moment: datetime, timezone: str) -> datetime:
    """`moment` (an aware datetime) on the student's clock."""
    if moment.tzinfo is None:
        raise ValueError("a student's local time needs an aware datetime")
    return moment.astimezone(ZoneInfo(timezone))


def is_valid_timezone(name: str) -> bool:
    if not name or name not in available_timezones():
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True
