"""What every deployment gets: an instance secret key made once, private and shared by every worker,
and security headers on every response."""

from __future__ import annotations

import stat
import threading
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from studyapp.config import instance_secret_key


def test_the_key_is_made_once_and_kept_private(tmp_path: Path) -> None:
    instance = tmp_path / "instance"
    key = instance_secret_key(instance)
    assert len(key) == 64 and instance_secret_key(instance) == key
    assert stat.S_IMODE((instance / "secret_key").stat().st_mode) == 0o600
    assert [path.name for path in instance.iterdir()] == ["secret_key"]  # no drafts left behind


def test_workers_starting_together_share_one_key(tmp_path: Path) -> None:
    keys: list[str] = []
    start = threading.Barrier(8)

    def worker() -> None:
        start.wait()
        keys.append(instance_secret_key(tmp_path))

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(keys) == 8 and len(set(keys)) == 1 and keys[0] == (tmp_path / "secret_key").read_text()


@pytest.mark.parametrize("path", ["/login", "/", "/static/style.css", "/api/v1/points/KI-8", "/no-such-page"])
def test_every_response_carries_the_security_headers(client: FlaskClient, path: str) -> None:
    with client.get(path) as response:  # a static file is streamed: close it
        headers = response.headers
    policy = dict(part.strip().split(" ", 1) for part in headers["Content-Security-Policy"].split(";"))
    assert policy["script-src"] == policy["style-src"] == policy["default-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'" and policy["object-src"] == "'none'"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "same-origin"
