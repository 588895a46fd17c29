"""The JSON backup: a student's whole progress survives backup -> fresh instance -> restore (the
next 30 days of queues and the review log are identical), and a restore that cannot be complete
writes nothing."""

from __future__ import annotations

import gzip
import io
import json
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from flask_migrate import upgrade
from sqlalchemy import func, select, text

from studyapp.core import backup_format as fmt
from studyapp.core.content.deck_files import load_bundle
from studyapp.export import cli as backup_cli
from studyapp.extensions import db
from studyapp.models import Card, CardState, Deck, ReviewDay, ReviewLog, User, UserDeck
from studyapp.services import backup as backup_service
from studyapp.services.backup import REVIEW_COLUMNS, STATE_COLUMNS, restore_backup
from studyapp.services.card_actions import bury, set_suspended
from studyapp.services.day_plan import plan_for_deck, today_for
from studyapp.services.deck_import import import_bundle
from tests.conftest import DECKS_DIR, START, STATE_ID, AuthActions, Clock, Databases, choose_decks, make_app

DECKS = ("kidney", "theme-xi-cleft")
# Mixed grades: passes, lapses (below 3 on a review) and step-7 re-drills (below 4).
GRADES = (5, 4, 2, 5, 3, 1, 4, 5, 0, 4, 5, 3, 4, 2, 5)


# --- helpers ------------------------------------------------------------------------------------

def study_deck(client: FlaskClient, slug: str, grades: Iterator[int], limit: int = 40) -> int:
    """Answer the deck's queue until it is empty (or `limit` answers). Returns how many answers."""
    answered = 0
    while answered < limit:
        page = client.get(f"/study/{slug}").get_data(as_text=True)
        found = STATE_ID.search(page)
        if found is None:
            break
        version = page.split('name="version"')[1].split('value="')[1].split('"')[0]
        response = client.post(f"/study/{slug}/answer", data={
            "state_id": found.group(1), "version": version, "grade": next(grades), "answer_ms": 1000 + answered})
        assert response.status_code == 302, response.get_data(as_text=True)
        answered += 1
    return answered


def cycle(values: tuple[int, ...]) -> Iterator[int]:
    while True:
        yield from values


def student(username: str) -> User:
    user = db.session.scalar(select(User).where(User.username == username))
    assert user is not None
    return user


def queues(app: Flask, username: str, days: int = 30) -> dict[str, list[tuple[list[str], ...]]]:
    """For each chosen deck, the queue of each of the next `days` study days, by card key:
    (reviews, new cards, re-drills). plan_for_deck only reads."""
    with app.app_context():
        user = student(username)
        keys = dict(db.session.execute(
            select(CardState.id, Card.key).join(Card).where(CardState.user_id == user.id)).all())
        decks = db.session.scalars(select(Deck).join(UserDeck, UserDeck.deck_id == Deck.id)
                                   .where(UserDeck.user_id == user.id).order_by(Deck.slug)).all()
        today = today_for(user, app.config["CLOCK"]())
        result = {}
        for deck in decks:
            plans = [plan_for_deck(user, deck, today + timedelta(days=n)) for n in range(days)]
            result[deck.slug] = [tuple([keys[i] for i in part] for part in (p.reviews, p.new, p.redrills))
                                 for p in plans]
        return result


def progress(app: Flask, username: str) -> dict[str, Any]:
    """Everything a backup must carry, by card key and deck slug (no database ids)."""
    with app.app_context():
        user = student(username)
        states = db.session.execute(
            select(Card.key, *(getattr(CardState, n) for n in STATE_COLUMNS))
            .join(Card).where(CardState.user_id == user.id).order_by(CardState.id)).all()
        log = db.session.execute(
            select(Card.key, *(getattr(ReviewLog, n) for n in REVIEW_COLUMNS))
            .join(Card).where(ReviewLog.user_id == user.id).order_by(ReviewLog.id)).all()
        days = db.session.execute(select(ReviewDay).where(ReviewDay.user_id == user.id)
                                  .order_by(ReviewDay.study_day)).scalars()
        decks = db.session.scalars(select(Deck.slug).join(UserDeck, UserDeck.deck_id == Deck.id)
                                   .where(UserDeck.user_id == user.id).order_by(Deck.slug)).all()
        return {
            "settings": (user.timezone, user.new_cards_per_day, user.reviews_per_day, user.scheduler,
                         user.desired_retention, user.fsrs_parameters),
            "decks": list(decks),
            "states": [tuple(row) for row in states],
            "log": [tuple(row) for row in log],
            "days": [(day.study_day, day.answers, day.redrills, day.reviews, day.mature_passed, day.mature_total,
                      day.young_passed, day.young_total, day.answer_ms) for day in days],
        }


