"""Every page preloads exactly the hanzi font chunks of the characters it shows: the point names in the
traditional face, other text (the header's 穴位, quiz choices) in the simplified one. In a real browser,
those are the very chunks the page then uses, and it fetches no other."""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from fontTools.ttLib import TTFont
from playwright.sync_api import Browser, Page, expect

from studyapp.hanzi_fonts import NAMES_FAMILY, STYLESHEET, TEXT_FAMILY, Chunk, read_chunks
from tests.browser import CHROMIUM, CHROMIUM_ARGS, register
from tests.conftest import PROJECT_ROOT, AuthActions, bundled_points, choose_decks

CHUNKS = read_chunks(PROJECT_ROOT / "static" / STYLESHEET)
PRELOAD = re.compile(r'^<(/static/fonts/hanzi-(?:tc|sc)-\d\d\.[0-9a-f]{12}\.woff2)>; rel=preload; as=font; '
                     r'type="font/woff2"; crossorigin$')
HEADER = "穴位"


def chunk_files(family: str, text: str) -> set[str]:
    """The files of `family` that hold the Chinese characters of `text`."""
    return {chunk.filename for chunk in CHUNKS if chunk.family == family and chunk.characters & set(text)}


def preloaded(response: object) -> set[str]:
    """The static files a response preloads, by plain name (fonts/hanzi-tc-03.woff2)."""
    links = response.headers.getlist("Link")  # type: ignore[attr-defined]
    matches = [PRELOAD.match(link) for link in links]
    assert all(matches), links
    files = {re.sub(r"\.[0-9a-f]{12}\.", ".", match.group(1)).removeprefix("/static/") for match in matches if match}
    assert len(files) == len(links), "a chunk preloaded twice"
    return files


def names_of(code: str) -> str:
    point = bundled_points()[code]
    return "".join(point.hanzi_forms)


def test_a_logged_out_page_preloads_only_the_headers_two_characters(client: FlaskClient) -> None:
    assert preloaded(client.get("/login")) == chunk_files(TEXT_FAMILY, HEADER)
    assert len(chunk_files(TEXT_FAMILY, HEADER)) == 1


def test_a_study_card_preloads_the_chunks_of_its_point_names(client: FlaskClient, auth: AuthActions) -> None:
    auth.register()
    choose_decks(client, "kidney")
    response = client.get("/study/kidney?show=1")
    page = response.get_data(as_text=True)
    code = re.search(r'class="code"[^>]*>([A-Z]+-\d+)<', page).group(1)  # type: ignore[union-attr]
    point = bundled_points()[code]
    assert point.hanzi_simplified != point.hanzi  # KI-1: 湧泉, simplified 涌泉
    # The name in the traditional face; its simplified and variant forms beside it in the other one.
    wanted = (chunk_files(NAMES_FAMILY, point.hanzi)
              | chunk_files(TEXT_FAMILY, HEADER + point.hanzi_simplified + "".join(point.hanzi_variants)))
    assert preloaded(response) == wanted
    assert 3 <= len(wanted) <= 5  # not the whole font: a few chunks of ~10 KB


def test_the_point_list_preloads_the_chunks_of_the_names_it_lists(client: FlaskClient, auth: AuthActions) -> None:
    auth.register()
    response = client.get("/points?channel=KI")
    codes = re.findall(r'<li class="result" data-code="([^"]+)"', response.get_data(as_text=True))
    assert len(codes) == 27
    listed = "".join(bundled_points()[code].hanzi for code in codes)
    # The search box's placeholder shows an example in hanzi (交信) too, in the text face.
    wanted = chunk_files(NAMES_FAMILY, listed) | chunk_files(TEXT_FAMILY, HEADER + "交信")
    assert preloaded(response) == wanted
    # Only the chunks of the names as listed: not those of their simplified forms.
    everything = "".join(names_of(code) for code in codes)
    assert chunk_files(NAMES_FAMILY, everything) - chunk_files(NAMES_FAMILY, listed)


def test_quiz_choices_preload_their_chunks_of_the_text_face(client: FlaskClient, auth: AuthActions) -> None:
    auth.register()
    response = client.get("/quiz/practice?kind=which-point&channel=KI&seed=7")
    page = response.get_data(as_text=True)
    choices = [html.unescape(text) for text in re.findall(r'<kbd>\d</kbd> <span>(.*?)</span>', page)]
    assert len(choices) >= 4
    shown = "".join(choice.split()[2] for choice in choices)  # "KI-8 Jiāoxìn 交信 Exchange Belief"
    assert preloaded(response) == chunk_files(TEXT_FAMILY, HEADER + shown)


def test_names_in_the_page_and_in_choices_preload_both_faces(app: Flask) -> None:
    fonts = app.extensions["hanzi_fonts"]
    page = ('<p class="point-names"><span class="hanzi" lang="zh-Hant">湧泉</span>'
            '<span class="hanzi simplified" lang="zh-Hans">涌泉</span></p>'
            '<ol><li><button><kbd>1</kbd> <span>KI-3 Tàixī 太溪 Great Ravine</span></button></li></ol>'
            '<input type="search" placeholder="e.g. 太谿"><span class="hanzi-inline">復溜</span>')
    got: list[Chunk] = fonts.chunks_for(page)
    assert {chunk.filename for chunk in got} == (chunk_files(NAMES_FAMILY, "湧泉復溜")
                                                 | chunk_files(TEXT_FAMILY, "涌泉太溪谿"))  # a placeholder is drawn too
    assert fonts.chunks_for("<p>no Chinese here</p>") == []


