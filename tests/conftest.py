"""Fixtures: every test gets its own SQLite database, copied from one migrated and imported
template, a controllable clock, a client and a runner (as in Flask's tutorial)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner
from flask_migrate import upgrade

from studyapp import create_app
from studyapp.config import PROJECT_ROOT
from studyapp.decks import load_bundle
from studyapp.extensions import db
from studyapp.services.deck_import import import_bundle

DECKS_DIR = PROJECT_ROOT / "decks"
REFERENCE = PROJECT_ROOT.parent / "shared" / "reference" / "standard-point-names.tsv"
# 10:00 UTC on a Monday: well inside a study day in UTC.
START = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


class Clock:
    """A clock tests can move: `clock.advance(days=1)`."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def make_app(database: Path, **config: Any) -> Flask:
    return create_app({
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}",
        "WTF_CSRF_ENABLED": False,
        "DECKS_DIR": DECKS_DIR,
        **config,
    })


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    app = make_app(path)
    with app.app_context():
        upgrade()
        bundle = load_bundle([DECKS_DIR])
        assert not bundle.problems, "\n".join(map(str, bundle.problems[:20]))
        import_bundle(bundle, START, complete=True)
        db.engine.dispose()
    return path


@pytest.fixture
def clock() -> Clock:
    return Clock(START)


@pytest.fixture
def database(template_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "test.sqlite"
    shutil.copy(template_db, path)
    return path


@pytest.fixture
def app(database: Path, clock: Clock) -> Iterator[Flask]:
    app = make_app(database, CLOCK=clock)
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner(app: Flask) -> FlaskCliRunner:
    return app.test_cli_runner()


class AuthActions:
    def __init__(self, client: FlaskClient) -> None:
        self.client = client

    def register(self, username: str = "student", password: str = "correct horse", timezone: str = "UTC"):  # noqa: ANN201
        return self.client.post("/register", data={
            "username": username, "password": password, "confirm": password, "timezone": timezone})

    def login(self, username: str = "student", password: str = "correct horse"):  # noqa: ANN201
        return self.client.post("/login", data={"username": username, "password": password})

    def logout(self):  # noqa: ANN201
        return self.client.post("/logout")


@pytest.fixture
def auth(client: FlaskClient) -> AuthActions:
    return AuthActions(client)


STATE_ID = re.compile(r'name="state_id"[^>]*value="(\d+)"')
VERSION = re.compile(r'name="version"[^>]*value="(\d+)"')


def current_card(client: FlaskClient, slug: str = "kidney") -> tuple[int, int, str]:
    """Open the study page and return (state id, version, page html) of the card shown."""
    page = client.get(f"/study/{slug}").get_data(as_text=True)
    state, version = STATE_ID.search(page), VERSION.search(page)
    assert state and version, "no card on the study page"
    return int(state.group(1)), int(version.group(1)), page


def grade_current(client: FlaskClient, grade: int, slug: str = "kidney") -> int:
    state_id, version, _ = current_card(client, slug)
    response = client.post(f"/study/{slug}/answer",
                           data={"state_id": state_id, "version": version, "grade": grade, "answer_ms": 1500})
    assert response.status_code == 302, response.get_data(as_text=True)
    return state_id