@pytest.fixture
def fresh_instance(databases: Databases, clock: Clock, tmp_path: Any) -> Iterator[Flask]:
    """A second instance on its own new database: migrated, then the decks imported, after an old
    deck was there first, so its deck, card and (later) user ids all differ from the first one's."""
    name = f"fresh_{uuid.uuid4().hex[:12]}"
    if databases.admin is None:
        url = f"sqlite:///{tmp_path / (name + '.sqlite')}"
    else:
        with databases.admin.connect() as connection:
            connection.execute(text(f"CREATE DATABASE {name}"))
        url = databases.admin.url.set(database=name).render_as_string(hide_password=False)
    app = make_app(url, CLOCK=clock)
    with app.app_context():
        upgrade()
        old = Deck(slug="old-notes", title="Old notes", kind="extra", description="", position=0)
        db.session.add(old)
        db.session.flush()
        db.session.add_all(Card(key=f"old-notes:{n}", kind="members", deck_id=old.id) for n in range(7))
        db.session.commit()
        import_bundle(load_bundle([DECKS_DIR]), START, retire_missing_decks=True)
    yield app
    with app.app_context():
        db.engine.dispose()
    if databases.admin is not None:
        databases.drop(url)


def upload(client: FlaskClient, data: bytes, name: str = "backup.json.gz") -> Any:
    return client.post("/export/restore", data={"backup": (io.BytesIO(data), name)},
                       content_type="multipart/form-data")


def studied_backup(client: FlaskClient, auth: AuthActions, clock: Clock, username: str = "mei") -> bytes:
    """A student who studied two days; returns their backup (.json.gz) as downloaded."""
    auth.register(username)
    choose_decks(client, "kidney")
    grades = cycle(GRADES)
    study_deck(client, "kidney", grades, limit=12)
    clock.advance(days=1)
    study_deck(client, "kidney", grades, limit=12)
    response = client.get("/export/backup.json.gz")
    assert response.status_code == 200
    return response.data


def edit_backup(data: bytes, change: Any) -> bytes:
    document = json.loads(gzip.decompress(data))
    change(document)
    return json.dumps(document).encode()


# --- the round trip ------------------------------------------------------------------------------

