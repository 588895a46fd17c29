"""The left hand, palm towards the viewer, fingers up (the thumb on the viewer's right).

Frame: the hand, in finger cun (F-cun): the middle finger's proximal to distal interphalangeal crease
is 1 cun. Along runs from the distal wrist crease (0) towards the fingertips (negative: + is
proximal); across from the middle finger's axis, + towards the thumb (radial).

The shape of the hand is kept here in the hand's cun (`Finger`, `hand_outline`) and shared with the
back of the hand and with the simple hands of the arm figures, which draw it in their own frames.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from studyapp.core.body.builder import FigureBuilder
from studyapp.core.body.drawing import Point, StrokeKind
from studyapp.core.body.geometry import Frame, Ruler
from studyapp.core.body.views import Figure, View

ORDER = 42
Cun = tuple[float, float]  # (along, across) in the hand's cun
# Drawing units are about a millimetre: one finger cun (the middle finger's middle phalanx) is 23.
HAND_CUN = 23.0
WRIST_Y = 200.0
AXIS_X = 80.0  # the middle finger's axis; the thumb is towards +x on the palm
PIP_ALONG, DIP_ALONG = -5.8, -6.8  # the middle finger's interphalangeal creases (the F-cun stations)


@dataclass(frozen=True)
class Finger:
    """One finger in the hand's cun: its axis from the web to the tip, widths there, joint levels."""

    name: str
    base: Cun  # the axis at the level of the webs beside it
    tip: Cun
    width: float  # at the base
    tip_width: float
    mcp: Cun  # the metacarpophalangeal joint (knuckle)
    pip: float  # along, at the proximal interphalangeal joint (the thumb: its interphalangeal joint)
    dip: float  # the distal interphalangeal joint (the thumb: unused)

    def unit(self) -> tuple[Cun, Cun, float]:
        """The axis's unit vector, the normal towards the radial side, and the axis length."""
        da, dc = self.tip[0] - self.base[0], self.tip[1] - self.base[1]
        length = math.hypot(da, dc)
        ua, uc = da / length, dc / length
        return (ua, uc), (uc, -ua), length

    def at(self, along: float, side: float = 0.0) -> Cun:
        """On the finger at level `along`, `side` cun towards the radial side of its axis."""
        (ua, uc), (na, nc), _ = self.unit()
        t = (along - self.base[0]) / ua
        return self.base[0] + ua * t + na * side, self.base[1] + uc * t + nc * side

    def half_width(self, along: float) -> float:
        share = (along - self.base[0]) / (self.tip[0] - self.base[0])
        return (self.width + (self.tip_width - self.width) * share) / 2

    def edge(self, along: float, sign: int, inset: float = 0.0) -> Cun:
        """The skin edge at `along`: sign +1 radial, -1 ulnar; `inset` cun inside it."""
        return self.at(along, sign * (self.half_width(along) - inset))

    def outline(self, from_along: float | None = None, to_along: float | None = None) -> list[Cun]:
        """Up the ulnar edge from `from_along`, round the tip, down the radial edge to `to_along`."""
        (ua, uc), (na, nc), _ = self.unit()
        start = self.base[0] if from_along is None else from_along
        end = self.base[0] if to_along is None else to_along
        half = self.tip_width / 2
        cap = self.tip[0] - ua * half  # where the rounded tip begins
        # Evenly spaced edge points up to the tip keep the spline from overshooting there.
        ulnar = [self.edge(a, -1) for a in _steps(start, cap - ua * 0.35, 3)] + [self.edge(cap, -1)]
        radial = [self.edge(cap, 1)] + [self.edge(a, 1) for a in _steps(cap - ua * 0.35, end, 3)]
        # The tip: a half circle round the end of the axis.
        cx, cc = self.tip[0] - ua * half, self.tip[1] - uc * half
        angles = [math.radians(angle) for angle in (-62, -32, 0, 32, 62)]
        round_tip = []
        for angle in angles:
            side, forward = half * math.sin(angle), half * math.cos(angle)
            round_tip.append((cx + side * na + forward * ua, cc + side * nc + forward * uc))
        return ulnar + round_tip + radial

    def crease(self, along: float, reach: float = 0.4, bow: float = 0.03) -> list[Cun]:
        """A short line across the finger at `along` (a crease, a knuckle), bowed distally."""
        half = self.half_width(along) * reach * 2
        (ua, uc), _, _ = self.unit()
        mid = self.at(along)
        return [self.at(along, -half), (mid[0] + ua * bow, mid[1] + uc * bow), self.at(along, half)]


def _steps(start: float, end: float, count: int) -> list[float]:
    return [start + (end - start) * i / (count - 1) for i in range(count)]


