"""Grading a click on a body chart by its distance, in cun, from the point (pure).

The distance is measured in the cun of the frame the point lies in, along and across, from the
nearest drawn place of the point (either side of a bilateral point). Where the frame's cun change
between the two places (above and below the umbilicus) the distance is measured with each part's
own cun, as a student measuring on the body would.

Grades: within 0.5 cun 5, within 1 cun 4, within 1.5 cun 3, further 1; a second try after a miss
earns at most 3; giving up 0. The thresholds are configurable (`Thresholds`). Where points crowd
(KI-7 and KI-8 lie 0.5 cun apart) a click may be within a grade's distance of the point asked and
yet nearer another point: the student found the other point, so it earns at most 3 ("right place,
wrong point"), and the feedback names the point clicked.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from studyapp.core.body.positions import Placed, Position
from studyapp.core.body.views import Figure

SECOND_TRY_BEST = 3
MISS_GRADE, GAVE_UP_GRADE = 1, 0
# A direction is named once the click is off by at least this much that way.
DIRECTION_CUN = 0.25
# Another point is named as the one clicked near when it lies within this many cun of the click.
NEAR_OTHER_CUN = 1.0
NEARER_ANOTHER_BEST = 3


@dataclass(frozen=True)
class Thresholds:
    """Upper distances in cun for grades 5, 4 and 3; anything further is a miss."""

    five: float = 0.5
    four: float = 1.0
    three: float = 1.5

    def __post_init__(self) -> None:
        if not 0 < self.five <= self.four <= self.three:
            raise ValueError("thresholds must grow: 0 < five <= four <= three")

    def grade(self, distance_cun: float, *, second_try: bool = False) -> int:
        if distance_cun <= self.five:
            grade = 5
        elif distance_cun <= self.four:
            grade = 4
        elif distance_cun <= self.three:
            grade = 3
        else:
            return MISS_GRADE
        return min(grade, SECOND_TRY_BEST) if second_try else grade


DEFAULT_THRESHOLDS = Thresholds()


@dataclass(frozen=True)
class Offset:
    """A click relative to one drawn place of a point: signed cun along and across its frame."""

    along: float
    across: float
    position: Position

    @property
    def distance(self) -> float:
        return math.hypot(self.along, self.across)


def offset(figure: Figure, placed: Placed, position: Position, click: tuple[float, float]) -> Offset:
    """The click seen from `position` (a mirrored twin is measured on its mirror image)."""
    frame = figure.frames[placed.frame]
    seen = figure.mirrored(click) if position.mirrored else click
    click_along, click_across = frame.to_cun(*seen)
    return Offset(click_along - placed.along, click_across - placed.across, position)


def nearest_offset(figure: Figure, placed: Placed, click: tuple[float, float]) -> Offset:
    return min((offset(figure, placed, position, click) for position in placed.positions), key=lambda o: o.distance)


def direction_words(figure: Figure, placed: Placed, found: Offset) -> str:
    """'1.2 cun too proximal', '0.6 cun too anterior and 0.3 cun too distal', or 'on the point'."""
    frame = figure.frames[placed.frame]
    parts = []
    for value, words in sorted(((found.along, frame.along_words), (found.across, frame.across_words)),
                               key=lambda item: -abs(item[0])):
        if abs(value) >= DIRECTION_CUN:
            parts.append(f"{abs(value):.1f} cun too {words[0] if value > 0 else words[1]}")
    return " and ".join(parts) if parts else "on the point"


@dataclass(frozen=True)
class LocateOutcome:
    code: str
    view: str
    distance_cun: float
    grade: int
    correct: bool
    direction: str
    position: Position  # the drawn place the click was measured from
    nearest_point: str  # the point nearest the click (may be `code` itself)
    landmark: str  # what the point is measured from, in words


def grade_click(figure: Figure, target: Placed, click: tuple[float, float], others: Mapping[str, Sequence[Placed]],
                thresholds: Thresholds, *, second_try: bool = False, landmark: str = "") -> LocateOutcome:
    """Grade a click meant for `target`; `others` are the points drawn on the same figure."""
    found = nearest_offset(figure, target, click)
    distance = found.distance
    grade = thresholds.grade(distance, second_try=second_try)
    nearest_code, nearest_distance = target.code, distance
    for code, placements in others.items():
        if code == target.code:
            continue
        for placed in placements:
            other = nearest_offset(figure, placed, click).distance
            if other < nearest_distance and other <= NEAR_OTHER_CUN:
                nearest_code, nearest_distance = code, other
    if nearest_code != target.code:
        grade = min(grade, NEARER_ANOTHER_BEST)
    return LocateOutcome(target.code, target.view, round(distance, 2), grade, grade >= 3,
                         direction_words(figure, target, found), found.position, nearest_code, landmark)