def test_backup_restore_in_a_fresh_instance_gives_the_same_next_30_days(
        app: Flask, client: FlaskClient, auth: AuthActions, clock: Clock, fresh_instance: Flask) -> None:
    # Another student first, so ids in the two instances differ.
    auth.register("early-bird")
    study_deck(client, "kidney", cycle((5, 4)), limit=5)
    auth.logout()

    auth.register("mei", timezone="Europe/Berlin")
    client.post("/settings", data={"timezone": "Europe/Berlin", "new_cards_per_day": 5, "reviews_per_day": 12})
    choose_decks(client, *DECKS)
    grades = cycle(GRADES)
    for day in range(7):
        for slug in DECKS:
            study_deck(client, slug, grades)
        clock.advance(days=1, hours=1 if day % 2 else -1, minutes=17)
    # Today's study is half done: a re-drill is pending, one card is buried, one is suspended.
    study_deck(client, "kidney", cycle((4, 5, 2)), limit=3)
    with app.app_context():
        user = student("mei")
        states = db.session.scalars(select(CardState).join(Card).where(
            CardState.user_id == user.id, Card.key.in_(["KI-3/name-location", "KI-4/name-location"]))).all()
        set_suspended(user, True, state_id=states[0].id)
        bury(user, today_for(user, clock()), state_id=states[1].id)
        assert db.session.scalar(select(func.count()).select_from(ReviewLog).where(
            ReviewLog.user_id == user.id, ReviewLog.kind == "review", ReviewLog.grade < 3)), "no lapse yet"
        assert db.session.scalar(select(func.count()).select_from(CardState).where(
            CardState.user_id == user.id, CardState.redrill_day == today_for(user, clock()))), "no re-drill"
    client.get("/")  # the deck list enrolls every chosen deck's cards, as a student's visit would
    before_queues = queues(app, "mei")
    before = progress(app, "mei")
    assert sum(len(day[0]) + len(day[1]) + len(day[2]) for day in before_queues["kidney"]) > 30
    backup = client.get("/export/backup.json.gz")
    assert backup.status_code == 200
    assert "attachment" in backup.headers["Content-Disposition"]

    # The fresh instance: a new account, which looked at a deck (so it has states) but never answered.
    fresh = fresh_instance.test_client()
    fresh_auth = AuthActions(fresh)
    fresh_auth.register("someone-else")
    study_deck(fresh, "lung", cycle((5,)), limit=3)
    fresh_auth.logout()
    fresh_auth.register("mei")
    fresh.get("/study/liver")
    response = upload(fresh, backup.data)
    assert response.status_code == 302, response.get_data(as_text=True)
    assert "Restored" in fresh.get("/").get_data(as_text=True)

    assert queues(fresh_instance, "mei") == before_queues
    after = progress(fresh_instance, "mei")
    assert after == before
    assert len(after["log"]) > 100 and len(after["days"]) == 8
    # And the backup of the restored account holds the same progress, byte for byte.
    again = fresh.get("/export/backup.json").data
    original = json.loads(gzip.decompress(backup.data))
    assert json.loads(again) == original
    # Both instances show the same card next.
    assert _next_card(app, client) == _next_card(fresh_instance, fresh)


def rate_deck(client: FlaskClient, slug: str, ratings: Iterator[int], limit: int = 40) -> int:
    """Answer the deck's queue with FSRS ratings (keys 1-4) until it is empty (or `limit` answers)."""
    answered = 0
    while answered < limit:
        page = client.get(f"/study/{slug}").get_data(as_text=True)
        found = STATE_ID.search(page)
        if found is None:
            break
        version = page.split('name="version"')[1].split('value="')[1].split('"')[0]
        response = client.post(f"/study/{slug}/answer", data={
            "state_id": found.group(1), "version": version, "rating": next(ratings), "answer_ms": 1200})
        assert response.status_code == 302, response.get_data(as_text=True)
        answered += 1
    return answered


def test_fsrs_mode_survives_backup_and_restore_with_the_same_next_30_days(
        app: Flask, client: FlaskClient, auth: AuthActions, clock: Clock, fresh_instance: Flask) -> None:
    """A student on FSRS, with their own parameters and retention 0.85: after a restore elsewhere the
    next 30 days of FSRS queues, every card's SM-2 and FSRS state and the log are the same."""
    auth.register("mei", timezone="Asia/Tokyo")
    client.post("/settings", data={"new_cards_per_day": 6, "scheduler": "fsrs", "desired_retention": "0.85"})
    with app.app_context():
        student("mei").fsrs_parameters = list(FITTED)
        db.session.commit()
    choose_decks(client, *DECKS)
    ratings = cycle((3, 3, 1, 4, 2, 3, 3))
    for _ in range(8):
        for slug in DECKS:
            rate_deck(client, slug, ratings)
        clock.advance(days=1, minutes=31)
    rate_deck(client, "kidney", cycle((1, 3)), limit=2)  # today half done: an Again waits for its re-drill
    client.get("/")
    before_queues, before = queues(app, "mei"), progress(app, "mei")
    assert before["settings"][3:] == ("fsrs", 0.85, list(FITTED))
    assert all(state[STATE_COLUMNS.index("fsrs_stability") + 1] is not None
               for state in before["states"] if state[STATE_COLUMNS.index("due_day") + 1] is not None)
    assert sum(len(day[0]) for day in before_queues["kidney"]) > 20
    backup = client.get("/export/backup.json.gz")

    fresh = fresh_instance.test_client()
    AuthActions(fresh).register("mei")
    assert upload(fresh, backup.data).status_code == 302
    assert queues(fresh_instance, "mei") == before_queues
    assert progress(fresh_instance, "mei") == before
    assert _next_card(app, client) == _next_card(fresh_instance, fresh)
    assert 'name="rating"' in fresh.get("/study/kidney?show=1").get_data(as_text=True)


