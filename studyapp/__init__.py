"""studyapp: learn the acupoints with spaced repetition (SM-2)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask, Response, abort, current_app, request
from flask.json.provider import DefaultJSONProvider
from flask_login import current_user
from sqlalchemy import event
from sqlalchemy.engine import Engine
from werkzeug.middleware.proxy_fix import ProxyFix

from studyapp.clock import system_clock
from studyapp.config import PROJECT_ROOT, load_config
from studyapp.core import bounded_json
from studyapp.extensions import csrf, db, login_manager, migrate


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    app = Flask(
        __name__,
        instance_path=str(PROJECT_ROOT / "instance"),
        instance_relative_config=True,
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder=str(PROJECT_ROOT / "static"),
    )
    instance_path = Path(app.instance_path)
    instance_path.mkdir(parents=True, exist_ok=True)
    overrides = dict(test_config or {})
    app.config.from_mapping(load_config(instance_path, os.environ, overrides))
    # The clock is configuration so tests can move through study days; logic receives `now`.
    app.config["CLOCK"] = system_clock
    app.config.from_mapping(overrides)
    app.json = BoundedJSONProvider(app)
    if app.config["TRUSTED_PROXIES"]:  # the student's address and scheme, as the proxy saw them
        proxies = app.config["TRUSTED_PROXIES"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies)  # type: ignore[method-assign]

    db.init_app(app)
    migrate.init_app(app, db, directory=str(PROJECT_ROOT / "migrations"))
    csrf.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Please log in to study."
    with app.app_context():
        if db.engine.dialect.name == "sqlite":
            _configure_sqlite(db.engine)

    from studyapp import cli, errors, hanzi_fonts, models, static_files  # noqa: F401  (models register their tables)
    from studyapp.api.views import bp as api_bp
    from studyapp.auth.views import bp as auth_bp
    from studyapp.decks.views import bp as decks_bp
    from studyapp.export.views import bp as export_bp
    from studyapp.points.views import bp as points_bp
    from studyapp.progress.views import bp as progress_bp
    from studyapp.quiz.views import bp as quiz_bp
    from studyapp.schedule.views import bp as schedule_bp
    from studyapp.study.views import bp as study_bp

    app.register_blueprint(auth_bp)
    app.register_blueprint(decks_bp)
    app.register_blueprint(study_bp)
    app.register_blueprint(quiz_bp)
    app.register_blueprint(progress_bp)
    app.register_blueprint(points_bp)
    app.register_blueprint(export_bp)
    app.register_blueprint(api_bp)
    app.register_blueprint(schedule_bp)
    csrf.exempt(api_bp)  # no cookies, no session: nothing for a forged request to ride on
    errors.register(app)
    cli.register(app)
    app.before_request(_refuse_nul_characters)
    app.before_request(_pages_take_form_data)
    app.after_request(_security_headers)
    hanzi_fonts.init_app(app)
    static_files.init_app(app, SECURITY_HEADERS)

    @app.get("/healthz")
    def healthz() -> dict[str, str]:
        """Liveness check for load balancers; also the benchmark's baseline route."""
        return {"status": "ok"}

    return app


# Everything the pages use is served from here: scripts, styles, fonts and the favicon are static
# files, the charts are inline SVG without style attributes. So the policy can forbid inline
# scripts and styles, other origins, framing and plugins outright.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",  # for browsers that predate frame-ancestors
    "Referrer-Policy": "same-origin",
}


class BoundedJSONProvider(DefaultJSONProvider):
    """JSON parsed from a request anywhere (request.get_json, Flask-WTF's forms) has its depth and
    numbers checked first (core.bounded_json): too deep or too long is a 400, not a RecursionError."""

    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        text = s.decode("utf-8") if isinstance(s, bytes) else s  # UnicodeDecodeError is a ValueError: 400
        bounded_json.check(text)
        return super().loads(text, **kwargs)


FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _refuse_nul_characters() -> None:
    """No field takes a NUL character, and PostgreSQL cannot even compare text holding one: a request
    with one in its path, query, form or address is refused (400) before anything looks it up."""
    values = [request.path, request.remote_addr or ""]
    sources = [request.args]
    # Form bodies only, and not the API's (JSON, read under the API's own size limit, never stored).
    if request.mimetype in FORM_TYPES and request.blueprint != "api":
        sources.append(request.form)
        values += [upload.filename or "" for upload in request.files.values()]
    for source in sources:
        for key, value in source.items(multi=True):
            values += (key, value)
    if any("\x00" in value for value in values):
        abort(400, "The request holds a NUL character (%00), which no page or field takes.")


def _pages_take_form_data() -> None:
    """The pages' forms are sent as form data. Flask-WTF would read a JSON body as the form instead,
    and a JSON list or object of objects is not one: such a request is refused (the API takes JSON)."""
    if request.is_json and request.method not in ("GET", "HEAD", "OPTIONS") and request.blueprint != "api":
        abort(415, "This page takes form data, not JSON; the JSON API is under /api/v1.")


HSTS = "max-age=31536000"  # a year: once a browser has seen the site over HTTPS, never plain HTTP


def _security_headers(response: Response) -> Response:
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    if current_app.config["SESSION_COOKIE_SECURE"]:  # served over HTTPS (README: Running it for a class)
        response.headers.setdefault("Strict-Transport-Security", HSTS)
    # A logged-in student's pages show their own data: no browser or proxy cache keeps a copy (the
    # back button after logging out on a shared computer shows nothing).
    if response.mimetype == "text/html" and current_user.is_authenticated:
        response.headers.setdefault("Cache-Control", "no-store")
    return response


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()
