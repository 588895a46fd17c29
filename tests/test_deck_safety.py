"""Deck files and retired points, safely: every field has a length limit, the Anki deck description
is escaped, an import is validated as the decks will be after it (the same with a folder named on the
command line or set as the decks folder), an answer to a card that left the decks is refused, and a
retired point keeps a page with the student's history."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from studyapp.core.content.deck_files import load_bundle
from studyapp.extensions import db
from studyapp.models import Card, CardState, Deck, Point, ReviewLog
from tests.conftest import DECKS_DIR, AuthActions, choose_decks, current_card


def copy_decks(tmp_path: Path) -> Path:
    target = tmp_path / "decks"
    shutil.copytree(DECKS_DIR, target)
    return target


def remove_point(path: Path, code: str) -> None:
    text = path.read_text(encoding="utf-8")
    start = text.index(f'[[points]]\ncode = "{code}"')
    end = text.find("[[points]]", start + 10)
    path.write_text(text[:start] + (text[end:] if end != -1 else ""), encoding="utf-8")


def snapshot(app: Flask) -> list[tuple[object, ...]]:
    with app.app_context():
        return [tuple(row) for row in db.session.execute(
            select(Point.code, Point.retired, Point.updated_at).order_by(Point.code))]


# --- field lengths --------------------------------------------------------------------------------

def test_a_huge_field_is_refused_naming_the_limit(app: Flask, runner, tmp_path: Path) -> None:
    decks = copy_decks(tmp_path)
    kidney = decks / "kidney.toml"
    text = kidney.read_text(encoding="utf-8")
    huge = "x" * 3_000_000
    text = text.replace('technique = "', f'technique = "{huge}', 1).replace(
        'english = "Exchange Belief"', f'english = "{"Exchange Belief " * 20}"')
    kidney.write_text(text, encoding="utf-8")
    check = runner.invoke(args=["decks", "check", str(decks)])
    assert check.exit_code == 1
    assert "KI-1: technique: 3,000,3" in check.output and "the limit is 2,000 characters" in check.output
    assert "KI-8: english: 319 characters; the limit is 200 characters" in check.output
    before = snapshot(app)
    imported = runner.invoke(args=["decks", "import", str(decks)])
    assert imported.exit_code == 1 and "nothing imported" in imported.output
    assert snapshot(app) == before


def test_lists_and_deck_headers_are_bounded_too(tmp_path: Path) -> None:
    decks = copy_decks(tmp_path)
    kidney = decks / "kidney.toml"
    text = kidney.read_text(encoding="utf-8")
    many = ", ".join(f'"use {n}"' for n in range(60))
    text = text.replace("functions = [", f"functions = [{many}, ", 1)
    text = text.replace('title = "', f'title = "{"K" * 300}', 1)
    kidney.write_text(text, encoding="utf-8")
    problems = [str(p) for p in load_bundle([decks], root=tmp_path).problems]
    assert "decks/kidney.toml: KI-1: functions: 6" in "\n".join(problems)
    assert any(p.startswith("decks/kidney.toml: KI-1: functions: ") and "the limit is 50 items" in p for p in problems)
    assert any(p.startswith("decks/kidney.toml: -: title: ") and "the limit is 200 characters" in p for p in problems)


def test_a_deck_file_too_large_is_not_even_parsed(tmp_path: Path) -> None:
    decks = copy_decks(tmp_path)
    (decks / "kidney.toml").write_text("# " + "x" * (5 * 1024 * 1024) + "\n", encoding="utf-8")
    problems = [str(p) for p in load_bundle([decks], root=tmp_path).problems]
    assert any(p.startswith("decks/kidney.toml: -: -: ") and "the limit is 4 MiB" in p for p in problems), problems


# --- the Anki deck description ----------------------------------------------------------------------

def test_the_anki_deck_description_is_escaped(app: Flask, client: FlaskClient, auth: AuthActions,
                                              tmp_path: Path) -> None:
    auth.register()
    choose_decks(client, "kidney")
    with app.app_context():
        deck = db.session.scalar(select(Deck).where(Deck.slug == "kidney"))
        deck.description = 'Kidney <img src=x onerror="alert(1)"> & co.'
        db.session.commit()
    path = tmp_path / "deck.apkg"
    path.write_bytes(client.get("/export/anki.apkg").data)
    import zipfile
    with zipfile.ZipFile(path) as archive:
        archive.extract("collection.anki2", tmp_path)
    connection = sqlite3.connect(tmp_path / "collection.anki2")
    try:
        decks = json.loads(connection.execute("SELECT decks FROM col").fetchone()[0])
    finally:
        connection.close()
    kidney = next(deck for deck in decks.values() if deck["name"] == "Acupoints::Kidney channel")
    assert kidney["desc"] == "Kidney &lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; co."


# --- an import is checked as the decks will be after it -------------------------------------------

def referenced_point() -> tuple[str, str]:
    """A Kidney point that a point of another deck names under `related` (and no position is
    measured from), and that point."""
    points = load_bundle([DECKS_DIR]).points
    measured_from = json.dumps([point.to_dict()["position"] for point in points])
    for point in points:
        for related in point.related:
            if (related.code.startswith("KI-") and not point.code.startswith("KI-")
                    and f'"{related.code}"' not in measured_from):
                return related.code, point.code
    raise AssertionError("no point outside Kidney relates to a Kidney point")


@pytest.mark.parametrize("how", ["named", "decks folder"])
def test_an_import_that_would_leave_related_points_dangling_is_refused(app: Flask, tmp_path: Path, how: str) -> None:
    code, referrer = referenced_point()
    decks = copy_decks(tmp_path)
    remove_point(decks / "kidney.toml", code)
    before = snapshot(app)
    if how == "named":
        result = app.test_cli_runner().invoke(args=["decks", "import", str(decks)])
    else:
        app.config["DECKS_DIR"] = decks
        result = app.test_cli_runner().invoke(args=["decks", "import"])
    assert result.exit_code == 1, result.output
    assert f"{referrer}: related[" in result.output and f"unknown point {code!r}" in result.output
    assert snapshot(app) == before
    with app.app_context():
        assert db.session.scalar(select(Point.retired).where(Point.code == code)) is False


def test_one_file_is_checked_against_the_decks_that_stay(app: Flask, tmp_path: Path) -> None:
    """One file resolves its related points and positions in the other decks (the positions crashed
    with a traceback before); and it may not drop a point those decks still name."""
    decks = copy_decks(tmp_path)
    for command in ("check", "import"):
        result = app.test_cli_runner().invoke(args=["decks", command, str(decks / "kidney.toml")])
        assert result.exit_code == 0 and result.exception is None, result.output
    code, referrer = referenced_point()
    remove_point(decks / "kidney.toml", code)
    before = snapshot(app)
    for command in ("check", "import"):
        alone = app.test_cli_runner().invoke(args=["decks", command, str(decks / "kidney.toml")])
        assert alone.exit_code == 1, alone.output
        assert f"{referrer}: related[" in alone.output and f"{code} would no longer be a point" in alone.output
    assert snapshot(app) == before


# --- answers to cards that left the decks -----------------------------------------------------------

def free_point() -> str:
    """A Kidney point no other point names under `related` or measures a position from: one the
    Kidney file can drop on its own."""
    points = load_bundle([DECKS_DIR]).points
    named = {related.code for point in points for related in point.related}
    measured_from = json.dumps([point.to_dict()["position"] for point in points])
    return next(point.code for point in points if point.code.startswith("KI-") and point.code not in named
                and f'"{point.code}"' not in measured_from)


def retire_point(app: Flask, tmp_path: Path, code: str) -> None:
    """Take `code` out of the Kidney file and import the decks folder."""
    decks = copy_decks(tmp_path)
    remove_point(decks / "kidney.toml", code)
    app.config["DECKS_DIR"] = decks
    result = app.test_cli_runner().invoke(args=["decks", "import"])
    assert result.exit_code == 0, result.output
    assert "retired 1 points" in result.output


def state_of(app: Flask, key: str) -> tuple[int, int]:
    with app.app_context():
        state = db.session.scalar(select(CardState).join(Card).where(Card.key == key))
        assert state is not None, key
        return state.id, state.version


def test_an_answer_from_a_tab_opened_before_the_point_was_retired_is_refused(
        app: Flask, client: FlaskClient, auth: AuthActions, tmp_path: Path) -> None:
    auth.register()
    current_card(client)  # the Kidney deck is open: a state for each of its cards
    code = free_point()
    state_id, version = state_of(app, f"{code}/name-location")
    retire_point(app, tmp_path, code)
    response = client.post("/study/kidney/answer", data={"state_id": state_id, "version": version, "grade": 5})
    assert response.status_code == 302
    assert "That card changed" in client.get(response.headers["Location"]).get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(ReviewLog)) == 0
        assert db.session.get(CardState, state_id).version == version


def test_a_quiz_answer_to_a_retired_point_is_refused(app: Flask, client: FlaskClient, auth: AuthActions,
                                                     tmp_path: Path) -> None:
    auth.register()
    current_card(client)
    code = free_point()
    state_id, version = state_of(app, f"{code}/quiz-which-point")
    retire_point(app, tmp_path, code)
    response = client.post("/study/kidney/quiz", data={"state_id": state_id, "version": version, "give_up": "1"})
    assert response.status_code == 302
    assert "That card changed" in client.get(response.headers["Location"]).get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(ReviewLog)) == 0


# --- a retired point's page ---------------------------------------------------------------------------

def test_a_retired_points_page_shows_the_history_with_a_notice(app: Flask, client: FlaskClient, auth: AuthActions,
                                                               tmp_path: Path) -> None:
    auth.register()
    current_card(client)
    code = free_point()
    first, version = state_of(app, f"{code}/name-location")
    answered = client.post("/study/kidney/answer", data={"state_id": first, "version": version, "grade": 5})
    assert answered.status_code == 302
    retire_point(app, tmp_path, code)
    for typed in (code, code.replace("-", "").lower()):
        response = client.get(f"/points/{typed}", follow_redirects=True)
        assert response.status_code == 200, typed
    page = response.get_data(as_text=True)
    assert "no longer in the decks" in page
    assert f'id="card-{first}"' in page and "Perfect" in page  # the answer, with its grade
    assert 'action="/points/' not in page  # no suspend or bury buttons for cards that cannot come up
    assert client.post(f"/points/{code}/suspend").status_code == 404
    # A point that never existed is still a 404.
    assert client.get("/points/KI-99").status_code == 404
