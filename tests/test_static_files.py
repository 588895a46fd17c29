"""Static files: content-hashed URLs cached for a year, compressed, and a 404 for any other hash."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import brotli
from flask import Flask, url_for
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from studyapp import SECURITY_HEADERS, static_files
from studyapp.config import PROJECT_ROOT

STATIC = PROJECT_ROOT / "static"
HASHED = re.compile(r"^/static/(?P<stem>[\w/.-]+)\.[0-9a-f]{12}(?P<suffix>\.\w+)$")
YEAR = "public, max-age=31536000, immutable"


def static_urls(html: str) -> list[str]:
    return re.findall(r'(?:href|src)="(/static/[^"]+)"', html)


def test_pages_link_every_static_file_by_its_hashed_name(client: FlaskClient) -> None:
    urls = static_urls(client.get("/login").get_data(as_text=True))
    assert all(HASHED.match(url) for url in urls), urls
    assert {HASHED.match(url)["stem"] for url in urls} == {  # type: ignore[index]
        "favicon", "style", "fonts/hanzi", "hanzi-fonts"}


def test_a_hashed_file_is_cached_for_a_year_as_immutable_with_the_file_as_it_is(client: FlaskClient) -> None:
    url = next(url for url in static_urls(client.get("/login").get_data(as_text=True)) if "favicon." in url)
    response = fetch(client, url)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == YEAR
    assert response.mimetype == "image/svg+xml"
    assert response.data == (STATIC / "favicon.svg").read_bytes()
    assert response.headers["X-Content-Type-Options"] == "nosniff"  # the app's security headers too


def test_the_plain_name_is_served_but_revalidated(client: FlaskClient) -> None:
    response = fetch(client, "/static/style.css")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-cache"
    assert fetch(client, "/static/style.css", {"If-None-Match": response.headers["ETag"]}).status_code == 304


def test_an_old_or_unknown_hash_is_not_found_rather_than_stale(client: FlaskClient) -> None:
    assert fetch(client, "/static/style.0123456789ab.css").status_code == 404
    assert fetch(client, "/static/fonts/hanzi-tc-01.0123456789ab.woff2").status_code == 404


def test_text_files_are_sent_compressed_to_browsers_that_accept_it(client: FlaskClient) -> None:
    url = url_of(client, "style.css")
    plain = fetch(client, url).data
    zipped = fetch(client, url, {"Accept-Encoding": "gzip"})
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in zipped.headers["Vary"]
    assert zipped.headers["Cache-Control"] == YEAR
    assert gzip.decompress(zipped.data) == plain
    assert len(zipped.data) < len(plain) / 2
    brotli_response = fetch(client, url, {"Accept-Encoding": "gzip, deflate, br"})
    assert brotli_response.headers["Content-Encoding"] == "br"
    assert brotli.decompress(brotli_response.data) == plain
    assert "Content-Encoding" not in fetch(client, url).headers


def test_fonts_are_not_compressed_twice(client: FlaskClient) -> None:
    response = fetch(client, url_of(client, "fonts/hanzi-tc-01.woff2"), {"Accept-Encoding": "gzip, br"})
    assert response.headers["Cache-Control"] == YEAR
    assert response.mimetype == "font/woff2"
    assert "Content-Encoding" not in response.headers


def test_a_stylesheet_points_at_the_hashed_names_of_its_fonts(client: FlaskClient) -> None:
    stylesheet_url = url_of(client, "fonts/hanzi.css")
    css = fetch(client, stylesheet_url).get_data(as_text=True)
    fonts = re.findall(r'url\("([^"]+)"\)', css)
    assert len(fonts) >= 20
    for font in fonts:
        assert re.fullmatch(r"hanzi-(tc|sc)-\d\d\.[0-9a-f]{12}\.woff2", font), font
        response = fetch(client, stylesheet_url.rsplit("/", 1)[0] + "/" + font)
        assert response.status_code == 200
        assert response.headers["Cache-Control"] == YEAR


def test_html_pages_are_not_cached(client: FlaskClient) -> None:
    response = client.get("/login")
    assert response.mimetype == "text/html"
    cache_control = response.headers.get("Cache-Control", "")
    assert "max-age" not in cache_control and "immutable" not in cache_control


def test_a_changed_file_gets_a_new_url_and_its_old_url_is_gone(tmp_path: Path) -> None:
    source = tmp_path / "static"
    (source / "fonts").mkdir(parents=True)
    (source / "fonts" / "face.woff2").write_bytes(b"wOF2 first")
    (source / "site.css").write_text('@font-face { src: url("fonts/face.woff2") format("woff2"); }\n')
    first = small_app(tmp_path)
    (source / "fonts" / "face.woff2").write_bytes(b"wOF2 second")  # a font rebuilt: its stylesheet changes too
    second = small_app(tmp_path)

    old, new = page_urls(first), page_urls(second)
    for name in ("site.css", "fonts/face.woff2"):
        assert old[name] != new[name]
        assert HASHED.match(new[name])
        assert fetch(second.test_client(), old[name]).status_code == 404
        assert fetch(second.test_client(), new[name]).headers["Cache-Control"] == YEAR
    assert fetch(second.test_client(), new["fonts/face.woff2"]).data == b"wOF2 second"
    css = fetch(second.test_client(), new["site.css"]).get_data(as_text=True)
    assert f'url("{new["fonts/face.woff2"].removeprefix("/static/")}")' in css
    # Unchanged files keep their names; a start with nothing changed makes the same URLs.
    assert page_urls(small_app(tmp_path)) == new


def test_a_start_with_nothing_changed_reuses_the_built_files(tmp_path: Path) -> None:
    (tmp_path / "static").mkdir()
    (tmp_path / "static" / "site.css").write_text("body { color: black; }\n" * 50)
    small_app(tmp_path)
    built = {path: path.stat().st_mtime_ns for path in (tmp_path / "instance" / "static").iterdir()}
    assert {path.name.split(".", 2)[-1] for path in built} == {"css", "css.gz", "css.br"}
    small_app(tmp_path)
    assert {path: path.stat().st_mtime_ns for path in (tmp_path / "instance" / "static").iterdir()} == built


def test_in_debug_mode_flask_serves_static_files_by_their_plain_names(tmp_path: Path) -> None:
    (tmp_path / "static").mkdir()
    (tmp_path / "static" / "site.css").write_text("body { color: black; }\n")
    app = small_app(tmp_path, debug=True)
    assert page_urls(app)["site.css"] == "/static/site.css"
    (tmp_path / "static" / "site.css").write_text("body { color: red; }\n")  # an edit shows at once
    assert b"red" in fetch(app.test_client(), "/static/site.css").data


def fetch(client: FlaskClient, url: str, headers: dict[str, str] | None = None) -> TestResponse:
    """GET a static file, read whole (so the file it was sent from is closed)."""
    return client.get(url, headers=headers or {}, buffered=True)


def small_app(root: Path, debug: bool = False) -> Flask:
    """An app with its own static/ and instance/, set up as create_app does."""
    app = Flask("small", static_folder=str(root / "static"), instance_path=str(root / "instance"))
    app.debug = debug
    static_files.init_app(app, SECURITY_HEADERS)
    return app


def page_urls(app: Flask) -> dict[str, str]:
    with app.test_request_context():
        return {path.relative_to(app.static_folder or "").as_posix(): url_for("static", filename=path.relative_to(
            app.static_folder or "").as_posix()) for path in Path(app.static_folder or "").rglob("*") if path.is_file()}


def url_of(client: FlaskClient, filename: str) -> str:
    assert client.application is not None
    with client.application.test_request_context():
        url = url_for("static", filename=filename)
    assert HASHED.match(url), url
    return url
