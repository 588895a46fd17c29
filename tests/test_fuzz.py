"""A fuzz test that stays: hypothesis sends thousands of generated requests to every route of the app,
logged in and out, with wrong methods, ids past every range, grades, unicode, oversized and malformed
bodies and backup files, and no answer may be a server error. (In testing mode an unhandled exception
is raised, not turned into a 500 page, so hypothesis sees and shrinks it.)"""

from __future__ import annotations

import gzip
import io
import json
import re
from collections import Counter
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

import pytest
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from werkzeug.routing import Rule

from studyapp.extensions import db
from studyapp.models import CardState, User
from tests.conftest import AuthActions, choose_decks, grade_current

REQUESTS = 2_100
MAX_BODY = 256 * 1024  # the fuzzed app's upload limit, so that "oversized" is cheap to send
METHODS = ("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS")
PASSWORD = "correct horse"

ints = st.one_of(
    st.sampled_from([0, 1, -1, 2, 5, 6, 7, 2**31 - 1, 2**31, 2**63 - 1, 2**63, 2**64, 10**30, -(2**63)]),
    st.integers(-1000, 100_000),
)
texts = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["", " ", "\x00", "null", "None", "../../etc/passwd", "%00", "<script>alert(1)</script>",
                     "' OR 1=1 --", "交信", "Jiāoxìn", "🀄" * 50, "\u202e", "a" * 5000, "1e999", "NaN", "-0",
                     "0x10", "１２"]),
)
scalars = st.one_of(ints.map(str), texts)
FIELDS = ("state_id", "version", "grade", "answer_ms", "choice", "typed", "give_up", "deck", "username", "password",
          "confirm", "timezone", "current_password", "new_password", "confirm_password", "new_cards_per_day",
          "reviews_per_day", "csrf_token", "q", "page", "kind", "seed", "channel", "region", "category", "state",
          "show", "next", "backup")
SLUGS = ("kidney", "lung", "theme-xi-cleft", "retired-nothing", "KIDNEY", "kidney/answer", "..", "")
CODES = ("KI-8", "ki8", "KI 8", "k 8", "SJ5", "EX-HN3", "KI-99", "LU-0", "jiaoxin", "交信", "KI-", "-", "KI-8/x")
JSON_DOCUMENTS = st.recursive(
    st.none() | st.booleans() | ints | st.floats(allow_nan=True) | texts,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.sampled_from(FIELDS) | texts, children,
                                                                      max_size=5),
    max_leaves=6,
)


def quiz_bodies() -> st.SearchStrategy[Any]:
    return st.fixed_dictionaries({}, optional={
        "kind": st.sampled_from(["which-point", "where-is", "relation", "nope"]) | texts,
        "seed": scalars | ints, "choice": ints | texts | st.none() | st.booleans(),
        "answer": texts | ints, "give_up": st.booleans() | texts,
        "channel": st.sampled_from(["KI", "LU", "SJ", "xx"]) | texts, "region": texts, "category": texts,
    })


def raw_json() -> st.SearchStrategy[bytes]:
    deep = st.integers(1, 5000).map(lambda n: ("[" * n + "]" * n).encode())
    unclosed = st.integers(1, 20_000).map(lambda n: ("[" * n).encode())
    digits = st.integers(40, 6000).map(lambda n: ('{"choice": ' + "9" * n + "}").encode())
    documents = (JSON_DOCUMENTS | quiz_bodies()).map(lambda value: json.dumps(value).encode())
    return st.one_of(deep, unclosed, digits, documents, st.binary(max_size=200))


STATE_IDS = st.one_of(ints.filter(lambda n: n >= 0).map(str), st.sampled_from(["0", "01", "1e3", "-1", "x"]))
KNOWN_ARGUMENTS = {"slug": SLUGS, "code": CODES, "filename": ("style.css", "study.js", "../README.md", "nope.css")}
PATH_VALUES = {
    name: st.one_of(st.sampled_from(known), texts.filter(lambda text, name=name: "/" not in text or name == "filename"))
    .map(lambda text: quote(text, safe="") or "x")
    for name, known in KNOWN_ARGUMENTS.items()
} | {"state_id": STATE_IDS}
ARGUMENT = re.compile(r"<(?:[^:<>]+:)?([a-z_]+)>")

QUERIES = st.dictionaries(st.sampled_from(FIELDS), scalars, max_size=3)
FORMS = st.dictionaries(st.sampled_from(FIELDS), scalars | st.lists(scalars, max_size=3), max_size=6)
BACKUPS = st.fixed_dictionaries({
    "backup": st.sampled_from(["own", "own-gz", "mutated", "junk", "deep", "bomb", "numbers"]),
    "mutation": st.tuples(st.sampled_from(["exported_at", "cards", "reviews", "user", "decks"]), JSON_DOCUMENTS),
    "file_name": st.sampled_from(["backup.json", "backup.json.gz", "x.txt", "", "../b.json"]),
})
RAW_BODIES = st.fixed_dictionaries({
    "raw": st.binary(max_size=2000),
    "content_type": st.sampled_from(["application/x-www-form-urlencoded", "multipart/form-data",
                                     "multipart/form-data; boundary=x", "text/plain",
                                     "application/json; charset=latin-1", ""]),
})
BODIES = st.one_of(
    st.just({"body_kind": "none"}),
    FORMS.map(lambda data: {"body_kind": "form", "data": data}),
    raw_json().map(lambda raw: {"body_kind": "json", "raw": raw, "content_type": "application/json"}),
    BACKUPS.map(lambda backup: {"body_kind": "backup", **backup}),
    RAW_BODIES.map(lambda raw: {"body_kind": "raw", **raw}),
    st.just({"body_kind": "oversized", "raw": b"x" * (MAX_BODY + 1),
             "content_type": "application/x-www-form-urlencoded"}),
)


