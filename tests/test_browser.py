"""A real browser (Debian's Chromium through Playwright) studies with the keyboard only: three Kidney
flashcards to the summary, a location quiz of each kind, and two days of study read back from the
progress page. The server runs with CSRF on, as in production."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from flask import Flask
from playwright.sync_api import Page, expect
from sqlalchemy import select, update

from studyapp.core.scheduling import sm2
from studyapp.extensions import db
from studyapp.models import Card, CardState, Point, ReviewLog
from tests.browser import register
from tests.conftest import Clock, bundled_points

pytestmark = pytest.mark.browser

def new_cards_per_day(page: Page, base: str, count: int) -> None:
    page.goto(f"{base}/settings")
    page.fill("#new_cards_per_day", str(count))
    page.click("main button[type=submit]")
    expect(page.locator(".flash")).to_contain_text("Settings saved")


def flip_and_grade(page: Page, grade: int) -> None:
    """Show the back of the flashcard with Space (its cautions in view), then grade it with its number key."""
    expect(page.locator("#back")).to_be_hidden()
    page.keyboard.press("Space")
    expect(page.locator("#back")).to_be_visible()
    expect(page.locator("#back .cautions")).to_be_visible()
    # The key posts the answer: wait for the next page, else a goto right after it races the post.
    with page.expect_navigation():
        page.keyboard.press(str(grade))


def test_register_study_three_cards_with_keyboard_and_see_summary(live_app: tuple[Flask, str], page: Page) -> None:
    app, base = live_app
    register(page, base, "browser-student")
    new_cards_per_day(page, base, 3)

    page.goto(f"{base}/study/kidney")  # opening the deck enrols the student in its cards
    with app.app_context():  # flashcards only: the location quizzes that come with them sit this out
        db.session.execute(update(CardState).where(CardState.card_id.in_(
            select(Card.id).where(Card.kind.startswith("quiz-")))).values(suspended=True))
        db.session.commit()
    page.goto(f"{base}/study/kidney")
    for grade in (5, 4, 5):
        flip_and_grade(page, grade)

    expect(page.locator("h1")).to_contain_text("done for today")
    expect(page.locator("#summary-answers")).to_have_text("3")
    expect(page.locator("#summary-studied")).to_have_text("3")
    expect(page.locator("#summary-correct")).to_have_text("3")
    expect(page.locator("#summary-next")).to_have_text("Tue 3 Mar")
    expect(page.locator("footer")).to_contain_text("does not replace a qualified practitioner")
    # The vendored hanzi font loads (in chunks), so hanzi render even on a machine without Chinese fonts.
    loaded = page.evaluate("""document.fonts.load('16px "Study Hanzi TC"', '交信').then(faces => faces.length)""")
    assert loaded >= 1
    with app.app_context():
        logged = db.session.scalars(select(ReviewLog.grade).order_by(ReviewLog.id)).all()
        assert logged == [5, 4, 5]
        assert all(row.answer_ms > 0 for row in db.session.scalars(select(ReviewLog)))


def _only_cards(app: Flask, keep: dict[str, str]) -> None:
    """Suspend every card of the student except `keep` ({point code: card kind})."""
    with app.app_context():
        kept = [db.session.scalar(select(Card.id).join(Point, Point.id == Card.point_id)
                                  .where(Point.code == code, Card.kind == kind))
                for code, kind in keep.items()]
        db.session.execute(update(CardState).where(CardState.card_id.not_in(kept)).values(suspended=True))
        db.session.commit()


def next_page(page: Page) -> None:
    """Enter on a quiz result goes on to the next card: once the page (and its script) has loaded,
    and waiting for the next page, so nothing races the key."""
    page.wait_for_load_state()
    with page.expect_navigation():
        page.keyboard.press("Enter")


def _location(app: Flask, code: str) -> str:
    """The location as a question shows it: without the point's own names."""
    return bundled_points()[code].nameless_location


def _revealed(shown: str) -> str:
    """The whole location (names and all) of the point whose question showed `shown`."""
    return next(p.location for p in bundled_points().values() if p.nameless_location == shown)


