"""Login throttling: failed logins counted per account (the username typed, known or not) and per
address, in the `login_failures` table, so every worker of a server counts the same failures.

Each attempt is written down as a failure before its password is checked, and counted after, so
attempts sent at the same moment cannot all slip under the limit; a login that succeeds clears its
account's failures. An attempt refused for throttling is not counted: the wait it is told is the
wait it gets. Rows older than the window go as new ones come.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, delete, select

from studyapp.extensions import db
from studyapp.models import LoginFailure

USERNAME_LENGTH = 40
ADDRESS_LENGTH = 64


@dataclass(frozen=True)
class Limits:
    """At most `per_account` failed logins for one username, and `per_address` from one address, in
    any `window`."""

    per_account: int
    per_address: int
    window: timedelta


class Throttled(Exception):
    """Too many failed logins: try again in `retry_after` seconds."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"too many failed logins; try again in {retry_after} s")
        self.retry_after = retry_after


def account_key(username: str) -> str:
    return username.strip().lower()[:USERNAME_LENGTH]


def begin_attempt(username: str, address: str, now: datetime, limits: Limits) -> int:
    """Write this attempt down as a failure (committed), then count. Returns its row id, for
    `succeeded`; raises Throttled (the attempt removed again) when the account or the address already
    has its limit of failures in the window."""
    key, address = account_key(username), address[:ADDRESS_LENGTH]
    db.session.execute(delete(LoginFailure).where(LoginFailure.failed_at <= now - limits.window))
    attempt = LoginFailure(username=key, address=address, failed_at=now)
    db.session.add(attempt)
    db.session.commit()
    attempt_id = attempt.id
    waits = [_wait(LoginFailure.username == key, limits.per_account, attempt_id, now, limits.window),
             _wait(LoginFailure.address == address, limits.per_address, attempt_id, now, limits.window)]
    wait = max((seconds for seconds in waits if seconds is not None), default=None)
    if wait is not None:
        db.session.execute(delete(LoginFailure).where(LoginFailure.id == attempt_id))
        db.session.commit()
        raise Throttled(wait)
    return attempt_id


def _wait(which: ColumnElement[bool], limit: int, attempt_id: int, now: datetime, window: timedelta) -> int | None:
    """Seconds until the failures matching `which` (other than this attempt) fall below `limit` in
    the window, or None if they already are."""
    recent = db.session.scalars(
        select(LoginFailure.failed_at)
        .where(which, LoginFailure.id != attempt_id, LoginFailure.failed_at > now - window)
        .order_by(LoginFailure.failed_at.desc()).limit(limit)
    ).all()
    if len(recent) < limit:
        return None
    return max(1, math.ceil((recent[-1] + window - now).total_seconds()))


def succeeded(username: str) -> None:
    """The password was right: this account's failures (and the attempt itself) are forgotten."""
    db.session.execute(delete(LoginFailure).where(LoginFailure.username == account_key(username)))
    db.session.commit()