INDEX = Finger("index", (-4.2, 1.02), (-7.36, 1.32), 0.83, 0.70, (-3.57, 0.96), -5.43, -6.43)
MIDDLE = Finger("middle", (-4.3, 0.0), (-7.87, 0.02), 0.86, 0.72, (-3.74, 0.0), PIP_ALONG, DIP_ALONG)
RING = Finger("ring", (-4.25, -0.86), (-7.55, -1.16), 0.80, 0.67, (-3.65, -0.83), -5.57, -6.57)
LITTLE = Finger("little", (-3.95, -1.64), (-6.48, -2.12), 0.71, 0.59, (-3.3, -1.6), -4.91, -5.7)
FINGERS = (INDEX, MIDDLE, RING, LITTLE)
# The thumb from its metacarpophalangeal joint to its tip; its interphalangeal joint is `pip`.
THUMB = Finger("thumb", (-2.26, 1.96), (-4.5, 2.86), 1.08, 0.9, (-2.26, 1.96), -3.48, -3.48)
THUMB_CMC: Cun = (-0.55, 1.12)  # the base of the first metacarpal (its joint with the trapezium)
BASE_ALONG = {"little": -4.12, "ring": -4.38, "middle": -4.36, "index": -4.33}  # where the outline leaves the webs


def _web_between(ulnar: Finger, radial: Finger) -> Cun:
    """The bottom of the web between two fingers: a little proximal to where their edges part."""
    left = ulnar.edge(BASE_ALONG[ulnar.name], 1)
    right = radial.edge(BASE_ALONG[radial.name], -1)
    return max(left[0], right[0]) + 0.16, (left[1] + right[1]) / 2


WEBS = {"little-ring": _web_between(LITTLE, RING), "ring-middle": _web_between(RING, MIDDLE),
        "middle-index": _web_between(MIDDLE, INDEX)}
THUMB_WEB: Cun = (-2.7, 1.47)
WRIST_HALF = 1.27  # half the wrist's width at the crease


def hand_outline() -> list[Cun]:
    """The edge of the hand from the ulnar end of the wrist crease round the fingers and the thumb
    to its radial end (the same shape seen from the palm or the back: across is radial either way)."""
    points: list[Cun] = [(0.0, -WRIST_HALF), (-0.8, -1.58), (-1.8, -1.88), (-2.75, -1.98)]
    points += LITTLE.outline(from_along=-3.5, to_along=BASE_ALONG["little"])
    points += [WEBS["little-ring"]]
    points += RING.outline(from_along=BASE_ALONG["ring"], to_along=BASE_ALONG["ring"])
    points += [WEBS["ring-middle"]]
    points += MIDDLE.outline(from_along=BASE_ALONG["middle"], to_along=BASE_ALONG["middle"])
    points += [WEBS["middle-index"]]
    points += INDEX.outline(from_along=BASE_ALONG["index"], to_along=-3.15)
    points += [THUMB_WEB]
    thumb = THUMB.outline(from_along=-2.75, to_along=-2.3)
    points += thumb
    points += [(-1.5, 2.24), (-0.75, 1.78), (0.0, WRIST_HALF)]
    return points


def scaled(points: list[Cun], scale: float, shift: float = 0.0) -> list[Cun]:
    """The hand's cun as another frame's cun (the arm figures draw the hand with the forearm's)."""
    return [(along * scale, across * scale + shift) for along, across in points]


