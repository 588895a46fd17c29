"""Studying: each answer is one transaction, answered once, and bad input changes nothing."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from studyapp.extensions import db
from studyapp.models import CardState, ReviewLog
from tests.conftest import AuthActions, current_card, grade_current


def count_log(app: Flask) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(ReviewLog)) or 0


def test_card_page_shows_front_then_back(client: FlaskClient, auth: AuthActions) -> None:
    auth.register()
    _, _, page = current_card(client)
    assert "Where is this point?" in page
    assert "KI-1" in page and "Yǒngquán" in page and "湧泉" in page
    assert 'id="back" class="back" hidden' in page
    shown = client.get("/study/kidney?show=1").get_data(as_text=True)
    assert 'id="back" class="back" >' in shown or 'id="back" class="back">' in shown
    assert "Cautions" in shown and "Blackout" in shown and "Perfect" in shown
    assert "no substitute" in shown.lower() or "does not replace a qualified practitioner" in shown


def test_double_submit_advances_the_card_once(app: Flask, client: FlaskClient, auth: AuthActions) -> None:
    auth.register()
    state_id, version, _ = current_card(client)
    form = {"state_id": state_id, "version": version, "grade": 5, "answer_ms": 900}
    first = client.post("/study/kidney/answer", data=form)
    second = client.post("/study/kidney/answer", data=form)
    assert first.status_code == second.status_code == 302
    assert count_log(app) == 1
    with app.app_context():
        state = db.session.get(CardState, state_id)
        assert (state.repetitions, state.interval, state.version) == (1, 1, 1)
    assert "already answered" in client.get("/study/kidney").get_data(as_text=True)


def test_answer_writes_state_and_log_together(app: Flask, client: FlaskClient, auth: AuthActions) -> None:
    auth.register()
    state_id = grade_current(client, 3)
    with app.app_context():
        state = db.session.get(CardState, state_id)
        log = db.session.scalar(select(ReviewLog))
        assert log.card_id == state.card_id and log.kind == "new" and log.grade == 3
        assert (log.prev_interval, log.new_interval) == (0, state.interval)
        assert (log.prev_easiness_centi, log.new_easiness_centi) == (250, state.easiness_centi) == (250, 236)
        assert log.new_due_day == state.due_day and log.answer_ms == 1500


def test_bad_grade_is_a_400_with_the_reason_and_changes_nothing(app: Flask, client: FlaskClient,
                                                                 auth: AuthActions) -> None:
    auth.register()
    state_id, version, _ = current_card(client)
    for grade in ("6", "-1", "five", ""):
        response = client.post("/study/kidney/answer",
                               data={"state_id": state_id, "version": version, "grade": grade})
        assert response.status_code == 400
        assert "grade" in response.get_data(as_text=True).lower()
    missing = client.post("/study/kidney/answer", data={"grade": 4})
    assert missing.status_code == 400
    assert count_log(app) == 0


def test_unknown_deck_is_404(client: FlaskClient, auth: AuthActions) -> None:
    auth.register()
    assert client.get("/study/no-such-deck").status_code == 404


def test_summary_after_the_last_card(client: FlaskClient, auth: AuthActions) -> None:
    auth.register()
    client.post("/settings", data={"timezone": "UTC", "new_cards_per_day": 3, "reviews_per_day": 200})
    grade_current(client, 5)
    grade_current(client, 1)  # a lapse: comes back today (step 7)
    grade_current(client, 4)
    grade_current(client, 5)  # the re-drill of the second card
    page = client.get("/study/kidney").get_data(as_text=True)
    assert "done for today" in page
    assert 'id="summary-answers">4<' in page and 'id="summary-studied">3<' in page  # 1 again-today repeat
    assert "1 again-today repeat" in page
    assert 'id="summary-correct">3<' in page
    assert 'id="summary-time">0 min 6 s<' in page  # 4 answers x 1.5 s
    assert 'id="summary-next">Tue 3 Mar<' in page


def test_settings_reject_bad_values_with_400(client: FlaskClient, auth: AuthActions) -> None:
    auth.register()
    bad = client.post("/settings", data={"timezone": "Mars/Olympus", "new_cards_per_day": "lots",
                                         "reviews_per_day": -5})
    assert bad.status_code == 400
    text = bad.get_data(as_text=True)
    assert "Unknown time zone" in text and "Choose 0 to 5000." in text
