"""What the scheduler can represent, so that nothing stored (by answering, undoing or restoring a
backup) can make a later page or answer fail (pure).

- An interval is at most `MAX_INTERVAL` days, 100 years, as Anki and py-fsrs cap theirs: SM-2's
  intervals otherwise grow without end (2.5 times per perfect answer) until today plus the interval
  is past the year 9999 and no longer a date.
- A study day lies between `FIRST_DAY` and `LAST_DAY`: Python's date range less the longest interval
  at either end, so any day plus or minus an interval is still a date.
- A card's repetitions and lapses are at most `MAX_COUNT`, and its easiness at most
  `MAX_EASINESS_CENTI`, both far beyond a lifetime of daily answers and far from the end of the
  database columns that each answer adds to.
"""

from __future__ import annotations

from datetime import date, timedelta

MAX_INTERVAL = 36_500  # days
FIRST_DAY = date.min + timedelta(days=MAX_INTERVAL)
LAST_DAY = date.max - timedelta(days=MAX_INTERVAL)
MAX_COUNT = 1_000_000
MAX_EASINESS_CENTI = 10_000  # an easiness of 100.00; SM-2 adds at most 0.10 per answer