def test_quiz_each_kind_with_keyboard_right_and_wrong(live_app: tuple[Flask, str], page: Page) -> None:
    app, base = live_app
    register(page, base, "quiz-student")
    page.goto(f"{base}/study/kidney")  # choosing the deck by opening it
    _only_cards(app, {"KI-7": "quiz-where-is", "KI-3": "quiz-which-point", "KI-8": "quiz-relation"})

    # 1. Where is KI-7? Wrong twice: the page shows what was picked, then both locations.
    page.goto(f"{base}/study/kidney")
    expect(page.locator("article.quiz")).to_have_attribute("data-kind", "where-is")
    expect(page.locator(".point-names .code")).to_have_text("KI-7")
    texts = page.locator("#quiz-choices .choice span").all_inner_texts()
    right = texts.index(_location(app, "KI-7")) + 1
    wrong = [n for n in range(1, len(texts) + 1) if n != right]
    page.keyboard.press(str(wrong[0]))
    expect(page.locator(".try-again")).to_contain_text("one more try")
    expect(page.locator(f'#quiz-choices button[value="{wrong[0]}"]')).to_be_disabled()
    page.keyboard.press(str(wrong[1]))
    expect(page.locator("#verdict")).to_have_text("Not this time")
    expect(page.locator("#quiz-chosen")).to_contain_text(_revealed(texts[wrong[1] - 1]))
    expect(page.locator("#quiz-answer")).to_contain_text(bundled_points()["KI-7"].location)
    expect(page.locator("#quiz-grade")).to_contain_text("Graded 1")
    expect(page.locator("#quiz-grade")).to_contain_text("next review Tue 3 Mar")
    next_page(page)

    # 2. Which point is here? The right one with its number key.
    expect(page.locator("article.quiz")).to_have_attribute("data-kind", "which-point")
    expect(page.locator("#quiz-prompt")).to_have_text(_location(app, "KI-3"))
    names = page.locator("#quiz-choices .choice span").all_inner_texts()
    page.keyboard.press(str([n.split()[0] for n in names].index("KI-3") + 1))
    expect(page.locator("#verdict")).to_have_text("Correct")
    expect(page.locator("#quiz-grade")).to_contain_text("Graded 5")
    next_page(page)

    # 3. A relation, answered by typing the pinyin without tones, then Enter.
    expect(page.locator("article.quiz")).to_have_attribute("data-kind", "relation")
    page.fill("#typed", "jiaoxin")
    page.keyboard.press("Enter")
    expect(page.locator("#verdict")).to_have_text("Correct")
    expect(page.locator("#quiz-answer")).to_contain_text("KI-8")
    next_page(page)

    # The lapse comes back today (step 7) until it is answered well; then the day is done.
    expect(page.locator("article.quiz")).to_have_attribute("data-kind", "where-is")
    texts = page.locator("#quiz-choices .choice span").all_inner_texts()
    page.keyboard.press(str(texts.index(_location(app, "KI-7")) + 1))
    expect(page.locator("#verdict")).to_have_text("Correct")
    next_page(page)
    expect(page.locator("h1")).to_contain_text("done for today")

    with app.app_context():
        rows = db.session.execute(
            select(Point.code, ReviewLog.kind, ReviewLog.grade, ReviewLog.new_due_day)
            .join(Card, Card.id == ReviewLog.card_id).join(Point, Point.id == Card.point_id)
            .order_by(ReviewLog.id)).all()
    assert [(r.code, r.kind, r.grade) for r in rows] == [
        ("KI-7", "new", 1), ("KI-3", "new", 5), ("KI-8", "new", 5), ("KI-7", "redrill", 5)]
    assert {r.new_due_day for r in rows} == {date(2026, 3, 3)}  # the clock starts on Mon 2 Mar


