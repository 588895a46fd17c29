"""Accounts against an attacker: hidden passwords, sessions that end, throttled guessing, no timing hint
which usernames exist, a password policy, changing the password."""

from __future__ import annotations

import re
import statistics
import time
from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from studyapp.core.passwords import common_passwords, password_problems
from studyapp.extensions import db
from studyapp.models import User
from tests.conftest import AuthActions, Clock, user_id

INPUT = re.compile(r"<input[^>]*>")


def _inputs(page: str) -> dict[str, str]:
    """Each input's id -> its whole tag."""
    found = {}
    for tag in INPUT.findall(page):
        ident = re.search(r'id="([^"]+)"', tag)
        if ident:
            found[ident.group(1)] = tag
    return found


def test_password_inputs_are_password_fields_with_the_right_autocomplete(client: FlaskClient,
                                                                          auth: AuthActions) -> None:
    register = _inputs(client.get("/register").get_data(as_text=True))
    assert 'type="password"' in register["password"] and 'autocomplete="new-password"' in register["password"]
    assert 'type="password"' in register["confirm"] and 'autocomplete="new-password"' in register["confirm"]
    login = _inputs(client.get("/login").get_data(as_text=True))
    assert 'type="password"' in login["password"] and 'autocomplete="current-password"' in login["password"]
    assert '="None"' not in client.get("/register").get_data(as_text=True)
    assert '="None"' not in client.get("/login").get_data(as_text=True)
    auth.register()
    settings = client.get("/settings").get_data(as_text=True)
    assert '="None"' not in settings
    assert 'type="number"' in _inputs(settings)["new_cards_per_day"]


# --- sessions end at log-out and at a password change ----------------------------------------------

def copy_of(app: Flask, client: FlaskClient) -> FlaskClient:
    """A second browser holding a copy of `client`'s session cookie as it is now."""
    cookie = client.get_cookie("session")
    assert cookie is not None
    other = app.test_client()
    other.set_cookie("session", cookie.value)
    return other


def test_a_cookie_saved_before_logout_no_longer_opens_anything(app: Flask, client: FlaskClient,
                                                               auth: AuthActions) -> None:
    auth.register()
    saved = copy_of(app, client)
    elsewhere = app.test_client()  # the same student logged in on another device
    AuthActions(elsewhere).login()
    assert saved.get("/settings").status_code == 200 and elsewhere.get("/settings").status_code == 200
    auth.logout()
    for old in (saved, elsewhere, client):
        response = old.get("/settings")
        assert response.status_code == 302 and response.headers["Location"].startswith("/login"), response.status
        assert old.post("/study/undo").status_code == 302
    # Logging in again works, and makes a new session.
    assert auth.login().status_code == 302
    assert client.get("/settings").status_code == 200
    assert saved.get("/settings").status_code == 302


def test_a_session_naming_only_the_user_id_is_not_accepted(app: Flask, auth: AuthActions) -> None:
    """Cookies from before session tokens (or forged with the secret key but not the token) are out."""
    auth.register()
    forged = app.test_client()
    with forged.session_transaction() as session:
        session["_user_id"] = str(user_id(app))
    assert forged.get("/settings").status_code == 302
    with forged.session_transaction() as session:
        session["_user_id"] = f"{user_id(app)}:not-the-token"
    assert forged.get("/settings").status_code == 302


def change_password(client: FlaskClient, current: str, new: str, confirm: str | None = None) -> Any:
    return client.post("/settings/password", data={"current_password": current, "new_password": new,
                                                   "confirm_password": confirm if confirm is not None else new})


