"""Browser-test fixtures, loaded for every test module by conftest's pytest_plugins: the app served on
a free port, Debian's Chromium through Playwright, and pages that fail the test on any error the
browser reports (a script error, a failed load, anything the Content-Security-Policy refuses)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from flask import Flask
from playwright.sync_api import Browser, Page, expect, sync_playwright
from werkzeug.serving import make_server

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


def watched_page(browser: Browser, **options: object) -> Iterator[Page]:
    """A page whose test fails if the browser reports any error."""
    page = browser.new_page(timezone_id="UTC", **options)  # type: ignore[arg-type]
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    yield page
    page.close()
    assert problems == []


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A phone-sized page (390 x 844)."""
    yield from watched_page(browser, viewport={"width": 390, "height": 844})


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    """A phone with a touch screen (390 x 844)."""
    yield from watched_page(browser, viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)


@pytest.fixture
def desktop(browser: Browser) -> Iterator[Page]:
    """A desktop window (1280 x 800)."""
    yield from watched_page(browser, viewport={"width": 1280, "height": 800})


def register(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/register")
    page.fill("#username", username)
    page.fill("#password", "a long password")
    page.fill("#confirm", "a long password")
    page.click("main button[type=submit]")
    expect(page.locator("h1")).to_have_text("Your decks")




# axe-core (the axe-playwright-python package bundles it; nothing is fetched): these impacts fail a test.
BLOCKING_IMPACTS = ("serious", "critical")


def accessibility_problems(page: Page) -> list[str]:
    """axe-core's serious and critical violations on the page as it is now, one line each."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [f"{violation['id']} ({violation['impact']}): {violation['help']} -- "
            + "; ".join(node["target"][0] if isinstance(node["target"][0], str) else str(node["target"])
                        for node in violation["nodes"][:3])
            for violation in results.response["violations"] if violation["impact"] in BLOCKING_IMPACTS]


def assert_accessible(page: Page) -> None:
    """No serious or critical axe-core violation, in the light and in the dark colour scheme."""
    problems = []
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        problems += [f"{page.url} [{scheme}] {line}" for line in accessibility_problems(page)]
    page.emulate_media(color_scheme="light")
    assert problems == [], "\n".join(problems)
