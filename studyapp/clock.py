"""The app's clock: `now()` reads the clock the factory put in the config (tests put a movable one).

Views and commands ask `now()`; they pass the time into services and the pure core, which never
read a clock themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from flask import current_app


def system_clock() -> datetime:
    return datetime.now(UTC)


def now() -> datetime:
    """The current time from the app's clock (for views and commands; logic gets `now` passed in)."""
    clock: Callable[[], datetime] = current_app.config["CLOCK"]
    return clock()
