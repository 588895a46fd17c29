"""A student's first week in a real browser, on a desktop (1280 x 800) and a phone (390 x 844): from
the landing page to registering, choosing one channel, studying day 1 (flashcards and location
quizzes on the body chart), coming back on day 2, and reading the same numbers on the summary,
Progress and Export. Every page visited passes axe-core (no serious or critical violation) in the
light and the dark colour scheme."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from flask import Flask
from playwright.sync_api import Browser, Page, expect

from studyapp.services import quiz_pool
from tests.browser import assert_accessible, watched_page
from tests.conftest import Clock

pytestmark = pytest.mark.browser

SIZES = {"desktop": {"viewport": {"width": 1280, "height": 800}},
         "phone": {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}}


@pytest.fixture(params=sorted(SIZES))
def student_page(request: pytest.FixtureRequest, browser: Browser) -> Iterator[tuple[str, Page]]:
    yield from ((request.param, page) for page in watched_page(browser, **SIZES[request.param]))


def visit(page: Page, url: str) -> None:
    page.goto(url)
    assert_accessible(page)


def menu(page: Page, size: str, link: str) -> None:
    """Follow a link of the main navigation: in the header, or on a phone from the Menu."""
    if size == "phone":
        page.locator(".nav-menu summary").click()
        page.locator(".nav-menu nav").get_by_role("link", name=link).click()
    else:
        page.locator(".nav-wide").get_by_role("link", name=link).click()
    page.wait_for_load_state()
    assert_accessible(page)


def place_of(app: Flask, code: str) -> tuple[float, float]:
    with app.app_context():
        placed = quiz_pool.point_pool().charts.primary(code)
        assert placed is not None
        return placed.positions[0].x, placed.positions[0].y


def click_on_chart(page: Page, size: str, x: float, y: float) -> None:
    """Click (or tap) the locate chart at (x, y) in the chart's own units."""
    chart = page.locator("#locate-chart")
    spot = page.evaluate(
        "([x, y]) => { const svg = document.getElementById('locate-chart'); const p = svg.createSVGPoint();"
        " p.x = x; p.y = y; const s = p.matrixTransform(svg.getScreenCTM()); const box = svg.getBoundingClientRect();"
        " return [s.x - box.left, s.y - box.top]; }", [x, y])
    if size == "phone":
        chart.tap(position={"x": spot[0], "y": spot[1]})
    else:
        chart.click(position={"x": spot[0], "y": spot[1]})


def study_until_done(app: Flask, page: Page, size: str, grades: Iterator[int]) -> list[str]:
    """Answer every card the deck offers today: flashcards with Space then a grade key, locate quizzes
    by clicking the point on its chart. Returns the kinds of card met, in order."""
    met: list[str] = []
    for _ in range(40):
        page.wait_for_load_state()
        if page.locator("h1", has_text="done for today").count():
            return met
        kind = page.locator("article").first.get_attribute("data-kind") or ""
        first_of_its_kind = kind not in met
        met.append(kind)
        if first_of_its_kind:  # each kind of page once: the checks are slow, and pages of a kind alike
            assert_accessible(page)
        if kind == "locate":
            code = page.locator(".point-names .code").inner_text()
            click_on_chart(page, size, *place_of(app, code))
            with page.expect_navigation():
                page.locator("#locate-check").click()
            expect(page.locator("#quiz-distance")).to_contain_text(f"from {code}")
            if first_of_its_kind:
                assert_accessible(page)
            page.wait_for_load_state()
            with page.expect_navigation():
                page.keyboard.press("Enter")
        else:
            page.keyboard.press("Space")
            expect(page.locator("#back")).to_be_visible()
            with page.expect_navigation():
                page.keyboard.press(str(next(grades)))
    raise AssertionError(f"the day never ended: {met}")


def number(page: Page, selector: str) -> int:
    return int(re.sub(r"[^\d]", "", page.locator(selector).first.inner_text()))


def numbers_agree(page: Page, size: str, base: str, deck: str) -> tuple[int, int]:
    """The summary's numbers, read back from Progress and Export: (cards studied, answers)."""
    page.goto(f"{base}/study/{deck}")
    expect(page.locator("h1")).to_contain_text("done for today")
    assert_accessible(page)
    studied, answers = number(page, "#summary-studied"), number(page, "#summary-answers")
    menu(page, size, "Progress")
    assert number(page, "#today-done") == studied
    expect(page.locator("#today-answers")).to_contain_text(f"{answers} answer")
    menu(page, size, "Export")
    return studied, answers


