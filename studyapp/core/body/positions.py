"""Where a point is drawn: its structured position, checked and solved into chart coordinates (pure).

A point record's `position` is a list of tables, one per view it is drawn on (the first is the view
its locate quiz asks on). Each says how the standard measures the point, never where it is drawn:

    position = [
      { view = "leg-medial", from = "KI-7", across = 0.5, also = [{ from = "KI-3", along = 2 }] },
    ]

- `from`: a landmark of the view ("medial-malleolus") or another point on the same view ("KI-7");
  points are resolved recursively (KI-8 from KI-7 from KI-3), and cycles are refused.
- `along`, `across`: cun from there in the frame's directions (the view says which way is +: on the
  leg, along + is proximal; on a midline frame, across + is away from the midline).
- `line = ["ST-35", "ST-41"]` instead of `across`: on the line through two places, at the level
  `along` gives; `between = ["GV-24", "ST-8"]` with `share = 0.333` instead of both: that share of
  the way from the first to the second.
- `frame`: the frame to measure in, where `from` belongs to another one.
- `also`: further distances the location states (`{ from = "KI-3", along = 2 }`; give `along`,
  `across` or both), which the audit checks on the drawing but which do not place the point; an
  entry with neither (`{ from = "SP-3" }`) records that the location names that place without
  measuring from it ("follow the foot back from SP-3 to the bump"), so nothing is invented.
- `label`: names one of several places of a point that has more than one (EX-UE11's ten fingertips).
- `side`: on a figure drawn for one side only, the side of the body the place is on, when it is not
  the figure's ("midline" for the tongue's groove on the open mouth; "right" for Yuye's vein).

On a view of both sides, a point off the midline is drawn on both; a single-sided view (the medial
leg, the side of the head) draws it once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from studyapp.core.body.geometry import Frame
from studyapp.core.body.views import Figure, View

PositionSide = Literal["left", "right", "midline"]
MIDLINE_TOLERANCE_CUN = 0.05
MAX_OFFSET_CUN = 40.0
POSITION_KEYS = frozenset({"view", "from", "along", "across", "line", "between", "share", "frame", "also", "label",
                           "side"})
SIDES = ("left", "right", "midline")
STATEMENT_KEYS = frozenset({"from", "along", "across", "frame"})


class PositionError(ValueError):
    """A position that cannot be read or solved; `field` names the part at fault."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


@dataclass(frozen=True)
class Statement:
    """A distance the location states: from `ref`, `along` and/or `across` cun (neither: the
    location names `ref` without a distance)."""

    ref: str
    along: float | None = None
    across: float | None = None
    frame: str | None = None


@dataclass(frozen=True)
class PositionSpec:
    view: str
    ref: str | None = None
    along: float = 0.0
    across: float = 0.0
    line: tuple[str, str] | None = None
    between: tuple[str, str] | None = None
    share: float | None = None
    frame: str | None = None
    also: tuple[Statement, ...] = ()
    label: str | None = None
    side: PositionSide | None = None

    def references(self) -> list[str]:
        refs = [self.ref] if self.ref else []
        refs += list(self.line or ()) + list(self.between or ())
        return refs

    def statements(self) -> list[Statement]:
        """Every distance this position states: how it is placed, and what it also says."""
        placed: list[Statement] = []
        if self.ref is not None and self.between is None:
            placed.append(Statement(self.ref, self.along, None if self.line else self.across, self.frame))
        return placed + list(self.also)


