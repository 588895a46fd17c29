"""Studying a deck: front, reveal, grade; a summary when today's queue is empty."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required
from sqlalchemy import select
from werkzeug.wrappers import Response

from studyapp import body_charts
from studyapp.clock import now
from studyapp.core.body.locate import LocateOutcome
from studyapp.core.content.card_kinds import front
from studyapp.core.content.deck_files import PointRecord
from studyapp.core.quizzes.questions import QUIZ_KINDS, GradeTimes
from studyapp.core.scheduling.day_plan import DayPlan
from studyapp.core.scheduling.fsrs import RATING_LABELS
from studyapp.core.scheduling.sm2 import QUALITY_LABELS
from studyapp.errors import form_errors
from studyapp.extensions import db
from studyapp.models import Card, CardState, Deck, ReviewLog
from studyapp.services import answering, quiz_pool
from studyapp.services.day_plan import day_summary, plan_for_deck, today_for
from studyapp.services.deck_choice import choose_deck, enroll
from studyapp.services.points import category_members
from studyapp.study.forms import AnswerForm, QuizAnswerForm

bp = Blueprint("study", __name__, url_prefix="/study")


def _deck_or_404(slug: str) -> Deck:
    deck = db.session.scalar(select(Deck).where(Deck.slug == slug, Deck.retired.is_(False)))
    if deck is None:
        abort(404, f"No deck called {slug!r}.")
    return deck


@bp.get("/<slug>")
@login_required
def study(slug: str) -> str | tuple[str, int]:
    deck = _deck_or_404(slug)
    choose_deck(current_user, deck)
    enroll(current_user, [deck.id])
    today = today_for(current_user, now())
    plan = plan_for_deck(current_user, deck, today)
    if not plan.queue:
        return render_template("study/summary.html", deck=deck,
                               summary=day_summary(current_user, deck, today))
    state = db.session.get(CardState, plan.queue[0])
    assert state is not None
    card = state.card
    if quiz_pool.quiz_kind(card) is not None:
        return _quiz_card(deck, state, plan)
    point = PointRecord.from_dict(card.point.record) if card.point is not None else None
    members = category_members(card.subject) if card.kind == "members" and card.subject else []
    form = AnswerForm(state_id=state.id, version=state.version)
    charts = body_charts.point_charts(quiz_pool.point_pool().charts, point.code) if point is not None else []
    return render_template(
        "study/card.html", deck=deck, state=state, point=point, kind=card.kind, members=members, charts=charts,
        card_front=front(card.kind, point, card.subject, len(members)),
        form=form, grades=QUALITY_LABELS, ratings=RATING_LABELS, scheduler=current_user.scheduler,
        revealed=request.args.get("show") == "1",
        plan=plan, is_redrill=state.id in plan.redrills, theme_categories=deck.categories or [],
    )


@bp.post("/<slug>/answer")
@login_required
def grade(slug: str) -> Response | tuple[str, int]:
    deck = _deck_or_404(slug)
    form = AnswerForm()
    if not form.validate():
        return _bad_request(form)
    try:
        if form.rating.data is not None:
            answered = answering.answer_rating(current_user, form.state_id.data, form.version.data,
                                               form.rating.data, form.answer_ms.data or 0, now())
        else:
            answered = answering.answer(current_user, form.state_id.data, form.version.data, form.grade.data,
                                        form.answer_ms.data or 0, now())
    except answering.NoSuchCard:
        abort(404, "No such card.")
    except answering.StaleAnswer as stale:
        return _card_changed(deck, stale)
    _leech_notice(answered)
    return redirect(url_for("study.study", slug=deck.slug))


def _card_changed(deck: Deck, stale: answering.StaleAnswer) -> Response:
    flash(f"That card changed since the page was shown: {stale}. Here is the next one.")
    return redirect(url_for("study.study", slug=deck.slug))


def _leech_notice(answered: answering.Answered) -> None:
    """Tell the student when this answer made the card a leech (the service suspended it)."""
    if answered.became_leech:
        flash(f"This card has now lapsed {answered.lapses} times, so it is suspended as a leech. "
              "Find it under Leeches on your progress page, read it again, then bring it back.")


def _bad_request(form: AnswerForm | QuizAnswerForm) -> tuple[str, int]:
    reasons = form_errors(form)
    return render_template("errors/error.html", code=400, message=f"Bad answer: {reasons}"), 400


def _first_try() -> answering.QuizTry | None:
    """The first wrong try at a quiz card kept in the session, if any."""
    kept = session.get("quiz_try") or {}
    if "state" not in kept or "version" not in kept:
        return None
    click = kept.get("click")
    return answering.QuizTry(kept["state"], kept["version"], kept.get("wrong"), kept.get("typed"),
                             (click[0], click[1]) if click else None)


def _quiz_card(deck: Deck, state: CardState, plan: DayPlan) -> str:
    """A quiz card: the question, and after a first wrong try, what the student picked and where it is."""
    pool = quiz_pool.point_pool()
    question = quiz_pool.card_question(pool, state)
    first_try = _first_try()
    if first_try is not None and not first_try.is_for(state.id, state.version):
        first_try = None
    first_click = first_try.click if first_try else None
    chart = body_charts.question_chart(pool.charts, question, first_click=first_click) if question.view else None
    return render_template(
        "study/quiz.html", deck=deck, state=state, plan=plan, question=question,
        title=QUIZ_KINDS[question.kind], answer_point=pool.by_code[question.answer_code],
        subject=pool.by_code.get(question.subject_code or ""), chart=chart, first_click=first_click,
        first_wrong=pool.by_code.get(first_try.wrong or "") if first_try else None,
        first_typed=first_try.typed if first_try else None,
        form=QuizAnswerForm(state_id=state.id, version=state.version), is_redrill=state.id in plan.redrills,
    )


def _grade_times() -> GradeTimes:
    config = current_app.config
    return GradeTimes(fast_ms=config["QUIZ_FAST_MS"], typed_fast_ms=config["QUIZ_TYPED_FAST_MS"])


@bp.post("/<slug>/quiz")
@login_required
def quiz_answer(slug: str) -> Response | tuple[str, int]:
    """Judge a quiz answer (`answering.answer_quiz`). A first wrong try shows what was picked and allows
    one more; anything else grades the card and shows the result."""
    deck = _deck_or_404(slug)
    form = QuizAnswerForm()
    if not form.validate():
        return _bad_request(form)
    try:
        response = form.response()
        outcome = answering.answer_quiz(current_user, form.state_id.data, form.version.data, response,
                                        form.answer_ms.data or 0, now(), first_try=_first_try(),
                                        times=_grade_times(), thresholds=body_charts.locate_thresholds())
    except answering.NoSuchCard:
        abort(404, "No such quiz card.")
    except answering.StaleAnswer as stale:
        return _card_changed(deck, stale)
    except quiz_pool.BadResponse as error:
        return render_template("errors/error.html", code=400, message=f"Bad answer: {error}."), 400
    if isinstance(outcome, answering.QuizTry):
        session["quiz_try"] = {"state": outcome.state_id, "version": outcome.version,
                               "wrong": outcome.wrong, "typed": outcome.typed, "click": outcome.click}
        return redirect(url_for("study.study", slug=deck.slug))
    _leech_notice(outcome.answered)
    session.pop("quiz_try", None)
    question, result = outcome.question, outcome.result
    session["quiz_result"] = {
        "slug": deck.slug, "log": outcome.answered.log.id, "kind": question.kind, "prompt": question.prompt,
        "answer": question.answer_code, "chosen": result.chosen_code, "typed": response.typed,
        "outcome": result.outcome, "suggestion": result.suggestion, "first_wrong": outcome.first_wrong,
        "view": question.view, "click": response.click, "first_click": outcome.first_click,
        "located": located_summary(result.located),
    }
    return redirect(url_for("study.quiz_result", slug=deck.slug))


def located_summary(located: LocateOutcome | None) -> dict[str, object] | None:
    """A click's grading as plain data (for the session and the result page)."""
    if located is None:
        return None
    return {"distance_cun": located.distance_cun, "grade": located.grade, "correct": located.correct,
            "direction": located.direction, "nearest_point": located.nearest_point, "landmark": located.landmark}


