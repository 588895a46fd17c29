"""Importing decks: idempotent, all-or-nothing, and never at the cost of a student's progress."""

from __future__ import annotations

import shutil
from pathlib import Path

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from studyapp.core.content.deck_files import load_bundle
from studyapp.extensions import db
from studyapp.models import Card, CardState, Point, ReviewLog
from tests.conftest import DECKS_DIR, AuthActions, Clock, current_card, grade_current


def snapshot(app: Flask) -> dict[str, list[tuple]]:
    with app.app_context():
        return {
            "points": [tuple(r) for r in db.session.execute(select(
                Point.code, Point.record, Point.retired, Point.updated_at).order_by(Point.code))],
            "cards": [tuple(r) for r in db.session.execute(select(
                Card.key, Card.deck_id, Card.position, Card.retired).order_by(Card.key))],
        }


def copy_decks(tmp_path: Path) -> Path:
    target = tmp_path / "decks"
    shutil.copytree(DECKS_DIR, target)
    return target


def test_reimport_changes_nothing(app: Flask, runner) -> None:
    before = snapshot(app)
    result = runner.invoke(args=["decks", "import"])
    assert result.exit_code == 0, result.output
    assert "no changes" in result.output
    assert snapshot(app) == before


def test_edited_text_updates_cards_and_keeps_schedule(app: Flask, client: FlaskClient, auth: AuthActions,
                                                      tmp_path: Path) -> None:
    auth.register()
    grade_current(client, 5)  # KI-1's first card, the first new card of the deck
    with app.app_context():
        before = db.session.execute(select(CardState.repetitions, CardState.due_day, CardState.easiness_centi)
                                    .where(CardState.due_day.is_not(None))).all()
        log_rows = db.session.scalar(select(func.count()).select_from(ReviewLog))
    decks = copy_decks(tmp_path)
    kidney = decks / "kidney.toml"
    kidney.write_text(kidney.read_text(encoding="utf-8").replace(
        'code = "KI-1"\n', 'code = "KI-1"\n', 1).replace(
        'technique = "', 'technique = "EDITED. ', 1), encoding="utf-8")
    app.config["DECKS_DIR"] = decks
    result = app.test_cli_runner().invoke(args=["decks", "import"])
    assert result.exit_code == 0, result.output
    assert "updated 1 points" in result.output
    with app.app_context():
        after = db.session.execute(select(CardState.repetitions, CardState.due_day, CardState.easiness_centi)
                                   .where(CardState.due_day.is_not(None))).all()
        assert after == before
        assert db.session.scalar(select(func.count()).select_from(ReviewLog)) == log_rows
        record = db.session.scalar(select(Point.record).where(Point.code == "KI-1"))
        assert record["technique"].startswith("EDITED. ")
    # The card shows the new text.
    client.get("/study/kidney")  # the next card; reveal any KI-1 card through the API instead
    assert client.get("/api/v1/points/KI-1").get_json()["technique"].startswith("EDITED. ")


def test_removed_point_retires_its_cards_and_keeps_history(app: Flask, client: FlaskClient, auth: AuthActions,
                                                           clock: Clock, tmp_path: Path) -> None:
    bundle = load_bundle([DECKS_DIR])
    referenced = {related.code for point in bundle.points for related in point.related}
    code = next(p.code for p in bundle.points if p.channel == "KI" and p.code not in referenced)
    auth.register()
    current_card(client)  # opening the deck gives the student a state for each of its cards
    with app.app_context():
        state_id = db.session.scalar(select(CardState.id).join(CardState.card)
                                     .where(Card.key == f"{code}/name-location"))
        cards_of_point = db.session.scalar(select(func.count()).select_from(Card)
                                           .join(Card.point).where(Point.code == code))
    client.post("/study/kidney/answer", data={"state_id": state_id, "version": 0, "grade": 5})
    decks = copy_decks(tmp_path)
    kidney = decks / "kidney.toml"
    original = kidney.read_text(encoding="utf-8")
    start = original.index(f'[[points]]\ncode = "{code}"')
    end = original.index("[[points]]", start + 10)
    kidney.write_text(original[:start] + original[end:], encoding="utf-8")
    app.config["DECKS_DIR"] = decks
    runner = app.test_cli_runner()

    # `decks check` reports the gap in the standard set; import accepts it and retires the point.
    assert runner.invoke(args=["decks", "check"]).exit_code == 1
    removed = runner.invoke(args=["decks", "import"])
    assert removed.exit_code == 0, removed.output
    assert f"retired 1 points, {cards_of_point} cards" in removed.output
    with app.app_context():
        assert db.session.scalar(select(Point.retired).where(Point.code == code)) is True
        assert db.session.scalar(select(func.count()).select_from(ReviewLog)) == 1
        kept = db.session.get(CardState, state_id)
        assert (kept.repetitions, kept.interval) == (1, 1)
    clock.advance(days=1)
    assert _kidney_due(client) == 0  # the retired card no longer comes up
    assert client.get(f"/api/v1/points/{code}").status_code == 404

    # Putting the point back brings the same card, schedule and history back.
    kidney.write_text(original, encoding="utf-8")
    restored = runner.invoke(args=["decks", "import"])
    assert restored.exit_code == 0, restored.output
    assert f"updated 1 points, {cards_of_point} cards" in restored.output
    with app.app_context():
        back = db.session.get(CardState, state_id)
        assert not back.card.retired and (back.repetitions, back.interval) == (1, 1)
    assert state_id in _due_state_ids(client)