def _number(value: Any, field: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise PositionError(field, f"must be a number of cun, not {value!r}")
    if abs(value) > MAX_OFFSET_CUN:
        raise PositionError(field, f"{value} cun is off the body (at most {MAX_OFFSET_CUN:g})")
    return float(value)


def _name(value: Any, field: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise PositionError(field, "must name a landmark or a point")
    return value.strip()


def _pair(value: Any, field: str) -> tuple[str, str]:
    if not isinstance(value, list) or len(value) != 2:
        raise PositionError(field, "must list two landmarks or points")
    first, second = (_name(item, f"{field}[{i}]") for i, item in enumerate(value))
    if first == second:
        raise PositionError(field, "needs two different places")
    return first, second


def _statement(raw: Any, field: str) -> Statement:
    if not isinstance(raw, dict):
        raise PositionError(field, "must be a table like { from = \"KI-3\", along = 2 }")
    unknown = set(raw) - STATEMENT_KEYS
    if unknown:
        raise PositionError(f"{field}.{sorted(unknown)[0]}", "unknown key")
    if "from" not in raw:
        raise PositionError(f"{field}.from", "missing")
    return Statement(
        ref=_name(raw["from"], f"{field}.from"),
        along=_number(raw["along"], f"{field}.along") if "along" in raw else None,
        across=_number(raw["across"], f"{field}.across") if "across" in raw else None,
        frame=_name(raw["frame"], f"{field}.frame") if "frame" in raw else None,
    )


def parse_positions(raw: Any, field: str = "position") -> tuple[PositionSpec, ...]:
    """Read a record's `position` list; raises PositionError naming the field at fault."""
    if not isinstance(raw, list) or not raw:
        raise PositionError(field, "must list at least one view the point is drawn on")
    specs = []
    for index, item in enumerate(raw):
        here = f"{field}[{index}]"
        if not isinstance(item, dict):
            raise PositionError(here, "must be a table like { view = \"leg-medial\", from = \"KI-7\", across = 0.5 }")
        unknown = set(item) - POSITION_KEYS
        if unknown:
            raise PositionError(f"{here}.{sorted(unknown)[0]}", "unknown key")
        if "view" not in item:
            raise PositionError(f"{here}.view", "missing")
        between = _pair(item["between"], f"{here}.between") if "between" in item else None
        if between is not None:
            if "share" not in item:
                raise PositionError(f"{here}.share", "between needs the share of the way, e.g. 0.333")
            for key in ("from", "along", "across", "line"):
                if key in item:
                    raise PositionError(f"{here}.{key}", "not with between (it places the point already)")
        elif "from" not in item:
            raise PositionError(f"{here}.from", "missing: the landmark or point it is measured from")
        line = _pair(item["line"], f"{here}.line") if "line" in item else None
        if line is not None and "across" in item:
            raise PositionError(f"{here}.across", "not with line (the line gives it)")
        share = _number(item["share"], f"{here}.share") if "share" in item else None
        if share is not None and not 0 < share < 1:
            raise PositionError(f"{here}.share", "must be between 0 and 1")
        also = item.get("also", [])
        if not isinstance(also, list):
            raise PositionError(f"{here}.also", "must be a list of tables")
        label = item.get("label")
        if label is not None and (not isinstance(label, str) or not label.strip()):
            raise PositionError(f"{here}.label", "must be a short text")
        side = item.get("side")
        if side is not None and side not in SIDES:
            raise PositionError(f"{here}.side", f"must be one of {', '.join(SIDES)}")
        specs.append(PositionSpec(
            view=_name(item["view"], f"{here}.view"),
            ref=_name(item["from"], f"{here}.from") if "from" in item else None,
            along=_number(item.get("along", 0), f"{here}.along"),
            across=_number(item.get("across", 0), f"{here}.across"),
            line=line,
            between=between,
            share=share,
            frame=_name(item["frame"], f"{here}.frame") if "frame" in item else None,
            also=tuple(_statement(s, f"{here}.also[{i}]") for i, s in enumerate(also)),
            label=label.strip() if label else None,
            side=side,
        ))
    return tuple(specs)


@dataclass(frozen=True)
class Position:
    """One drawn place of a point: on `view` at (x, y), on the patient's `side`."""

    view: str
    x: float
    y: float
    side: PositionSide
    label: str | None = None
    mirrored: bool = False  # the twin drawn on the patient's right of a figure of both sides


@dataclass(frozen=True)
class Placed:
    """A point solved on one view: its frame and cun there, and where it is drawn (both sides)."""

    code: str
    view: str
    frame: str
    along: float
    across: float
    spec: PositionSpec
    positions: tuple[Position, ...] = field(default=())

    @property
    def primary(self) -> tuple[float, float]:
        """The place other points measure from: the one placed, not its mirror image."""
        first = self.positions[0]
        return first.x, first.y


class Solver:
    """Solves every point's positions on every view, each once (memoised), refusing cycles.

    `midline_codes` are points of the midline (GV, CV, ...): on a figure of one side they are still
    on the midline, not on that side."""

    def __init__(self, views: Mapping[str, View], specs: Mapping[str, Sequence[PositionSpec]],
                 midline_codes: Iterable[str] = ()) -> None:
        self.views = views
        self.specs = specs
        self.midline_codes = frozenset(midline_codes)
        self._solved: dict[tuple[str, int], Placed] = {}
        self._solving: list[tuple[str, int]] = []

    def spec_index(self, code: str, figure: Figure) -> int | None:
        """Which of `code`'s positions is on `figure` (the first, if several are)."""
        for index, spec in enumerate(self.specs.get(code, ())):
            view = self.views.get(spec.view)
            if view is not None and view.figure.key == figure.key:
                return index
        return None

    def place(self, code: str, index: int) -> Placed:
        key = (code, index)
        if key in self._solved:
            return self._solved[key]
        field_name = f"position[{index}]"
        if key in self._solving:
            chain = " -> ".join(c for c, _ in self._solving[self._solving.index(key):]) + f" -> {code}"
            raise PositionError(f"{field_name}.from", f"measured in a circle: {chain}")
        spec = self.specs[code][index]
        view = self.views.get(spec.view)
        if view is None:
            raise PositionError(f"{field_name}.view", f"unknown view {spec.view!r}")
        self._solving.append(key)
        try:
            placed = self._place(code, spec, view, field_name)
        finally:
            self._solving.pop()
        self._solved[key] = placed
        return placed

    def where(self, name: str, figure: Figure, field_name: str) -> tuple[tuple[float, float], str]:
        """A landmark's or point's place on `figure` (as placed, not mirrored), and its frame."""
        if name in figure.landmarks:
            landmark = figure.landmarks[name]
            return (landmark.x, landmark.y), landmark.frame
        if name in self.specs:
            index = self.spec_index(name, figure)
            if index is None:
                raise PositionError(field_name, f"{name} is not drawn on the {figure.key} figure")
            other = self.place(name, index)
            return other.primary, other.frame
        raise PositionError(field_name, f"unknown landmark or point {name!r} on the {figure.key} figure")

    @staticmethod
    def _frame(name: str, figure: Figure, field_name: str) -> Frame:
        if name not in figure.frames:
            raise PositionError(field_name, f"unknown frame {name!r} on the {figure.key} figure")
        return figure.frames[name]

    def _place(self, code: str, spec: PositionSpec, view: View, field_name: str) -> Placed:
        figure = view.figure
        if spec.between is not None:
            first, first_frame = self.where(spec.between[0], figure, f"{field_name}.between[0]")
            second, _ = self.where(spec.between[1], figure, f"{field_name}.between[1]")
            frame = self._frame(spec.frame or first_frame, figure, f"{field_name}.frame")
            a0, c0 = frame.to_cun(*first)
            a1, c1 = frame.to_cun(*second)
            share = spec.share or 0.0
            along, across = a0 + share * (a1 - a0), c0 + share * (c1 - c0)
        else:
            assert spec.ref is not None
            start, start_frame = self.where(spec.ref, figure, f"{field_name}.from")
            frame = self._frame(spec.frame or start_frame, figure, f"{field_name}.frame")
            a0, c0 = frame.to_cun(*start)
            along = a0 + spec.along
            if spec.line is not None:
                p, _ = self.where(spec.line[0], figure, f"{field_name}.line[0]")
                q, _ = self.where(spec.line[1], figure, f"{field_name}.line[1]")
                (pa, pc), (qa, qc) = frame.to_cun(*p), frame.to_cun(*q)
                if abs(qa - pa) < 1e-9:
                    raise PositionError(f"{field_name}.line", "the two places are level: the line gives no level")
                across = pc + (along - pa) * (qc - pc) / (qa - pa)
            else:
                across = c0 + spec.across
        x, y = frame.to_view(along, across)
        return Placed(code, view.slug, frame.key, along, across, spec,
                      self._positions(code, view, frame, (x, y), along, spec, field_name))

    def _positions(self, code: str, view: View, frame: Frame, point: tuple[float, float], along: float,
                   spec: PositionSpec, field_name: str) -> tuple[Position, ...]:
        figure = view.figure
        label = spec.label
        if figure.side != "both":
            side: PositionSide = spec.side or ("midline" if code in self.midline_codes else figure.side)
            return (Position(view.slug, point[0], point[1], side, label),)
        if spec.side is not None:
            raise PositionError(f"{field_name}.side", "this figure draws both sides: the side follows from the place")
        assert figure.mirror_x is not None
        tolerance = MIDLINE_TOLERANCE_CUN * frame.scales(along, 0.0)[1]
        if abs(point[0] - figure.mirror_x) <= tolerance:
            return (Position(view.slug, figure.mirror_x, point[1], "midline", label),)
        if not figure.on_left(point):
            raise PositionError(field_name, "lands on the patient's right: place points on the left "
                                "(they are mirrored); check the sign of across")
        twin = figure.mirrored(point)
        return (Position(view.slug, point[0], point[1], "left", label),
                Position(view.slug, twin[0], twin[1], "right", label, mirrored=True))

    def all_placed(self) -> dict[str, list[Placed]]:
        """Every point's placements, in record order; raises the first PositionError met."""
        return {code: [self.place(code, index) for index in range(len(specs))] for code, specs in self.specs.items()}


def spec_to_dict(spec: PositionSpec) -> dict[str, Any]:
    """A position as the deck file writes it (defaults left out): `parse_positions` reads it back."""
    data: dict[str, Any] = {"view": spec.view}
    if spec.ref is not None:
        data["from"] = spec.ref
    if spec.along:
        data["along"] = spec.along
    if spec.across:
        data["across"] = spec.across
    for key in ("line", "between"):
        value = getattr(spec, key)
        if value is not None:
            data[key] = list(value)
    if spec.share is not None:
        data["share"] = spec.share
    if spec.frame is not None:
        data["frame"] = spec.frame
    if spec.also:
        data["also"] = [{key: value for key, value in (("from", s.ref), ("along", s.along), ("across", s.across),
                                                        ("frame", s.frame)) if value is not None} for s in spec.also]
    if spec.label is not None:
        data["label"] = spec.label
    if spec.side is not None:
        data["side"] = spec.side
    return data
