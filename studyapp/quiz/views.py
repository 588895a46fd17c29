"""Quiz me on locations: the entry page and practice mode (questions now, schedule untouched)."""

from __future__ import annotations

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_login import login_required
from werkzeug.wrappers import Response

from studyapp import body_charts
from studyapp.core.content import categories as cat
from studyapp.core.content.codes import CHANNEL_FILTERS
from studyapp.core.content.deck_files import REGIONS
from studyapp.core.quizzes.questions import QUIZ_KINDS
from studyapp.errors import form_errors
from studyapp.quiz.forms import PracticeAnswerForm
from studyapp.services import quiz_pool

bp = Blueprint("quiz", __name__, url_prefix="/quiz")


def _choices() -> dict[str, object]:
    return {
        "kinds": QUIZ_KINDS,
        "channels": CHANNEL_FILTERS,
        "regions": {region: region.replace("-", " ") for region in REGIONS},
        "categories": cat.TITLES,
    }


@bp.get("")
@login_required
def index() -> str:
    return render_template("quiz/index.html", **_choices())


def _practice_request() -> quiz_pool.PracticeRequest:
    try:
        return quiz_pool.PracticeRequest.parse(request.args, seed_required=False)
    except ValueError as error:
        abort(400, str(error))


@bp.get("/practice")
@login_required
def practice() -> Response | str:
    practice = _practice_request()
    if "seed" not in request.args:  # a fixed seed in the URL: reloading shows the same question
        return redirect(url_for("quiz.practice", **practice.query()))
    pool = quiz_pool.point_pool()
    try:
        question = practice.question(pool)
    except ValueError as error:
        abort(400, f"{error}.")
    chart = body_charts.question_chart(pool.charts, question) if question.view else None
    return render_template(
        "quiz/practice.html", practice=practice, question=question, title=QUIZ_KINDS[question.kind],
        answer_point=pool.by_code[question.answer_code], form=PracticeAnswerForm(), chart=chart, **_choices(),
    )


@bp.post("/practice")
@login_required
def practice_answer() -> tuple[str, int] | str:
    practice = _practice_request()
    form = PracticeAnswerForm()
    if not form.validate():
        reasons = form_errors(form)
        abort(400, f"Bad answer: {reasons}")
    pool = quiz_pool.point_pool()
    try:
        question = practice.question(pool)
        response = form.response()
        result = quiz_pool.check(pool, question, response, thresholds=body_charts.locate_thresholds())
    except ValueError as error:  # includes BadResponse
        abort(400, f"Bad answer: {error}.")
    chart = body_charts.result_chart(pool.charts, question.answer_code, question.view, response.click,
                                     result.located.nearest_point if result.located else None)
    return render_template(
        "quiz/practice_result.html", practice=practice, question=question, result=result, typed=response.typed,
        chart=chart,
        title=QUIZ_KINDS[question.kind], answer_point=pool.by_code[question.answer_code],
        chosen=pool.by_code.get(result.chosen_code or ""),
        next_url=url_for("quiz.practice", **practice.query(seed=quiz_pool.new_seed())),
    )
