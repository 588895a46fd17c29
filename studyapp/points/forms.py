from __future__ import annotations

from collections.abc import Mapping

from flask_wtf import FlaskForm
from wtforms import IntegerField
from wtforms.validators import NumberRange, Optional

from studyapp.core.content.categories import KINDS
from studyapp.core.content.codes import CHANNEL_FILTERS, channel_named
from studyapp.core.quizzes.search import MAX_QUERY_LENGTH
from studyapp.models import INT_MAX
from studyapp.services.points import POINT_STATES, Browse


class CardActionForm(FlaskForm):
    """Suspend, unsuspend or bury: one card (`state_id`) or, left empty, every card of the point."""

    state_id = IntegerField(validators=[
        Optional(), NumberRange(min=1, max=INT_MAX, message="A card number is a whole number from 1 to %(max)s."),
    ])


def parse_browse(args: Mapping[str, str]) -> Browse:
    """The search box and filters from the query string. Raises ValueError with a reason to show."""
    q = " ".join(args.get("q", "").split())
    if len(q) > MAX_QUERY_LENGTH:
        raise ValueError(f"Type at most {MAX_QUERY_LENGTH} characters to search for.")
    channel = args.get("channel", "").strip().upper() or None
    if channel is not None and channel not in CHANNEL_FILTERS:
        named = channel_named(channel)  # an alias such as SJ or DU
        if named is None:
            raise ValueError(f"Unknown channel {channel!r}; use one of {', '.join(CHANNEL_FILTERS)}.")
        channel = named
    category = args.get("category", "").strip() or None
    if category is not None and category not in KINDS:
        raise ValueError(f"Unknown category {category!r}.")
    state = args.get("state", "").strip() or None
    if state is not None and state not in POINT_STATES:
        raise ValueError(f"Unknown state {state!r}; use one of {', '.join(POINT_STATES)}.")
    page_text = args.get("page", "").strip() or "1"
    if not (page_text.isascii() and page_text.isdigit()) or len(page_text) > 6 or int(page_text) < 1:
        raise ValueError("The page must be a whole number from 1.")
    return Browse(q=q, channel=channel, category=category, state=state, page=int(page_text))
