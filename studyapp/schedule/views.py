"""The student's schedule: which model schedules them, and fitting FSRS's parameters to their own reviews."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_login import current_user, login_required
from werkzeug.wrappers import Response

from studyapp.clock import now
from studyapp.core.scheduling import fsrs
from studyapp.errors import form_errors
from studyapp.schedule.forms import OptimizeForm
from studyapp.services import fsrs_states

bp = Blueprint("schedule", __name__, url_prefix="/schedule")


def _page(form: OptimizeForm, status: int = 200, problem: str | None = None) -> tuple[str, int]:
    return render_template(
        "schedule/index.html", form=form, problem=problem, have=fsrs_states.training_reviews(current_user),
        need=fsrs.MIN_TRAINING_REVIEWS, fit=fsrs_states.last_fit(current_user),
        fit_at=fsrs_states.last_fit_at(current_user), own=current_user.fsrs_parameters is not None,
        parameters=current_user.fsrs_parameters or fsrs.DEFAULT_PARAMETERS,
    ), status


@bp.get("")
@login_required
def index() -> tuple[str, int]:
    return _page(OptimizeForm())


@bp.post("/optimize")
@login_required
def optimize() -> Response | tuple[str, int]:
    """Fit FSRS to the student's reviews, keep the best parameters, rebuild their FSRS states."""
    form = OptimizeForm()
    if not form.validate():
        return _page(form, 400, f"Bad request: {form_errors(form)}")
    try:
        result = fsrs_states.optimize(current_user, now())
    except fsrs.NotEnoughReviews as error:
        return _page(form, 400, f"Not yet: the optimizer needs {error.need} reviews of cards you had answered on "
                                f"an earlier day, and you have {error.have}. Nothing was changed.")
    flash(KEPT[result.kept].format(reviews=result.reviews))
    return redirect(url_for("schedule.index"))


KEPT = {
    "optimized": "Fitted to {reviews} of your reviews: your own parameters predict your recall better than the "
                 "defaults, so FSRS schedules you with them from now on.",
    "default": "Fitted to {reviews} of your reviews, but FSRS's default parameters still predict your recall "
               "better, so FSRS keeps them.",
    "current": "Fitted to {reviews} of your reviews, but the parameters you had predict your recall better, "
               "so FSRS keeps them.",
}
