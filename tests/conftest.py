"""Fixtures: every test gets its own SQLite database, copied from one migrated and imported
template, a controllable clock, a client and a runner (as in Flask's tutorial)."""

from __future__ import annotations

import re
import shutil
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner
from flask_migrate import upgrade
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from studyapp import create_app
from studyapp.config import PROJECT_ROOT
from studyapp.core.content.deck_files import PointRecord as Point
from studyapp.core.content.deck_files import load_bundle
from studyapp.extensions import db
from studyapp.models import User
from studyapp.services.deck_import import import_bundle

pytest_plugins = ["tests.browser"]  # the browser fixtures: live_app, browser, page, phone, desktop

DECKS_DIR = PROJECT_ROOT / "decks"
# The standard names of the 361 channel points (facts: code, pinyin, hanzi), kept in the repository.
REFERENCE = PROJECT_ROOT / "tests" / "data" / "standard-point-names.tsv"
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


def make_app(database_url: str, **config: Any) -> Flask:
    return create_app({
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "SQLALCHEMY_DATABASE_URI": database_url,
        "WTF_CSRF_ENABLED": False,
        "DECKS_DIR": DECKS_DIR,
        **config,
    })


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--postgres", metavar="URL", default=None,
                     help="run against PostgreSQL: an admin URL such as "
                          "postgresql+psycopg://postgres@127.0.0.1:54329/postgres")


@lru_cache(maxsize=1)
def bundled_points() -> dict[str, Point]:
    """Every point of decks/, by code, loaded once per test run (the files must have no problems)."""
    bundle = load_bundle([DECKS_DIR])
    assert not bundle.problems, "\n".join(map(str, bundle.problems[:20]))
    return {point.code: point for point in bundle.points}


class Databases:
    """Hands each test a fresh database cloned from one migrated and imported template."""

    def __init__(self, workdir: Path, postgres_url: str | None) -> None:
        self.workdir = workdir
        self.admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT") if postgres_url else None
        self.template = self._url("studyapp_template")
        if self.admin is not None:
            with self.admin.connect() as connection:
                connection.execute(text("DROP DATABASE IF EXISTS studyapp_template WITH (FORCE)"))
                connection.execute(text("CREATE DATABASE studyapp_template"))
        app = make_app(self.template)
        with app.app_context():
            upgrade()
            bundle = load_bundle([DECKS_DIR])
            assert not bundle.problems, "\n".join(map(str, bundle.problems[:20]))
            import_bundle(bundle, START, retire_missing_decks=True)
            db.engine.dispose()

    def _url(self, name: str) -> str:
        if self.admin is None:
            return f"sqlite:///{self.workdir / (name + '.sqlite')}"
        return self.admin.url.set(database=name).render_as_string(hide_password=False)

    def clone(self) -> str:
        name = f"test_{uuid.uuid4().hex[:12]}"
        if self.admin is None:
            shutil.copy(self.workdir / "studyapp_template.sqlite", self.workdir / f"{name}.sqlite")
        else:
            with self.admin.connect() as connection:
                connection.execute(text(f"CREATE DATABASE {name} TEMPLATE studyapp_template"))
        return self._url(name)

    def drop(self, url: str) -> None:
        name = make_url(url).database or ""
        if self.admin is None:
            Path(name).unlink(missing_ok=True)
        else:
            with self.admin.connect() as connection:
                connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))


@pytest.fixture(scope="session")
def databases(tmp_path_factory: pytest.TempPathFactory, pytestconfig: pytest.Config) -> Iterator[Databases]:
    pool = Databases(tmp_path_factory.mktemp("databases"), pytestconfig.getoption("--postgres"))
    yield pool
    if pool.admin is not None:
        pool.drop(pool.template)
        pool.admin.dispose()


@pytest.fixture
def clock() -> Clock:
    return Clock(START)


@pytest.fixture
def database(databases: Databases) -> Iterator[str]:
    """The URL of a fresh database for this test."""
    url = databases.clone()
    yield url
    databases.drop(url)


@pytest.fixture
def app_factory(database: str, clock: Clock) -> Iterator[Callable[..., Flask]]:
    """Make apps on this test's database (with config overrides); their engines close at teardown."""
    made: list[Flask] = []

    def factory(**config: Any) -> Flask:
        app = make_app(database, **{"CLOCK": clock, **config})
        made.append(app)
        return app

    yield factory
    for app in made:
        with app.app_context():
            db.engine.dispose()


@pytest.fixture
def app(app_factory: Callable[..., Flask]) -> Flask:
    return app_factory()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner(app: Flask) -> FlaskCliRunner:
    return app.test_cli_runner()


class AuthActions:
    def __init__(self, client: FlaskClient) -> None:
        self.client = client

    def register(self, username: str = "student", password: str = "correct horse", timezone: str = "UTC"):
        return self.client.post("/register", data={
            "username": username, "password": password, "confirm": password, "timezone": timezone})

    def login(self, username: str = "student", password: str = "correct horse"):
        return self.client.post("/login", data={"username": username, "password": password})

    def logout(self):
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


def choose_decks(client: FlaskClient, *slugs: str) -> None:
    response = client.post("/decks/choose", data={"deck": list(slugs)})
    assert response.status_code == 302, response.get_data(as_text=True)


def grade_current(client: FlaskClient, grade: int, slug: str = "kidney", answer_ms: int = 1500) -> int:
    state_id, version, _ = current_card(client, slug)
    response = client.post(f"/study/{slug}/answer",
                           data={"state_id": state_id, "version": version, "grade": grade, "answer_ms": answer_ms})
    assert response.status_code == 302, response.get_data(as_text=True)
    return state_id


def deck_counts(client: FlaskClient, slug: str = "kidney") -> tuple[int, int]:
    """(due, new) of a deck as the deck list shows them."""
    page = client.get("/").get_data(as_text=True)
    row = page[page.index(f'/decks/{slug}"'):]
    due = int(row.split('class="num due" data-label="Due">')[1].split("<")[0])
    new = int(row.split('class="num new" data-label="New">')[1].split("<")[0])
    return due, new


def user_id(app: Flask, username: str = "student") -> int:
    with app.app_context():
        found = db.session.scalar(select(User.id).where(User.username == username))
        assert found is not None, username
        return found


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """The body-chart audit's figures, after every run: how far the drawing strays from the
    distances the locations state (tests/test_body_charts.py holds it within 0.1 cun)."""
    from studyapp.core.body.charts import Charts

    charts = Charts.build({code: point.position for code, point in bundled_points().items()})
    terminalreporter.write_line(
        f"body charts: {len(charts.placed)} points on {len(charts.views)} views, {len(charts.drift)} stated "
        f"distances, largest drift {charts.largest_drift:.3f} cun")