@bp.get("/<slug>/result")
@login_required
def quiz_result(slug: str) -> Response | str:
    """What the last quiz answer earned: the pick next to the right answer, both locations."""
    deck = _deck_or_404(slug)
    result = session.get("quiz_result") or {}
    log = db.session.scalar(select(ReviewLog).where(
        ReviewLog.id == result.get("log", 0), ReviewLog.user_id == current_user.id)) if result else None
    if log is None or result.get("slug") != deck.slug:
        return redirect(url_for("study.study", slug=deck.slug))
    pool = quiz_pool.point_pool()
    answer_point = pool.by_code.get(result["answer"])
    if answer_point is None:
        return redirect(url_for("study.study", slug=deck.slug))
    located = result.get("located")
    click, first_click = result.get("click"), result.get("first_click")
    chart = body_charts.result_chart(pool.charts, answer_point.code, result.get("view"),
                                     (click[0], click[1]) if click else None,
                                     located["nearest_point"] if located else None,
                                     (first_click[0], first_click[1]) if first_click else None)
    return render_template(
        "study/quiz_result.html", deck=deck, result=result, log=log, answer_point=answer_point,
        chart=chart, located=located, chosen=pool.by_code.get(result.get("chosen") or ""),
        first_wrong=pool.by_code.get(result.get("first_wrong") or ""), grades=QUALITY_LABELS,
        title=QUIZ_KINDS[result["kind"]],
    )


@bp.post("/undo")
@login_required
def undo() -> Response:
    """Take back the student's latest answer (a button-only form: it still carries a CSRF token)."""
    try:
        log = answering.undo_last(current_user)
    except answering.NothingToUndo as nothing:
        flash(str(nothing))
        return redirect(request.referrer if request.referrer and request.referrer.startswith(request.host_url)
                        else url_for("decks.index"))
    card = db.session.get(Card, log.card_id)
    assert card is not None
    session.pop("quiz_result", None)
    answer = f"{RATING_LABELS[log.rating]}" if current_user.scheduler == "fsrs" else f"grade {log.grade}"
    flash(f"Undone: your {answer} on this card is taken back and its schedule restored.")
    return redirect(url_for("study.study", slug=card.deck.slug))
