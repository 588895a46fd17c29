"""A small builder the figure modules draw with (pure).

    draw = FigureBuilder("leg-medial", 420, 1000, side="left")
    draw.landmark("medial-malleolus", "prominence of the medial malleolus", "lower-leg", 200, 890)
    draw.frame(Frame("lower-leg", "y", Ruler(((0, 890), (13, 565))), ...))
    draw.outline([draw.at("lower-leg", 5, 1.6), ...])    # the body's edge, drawn in cun
    figure = draw.build()

Figures place landmarks in drawing units, build frames from them, then draw in the frames' cun
(`at`), so the drawing, the landmarks and the points all share one measure.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from studyapp.core.body.drawing import Point, Stroke, StrokeKind
from studyapp.core.body.geometry import Frame
from studyapp.core.body.views import Figure, Landmark, Measure, Side, ViewError


class FigureBuilder:
    def __init__(self, key: str, width: float, height: float, *, side: Side,
                 mirror_x: float | None = None, left_towards: int = 1) -> None:
        if (side == "both") != (mirror_x is not None):
            raise ViewError(f"{key}: a figure of both sides needs mirror_x, and only it")
        self.key, self.width, self.height, self.side = key, width, height, side
        self.mirror_x, self.left_towards = mirror_x, left_towards
        self.frames: dict[str, Frame] = {}
        self.landmarks: dict[str, Landmark] = {}
        self.measures: list[Measure] = []
        self.strokes: list[Stroke] = []
        self.body: list[Stroke] = []

    def frame(self, frame: Frame) -> Frame:
        if frame.key in self.frames:
            raise ViewError(f"{self.key}: frame {frame.key!r} twice")
        self.frames[frame.key] = frame
        return frame

    def landmark(self, key: str, name: str, frame: str, x: float, y: float, *, shown: bool = True) -> Landmark:
        if key in self.landmarks:
            raise ViewError(f"{self.key}: landmark {key!r} twice")
        landmark = Landmark(key, name, frame, x, y, shown)
        self.landmarks[key] = landmark
        return landmark

    def landmark_at(self, key: str, name: str, frame: str, along: float, across: float,
                    *, shown: bool = True) -> Landmark:
        """A landmark placed in cun of a frame built already (from the landmarks that define it)."""
        x, y = self.at(frame, along, across)
        return self.landmark(key, name, frame, x, y, shown=shown)

    def measure(self, frame: str, a: str, b: str, cun: float, direction: str = "along") -> None:
        if direction not in ("along", "across"):
            raise ViewError(f"{self.key}: a measure runs along or across, not {direction!r}")
        self.measures.append(Measure(frame, a, b, cun, "along" if direction == "along" else "across"))

    def at(self, frame: str, along: float, across: float) -> Point:
        return self.frames[frame].to_view(along, across)

    def point(self, key: str) -> Point:
        landmark = self.landmarks[key]
        return landmark.x, landmark.y

    def cun_points(self, frame: str, pairs: Iterable[tuple[float, float]]) -> tuple[Point, ...]:
        return tuple(self.at(frame, along, across) for along, across in pairs)

    def stroke(self, points: Sequence[Point], kind: StrokeKind = "detail", *, closed: bool = False,
               smooth: bool = True) -> None:
        self.strokes.append(Stroke(tuple(points), kind, closed, smooth))

    def outline(self, points: Sequence[Point], *, smooth: bool = True) -> None:
        """A closed edge of the body: drawn, and points must lie inside it."""
        stroke = Stroke(tuple(points), "skin", True, smooth)
        self.strokes.append(stroke)
        self.body.append(stroke)

    def counts_as_body(self, points: Sequence[Point]) -> None:
        """A closed outline that is part of the body for the on-body checks but is drawn by other
        strokes (an ear seen from above, drawn on both sides by hand)."""
        self.body.append(Stroke(tuple(points), "skin", True))

    def build(self) -> Figure:
        for landmark in self.landmarks.values():
            if landmark.frame not in self.frames:
                raise ViewError(f"{self.key}: landmark {landmark.key!r} in unknown frame {landmark.frame!r}")
        return Figure(self.key, self.width, self.height, self.side, dict(self.frames), dict(self.landmarks),
                      tuple(self.measures), tuple(self.strokes), tuple(self.body), self.mirror_x,
                      self.left_towards)
