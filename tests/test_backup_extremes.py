"""Nothing a restore accepts may break the account afterwards. Hypothesis writes backups that look
valid, with extreme values (the first and last days the scheduler holds and just past them, 100-year
intervals, huge counts, far time zones); each is either refused with the entry at fault or restored,
and then every page of the account opens, a card can be answered and the answer undone, and the
account's own backup reads back."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date, time, timedelta
from itertools import count
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from studyapp.core import backup_format as fmt
from studyapp.core.scheduling import fsrs
from studyapp.core.scheduling.limits import FIRST_DAY, LAST_DAY, MAX_COUNT, MAX_EASINESS_CENTI, MAX_INTERVAL
from studyapp.extensions import db
from studyapp.models import Card, User
from studyapp.services.backup import restore_backup
from tests.conftest import START, Clock

TODAY = START.date()
# Kidney's first cards: flashcards and the location quizzes of the first points.
CARD_KEYS = ("KI-1/name-location", "KI-1/location-name", "KI-2/name-location", "KI-1/quiz-which-point",
             "KI-1/quiz-where-is", "KI-2/quiz-which-point")
PAGES = ("/", "/progress", "/study/kidney", "/points", "/points?state=learning", "/points/KI-1", "/points/KI-2",
         "/export", "/export/backup.json", "/export/reviews.csv", "/export/anki.apkg", "/settings", "/quiz",
         "/decks/choose")
STATE_ID = re.compile(r'name="state_id"[^>]*value="(\d+)"')
VERSION = re.compile(r'name="version"[^>]*value="(\d+)"')
ONE_DAY = timedelta(days=1)

days = st.one_of(
    st.sampled_from([FIRST_DAY, FIRST_DAY - ONE_DAY, LAST_DAY, LAST_DAY + ONE_DAY, date.min, date.max,
                     TODAY, TODAY - ONE_DAY, TODAY + ONE_DAY, date(1970, 1, 1)]),
    st.dates(),
)
offsets = st.sampled_from(["Z", "+14:00", "-12:00", "+23:59", "-23:59", "+01:00", "+05:45"])
times = st.one_of(st.sampled_from([time(0), time(23, 59, 59, 999_999), time(4), time(3, 59)]), st.times())


@st.composite
def moments(draw: st.DrawFn) -> str:
    return f"{draw(days).isoformat()}T{draw(times).isoformat()}{draw(offsets)}"


def around(low: int, high: int) -> st.SearchStrategy[int]:
    """Values at and just past both ends of a range, and anything in between and a little beyond."""
    return st.one_of(st.sampled_from([low, low - 1, high, high + 1, 2**31 - 1, 2**31, 2**63]),
                     st.integers(low - 10, high + 10))


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


def day_text(strategy: st.SearchStrategy[date] = days) -> st.SearchStrategy[str]:
    return strategy.map(date.isoformat)


def around_float(low: float, high: float) -> st.SearchStrategy[float]:
    """The float counterpart of `around`."""
    return st.one_of(st.sampled_from([low, high, low - 0.01, high + 0.01, 0.0, 1e308]),
                     st.floats(low, high, allow_nan=False))


@st.composite
def fsrs_states(draw: st.DrawFn) -> dict[str, Any]:
    """A card's FSRS state (version 2): none yet, or all four values, at and past their ends."""
    if draw(st.booleans()):
        return {"fsrs_stability": None, "fsrs_difficulty": None, "fsrs_last_day": None, "fsrs_due_day": None}
    return {"fsrs_stability": draw(around_float(0.001, fmt.MAX_STABILITY)),
            "fsrs_difficulty": draw(around_float(1.0, 10.0)),
            "fsrs_last_day": draw(day_text()), "fsrs_due_day": draw(day_text())}


@st.composite
def card_entries(draw: st.DrawFn, key: str) -> dict[str, Any]:
    return {
        **draw(fsrs_states()),
        "key": key, "repetitions": draw(around(0, MAX_COUNT)), "easiness_centi": draw(around(130, MAX_EASINESS_CENTI)),
        "interval": draw(around(0, MAX_INTERVAL)), "due_day": draw(optional(day_text())),
        "lapses": draw(around(0, MAX_COUNT)), "redrill_day": draw(optional(day_text())),
        "last_reviewed_at": draw(optional(moments())), "suspended": draw(st.booleans()),
        "buried_day": draw(optional(day_text())),
    }


@st.composite
def review_entries(draw: st.DrawFn, key: str) -> dict[str, Any]:
    grade = draw(st.integers(0, 5))
    state = {f"{prefix}_{name}": draw(strategy) for prefix in ("prev", "new") for name, strategy in (
        ("repetitions", around(0, MAX_COUNT)), ("easiness_centi", around(130, MAX_EASINESS_CENTI)),
        ("interval", around(0, MAX_INTERVAL)))}
    return {
        "card": key, "reviewed_at": draw(moments()), "study_day": draw(day_text()),
        "kind": draw(st.sampled_from(fmt.REVIEW_KINDS)), "grade": grade,
        "rating": draw(st.one_of(st.just(fsrs.rating_for_grade(grade)), st.integers(0, 5))),
        "answer_ms": draw(st.sampled_from([0, 1, fmt.MAX_ANSWER_MS])), **state,
        "prev_due_day": draw(optional(day_text())), "prev_lapses": draw(optional(around(0, MAX_COUNT))),
        "prev_redrill_day": draw(optional(day_text())), "prev_reviewed_at": draw(optional(moments())),
        "prev_suspended": draw(optional(st.booleans())), "new_due_day": draw(day_text()),
    }