def test_changing_the_password_needs_the_current_one_and_ends_other_sessions(app: Flask, client: FlaskClient,
                                                                             auth: AuthActions) -> None:
    auth.register("mei", "correct horse")
    other_device = app.test_client()
    AuthActions(other_device).login("mei", "correct horse")
    saved = copy_of(app, client)

    wrong = change_password(client, "not my password", "battery staple glue")
    assert wrong.status_code == 400 and "That is not your current password." in wrong.get_data(as_text=True)
    common = change_password(client, "correct horse", "password1")
    assert common.status_code == 400 and "most common passwords" in common.get_data(as_text=True)
    differ = change_password(client, "correct horse", "battery staple glue", "battery staple")
    assert differ.status_code == 400 and "Passwords differ." in differ.get_data(as_text=True)
    assert other_device.get("/settings").status_code == 200  # nothing changed yet

    done = change_password(client, "correct horse", "battery staple glue")
    assert done.status_code == 302
    assert "Your password is changed" in client.get("/settings").get_data(as_text=True)  # still logged in here
    assert other_device.get("/settings").status_code == 302  # ... and nowhere else
    assert saved.get("/settings").status_code == 302
    fresh = AuthActions(app.test_client())
    assert fresh.login("mei", "correct horse").status_code == 400
    assert fresh.login("mei", "battery staple glue").status_code == 302


def test_the_settings_page_offers_the_password_change(client: FlaskClient, auth: AuthActions) -> None:
    auth.register()
    inputs = _inputs(client.get("/settings").get_data(as_text=True))
    assert 'autocomplete="current-password"' in inputs["current_password"]
    assert 'type="password"' in inputs["new_password"] and 'autocomplete="new-password"' in inputs["new_password"]
    assert 'type="password"' in inputs["confirm_password"]


# --- the password policy --------------------------------------------------------------------------

@pytest.mark.parametrize(("password", "reason"), [
    ("password", "most common passwords"), ("12345678", "most common passwords"),
    ("aaaaaaaa", "most common passwords"), ("Password1", "most common passwords"),
    ("mei-the-student", "must not contain your username"), ("MEI2026!x", "must not contain your username"),
    ("short", "at least 8 characters"),
])
def test_registration_refuses_weak_passwords_saying_why(app: Flask, auth: AuthActions, password: str,
                                                        reason: str) -> None:
    response = auth.register("mei", password)
    assert response.status_code == 400
    assert reason in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(User)) == 0


def test_the_policy_accepts_a_passphrase() -> None:
    assert password_problems("correct horse battery", "mei") == []
    assert password_problems("MEI is here", "mei") == ["The password must not contain your username."]
    assert "password" in common_passwords() and len(common_passwords()) > 8000


# --- login throttling ----------------------------------------------------------------------------

def test_failed_logins_are_throttled_per_account_even_for_the_right_password(
        app_factory: Callable[..., Flask], clock: Clock) -> None:
    app = app_factory(LOGIN_FAILURES_PER_ACCOUNT=5, LOGIN_FAILURE_WINDOW_SECONDS=300)
    client = app.test_client()
    AuthActions(client).register("mei")
    AuthActions(client).logout()
    for _ in range(5):
        assert AuthActions(client).login("mei", "wrong guess").status_code == 400
    clock.advance(seconds=10)
    blocked = AuthActions(client).login("mei", "correct horse")
    assert blocked.status_code == 429
    assert blocked.headers["Retry-After"] == "290"
    assert "Too many failed logins" in blocked.get_data(as_text=True)
    assert client.get("/settings").status_code == 302  # not logged in
    # Another worker of the same server counts the same failures (they are in the database).
    other_worker = app_factory(LOGIN_FAILURES_PER_ACCOUNT=5, LOGIN_FAILURE_WINDOW_SECONDS=300).test_client()
    assert AuthActions(other_worker).login("MEI", "correct horse").status_code == 429
    # Another student is not held up; once the window has passed, the right password works again.
    AuthActions(app.test_client()).register("lin", "lin's passphrase")
    clock.advance(seconds=290)
    assert AuthActions(client).login("mei", "correct horse").status_code == 302


