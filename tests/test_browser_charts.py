"""Locating points on the body charts in a real browser: a tap on a phone, the keyboard alone on a
desktop; the grade lands in the schedule either way."""

from __future__ import annotations

import pytest
from flask import Flask
from playwright.sync_api import Page, expect
from sqlalchemy import select

from studyapp.extensions import db
from studyapp.models import CardState, ReviewLog
from studyapp.services import quiz_pool
from tests.browser import register
from tests.test_quiz_flow import only_quiz_cards

pytestmark = pytest.mark.browser


def ki8_locate_card(app: Flask, page: Page, base: str, username: str) -> None:
    register(page, base, username)
    page.goto(f"{base}/study/kidney")  # choosing the deck by opening it enrols the student
    with app.app_context():
        only_quiz_cards(app, "locate", "KI-8")
    page.goto(f"{base}/study/kidney")
    expect(page.locator("article.quiz")).to_have_attribute("data-kind", "locate")
    expect(page.locator(".point-names .code")).to_have_text("KI-8")


def ki8_place(app: Flask) -> tuple[float, float, float]:
    """KI-8's place on its chart and the size of one cun there, in the chart's units."""
    with app.app_context():
        charts = quiz_pool.point_pool().charts
        placed = charts.primary("KI-8")
        assert placed is not None
        frame = charts.views[placed.view].figure.frames[placed.frame]
        return placed.positions[0].x, placed.positions[0].y, frame.scales(placed.along, placed.across)[0]


def logged_grade(app: Flask) -> tuple[int, object]:
    with app.app_context():
        log = db.session.scalar(select(ReviewLog).order_by(ReviewLog.id.desc()))
        assert log is not None
        state = db.session.scalar(select(CardState).where(CardState.card_id == log.card_id))
        assert state is not None
        return log.grade, state.due_day


def test_on_a_phone_a_tap_near_ki8_is_graded_by_its_distance(live_app: tuple[Flask, str], phone: Page) -> None:
    app, base = live_app
    ki8_locate_card(app, phone, base, "tapper")
    x, y, one_cun = ki8_place(app)
    chart = phone.locator("#locate-chart")
    expect(chart).to_be_visible()
    # where KI-8 is on the screen, from the chart's own transform: then tap 0.3 cun above it
    screen = phone.evaluate(
        "([x, y]) => { const svg = document.getElementById('locate-chart');"
        " const p = svg.createSVGPoint(); p.x = x; p.y = y; const s = p.matrixTransform(svg.getScreenCTM());"
        " const box = svg.getBoundingClientRect(); return [s.x - box.left, s.y - box.top]; }",
        [x, y - 0.3 * one_cun])
    chart.tap(position={"x": screen[0], "y": screen[1]})
    expect(phone.locator("#locate-status")).to_contain_text("Place chosen")
    expect(phone.locator("#locate-check")).to_be_enabled()
    phone.locator("#locate-check").tap()
    expect(phone.locator("#verdict")).to_contain_text("Right on it")
    expect(phone.locator("#quiz-distance")).to_contain_text("cun from KI-8")
    # a finger's tap lands on whole CSS pixels: within a pixel or two (a tenth of a cun) of the aim
    shown = float(phone.locator("#quiz-distance strong").inner_text().split()[0])
    assert abs(shown - 0.3) <= 0.15
    expect(phone.locator("#quiz-grade")).to_contain_text("Graded 5")
    grade, due_day = logged_grade(app)
    assert grade == 5 and due_day is not None  # the grade is in the schedule


def test_on_a_desktop_the_keyboard_alone_places_the_cross_hair(live_app: tuple[Flask, str], desktop: Page) -> None:
    app, base = live_app
    ki8_locate_card(app, desktop, base, "keyboarder")
    # Tab to the chart (no mouse anywhere), place the cross-hair at its centre, move it, check it
    for _ in range(40):
        desktop.keyboard.press("Tab")
        if desktop.evaluate("document.activeElement && document.activeElement.id") == "locate-chart":
            break
    assert desktop.evaluate("document.activeElement.id") == "locate-chart"
    desktop.keyboard.press("Enter")  # no place yet: Enter puts the cross-hair in the middle
    expect(desktop.locator("#locate-status")).to_contain_text("Place chosen")
    # walk the cross-hair to KI-8 with the arrow keys: Shift steps a 15th of the view, plain ones a 60th
    x, y, _ = ki8_place(app)
    width = desktop.evaluate("document.getElementById('locate-chart').viewBox.baseVal.width")
    walks = (("#locate-x", x, ("ArrowLeft", "ArrowRight")), ("#locate-y", y, ("ArrowUp", "ArrowDown")))
    for axis, target, keys in walks:
        for step, modifier in ((width / 15, "Shift+"), (width / 60, "")):
            while abs(target - float(desktop.input_value(axis))) > step / 2:
                desktop.keyboard.press(modifier + keys[target > float(desktop.input_value(axis))])
    with desktop.expect_navigation():
        desktop.keyboard.press("Enter")
    expect(desktop.locator("#verdict")).to_contain_text("Right on it")
    expect(desktop.locator("#quiz-distance")).to_contain_text("cun from KI-8")
    expect(desktop.locator("#quiz-grade")).to_contain_text("Graded 5")
    grade, due_day = logged_grade(app)
    assert grade == 5 and due_day is not None
    # Enter on the result page goes on to the next card; the link is reached with the keyboard too
    expect(desktop.locator("#next-card")).to_be_visible()
