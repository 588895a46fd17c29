"""Preload the hanzi font chunks a page shows, so its hanzi appear with the page and never as boxes.

static/fonts/hanzi.css (made by scripts/build-hanzi-font.py) declares each face in chunks, one
@font-face per file with its characters as `unicode-range`; a browser fetches a chunk only once it
lays out a character of it, and hides the text until then (font-display: block). To spare that
wait, every HTML response gets a `Link: <...>; rel=preload; as=font` header for exactly the chunks
of the Chinese characters in it, found with one set look-up per character.

Which face draws which text is style.css's choice, mirrored here: the point names (elements of class
`hanzi` or `hanzi-inline`) in the traditional face, except their simplified and variant forms (also
of class `simplified` or `variant`), which, like all other text, are in the simplified face. Characters
in attributes count as text: a placeholder or an input's value is drawn too.
tests/test_hanzi_preload.py checks in a browser that the faces a page draws are those it preloads.

A browser on a system with Chinese fonts of its own (PingFang, Microsoft YaHei...) never uses our
faces, and would download the preloaded chunks for nothing: static/hanzi-fonts.js finds out which
face a page needed and did not use, and says so in the cookie `hanzi_local` ("sc", "tc" or "sc.tc"),
whose faces are then not preloaded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from flask import Flask, Response, request, url_for

STYLESHEET = "fonts/hanzi.css"  # under static/
NAMES_FAMILY = "Study Hanzi TC"
TEXT_FAMILY = "Study Hanzi SC"
HANZI = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
LOCAL_COOKIE = "hanzi_local"
LOCAL_FACES = {"sc": TEXT_FAMILY, "tc": NAMES_FAMILY}  # the cookie's words
NAME_CLASSES = {"hanzi", "hanzi-inline"}
OTHER_FORM_CLASSES = {"simplified", "variant"}
# An element whose classes mention hanzi: its classes, and its text up to its first child or end tag.
HANZI_CLASS_TEXT = re.compile(r"""<[a-zA-Z][^>]*?\sclass="([^"]*hanzi[^"]*)"[^>]*>([^<]*)""")
FONT_FACE = re.compile(r"@font-face\s*\{([^}]*)\}")
FAMILY = re.compile(r"""font-family:\s*"([^"]+)\"""")
SOURCE = re.compile(r"""url\("([^"]+)"\)""")
RANGE = re.compile(r"unicode-range:\s*([^;}]+)")


@dataclass(frozen=True)
class Chunk:
    family: str
    filename: str  # under static/, as url_for('static', filename=...) takes it
    characters: frozenset[str]


def read_chunks(stylesheet: Path) -> list[Chunk]:
    """The chunks hanzi.css declares, in its order."""
    chunks = []
    folder = Path(STYLESHEET).parent
    for rule in FONT_FACE.findall(stylesheet.read_text(encoding="utf-8")):
        family, source, ranges = FAMILY.search(rule), SOURCE.search(rule), RANGE.search(rule)
        if not (family and source and ranges):
            raise ValueError(f"{stylesheet}: an @font-face without family, url or unicode-range: {rule!r}")
        characters: set[str] = set()
        for part in ranges.group(1).split(","):
            first, _, last = part.strip().removeprefix("U+").partition("-")
            characters.update(chr(code) for code in range(int(first, 16), int(last or first, 16) + 1))
        chunks.append(Chunk(family.group(1), (folder / source.group(1)).as_posix(), frozenset(characters)))
    return chunks


class HanziFonts:
    def __init__(self, chunks: list[Chunk]) -> None:
        self.chunks = chunks
        self._chunk_of: dict[str, dict[str, int]] = {NAMES_FAMILY: {}, TEXT_FAMILY: {}}
        for number, chunk in enumerate(chunks):
            for character in chunk.characters:
                self._chunk_of.setdefault(chunk.family, {})[character] = number

    def chunks_for(self, html: str) -> list[Chunk]:
        """The chunks the page `html` shows characters of: names in NAMES_FAMILY, the rest in TEXT_FAMILY."""
        in_names: set[str] = set()
        rest = []
        start = 0
        for match in HANZI_CLASS_TEXT.finditer(html):
            classes = set(match.group(1).split())
            if classes & NAME_CLASSES and not classes & OTHER_FORM_CLASSES:
                in_names.update(HANZI.findall(match.group(2)))
                rest.append(html[start:match.start(2)])
                start = match.end(2)
        rest.append(html[start:])
        in_text = set(HANZI.findall("".join(rest)))
        numbers: set[int] = set()
        for family, characters in ((NAMES_FAMILY, in_names), (TEXT_FAMILY, in_text)):
            chunk_of = self._chunk_of[family]
            numbers.update(chunk_of[ch] for ch in characters if ch in chunk_of)
        return [self.chunks[number] for number in sorted(numbers)]


def init_app(app: Flask) -> None:
    assert app.static_folder is not None
    fonts = HanziFonts(read_chunks(Path(app.static_folder) / STYLESHEET))
    app.extensions["hanzi_fonts"] = fonts

    @app.after_request
    def preload_hanzi_fonts(response: Response) -> Response:
        if response.mimetype != "text/html" or response.is_streamed or response.direct_passthrough:
            return response
        local = {LOCAL_FACES.get(word) for word in request.cookies.get(LOCAL_COOKIE, "").split(".")}
        for chunk in fonts.chunks_for(response.get_data(as_text=True)):
            if chunk.family in local:
                continue
            response.headers.add(
                "Link", f'<{url_for("static", filename=chunk.filename)}>; rel=preload; as=font; '
                        'type="font/woff2"; crossorigin')
        return response
