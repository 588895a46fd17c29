"""A real browser (Debian's Chromium through Playwright) studies with the keyboard only: three Kidney
flashcards to the summary, and a location quiz of each kind. The server runs with CSRF on, as in
production."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from flask import Flask
from playwright.sync_api import Browser, Page, expect, sync_playwright
from sqlalchemy import select, update
from werkzeug.serving import make_server

from studyapp.extensions import db
from studyapp.models import Card, CardState, Point, ReviewLog

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
# Flags for a closed network: no background connections, no first-run work.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture
def live_app(app_factory: Callable[..., Flask]) -> Iterator[tuple[Flask, str]]:
    app = app_factory(WTF_CSRF_ENABLED=True)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield app, f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert CHROMIUM.exists(), "install Debian's chromium (scripts/test-deps does it)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def test_register_study_three_cards_with_keyboard_and_see_summary(live_app: tuple[Flask, str],
                                                                   browser: Browser) -> None:
    app, base = live_app
    page: Page = browser.new_page(viewport={"width": 390, "height": 844})  # a phone
    page.goto(f"{base}/register")
    page.fill("#username", "browser-student")
    page.fill("#password", "a long password")
    page.fill("#confirm", "a long password")
    page.click("main button[type=submit]")
    expect(page.locator("h1")).to_have_text("Your decks")
    page.goto(f"{base}/settings")
    page.fill("#new_cards_per_day", "3")
    page.click("main button[type=submit]")
    expect(page.locator(".flash")).to_contain_text("Settings saved")

    page.goto(f"{base}/study/kidney")
    grades = ["5", "4", "5"]
    for grade in grades:
        expect(page.locator("#back")).to_be_hidden()
        page.keyboard.press("Space")
        expect(page.locator("#back")).to_be_visible()
        expect(page.locator("#back .cautions")).to_be_visible()
        page.keyboard.press(grade)
        page.wait_for_load_state("load")

    expect(page.locator("h1")).to_contain_text("done for today")
    expect(page.locator("#summary-reviewed")).to_have_text("3")
    expect(page.locator("#summary-correct")).to_have_text("3")
    expect(page.locator("#summary-next")).to_have_text("Tue 3 Mar")
    expect(page.locator("footer")).to_contain_text("does not replace a qualified practitioner")
    # The vendored hanzi font loads, so hanzi render even on a machine without Chinese fonts.
    loaded = page.evaluate("""document.fonts.load('16px "Study Hanzi TC"', '交信').then(faces => faces.length)""")
    assert loaded == 1
    with app.app_context():
        logged = db.session.scalars(select(ReviewLog.grade).order_by(ReviewLog.id)).all()
        assert logged == [5, 4, 5]
        assert all(row.answer_ms > 0 for row in db.session.scalars(select(ReviewLog)))
    page.close()


def _only_quiz_cards(app: Flask, keep: dict[str, str]) -> None:
    """Suspend every card of the student except the quiz cards `keep` ({point code: quiz kind})."""
    with app.app_context():
        kept = [db.session.scalar(select(Card.id).join(Point, Point.id == Card.point_id)
                                  .where(Point.code == code, Card.kind == f"quiz-{kind}"))
                for code, kind in keep.items()]
        db.session.execute(update(CardState).where(CardState.card_id.not_in(kept)).values(suspended=True))
        db.session.commit()


def _location(app: Flask, code: str) -> str:
    with app.app_context():
        return db.session.scalar(select(Point.record).where(Point.code == code))["location"]


def test_quiz_each_kind_with_keyboard_right_and_wrong(live_app: tuple[Flask, str], browser: Browser) -> None:
    app, base = live_app
    page: Page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(f"{base}/register")
    page.fill("#username", "quiz-student")
    page.fill("#password", "a long password")
    page.fill("#confirm", "a long password")
    page.click("main button[type=submit]")
    page.goto(f"{base}/study/kidney")  # choosing the deck by opening it
    _only_quiz_cards(app, {"KI-7": "where-is", "KI-3": "which-point", "KI-8": "relation"})

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
    expect(page.locator("#quiz-chosen")).to_contain_text(texts[wrong[1] - 1])
    expect(page.locator("#quiz-answer")).to_contain_text(_location(app, "KI-7"))
    expect(page.locator("#quiz-grade")).to_contain_text("Graded 1")
    expect(page.locator("#quiz-grade")).to_contain_text("next review Tue 3 Mar")
    page.keyboard.press("Enter")

    # 2. Which point is here? The right one with its number key.
    expect(page.locator("article.quiz")).to_have_attribute("data-kind", "which-point")
    expect(page.locator("#quiz-prompt")).to_have_text(_location(app, "KI-3"))
    names = page.locator("#quiz-choices .choice span").all_inner_texts()
    page.keyboard.press(str([n.split()[0] for n in names].index("KI-3") + 1))
    expect(page.locator("#verdict")).to_have_text("Correct")
    expect(page.locator("#quiz-grade")).to_contain_text("Graded 5")
    page.keyboard.press("Enter")

    # 3. A relation, answered by typing the pinyin without tones, then Enter.
    expect(page.locator("article.quiz")).to_have_attribute("data-kind", "relation")
    page.fill("#typed", "jiaoxin")
    page.keyboard.press("Enter")
    expect(page.locator("#verdict")).to_have_text("Correct")
    expect(page.locator("#quiz-answer")).to_contain_text("KI-8")
    page.keyboard.press("Enter")

    # The lapse comes back today (step 7) until it is answered well; then the day is done.
    expect(page.locator("article.quiz")).to_have_attribute("data-kind", "where-is")
    texts = page.locator("#quiz-choices .choice span").all_inner_texts()
    page.keyboard.press(str(texts.index(_location(app, "KI-7")) + 1))
    expect(page.locator("#verdict")).to_have_text("Correct")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_contain_text("done for today")

    with app.app_context():
        rows = db.session.execute(
            select(Point.code, ReviewLog.kind, ReviewLog.grade, ReviewLog.new_due_day)
            .join(Card, Card.id == ReviewLog.card_id).join(Point, Point.id == Card.point_id)
            .order_by(ReviewLog.id)).all()
    assert [(r.code, r.kind, r.grade) for r in rows] == [
        ("KI-7", "new", 1), ("KI-3", "new", 5), ("KI-8", "new", 5), ("KI-7", "redrill", 5)]
    assert {r.new_due_day for r in rows} == {date(2026, 3, 3)}  # the clock starts on Mon 2 Mar
    page.close()
