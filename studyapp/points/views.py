"""Browse and search points; one point's record with the student's history of it."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from werkzeug.wrappers import Response

from studyapp import body_charts
from studyapp.clock import now
from studyapp.core.content.categories import TITLES
from studyapp.core.content.codes import CHANNEL_FILTERS
from studyapp.errors import form_errors
from studyapp.points.forms import CardActionForm, parse_browse
from studyapp.services import card_actions, points, quiz_pool
from studyapp.services.day_plan import today_for

bp = Blueprint("points", __name__, url_prefix="/points")


@bp.get("")
@login_required
def browse() -> str:
    try:
        wanted = parse_browse(request.args)
    except ValueError as error:
        abort(400, str(error))
    return render_template(
        "points/browse.html", wanted=wanted, result=points.browse(current_user, wanted),
        channels=CHANNEL_FILTERS, categories=TITLES, states={state: state for state in points.POINT_STATES},
    )


@bp.get("/<code>")
@login_required
def point(code: str) -> Response | str:
    found = points.find_code(code) or points.retired_code(code)
    if found is None:
        abort(404, f"No point {code!r}.")
    if found != code:
        return redirect(url_for("points.point", code=found), 301)
    page = points.point_page(current_user, found, today_for(current_user, now()))
    if page is None:
        abort(404, f"No point {code!r}.")
    charts = body_charts.point_charts(quiz_pool.point_pool().charts, found,
                                      href=lambda other: url_for("points.point", code=other), every_view=True)
    return render_template("points/point.html", page=page, point=page.record, charts=charts)


@bp.post("/<code>/suspend")
@login_required
def suspend(code: str) -> Response:
    canonical, point_id, state_id = _action_target(code)
    changed = card_actions.set_suspended(current_user, True, state_id=state_id, point_id=point_id)
    return _done(canonical, changed, state_id,
                 "Suspended {what}: {it_they} will stay out of your queues until you unsuspend {it_them}.")


@bp.post("/<code>/unsuspend")
@login_required
def unsuspend(code: str) -> Response:
    canonical, point_id, state_id = _action_target(code)
    changed = card_actions.set_suspended(current_user, False, state_id=state_id, point_id=point_id)
    return _done(canonical, changed, state_id, "Unsuspended {what}: {it_they} will come up in your queues again.")


@bp.post("/<code>/bury")
@login_required
def bury(code: str) -> Response:
    canonical, point_id, state_id = _action_target(code)
    changed = card_actions.bury(current_user, today_for(current_user, now()), state_id=state_id, point_id=point_id)
    return _done(canonical, changed, state_id, "Buried {what} until tomorrow.")


def _action_target(code: str) -> tuple[str, int, int | None]:
    """The point's code as written in the decks, its id and the card's state id (None: every card
    of the point), or a 400 / 404."""
    form = CardActionForm()
    if not form.validate():
        reasons = form_errors(form)
        abort(400, f"Bad request: {reasons}")
    found = points.find_code(code)
    row = points.live_point(found) if found else None
    if row is None:
        abort(404, f"No point {code!r}.")
    return row.code, row.id, form.state_id.data


def _done(canonical: str, changed: int, state_id: int | None, message: str) -> Response:
    if not changed:
        abort(404, "You have no such card of this point." if state_id else "You have no cards of this point yet.")
    if state_id is not None:
        what, it_they, it_them = f"this card of {canonical}", "it", "it"
    else:
        what = f"all {changed} of your {canonical} cards" if changed > 1 else f"your {canonical} card"
        it_they, it_them = ("they", "them") if changed > 1 else ("it", "it")
    flash(message.format(what=what, it_they=it_they, it_them=it_them))
    # Back to the card, whose badges show the change; a whole point's buttons (and the message) are at the top.
    anchor = f"card-{state_id}" if state_id is not None else None
    return redirect(url_for("points.point", code=canonical, _anchor=anchor))
