"""A real browser (Debian's Chromium) on the account pages: what it is told about each field."""

from __future__ import annotations

import pytest
from flask import Flask
from playwright.sync_api import Page, expect

from tests.browser import register

pytestmark = pytest.mark.browser


def test_password_fields_hide_what_is_typed(live_app: tuple[Flask, str], page: Page) -> None:
    _, base = live_app
    page.goto(f"{base}/register")
    for selector, autocomplete in (("#password", "new-password"), ("#confirm", "new-password"),
                                   ("#username", "username")):
        field = page.locator(selector)
        assert field.get_attribute("autocomplete") == autocomplete, selector
    assert page.locator("#password").get_attribute("type") == "password"
    assert page.locator("#confirm").get_attribute("type") == "password"
    assert page.locator("#username").get_attribute("type") == "text"
    # What is typed into a password field is not shown: the browser reports it as a password input.
    page.fill("#password", "a long password")
    assert page.evaluate("document.querySelector('#password').type") == "password"

    register(page, base, "browser-accounts")
    page.goto(f"{base}/settings")
    for selector in ("#timezone", "#new_cards_per_day", "#reviews_per_day"):
        assert page.locator(selector).get_attribute("autocomplete") != "None", selector
    assert page.locator("#new_cards_per_day").get_attribute("type") == "number"

    page.context.clear_cookies()  # a browser that is not logged in (the header's layout aside)
    page.goto(f"{base}/login")
    expect(page.locator("h1")).to_have_text("Log in")
    assert page.locator("#password").get_attribute("type") == "password"
    assert page.locator("#password").get_attribute("autocomplete") == "current-password"
