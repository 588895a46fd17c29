"""The student's decks: what is due today in each, and which decks they study."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from werkzeug.wrappers import Response

from studyapp import body_charts
from studyapp.clock import now
from studyapp.core.quizzes.questions import QUIZ_KINDS
from studyapp.decks.forms import ChooseDecksForm
from studyapp.services import quiz_pool
from studyapp.services.day_plan import deck_overview, today_for
from studyapp.services.deck_choice import choose_decks, chosen_deck_ids, deck_sizes, enroll, live_decks
from studyapp.services.points import deck_points

bp = Blueprint("decks", __name__)

GROUPS = (("channel", "Channels"), ("extra", "Extra points"), ("theme", "Themes"))
CHOICE_GROUPS = (("channel", "The 14 channels"), ("extra", "The extra points"),
                 ("theme", "Themes: points gathered by category"))
# A sensible first deck: one small channel (or the best-known one).
STARTER_DECKS = ("lung", "heart", "pericardium", "kidney")
# A new card and the reviews it brings over the next weeks: about three quarters of a minute.
MINUTES_PER_NEW_CARD = 0.75
# The landing page's picture: a click half a cun from KI-8 on the medial foot.
LANDING_EXAMPLE = ("KI-8", "foot-medial")


@bp.get("/")
def index() -> str:
    if not current_user.is_authenticated:
        return landing()
    enroll(current_user, chosen_deck_ids(current_user))
    today = today_for(current_user, now())
    overview = deck_overview(current_user, today)
    grouped = [(title, [row for row in overview if row.deck.kind == kind]) for kind, title in GROUPS]
    return render_template("decks/index.html", groups=[g for g in grouped if g[1]], today=today,
                           anything_chosen=bool(overview), quiz_kinds=QUIZ_KINDS)


def landing() -> str:
    """The first page a newcomer sees: what the app does, for whom, how a day goes, and a picture of
    a location quiz answered on the body chart."""
    charts = quiz_pool.point_pool().charts
    example = charts.primary(LANDING_EXAMPLE[0])
    picture = None
    if example is not None and LANDING_EXAMPLE[1] in charts.views:
        spot = example.positions[0]
        view = charts.views[LANDING_EXAMPLE[1]]
        one_cun = view.figure.frames[example.frame].scales(example.along, example.across)[1]
        picture = body_charts.located_chart(charts, example.code, view.slug,
                                            (spot.x - 0.3 * one_cun, spot.y + 0.4 * one_cun), None)
    return render_template("decks/landing.html", picture=picture, points=len(charts.placed), views=len(charts.views))


@bp.get("/decks/<slug>")
@login_required
def deck(slug: str) -> str:
    """A deck's page: its points on the body charts (a channel's pathway, each point linked), the
    points as a list, and today's counts."""
    deck = next((d for d in live_decks() if d.slug == slug), None)
    if deck is None:
        abort(404, f"No deck called {slug!r}.")
    members = deck_points(deck)
    charts = body_charts.pathway_charts(quiz_pool.point_pool().charts, [p.code for p in members],
                                        lambda code: url_for("points.point", code=code), joined=deck.kind != "theme")
    today = today_for(current_user, now())
    counts = next((row for row in deck_overview(current_user, today) if row.deck.id == deck.id), None)
    return render_template("decks/deck.html", deck=deck, points=members, charts=charts, counts=counts,
                           quiz_kinds=QUIZ_KINDS)


@bp.route("/decks/choose", methods=["GET", "POST"])
@login_required
def choose() -> Response | str:
    form = ChooseDecksForm()
    decks = live_decks()
    if form.validate_on_submit():
        by_slug = {deck.slug: deck for deck in decks}
        wanted = request.form.getlist("deck")
        unknown = [slug for slug in wanted if slug not in by_slug]
        if unknown:
            abort(400, f"Unknown deck {unknown[0]!r}.")
        choose_decks(current_user, {by_slug[slug].id for slug in wanted})
        flash("Your decks are saved." if wanted else "No decks chosen: pick at least one to study.")
        return redirect(url_for("decks.index"))
    chosen = chosen_deck_ids(current_user)
    grouped = [(title, [deck for deck in decks if deck.kind == kind]) for kind, title in CHOICE_GROUPS]
    starters = [deck for deck in decks if deck.slug in STARTER_DECKS]
    return render_template("decks/choose.html", form=form, groups=[g for g in grouped if g[1]], chosen=chosen,
                           sizes=deck_sizes(), starters=starters, new_per_day=current_user.new_cards_per_day,
                           minutes_per_new_card=MINUTES_PER_NEW_CARD)
