"""Student accounts: registering, checking a login, finding a student, saving their settings."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from werkzeug.security import check_password_hash, generate_password_hash

from studyapp.core.scheduling import fsrs
from studyapp.core.scheduling.study_day import DEFAULT_TIMEZONE
from studyapp.extensions import db
from studyapp.models import User
from studyapp.services import fsrs_states


class UsernameTaken(Exception):
    """Another student has this username (names are compared without case)."""


def find_user(username: str) -> User | None:
    """The student called `username`, ignoring case and surrounding spaces."""
    return db.session.scalar(select(User).where(func.lower(User.username) == username.strip().lower()))


def user_by_id(user_id: str) -> User | None:
    """The student a session names (Flask-Login keeps the id as text)."""
    return db.session.get(User, int(user_id)) if user_id.isdigit() else None


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


def check_login(username: str, password: str) -> User | None:
    """The student if the password is theirs, else None (no hint which of the two was wrong)."""
    user = find_user(username)
    if user is not None and check_password_hash(user.password_hash, password):
        return user
    return None


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
