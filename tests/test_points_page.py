"""The point page (record plus the student's own history, suspend and bury) and browsing points."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select, update

from studyapp.extensions import db
from studyapp.models import Card, CardState, Deck, Point, User
from studyapp.services.day_plan import plan_for_deck, today_for
from tests.conftest import AuthActions, Clock, choose_decks, current_card, grade_current, user_id

CSRF_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')
RESULT_CODES = re.compile(r'<li class="result" data-code="([^"]+)"')


def start(client: FlaskClient, auth: AuthActions, username: str = "alice", timezone: str = "UTC") -> None:
    """Register, choose the Kidney deck and open it (which gives the student its cards)."""
    auth.register(username, timezone=timezone)
    choose_decks(client, "kidney")
    assert client.get("/study/kidney").status_code == 200


def states_of(app: Flask, username: str, code: str) -> list[CardState]:
    """The student's states of one point's cards, detached for reading."""
    with app.app_context():
        rows = db.session.scalars(
            select(CardState).join(Card, Card.id == CardState.card_id).join(Point, Point.id == Card.point_id)
            .where(CardState.user_id == user_id(app, username), Point.code == code).order_by(CardState.id)
        ).all()
        db.session.expunge_all()
        return list(rows)


def queued_points(app: Flask, username: str, slug: str = "kidney") -> set[str]:
    """The codes of the points with a card in the student's queue for today (services.day_plan.plan_for_deck)."""
    with app.app_context():
        user = db.session.scalar(select(User).where(User.username == username))
        deck = db.session.scalar(select(Deck).where(Deck.slug == slug))
        assert user is not None and deck is not None
        plan = plan_for_deck(user, deck, today_for(user, app.config["CLOCK"]()))
        return set(db.session.scalars(
            select(Point.code).join(Card, Card.point_id == Point.id).join(CardState, CardState.card_id == Card.id)
            .where(CardState.id.in_(plan.queue))))


def queued_states(app: Flask, username: str, slug: str = "kidney") -> set[int]:
    with app.app_context():
        user = db.session.scalar(select(User).where(User.username == username))
        deck = db.session.scalar(select(Deck).where(Deck.slug == slug))
        assert user is not None and deck is not None
        return set(plan_for_deck(user, deck, today_for(user, app.config["CLOCK"]())).queue)


def page_of(client: FlaskClient, code: str) -> str:
    response = client.get(f"/points/{code}")
    assert response.status_code == 200, response.status_code
    return response.get_data(as_text=True)


def result_codes(client: FlaskClient, query: str) -> list[str]:
    response = client.get(f"/points?{query}")
    assert response.status_code == 200, response.get_data(as_text=True)
    return RESULT_CODES.findall(response.get_data(as_text=True))


# --- the point page ---------------------------------------------------------------------------------


def test_point_pages_need_a_login(client: FlaskClient) -> None:
    for path in ("/points/KI-8", "/points"):
        response = client.get(path)
        assert response.status_code == 302 and "/login" in response.headers["Location"]


@pytest.mark.parametrize(("typed", "canonical"), [
    ("KI8", "KI-8"), ("ki%208", "KI-8"), ("K8", "KI-8"), ("KID-8", "KI-8"), ("ki-8", "KI-8"), ("KI-08", "KI-8"),
    ("SJ5", "TE-5"), ("DU20", "GV-20"), ("exhn3", "EX-HN3"), ("jiaoxin", "KI-8"),
])
def test_lenient_codes_redirect_to_the_canonical_page(client: FlaskClient, auth: AuthActions,
                                                      typed: str, canonical: str) -> None:
    auth.register()
    response = client.get(f"/points/{typed}")
    assert response.status_code == 301
    assert response.headers["Location"].endswith(f"/points/{canonical}")
    assert client.get(response.headers["Location"]).status_code == 200


@pytest.mark.parametrize("typed", ["KI-99", "XX-1", "nothing", "KI-0"])
def test_unknown_point_is_a_404_page(client: FlaskClient, auth: AuthActions, typed: str) -> None:
    auth.register()
    response = client.get(f"/points/{typed}")
    assert response.status_code == 404
    assert "Not found" in response.get_data(as_text=True)


