"""Read-only JSON API for point records. No login: the records are public study material."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, jsonify, request
from flask.typing import ResponseReturnValue
from sqlalchemy import select

from studyapp.codes import CHANNELS, normalize_code
from studyapp.decks import Point as PointRecord
from studyapp.extensions import db
from studyapp.models import Point

bp = Blueprint("api", __name__, url_prefix="/api/v1")


def point_json(row: Point) -> dict[str, Any]:
    record = PointRecord.from_dict(row.record)
    return {
        **row.record,
        "channel": row.channel,
        "channel_name": CHANNELS.get(row.channel, "Extra points"),
        "aliases": list(record.all_aliases),
        "categories": _categories_json(record),
    }


def _categories_json(record: PointRecord) -> list[dict[str, Any]]:
    return [{"category": c.category, "of": c.of, "phase": c.phase, "label": c.label_for(record.code)}
            for c in record.categories]


@bp.get("/points")
def points() -> ResponseReturnValue:
    query = select(Point).where(Point.retired.is_(False)).order_by(Point.sort_key)
    channel = request.args.get("channel")
    if channel:
        canonical = normalize_code(f"{channel}1")
        wanted = canonical.split("-")[0] if canonical and not canonical.startswith("EX-") else channel.upper()
        if wanted not in CHANNELS and wanted != "EX":
            abort(400, f"Unknown channel {channel!r}; use one of {', '.join(CHANNELS)} or EX.")
        query = query.where(Point.channel == wanted)
    rows = db.session.scalars(query).all()
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
    row = None
    if canonical is not None:
        row = db.session.scalar(select(Point).where(Point.code == canonical, Point.retired.is_(False)))
    if row is None:
        abort(404, f"No point {code!r}.")
    return jsonify(point_json(row))