def test_a_first_week(live_app: tuple[Flask, str], student_page: tuple[str, Page], clock: Clock) -> None:
    app, base = live_app
    size, page = student_page

    # The landing page says what the app is, with a chart, and leads to registering
    visit(page, f"{base}/")
    expect(page.locator("h1")).to_have_text("Learn the acupoints where they are on the body")
    expect(page.locator(".landing-chart svg")).to_be_visible()
    page.get_by_role("link", name="Create an account").click()
    assert_accessible(page)
    page.fill("#username", f"first-{size}")
    page.fill("#password", "a long password")
    page.fill("#confirm", "a long password")
    page.click("main button[type=submit]")
    expect(page.locator("h1")).to_have_text("Your decks")
    assert_accessible(page)
    if size == "phone":  # the header is one line and leaves the screen to the page
        assert page.locator(".site-header").bounding_box()["height"] < 70  # type: ignore[index]

    # Six new cards a day keep the week short: three points met, each then found on the chart
    menu(page, size, "Settings")
    page.fill("#new_cards_per_day", "6")
    page.click("main button[type=submit]")
    expect(page.locator(".flash")).to_contain_text("Settings saved")

    # Choose one channel with the first-week button
    menu(page, size, "Decks")
    page.get_by_role("link", name="Choose your decks").first.click()
    assert_accessible(page)
    page.get_by_role("button", name=re.compile("Lung channel")).click()
    expect(page.locator("table.decks")).to_contain_text("Lung channel")
    assert_accessible(page)

    # Day 1: flashcards and location quizzes from the start; one card graded 2 comes back today
    page.goto(f"{base}/study/lung")
    met = study_until_done(app, page, size, iter([5, 2, 4, 4, 5, 5]))
    assert met.count("name-location") >= 3 and met.count("locate") == 3, met
    studied, answers = numbers_agree(page, size, base, "lung")
    assert (studied, answers) == (6, 7)  # six cards, one of them again today
    expect(page.locator("#export-answers")).to_have_text("7")

    # Day 2 (a frozen clock moves on): yesterday's cards are due, and three more points come
    clock.advance(days=1)
    menu(page, size, "Decks")
    expect(page.locator("td.due").first).to_have_text("6")
    page.goto(f"{base}/study/lung")
    if size == "phone":  # a flashcard's back keeps at least 70% of the screen for the card
        expect(page.locator("#show-answer")).to_be_visible()
        page.keyboard.press("Space")
        header = page.locator(".site-header").bounding_box()["height"]  # type: ignore[index]
        bar = page.locator(".card .actions").bounding_box()["height"]  # type: ignore[index]
        assert (844 - header - bar) / 844 >= 0.7
        page.goto(f"{base}/study/lung")
    study_until_done(app, page, size, iter([5, 4, 5, 4, 5, 4, 5, 4, 5, 4, 5, 4]))
    day_two_studied, day_two_answers = numbers_agree(page, size, base, "lung")
    expect(page.locator("#export-answers")).to_have_text(str(answers + day_two_answers))
    menu(page, size, "Progress")
    expect(page.locator("#streak-current")).to_have_text("2 days")
    expect(page.locator("section[aria-labelledby=calendar-heading] figcaption")).to_contain_text(
        f"{studied + day_two_studied} cards on 2 of 365 days")


def test_shortcut_keys_leave_focused_links_alone(live_app: tuple[Flask, str], desktop: Page) -> None:
    _, base = live_app
    page = desktop
    page.goto(f"{base}/register")
    page.fill("#username", "keys")
    page.fill("#password", "a long password")
    page.fill("#confirm", "a long password")
    page.click("main button[type=submit]")
    page.goto(f"{base}/study/kidney")
    expect(page.locator("#show-answer")).to_be_visible()
    # Enter on a focused link follows the link: it does not reveal the card
    page.locator(".study-head a", has_text="Decks").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Your decks")
    # Space on the page itself still reveals, and the number keys grade: three points met
    page.goto(f"{base}/study/kidney")
    for _ in range(3):
        expect(page.locator("#show-answer")).to_be_visible()
        page.keyboard.press("Space")
        expect(page.locator("#back")).to_be_visible()
        with page.expect_navigation():
            page.keyboard.press("5")
    # a locate quiz: give up with 0, then on its result Enter on "The whole record" opens it, no next card
    expect(page.locator("article.quiz")).to_have_attribute("data-kind", "locate")
    with page.expect_navigation():
        page.keyboard.press("0")
    summary = page.locator("details.full-record > summary")
    summary.focus()
    page.keyboard.press("Enter")
    expect(page.locator("details.full-record")).to_have_attribute("open", "")
    expect(page.locator("#verdict")).to_be_visible()  # still on the result