def test_point_page_shows_the_whole_record(client: FlaskClient, auth: AuthActions) -> None:
    auth.register()
    page = page_of(client, "KI-8")
    for text in ("Jiāoxìn", "交信", "Exchange Belief", "2 cun above the prominence of the medial malleolus",
                 "Regulates the Chong and Ren vessels and the menses", "Cautions", "Acupressure technique",
                 "Also written K-8, KD-8, KID-8"):
        assert text in page, text
    assert 'href="/points/KI-7"' in page  # a related point links to its page
    assert "You have no cards of KI-8 yet" in page


def test_point_page_shows_my_reviews_in_my_time_zone(app: Flask, client: FlaskClient, auth: AuthActions) -> None:
    start(client, auth, "alice", timezone="Asia/Shanghai")
    state_id = grade_current(client, 4)
    [graded] = [s for s in states_of(app, "alice", "KI-1") if s.id == state_id]
    page = page_of(client, "KI-1")
    history = page.split('id="cards"')[1]
    assert "Where is this point?" in history and "Flashcard" in history and "Location quiz" in history
    card = history.split(f'id="card-{state_id}"')[1].split("</article>")[0]
    assert "2026-03-02 18:00" in card  # 10:00 UTC in Shanghai
    assert "<strong>4</strong> Correct, after a pause" in card
    assert '<td class="kind">new</td>' in card and "0 → 1 d" in card and "1.5 s" in card
    assert "2.50" in card and "learning" in card
    assert graded.due_day is not None and graded.due_day.strftime("%-d %b %Y") in card
    # The other cards of the point are still new, with no answers.
    assert history.count("No answers yet.") == len(states_of(app, "alice", "KI-1")) - 1


def test_another_students_history_never_shows(app_factory: Callable[..., Flask]) -> None:
    app = app_factory()
    alice, bob = app.test_client(), app.test_client()
    start(alice, AuthActions(alice), "alice")
    start(bob, AuthActions(bob), "bob")
    alice_state = grade_current(alice, 4)
    bob_state = grade_current(bob, 1)
    alice_page, bob_page = page_of(alice, "KI-1"), page_of(bob, "KI-1")
    assert "Correct, after a pause" in alice_page and "Wrong, but familiar" not in alice_page
    assert "Wrong, but familiar" in bob_page and "Correct, after a pause" not in bob_page
    for state in states_of(app, "bob", "KI-1"):
        assert f'value="{state.id}"' not in alice_page and f'id="card-{state.id}"' not in alice_page
    for state in states_of(app, "alice", "KI-1"):
        assert f'id="card-{state.id}"' in alice_page and f'id="card-{state.id}"' not in bob_page
    assert alice_state != bob_state
    # A student who has not studied the point sees none of the others' cards or reviews.
    carol = app.test_client()
    AuthActions(carol).register("carol")
    carol_page = page_of(carol, "KI-1")
    assert "You have no cards of KI-1 yet" in carol_page and "Correct, after a pause" not in carol_page
    assert 'id="card-' not in carol_page


# --- suspend, unsuspend, bury --------------------------------------------------------------------------


def test_suspend_and_unsuspend_a_point_take_it_out_of_the_queue_and_back(
        app: Flask, client: FlaskClient, auth: AuthActions) -> None:
    start(client, auth)
    assert "KI-1" in queued_points(app, "alice")
    response = client.post("/points/KI-1/suspend")
    assert response.status_code == 302 and response.headers["Location"].endswith("/points/KI-1")
    page = page_of(client, "KI-1")
    assert "will stay out of your queues" in page and "state-suspended" in page and "Unsuspend all" in page
    assert all(state.suspended for state in states_of(app, "alice", "KI-1"))
    assert "KI-1" not in queued_points(app, "alice")
    assert current_card(client)[0] not in {s.id for s in states_of(app, "alice", "KI-1")}

    response = client.post("/points/KI-1/unsuspend")
    assert response.status_code == 302
    assert not any(state.suspended for state in states_of(app, "alice", "KI-1"))
    assert "KI-1" in queued_points(app, "alice")
    assert "will come up in your queues again" in page_of(client, "KI-1")


