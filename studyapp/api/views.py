"""JSON API: point records and practice quiz questions. No login: the records are public study
material, and checking a practice answer stores nothing."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, abort, jsonify, request
from flask.typing import ResponseReturnValue

from studyapp import body_charts
from studyapp.core import bounded_json
from studyapp.core.body.svg import standalone_svg
from studyapp.core.content.codes import CHANNELS, channel_named, normalize_code
from studyapp.core.content.deck_files import PointRecord
from studyapp.core.quizzes import questions
from studyapp.models import Point
from studyapp.services import quiz_pool
from studyapp.services.points import live_point, live_point_rows

bp = Blueprint("api", __name__, url_prefix="/api/v1")

MAX_BODY_BYTES = 64 * 1024  # a quiz answer is some 100 bytes


@bp.before_request
def _small_bodies() -> None:
    """No request to the API needs more: a larger body is refused (413) before anything reads it."""
    request.max_content_length = MAX_BODY_BYTES


def point_json(row: Point) -> dict[str, Any]:
    record = PointRecord.from_dict(row.record)
    charts = quiz_pool.point_pool().charts
    return {
        **row.record,
        "channel": row.channel,
        "channel_name": CHANNELS.get(row.channel, "Extra points"),
        "aliases": list(record.all_aliases),
        "categories": _categories_json(record),
        # where the charts draw it, in each view's SVG units (the first is where its quiz asks)
        "positions": [{"view": p.view, "x": round(p.x, 2), "y": round(p.y, 2), "side": p.side,
                       **({"label": p.label} if p.label else {})}
                      for placed in charts.placed.get(row.code, ()) for p in placed.positions],
    }


def _categories_json(record: PointRecord) -> list[dict[str, Any]]:
    return [{"category": c.category, "of": c.of, "phase": c.phase, "label": c.label_for(record.code)}
            for c in record.categories]


@bp.get("/points")
def points() -> ResponseReturnValue:
    channel = request.args.get("channel")
    wanted = None
    if channel:
        named = channel_named(channel)
        wanted = named if named and named != "EX" else channel.upper()
        if wanted not in CHANNELS and wanted != "EX":
            abort(400, f"Unknown channel {channel!r}; use one of {', '.join(CHANNELS)} or EX.")
    rows = live_point_rows(wanted)
    return jsonify(count=len(rows), points=[
        {"code": row.code, "pinyin": row.pinyin, "hanzi": row.hanzi, "english": row.english,
         "channel": row.channel, "region": row.record["region"],
         "categories": _categories_json(PointRecord.from_dict(row.record)),
         "url": f"/api/v1/points/{row.code}"}
        for row in rows
    ])


@bp.get("/points/<path:code>")
def point(code: str) -> ResponseReturnValue:
    canonical = normalize_code(code)
    row = live_point(canonical) if canonical is not None else None
    if row is None:
        abort(404, f"No point {code!r}.")
    return jsonify(point_json(row))


def _question_json(practice: quiz_pool.PracticeRequest, question: questions.Question,
                   pool: quiz_pool.Pool) -> dict[str, Any]:
    """A question without its answer: the choices are numbered, not labelled with their codes."""
    named = pool.by_code[question.answer_code] if question.kind in ("where-is", "locate") else None
    return {
        "kind": question.kind,
        "title": questions.QUIZ_KINDS[question.kind],
        "seed": practice.seed,
        "filters": {name: value for name, value in practice.filters.items() if value},
        "prompt": question.prompt,
        "point": {"code": named.code, "pinyin": named.pinyin, "hanzi": named.hanzi, "english": named.english}
        if named else None,
        "choices": [{"number": index, "text": choice.text} for index, choice in enumerate(question.choices, 1)],
        "typed_answers": question.kind not in ("where-is", "locate"),
        **({"view": question.view} if question.view else {}),
        **({"dot": {"x": round(question.dot.x, 2), "y": round(question.dot.y, 2)}} if question.dot else {}),
    }


def _point_brief(point: PointRecord | None) -> dict[str, Any] | None:
    if point is None:
        return None
    return {"code": point.code, "pinyin": point.pinyin, "hanzi": point.hanzi, "english": point.english,
            "location": point.location}


@bp.get("/quiz")
def quiz_question() -> ResponseReturnValue:
    """A practice question: ?kind=which-point|where-is|relation&channel=&region=&category=&seed=."""
    pool = quiz_pool.point_pool()
    try:
        practice = quiz_pool.PracticeRequest.parse(request.args, seed_required=False)
        question = practice.question(pool)
    except ValueError as error:
        abort(400, str(error))
    return jsonify(_question_json(practice, question, pool))


@bp.get("/charts")
def charts() -> ResponseReturnValue:
    """The body charts: each view's slug, title, description, SVG viewBox and drawing."""
    views = quiz_pool.point_pool().charts.views.values()
    return jsonify(count=len(views), charts=[
        {"slug": view.slug, "title": view.title, "description": view.description, "viewBox": view.view_box,
         "figure": view.figure.key, "side": view.side, "svg": f"/api/v1/charts/{view.slug}.svg"}
        for view in views])