def rule_requests(rule: Rule) -> st.SearchStrategy[dict[str, Any]]:
    """Requests to one route: its path with generated arguments, any method, a query and a body."""
    names = ARGUMENT.findall(rule.rule)
    parts = ARGUMENT.split(rule.rule)[::2]  # the fixed text around the arguments

    def build(values: tuple[str, ...], method: str, query: dict[str, str], logged_in: bool,
              body: dict[str, Any]) -> dict[str, Any]:
        path = parts[0] + "".join(value + part for value, part in zip(values, parts[1:], strict=True))
        return {"rule": rule.rule, "method": method, "path": path, "query": query, "logged_in": logged_in, **body}

    return st.builds(build, st.tuples(*(PATH_VALUES[name] for name in names)),
                     st.sampled_from(sorted(rule.methods or ())) | st.sampled_from(METHODS),
                     QUERIES, st.booleans(), BODIES)


class Fuzzer:
    """The app under fuzz, a student with some history, and the requests sent so far."""

    def __init__(self, app: Flask) -> None:
        self.app = app
        self.sent: Counter[str] = Counter()
        self.cookies: dict[str, str] = {}  # session id -> a session cookie for it
        self.statuses: Counter[int] = Counter()
        student = app.test_client()
        AuthActions(student).register("fuzzer", PASSWORD)
        choose_decks(student, "kidney", "lung")
        for grade in (5, 2, 4, 0, 3):
            grade_current(student, grade)
        self.own_backup = student.get("/export/backup.json").data

    def logged_in_client(self) -> FlaskClient:
        """A client logged in as the fuzzer, whatever earlier requests did (logging out or changing the
        password ends every session: then a cookie for the new session token is made)."""
        with self.app.app_context():
            session_id = db.session.scalar(select(User).where(User.username == "fuzzer")).get_id()
        if session_id not in self.cookies:
            maker = self.app.test_client()
            with maker.session_transaction() as session:
                session["_user_id"] = session_id
                session["_fresh"] = True
            cookie = maker.get_cookie("session")
            assert cookie is not None
            self.cookies[session_id] = cookie.value
        client = self.app.test_client()
        client.set_cookie("session", self.cookies[session_id])
        return client

    def state_ids(self) -> list[int]:
        with self.app.app_context():
            return list(db.session.scalars(select(CardState.id).limit(50)))

    def backup_file(self, request: dict[str, Any]) -> bytes:
        kind = request["backup"]
        if kind == "own":
            return self.own_backup
        if kind == "own-gz":
            return gzip.compress(self.own_backup)
        if kind == "mutated":
            document = json.loads(self.own_backup)
            field, value = request["mutation"]
            document[field] = value
            return json.dumps(document).encode()
        if kind == "deep":
            return b"[" * 3000
        if kind == "bomb":
            return gzip.compress(b"[" * 2_000_000)
        if kind == "numbers":
            return self.own_backup.replace(b'"grade":', b'"grade":' + b"9" * 5000, 1)
        return b"\x1f\x8b\x08\x00junk"

    def send(self, request: dict[str, Any]) -> int:
        client = self.logged_in_client() if request["logged_in"] else self.app.test_client()
        options: dict[str, Any] = {"method": request["method"], "query_string": request["query"]}
        kind = request["body_kind"]
        if kind == "form":
            data = dict(request["data"])
            small = data.get("state_id")
            if isinstance(small, str) and small.isascii() and small.isdigit() and len(small) < 3:
                ids = self.state_ids()  # a small number stands for one of the real cards
                data["state_id"] = str(ids[int(small) % len(ids)])
            options["data"] = data
        elif kind in ("json", "raw", "oversized"):
            options["data"], options["content_type"] = request["raw"], request["content_type"]
        elif kind == "backup":
            options["data"] = {"backup": (io.BytesIO(self.backup_file(request)), request["file_name"])}
            options["content_type"] = "multipart/form-data"
        response = client.open(request["path"], **options)
        response.close()  # a static file is sent from an open file
        self.sent[request["rule"]] += 1
        self.statuses[response.status_code] += 1
        return response.status_code


@pytest.fixture
def fuzzer(app_factory: Callable[..., Flask]) -> Fuzzer:
    return Fuzzer(app_factory(MAX_CONTENT_LENGTH=MAX_BODY))


def test_no_request_to_any_route_is_a_server_error(fuzzer: Fuzzer) -> None:
    rules = [rule for rule in fuzzer.app.url_map.iter_rules()]

    @settings(max_examples=REQUESTS, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(request=st.one_of([rule_requests(rule) for rule in rules]))
    def no_server_error(request: dict[str, Any]) -> None:
        status = fuzzer.send(request)
        assert status < 500, (status, request)

    no_server_error()
    assert sum(fuzzer.sent.values()) >= 2_000
    assert {rule.rule for rule in rules} == set(fuzzer.sent), "every route was fuzzed"
    assert {status for status in fuzzer.statuses if status < 300} and {400, 404, 405} <= set(fuzzer.statuses)