def test_suspend_one_card_leaves_the_others(app: Flask, client: FlaskClient, auth: AuthActions) -> None:
    start(client, auth)
    first, _, _ = current_card(client)  # KI-1's first card, at the head of the queue
    assert first in queued_states(app, "alice")
    response = client.post("/points/KI-1/suspend", data={"state_id": str(first)})
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/points/KI-1#card-{first}")
    states = {state.id: state.suspended for state in states_of(app, "alice", "KI-1")}
    assert states.pop(first) is True and not any(states.values())
    assert first not in queued_states(app, "alice")
    assert current_card(client)[0] != first
    client.post("/points/KI-1/unsuspend", data={"state_id": str(first)})
    assert first in queued_states(app, "alice")


def test_bury_a_point_until_tomorrow(app: Flask, client: FlaskClient, auth: AuthActions, clock: Clock) -> None:
    start(client, auth)
    response = client.post("/points/KI-1/bury")
    assert response.status_code == 302
    assert "KI-1" not in queued_points(app, "alice")
    page = page_of(client, "KI-1")
    assert "until tomorrow" in page and "buried today" in page
    clock.advance(days=1)
    assert "KI-1" in queued_points(app, "alice")
    assert "buried today" not in page_of(client, "KI-1")


def test_bury_one_card_until_tomorrow(app: Flask, client: FlaskClient, auth: AuthActions, clock: Clock) -> None:
    start(client, auth)
    first, _, _ = current_card(client)
    assert client.post("/points/KI-1/bury", data={"state_id": first}).status_code == 302
    assert first not in queued_states(app, "alice")
    assert current_card(client)[0] != first
    clock.advance(days=1)
    assert first in queued_states(app, "alice")


def test_another_students_card_is_a_404_and_stays_as_it_was(app_factory: Callable[..., Flask]) -> None:
    app = app_factory()
    alice, bob = app.test_client(), app.test_client()
    start(alice, AuthActions(alice), "alice")
    start(bob, AuthActions(bob), "bob")
    bob_state = states_of(app, "bob", "KI-1")[0]
    for action in ("suspend", "unsuspend", "bury"):
        response = alice.post(f"/points/KI-1/{action}", data={"state_id": bob_state.id})
        assert response.status_code == 404, action
    after = states_of(app, "bob", "KI-1")[0]
    assert (after.suspended, after.buried_day, after.version) == (False, None, bob_state.version)
    # A card of another point of one's own is not this point's either.
    alice_ki2 = states_of(app, "alice", "KI-2")[0]
    assert alice.post("/points/KI-1/suspend", data={"state_id": alice_ki2.id}).status_code == 404
    # No cards of the point at all (the Lung deck is not chosen).
    assert alice.post("/points/LU-1/suspend").status_code == 404
    assert alice.post("/points/KI-99/suspend").status_code == 404


@pytest.mark.parametrize("state_id", ["abc", "0", "-3", "1.5", "99999999999999999999"])
def test_bad_card_numbers_are_a_400_with_the_reason(app: Flask, client: FlaskClient, auth: AuthActions,
                                                    state_id: str) -> None:
    start(client, auth)
    for action in ("suspend", "unsuspend", "bury"):
        response = client.post(f"/points/KI-1/{action}", data={"state_id": state_id})
        assert response.status_code == 400, (action, state_id)
        assert "state_id" in response.get_data(as_text=True)
    states = states_of(app, "alice", "KI-1")
    assert not any(s.suspended or s.buried_day for s in states)


