"""Theme decks built from categories, the decks a student chooses, and the upgrade that added them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from flask import Flask
from flask.testing import FlaskClient
from flask_migrate import upgrade
from sqlalchemy import func, select, text

from studyapp.core.content.card_kinds import cards_for_theme
from studyapp.core.content.deck_files import load_bundle
from studyapp.extensions import db
from studyapp.models import Card, CardState, Deck, ReviewLog, UserDeck
from tests.conftest import DECKS_DIR, AuthActions, choose_decks, current_card, grade_current


def theme(slug: str):  # type: ignore[no-untyped-def]
    bundle = load_bundle([DECKS_DIR])
    return next(d for d in bundle.decks if d.slug == slug), bundle.points


def test_theme_cards_come_from_categories_not_copied_records() -> None:
    deck, points = theme("theme-xi-cleft")
    specs = cards_for_theme(deck, points)
    members = {s.point_code for s in specs if s.kind == "categories"}
    assert len(members) == 16 and {"KI-5", "KI-8", "KI-9", "BL-59", "GB-35"} <= members
    which = {s.point_code: s.subject for s in specs if s.kind == "which-point"}
    assert which["KI-8"] == "xi-cleft" and len(which) == 16
    assert not [s for s in specs if s.kind == "members"]  # 16 qualified members: asked one by one


def test_five_shu_theme_asks_each_point_with_its_channel() -> None:
    deck, points = theme("theme-five-shu")
    specs = cards_for_theme(deck, points)
    assert len({s.point_code for s in specs if s.kind == "categories"}) == 60
    assert len([s for s in specs if s.kind == "which-point"]) == 60


def test_small_unqualified_groups_get_a_name_them_all_card() -> None:
    deck, points = theme("theme-pregnancy")
    kinds = [(s.kind, s.subject) for s in cards_for_theme(deck, points)]
    assert ("members", "pregnancy-caution") in kinds
    assert len([k for k in kinds if k[0] == "categories"]) == 5


def test_studying_a_theme_deck_asks_which_point(client: FlaskClient, auth: AuthActions) -> None:
    auth.register()
    choose_decks(client, "theme-xi-cleft")
    _, _, page = current_card(client, "theme-xi-cleft")
    assert "Which categories does this point belong to?" in page
    for _ in range(16):  # the categories card of every member comes first
        grade_current(client, 5, "theme-xi-cleft")
    page = client.get("/study/theme-xi-cleft").get_data(as_text=True)
    assert "done for today" in page  # 16 new cards: the which-point siblings wait for another day


def test_a_new_student_has_no_decks_until_they_choose(client: FlaskClient, auth: AuthActions) -> None:
    auth.register()
    page = client.get("/").get_data(as_text=True)
    assert "You have not chosen any decks yet" in page
    form = client.get("/decks/choose").get_data(as_text=True)
    for group in ("The 14 channels", "The extra points", "Themes: points gathered by category"):
        assert f"<legend>{group}</legend>" in form
    choose_decks(client, "kidney", "theme-yuan-source")
    page = client.get("/").get_data(as_text=True)
    assert "Kidney channel" in page and "Yuan-source points" in page and "Lung channel" not in page


def test_choosing_an_unknown_deck_is_a_400_and_changes_nothing(app: Flask, client: FlaskClient,
                                                               auth: AuthActions) -> None:
    auth.register()
    choose_decks(client, "kidney")
    response = client.post("/decks/choose", data={"deck": ["kidney", "no-such-deck"]})
    assert response.status_code == 400 and "no-such-deck" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(UserDeck)) == 1


def test_dropping_a_deck_keeps_its_history_and_schedule(app: Flask, client: FlaskClient, auth: AuthActions) -> None:
    auth.register()
    choose_decks(client, "kidney")
    state_id = grade_current(client, 5)
    choose_decks(client, "lung")
    assert "Kidney channel" not in client.get("/").get_data(as_text=True)
    choose_decks(client, "lung", "kidney")
    with app.app_context():
        state = db.session.get(CardState, state_id)
        assert state is not None and (state.repetitions, state.interval) == (1, 1)
        assert db.session.scalar(select(func.count()).select_from(ReviewLog)) == 1


def test_upgrade_keeps_reviews_and_chooses_the_decks_already_studied(
        app_factory: Callable[..., Flask], tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A student who studied KI-8 under schema 0001 keeps every review of it after the upgrade."""
    app = app_factory(SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'old.sqlite'}")
    with app.app_context():
        upgrade(revision="0001")
        db.session.execute(text(
            "INSERT INTO decks (id, slug, title, kind, channel, description, position, retired) "
            "VALUES (1, 'kidney', 'Kidney channel', 'channel', 'KI', '', 0, 0)"))
        db.session.execute(text(
            "INSERT INTO points (id, code, channel, pinyin, hanzi, english, deck_id, sort_key, record, retired, "
            "updated_at) VALUES (1, 'KI-8', 'KI', 'Jiāoxìn', '交信', 'x', 1, 0, '{}', 0, '2026-01-01 00:00:00')"))
        db.session.execute(text(
            "INSERT INTO cards (id, key, kind, deck_id, point_id, position, retired) "
            "VALUES (1, 'KI-8/name-location', 'name-location', 1, 1, 0, 0)"))
        db.session.execute(text(
            "INSERT INTO users (id, username, password_hash, timezone, new_cards_per_day, reviews_per_day, "
            "created_at) VALUES (1, 'old', 'x', 'UTC', 20, 200, '2026-01-01 00:00:00')"))
        db.session.execute(text(
            "INSERT INTO card_states (id, user_id, card_id, repetitions, easiness_centi, interval, due_day, "
            "lapses, version) VALUES (1, 1, 1, 2, 260, 6, '2026-03-08', 0, 2)"))
        db.session.execute(text(
            "INSERT INTO review_log (user_id, card_id, reviewed_at, study_day, kind, grade, answer_ms, "
            "prev_repetitions, prev_easiness_centi, prev_interval, new_repetitions, new_easiness_centi, "
            "new_interval, new_due_day) VALUES (1, 1, '2026-03-02 10:00:00', '2026-03-02', 'review', 5, 900, "
            "1, 250, 1, 2, 260, 6, '2026-03-08')"))
        db.session.commit()
        upgrade()
        state = db.session.get(CardState, 1)
        assert state is not None and (state.interval, state.due_day) == (6, date(2026, 3, 8))
        assert db.session.scalar(select(func.count()).select_from(ReviewLog)) == 1
        assert db.session.scalars(select(UserDeck.deck_id).where(UserDeck.user_id == 1)).all() == [1]
        assert db.session.scalar(select(Deck.categories).where(Deck.id == 1)) is None
        assert db.session.scalar(select(Card.subject).where(Card.id == 1)) is None
        db.engine.dispose()
