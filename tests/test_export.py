"""Exports: the review log as CSV (the student's rows only) and the student's cards as an Anki
package, plus the export page."""

from __future__ import annotations

import csv
import html
import io
import json
import sqlite3
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import genanki
import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from studyapp.core.content.deck_files import PointRecord
from studyapp.core.scheduling import fsrs
from studyapp.extensions import db
from studyapp.models import Card, CardState, Point, ReviewLog, User
from studyapp.services.backup import CSV_COLUMNS, stable_id
from tests.conftest import AuthActions, Clock, choose_decks, grade_current


def test_export_page_offers_the_three_downloads_and_the_restore_form(client: FlaskClient,
                                                                      auth: AuthActions) -> None:
    assert client.get("/export").status_code == 302  # login first
    auth.register()
    page = client.get("/export").get_data(as_text=True)
    for link in ("/export/reviews.csv", "/export/backup.json.gz", "/export/anki.apkg"):
        assert f'href="{link}"' in page
    assert 'action="/export/restore"' in page and 'enctype="multipart/form-data"' in page
    assert "new cards" in page  # Anki does not take over the SM-2 schedule


# --- CSV -----------------------------------------------------------------------------------------

def test_review_log_csv_has_one_row_per_answer_of_this_student_only(
        app: Flask, client: FlaskClient, auth: AuthActions, clock: Clock) -> None:
    auth.register("other")
    choose_decks(client, "lung")
    for _ in range(4):
        grade_current(client, 5, "lung")
    auth.logout()
    auth.register("mei")
    client.post("/settings", data={"timezone": "UTC", "new_cards_per_day": 2, "reviews_per_day": 200})
    grade_current(client, 5)  # KI-1, new: met on its flashcard
    grade_current(client, 2)  # KI-1 found on the chart (its companion card), new, then re-drilled
    grade_current(client, 4)  # the re-drill (step 7 keeps the schedule)
    clock.advance(days=1)
    grade_current(client, 1)  # KI-1 reviewed and lapsed

    response = client.get("/export/reviews.csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"] == "attachment; filename=studyapp-mei-2026-03-03.reviews.csv"
    text = response.get_data(as_text=True)
    assert '"Wrong, felt easy once seen"' in text  # a comma in a field is quoted
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(rows[0]) == CSV_COLUMNS
    summary = [(r["study_day"], r["point"], r["card_kind"], r["grade"], r["grade_label"], r["review_kind"],
                r["interval_before"], r["interval_after"], r["easiness_before"], r["easiness_after"]) for r in rows]
    assert summary == [
        ("2026-03-02", "KI-1", "name-location", "5", "Perfect", "new", "0", "1", "2.50", "2.60"),
        ("2026-03-02", "KI-1", "quiz-locate", "2", "Wrong, felt easy once seen", "new", "0", "1", "2.50", "2.18"),
        ("2026-03-02", "KI-1", "quiz-locate", "4", "Correct, after a pause", "redrill", "1", "1", "2.18", "2.18"),
        ("2026-03-03", "KI-1", "name-location", "1", "Wrong, but familiar", "review", "1", "1", "2.60", "2.06"),
    ]
    # FSRS's view of the same answers: the rating, recall just before (none for a first answer) and after.
    assert [(r["rating"], r["rating_label"]) for r in rows] == [("4", "Easy"), ("1", "Again"), ("3", "Good"),
                                                                ("1", "Again")]
    assert [r["fsrs_recall_before"] for r in rows[:3]] == ["", "", "1.0000"]
    assert 0.5 < float(rows[3]["fsrs_recall_before"]) < 1
    assert float(rows[0]["fsrs_stability_after"]) == pytest.approx(fsrs.DEFAULT_PARAMETERS[3], abs=1e-4)
    assert all(1 <= float(r["fsrs_difficulty_after"]) <= 10 for r in rows)
    assert rows[0]["reviewed_at_utc"] == "2026-03-02T10:00:00Z"
    assert rows[0]["card"] == "KI-1/name-location" and rows[0]["deck"] == "kidney"
    assert rows[0]["answer_seconds"] == "1.5"  # conftest answers in 1500 ms
    assert not any(r["point"].startswith("LU") for r in rows)
    with app.app_context():
        mei = db.session.scalar(select(User).where(User.username == "mei"))
        theirs = db.session.scalars(select(ReviewLog).where(ReviewLog.user_id == mei.id)).all()
        assert len(rows) == len(theirs) == 4


def test_csv_of_a_student_without_reviews_is_just_the_header(client: FlaskClient, auth: AuthActions) -> None:
    auth.register()
    assert client.get("/export/reviews.csv").get_data(as_text=True) == ",".join(CSV_COLUMNS) + "\r\n"


# --- Anki ----------------------------------------------------------------------------------------

def open_collection(data: bytes, tmp_path: Path) -> sqlite3.Connection:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        assert "collection.anki2" in archive.namelist()
        path = tmp_path / "collection.anki2"
        path.write_bytes(archive.read("collection.anki2"))
    return sqlite3.connect(path)