def test_forged_actions_without_csrf_token_are_refused(app_factory: Callable[..., Flask]) -> None:
    app = app_factory(WTF_CSRF_ENABLED=True)
    client = app.test_client()
    page = client.get("/register").get_data(as_text=True)
    token = page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    client.post("/register", data={"username": "alice", "password": "correct horse",
                                   "confirm": "correct horse", "timezone": "UTC", "csrf_token": token})
    client.post("/decks/choose", data={"deck": ["kidney"], "csrf_token": token})
    client.get("/study/kidney")
    assert states_of(app, "alice", "KI-1")
    for action in ("suspend", "bury"):
        forged = client.post(f"/points/KI-1/{action}")
        assert forged.status_code == 400
        assert "form expired" in forged.get_data(as_text=True)
    assert not any(s.suspended or s.buried_day for s in states_of(app, "alice", "KI-1"))
    token = CSRF_TOKEN.findall(page_of(client, "KI-1"))[0]
    assert client.post("/points/KI-1/suspend", data={"csrf_token": token}).status_code == 302
    assert all(s.suspended for s in states_of(app, "alice", "KI-1"))


# --- links from the cards ------------------------------------------------------------------------------


def test_card_backs_link_to_the_point_and_fronts_never_do(
        app: Flask, client: FlaskClient, auth: AuthActions) -> None:
    start(client, auth)
    _, _, page = current_card(client)  # KI-1, "Where is this point?": the name is the cue ...
    front, back = page.split('<div class="front">')[1].split('id="back"')
    assert "KI-1" in front and "/points/" not in front  # ... but its page would show the location
    assert 'href="/points/KI-1"' in back
    # Leave only KI-1's "Which point is here?" card, whose front shows the location alone.
    with app.app_context():
        keep = db.session.scalar(select(CardState.id).join(Card, Card.id == CardState.card_id)
                                 .where(Card.key == "KI-1/location-name"))
        db.session.execute(update(CardState).where(CardState.id != keep).values(suspended=True))
        db.session.commit()
    state_id, _, page = current_card(client)
    assert state_id == keep
    front, back = page.split('<div class="front">')[1].split('id="back"')
    assert "Which point is here?" in front
    assert "/points/" not in front and "KI-1" not in front
    assert 'href="/points/KI-1"' in back  # the back, shown once answered, links to the point
    with app.app_context():
        related = [r["code"] for r in db.session.scalar(select(Point.record).where(Point.code == "KI-1"))["related"]]
    assert related and all(f'href="/points/{code}"' in back for code in related)


# --- browsing and searching ------------------------------------------------------------------------------


def test_browse_lists_every_point_a_page_at_a_time(client: FlaskClient, auth: AuthActions) -> None:
    auth.register()
    page = client.get("/points").get_data(as_text=True)
    with client.application.app_context():
        total = len(db.session.scalars(select(Point.id).where(Point.retired.is_(False))).all())
    assert f"{total} points" in page
    first = RESULT_CODES.findall(page)
    assert len(first) == 50 and first[0] == "LU-1"
    second = result_codes(client, "page=2")
    assert second and not set(first) & set(second)
    assert 'href="/points/LU-1"' in page


@pytest.mark.parametrize(("query", "first"), [
    ("KI8", "KI-8"), ("k+8", "KI-8"), ("SJ5", "TE-5"), ("jiaoxin", "KI-8"), ("Ji%C4%81ox%C3%ACn", "KI-8"),
    ("%E4%BA%A4%E4%BF%A1", "KI-8"),  # 交信
    ("%E6%94%92%E7%AB%B9", "BL-2"),  # 攒竹, simplified (traditional 攢竹)
    ("Exchange+Belief", "KI-8"), ("jiaoxn", "KI-8"),
])
def test_search_by_every_form(client: FlaskClient, auth: AuthActions, query: str, first: str) -> None:
    auth.register()
    assert result_codes(client, f"q={query}")[0] == first


