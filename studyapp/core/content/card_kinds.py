"""Card kinds generated from point records (pure).

A card's identity is its key: the point code plus its kind for channel decks (`KI-8/location-name`),
the theme slug in front for theme decks (`xi-cleft:KI-8/which-point:xi-cleft`). Progress survives
every re-import and every edit of the text, because the text is rendered from the current record
each time the card is shown.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from studyapp.core.content import categories as cat
from studyapp.core.content.codes import code_rank
from studyapp.core.content.deck_files import DeckRecord, PointRecord, theme_points

# Kinds in the order a point's cards are introduced (its teaching order): first meet the point and
# where it is, then find it on the body the same day (the companion below), then recall it from its
# place, pick it out among its neighbours, and only then its actions and relations. Every point's
# first card comes before any point's second one, which spreads siblings over different days.
CARD_KINDS: dict[str, str] = {
    "name-location": "Where is this point?",
    # On the body charts: click where the point is; name the point marked by a dot
    "quiz-locate": "Quiz: where is it on the body?",
    "location-name": "Which point is here?",
    # Location quizzes (multiple choice or typed; graded from the outcome, see core.quizzes.questions)
    "quiz-where-is": "Quiz: where is this point?",
    "quiz-name-dot": "Quiz: which point is this dot?",
    "functions": "What does this point do, and what is it used for?",
    "quiz-which-point": "Quiz: which point is here?",
    "related": "Which points work with this one, and why?",
    "quiz-relation": "Quiz: neighbours and relations",
    # Theme decks
    "categories": "Which categories does this point belong to?",
    "which-point": "Which point is it?",
    "members": "Name all the points of this group.",
}
# A kind's companion comes the same day, a few cards later (core.scheduling.day_plan): a point met on
# its first flashcard is found on the body chart while it is fresh.
COMPANION_KINDS: dict[str, str] = {"name-location": "quiz-locate"}
KIND_ORDER = {kind: index for index, kind in enumerate(CARD_KINDS)}
POSITION_STRIDE = 1_000_000  # position = kind index * stride + the point's code rank
CHANNEL_KINDS = tuple(kind for kind in CARD_KINDS if kind not in ("categories", "which-point", "members"))
CHART_CARD_KINDS = frozenset({"quiz-locate", "quiz-name-dot"})  # only for points drawn on the charts
# A "name all of them" card is a fair question for a group a student can hold in mind.
MAX_MEMBERS_TO_NAME = 13


@dataclass(frozen=True)
class CardSpec:
    key: str
    kind: str
    point_code: str | None
    position: int
    subject: str | None = None  # the category a theme card asks about


def card_key(point_code: str, kind: str) -> str:
    return f"{point_code}/{kind}"


def cards_for_point(point: PointRecord, relation_answers: Collection[str] = ()) -> list[CardSpec]:
    """The cards a point record yields in its channel deck. `related` needs related points; the
    relation quiz needs a relation question whose answer is this point (`relation_answers`)."""
    kinds = [
        kind for kind in CHANNEL_KINDS
        if (kind != "related" or point.related) and (kind != "quiz-relation" or point.code in relation_answers)
        and (kind not in CHART_CARD_KINDS or point.position)
    ]
    return [
        CardSpec(key=card_key(point.code, kind), kind=kind, point_code=point.code,
                 position=KIND_ORDER[kind] * POSITION_STRIDE + code_rank(point.code))
        for kind in kinds
    ]


def cards_for_theme(theme: DeckRecord, points: Sequence[PointRecord]) -> list[CardSpec]:
    """A theme deck's cards, built from the categories of all `points`:

    - for each member point: point -> its categories;
    - for each membership that names exactly one point ("the xi-cleft point of the Yin Qiao
      vessel"): that description -> the point;
    - for each category without qualifiers and of a size one can recite: name all its points.
    """
    members = theme_points(theme, points)
    label_counts = Counter(
        category.label_for(point.code) for point in points for category in point.categories
    )
    specs: list[CardSpec] = []
    for point in members:
        rank = code_rank(point.code)
        specs.append(CardSpec(key=f"{theme.slug}:{point.code}/categories", kind="categories",
                              point_code=point.code, position=KIND_ORDER["categories"] * POSITION_STRIDE + rank))
        for category in point.categories:
            if category.category in theme.categories and label_counts[category.label_for(point.code)] == 1:
                specs.append(CardSpec(
                    key=f"{theme.slug}:{point.code}/which-point:{category.category}", kind="which-point",
                    point_code=point.code, subject=category.category,
                    position=KIND_ORDER["which-point"] * POSITION_STRIDE + rank,
                ))
    for index, name in enumerate(theme.categories):
        size = sum(1 for p in points if p.in_category(name))
        if cat.KINDS[name].needs is None and 0 < size <= MAX_MEMBERS_TO_NAME:
            specs.append(CardSpec(key=f"{theme.slug}:{name}/members", kind="members", point_code=None,
                                  subject=name, position=KIND_ORDER["members"] * POSITION_STRIDE + index))
    return specs


@dataclass(frozen=True)
class CardFront:
    """What the student sees before revealing the answer."""

    question: str
    shows_name: bool  # the front names the point (code, pinyin, hanzi, English)
    prompt: str  # the body of the question: a location, or empty when the name is the cue


def front(kind: str, point: PointRecord | None, subject: str | None = None, member_count: int = 0) -> CardFront:
    if kind == "members" and subject:
        return CardFront(f"Name all {member_count} points of this group.", shows_name=False,
                         prompt=cat.KINDS[subject].title)
    if point is None:
        raise ValueError(f"a {kind} card needs its point")
    if kind == "location-name":
        return CardFront(CARD_KINDS[kind], shows_name=False, prompt=point.nameless_location)
    if kind == "which-point":
        label = next(c.label_for(point.code) for c in point.categories if c.category == subject)
        return CardFront(f"Which point is the {label}?", shows_name=False, prompt="")
    return CardFront(CARD_KINDS[kind], shows_name=True, prompt="")
