"""Static files under content-hashed names, cached for a year, compressed: WhiteNoise in front of the app.

At start-up every file of static/ is copied into instance/static/ under a name carrying a hash of its
content (style.css -> style.3f2a1b9c0d12.css), with gzip and brotli versions of the text files beside
it; a stylesheet's url()s are rewritten to the hashed names of what they point at. Then
`url_for('static', filename='style.css')` gives /static/style.3f2a1b9c0d12.css, which WhiteNoise
serves with `Cache-Control: public, max-age=31536000, immutable` (compressed when the browser accepts
it): a returning student's browser asks for nothing but the page, and a changed file gets a new URL.
The plain names are served too, with `no-cache`. A hash that this start did not make gives 404,
never stale content.

The copies are named by their content, so starting again (or another worker starting at the same
moment) finds them made and only hashes static/, a few milliseconds. With `--debug`, none of this:
Flask serves static/ itself under the plain names, so an edited file shows on the next reload.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import posixpath
import re
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import brotli
from flask import Flask
from whitenoise import WhiteNoise

YEAR = 365 * 24 * 60 * 60
COMPRESSIBLE = {".css", ".js", ".svg", ".txt", ".json", ".map", ".xml", ".html"}  # woff2 is compressed already
CSS_URL = re.compile(r"""url\(\s*(["']?)([^"')\s]+)\1\s*\)""")


def hashed_name(name: str, content: bytes) -> str:
    """'fonts/hanzi.css' -> 'fonts/hanzi.<12 hex digits of its SHA-256>.css'."""
    stem, suffix = posixpath.splitext(name)
    return f"{stem}.{hashlib.sha256(content).hexdigest()[:12]}{suffix}"


def _rewrite_css_urls(name: str, css: bytes, hashed: Mapping[str, str]) -> bytes:
    """`css` (the file `name`) with every relative url() to a static file pointing at its hashed name."""
    folder = posixpath.dirname(name)

    def replace(match: re.Match[str]) -> str:
        quote, url = match.group(1), match.group(2)
        if url.startswith(("/", "#", "data:")) or "://" in url:
            return match.group(0)
        path = re.split(r"[?#]", url, maxsplit=1)[0]
        tail = url[len(path):]  # a query or fragment, kept
        target = posixpath.normpath(posixpath.join(folder, path))
        if target not in hashed:
            return match.group(0)
        return f"url({quote}{posixpath.relpath(hashed[target], folder or '.')}{tail}{quote})"

    return CSS_URL.sub(replace, css.decode("utf-8")).encode("utf-8")


def _write_atomically(path: Path, content: bytes) -> None:
    """Whole or not at all: a worker starting at the same moment never reads half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, draft = tempfile.mkstemp(dir=path.parent, prefix=".draft-")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(content)
        os.chmod(draft, 0o644)
        os.replace(draft, path)
    except BaseException:
        Path(draft).unlink(missing_ok=True)
        raise


def _store(path: Path, content: bytes) -> None:
    """Write `path` and its compressed versions, unless an earlier start did (the name is the content)."""
    if path.exists():
        return
    if path.suffix in COMPRESSIBLE:
        # Kept only where they save something; written before the file itself, whose presence says
        # that all of them are there.
        for encoded, suffix in ((gzip.compress(content, 9, mtime=0), ".gz"), (brotli.compress(content), ".br")):
            if len(encoded) < len(content) * 0.95:
                _write_atomically(path.with_name(path.name + suffix), encoded)
    _write_atomically(path, content)


def build(source: Path, target: Path) -> dict[str, str]:
    """Copy every file of `source` into `target` under its hashed name; {plain name: hashed name}."""
    files = sorted(path.relative_to(source).as_posix() for path in source.rglob("*")
                   if path.is_file() and not any(part.startswith(".") for part in path.relative_to(source).parts))
    hashed: dict[str, str] = {}
    # Stylesheets last, so the files their url()s name already have their hashed names.
    for name in sorted(files, key=lambda name: name.endswith(".css")):
        content = (source / name).read_bytes()
        if name.endswith(".css"):
            content = _rewrite_css_urls(name, content, hashed)
        hashed[name] = hashed_name(name, content)
        _store(target / hashed[name], content)
    return hashed


class HashedStaticFiles(WhiteNoise):
    """Serves the built files: hashed names for a year and immutable, plain names to be revalidated."""

    def __init__(self, application: Callable[..., Any], prefix: str, target: Path, hashed: Mapping[str, str],
                 headers: Mapping[str, str]) -> None:
        def add_headers(response_headers: Any, _path: str, _url: str) -> None:
            for name, value in headers.items():
                response_headers[name] = value

        super().__init__(application, max_age=None, allow_all_origins=False, add_headers_function=add_headers)
        prefix = prefix.rstrip("/") + "/"
        self.hashed_urls = {prefix + name for name in hashed.values()}
        for plain, name in hashed.items():
            self.add_file_to_dictionary(prefix + name, str(target / name))
            self.add_file_to_dictionary(prefix + plain, str(target / name))

    def add_cache_headers(self, headers: Any, path: str, url: str) -> None:
        if url in self.hashed_urls:
            headers["Cache-Control"] = f"public, max-age={YEAR}, immutable"
        else:
            headers["Cache-Control"] = "no-cache"


def init_app(app: Flask, headers: Mapping[str, str]) -> None:
    """Serve static/ through WhiteNoise under hashed names (`headers` added to every file's response)."""
    if app.debug or app.static_folder is None:
        return
    target = Path(app.instance_path) / "static"
    hashed = build(Path(app.static_folder), target)
    app.extensions["static_files"] = hashed
    app.wsgi_app = HashedStaticFiles(  # type: ignore[method-assign]
        app.wsgi_app, app.static_url_path or "/static", target, hashed, headers)

    @app.url_defaults
    def hashed_static_url(endpoint: str, values: dict[str, Any]) -> None:
        if endpoint == "static" and values.get("filename") in hashed:
            values["filename"] = hashed[values["filename"]]
