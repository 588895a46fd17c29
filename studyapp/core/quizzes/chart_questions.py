"""Questions asked on a body chart (pure): "click where KI-8 is" and "which point is this dot?".

*Locate* names a point and shows the view its position is asked on; the student clicks, taps or
places a cross-hair, and `studyapp.core.body.locate` grades the click by its distance in cun.
*Name the dot* marks a point's place on its view (either side of a bilateral point, chosen by the
seed) and asks which point it is; the wrong choices are the points drawn nearest to it on the same
view, the neighbours a student confuses, so the question tests the place, not the name.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from studyapp.core.body.charts import Charts
from studyapp.core.body.locate import nearest_offset
from studyapp.core.body.positions import Placed, Position
from studyapp.core.content.deck_files import PointRecord
from studyapp.core.quizzes.questions import MAX_CHOICES, MIN_CHOICES, Choice, name_line

CHART_KINDS: dict[str, str] = {
    "locate": "Click where it is",
    "name-dot": "Which point is this dot?",
}
# The wrong choices of a name-the-dot question come from the points drawn within this many cun.
NEAR_CUN = 6.0


@dataclass(frozen=True)
class ChartQuestion:
    kind: str  # "locate" or "name-dot"
    answer_code: str
    view: str
    prompt: str  # locate: the point's name line; name-dot: empty (the dot is the question)
    choices: tuple[Choice, ...] = ()
    dot: Position | None = None


def asked_on(charts: Charts, point: PointRecord) -> Placed | None:
    """Where a point's chart questions are asked: its first position."""
    return charts.primary(point.code)


def locate_question(point: PointRecord, charts: Charts) -> ChartQuestion:
    placed = asked_on(charts, point)
    if placed is None:
        raise LookupError(f"{point.code} is not on any chart")
    return ChartQuestion("locate", point.code, placed.view, name_line(point))


def name_dot_question(point: PointRecord, pool: Sequence[PointRecord], charts: Charts, seed: int | str,
                      choices: int = 5) -> ChartQuestion:
    """The dot at one of the point's places on its view, and `choices` names: the answer and the
    points drawn nearest to it there (same seed, same question)."""
    if not MIN_CHOICES <= choices <= MAX_CHOICES:
        raise ValueError(f"a question has {MIN_CHOICES} to {MAX_CHOICES} choices")
    placed = asked_on(charts, point)
    if placed is None:
        raise LookupError(f"{point.code} is not on any chart")
    rng = random.Random(f"name-dot|{point.code}|{seed}")
    dot = rng.choice(placed.positions)
    figure = charts.views[placed.view].figure
    by_code = {p.code: p for p in pool}
    near: list[tuple[float, str]] = []
    for code, placements in charts.on_view(placed.view).items():
        if code == point.code or code not in by_code:
            continue
        distance = min(nearest_offset(figure, placed, (p.x, p.y)).distance for one in placements
                       for p in one.positions)
        near.append((distance, code))
    near.sort()
    close = [code for distance, code in near if distance <= NEAR_CUN] or [code for _, code in near]
    # the nearest few, varied by the seed, so the same neighbours do not always come up together
    candidates = close[: (choices - 1) * 2]
    rng.shuffle(candidates)
    wrong = candidates[: choices - 1]
    if len(wrong) < choices - 1:  # a view with few points: fill from the rest of the view, nearest first
        wrong += [code for _, code in near if code not in wrong][: choices - 1 - len(wrong)]
    options = [point.code, *wrong]
    rng.shuffle(options)
    return ChartQuestion("name-dot", point.code, placed.view, "",
                         tuple(Choice(code, name_line(by_code[code])) for code in options), dot)
