"""Student accounts: registering, logging in (throttled, in the same time whether the name exists or
not), the session each cookie names, ending every session, changing the password, settings."""

from __future__ import annotations

import hmac
import secrets
from datetime import datetime
from functools import cache

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from werkzeug.security import check_password_hash, generate_password_hash

from studyapp.core.scheduling import fsrs
from studyapp.core.scheduling.study_day import DEFAULT_TIMEZONE
from studyapp.extensions import db
from studyapp.models import INT_MAX, User, new_session_token
from studyapp.services import fsrs_states, login_throttle


class UsernameTaken(Exception):
    """Another student has this username (names are compared without case)."""


def find_user(username: str) -> User | None:
    """The student called `username`, ignoring case and surrounding spaces."""
    return db.session.scalar(select(User).where(func.lower(User.username) == username.strip().lower()))


def user_for_session(session_id: str) -> User | None:
    """The student a session names ("<id>:<token>", `User.get_id`), if the token is still theirs:
    a log-out or a password change gives the account a new token, ending every older session."""
    user_id, _, token = session_id.partition(":")
    if not (user_id.isascii() and user_id.isdigit() and len(user_id) <= 10 and token):
        return None
    if int(user_id) > INT_MAX:
        return None
    user = db.session.get(User, int(user_id))
    if user is None or not user.session_token:
        return None
    return user if hmac.compare_digest(user.session_token.encode(), token.encode()) else None


def register(username: str, password: str, timezone: str | None) -> User:
    """A new student (time zone UTC when the browser sent none). Raises UsernameTaken, also when the
    same name is registered a moment earlier in another request."""
    username = username.strip()
    if find_user(username) is not None:
        raise UsernameTaken(username)
    user = User(username=username, password_hash=generate_password_hash(password),
                timezone=timezone or DEFAULT_TIMEZONE)
    db.session.add(user)
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise UsernameTaken(username) from None
    return user


@cache
def _stand_in_hash() -> str:
    """A hash made as real ones are (Werkzeug's default method), of a password nobody has: checking a
    password against it takes as long as checking a student's."""
    return generate_password_hash(secrets.token_urlsafe(24))


def password_matches(user: User | None, password: str) -> bool:
    """Whether `password` is the student's; for no student, the same work against a stand-in hash,
    so the time taken does not tell whether a username exists."""
    if user is None:
        check_password_hash(_stand_in_hash(), password)
        return False
    return check_password_hash(user.password_hash, password)


def check_login(username: str, password: str) -> User | None:
    """The student if the password is theirs, else None (no hint which of the two was wrong)."""
    user = find_user(username)
    return user if password_matches(user, password) else None


def log_in(username: str, password: str, *, address: str, now: datetime,
           limits: login_throttle.Limits) -> User | None:
    """`check_login`, throttled: raises login_throttle.Throttled, before any password is checked,
    when this username or this address has failed too often lately."""
    login_throttle.begin_attempt(username, address, now, limits)
    user = check_login(username, password)
    if user is not None:
        login_throttle.succeeded(username)
    return user


def end_sessions(user: User) -> None:
    """Log the student out everywhere: every session cookie made before this stops working."""
    user.session_token = new_session_token()
    db.session.commit()


def change_password(user: User, current_password: str, new_password: str, *, address: str, now: datetime,
                    limits: login_throttle.Limits) -> bool:
    """Set a new password if `current_password` is the student's (False if not: a failed login, as
    throttled as any), and end every session made before; the caller logs the current session in
    again, with the new `user.get_id()`. The caller checked the new password against the policy."""
    login_throttle.begin_attempt(user.username, address, now, limits)
    if not password_matches(user, current_password):
        return False
    login_throttle.succeeded(user.username)
    user.password_hash = generate_password_hash(new_password)
    user.session_token = new_session_token()
    db.session.commit()
    return True


THEMES = ("system", "light", "dark")


def save_settings(user: User, *, timezone: str, new_cards_per_day: int, reviews_per_day: int,
                  theme: str | None = None, scheduler: str | None = None,
                  desired_retention: float | None = None) -> None:
    """Save the student's settings. A theme (`THEMES`), scheduler (`fsrs_states.SCHEDULERS`) or
    desired retention left out stays as it is. A new retention moves every FSRS due day to it, in the
    same transaction: their memory is kept, so going back to the old retention gives back the old
    due days."""
    if theme is not None and theme not in THEMES:
        raise ValueError(f"theme must be one of {', '.join(THEMES)}")
    if scheduler is not None and scheduler not in fsrs_states.SCHEDULERS:
        raise ValueError(f"unknown scheduler {scheduler!r}")
    user.timezone = timezone
    user.new_cards_per_day = new_cards_per_day
    user.reviews_per_day = reviews_per_day
    if theme is not None:
        user.theme = theme
    if scheduler is not None:
        user.scheduler = scheduler
    if desired_retention is not None and desired_retention != user.desired_retention:
        user.desired_retention = fsrs.check_retention(desired_retention)
        db.session.flush()
        fsrs_states.reschedule(user)
    db.session.commit()