@st.composite
def backups(draw: st.DrawFn) -> dict[str, Any]:
    keys = draw(st.lists(st.sampled_from(CARD_KEYS), min_size=1, max_size=len(CARD_KEYS), unique=True))
    reviewed = draw(st.lists(st.sampled_from(keys), max_size=4))
    return {
        "format": fmt.FORMAT, "version": fmt.VERSION, "exported_at": draw(moments()),
        "user": {"username": "extreme", "new_cards_per_day": draw(st.sampled_from([0, 1, 500])),
                 "reviews_per_day": draw(st.sampled_from([0, 1, 5000])),
                 "timezone": draw(st.sampled_from(["UTC", "Pacific/Kiritimati", "Etc/GMT+12", "America/St_Johns"])),
                 "scheduler": draw(st.sampled_from(fmt.SCHEDULERS)),
                 "desired_retention": draw(around_float(fsrs.MIN_RETENTION, fsrs.MAX_RETENTION)),
                 "fsrs_parameters": draw(st.sampled_from([None, list(fsrs.DEFAULT_PARAMETERS)]))},
        "decks": ["kidney"],
        "cards": [draw(card_entries(key)) for key in keys],
        "reviews": [draw(review_entries(key)) for key in reviewed],
    }


Restore = Callable[[dict[str, Any]], tuple[FlaskClient, fmt.Backup] | None]
ENTRY = re.compile(r"^(exported_at|user\.\w+|cards\[\d+\]\.\w+|reviews\[\d+\]\.\w+): ")


def log_in(client: FlaskClient, user: User) -> None:
    with client.session_transaction() as session:
        session["_user_id"] = user.get_id()
        session["_fresh"] = True


def answer_what_is_shown(client: FlaskClient) -> None:
    page = client.get("/study/kidney")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    state, version = STATE_ID.search(text), VERSION.search(text)
    if state is None or version is None:
        return  # nothing due today
    fields = {"state_id": state.group(1), "version": version.group(1), "answer_ms": 900}
    if 'action="/study/kidney/quiz"' in text:
        response = client.post("/study/kidney/quiz", data={**fields, "give_up": "1"})
    else:
        response = client.post("/study/kidney/answer", data={**fields, "grade": 0})
    assert response.status_code in (302, 400), response.get_data(as_text=True)


@pytest.fixture
def restore_into_fresh_accounts(app: Flask, clock: Clock) -> Restore:
    numbers = count()

    def restore(document: dict[str, Any]) -> tuple[FlaskClient, fmt.Backup] | None:
        """None if the backup is refused; else a client logged in to a new account holding it."""
        raw = json.dumps(document).encode()
        try:
            backup = fmt.read_backup(raw)
        except fmt.BackupError as error:
            assert error.problems and all(ENTRY.match(problem) for problem in error.problems), error.problems
            return None
        with app.app_context():
            user = User(username=f"extreme-{next(numbers)}", password_hash="!", timezone="UTC")
            db.session.add(user)
            db.session.commit()
            restore_backup(user, backup)
            client = app.test_client()
            log_in(client, user)
        return client, backup

    return restore


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=backups())
def test_whatever_a_restore_accepts_leaves_every_page_working(app: Flask, restore_into_fresh_accounts: Restore,
                                                              document: dict[str, Any]) -> None:
    restored = restore_into_fresh_accounts(document)
    if restored is None:
        return
    client, backup = restored
    for path in PAGES:
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
    answer_what_is_shown(client)
    assert client.post("/study/undo").status_code == 302
    answer_what_is_shown(client)
    answer_what_is_shown(client)
    for path in ("/", "/progress", "/points/KI-1"):
        assert client.get(path).status_code == 200, path
    # The account's own backup reads back.
    again = fmt.read_backup(client.get("/export/backup.json").data)
    assert again.user.timezone == backup.user.timezone


