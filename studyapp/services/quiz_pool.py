"""Quizzes on the database: the pool of live records, the question behind a student's quiz card,
and judging what the student answered (`answering.answer_quiz` turns that into an SM-2 grade).

The pure question generator (`core.quizzes.questions`) and answer matcher
(`core.quizzes.answer_matching`) do the work; this module feeds them the current records, cached per
process until the records change.
"""

from __future__ import annotations

import math
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select

from studyapp.core.body.charts import Charts
from studyapp.core.body.locate import DEFAULT_THRESHOLDS, LocateOutcome, Thresholds, grade_click
from studyapp.core.content.deck_files import PointRecord
from studyapp.core.quizzes import questions
from studyapp.core.quizzes.answer_matching import NameIndex, Outcome, judge
from studyapp.extensions import db
from studyapp.models import Card, CardState, Point

QUIZ_CARD_PREFIX = "quiz-"


@dataclass(frozen=True)
class Pool:
    """Every live point record, with the lookups a quiz needs, built once per version of the records."""

    points: tuple[PointRecord, ...]
    by_code: dict[str, PointRecord]
    names: NameIndex
    charts: Charts
    relations: dict[str, list[questions.Relation]] = field(default_factory=dict)


_pools: dict[tuple[Any, ...], Pool] = {}


def point_pool() -> Pool:
    """The live records. One cheap query tells whether the cached pool is still current."""
    count, newest, id_sum = db.session.execute(
        select(func.count(), func.max(Point.updated_at), func.sum(Point.id)).where(Point.retired.is_(False))
    ).one()
    key = (str(db.engine.url), count, newest, id_sum)
    pool = _pools.get(key)
    if pool is None:
        rows = db.session.scalars(select(Point).where(Point.retired.is_(False)).order_by(Point.sort_key))
        points = tuple(PointRecord.from_dict(row.record) for row in rows)
        pool = Pool(points=points, by_code={p.code: p for p in points}, names=NameIndex.build(points),
                    charts=Charts.build({p.code: p.position for p in points if p.position}),
                    relations=questions.relations_by_answer(points))
        _pools.clear()  # one version of the records at a time
        _pools[key] = pool
    return pool


def quiz_kind(card: Card) -> str | None:
    """The quiz kind of a quiz card ('which-point', 'where-is', 'relation'), None for a flashcard."""
    return card.kind.removeprefix(QUIZ_CARD_PREFIX) if card.kind.startswith(QUIZ_CARD_PREFIX) else None


def card_question(pool: Pool, state: CardState) -> questions.Question:
    """The question a student's quiz card asks now. Its choices are fixed for this version of the
    card state, so reloading the page shows the same question; the next review reshuffles them."""
    card = state.card
    kind = quiz_kind(card)
    if kind is None or card.point is None:
        raise ValueError(f"card {card.key} is not a quiz card")
    answer = pool.by_code[card.point.code]
    seed = f"{state.user_id}:{card.key}:{state.version}"
    if kind == "relation":
        relations = pool.relations.get(answer.code, [])
        if not relations:
            raise LookupError(f"{answer.code} has no relation question any more")
        return questions.relation_question(relations[state.version % len(relations)], pool.points, seed)
    return questions.make_question(kind, answer, pool.points, seed, charts=pool.charts)


def new_seed() -> str:
    return secrets.token_hex(4)


@dataclass(frozen=True)
class Response:
    """What the student did: picked choice number `choice` (1-based), typed `typed`, clicked a chart at
    `click` (x, y in the view's units), or gave up."""

    choice: int | None = None
    typed: str | None = None
    gave_up: bool = False
    click: tuple[float, float] | None = None


@dataclass(frozen=True)
class Result:
    correct: bool
    almost: bool
    gave_up: bool
    chosen_code: str | None  # the point the student named or picked, when it is a point
    suggestion: str | None  # for an almost: the name as it should be written
    typed: bool
    located: LocateOutcome | None = None  # a click on a chart, graded by its distance

    @property
    def outcome(self) -> str:
        if self.gave_up:
            return "gave-up"
        if self.almost:
            return "almost"
        return "correct" if self.correct else "wrong"


class BadResponse(ValueError):
    """The request does not describe an answer to this question (a 400, not a wrong answer)."""


def check(pool: Pool, question: questions.Question, response: Response, *,
          thresholds: Thresholds = DEFAULT_THRESHOLDS, second_try: bool = False) -> Result:
    """Judge one response to `question`. Empty typed text is a BadResponse, not a wrong answer; so is
    a click on a question that is not asked on a chart."""
    if response.gave_up:
        return Result(False, False, True, None, None, typed=False)
    if response.click is not None:
        return _check_click(pool, question, response.click, thresholds, second_try)
    if response.choice is not None:
        if not 1 <= response.choice <= len(question.choices):
            raise BadResponse(f"choose a number from 1 to {len(question.choices)}")
        chosen = question.choices[response.choice - 1].code
        return Result(chosen == question.answer_code, False, False, chosen, None, typed=False)
    if response.typed is None:
        raise BadResponse("pick a choice, type an answer, or give up")
    if question.kind in ("where-is", "locate"):
        raise BadResponse(f"a {question.kind} question is answered by picking a location, not by typing")
    verdict = judge(response.typed, pool.by_code[question.answer_code], pool.names)
    if verdict.outcome is Outcome.EMPTY:
        raise BadResponse("type a point code or name")
    return Result(
        correct=verdict.outcome is Outcome.CORRECT,
        almost=verdict.outcome is Outcome.ALMOST,
        gave_up=False,
        chosen_code=verdict.named_code if verdict.outcome is not Outcome.UNKNOWN else None,
        suggestion=verdict.suggestion,
        typed=True,
    )


