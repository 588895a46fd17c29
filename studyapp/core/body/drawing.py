"""Smooth line drawing from a few points (pure): the outlines of the body charts.

Outlines are Catmull-Rom splines through points the figure modules place in cun, written as cubic
Bézier paths; `sampled` turns the same curve into a polygon, so tests can check that every landmark
and point lies inside the drawn body.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

Point = tuple[float, float]
StrokeKind = Literal["skin", "outline", "detail", "bone", "hair", "fill"]


@dataclass(frozen=True)
class Stroke:
    """One line of the drawing: `kind` chooses its style (a CSS class), `closed` joins its ends."""

    points: tuple[Point, ...]
    kind: StrokeKind = "detail"
    closed: bool = False
    smooth: bool = True


def _fmt(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _controls(points: Sequence[Point], closed: bool) -> list[tuple[Point, Point, Point]]:
    """(control 1, control 2, end) of each cubic segment of a Catmull-Rom spline (tension 1/6)."""
    count = len(points)
    segments = []
    last = count if closed else count - 1
    for i in range(last):
        p0 = points[(i - 1) % count] if closed or i > 0 else points[i]
        p1 = points[i]
        p2 = points[(i + 1) % count]
        p3 = points[(i + 2) % count] if closed or i + 2 < count else p2
        c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
        c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
        segments.append((c1, c2, p2))
    return segments


def path_data(stroke: Stroke) -> str:
    points = stroke.points
    start = f"M{_fmt(points[0][0])} {_fmt(points[0][1])}"
    if not stroke.smooth or len(points) < 3:
        body = "".join(f"L{_fmt(x)} {_fmt(y)}" for x, y in points[1:])
    else:
        body = "".join(
            f"C{_fmt(c1[0])} {_fmt(c1[1])} {_fmt(c2[0])} {_fmt(c2[1])} {_fmt(end[0])} {_fmt(end[1])}"
            for c1, c2, end in _controls(points, stroke.closed))
    return start + body + ("Z" if stroke.closed else "")


def sampled(stroke: Stroke, per_segment: int = 8) -> list[Point]:
    """The curve as a polyline (a polygon when closed)."""
    points = stroke.points
    if not stroke.smooth or len(points) < 3:
        return list(points)
    out = [points[0]]
    start = points[0]
    for c1, c2, end in _controls(points, stroke.closed):
        for step in range(1, per_segment + 1):
            t = step / per_segment
            u = 1 - t
            out.append((
                u**3 * start[0] + 3 * u * u * t * c1[0] + 3 * u * t * t * c2[0] + t**3 * end[0],
                u**3 * start[1] + 3 * u * u * t * c1[1] + 3 * u * t * t * c2[1] + t**3 * end[1],
            ))
        start = end
    return out


def inside(polygon: Sequence[Point], point: Point) -> bool:
    """Even-odd rule: is `point` inside the closed `polygon`?"""
    x, y = point
    result = False
    count = len(polygon)
    for i in range(count):
        x1, y1 = polygon[i]
        x2, y2 = polygon[(i + 1) % count]
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            result = not result
    return result


def edge_distance(polygon: Sequence[Point], point: Point) -> float:
    """The shortest distance from `point` to the polygon's edge."""
    best = float("inf")
    px, py = point
    count = len(polygon)
    for i in range(count):
        (x1, y1), (x2, y2) = polygon[i], polygon[(i + 1) % count]
        dx, dy = x2 - x1, y2 - y1
        length = dx * dx + dy * dy
        t = 0.0 if length == 0 else max(0.0, min(1.0, ((px - x1) * dx + (py - y1) * dy) / length))
        cx, cy = x1 + t * dx, y1 + t * dy
        best = min(best, ((px - cx) ** 2 + (py - cy) ** 2) ** 0.5)
    return best
