"""Error pages: roll the session back, answer HTML for pages and JSON for the API; a refused form's
reasons in one line."""

from __future__ import annotations

from flask import Flask, jsonify, render_template, request
from flask.typing import ResponseReturnValue
from flask_wtf import FlaskForm
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from studyapp.extensions import db


def form_errors(form: FlaskForm) -> str:
    """Why a form was refused, in one line: "grade: The grade must be from 0 to 5.; version: ..."."""
    return "; ".join(f"{name}: {', '.join(errors)}" for name, errors in form.errors.items())


def _wants_json() -> bool:
    return request.path.startswith("/api/")


def register(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError) -> ResponseReturnValue:
        db.session.rollback()
        message = "The form expired or was not sent from this site. Reload the page and try again."
        return render_template("errors/error.html", code=400, message=message), 400

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> ResponseReturnValue:
        db.session.rollback()
        code = error.code or 500
        if _wants_json():
            return jsonify(error=error.description), code
        return render_template("errors/error.html", code=code, message=error.description), code

    @app.errorhandler(Exception)
    def server_error(error: Exception) -> ResponseReturnValue:
        db.session.rollback()
        if app.testing:
            raise error  # tests should see the traceback, not a friendly page
        app.logger.exception("unhandled error")
        if _wants_json():
            return jsonify(error="internal server error"), 500
        message = "Something went wrong on our side. Your reviews so far are saved."
        return render_template("errors/error.html", code=500, message=message), 500