def _check_click(pool: Pool, question: questions.Question, click: tuple[float, float], thresholds: Thresholds,
                 second_try: bool) -> Result:
    if question.kind != "locate" or question.view is None:
        raise BadResponse("only a locate question is answered by clicking the chart")
    located = locate(pool, question.answer_code, question.view, click, thresholds, second_try=second_try)
    other = located.nearest_point if located.nearest_point != question.answer_code else None
    return Result(located.correct, False, False, other, None, typed=False, located=located)


def locate(pool: Pool, code: str, view_slug: str, click: tuple[float, float], thresholds: Thresholds, *,
           second_try: bool = False) -> LocateOutcome:
    """Grade a click meant for point `code` on a view by its distance in cun to the nearest place of
    the point there. Raises BadResponse for an unknown point or view, a point that view does not
    show, or a click far off the chart."""
    if code not in pool.by_code:
        raise BadResponse(f"no point {code!r}")
    view = pool.charts.views.get(view_slug)
    if view is None:
        raise BadResponse(f"no chart {view_slug!r}; GET /api/v1/charts lists them")
    target = next((one for one in pool.charts.placed.get(code, ()) if pool.charts.views[one.view].figure is view.figure
                   and any(view.holds((p.x, p.y)) for p in one.positions)), None)
    if target is None:
        shown_on = ", ".join(pool.charts.views_of(code)) or "no chart"
        raise BadResponse(f"{code} is not on the {view_slug} chart (it is on {shown_on})")
    if not all(math.isfinite(value) for value in click) or not view.holds(click, margin=max(view.box[2], view.box[3])):
        raise BadResponse("the click is far outside the chart")
    landmark = describe_reference(pool, view_slug, target.spec.ref) if target.spec.ref else ""
    return grade_click(view.figure, target, click, pool.charts.on_figure(view.figure.key), thresholds,
                       second_try=second_try, landmark=landmark)


def describe_reference(pool: Pool, view_slug: str, ref: str) -> str:
    """What a position is measured from, in words: "the prominence of the medial malleolus", or a
    point's code and name ("KI-3 Tàixī")."""
    view = pool.charts.views[view_slug]
    if ref in view.figure.landmarks:
        return f"the {view.figure.landmarks[ref].name}"
    point = pool.by_code.get(ref)
    return f"{ref} {point.pinyin}" if point else ref


def live_quiz_card_count(deck_id: int) -> int:
    return db.session.scalar(select(func.count()).select_from(Card).where(
        Card.deck_id == deck_id, Card.retired.is_(False), Card.kind.startswith(QUIZ_CARD_PREFIX))) or 0


@dataclass(frozen=True)
class PracticeRequest:
    """The parameters of a practice question, from a query string, a form or JSON."""

    kind: str
    seed: str
    channel: str | None = None
    region: str | None = None
    category: str | None = None

    @classmethod
    def parse(cls, values: Mapping[str, Any], *, seed_required: bool) -> PracticeRequest:
        """Raises ValueError with a reason a student can act on."""

        def text(name: str) -> str | None:
            value = values.get(name)
            if value is None or (isinstance(value, str) and not value.strip()):
                return None
            if not isinstance(value, str | int) or isinstance(value, bool) or len(str(value)) > 64:
                raise ValueError(f"{name} must be short text")
            return str(value).strip()

        kind = text("kind") or "which-point"
        if kind not in questions.QUIZ_KINDS:
            raise ValueError(f"unknown quiz kind {kind!r}; choose one of {', '.join(questions.QUIZ_KINDS)}")
        seed = text("seed")
        if seed is None:
            if seed_required:
                raise ValueError("seed is required: send back the seed of the question you answer")
            seed = new_seed()
        return cls(kind=kind, seed=seed, channel=text("channel"), region=text("region"),
                   category=text("category"))

    @property
    def filters(self) -> dict[str, str | None]:
        return {"channel": self.channel, "region": self.region, "category": self.category}

    def query(self, **changes: str) -> dict[str, Any]:
        """URL parameters for this request (without empty filters), with `changes` applied; the
        values are text, typed Any as url_for's **values are."""
        values = {"kind": self.kind, "seed": self.seed, **self.filters, **changes}
        return {name: value for name, value in values.items() if value}

    def question(self, pool: Pool) -> questions.Question:
        return questions.pick_question(self.kind, pool.points, self.seed, relations=pool.relations,
                                       channel=self.channel, region=self.region, category=self.category,
                                       charts=pool.charts)