def test_progress_page_shows_two_days_of_study(live_app: tuple[Flask, str], page: Page, clock: Clock) -> None:
    """Monday: four new Kidney flashcards. Tuesday: two of the four reviews (one failed), then the
    rest. The progress page, read as a student reads it on a phone, shows what happened."""
    app, base = live_app
    register(page, base, "progress-student")
    new_cards_per_day(page, base, 4)
    page.goto(f"{base}/study/kidney")  # choosing the deck by opening it
    _only_cards(app, {code: "name-location" for code in ("KI-1", "KI-2", "KI-3", "KI-4")})

    # Monday 2 March: the four cards, first seen, all passed: each is due again tomorrow.
    page.goto(f"{base}/study/kidney")
    for grade in (5, 4, 5, 5):
        flip_and_grade(page, grade)
    expect(page.locator("h1")).to_contain_text("done for today")

    # Tuesday 3 March: no new cards today; two reviews, the second failed.
    clock.advance(days=1)
    new_cards_per_day(page, base, 0)
    page.goto(f"{base}/study/kidney")
    for grade in (5, 2):
        flip_and_grade(page, grade)

    page.goto(f"{base}/progress")
    expect(page.locator("h1")).to_have_text("Your progress")
    expect(page.locator("#today-done")).to_have_text("2")
    expect(page.locator("#today-left")).to_have_text("2")  # the two reviews not yet answered
    expect(page.locator("#today-due")).to_have_text("4")
    expect(page.locator("#today-time")).to_have_text("under 1 min")
    # Monday counts; today does not yet (reviews are left), which does not break the streak.
    expect(page.locator("#streak-current")).to_have_text("1 day")
    expect(page.locator("#streak-longest")).to_have_text("1 day")
    heatmap = page.locator("section[aria-labelledby=calendar-heading]")
    expect(heatmap.locator("figcaption")).to_have_text(
        "Cards studied per day from 2025-03-04 to 2026-03-03: 6 cards on 2 of 365 days; "
        "most in one day: 4 on 2026-03-02.")
    expect(heatmap.locator("rect title", has_text="2026-03-03:")).to_have_text("2026-03-03: 2 cards studied")
    # Young cards only (interval 1 before today's reviews): one of two passed.
    expect(page.locator("#retention-7-young")).to_have_text("50% 1 of 2")
    expect(page.locator("#retention-7-mature")).to_have_text("no reviews")
    # The forecast, as numbers: two still due today, the failed card tomorrow, the passed one in six days.
    page.click("section[aria-labelledby=forecast-heading] summary")
    forecast = page.locator("#forecast-table")
    expect(forecast).to_be_visible()
    expected = {"2026-03-03": "2", "2026-03-04": "1", "2026-03-09": "1", "2026-03-05": "0"}
    for day, due in expected.items():
        expect(forecast.locator(f'td[data-day="{day}"]')).to_have_text(due)
    expect(page.locator("section[aria-labelledby=mastery-heading] figcaption").first).to_contain_text(
        "Kidney 0/27 mature")
    expect(page.locator("#weakest a.code").first).to_have_text(_failed_point(app))

    # The rest of Tuesday: the two reviews and the re-drill of the failed card, all passed.
    page.goto(f"{base}/study/kidney")
    for _ in range(3):
        flip_and_grade(page, 5)
    expect(page.locator("h1")).to_contain_text("done for today")
    page.goto(f"{base}/progress")
    expect(page.locator("#today-done")).to_have_text("4")  # the re-drill is a repeat, not a card done
    expect(page.locator("#today-left")).to_have_text("0")
    expect(page.locator("#streak-current")).to_have_text("2 days")
    expect(page.locator("#streak-longest")).to_have_text("2 days")
    expect(page.locator("#retention-7-young")).to_have_text("75% 3 of 4")
    page.click("section[aria-labelledby=forecast-heading] summary")
    for day, due in {"2026-03-03": "0", "2026-03-04": "1", "2026-03-09": "3"}.items():
        expect(page.locator(f'#forecast-table td[data-day="{day}"]')).to_have_text(due)


def _failed_point(app: Flask) -> str:
    """The point of the card failed on Tuesday: the lowest easiness, so the weakest point."""
    with app.app_context():
        return db.session.scalar(select(Point.code).join(Card, Card.point_id == Point.id)
                                 .join(ReviewLog, ReviewLog.card_id == Card.id).where(ReviewLog.grade == 2))


def switch_scheduler(page: Page, base: str, scheduler: str, says: str) -> None:
    """Choose the scheduler in Settings (its radio buttons: SM-2 first, FSRS second) and save."""
    page.goto(f"{base}/settings")
    page.check("#scheduler-0" if scheduler == "sm2" else "#scheduler-1")
    expect(page.locator("#desired_retention")).to_have_value("0.9")
    page.click("main button[type=submit]")
    expect(page.locator(".flash").last).to_contain_text(says)