def test_a_success_clears_the_account_and_unknown_names_are_throttled_alike(
        app_factory: Callable[..., Flask]) -> None:
    app = app_factory(LOGIN_FAILURES_PER_ACCOUNT=3)
    client = app.test_client()
    AuthActions(client).register("mei")
    AuthActions(client).logout()
    for _ in range(2):
        assert AuthActions(client).login("mei", "wrong guess").status_code == 400
    assert AuthActions(client).login("mei", "correct horse").status_code == 302
    AuthActions(client).logout()
    for _ in range(2):  # the count starts again after a success
        assert AuthActions(client).login("mei", "wrong guess").status_code == 400
    assert AuthActions(client).login("mei", "correct horse").status_code == 302
    # A name nobody has is answered as a real one: throttled after as many tries (no hint it is unknown).
    AuthActions(client).logout()
    statuses = [AuthActions(client).login("nobody-here", "wrong guess").status_code for _ in range(4)]
    assert statuses == [400, 400, 400, 429]


def test_failed_logins_are_throttled_per_address(app_factory: Callable[..., Flask]) -> None:
    app = app_factory(LOGIN_FAILURES_PER_ADDRESS=4, TRUSTED_PROXIES=1)
    client = app.test_client()
    AuthActions(client).register("mei")
    AuthActions(client).logout()
    attacker = {"X-Forwarded-For": "203.0.113.9"}
    statuses = [client.post("/login", data={"username": f"guess-{n}", "password": "wrong guess"},
                            headers=attacker).status_code for n in range(5)]
    assert statuses == [400, 400, 400, 400, 429]
    # The same address is refused for any account, the right password included ...
    refused = client.post("/login", data={"username": "mei", "password": "correct horse"}, headers=attacker)
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 0
    # ... while the student, from her own address (as the trusted proxy reports it), logs in.
    own = client.post("/login", data={"username": "mei", "password": "correct horse"},
                      headers={"X-Forwarded-For": "198.51.100.7"})
    assert own.status_code == 302


def test_changing_the_password_is_throttled_like_a_login(app_factory: Callable[..., Flask]) -> None:
    app = app_factory(LOGIN_FAILURES_PER_ACCOUNT=2)
    client = app.test_client()
    AuthActions(client).register("mei")
    assert change_password(client, "guess one", "battery staple glue").status_code == 400
    assert change_password(client, "guess two", "battery staple glue").status_code == 400
    blocked = change_password(client, "correct horse", "battery staple glue")
    assert blocked.status_code == 429 and "Retry-After" in blocked.headers


# --- no hint by timing which usernames exist ------------------------------------------------------

def test_unknown_and_known_usernames_take_the_same_time(app: Flask, client: FlaskClient, auth: AuthActions) -> None:
    auth.register("mei")
    auth.logout()
    auth.login("warm-up", "wrong guess")  # the stand-in hash is made once per process

    def seconds(username: str) -> float:
        started = time.perf_counter()
        assert auth.login(username, "wrong guess").status_code == 400
        return time.perf_counter() - started

    known, unknown = [], []
    for n in range(5):
        known.append(seconds("mei"))
        unknown.append(seconds(f"nobody-{n}"))
    ratio = statistics.median(unknown) / statistics.median(known)
    assert 0.5 < ratio < 2, (known, unknown)


# --- headers --------------------------------------------------------------------------------------

def test_a_students_pages_are_not_stored_by_caches(client: FlaskClient, auth: AuthActions) -> None:
    auth.register()
    for path in ("/", "/progress", "/settings", "/points/KI-8", "/export", "/study/kidney"):
        response = client.get(path)
        assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store", path
    assert "no-store" in client.get("/export/backup.json").headers["Cache-Control"]


def test_hsts_is_sent_when_cookies_are_secure(app_factory: Callable[..., Flask]) -> None:
    plain = app_factory().test_client().get("/login")
    assert "Strict-Transport-Security" not in plain.headers
    secure = app_factory(SESSION_COOKIE_SECURE=True).test_client().get("/login", base_url="https://localhost")
    assert secure.headers["Strict-Transport-Security"] == "max-age=31536000"
