"""The progress page: today's counts and streaks across days, the forecast, true retention, mastery,
weakest points, leeches brought back, students who never see each other's numbers, and a day plan
for all decks at once that matches the study page's."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from studyapp.config import PROJECT_ROOT
from studyapp.core.content.deck_files import load_bundle, theme_points
from studyapp.core.scheduling import fsrs
from studyapp.extensions import db
from studyapp.models import Card, CardState, Deck, Point, ReviewLog, User
from studyapp.services import review_days
from studyapp.services.day_plan import plan_for_deck, plans_for_decks, today_for
from tests.conftest import (
    DECKS_DIR,
    START,
    AuthActions,
    Clock,
    choose_decks,
    current_card,
    deck_counts,
    grade_current,
    user_id,
)

TODAY = START.date()  # Monday 2 March 2026, a study day in UTC


# --- reading the page --------------------------------------------------------------------------

def progress_page(client: FlaskClient) -> str:
    response = client.get("/progress")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def number(page: str, element_id: str) -> int:
    found = re.search(rf'id="{element_id}">(\d+)', page)
    assert found, f"no #{element_id} on the page"
    return int(found.group(1))


def forecast_due(page: str, day: date) -> int:
    found = re.search(rf'data-day="{day.isoformat()}">(\d+)<', page)
    assert found, f"no forecast for {day}"
    return int(found.group(1))


def retention_cell(page: str, days: int, which: str) -> tuple[int, int] | None:
    """(passed, total) from the retention table, or None for 'no reviews'."""
    cell = page.split(f'id="retention-{days}-{which}">')[1].split("</td>")[0]
    if "no reviews" in cell:
        return None
    percent, passed, total = re.search(r"(\d+)%.*?([\d,]+) of ([\d,]+)", cell).groups()
    passed_n, total_n = int(passed.replace(",", "")), int(total.replace(",", ""))
    assert abs(int(percent) - 100 * passed_n / total_n) <= 0.5 + 1e-9
    return passed_n, total_n


def weakest_codes(page: str) -> list[str]:
    if 'id="weakest"' not in page:
        return []
    listing = page.split('id="weakest"')[1].split("</ol>")[0]
    return re.findall(r'href="/points/([^"]+)"', listing)


def section(page: str, element_id: str) -> str:
    if f'id="{element_id}"' not in page:
        return ""
    return page.split(f'id="{element_id}"')[1].split("</ul>")[0]


# --- setting up history directly ---------------------------------------------------------------

def in_days(days: int) -> date:
    return TODAY + timedelta(days=days)


def kidney_states(app: Flask, uid: int) -> dict[str, list[int]]:
    """Point code -> the student's state ids of that point's Kidney cards, in the order they are introduced."""
    with app.app_context():
        rows = db.session.execute(
            select(Point.code, CardState.id)
            .join(Card, Card.id == CardState.card_id).join(Point, Point.id == Card.point_id)
            .join(Deck, Deck.id == Card.deck_id)
            .where(CardState.user_id == uid, Deck.slug == "kidney").order_by(Card.position)
        ).all()
    states: dict[str, list[int]] = {}
    for code, state_id in rows:
        states.setdefault(code, []).append(state_id)
    return states


def set_state(app: Flask, state_id: int, **values: object) -> None:
    with app.app_context():
        state = db.session.get(CardState, state_id)
        for name, value in values.items():
            setattr(state, name, value)
        db.session.commit()


def add_log(app: Flask, uid: int, rows: list[tuple[int, str, int, int]], answer_ms: int = 1000,
            card_id: int | None = None) -> None:
    """Review-log rows (days ago, kind, interval before, grade) on a card (by default a Kidney one),
    written straight to the log, then summed into review_days as a restored backup would be."""
    with app.app_context():
        if card_id is None:
            card_id = db.session.scalar(select(Card.id).join(Deck).where(Deck.slug == "kidney").limit(1))
        for days_ago, kind, prev_interval, grade in rows:
            day = TODAY - timedelta(days=days_ago)
            db.session.add(ReviewLog(
                user_id=uid, card_id=card_id, study_day=day, kind=kind, grade=grade,
                rating=fsrs.rating_for_grade(grade), answer_ms=answer_ms,
                reviewed_at=datetime.combine(day, START.timetz()),
                prev_repetitions=2, prev_easiness_centi=250, prev_interval=prev_interval, prev_due_day=day,
                new_repetitions=3, new_easiness_centi=250, new_interval=max(1, prev_interval), new_due_day=day,
            ))
        review_days.recount(uid)
        db.session.commit()


# --- the page ----------------------------------------------------------------------------------

def test_progress_needs_login(client: FlaskClient) -> None:
    response = client.get("/progress")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_reviews_held_back_by_the_daily_limit_are_shown(client: FlaskClient, auth: AuthActions,
                                                         clock: Clock) -> None:
    auth.register()
    choose_decks(client, "kidney")
    client.post("/settings", data={"timezone": "UTC", "new_cards_per_day": 5, "reviews_per_day": 200})
    for _ in range(5):
        grade_current(client, 5)
    assert 'id="today-held-back"' not in progress_page(client)

    # Tuesday, with a limit of two reviews a day: five are due, two are today's, three wait.
    clock.advance(days=1)
    client.post("/settings", data={"timezone": "UTC", "new_cards_per_day": 0, "reviews_per_day": 2})
    page = progress_page(client)
    assert (number(page, "today-left"), forecast_due(page, TODAY + timedelta(days=1))) == (2, 5)
    assert number(page, "today-held-back") == 3
    assert "limit of 2 reviews a day" in page
    grade_current(client, 5)
    assert number(progress_page(client), "today-held-back") == 3  # one done, one left, three still wait


def test_today_and_streaks_over_several_days(client: FlaskClient, auth: AuthActions, clock: Clock) -> None:
    auth.register()
    choose_decks(client, "kidney")
    client.post("/settings", data={"timezone": "UTC", "new_cards_per_day": 5, "reviews_per_day": 200})

    # Monday: five new cards, one of them failed and re-drilled; 40 s per answer.
    for grade in (5, 5, 2, 5, 5):
        grade_current(client, grade, answer_ms=40_000)
    grade_current(client, 4, answer_ms=40_000)  # the re-drill of the failed card: a repeat, not a card done
    assert deck_counts(client) == (0, 0)
    page = progress_page(client)
    assert (number(page, "today-done"), number(page, "today-left"), number(page, "today-due")) == (5, 0, 5)
    assert number(page, "today-time") == round(6 * 40_000 / 60_000)
    assert (number(page, "streak-current"), number(page, "streak-longest")) == (1, 1)
    # Every card answered for the first time comes back after one day (SM-2).
    assert forecast_due(page, TODAY) == 0 and forecast_due(page, TODAY + timedelta(days=1)) == 5

    # Tuesday: nothing done yet. Not having finished does not break the streak.
    clock.advance(days=1)
    due, new = deck_counts(client)
    assert due == 5 and new > 0
    page = progress_page(client)
    assert (number(page, "today-done"), number(page, "today-left")) == (0, due + new)
    assert (number(page, "streak-current"), number(page, "streak-longest")) == (1, 1)
    for _ in range(2):
        grade_current(client, 5)
    page = progress_page(client)
    assert (number(page, "today-done"), number(page, "today-left")) == (2, sum(deck_counts(client)))
    assert number(page, "streak-current") == 1  # three reviews still due
    for _ in range(3):
        grade_current(client, 5)
    assert deck_counts(client)[0] == 0
    page = progress_page(client)
    assert number(page, "today-done") == 5
    assert (number(page, "streak-current"), number(page, "streak-longest")) == (2, 2)  # new cards may wait

    # Thursday, after a day off: the streak starts again.
    clock.advance(days=2)
    page = progress_page(client)
    assert (number(page, "streak-current"), number(page, "streak-longest")) == (0, 2)
    while deck_counts(client)[0]:
        grade_current(client, 5)
    page = progress_page(client)
    assert (number(page, "streak-current"), number(page, "streak-longest")) == (1, 2)


def test_longest_streak_reaches_back_past_a_year(app: Flask, client: FlaskClient, auth: AuthActions) -> None:
    auth.register()
    uid = user_id(app)
    add_log(app, uid, [(days_ago, "new", 0, 4) for days_ago in range(400, 412)])  # 12 days, over a year ago
    add_log(app, uid, [(days_ago, "review", 3, 4) for days_ago in (1, 2, 3, 5)])
    page = progress_page(client)
    assert (number(page, "streak-current"), number(page, "streak-longest")) == (3, 12)


def test_daily_review_cap_applies_across_decks(app: Flask, client: FlaskClient, auth: AuthActions) -> None:
    auth.register()
    choose_decks(client, "kidney", "lung")
    client.post("/settings", data={"timezone": "UTC", "new_cards_per_day": 0, "reviews_per_day": 3})
    uid = user_id(app)
    client.get("/")  # the deck list gives the student their cards
    with app.app_context():
        for slug in ("kidney", "lung"):
            for state in db.session.scalars(
                select(CardState).join(Card).join(Deck)
                .where(CardState.user_id == uid, Deck.slug == slug).order_by(Card.position).limit(2)
            ):
                state.due_day, state.interval, state.repetitions = TODAY, 3, 2
        db.session.commit()
    assert deck_counts(client, "kidney") == deck_counts(client, "lung") == (2, 0)
    page = progress_page(client)
    assert number(page, "today-left") == 3  # four due, but the student reviews at most three a day


def test_forecast_counts_live_unsuspended_cards_of_chosen_decks(app: Flask, client: FlaskClient,
                                                                auth: AuthActions) -> None:
    auth.register()
    choose_decks(client, "kidney", "lung")
    client.get("/")
    choose_decks(client, "kidney")  # lung set aside: its cards keep their state but are not forecast
    uid = user_id(app)
    states = [ids[0] for ids in kidney_states(app, uid).values()]
    plan = [  # due in so many days, extra state values
        (1, {}), (1, {}), (1, {}), (5, {}), (5, {}),
        (-3, {}),  # overdue: due today
        (0, {}),
        (1, {"suspended": True}),  # suspended: not coming
        (0, {"buried_day": TODAY}),  # buried today: back tomorrow
        (29, {}),  # the last day shown
        (30, {}),  # past the forecast
    ]
    for state_id, (days, extra) in zip(states, plan, strict=False):
        set_state(app, state_id, due_day=in_days(days), interval=4, repetitions=2, **extra)
    with app.app_context():
        lung = db.session.scalar(
            select(CardState).join(Card).join(Deck).where(CardState.user_id == uid, Deck.slug == "lung").limit(1))
        lung.due_day, lung.interval = in_days(1), 4
        db.session.commit()
    # Another student's card due tomorrow is not ours.
    other = app.test_client()
    AuthActions(other).register("other")
    grade_current(other, 5)

    page = progress_page(client)
    expected = {0: 2, 1: 4, 5: 2, 29: 1}
    for offset in range(30):
        assert forecast_due(page, in_days(offset)) == expected.get(offset, 0), offset
    assert "Reviews due in the next 30 days" in page and "9 in all" in page


def test_true_retention_of_mature_and_young_cards(app: Flask, client: FlaskClient, auth: AuthActions) -> None:
    auth.register()
    uid = user_id(app)
    rng = random.Random(3)
    rows = [(rng.randint(0, 420), rng.choice(("review", "review", "review", "new", "redrill")),
             rng.choice((0, 1, 6, 20, 21, 45, 200)), rng.randint(0, 5)) for _ in range(400)]
    add_log(app, uid, rows)
    # Another student who fails everything: none of it shows on our page.
    AuthActions(app.test_client()).register("other")
    add_log(app, user_id(app, "other"), [(days_ago, "review", 30, 0) for days_ago in range(0, 30)])

    page = progress_page(client)
    for window in (7, 30, 365):
        in_window = [(interval, grade) for days_ago, kind, interval, grade in rows
                     if days_ago < window and kind == "review" and interval >= 1]
        mature = [grade for interval, grade in in_window if interval >= 21]
        young = [grade for interval, grade in in_window if interval < 21]
        for which, grades in (("mature", mature), ("young", young)):
            expected = (sum(1 for grade in grades if grade >= 3), len(grades)) if grades else None
            assert retention_cell(page, window, which) == expected, (window, which)

    # The calendar counts each day's cards, without same-day repeats.
    busiest = max(range(365), key=lambda days_ago: sum(1 for d, k, _, _ in rows if d == days_ago and k != "redrill"))
    count = sum(1 for d, k, _, _ in rows if d == busiest and k != "redrill")
    assert f"<title>{(TODAY - timedelta(days=busiest)).isoformat()}: {count} cards studied</title>" in page


def test_retention_says_so_when_there_is_nothing_to_judge(client: FlaskClient, auth: AuthActions) -> None:
    auth.register()
    grade_current(client, 5)  # a first answer is not a review of a remembered card
    page = progress_page(client)
    assert all(retention_cell(page, window, which) is None
               for window in (7, 30, 365) for which in ("mature", "young"))


def test_mastery_per_channel_and_theme(app: Flask, client: FlaskClient, auth: AuthActions) -> None:
    auth.register()
    choose_decks(client, "kidney", "theme-xi-cleft")
    client.get("/")
    with app.app_context():
        kidney_points = db.session.scalar(
            select(func.count()).select_from(Point).join(Deck).where(Deck.slug == "kidney", Point.retired.is_(False)))
    bundle = load_bundle([DECKS_DIR])
    xi_cleft = next(deck for deck in bundle.decks if deck.slug == "theme-xi-cleft")
    xi_cleft_points = len(theme_points(xi_cleft, bundle.points))
    page = progress_page(client)
    assert f"Kidney 0/{kidney_points} mature, 0 learning, {kidney_points} new" in page
    assert f"Xi-cleft points 0/{xi_cleft_points} mature" in page
    assert page.index("<h3>Channels</h3>") < page.index("<h3>Themes</h3>")

    states = kidney_states(app, user_id(app))
    for state_id in states["KI-1"]:  # every card mature
        set_state(app, state_id, interval=21, repetitions=4, due_day=TODAY + timedelta(days=21))
    for state_id in states["KI-3"]:  # every card answered, one a day short of mature
        set_state(app, state_id, interval=21, repetitions=4, due_day=TODAY + timedelta(days=21))
    set_state(app, states["KI-3"][-1], interval=20)
    set_state(app, states["KI-2"][0], interval=3, repetitions=2, due_day=TODAY + timedelta(days=3))
    page = progress_page(client)
    assert f"Kidney 1/{kidney_points} mature, 2 learning, {kidney_points - 3} new" in page
    assert f"Kidney 1/{kidney_points} mature</text>" in page  # the bar's label


def test_weakest_points_lowest_easiness_then_most_lapses(app: Flask, client: FlaskClient,
                                                         auth: AuthActions) -> None:
    auth.register()
    choose_decks(client, "kidney", "theme-xi-cleft")
    client.get("/")
    uid = user_id(app)
    states = kidney_states(app, uid)
    answered = {"due_day": TODAY + timedelta(days=2), "interval": 2, "repetitions": 1}
    set_state(app, states["KI-3"][0], easiness_centi=130, lapses=2, **answered)
    set_state(app, states["KI-5"][0], easiness_centi=130, lapses=4, **answered)
    set_state(app, states["KI-7"][0], easiness_centi=200, **answered)
    set_state(app, states["KI-7"][1], easiness_centi=240, lapses=1, **answered)
    # KI-9 (2.60, the lowest of its answered cards; the others are new) also lapsed in its theme.
    set_state(app, states["KI-9"][0], easiness_centi=260, lapses=1, **answered)
    with app.app_context():
        theme_state = db.session.scalar(
            select(CardState.id).join(Card).join(Point).join(Deck, Deck.id == Card.deck_id)
            .where(CardState.user_id == uid, Point.code == "KI-9", Deck.slug == "theme-xi-cleft").limit(1))
    set_state(app, theme_state, easiness_centi=270, lapses=2, **answered)
    set_state(app, states["KI-10"][0], easiness_centi=250, **answered)  # no trouble: not listed
    set_state(app, states["KI-11"][0], easiness_centi=130, lapses=3)  # never answered: not listed
    # Eight lapses over two cards make no leech; eight on one card do.
    set_state(app, states["KI-13"][0], easiness_centi=220, lapses=4, **answered)
    set_state(app, states["KI-13"][1], easiness_centi=220, lapses=4, **answered)
    set_state(app, states["KI-14"][0], easiness_centi=220, lapses=8, suspended=True, **answered)
    page = progress_page(client)
    # KI-3 and KI-5 share the lowest easiness; KI-5 lapsed more. Then KI-7 (2.00), then the 2.20s
    # by lapses (KI-13 and KI-14 have 8 each: point order), then KI-9 (2.50).
    assert weakest_codes(page) == ["KI-5", "KI-3", "KI-7", "KI-13", "KI-14", "KI-9"]
    assert 'href="/points/KI-5"' in page and "easiness 1.30" in page
    listing = page.split('id="weakest"')[1].split("</ol>")[0]
    ki_9 = listing.split('href="/points/KI-9"')[1].split("</li>")[0]
    assert "easiness 2.60" in ki_9 and "3 lapses" in ki_9
    leech_badges = {code: "leech" in entry
                    for code, entry in re.findall(r'href="/points/([^"]+)"(.*?)</li>', listing, re.S)}
    assert leech_badges == {"KI-5": False, "KI-3": False, "KI-7": False, "KI-13": False, "KI-14": True,
                            "KI-9": False}


def test_leech_is_listed_and_brought_back(app: Flask, client: FlaskClient, auth: AuthActions) -> None:
    auth.register()
    choose_decks(client, "kidney")
    client.get("/")
    states = kidney_states(app, user_id(app))
    leech = states["KI-4"][0]
    set_state(app, leech, lapses=7, repetitions=3, interval=10, due_day=TODAY)
    set_suspended_by_hand = states["KI-6"][0]
    set_state(app, set_suspended_by_hand, suspended=True)
    assert "No card is suspended" not in progress_page(client)

    assert current_card(client)[0] == leech  # the only review due comes first
    grade_current(client, 1)  # eighth lapse: the answer suspends it
    page = progress_page(client)
    assert "1 card is a leech" in page
    leeches, others = section(page, "leeches"), section(page, "other-suspended")
    assert 'href="/points/KI-4"' in leeches and "8 lapses" in leeches and "KI-6" not in leeches
    assert 'href="/points/KI-6"' in others and "KI-4" not in others
    assert f'action="/progress/suspended/{leech}/unsuspend"' in leeches

    response = client.post(f"/progress/suspended/{leech}/unsuspend")
    assert response.status_code == 302 and response.headers["Location"].startswith("/progress")
    with app.app_context():
        state = db.session.get(CardState, leech)
        assert not state.suspended and state.lapses == 8
    page = progress_page(client)
    assert "is a leech" not in page and 'id="leeches"' not in page
    client.post(f"/progress/suspended/{set_suspended_by_hand}/unsuspend")
    assert "No card is suspended" in progress_page(client)
    # Back in the queue: due tomorrow after its lapse.
    with app.app_context():
        user = db.session.get(User, user_id(app))
        deck = db.session.scalar(select(Deck).where(Deck.slug == "kidney"))
        assert leech in plan_for_deck(user, deck, TODAY + timedelta(days=1)).reviews


def test_cannot_unsuspend_another_students_card(app: Flask, client: FlaskClient, auth: AuthActions) -> None:
    auth.register()
    alice = app.test_client()
    AuthActions(alice).register("alice")
    alice_state = grade_current(alice, 5)
    set_state(app, alice_state, suspended=True, lapses=9)
    assert client.post(f"/progress/suspended/{alice_state}/unsuspend").status_code == 404
    assert client.post("/progress/suspended/999999/unsuspend").status_code == 404
    with app.app_context():
        assert db.session.get(CardState, alice_state).suspended
    assert "KI-1" not in section(progress_page(client), "leeches")
    assert 'href="/points/KI-1"' in section(progress_page(alice), "leeches")


def test_unsuspend_form_needs_its_csrf_token(app_factory: Callable[..., Flask]) -> None:
    app = app_factory(WTF_CSRF_ENABLED=True)
    client = app.test_client()
    token = client.get("/register").get_data(as_text=True).split(
        'name="csrf_token" type="hidden" value="')[1].split('"')[0]
    client.post("/register", data={"username": "mei", "password": "correct horse",
                                   "confirm": "correct horse", "timezone": "UTC", "csrf_token": token})
    state_id = grade_current_with_token(client)
    set_state(app, state_id, suspended=True)

    forged = client.post(f"/progress/suspended/{state_id}/unsuspend")
    assert forged.status_code == 400
    with app.app_context():
        assert db.session.get(CardState, state_id).suspended
    page = progress_page(client)
    form = page.split(f'action="/progress/suspended/{state_id}/unsuspend"')[1]
    token = form.split('name="csrf_token" value="')[1].split('"')[0]
    ok = client.post(f"/progress/suspended/{state_id}/unsuspend", data={"csrf_token": token})
    assert ok.status_code == 302
    with app.app_context():
        assert not db.session.get(CardState, state_id).suspended


def grade_current_with_token(client: FlaskClient) -> int:
    state_id, version, page = current_card(client)
    token = page.split('name="csrf_token"')[1].split('value="')[1].split('"')[0]
    response = client.post("/study/kidney/answer", data={
        "state_id": state_id, "version": version, "grade": 5, "csrf_token": token})
    assert response.status_code == 302
    return state_id


def test_students_never_see_each_others_progress(app: Flask, clock: Clock) -> None:
    alice, bob = app.test_client(), app.test_client()
    AuthActions(alice).register("alice")
    AuthActions(bob).register("bob")
    choose_decks(alice, "kidney")
    for _ in range(4):
        grade_current(alice, 1)
    clock.advance(days=1)
    grade_current(alice, 5)
    add_log(app, user_id(app, "alice"), [(3, "review", 30, 4)])

    mine = progress_page(alice)
    assert number(mine, "today-done") == 1 and number(mine, "streak-longest") >= 1
    assert retention_cell(mine, 7, "mature") == (1, 1)
    assert weakest_codes(mine)

    theirs = progress_page(bob)
    assert (number(theirs, "today-done"), number(theirs, "today-left")) == (0, 0)
    assert (number(theirs, "streak-current"), number(theirs, "streak-longest")) == (0, 0)
    assert all(forecast_due(theirs, TODAY + timedelta(days=1 + offset)) == 0 for offset in range(30))
    assert retention_cell(theirs, 7, "mature") is None
    assert weakest_codes(theirs) == [] and "Cards studied per day from" in theirs and "none yet" in theirs
    assert "You have not chosen any decks yet" in theirs


def test_page_has_text_alternatives_for_its_charts(client: FlaskClient, auth: AuthActions) -> None:
    auth.register()
    choose_decks(client, "kidney")
    grade_current(client, 4)
    page = progress_page(client)
    assert page.count('role="img"') == 4  # calendar, forecast, recall today, one mastery chart
    assert page.count('<figcaption class="visually-hidden">') == 4
    assert "<details>" in page and 'id="forecast-table"' in page
    assert "&lt;svg" not in page  # the charts are markup, not escaped text
    assert re.search(r'href="/static/progress\.[0-9a-f]{12}\.css"', page)  # its stylesheet, by content-hashed name


def test_stylesheet_carries_the_chart_rules(app: Flask, client: FlaskClient, auth: AuthActions) -> None:
    css = (PROJECT_ROOT / "static" / "progress.css").read_text(encoding="utf-8")
    auth.register()
    choose_decks(client, "kidney")
    grade_current(client, 5)
    page = client.get("/progress").get_data(as_text=True)
    svg = "".join(re.findall(r"<svg.*?</svg>", page, re.S))
    # The shapes take their colour from their class: each one needs a rule (else it draws black).
    used = {name for names in re.findall(r'<rect[^>]*class="([^"]+)"', svg) for name in names.split()}
    assert {"lvl-0", "due", "new"} <= used
    for name in used:
        assert re.search(rf"\.{re.escape(name)}\b[^{{]*{{", css), name


def test_plans_for_several_decks_match_each_deck_planned_alone(app: Flask, client: FlaskClient, auth: AuthActions,
                                                      clock: Clock) -> None:
    auth.register()
    choose_decks(client, "kidney", "lung", "theme-xi-cleft")
    client.post("/settings", data={"timezone": "UTC", "new_cards_per_day": 6, "reviews_per_day": 9})
    for slug, grades in (("kidney", (5, 2, 4, 1)), ("lung", (5, 5, 3)), ("theme-xi-cleft", (4, 0))):
        for grade in grades:
            grade_current(client, grade, slug)
    clock.advance(days=1)
    grade_current(client, 5, "lung")
    grade_current(client, 2, "kidney")  # lapses: re-drilled later today, in the order they lapsed
    clock.advance(minutes=1)
    grade_current(client, 1, "kidney")
    uid = user_id(app)
    states = kidney_states(app, uid)
    # A point answered today in another card waits for tomorrow to introduce its first one.
    set_state(app, states["KI-5"][-1], due_day=TODAY + timedelta(days=3), interval=1, repetitions=1)
    with app.app_context():
        card_id = db.session.get(CardState, states["KI-5"][-1]).card_id
    add_log(app, uid, [(-1, "new", 0, 4)], card_id=card_id)
    set_state(app, states["KI-20"][0], due_day=TODAY - timedelta(days=2), interval=3, repetitions=2)
    set_state(app, states["KI-21"][0], due_day=TODAY, interval=3, repetitions=2, buried_day=TODAY + timedelta(days=1))
    set_state(app, states["KI-22"][0], due_day=TODAY, interval=3, repetitions=2, suspended=True)
    with app.app_context():
        user = db.session.get(User, uid)
        today = today_for(user, clock())
        decks = list(db.session.scalars(select(Deck).where(Deck.slug.in_(("kidney", "lung", "theme-xi-cleft")))))
        plans = plans_for_decks(user, decks, today)
        assert any(plan.reviews for plan in plans.values())
        assert any(len(plan.redrills) == 2 for plan in plans.values())
        assert not set(states["KI-5"]) & {state for plan in plans.values() for state in plan.new}
        for deck in decks:  # each deck's plan is its own, as if it were planned alone
            assert plans[deck.id] == plan_for_deck(user, deck, today), deck.slug