def test_fsrs_mode_with_keys_1_to_4_recall_on_the_point_page_and_back_to_sm2(
        live_app: tuple[Flask, str], page: Page, clock: Clock) -> None:
    app, base = live_app
    register(page, base, "fsrs-student")
    new_cards_per_day(page, base, 3)
    page.goto(f"{base}/study/kidney")  # choosing the deck by opening it
    _only_cards(app, {f"KI-{n}": "name-location" for n in range(1, 7)})

    # Monday on SM-2: three new cards graded 5, 4, 5.
    page.goto(f"{base}/study/kidney")
    for grade in (5, 4, 5):
        flip_and_grade(page, grade)
    expect(page.locator("h1")).to_contain_text("done for today")

    # Wednesday on FSRS: Again, Hard, Good and Easy with keys 1-4.
    switch_scheduler(page, base, "fsrs", "now scheduled by FSRS")
    clock.advance(days=2)
    page.goto(f"{base}/study/kidney")
    page.keyboard.press("Space")
    expect(page.locator("#grade-form button")).to_have_text(["1 Again", "2 Hard", "3 Good", "4 Easy"])
    page.keyboard.press("5")  # no such button in FSRS mode: nothing happens
    expect(page.locator("#grade-form")).to_be_visible()
    with page.expect_navigation():
        page.keyboard.press("3")  # the review FSRS has due today (graded 4, Good, on Monday)
    for rating in (1, 2, 4, 3):  # three new cards, then the one rated Again comes back today
        flip_and_grade(page, rating)
    expect(page.locator("h1")).to_contain_text("done for today")
    with app.app_context():
        logged = db.session.execute(select(ReviewLog.kind, ReviewLog.grade, ReviewLog.rating)
                                    .order_by(ReviewLog.id)).all()
        assert [tuple(row) for row in logged[3:]] == [("review", 4, 3), ("new", 1, 1), ("new", 3, 2),
                                                      ("new", 5, 4), ("redrill", 4, 3)]
        reviewed = db.session.scalar(select(Point.code).join(Card, Card.point_id == Point.id)
                                     .join(ReviewLog, ReviewLog.card_id == Card.id).where(ReviewLog.kind == "review"))

    # The point pages show FSRS's recall today: certain for the card just reviewed, less for one left alone.
    studied = page.locator("dd.recall", has_text="%")  # the other cards of the point are new
    page.goto(f"{base}/points/{reviewed}")
    expect(studied).to_have_text(["100%"])
    page.goto(f"{base}/points/KI-1")
    expect(studied).to_have_text([re.compile(r"^[89]\d%$")])

    # Back to SM-2: every card's SM-2 schedule is what SM-2 makes of its grades, as if never switched.
    switch_scheduler(page, base, "sm2", "scheduled by SM-2 again")
    with app.app_context():
        by_card: dict[int, list[ReviewLog]] = {}
        for row in db.session.scalars(select(ReviewLog).order_by(ReviewLog.id)):
            by_card.setdefault(row.card_id, []).append(row)
        for card_id, rows in by_card.items():
            state = db.session.scalar(select(CardState).where(CardState.card_id == card_id))
            assert state is not None
            expected, due = sm2.SM2State(), None
            for row in rows:
                if row.kind != "redrill":
                    expected = sm2.review(expected, row.grade)
                    due = row.study_day + timedelta(days=expected.interval)
            assert (state.repetitions, state.easiness_centi, state.interval, state.due_day) == (
                expected.repetitions, expected.easiness_centi, expected.interval, due)
    # KI-1 and KI-3 (graded 5 on Monday) have been due for SM-2 since Tuesday, as they would have been.
    page.goto(f"{base}/")
    expect(page.locator('a[href="/study/kidney"]').locator("xpath=ancestor::tr")
           .locator('td[data-label="Due"]')).to_have_text("2")
    page.goto(f"{base}/points/KI-1")
    card = page.locator("article.card-history", has=studied)
    expect(card.locator(".schedule dd").first).to_have_text("Tue 3 Mar 2026")
    page.goto(f"{base}/study/kidney")
    page.keyboard.press("Space")
    expect(page.locator("#grade-form button")).to_have_count(6)
