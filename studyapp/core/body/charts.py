"""All the points on all the charts: solved once from the records, audited, asked about (pure).

`Charts.build(records)` takes every point record's `position` (already read by the deck reader)
and solves them on the figures; the app keeps one `Charts` per version of the records.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from studyapp.core.body import audit
from studyapp.core.body.figures import views as all_views
from studyapp.core.body.positions import Placed, PositionSpec, Solver
from studyapp.core.body.views import View

MIDLINE_CHANNELS = ("GV", "CV")


def is_midline_code(code: str) -> bool:
    return code.split("-", 1)[0] in MIDLINE_CHANNELS


@dataclass(frozen=True)
class Charts:
    views: Mapping[str, View]
    solver: Solver
    placed: Mapping[str, Sequence[Placed]]
    errors: tuple[str, ...]

    @classmethod
    def build(cls, specs: Mapping[str, Sequence[PositionSpec]], views: Mapping[str, View] | None = None) -> Charts:
        views = dict(views or all_views())
        solver = Solver(views, specs, [code for code in specs if is_midline_code(code)])
        placed, errors = audit.solve_all(solver)
        return cls(views, solver, placed, tuple(errors))

    def on_figure(self, figure_key: str) -> dict[str, list[Placed]]:
        """Every point placed on a figure: code -> its placements there."""
        out: dict[str, list[Placed]] = {}
        for code, placements in self.placed.items():
            mine = [one for one in placements if self.views[one.view].figure.key == figure_key]
            if mine:
                out[code] = mine
        return out

    def on_view(self, slug: str) -> dict[str, list[Placed]]:
        """Every point drawn inside a view's box (placed on any view of its figure)."""
        view = self.views[slug]
        return {code: placements for code, placements in self.on_figure(view.figure.key).items()
                if any(view.holds((p.x, p.y)) for one in placements for p in one.positions)}

    def primary(self, code: str) -> Placed | None:
        """Where the point is asked: its first position."""
        placements = self.placed.get(code)
        return placements[0] if placements else None

    @cached_property
    def drift(self) -> list[audit.Drift]:
        return audit.drift(self.solver, self.placed)

    @property
    def largest_drift(self) -> float:
        return max((d.cun for d in self.drift), default=0.0)

    def views_of(self, code: str) -> list[str]:
        """The views a point is placed on, in record order."""
        seen: list[str] = []
        for one in self.placed.get(code, ()):
            if one.view not in seen:
                seen.append(one.view)
        return seen


def describe_report(charts: Charts, locations: Mapping[str, str], codes: Iterable[str]) -> list[str]:
    """Every problem of the charts, one line each (empty when all is well)."""
    lines = list(charts.errors)
    lines += [d.describe() for d in charts.drift if d.cun > audit.MAX_DRIFT_CUN]
    for code in codes:
        placements = charts.placed.get(code)
        if placements is None:
            if code not in {line.split(":", 1)[0] for line in charts.errors}:
                lines.append(f"{code}: no position")
            continue
        lines += [f"{code}: {problem}" for problem in
                  audit.text_conflicts(charts.solver, code, locations.get(code, ""), placements)]
    lines += audit.placement_problems(charts.views, charts.placed)
    return lines
