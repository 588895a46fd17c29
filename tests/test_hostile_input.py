"""Input an attacker or a broken client sends gets a 4xx with the reason and changes nothing: deep
JSON, huge numbers, ids past what the database holds, dates past what Python holds."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from studyapp.core import backup_format as fmt
from studyapp.core import bounded_json
from studyapp.extensions import db
from studyapp.models import CardState, ReviewLog
from tests.conftest import AuthActions, current_card, grade_current

HUGE_IDS = (2**31, 2**63 - 1, 2**63, 2**64 + 5, 10**30)


def upload(client: FlaskClient, data: bytes, name: str = "backup.json") -> Any:
    return client.post("/export/restore", data={"backup": (io.BytesIO(data), name)},
                       content_type="multipart/form-data")


def backup_text(client: FlaskClient) -> dict[str, Any]:
    response = client.get("/export/backup.json")
    assert response.status_code == 200
    return json.loads(response.data)


def counts(app: Flask) -> tuple[int, int]:
    with app.app_context():
        return (db.session.scalar(select(func.count()).select_from(ReviewLog)) or 0,
                db.session.scalar(select(func.count()).select_from(CardState)) or 0)


# --- deep and long JSON ---------------------------------------------------------------------------

@pytest.mark.parametrize("body", ["[" * 1000, '{"a":' * 1000 + "1" + "}" * 1000, "[" * 60_000,
                                  '{"kind": "which-point", "seed": "1", "choice": ' + "9" * 5000 + "}"])
def test_api_quiz_answer_refuses_deep_or_huge_json_with_a_reason(client: FlaskClient, body: str) -> None:
    response = client.post("/api/v1/quiz", data=body, content_type="application/json")
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert "nested more than" in error or "digits" in error


def test_api_refuses_a_large_body(client: FlaskClient) -> None:
    response = client.post("/api/v1/quiz", data=json.dumps({"kind": "which-point", "seed": "x" * 200_000}),
                           content_type="application/json")
    assert response.status_code == 413
    assert "error" in response.get_json()


def test_the_bounded_parser_sees_through_strings() -> None:
    # Brackets and digits inside strings are text, not structure; escaped quotes do not end a string.
    text = json.dumps({"a": "[[[[" * 50 + '\\" ]]' + "1" * 200, "b": [[1, 2], {"c": "}}}"}]})
    assert bounded_json.loads(text) == json.loads(text)
    # Closing brackets inside a string cannot hide real nesting.
    sneaky = '["' + "]" * 60 + '", ' + "[" * 40 + "]" * 40 + "]"
    with pytest.raises(bounded_json.JSONLimitError, match="nested more than 32 levels"):
        bounded_json.loads(sneaky)


def test_restore_refuses_deep_json_and_huge_numbers(app: Flask, client: FlaskClient, auth: AuthActions) -> None:
    auth.register()
    current_card(client)  # the deck is chosen: card states exist, no reviews
    before = counts(app)
    deep = upload(client, b"[" * 1000)
    assert deep.status_code == 400 and "nested more than" in deep.get_data(as_text=True)
    document = backup_text(client)
    raw = json.dumps(document).replace('"new_cards_per_day": 20', '"new_cards_per_day": ' + "7" * 5000)
    assert raw.count("7" * 5000) == 1
    huge = upload(client, raw.encode())
    assert huge.status_code == 400 and "5000 digits" in huge.get_data(as_text=True)
    assert counts(app) == before


@pytest.mark.parametrize("exported_at", ["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00"])
def test_restore_refuses_moments_python_cannot_hold(client: FlaskClient, auth: AuthActions, exported_at: str) -> None:
    auth.register()
    document = backup_text(client)
    document["exported_at"] = exported_at
    response = upload(client, json.dumps(document).encode())
    assert response.status_code == 400
    assert "exported_at" in response.get_data(as_text=True)


@pytest.mark.parametrize("exported_at", ["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00"])
def test_format_names_a_moment_out_of_range(exported_at: str) -> None:
    document = fmt.to_data(fmt.Backup(exported_at=datetime(2026, 3, 2, tzinfo=UTC),
                                      user=fmt.UserSettings("mei", "UTC", 20, 200), decks=(), cards=(), reviews=()))
    document["exported_at"] = exported_at
    with pytest.raises(fmt.BackupError) as error:
        fmt.from_data(document)
    assert [problem.split(":")[0] for problem in error.value.problems] == ["exported_at"]


# --- ids past what the database holds -------------------------------------------------------------

@pytest.mark.parametrize("huge", HUGE_IDS)
def test_ids_past_the_database_range_are_refused(app: Flask, client: FlaskClient, auth: AuthActions,
                                                 huge: int) -> None:
    auth.register()
    grade_current(client, 5)
    state_id, version, _ = current_card(client)
    before = counts(app)
    assert client.post(f"/progress/suspended/{huge}/unsuspend").status_code == 404
    for path in ("/study/kidney/answer", "/study/kidney/quiz"):
        for fields in ({"state_id": huge, "version": version}, {"state_id": state_id, "version": huge}):
            response = client.post(path, data={**fields, "grade": 5, "choice": 1, "answer_ms": 10})
            assert response.status_code == 400, (path, fields)
            assert "Bad answer" in response.get_data(as_text=True)
        response = client.post(path, data={"state_id": state_id, "version": version, "grade": 5, "choice": 1,
                                           "answer_ms": huge})
        assert response.status_code == 400, (path, "answer_ms")
    assert client.post("/points/KI-1/suspend", data={"state_id": huge}).status_code == 400
    assert counts(app) == before


# --- characters the database cannot hold ------------------------------------------------------------

@pytest.mark.parametrize(("method", "path", "data"), [
    ("GET", "/study/%00", None), ("GET", "/points/KI%008", None), ("GET", "/api/v1/points/%00", None),
    ("GET", "/points?q=%00", None), ("POST", "/login", {"username": "mei\x00", "password": "x" * 9}),
    ("POST", "/register", {"username": "mei", "password": "pass\x00word!", "confirm": "pass\x00word!"}),
])
def test_a_nul_character_anywhere_is_refused(client: FlaskClient, method: str, path: str,
                                             data: dict[str, str] | None) -> None:
    """PostgreSQL cannot compare text holding NUL: it is refused before any look-up, on every database."""
    response = client.open(path, method=method, data=data)
    assert response.status_code == 400
    assert "NUL character" in response.get_data(as_text=True)
