"""The deck list: what is due today in each deck."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask_login import current_user, login_required

from studyapp import now
from studyapp.services.study import deck_overview, enroll, today_for

bp = Blueprint("decks", __name__)


@bp.get("/")
@login_required
def index() -> str:
    enroll(current_user)
    today = today_for(current_user, now())
    return render_template("decks/index.html", overview=deck_overview(current_user, today), today=today)