def test_a_version_1_backup_restores_with_fsrs_states_rebuilt_from_its_log(
        app: Flask, client: FlaskClient, auth: AuthActions, clock: Clock, fresh_instance: Flask) -> None:
    """A backup written before FSRS has no FSRS state: the restore replays the log, which gives every
    card the state its answers gave it here, so the restored account's backup is the same file."""
    backup = studied_backup(client, auth, clock)
    original = json.loads(gzip.decompress(backup))

    def as_version_1(document: dict[str, Any]) -> None:
        document["version"] = 1
        for name in ("scheduler", "desired_retention", "fsrs_parameters"):
            del document["user"][name]
        for card in document["cards"]:
            for name in ("fsrs_stability", "fsrs_difficulty", "fsrs_last_day", "fsrs_due_day"):
                del card[name]
        for review in document["reviews"]:
            del review["rating"]

    old = edit_backup(backup, as_version_1)
    assert b"fsrs" not in old and b"rating" not in old
    fresh = fresh_instance.test_client()
    AuthActions(fresh).register("mei")
    assert upload(fresh, old, "old.json").status_code == 302
    assert json.loads(fresh.get("/export/backup.json").data) == original
    assert progress(fresh_instance, "mei") == progress(app, "mei")


def _next_card(app: Flask, client: FlaskClient) -> str:
    page = client.get("/study/kidney").get_data(as_text=True)
    found = STATE_ID.search(page)
    assert found is not None
    with app.app_context():
        return db.session.scalar(select(Card.key).join(CardState).where(CardState.id == int(found.group(1))))


# --- refusals: nothing is written -----------------------------------------------------------------

def test_restore_refuses_an_account_that_has_reviews(
        app: Flask, client: FlaskClient, auth: AuthActions, clock: Clock) -> None:
    data = studied_backup(client, auth, clock)
    auth.logout()
    auth.register("late")
    client.post("/settings", data={"timezone": "Asia/Tokyo", "new_cards_per_day": 3, "reviews_per_day": 50})
    study_deck(client, "kidney", cycle((5,)), limit=1)
    before = progress(app, "late")

    response = upload(client, data)
    assert response.status_code == 400
    assert "already has 1 review" in response.get_data(as_text=True)
    assert progress(app, "late") == before


def test_malformed_backup_names_the_bad_entries_and_writes_nothing(
        app: Flask, client: FlaskClient, auth: AuthActions, clock: Clock) -> None:
    data = studied_backup(client, auth, clock)
    auth.logout()
    auth.register("next")
    client.get("/study/kidney")  # has card states, no reviews
    before = progress(app, "next")

    def break_it(document: dict[str, Any]) -> None:
        document["cards"][12]["due_day"] = "2026-02-30"
        document["reviews"][3]["grade"] = 7
        document["reviews"][4]["reviewed_at"] = "2026-03-02T10:00:00"  # no time zone
        document["reviews"][5]["shoe_size"] = 41

    response = upload(client, edit_backup(data, break_it), "backup.json")
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "nothing was changed" in page
    assert "cards[12].due_day: not a date (YYYY-MM-DD)" in page
    assert "reviews[3].grade: 7 is outside 0..5" in page
    assert "reviews[4].reviewed_at: a date and time needs its UTC offset" in page
    assert "reviews[5].shoe_size: unknown field" in page
    assert progress(app, "next") == before

    not_json = upload(client, b"\x1f\x8b this is not gzip at all")
    assert not_json.status_code == 400 and "not a readable gzip file" in not_json.get_data(as_text=True)
    assert progress(app, "next") == before