def test_anki_package_holds_one_note_per_card_of_the_student(
        app: Flask, client: FlaskClient, auth: AuthActions, tmp_path: Path) -> None:
    auth.register("other")
    choose_decks(client, "lung")
    client.get("/")
    auth.logout()
    auth.register("mei")
    choose_decks(client, "kidney", "theme-xi-cleft", "theme-window-of-heaven")
    client.get("/")  # the deck list gives the student a state for every card of their decks
    grade_current(client, 5)

    response = client.get("/export/anki.apkg")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith("attachment; filename=studyapp-mei-")
    connection = open_collection(response.data, tmp_path)
    try:
        notes = connection.execute("SELECT guid, flds, tags FROM notes").fetchall()
        cards = connection.execute("SELECT count(*), sum(type), sum(queue) FROM cards").fetchone()
        decks = json.loads(connection.execute("SELECT decks FROM col").fetchone()[0])
        models = json.loads(connection.execute("SELECT models FROM col").fetchone()[0])
    finally:
        connection.close()

    with app.app_context():
        mei = db.session.scalar(select(User).where(User.username == "mei"))
        keys = db.session.scalars(select(Card.key).join(CardState).where(CardState.user_id == mei.id)).all()
        ki3 = PointRecord.from_dict(db.session.scalar(select(Point.record).where(Point.code == "KI-3")))
    assert len(notes) == len(keys) > 50
    assert {guid for guid, _, _ in notes} == {genanki.guid_for(key) for key in keys}
    assert cards == (len(keys), 0, 0)  # every card arrives new in Anki
    names = {deck["name"]: int(deck_id) for deck_id, deck in decks.items()}
    assert names["Acupoints::Kidney channel"] == stable_id("anki-deck", "kidney")
    assert names["Acupoints::Themes::Xi-cleft points"] == stable_id("anki-deck", "theme-xi-cleft")
    assert not any("Lung" in name for name in names)
    assert [model["name"] for model in models.values()] == ["Acupoint study card"]
    assert [f["name"] for f in next(iter(models.values()))["flds"]] == ["Front", "Back"]

    by_guid = {guid: (fields.split("\x1f"), tags.split()) for guid, fields, tags in notes}
    (front, back), tags = by_guid[genanki.guid_for("KI-3/name-location")]
    assert "Where is this point?" in front and "KI-3" in front
    assert html.escape(ki3.location, quote=False) in back
    assert "Cautions" in back and all(html.escape(c, quote=False) in back for c in ki3.cautions)
    assert all(f"<strong>{r.code}</strong>" in back for r in ki3.related)
    assert "href" not in front + back  # links would lead nowhere inside Anki
    assert tags == ["name-location", "kidney"]
    (front, _), _ = by_guid[genanki.guid_for("KI-3/location-name")]
    assert html.escape(ki3.nameless_location, quote=False) in front and "KI-3" not in front
    (front, back), _ = by_guid[genanki.guid_for("KI-3/quiz-relation")]  # a quiz card as a flashcard
    assert "Which point is it?" in front and "KI-3" not in front and "Cautions" in back
    (front, back), tags = by_guid[genanki.guid_for("theme-window-of-heaven:window-of-heaven/members")]
    assert "Name all 10 points of this group." in front
    assert back.count("<li>") == 10 and "ST-9" in back
    assert tags == ["members", "theme-window-of-heaven"]


def test_anki_ids_are_stable_across_exports(client: FlaskClient, auth: AuthActions, clock: Clock,
                                            tmp_path: Path) -> None:
    auth.register()
    client.get("/study/kidney")

    def ids(data: bytes) -> tuple[set[str], set[str], set[str]]:
        connection = open_collection(data, tmp_path)
        try:
            guids = {row[0] for row in connection.execute("SELECT guid FROM notes")}
            models = set(json.loads(connection.execute("SELECT models FROM col").fetchone()[0]))
            decks = set(json.loads(connection.execute("SELECT decks FROM col").fetchone()[0]))
        finally:
            connection.close()
        return guids, models, decks

    first = ids(client.get("/export/anki.apkg").data)
    clock.advance(days=3)
    assert ids(client.get("/export/anki.apkg").data) == first


def test_anki_text_is_escaped(app: Flask, client: FlaskClient, auth: AuthActions, tmp_path: Path) -> None:
    auth.register()
    client.get("/study/kidney")
    with app.app_context():
        point = db.session.scalar(select(Point).where(Point.code == "KI-1"))
        record = dict(point.record)
        record["cautions"] = [*record["cautions"], "Never <script>alert(1)</script> & co."]
        point.record = record
        point.updated_at = datetime.now(UTC)  # as an import marks a changed record
        db.session.commit()
    connection = open_collection(client.get("/export/anki.apkg").data, tmp_path)
    try:
        fields = connection.execute("SELECT flds FROM notes WHERE guid = ?",
                                    (genanki.guid_for("KI-1/name-location"),)).fetchone()[0]
    finally:
        connection.close()
    assert "Never &lt;script&gt;alert(1)&lt;/script&gt; &amp; co." in fields
    assert "<script>" not in fields


def test_anki_package_without_decks_is_still_valid(client: FlaskClient, auth: AuthActions, tmp_path: Path) -> None:
    auth.register()  # no deck chosen yet
    connection = open_collection(client.get("/export/anki.apkg").data, tmp_path)
    try:
        assert connection.execute("SELECT count(*) FROM notes").fetchone() == (0,)
    finally:
        connection.close()
