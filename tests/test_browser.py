"""A real browser (Debian's Chromium through Playwright) registers, studies three Kidney cards with
the keyboard only, and sees the summary. The server runs with CSRF on, as in production."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from flask import Flask
from playwright.sync_api import Browser, Page, expect, sync_playwright
from sqlalchemy import select
from werkzeug.serving import make_server

from studyapp.extensions import db
from studyapp.models import ReviewLog

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
    with app.app_context():
        logged = db.session.scalars(select(ReviewLog.grade).order_by(ReviewLog.id)).all()
        assert logged == [5, 4, 5]
        assert all(row.answer_ms > 0 for row in db.session.scalars(select(ReviewLog)))
    page.close()