def test_search_by_location_and_function_words(client: FlaskClient, auth: AuthActions) -> None:
    auth.register()
    found = result_codes(client, "q=malleolus")
    assert {"KI-8", "KI-3", "SP-6"} <= set(found)
    page = client.get("/points?q=malleolus").get_data(as_text=True)
    assert "<mark>malleolus</mark>" in page and "in the location" in page
    assert "KI-8" in result_codes(client, "q=menses")
    assert "<mark>menses</mark>" in client.get("/points?q=menses").get_data(as_text=True)
    assert result_codes(client, "q=zzzzqqq") == []
    assert "No point matches" in client.get("/points?q=zzzzqqq").get_data(as_text=True)


def test_filters_by_channel_and_category(client: FlaskClient, auth: AuthActions) -> None:
    auth.register()
    kidney = result_codes(client, "channel=KI")
    assert len(kidney) == 27 and all(code.startswith("KI-") for code in kidney)
    assert result_codes(client, "channel=SJ") == result_codes(client, "channel=TE")
    extra = result_codes(client, "channel=EX")
    assert extra and all(code.startswith("EX-") for code in extra)
    xi_cleft = result_codes(client, "category=xi-cleft")
    assert "KI-8" in xi_cleft and "KI-1" not in xi_cleft
    with client.application.app_context():
        records = db.session.scalars(select(Point.record).where(Point.channel == "KI")).all()
    expected = sorted((r["code"] for r in records if any(c["category"] == "xi-cleft" for c in r["categories"])),
                      key=kidney.index)
    assert "KI-8" in expected and result_codes(client, "category=xi-cleft&channel=KI") == expected
    assert "KI-8" in result_codes(client, "q=malleolus&category=xi-cleft")
    assert "KI-3" not in result_codes(client, "q=malleolus&category=xi-cleft")


def test_filter_by_my_progress(app_factory: Callable[..., Flask]) -> None:
    app = app_factory()
    alice, bob = app.test_client(), app.test_client()
    start(alice, AuthActions(alice), "alice")
    start(bob, AuthActions(bob), "bob")
    grade_current(alice, 4)  # KI-1: one card answered -> learning
    with app.app_context():  # every KI-2 card of alice's at a mature interval
        ki2_cards = select(Card.id).join(Point, Point.id == Card.point_id).where(Point.code == "KI-2")
        db.session.execute(update(CardState).where(
            CardState.user_id == user_id(app, "alice"), CardState.card_id.in_(ki2_cards))
            .values(interval=30, due_day=app.config["CLOCK"]().date()))
        db.session.commit()
    assert alice.post("/points/KI-3/suspend").status_code == 302
    assert result_codes(alice, "state=learning") == ["KI-1"]
    assert result_codes(alice, "state=mature") == ["KI-2"]
    assert result_codes(alice, "state=suspended") == ["KI-3"]
    new = result_codes(alice, "state=new&channel=KI")
    assert "KI-1" not in new and "KI-2" not in new and "KI-3" in new and "KI-4" in new
    # Bob's progress is his own: nothing of alice's shows in his filters.
    assert result_codes(bob, "state=learning") == []
    assert result_codes(bob, "state=mature") == []
    assert result_codes(bob, "state=suspended") == []
    assert len(result_codes(bob, "state=new&channel=KI")) == 27
    page = alice.get("/points?channel=KI").get_data(as_text=True)
    assert "state-learning" in page and "state-mature" in page and "state-suspended" in page


@pytest.mark.parametrize("query", [
    "channel=XX", "category=nope", "state=done", "page=0", "page=abc", "page=-1", "page=%C2%B2",
    "q=" + "a" * 101,
])
def test_bad_search_values_are_a_400_with_the_reason(client: FlaskClient, auth: AuthActions, query: str) -> None:
    auth.register()
    response = client.get(f"/points?{query}")
    assert response.status_code == 400
    body = response.get_data(as_text=True)
    assert "That did not work" in body
    name = query.split("=")[0]
    assert name in body.lower() or "characters" in body


def test_a_page_past_the_end_shows_the_last_page(client: FlaskClient, auth: AuthActions) -> None:
    auth.register()
    assert result_codes(client, "channel=KI&page=9") == result_codes(client, "channel=KI")
