"""Accounts: hashed passwords, sessions, CSRF, and students who never see each other's data."""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from studyapp.extensions import db
from studyapp.models import CardState, User
from tests.conftest import AuthActions, current_card, grade_current


def test_register_login_logout(app: Flask, client: FlaskClient, auth: AuthActions) -> None:
    landing = client.get("/")  # a newcomer sees what the app is, and the way in
    assert landing.status_code == 200 and b"Create an account" in landing.data and b"<svg" in landing.data
    assert client.get("/progress").status_code == 302  # a student's pages need a login
    response = auth.register("mei", "a long password")
    assert response.status_code == 302 and response.headers["Location"] == "/"
    with app.app_context():
        user = db.session.scalar(select(User).where(User.username == "mei"))
        assert user.password_hash != "a long password"
        assert user.password_hash.startswith(("scrypt:", "pbkdf2:"))
    assert b"Your decks" in client.get("/").data
    auth.logout()
    assert b"Create an account" in client.get("/").data and client.get("/progress").status_code == 302
    assert auth.login("mei", "wrong password").status_code == 400
    assert auth.login("MEI", "a long password").status_code == 302


def test_register_rejects_duplicates_and_bad_input(auth: AuthActions) -> None:
    auth.register("mei")
    auth.logout()
    taken = auth.register("Mei")
    assert taken.status_code == 400 and "taken" in taken.get_data(as_text=True)
    short = auth.register("x", "short")
    assert short.status_code == 400
    bad_zone = auth.register("lin", timezone="Nowhere/City")
    assert bad_zone.status_code == 400 and "Unknown time zone" in bad_zone.get_data(as_text=True)


def test_login_does_not_redirect_off_site(client: FlaskClient, auth: AuthActions) -> None:
    auth.register("mei")
    auth.logout()
    response = client.post("/login?next=https://evil.example/", data={"username": "mei", "password": "correct horse"})
    assert response.headers["Location"] == "/"


def test_students_cannot_see_or_answer_each_others_cards(app: Flask) -> None:
    alice, bob = app.test_client(), app.test_client()
    AuthActions(alice).register("alice")
    AuthActions(bob).register("bob")
    for _ in range(3):
        grade_current(alice, 5)
    alice_state, alice_version, _ = current_card(alice)
    # Bob's queue is untouched by Alice's work ...
    bob_state, _, _ = current_card(bob)
    assert bob_state != alice_state
    assert 'class="num new" data-label="New">20<' in bob.get("/").get_data(as_text=True)
    # ... and he cannot answer her card, by id, in any deck.
    forged = bob.post("/study/kidney/answer",
                      data={"state_id": alice_state, "version": alice_version, "grade": 0})
    assert forged.status_code == 404
    with app.app_context():
        state = db.session.get(CardState, alice_state)
        assert state.version == alice_version  # unchanged


def test_forged_form_without_csrf_token_is_rejected(app_factory: Callable[..., Flask]) -> None:
    app = app_factory(WTF_CSRF_ENABLED=True)
    client = app.test_client()
    response = client.post("/register", data={"username": "eve", "password": "correct horse",
                                              "confirm": "correct horse"})
    assert response.status_code == 400
    assert "CSRF" in response.get_data(as_text=True) or "form expired" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(User)) is None
    # The same form with the token from the page works.
    page = client.get("/register").get_data(as_text=True)
    token = page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    ok = client.post("/register", data={"username": "eve", "password": "correct horse",
                                        "confirm": "correct horse", "csrf_token": token})
    assert ok.status_code == 302
    # A grade button without its token is refused too.
    state_id, version, _ = current_card(client)
    forged = client.post("/study/kidney/answer", data={"state_id": state_id, "version": version, "grade": 5})
    assert forged.status_code == 400


def test_session_cookie_is_httponly_and_samesite(client: FlaskClient, auth: AuthActions) -> None:
    response = auth.register("mei")
    cookie = next(h for h in response.headers.getlist("Set-Cookie") if h.startswith("session="))
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_output_is_escaped(client: FlaskClient, auth: AuthActions) -> None:
    response = auth.register("<b>x</b>")
    assert response.status_code == 400  # not a valid username
    page = response.get_data(as_text=True)
    assert "<b>x</b>" not in page and "&lt;b&gt;x&lt;/b&gt;" in page