def test_unknown_card_keys_are_refused_with_their_list(
        app: Flask, client: FlaskClient, auth: AuthActions, clock: Clock) -> None:
    data = studied_backup(client, auth, clock)
    auth.logout()
    auth.register("next")
    before = progress(app, "next")

    def rename(document: dict[str, Any]) -> None:
        renamed = {document["cards"][0]["key"]: "XX-1/name-location", document["cards"][1]["key"]: "XX-2/name-location"}
        for card in document["cards"][:2]:
            card["key"] = renamed[card["key"]]
        for review in document["reviews"]:
            review["card"] = renamed.get(review["card"], review["card"])

    response = upload(client, edit_backup(data, rename), "backup.json")
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "2 card(s) of the backup are not in this server" in page
    assert "XX-1/name-location" in page and "XX-2/name-location" in page
    assert progress(app, "next") == before


def test_a_failure_midway_writes_nothing(app: Flask, client: FlaskClient, auth: AuthActions, clock: Clock,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    backup = fmt.read_backup(studied_backup(client, auth, clock))
    auth.logout()
    auth.register("next")
    client.get("/study/kidney")
    before = progress(app, "next")
    real_insert = backup_service.insert

    def failing_insert(model: Any) -> Any:
        if model is ReviewLog:  # states and decks are written by now
            raise RuntimeError("disk full")
        return real_insert(model)

    monkeypatch.setattr(backup_service, "insert", failing_insert)
    with app.app_context(), pytest.raises(RuntimeError, match="disk full"):
        restore_backup(student("next"), backup)
    assert progress(app, "next") == before


def test_restore_form_needs_its_csrf_token(app_factory: Any, clock: Clock) -> None:
    app = app_factory(WTF_CSRF_ENABLED=True)
    client = app.test_client()
    page = client.get("/register").get_data(as_text=True)
    token = page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    client.post("/register", data={"username": "mei", "password": "correct horse",
                                   "confirm": "correct horse", "csrf_token": token})
    choose = client.get("/decks/choose").get_data(as_text=True)
    token = choose.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    client.post("/decks/choose", data={"deck": ["kidney"], "csrf_token": token})
    with app.app_context():
        user = student("mei")
        backup = backup_service.export_backup(user, clock())
    data = fmt.write_backup(backup, compress=False)

    forged = upload(client, data, "backup.json")
    assert forged.status_code == 400
    assert "form expired" in forged.get_data(as_text=True)
    page = client.get("/export").get_data(as_text=True)
    token = page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    ok = client.post("/export/restore", data={"backup": (io.BytesIO(data), "backup.json"), "csrf_token": token},
                     content_type="multipart/form-data")
    assert ok.status_code == 302


def test_a_file_over_the_upload_limit_points_to_the_command(app_factory: Any) -> None:
    app = app_factory(MAX_CONTENT_LENGTH=4096)
    client = app.test_client()
    AuthActions(client).register()
    response = upload(client, b"x" * 10_000, "backup.json")
    assert response.status_code == 413
    assert "flask --app studyapp backup restore" in response.get_data(as_text=True)


def test_the_restore_form_wants_a_file(client: FlaskClient, auth: AuthActions) -> None:
    auth.register()
    response = client.post("/export/restore", data={}, content_type="multipart/form-data")
    assert response.status_code == 400
    assert "Choose the backup file to restore." in response.get_data(as_text=True)


# --- the command line ----------------------------------------------------------------------------

def test_cli_export_then_restore(app: Flask, client: FlaskClient, auth: AuthActions, clock: Clock,
                                 tmp_path: Any) -> None:
    if "backup" not in app.cli.commands:  # until studyapp/cli.py registers it
        backup_cli.register(app)
    runner = app.test_cli_runner()
    studied_backup(client, auth, clock)
    auth.logout()
    auth.register("twin")
    path = tmp_path / "mei.json.gz"

    result = runner.invoke(args=["backup", "export", "mei", str(path)])
    assert result.exit_code == 0, result.output
    assert "review(s)" in result.output and path.read_bytes().startswith(fmt.GZIP_MAGIC)
    result = runner.invoke(args=["backup", "restore", "twin", str(path)])
    assert result.exit_code == 0, result.output
    assert progress(app, "twin") == progress(app, "mei")

    again = runner.invoke(args=["backup", "restore", "twin", str(path)])
    assert again.exit_code == 1 and "already has" in again.output
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "studyapp-backup", "version": 1}')
    result = runner.invoke(args=["backup", "restore", "mei", str(broken)])
    assert result.exit_code == 1 and "exported_at: missing" in result.output
    assert runner.invoke(args=["backup", "export", "nobody", str(path)]).exit_code == 1


