"""Studying a deck: front, reveal, grade; a summary when today's queue is empty."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required
from sqlalchemy import select
from werkzeug.wrappers import Response

from studyapp.clock import now
from studyapp.core.content.card_kinds import front
from studyapp.core.content.deck_files import PointRecord
from studyapp.core.progress.stats import is_leech
from studyapp.core.quizzes.questions import QUIZ_KINDS, quiz_grade
from studyapp.core.scheduling.day_plan import DayPlan
from studyapp.core.scheduling.sm2 import PASSING_QUALITY, QUALITY_LABELS
from studyapp.extensions import db
from studyapp.models import Card, CardState, Deck, ReviewLog
from studyapp.services import quiz_pool
from studyapp.services.answering import NothingToUndo, StaleAnswer, answer, undo_last
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
    return render_template(
        "study/card.html", deck=deck, state=state, point=point, kind=card.kind, members=members,
        card_front=front(card.kind, point, card.subject, len(members)),
        form=form, grades=QUALITY_LABELS, revealed=request.args.get("show") == "1",
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
        log = answer(current_user, form.state_id.data, form.version.data, form.grade.data,
                     form.answer_ms.data or 0, now())
    except LookupError:
        abort(404, "No such card.")
    except StaleAnswer:
        flash("That card was already answered; here is the next one.")
    else:
        _leech_notice(log)
    return redirect(url_for("study.study", slug=deck.slug))


def _leech_notice(log: ReviewLog) -> None:
    """Tell the student when this answer made the card a leech (the service suspended it)."""
    lapsed = log.kind == "review" and log.grade < PASSING_QUALITY
    lapses = (log.prev_lapses or 0) + 1  # prev_lapses is None only in log rows from before undo
    if lapsed and not log.prev_suspended and is_leech(lapses):
        flash(f"This card has now lapsed {lapses} times, so it is suspended as a leech. "
              "Find it under Leeches on your progress page, read it again, then bring it back.")


def _bad_request(form: AnswerForm | QuizAnswerForm) -> tuple[str, int]:
    reasons = "; ".join(f"{name}: {', '.join(errors)}" for name, errors in form.errors.items())
    return render_template("errors/error.html", code=400, message=f"Bad answer: {reasons}"), 400


def _quiz_card(deck: Deck, state: CardState, plan: DayPlan) -> str:
    """A quiz card: the question, and after a first wrong try, what the student picked and where it is."""
    pool = quiz_pool.point_pool()
    question = quiz_pool.card_question(pool, state)
    attempt = session.get("quiz_try") or {}
    first_try = attempt if (attempt.get("state"), attempt.get("version")) == (state.id, state.version) else {}
    wrong = pool.by_code.get(first_try.get("wrong") or "")
    return render_template(
        "study/quiz.html", deck=deck, state=state, plan=plan, question=question,
        title=QUIZ_KINDS[question.kind], answer_point=pool.by_code[question.answer_code],
        subject=pool.by_code.get(question.subject_code or ""), first_wrong=wrong,
        first_typed=first_try.get("typed"), form=QuizAnswerForm(state_id=state.id, version=state.version),
        is_redrill=state.id in plan.redrills,
    )


@bp.post("/<slug>/quiz")
@login_required
def quiz_answer(slug: str) -> Response | tuple[str, int]:
    """Judge a quiz answer. A first wrong try shows what was picked and allows one more; anything
    else grades the card from the outcome (5/4 correct, 3 second try or almost, 1 wrong, 0 gave up)."""
    deck = _deck_or_404(slug)
    form = QuizAnswerForm()
    if not form.validate():
        return _bad_request(form)
    state = db.session.scalar(select(CardState).where(
        CardState.id == form.state_id.data, CardState.user_id == current_user.id))
    if state is None or quiz_pool.quiz_kind(state.card) is None:
        abort(404, "No such quiz card.")
    if state.version != form.version.data:
        flash("That card was already answered; here is the next one.")
        return redirect(url_for("study.study", slug=deck.slug))
    pool = quiz_pool.point_pool()
    question = quiz_pool.card_question(pool, state)
    typed = (form.typed.data or "").strip() if form.typed.data is not None and form.choice.data is None else None
    response = quiz_pool.Response(choice=form.choice.data, typed=typed, gave_up=bool(form.give_up.data))
    try:
        result = quiz_pool.check(pool, question, response)
    except quiz_pool.BadResponse as error:
        return render_template("errors/error.html", code=400, message=f"Bad answer: {error}."), 400
    previous = session.get("quiz_try") or {}
    second_try = (previous.get("state"), previous.get("version")) == (state.id, state.version)
    wrong_first_time = not (result.correct or result.almost or result.gave_up) and not second_try
    if wrong_first_time:
        session["quiz_try"] = {"state": state.id, "version": state.version,
                               "wrong": result.chosen_code, "typed": typed}
        return redirect(url_for("study.study", slug=deck.slug))
    times = quiz_pool.grade_times()
    grade = quiz_grade(correct=result.correct or result.almost, attempt=2 if second_try else 1, almost=result.almost,
                       gave_up=result.gave_up, elapsed_ms=form.answer_ms.data or 0, typed=result.typed,
                       times=times)
    try:
        log = answer(current_user, state.id, state.version, grade, form.answer_ms.data or 0, now())
    except StaleAnswer:
        flash("That card was already answered; here is the next one.")
        return redirect(url_for("study.study", slug=deck.slug))
    _leech_notice(log)
    session.pop("quiz_try", None)
    session["quiz_result"] = {
        "slug": deck.slug, "log": log.id, "kind": question.kind, "prompt": question.prompt,
        "answer": question.answer_code, "chosen": result.chosen_code, "typed": typed,
        "outcome": result.outcome, "suggestion": result.suggestion,
        "first_wrong": previous.get("wrong") if second_try else None,
    }
    return redirect(url_for("study.quiz_result", slug=deck.slug))


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
    return render_template(
        "study/quiz_result.html", deck=deck, result=result, log=log, answer_point=answer_point,
        chosen=pool.by_code.get(result.get("chosen") or ""),
        first_wrong=pool.by_code.get(result.get("first_wrong") or ""), grades=QUALITY_LABELS,
        title=QUIZ_KINDS[result["kind"]],
    )


@bp.post("/undo")
@login_required
def undo() -> Response:
    """Take back the student's latest answer (a button-only form: it still carries a CSRF token)."""
    try:
        log = undo_last(current_user)
    except NothingToUndo:
        flash("There is no answer to undo.")
        return redirect(request.referrer if request.referrer and request.referrer.startswith(request.host_url)
                        else url_for("decks.index"))
    card = db.session.get(Card, log.card_id)
    assert card is not None
    session.pop("quiz_result", None)
    flash(f"Undone: your grade {log.grade} on this card is taken back and its schedule restored.")
    return redirect(url_for("study.study", slug=card.deck.slug))
