"""Studying a deck: front, reveal, grade; a summary when today's queue is empty."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select
from werkzeug.wrappers import Response

from studyapp import now
from studyapp.cards import front
from studyapp.decks import Point as PointRecord
from studyapp.extensions import db
from studyapp.models import CardState, Deck
from studyapp.services.points import category_members
from studyapp.services.study import (
    StaleAnswer,
    answer,
    choose_deck,
    day_summary,
    enroll,
    plan_for_deck,
    today_for,
)
from studyapp.sm2 import QUALITY_LABELS
from studyapp.study.forms import AnswerForm

bp = Blueprint("study", __name__, url_prefix="/study")


def _deck_or_404(slug: str) -> Deck:
    deck = db.session.scalar(select(Deck).where(Deck.slug == slug, Deck.retired.is_(False)))
    if deck is None:
        abort(404, f"No deck called {slug!r}.")
    return deck


@bp.get("/<slug>")
@login_required
def study(slug: str) -> str:
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
        reasons = "; ".join(f"{name}: {', '.join(errors)}" for name, errors in form.errors.items())
        return render_template("errors/error.html", code=400, message=f"Bad answer: {reasons}"), 400
    try:
        answer(current_user, form.state_id.data, form.version.data, form.grade.data,
               form.answer_ms.data or 0, now())
    except LookupError:
        abort(404, "No such card.")
    except StaleAnswer:
        flash("That card was already answered; here is the next one.")
    return redirect(url_for("study.study", slug=deck.slug))
