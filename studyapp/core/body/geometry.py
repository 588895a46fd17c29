"""Proportional cun on a drawing: rulers and frames (pure).

A body chart measures in proportional (bone) cun, and a cun is a different length on each segment of
the body: 12 parts from the cubital to the wrist crease, 13 from the medial condyle of the tibia to
the medial malleolus, 8 between the nipples. A `Ruler` maps cun along one axis of a body segment to
a coordinate of the drawing, piecewise linear between stations that are landmarks ("the umbilicus is
0, the xiphisternal junction 8, the suprasternal notch 17"), so 3 cun below the umbilicus is measured
with the lower abdomen's cun and 3 cun above it with the upper abdomen's.

A `Frame` is one body segment drawn on a view: a ruler for `along` (the segment's long axis, drawn
vertically or horizontally) and one for `across`. Its words name the directions ("proximal",
"anterior"), so a distance can be told to a student as "1.2 cun too proximal". A midline frame
(the trunk seen from the front, the head from above) measures `across` from the midline.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from typing import Literal

Axis = Literal["x", "y"]


@dataclass(frozen=True)
class Ruler:
    """Cun -> drawing coordinate, piecewise linear through `stations` ((cun, coordinate), by cun);
    beyond the end stations the end segments' scales go on."""

    stations: tuple[tuple[float, float], ...]

    def __post_init__(self) -> None:
        if len(self.stations) < 2:
            raise ValueError("a ruler needs at least two stations")
        cuns = [cun for cun, _ in self.stations]
        if any(b <= a for a, b in itertools.pairwise(cuns)):
            raise ValueError(f"ruler stations must increase in cun: {cuns}")
        steps = [b - a for (_, a), (_, b) in itertools.pairwise(self.stations)]
        if not (all(step > 0 for step in steps) or all(step < 0 for step in steps)):
            raise ValueError("ruler coordinates must run one way")

    @classmethod
    def linear(cls, zero: float, units_per_cun: float) -> Ruler:
        return cls(((0.0, zero), (1.0, zero + units_per_cun)))

    def _segment(self, index: int) -> tuple[tuple[float, float], tuple[float, float]]:
        index = max(0, min(index, len(self.stations) - 2))
        return self.stations[index], self.stations[index + 1]

    def _index_by_cun(self, cun: float) -> int:
        for index in range(len(self.stations) - 1):
            if cun <= self.stations[index + 1][0]:
                return index
        return len(self.stations) - 2

    def _index_by_coordinate(self, coordinate: float) -> int:
        rising = self.stations[1][1] > self.stations[0][1]
        for index in range(len(self.stations) - 1):
            end = self.stations[index + 1][1]
            if (coordinate <= end) if rising else (coordinate >= end):
                return index
        return len(self.stations) - 2

    def at(self, cun: float) -> float:
        (c0, x0), (c1, x1) = self._segment(self._index_by_cun(cun))
        return x0 + (cun - c0) * (x1 - x0) / (c1 - c0)

    def cun_of(self, coordinate: float) -> float:
        (c0, x0), (c1, x1) = self._segment(self._index_by_coordinate(coordinate))
        return c0 + (coordinate - x0) * (c1 - c0) / (x1 - x0)

    def units_per_cun(self, cun: float) -> float:
        """The length of one cun here, in drawing units (always positive)."""
        (c0, x0), (c1, x1) = self._segment(self._index_by_cun(cun))
        return abs((x1 - x0) / (c1 - c0))


@dataclass(frozen=True)
class Frame:
    """One body segment on a view, measured in its own cun.

    `along_axis` is the drawing axis the segment's long axis runs on; `across` runs on the other.
    `along_words`/`across_words` name the positive and the negative direction. When `across` is
    None the segment is isotropic: across is measured with the local along cun from `across_zero`
    (a drawing coordinate), growing towards `across_sign` (+1 or -1 on the drawing axis).
    """

    key: str
    along_axis: Axis
    along: Ruler
    along_words: tuple[str, str]
    across_words: tuple[str, str]
    across: Ruler | None = None
    across_zero: float = 0.0
    across_sign: int = 1
    # Across is measured from the body's midline (0), + away from it, on the patient's left.
    midline: bool = False

    def across_at(self, along: float, across: float) -> float:
        if self.across is not None:
            return self.across.at(across)
        return self.across_zero + self.across_sign * across * self.along.units_per_cun(along)

    def across_of(self, along: float, coordinate: float) -> float:
        if self.across is not None:
            return self.across.cun_of(coordinate)
        return (coordinate - self.across_zero) * self.across_sign / self.along.units_per_cun(along)

    def to_view(self, along: float, across: float) -> tuple[float, float]:
        """Cun in this frame -> drawing (x, y)."""
        length, main = self.along.at(along), self.across_at(along, across)
        return (main, length) if self.along_axis == "y" else (length, main)

    def to_cun(self, x: float, y: float) -> tuple[float, float]:
        """Drawing (x, y) -> (along, across) in this frame's cun."""
        length, main = (y, x) if self.along_axis == "y" else (x, y)
        along = self.along.cun_of(length)
        return along, self.across_of(along, main)

    def scales(self, along: float, across: float) -> tuple[float, float]:
        """Drawing units per cun along and across, here."""
        across_scale = (self.across.units_per_cun(across) if self.across is not None
                        else self.along.units_per_cun(along))
        return self.along.units_per_cun(along), across_scale


def distance(a: tuple[float, float], b: tuple[float, float]) -> float:
    return math.hypot(b[0] - a[0], b[1] - a[1])
