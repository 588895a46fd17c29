"""studyapp: learn the acupoints with spaced repetition (SM-2)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask, Response, current_app
from flask_login import current_user
from sqlalchemy import event
from sqlalchemy.engine import Engine
from werkzeug.middleware.proxy_fix import ProxyFix

from studyapp.clock import system_clock
from studyapp.config import PROJECT_ROOT, load_config
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

    from studyapp import cli, errors, models  # noqa: F401  (models register their tables)
    from studyapp.api.views import bp as api_bp
    from studyapp.auth.views import bp as auth_bp
    from studyapp.decks.views import bp as decks_bp
    from studyapp.export.views import bp as export_bp
    from studyapp.points.views import bp as points_bp
    from studyapp.progress.views import bp as progress_bp
    from studyapp.quiz.views import bp as quiz_bp
    from studyapp.study.views import bp as study_bp

    app.register_blueprint(auth_bp)
    app.register_blueprint(decks_bp)
    app.register_blueprint(study_bp)
    app.register_blueprint(quiz_bp)
    app.register_blueprint(progress_bp)
    app.register_blueprint(points_bp)
    app.register_blueprint(export_bp)
    app.register_blueprint(api_bp)
    csrf.exempt(api_bp)  # no cookies, no session: nothing for a forged request to ride on
    errors.register(app)
    cli.register(app)
    app.after_request(_security_headers)

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