@bp.get("/charts/<slug>.svg")
def chart_drawing(slug: str) -> ResponseReturnValue:
    """A view's drawing alone, as a standalone SVG file (its colours as attributes, no stylesheet)."""
    view = quiz_pool.point_pool().charts.views.get(slug)
    if view is None:
        abort(404, f"No chart {slug!r}.")
    return Response(standalone_svg(view), mimetype="image/svg+xml")


def _locate_check(body: dict[str, Any], pool: quiz_pool.Pool) -> ResponseReturnValue:
    """A click on a chart for a named point: {"kind": "locate", "code", "view", "x", "y"}."""
    code, view, x, y = (body.get(key) for key in ("code", "view", "x", "y"))
    if not isinstance(code, str) or not isinstance(view, str):
        raise quiz_pool.BadResponse("send the point's code and the chart's view as text")
    if isinstance(x, bool) or isinstance(y, bool) or not isinstance(x, int | float) or not isinstance(y, int | float):
        raise quiz_pool.BadResponse("send the click as numbers x and y, in the view's SVG units")
    canonical = normalize_code(code) or code
    located = quiz_pool.locate(pool, canonical, view, (float(x), float(y)), body_charts.locate_thresholds())
    return jsonify(
        distance_cun=located.distance_cun, grade=located.grade, correct=located.correct,
        direction=located.direction, nearest_point=located.nearest_point, measured_from=located.landmark,
        answer={**(_point_brief(pool.by_code[canonical]) or {}),
                "position": {"view": located.position.view, "x": round(located.position.x, 2),
                             "y": round(located.position.y, 2), "side": located.position.side}},
    )


@bp.post("/quiz")
def quiz_check() -> ResponseReturnValue:
    """Check an answer to a practice question: JSON with the question's kind, filters and seed, plus
    `choice` (1-based number) or `answer` (typed text) or `give_up`: true. A locate answer needs no
    question: {"kind": "locate", "code": "KI-8", "view": "leg-medial", "x": ..., "y": ...}. Nothing
    is stored."""
    try:
        body = bounded_json.loads(request.get_data(as_text=True))
    except ValueError as error:  # not JSON, nested too deep, numbers too long
        abort(400, f"send a JSON object: {{kind, seed, choice | answer | give_up}} ({error})")
    if not isinstance(body, dict):
        abort(400, "send a JSON object: {kind, seed, choice | answer | give_up}")
    pool = quiz_pool.point_pool()
    if body.get("kind") == "locate" and "code" in body:
        try:
            return _locate_check(body, pool)
        except quiz_pool.BadResponse as error:
            abort(400, str(error))
    try:
        practice = quiz_pool.PracticeRequest.parse(body, seed_required=True)
        question = practice.question(pool)
        choice, typed = body.get("choice"), body.get("answer")
        if choice is not None and (isinstance(choice, bool) or not isinstance(choice, int)):
            raise quiz_pool.BadResponse("choice must be a whole number")
        if typed is not None and (not isinstance(typed, str) or len(typed) > 100):
            raise quiz_pool.BadResponse("answer must be text of at most 100 characters")
        result = quiz_pool.check(pool, question, quiz_pool.Response(
            choice=choice, typed=typed if choice is None else None, gave_up=body.get("give_up") is True))
    except ValueError as error:
        abort(400, str(error))
    return jsonify(
        correct=result.correct,
        outcome=result.outcome,
        suggestion=result.suggestion,
        answer=_point_brief(pool.by_code[question.answer_code]),
        chosen=_point_brief(pool.by_code.get(result.chosen_code or "")),
    )