# --- the format (pure) ---------------------------------------------------------------------------

def sample_backup() -> fmt.Backup:
    moment = datetime(2026, 3, 2, 10, 0, 1, 123456, tzinfo=UTC)
    day = date(2026, 3, 2)
    return fmt.Backup(
        exported_at=moment,
        user=fmt.UserSettings("mei", "Europe/Berlin", 20, 200, "fsrs", 0.85, FITTED),
        decks=("kidney",),
        cards=(
            fmt.CardProgress("KI-1/name-location", 1, 236, 1, day + timedelta(days=1), 0, day, moment, False, None,
                             1.4871938228607178, 5.213497161865234, day, day + timedelta(days=2)),
            fmt.CardProgress("KI-2/name-location", 0, 250, 0, None, 0, None, None, True, day),
        ),
        reviews=(
            fmt.Review("KI-1/name-location", moment, day, "new", 3, 2500, 0, 250, 0, None, 0, None, None, False,
                       1, 236, 1, day + timedelta(days=1), 2),
            fmt.Review("KI-1/name-location", moment + timedelta(minutes=3), day, "redrill", 4, 900, 1, 236, 1,
                       day + timedelta(days=1), None, None, None, None, 1, 236, 1, day + timedelta(days=1), 3),
        ),
    )


# Parameters as the optimizer fitted them once (21, each in its range).
FITTED = (0.077, 1.712, 2.764, 7.303, 6.146, 0.816, 3.039, 0.001, 2.101, 0.173, 1.038, 1.469, 0.049, 0.289,
          1.679, 0.645, 1.728, 0.545, 0.094, 0.066, 0.325)


@pytest.mark.parametrize("compress", [False, True])
def test_format_round_trip_is_exact(compress: bool) -> None:
    backup = sample_backup()
    raw = fmt.write_backup(backup, compress=compress)
    assert fmt.read_backup(raw) == backup
    assert fmt.write_backup(backup, compress=compress) == raw  # no time stamp in the gzip header
    document = json.loads(gzip.decompress(raw) if compress else raw)
    assert document["format"] == "studyapp-backup" and document["version"] == 2
    assert document["reviews"][0]["reviewed_at"] == "2026-03-02T10:00:01.123456Z"
    assert document["cards"][1]["due_day"] is None


def test_format_reads_other_offsets_as_utc() -> None:
    data = fmt.to_data(sample_backup())
    data["reviews"][0]["reviewed_at"] = "2026-03-02T11:00:01.123456+01:00"
    assert fmt.from_data(data).reviews[0].reviewed_at == sample_backup().reviews[0].reviewed_at


def problems_of(change: Any) -> list[str]:
    data = fmt.to_data(sample_backup())
    change(data)
    with pytest.raises(fmt.BackupError) as error:
        fmt.from_data(data)
    return error.value.problems