def build() -> Figure:
    draw = FigureBuilder("hand-palm", 190, 262, side="left")
    ruler = Ruler(((DIP_ALONG, WRIST_Y + DIP_ALONG * HAND_CUN), (PIP_ALONG, WRIST_Y + PIP_ALONG * HAND_CUN)))
    draw.frame(Frame("hand", "y", ruler, ("proximal", "distal"), ("radial", "ulnar"),
                     across_zero=AXIS_X, across_sign=1))

    def at(along: float, across: float) -> Point:
        return draw.at("hand", along, across)

    draw.landmark("middle-pip-crease", "proximal interphalangeal crease of the middle finger", "hand",
                  *at(PIP_ALONG, 0.0))
    draw.landmark("middle-dip-crease", "distal interphalangeal crease of the middle finger", "hand",
                  *at(DIP_ALONG, 0.0))
    draw.measure("hand", "middle-pip-crease", "middle-dip-crease", 1)

    hand = "hand"
    draw.landmark_at("wrist-crease", "palmar wrist crease (between the palmaris longus and flexor carpi "
                     "radialis tendons)", hand, 0.0, 0.14)
    draw.landmark_at("fcu-tendon", "flexor carpi ulnaris tendon (at the wrist crease)", hand, 0.0, -1.0)
    draw.landmark_at("pisiform", "pisiform bone", hand, -0.32, -0.92)
    draw.landmark_at("radial-artery", "radial artery (at the wrist crease)", hand, 0.0, 0.78, shown=False)
    draw.landmark_at("radial-styloid", "styloid process of the radius", hand, 0.55, 1.22)
    for finger in (INDEX, RING, LITTLE):
        draw.landmark_at(f"{finger.name}-pip-crease",
                         f"proximal interphalangeal crease of the {finger.name} finger", hand, *finger.at(finger.pip))
    draw.landmark_at("middle-fingertip", "tip of the middle finger", hand, *MIDDLE.at(MIDDLE.tip[0] + 0.08))
    draw.landmark_at("first-metacarpal-base", "base of the first metacarpal (radial border)", hand,
                     *_toward(THUMB_CMC, 0.46), shown=False)
    draw.landmark_at("first-mcp-radial", "first metacarpophalangeal joint (radial border)", hand,
                     *THUMB.edge(THUMB.mcp[0], 1, inset=0.03), shown=False)
    draw.landmark_at("thenar-eminence", "thenar eminence", hand, -1.2, 1.45)
    draw.landmark_at("hypothenar-eminence", "hypothenar eminence", hand, -1.4, -1.35)
    draw.landmark_at("metacarpals-2-3", "between the second and third metacarpals, proximal to their heads",
                     hand, -2.85, 0.36)
    draw.landmark_at("metacarpals-4-5", "between the fourth and fifth metacarpals, proximal to the fifth head",
                     hand, -2.98, -1.2)

    # The hand and a hand's breadth of forearm: its cut edge is the rounded bottom.
    forearm_ulnar = [(2.3, -1.58), (1.2, -1.42), (0.5, -1.33)]
    forearm_radial = [(0.5, 1.34), (1.2, 1.42), (2.3, 1.5)]
    cut = [(2.55, 0.8), (2.6, 0.0), (2.55, -0.8)]
    outline = forearm_ulnar + hand_outline() + forearm_radial + cut
    draw.outline([at(a, c) for a, c in outline])

    def line(points: list[Cun], kind: StrokeKind = "detail", *, closed: bool = False) -> None:
        draw.stroke([at(a, c) for a, c in points], kind, closed=closed)

    # Wrist creases, the tendons above them and the bones felt at the wrist.
    line([(0.03, -1.2), (-0.03, -0.4), (-0.03, 0.5), (0.03, 1.22)])
    line([(0.32, -1.05), (0.3, -0.3), (0.31, 0.5), (0.36, 1.1)])
    line([(2.2, -0.95), (1.2, -1.0), (0.35, -1.02)])  # flexor carpi ulnaris
    line([(2.2, -0.12), (1.2, -0.16), (0.35, -0.18)])  # palmaris longus
    line([(2.2, 0.56), (1.2, 0.48), (0.35, 0.44)])  # flexor carpi radialis
    line([(-0.1, -0.72), (-0.2, -0.66), (-0.5, -0.72), (-0.58, -0.96), (-0.44, -1.16), (-0.14, -1.14)],
         "bone", closed=True)
    line([(1.3, 1.44), (0.85, 1.34), (0.55, 1.3)], "bone")
    # The thenar eminence (its crease curves round it) and the palm creases.
    line([(-0.12, 0.2), (-0.8, 0.48), (-1.6, 0.85), (-2.3, 1.15), (-2.7, 1.4)])
    line([(-2.68, 1.4), (-2.7, 0.6), (-2.45, -0.3), (-2.1, -1.3)])
    line([(-2.75, -1.83), (-3.02, -1.1), (-3.28, -0.35), (-3.75, 0.28)])
    # The metacarpal heads under the palm, faint, and the fingers' creases.
    for finger in FINGERS:
        line(finger.crease(finger.base[0] - 0.08, 0.42))
        line(finger.crease(finger.pip, 0.44))
        line(finger.crease(finger.pip - 0.09, 0.4))
        line(finger.crease(finger.dip, 0.4))
    line(THUMB.crease(THUMB.pip, 0.42))
    line(THUMB.crease(-2.55, 0.38))
    return draw.build()


def _toward(point: Cun, across: float) -> Cun:
    return point[0], point[1] + across


def views(figure: Figure) -> list[View]:
    return [
        View("hand-palm", "Palm of the hand", figure, (0, 0, 190, 262),
             "The left hand seen from the palm, fingers up and the thumb on the right: the wrist creases and "
             "tendons, the thenar and hypothenar eminences, the palm creases and the finger creases.",
             side="left"),
    ]
