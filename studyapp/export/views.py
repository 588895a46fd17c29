"""Exports (review log CSV, JSON backup, Anki deck) and restoring a backup."""

from __future__ import annotations

import io
from typing import Any

from flask import Blueprint, current_app, flash, redirect, render_template, send_file, url_for
from flask_login import current_user, login_required
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.wrappers import Response

from studyapp.clock import now
from studyapp.core.backup_format import BackupError, read_backup, write_backup
from studyapp.export.forms import RestoreForm
from studyapp.extensions import db
from studyapp.services.backup import (
    AnkiCard,
    NoteRenderer,
    RestoreRefused,
    anki_package,
    export_backup,
    export_counts,
    restore_backup,
    review_log_csv,
)
from studyapp.services.day_plan import today_for

bp = Blueprint("export", __name__, url_prefix="/export")

RESTORE_COMMAND = "flask --app studyapp backup restore USERNAME FILE"
SHOWN_DETAILS = 50


# What a backup weighs per answer, measured on 6,800 answers of 40 days (a longer log compresses
# better): plain JSON about 495 bytes, .json.gz about 18. A year of daily study is taken as 200
# answers a day.
BACKUP_BYTES_PER_ANSWER = {"json": 495, "json.gz": 18}
ANSWERS_PER_YEAR = 200 * 365


def _upload_limit() -> str:
    limit = current_app.config.get("MAX_CONTENT_LENGTH") or 0
    return f"{limit / (1024 * 1024):g} MiB" if limit else ""


def backup_capacity() -> dict[str, float]:
    """How many years of daily study fit in the upload limit, as .json.gz and as plain .json."""
    limit = current_app.config.get("MAX_CONTENT_LENGTH") or 0
    return {kind: limit / (size * ANSWERS_PER_YEAR) for kind, size in BACKUP_BYTES_PER_ANSWER.items()}


def _page(form: RestoreForm, status: int = 200, **context: Any) -> tuple[str, int]:
    return render_template("export/index.html", form=form, counts=export_counts(current_user),
                           upload_limit=_upload_limit(), capacity=backup_capacity(),
                           restore_command=RESTORE_COMMAND, **context), status


def _download(data: bytes, name: str, mimetype: str) -> Response:
    response = send_file(io.BytesIO(data), mimetype=mimetype, as_attachment=True, download_name=name)
    response.headers["Cache-Control"] = "private, no-store"  # one student's own data
    return response


def _file_name(extension: str) -> str:
    return f"studyapp-{current_user.username}-{today_for(current_user, now()).isoformat()}.{extension}"


@bp.get("")
@login_required
def index() -> tuple[str, int]:
    return _page(RestoreForm())


@bp.get("/reviews.csv")
@login_required
def reviews_csv() -> Response:
    return _download(review_log_csv(current_user).encode("utf-8"), _file_name("reviews.csv"), "text/csv")


@bp.get("/backup.json.gz")
@login_required
def backup_gzip() -> Response:
    data = write_backup(export_backup(current_user, now()), compress=True)
    return _download(data, _file_name("backup.json.gz"), "application/gzip")


@bp.get("/backup.json")
@login_required
def backup_json() -> Response:
    data = write_backup(export_backup(current_user, now()), compress=False)
    return _download(data, _file_name("backup.json"), "application/json")


@bp.get("/anki.apkg")
@login_required
def anki() -> Response:
    data = anki_package(current_user, now(), _anki_note_renderer())
    return _download(data, _file_name("apkg"), "application/apkg")


def _anki_note_renderer() -> NoteRenderer:
    """A note's fields from the macros of export/anki_note.html (the study page's card, links off)."""
    macros: Any = current_app.jinja_env.get_template("export/anki_note.html").module

    def render(card: AnkiCard) -> tuple[str, str]:
        front = str(macros.front(card.front, card.point, card.clue)).strip()
        back = str(macros.back(card.kind, card.focus, card.point, card.front, card.members,
                               card.theme_categories)).strip()
        return front, back

    return render


@bp.post("/restore")
@login_required
def restore() -> Response | tuple[str, int]:
    form = RestoreForm()
    if not form.validate_on_submit():
        return _page(form, 400)
    try:
        backup = read_backup(form.backup.data.read())
        report = restore_backup(current_user, backup)
    except BackupError as error:
        return _page(form, 400, refused="This file cannot be restored; nothing was changed.",
                     details=_shown(error.problems))
    except RestoreRefused as error:
        return _page(form, 400, refused=str(error), details=_shown(error.details))
    flash(f"Restored {report.reviews} review(s) of {report.cards} card(s) in {report.decks} deck(s).")
    return redirect(url_for("decks.index"))


def _shown(details: list[str]) -> list[str]:
    more = len(details) - SHOWN_DETAILS
    return details[:SHOWN_DETAILS] + ([f"... and {more} more"] if more > 0 else [])


@bp.errorhandler(RequestEntityTooLarge)
def too_large(_error: RequestEntityTooLarge) -> tuple[str, int]:
    db.session.rollback()
    message = (f"That file is larger than {_upload_limit()}, the most this form accepts. Restore a larger "
               f"backup on the server with: {RESTORE_COMMAND}")
    return render_template("errors/error.html", code=413, message=message), 413