def _due_state_ids(client: FlaskClient) -> set[int]:
    """The state ids the study page shows, answering each with 5 until the deck is done."""
    seen = set()
    for _ in range(60):
        page = client.get("/study/kidney").get_data(as_text=True)
        if "done for today" in page:
            break
        state_id, version, _ = current_card(client)
        seen.add(state_id)
        client.post("/study/kidney/answer", data={"state_id": state_id, "version": version, "grade": 5})
    return seen


def _kidney_due(client: FlaskClient) -> int:
    page = client.get("/").get_data(as_text=True)
    row = page[page.index('/decks/kidney"'):]
    return int(row.split('data-label="Due">')[1].split("<")[0])


def test_broken_deck_imports_nothing(app: Flask, tmp_path: Path) -> None:
    before = snapshot(app)
    decks = copy_decks(tmp_path)
    kidney = decks / "kidney.toml"
    text = kidney.read_text(encoding="utf-8")
    # One good edit and one bad one in the same bundle: neither may land.
    text = text.replace('technique = "', 'technique = "EDITED. ', 1)
    text = text.replace('english = "Exchange Belief"', 'english = ""')
    kidney.write_text(text, encoding="utf-8")
    app.config["DECKS_DIR"] = decks
    result = app.test_cli_runner().invoke(args=["decks", "import"])
    assert result.exit_code == 1
    assert "KI-8: english: must not be empty" in result.output
    assert "nothing imported" in result.output
    assert snapshot(app) == before


def test_decks_check_exits_non_zero_on_error(app: Flask, tmp_path: Path) -> None:
    decks = copy_decks(tmp_path)
    ok = app.test_cli_runner().invoke(args=["decks", "check", str(decks)])
    assert ok.exit_code == 0, ok.output
    assert "OK" in ok.output
    kidney = decks / "kidney.toml"
    kidney.write_text(kidney.read_text(encoding="utf-8").replace('code = "KI-7"', 'code = "KI-77"'),
                      encoding="utf-8")
    bad = app.test_cli_runner().invoke(args=["decks", "check", str(decks)])
    assert bad.exit_code == 1
    assert "KI-77: code: KI has only 27 points" in bad.output


def test_studying_creates_states_only_for_the_student(app: Flask, client: FlaskClient, auth: AuthActions) -> None:
    auth.register()
    current_card(client)
    with app.app_context():
        kidney_cards = db.session.scalar(select(func.count()).select_from(Card).join(Card.deck)
                                         .where(Card.retired.is_(False), Card.deck.has(slug="kidney")))
        states = db.session.scalar(select(func.count()).select_from(CardState))
        assert states >= kidney_cards > 0


def test_commands_on_a_fresh_instance_say_what_to_run(app_factory, tmp_path: Path) -> None:
    """No tables yet: `decks import` and `backup` say in one line to run setup, without a traceback."""
    app = app_factory(SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'fresh.sqlite'}")
    runner = app.test_cli_runner()
    for args in (["decks", "import"], ["backup", "export", "mei", str(tmp_path / "b.json")]):
        result = runner.invoke(args=args)
        assert result.exit_code == 1, (args, result.output)
        assert isinstance(result.exception, SystemExit), result.exception
        lines = result.output.strip().splitlines()
        assert len(lines) == 1 and "flask --app studyapp setup" in lines[0], result.output
        assert "Traceback" not in result.output
    # After setup, the same import works.
    assert runner.invoke(args=["setup"]).exit_code == 0
    again = runner.invoke(args=["decks", "import"])
    assert again.exit_code == 0 and "no changes" in again.output, again.output
