"""Body figures and the views cut from them (pure).

A `Figure` is one drawing of the body (the whole body from the front, the medial side of the left
leg, the sole): its landmarks placed once in drawing units, the cun frames built on them (the
standard proportional measures: "medial condyle of the tibia to the medial malleolus, 13 cun"), the
further measures the drawing must agree with, and the strokes drawn through the same landmarks.

A `View` is what a student looks at: a figure seen through a box (the whole figure, or the face,
the palm, the medial foot). Drawings are vectors, so a small box is a close-up at full detail. A
point placed once on a figure is on every view of that figure whose box holds it.

A figure of both sides of the body (front, back, the top of the head) is drawn symmetric about
`mirror_x`; landmarks and points are placed on the patient's left and drawn on both sides.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from studyapp.core.body.drawing import Point, Stroke, edge_distance, inside, sampled
from studyapp.core.body.geometry import Frame

Side = Literal["left", "right", "both"]


@dataclass(frozen=True)
class Landmark:
    """A named place of a figure: `name` in a location's words, at (x, y) in drawing units,
    measured in `frame`. On a figure of both sides it is placed on the patient's left."""

    key: str
    name: str
    frame: str
    x: float
    y: float
    shown: bool = True  # drawn (faint, labelled) beside the points of an answer chart


@dataclass(frozen=True)
class Measure:
    """A standard proportional measure the drawing keeps: `a` to `b` is `cun` in `frame`, along its
    long axis (or across it)."""

    frame: str
    a: str
    b: str
    cun: float
    direction: Literal["along", "across"] = "along"


@dataclass(frozen=True)
class Figure:
    key: str
    width: float
    height: float
    side: Side  # the side of the body drawn; "both" for a figure symmetric about `mirror_x`
    frames: Mapping[str, Frame]
    landmarks: Mapping[str, Landmark]
    measures: tuple[Measure, ...]
    strokes: tuple[Stroke, ...]
    body: tuple[Stroke, ...]  # closed outlines: every point lies inside one of them
    mirror_x: float | None = None
    # The patient's left is towards +x (a figure seen from the front) or -x (from behind).
    left_towards: int = 1

    def landmark_point(self, key: str) -> Point:
        landmark = self.landmarks[key]
        return landmark.x, landmark.y

    def mirrored(self, point: Point) -> Point:
        if self.mirror_x is None:
            raise ValueError(f"figure {self.key} is not drawn on both sides")
        return 2 * self.mirror_x - point[0], point[1]

    def on_left(self, point: Point) -> bool:
        """Is this place on the patient's left half (or the midline) of a figure of both sides?"""
        assert self.mirror_x is not None
        return (point[0] - self.mirror_x) * self.left_towards >= -1e-6

    @cached_property
    def silhouettes(self) -> tuple[tuple[Point, ...], ...]:
        outlines = [tuple(sampled(stroke)) for stroke in self.body]
        if self.mirror_x is not None:
            outlines += [tuple(self.mirrored(p) for p in outline) for outline in outlines]
        return tuple(outlines)

    def on_body(self, point: Point, margin: float = 0.0) -> bool:
        """Inside the drawn body, or within `margin` drawing units of its edge."""
        return any(inside(poly, point) or edge_distance(poly, point) <= margin for poly in self.silhouettes)

    def measured(self, measure: Measure) -> float:
        """What the drawing makes of a standard measure, in cun."""
        frame = self.frames[measure.frame]
        along_a, across_a = frame.to_cun(*self.landmark_point(measure.a))
        along_b, across_b = frame.to_cun(*self.landmark_point(measure.b))
        return abs(along_b - along_a) if measure.direction == "along" else abs(across_b - across_a)


@dataclass(frozen=True)
class View:
    """A figure seen through a box: `box` is (x, y, width, height) in the figure's units."""

    slug: str
    title: str
    figure: Figure
    box: tuple[float, float, float, float]
    description: str  # what the view shows, in words, for screen readers
    side: Side = field(default="both")  # the side of the body this view shows

    @property
    def view_box(self) -> str:
        return " ".join(f"{value:g}" for value in self.box)

    def holds(self, point: Point, margin: float = 0.0) -> bool:
        x, y, width, height = self.box
        return x - margin <= point[0] <= x + width + margin and y - margin <= point[1] <= y + height + margin


class ViewError(ValueError):
    """A figure or view definition that contradicts itself."""