def test_the_strategies_reach_both_outcomes(restore_into_fresh_accounts: Restore) -> None:
    """The property test is not vacuous: backups at the very ends of the ranges restore, and one
    step past any end is refused naming the entry."""
    with_ends = {
        "format": fmt.FORMAT, "version": fmt.VERSION, "exported_at": f"{LAST_DAY.isoformat()}T23:59:59Z",
        "user": {"username": "x", "timezone": "Pacific/Kiritimati", "new_cards_per_day": 500, "reviews_per_day": 0,
                 "scheduler": "fsrs", "desired_retention": fsrs.MAX_RETENTION, "fsrs_parameters": None},
        "decks": ["kidney"],
        "cards": [{"key": "KI-1/name-location", "fsrs_stability": fmt.MAX_STABILITY, "fsrs_difficulty": 10.0,
                   "fsrs_last_day": FIRST_DAY.isoformat(), "fsrs_due_day": TODAY.isoformat(),
                   "repetitions": MAX_COUNT, "easiness_centi": MAX_EASINESS_CENTI,
                   "interval": MAX_INTERVAL, "due_day": TODAY.isoformat(), "lapses": MAX_COUNT,
                   "redrill_day": FIRST_DAY.isoformat(), "last_reviewed_at": f"{FIRST_DAY.isoformat()}T00:00:00Z",
                   "suspended": False, "buried_day": LAST_DAY.isoformat()}],
        "reviews": [{"card": "KI-1/name-location", "reviewed_at": f"{FIRST_DAY.isoformat()}T00:00:00Z",
                     "study_day": FIRST_DAY.isoformat(), "kind": "review", "grade": 1, "rating": 1, "answer_ms": 0,
                     "prev_repetitions": MAX_COUNT, "prev_easiness_centi": MAX_EASINESS_CENTI,
                     "prev_interval": MAX_INTERVAL, "prev_due_day": LAST_DAY.isoformat(), "prev_lapses": MAX_COUNT,
                     "prev_redrill_day": None, "prev_reviewed_at": None, "prev_suspended": False,
                     "new_repetitions": 0, "new_easiness_centi": 130, "new_interval": MAX_INTERVAL,
                     "new_due_day": LAST_DAY.isoformat()}],
    }
    restored = restore_into_fresh_accounts(with_ends)
    assert restored is not None
    client, _ = restored
    for path in PAGES:
        assert client.get(path).status_code == 200, path
    answer_what_is_shown(client)  # the 100-year card due today, answered: 100 more years at most
    for field, past in (("interval", MAX_INTERVAL + 1), ("due_day", (LAST_DAY + ONE_DAY).isoformat()),
                        ("easiness_centi", MAX_EASINESS_CENTI + 1), ("lapses", MAX_COUNT + 1),
                        ("fsrs_stability", fmt.MAX_STABILITY * 2), ("fsrs_difficulty", 10.5)):
        document = json.loads(json.dumps(with_ends))
        document["cards"][0][field] = past
        with pytest.raises(fmt.BackupError) as error:
            fmt.read_backup(json.dumps(document).encode())
        assert error.value.problems[0].startswith(f"cards[0].{field}: "), error.value.problems


def test_the_issue_backups_are_refused_naming_the_entry(app: Flask, restore_into_fresh_accounts: Restore) -> None:
    """A review on 0001-01-01 broke the progress page; a 3,000,000-day interval due today broke answering."""
    with app.app_context():
        assert db.session.scalar(select(Card.id).where(Card.key == CARD_KEYS[0])) is not None
    base = {
        "format": fmt.FORMAT, "version": fmt.VERSION, "exported_at": "2026-03-02T10:00:00Z",
        "user": {"username": "x", "timezone": "UTC", "new_cards_per_day": 20, "reviews_per_day": 200,
                 "scheduler": "sm2", "desired_retention": 0.9, "fsrs_parameters": None},
        "decks": ["kidney"],
        "cards": [{"key": "KI-1/name-location", "repetitions": 3, "easiness_centi": 250, "interval": 3_000_000,
                   "due_day": TODAY.isoformat(), "lapses": 0, "redrill_day": None, "last_reviewed_at": None,
                   "suspended": False, "buried_day": None, "fsrs_stability": None, "fsrs_difficulty": None,
                   "fsrs_last_day": None, "fsrs_due_day": None}],
        "reviews": [],
    }
    with pytest.raises(fmt.BackupError) as error:
        fmt.read_backup(json.dumps(base).encode())
    assert error.value.problems == [f"cards[0].interval: 3000000 is outside 0..{MAX_INTERVAL}"]
    base["cards"][0]["interval"] = 6
    base["reviews"] = [{"card": "KI-1/name-location", "reviewed_at": "2026-03-01T10:00:00Z",
                        "study_day": "0001-01-01", "kind": "new", "grade": 5, "rating": 4, "answer_ms": 10,
                        "prev_repetitions": 0, "prev_easiness_centi": 250, "prev_interval": 0,
                        "prev_due_day": None, "prev_lapses": 0, "prev_redrill_day": None, "prev_reviewed_at": None,
                        "prev_suspended": False, "new_repetitions": 1, "new_easiness_centi": 260,
                        "new_interval": 1, "new_due_day": "2026-03-02"}]
    with pytest.raises(fmt.BackupError) as error:
        fmt.read_backup(json.dumps(base).encode())
    assert error.value.problems == [
        f"reviews[0].study_day: '0001-01-01' is outside {FIRST_DAY.isoformat()}..{LAST_DAY.isoformat()}"]
    # Just inside the range, the same backup restores and the pages work.
    base["reviews"][0]["study_day"] = FIRST_DAY.isoformat()
    restored = restore_into_fresh_accounts(base)
    assert restored is not None
    assert restored[0].get("/progress").status_code == 200
