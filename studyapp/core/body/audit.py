"""The chart audit (pure): the drawing agrees with every distance the locations state.

Three checks, each a list of findings:

- `drift`: for every distance a position states (how it is placed and what it `also` says), the
  distance measured on the drawing between the two places, in the frame's cun, against the
  stated one. The charts are right when the largest drift is at most `MAX_DRIFT_CUN`.
- `text_conflicts`: the location sentence and the structured position say the same thing: every
  cun figure the sentence gives is a distance the position states (so the audit measured it), and
  every point the sentence measures from, on the same figure, is one the position names.
- `placement_problems`: every point lies on the body, on a view that shows it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from studyapp.core.body.positions import Placed, PositionError, Solver, Statement
from studyapp.core.body.views import View
from studyapp.core.content.location_facts import location_facts

MAX_DRIFT_CUN = 0.1
# A point on the edge of the body (a fingertip, the top of the ear) may sit this far outside the
# drawn outline, in units per cun of its frame.
EDGE_MARGIN_CUN = 0.35


@dataclass(frozen=True)
class Drift:
    code: str
    view: str
    ref: str
    stated: tuple[float | None, float | None]
    drawn: tuple[float, float]

    @property
    def cun(self) -> float:
        parts = [abs(drawn - stated) for stated, drawn in zip(self.stated, self.drawn, strict=True)
                 if stated is not None]
        return max(parts, default=0.0)

    def describe(self) -> str:
        stated = ", ".join(f"{name} {value:g}" for name, value in zip(("along", "across"), self.stated, strict=True)
                           if value is not None)
        drawn = ", ".join(f"{name} {value:.2f}" for name, value in zip(("along", "across"), self.drawn, strict=True))
        return f"{self.code}: on {self.view}, from {self.ref} states {stated}; drawn {drawn} (drift {self.cun:.2f} cun)"


def _measured(solver: Solver, placed: Placed, statement: Statement) -> Drift:
    view = solver.views[placed.view]
    figure = view.figure
    ref_point, _ = solver.where(statement.ref, figure, f"also.from ({statement.ref})")
    frame = figure.frames[statement.frame or placed.frame]
    here_along, here_across = frame.to_cun(*placed.primary)
    ref_along, ref_across = frame.to_cun(*ref_point)
    return Drift(placed.code, placed.view, statement.ref, (statement.along, statement.across),
                 (here_along - ref_along, here_across - ref_across))


def drift(solver: Solver, placed: Mapping[str, Sequence[Placed]]) -> list[Drift]:
    """Every stated distance, measured on the drawing."""
    return [_measured(solver, one, statement)
            for placements in placed.values() for one in placements for statement in one.spec.statements()]


def _cun_figure(value: float) -> str:
    return f"{value:g}"


def text_conflicts(solver: Solver, code: str, location: str, placements: Sequence[Placed]) -> list[str]:
    """Where the location sentence and the structured position disagree."""
    facts = location_facts(location)
    stated = {_cun_figure(abs(value)) for one in placements for statement in one.spec.statements()
              for value in (statement.along, statement.across) if value}
    problems = []
    for figure_text in sorted(facts.cun):
        number = figure_text.split()[0]
        if _cun_figure(float(number)) not in stated:
            problems.append(f"the location says {figure_text}, but no position states that distance")
    named = {ref for one in placements for ref in one.spec.references()}
    named |= {statement.ref for one in placements for statement in one.spec.also}
    for other in sorted(facts.points - {code}):
        on_same_figure = any(solver.spec_index(other, solver.views[one.view].figure) is not None for one in placements)
        if on_same_figure and other not in named:
            problems.append(f"the location measures from {other}, but no position names it")
    return problems


def placement_problems(views: Mapping[str, View], placed: Mapping[str, Sequence[Placed]]) -> list[str]:
    """Points off the body, or outside the view they are asked on."""
    problems = []
    for code, placements in placed.items():
        for one in placements:
            view = views[one.view]
            frame = view.figure.frames[one.frame]
            margin = EDGE_MARGIN_CUN * min(frame.scales(one.along, one.across))
            for position in one.positions:
                point = (position.x, position.y)
                if not view.figure.on_body(point, margin):
                    problems.append(f"{code}: off the body on {one.view} ({position.side}) at "
                                    f"({position.x:.0f}, {position.y:.0f})")
                elif not position.mirrored and not view.holds(point):
                    problems.append(f"{code}: outside the box of {one.view}, the view it is placed on")
    return problems


def solve_all(solver: Solver) -> tuple[dict[str, list[Placed]], list[str]]:
    """Every point placed, and an error per point that cannot be (one point's error does not stop
    the others)."""
    placed: dict[str, list[Placed]] = {}
    errors = []
    for code, specs in solver.specs.items():
        try:
            placed[code] = [solver.place(code, index) for index in range(len(specs))]
        except PositionError as error:
            errors.append(f"{code}: {error}")
    return placed, errors
