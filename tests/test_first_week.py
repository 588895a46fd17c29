"""A new student's first days: teaching order, the study header, undo only when there is an answer."""

from __future__ import annotations

import re
from pathlib import Path

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from studyapp.extensions import db
from studyapp.models import Card, CardState
from tests.conftest import AuthActions, choose_decks, current_card, grade_current


def kind_of(app: Flask, state_id: int) -> str:
    with app.app_context():
        return db.session.scalar(select(Card.kind).join(CardState, CardState.card_id == Card.id)
                                 .where(CardState.id == state_id))


def test_day_one_mixes_flashcards_and_location_quizzes(app: Flask, client: FlaskClient, auth: AuthActions) -> None:
    auth.register()
    choose_decks(client, "kidney")
    kinds = []
    for _ in range(20):
        state_id, _, _ = current_card(client)
        kinds.append(kind_of(app, state_id))
        grade_current(client, 5)
    assert kinds.count("name-location") == 10 and kinds.count("quiz-locate") == 10
    # each point is met first and found on the chart two new cards later
    assert kinds[:4] == ["name-location", "name-location", "name-location", "quiz-locate"]
    assert "done for today" in client.get("/study/kidney").get_data(as_text=True)


def test_the_study_header_says_what_its_counts_are(client: FlaskClient, auth: AuthActions) -> None:
    auth.register()
    page = client.get("/study/kidney").get_data(as_text=True)
    assert "<strong>0</strong> due" in page and "<strong>20</strong> new" in page
    assert "<strong>0</strong> again" in page


def test_undo_shows_once_there_is_an_answer_to_undo(client: FlaskClient, auth: AuthActions) -> None:
    auth.register()
    assert 'id="undo"' not in client.get("/study/kidney").get_data(as_text=True)
    grade_current(client, 5)
    assert 'id="undo"' in client.get("/study/kidney").get_data(as_text=True)
    client.post("/study/undo")
    assert 'id="undo"' not in client.get("/study/kidney").get_data(as_text=True)


def test_practice_says_it_takes_one_try(client: FlaskClient, auth: AuthActions) -> None:
    auth.register()
    page = client.get("/quiz/practice?kind=which-point&seed=1").get_data(as_text=True)
    assert "one try a question" in page and "second try" in page


def test_the_first_page_says_what_the_app_is_with_a_chart(client: FlaskClient) -> None:
    page = client.get("/").get_data(as_text=True)
    assert "Learn the acupoints where they are on the body" in page
    assert "How a day of study goes" in page and 'href="/register"' in page and 'href="/login"' in page
    assert 'class="m-target"' in page and 'class="m-click"' in page  # the picture: a click beside KI-8


def test_choosing_decks_is_grouped_sized_and_offers_a_start(client: FlaskClient, auth: AuthActions) -> None:
    auth.register()
    page = " ".join(client.get("/decks/choose").get_data(as_text=True).split())
    assert "New here? Start with one channel" in page
    assert page.count("<fieldset") == 3 and "The 14 channels" in page
    assert "11 points" in page  # the Lung channel's size
    assert "days of new cards" in page and "a day of study takes about 15 minutes" in page
    response = client.post("/decks/choose", data={"deck": "lung"})  # the one-click start
    assert response.status_code == 302
    decks = client.get("/").get_data(as_text=True)
    assert "Lung channel" in decks and "Kidney channel" not in decks
    assert "Start with one channel" not in client.get("/decks/choose").get_data(as_text=True)


def test_main_pages_have_one_h1_and_no_repeated_id(client: FlaskClient, auth: AuthActions) -> None:
    auth.register()
    choose_decks(client, "kidney")
    for url in ("/", "/decks/choose", "/decks/kidney", "/study/kidney", "/points/KI-8", "/progress", "/export",
                "/settings", "/quiz", "/quiz/practice?kind=which-point&seed=1",
                "/quiz/practice?kind=locate&channel=KI&seed=1"):
        page = client.get(url).get_data(as_text=True)
        assert page.count("<h1") == 1, url
        ids = re.findall(r'\sid="([^"]+)"', page)
        assert len(ids) == len(set(ids)), (url, sorted({i for i in ids if ids.count(i) > 1}))


def test_export_and_readme_agree_on_what_a_backup_of_a_year_weighs(client: FlaskClient, auth: AuthActions) -> None:
    auth.register()
    page = " ".join(client.get("/export").get_data(as_text=True).split())
    readme = " ".join((Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8").split())
    assert "more than 31 years of daily study" in page and "about 14 months" in page
    assert "a year is about 1.3 MB" in page and "a year is about 36 MB" in page
    assert "~36 MB of JSON and ~1.3 MB compressed" in readme and "about 14 months as plain JSON" in readme