def test_json_and_static_responses_preload_nothing(client: FlaskClient) -> None:
    response = client.get("/api/v1/points/KI-1")
    assert response.json["hanzi"] == "湧泉"  # type: ignore[index]
    assert "Link" not in response.headers
    assert "Link" not in client.get("/static/style.css", buffered=True).headers


@pytest.mark.browser
@pytest.mark.parametrize("path", ["/study/kidney?show=1", "/points", "/quiz/practice?kind=which-point&seed=3"])
def test_the_browser_uses_exactly_the_preloaded_chunks(live_app: tuple[Flask, str], page: Page, browser: Browser,
                                                       path: str) -> None:
    _, base = live_app
    register(page, base, "font-student")
    if path.startswith("/study"):
        page.goto(f"{base}/decks/choose")
        page.check("input[value=kidney]")
        with page.expect_navigation():
            page.click("main button[type=submit]")
        page.wait_for_load_state()
    # Once the browser has told which faces it has of its own (none here), pages ask no more.
    page.wait_for_function("document.cookie.includes('hanzi_local=')")
    # The page opened cold: the same student, an empty cache (a font cached earlier counts as used).
    context = browser.new_context(storage_state=page.context.storage_state(), viewport={"width": 390, "height": 844})
    cold = context.new_page()
    problems: list[str] = []
    cold.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    fetched: list[str] = []
    cold.on("request", lambda request: fetched.append(request.url) if request.resource_type == "font" else None)
    response = cold.goto(f"{base}{path}")
    assert response is not None and response.ok
    links = [value for header in response.headers_array() if header["name"].lower() == "link"
             for value in header["value"].split("\n")]
    preloads = {PRELOAD.match(link).group(1) for link in links}  # type: ignore[union-attr]
    expect(cold.locator("h1, .card").first).to_be_visible()
    # The faces the page has drawn text with, once every font it asked for has arrived.
    used = cold.evaluate("""document.fonts.ready.then(() => [...document.fonts]
        .filter(face => face.status === 'loaded').map(face => [face.family, face.unicodeRange]))""")
    used_chunks = {chunk_of(family.strip('"'), ranges) for family, ranges in used}
    assert {re.sub(r"\.[0-9a-f]{12}\.", ".", url).removeprefix("/static/") for url in preloads} == used_chunks
    # Each font came once, through its preload: none was fetched that the page had not announced.
    assert sorted(url.removeprefix(base) for url in fetched) == sorted(preloads)
    context.close()
    assert problems == []


def chunk_of(family: str, unicode_range: str) -> str:
    characters = set()
    for part in unicode_range.split(","):
        first, _, last = part.strip().upper().removeprefix("U+").partition("-")
        characters.update(chr(code) for code in range(int(first, 16), int(last or first, 16) + 1))
    return next(chunk.filename for chunk in CHUNKS if chunk.family == family and chunk.characters == characters)


@pytest.mark.browser
def test_a_browser_with_chinese_fonts_of_its_own_is_sent_no_preloads_for_them(
        live_app: tuple[Flask, str], browser: Browser, tmp_path: Path) -> None:
    """Chromium given system fonts "Noto Sans CJK SC" and "Noto Sans CJK TC" (here: our chunks of 穴位,
    under their Noto names), which style.css's stacks name before ours."""
    _, base = live_app
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    for family in (TEXT_FAMILY, NAMES_FAMILY):
        system_font = TTFont(PROJECT_ROOT / "static" / chunk_files(family, HEADER).pop())
        system_font.flavor = None
        system_font.save(fonts / f"{system_font['name'].getDebugName(6)}.otf")
    config = tmp_path / "fonts.conf"
    config.write_text(f'<?xml version="1.0"?><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
                      f'<dir>{fonts}</dir><cachedir>{tmp_path / "cache"}</cachedir></fontconfig>')
    chromium = browser.browser_type.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
                                           env={**os.environ, "FONTCONFIG_FILE": str(config)})
    try:
        page = chromium.new_page()
        first = page.goto(f"{base}/login")
        assert first is not None and first.headers.get("link")  # nothing known yet: the header's chunk
        page.wait_for_function("document.cookie.includes('hanzi_local=')")
        assert "hanzi_local=sc.tc" in page.evaluate("document.cookie")  # the names' face too, by a hidden 穴
        again = page.goto(f"{base}/login")
        assert again is not None and "link" not in again.headers
        page.wait_for_load_state()
        assert page.evaluate("document.fonts.ready.then(() => [...document.fonts].map(face => face.status))") \
            == ["unloaded"] * len(CHUNKS)
    finally:
        chromium.close()


def test_faces_the_browser_has_of_its_own_are_not_preloaded(client: FlaskClient, auth: AuthActions) -> None:
    auth.register()
    choose_decks(client, "kidney")
    both = preloaded(client.get("/study/kidney?show=1"))
    client.set_cookie("hanzi_local", "tc")
    assert preloaded(client.get("/study/kidney?show=1")) == {name for name in both if "hanzi-sc-" in name}
    client.set_cookie("hanzi_local", "sc.tc")
    assert preloaded(client.get("/study/kidney?show=1")) == set()
    client.set_cookie("hanzi_local", "nonsense")
    assert preloaded(client.get("/study/kidney?show=1")) == both
