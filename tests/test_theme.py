"""Light and dark themes: every main pair of text and background colours meets WCAG AA (4.5:1), and a
student's chosen theme reaches every page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from tests.conftest import AuthActions

STATIC = Path(__file__).parent.parent / "static"
# (text, background): the text the pages set on each background
PAIRS = [
    ("ink", "paper"), ("ink", "card"), ("muted", "paper"), ("muted", "card"), ("accent", "paper"),
    ("accent", "card"), ("accent-ink", "accent"), ("due", "card"), ("new", "card"), ("again", "card"),
    ("warn", "warn-bg"), ("ink", "warn-bg"), ("ink", "tint"), ("accent", "tint"), ("again", "badge"),
    ("ink", "soft"), ("ink", "field"), ("ink", "tag"), ("new", "tag-theme"), ("due", "tag-due"),
    ("muted", "tag-muted"),
]
CHART_PAIRS = [("b-label", "b-paper"), ("b-landmark", "b-paper"), ("b-target", "b-paper")]


def variables(css: str, selector: str) -> dict[str, str]:
    block = css[css.index(selector):]
    block = block[block.index("{") + 1: block.index("}")]
    return dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", block))


def luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


THEMES = {
    "light": variables((STATIC / "style.css").read_text(), ":root {"),
    "dark": variables((STATIC / "style.css").read_text(), ':root[data-theme="dark"] {'),
}
CHART_THEMES = {
    "light": variables((STATIC / "body.css").read_text(), ".body-chart {"),
    "dark": variables((STATIC / "body.css").read_text(), ':root[data-theme="dark"] .body-chart {'),
}


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_the_main_colour_pairs_meet_wcag_aa(theme: str) -> None:
    colours = THEMES[theme]
    low = [(text, back, round(contrast(colours[text], colours[back]), 2)) for text, back in PAIRS
           if contrast(colours[text], colours[back]) < 4.5]
    assert low == []


@pytest.mark.parametrize("theme", sorted(CHART_THEMES))
def test_chart_labels_meet_wcag_aa(theme: str) -> None:
    colours = CHART_THEMES[theme]
    assert all(contrast(colours[text], colours[back]) >= 4.5 for text, back in CHART_PAIRS), colours


def test_the_dark_theme_defines_every_colour_the_light_one_does() -> None:
    assert set(THEMES["dark"]) == set(THEMES["light"])
    assert set(CHART_THEMES["dark"]) == set(CHART_THEMES["light"])


def test_a_chosen_theme_reaches_every_page(client: FlaskClient, auth: AuthActions) -> None:
    auth.register()
    assert "data-theme" not in client.get("/").get_data(as_text=True)  # as the device is set
    response = client.post("/settings", data={"timezone": "UTC", "new_cards_per_day": 20,
                                              "reviews_per_day": 200, "theme": "dark"})
    assert response.status_code == 302
    for url in ("/", "/progress", "/points/KI-8", "/study/kidney", "/settings"):
        assert '<html lang="en" data-theme="dark">' in client.get(url).get_data(as_text=True), url
    bad = client.post("/settings", data={"timezone": "UTC", "new_cards_per_day": 20, "reviews_per_day": 200,
                                         "theme": "purple"})
    assert bad.status_code == 400 and 'data-theme="dark"' in bad.get_data(as_text=True)
