"""The progress page: today, streaks, heatmap, forecast, retention, mastery, weakest points, leeches."""

from __future__ import annotations

from dataclasses import replace

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_login import current_user, login_required
from markupsafe import Markup
from werkzeug.wrappers import Response

from studyapp.clock import now
from studyapp.core.progress.charts import Chart, band_label, forecast_chart, heatmap_chart, mastery_chart, recall_chart
from studyapp.core.progress.stats import LEECH_LAPSES, MATURE_INTERVAL
from studyapp.models import INT_MAX
from studyapp.services.card_actions import set_suspended
from studyapp.services.deck_choice import chosen_deck_ids, enroll
from studyapp.services.progress import progress_for

bp = Blueprint("progress", __name__, url_prefix="/progress")


def _safe(chart: Chart) -> Chart:
    """charts.py escapes every piece of text it puts in the SVG, so the markup can go in as is."""
    return replace(chart, svg=Markup(chart.svg))


@bp.get("")
@login_required
def index() -> str:
    enroll(current_user, chosen_deck_ids(current_user))  # as the deck list does: new cards count
    progress = progress_for(current_user, now())
    return render_template(
        "progress/index.html", progress=progress,
        heatmap=_safe(heatmap_chart(progress.heatmap)),
        forecast=_safe(forecast_chart(progress.forecast)),
        recall=_safe(recall_chart(progress.knowledge)), band_label=band_label,
        mastery=[(section, _safe(mastery_chart(section.rows, section.title))) for section in progress.mastery],
        leech_lapses=LEECH_LAPSES, mature_interval=MATURE_INTERVAL,
    )


@bp.post(f"/suspended/<int(min=1, max={INT_MAX}):state_id>/unsuspend")
@login_required
def unsuspend(state_id: int) -> Response:
    """Bring a suspended card (a leech, or one set aside) back into the student's queues."""
    if not set_suspended(current_user, False, state_id=state_id):
        abort(404, "No such card.")
    flash("The card is back in your queue.")
    return redirect(url_for("progress.index") + "#suspended")