def test_format_problems_name_the_entry() -> None:
    def change(data: dict[str, Any]) -> None:
        data["cards"][1]["interval"] = True
        data["cards"][0]["easiness_centi"] = 100
        del data["cards"][0]["lapses"]
        data["reviews"][1]["kind"] = "cram"
        data["reviews"][1]["study_day"] = "2026-3-2"
        data["reviews"][0]["prev_suspended"] = "no"
        data["user"]["timezone"] = "Mars/Olympus"

    assert problems_of(change) == [
        "user.timezone: unknown time zone 'Mars/Olympus'",
        "cards[0].easiness_centi: 100 is outside 130..10000",
        "cards[0].lapses: missing",
        "cards[1].interval: not a whole number (true)",
        "reviews[0].prev_suspended: not true or false ('no')",
        "reviews[1].study_day: not a date (YYYY-MM-DD) ('2026-3-2')",
        "reviews[1].kind: not one of new, review, redrill ('cram')",
    ]


def test_format_problems_of_fsrs_name_the_entry() -> None:
    def change(data: dict[str, Any]) -> None:
        data["user"]["scheduler"] = "anki"
        data["user"]["desired_retention"] = 0.99
        data["user"]["fsrs_parameters"] = [0.5] * 21
        data["cards"][0]["fsrs_due_day"] = None
        data["cards"][1]["fsrs_difficulty"] = 11
        data["reviews"][0]["rating"] = 3
        data["reviews"][1]["rating"] = "Good"

    assert problems_of(change) == [
        "user.scheduler: not one of sm2, fsrs ('anki')",
        "user.desired_retention: 0.99 is outside 0.7..0.97",
        "user.fsrs_parameters: parameter w4 = 0.5 is outside 1.0..10.0",
        "cards[0]: fsrs_stability, fsrs_difficulty, fsrs_last_day and fsrs_due_day go together: all set, or all null",
        "cards[1].fsrs_difficulty: 11 is outside 1..10",
        "reviews[0].rating: 3 does not go with grade 3 (expected 2, Hard)",
        "reviews[1].rating: not a whole number ('Good')",
    ]


def test_format_reads_version_1_without_fsrs() -> None:
    data = fmt.to_data(sample_backup())
    data["version"] = 1
    for name in ("scheduler", "desired_retention", "fsrs_parameters"):
        del data["user"][name]
    for card in data["cards"]:
        for name in ("fsrs_stability", "fsrs_difficulty", "fsrs_last_day", "fsrs_due_day"):
            del card[name]
    for review in data["reviews"]:
        del review["rating"]
    backup = fmt.from_data(data)
    assert backup.version == 1
    assert (backup.user.scheduler, backup.user.desired_retention, backup.user.fsrs_parameters) == ("sm2", 0.9, None)
    assert backup.cards[0].fsrs_stability is None
    assert [review.rating for review in backup.reviews] == [2, 3]  # from the grades, 3 and 4
    data["cards"][0]["fsrs_stability"] = 2.0  # a version 1 file has no such field
    with pytest.raises(fmt.BackupError, match=r"cards\[0\]\.fsrs_stability: unknown field"):
        fmt.from_data(data)


def test_format_checks_that_reviews_and_cards_agree() -> None:
    def change(data: dict[str, Any]) -> None:
        data["cards"][1]["key"] = data["cards"][0]["key"]
        data["reviews"].append({**data["reviews"][0], "card": "LU-1/functions"})

    assert problems_of(change) == [
        "cards[1].key: card 'KI-1/name-location' is listed twice",
        "reviews[2].card: card 'LU-1/functions' has no entry in cards",
    ]


def test_format_refuses_other_files() -> None:
    def refused(raw: bytes, **options: Any) -> str:
        with pytest.raises(fmt.BackupError) as error:
            fmt.read_backup(raw, **options)
        return str(error.value)

    assert "not JSON (line 1" in refused(b"{nope")
    assert "not UTF-8" in refused(b"\xff\xfe{}")
    assert "not a studyapp backup" in refused(b'{"format": "anki"}')
    assert "newer studyapp" in refused(b'{"format": "studyapp-backup", "version": 3}')
    complete = fmt.write_backup(sample_backup(), compress=True)
    assert "cut short" in refused(complete[: len(complete) // 2])
    bomb = gzip.compress(b" " * 5_000_000)
    assert "once uncompressed" in refused(bomb, max_json_bytes=1_000_000)
