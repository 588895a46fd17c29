"""The left hand from the back, fingers up (the thumb on the viewer's left).

Frame: the hand, in finger cun (F-cun): the middle finger's proximal to distal interphalangeal joint
is 1 cun. Along runs from the dorsal wrist crease (0) towards the fingertips (negative: + is
proximal); across from the middle finger's axis, + towards the thumb (radial), which is the viewer's
left here. The shape is the palm figure's (`hand_palm`), seen from the other side.
"""

from __future__ import annotations

from studyapp.core.body.builder import FigureBuilder
from studyapp.core.body.drawing import StrokeKind
from studyapp.core.body.figures.hand_palm import (
    DIP_ALONG,
    FINGERS,
    HAND_CUN,
    INDEX,
    LITTLE,
    MIDDLE,
    PIP_ALONG,
    RING,
    THUMB,
    THUMB_CMC,
    THUMB_WEB,
    WEBS,
    WRIST_Y,
    Cun,
    Finger,
    hand_outline,
)
from studyapp.core.body.geometry import Frame, Ruler
from studyapp.core.body.views import Figure, View

ORDER = 43
AXIS_X = 112.0  # the middle finger's axis; the thumb is towards -x on the back of the hand
NAIL_BASE = 0.3  # the nail's base (proximal fold), distal to the distal interphalangeal joint, in cun
NAIL_EDGE = 0.13  # the nail's free edge, short of the fingertip
# Metacarpal bases (at the carpus), in the order of the fingers (index to little).
METACARPAL_BASES: tuple[Cun, ...] = ((-0.95, 0.58), (-1.0, 0.06), (-0.98, -0.45), (-0.92, -0.98))


def nail_base(finger: Finger) -> float:
    return finger.pip - NAIL_BASE if finger is THUMB else finger.dip - NAIL_BASE


def nail_half(finger: Finger, along: float) -> float:
    return finger.half_width(along) * 0.62


def nail_corner(finger: Finger, sign: int) -> Cun:
    """A corner of the nail at its base: sign +1 radial, -1 ulnar."""
    along = nail_base(finger)
    return finger.at(along, sign * nail_half(finger, along))


def nail_free_edge(finger: Finger) -> Cun:
    return finger.at(finger.tip[0] + NAIL_EDGE)


def build() -> Figure:
    draw = FigureBuilder("hand-back", 190, 262, side="left")
    ruler = Ruler(((DIP_ALONG, WRIST_Y + DIP_ALONG * HAND_CUN), (PIP_ALONG, WRIST_Y + PIP_ALONG * HAND_CUN)))
    draw.frame(Frame("hand", "y", ruler, ("proximal", "distal"), ("radial", "ulnar"),
                     across_zero=AXIS_X, across_sign=-1))
    hand = "hand"
    draw.landmark_at("middle-pip-joint", "proximal interphalangeal joint of the middle finger", hand,
                     *MIDDLE.at(PIP_ALONG))
    draw.landmark_at("middle-dip-joint", "distal interphalangeal joint of the middle finger", hand,
                     *MIDDLE.at(DIP_ALONG))
    draw.measure(hand, "middle-pip-joint", "middle-dip-joint", 1)

    # The wrist.
    draw.landmark_at("dorsal-wrist-crease", "dorsal wrist crease (its middle)", hand, 0.0, 0.0, shown=False)
    draw.landmark_at("snuffbox", "anatomical snuffbox (at the dorsal wrist crease)", hand, 0.0, 1.0)
    draw.landmark_at("radial-styloid", "styloid process of the radius", hand, 0.5, 1.2)
    draw.landmark_at("ulnar-styloid", "styloid process of the ulna", hand, 0.22, -1.1)
    draw.landmark_at("triquetrum", "triquetrum bone", hand, -0.42, -1.2, shown=False)
    draw.landmark_at("edc-ulnar-edge", "ulnar edge of the extensor digitorum tendons (dorsal wrist crease)", hand,
                     0.0, -0.4)
    draw.landmark_at("fifth-metacarpal-base", "base of the fifth metacarpal", hand, -0.95, -1.3)
    # The knuckles, the gaps between the metacarpal heads and the webs.
    for number, finger in zip(("second", "third", "fourth", "fifth"), FINGERS, strict=True):
        draw.landmark_at(f"{number}-mcp-joint", f"{number} metacarpophalangeal joint (knuckle of the "
                         f"{finger.name} finger)", hand, *finger.mcp, shown=finger in (INDEX, LITTLE))
    draw.landmark_at("metacarpals-2-3", "between the second and third metacarpophalangeal joints", hand,
                     *_between(INDEX.mcp, MIDDLE.mcp, 0.0))
    draw.landmark_at("metacarpals-4-5", "between the fourth and fifth metacarpophalangeal joints", hand,
                     *_between(RING.mcp, LITTLE.mcp, 0.0))
    draw.landmark_at("wrist-line-2-3", "dorsal wrist crease, in line with the second and third metacarpals' gap",
                     hand, 0.0, 0.3, shown=False)
    draw.landmark_at("wrist-line-4-5", "dorsal wrist crease, in line with the fourth and fifth metacarpals' gap",
                     hand, 0.0, -0.62, shown=False)
    draw.landmark_at("second-metacarpal-base-radial", "radial border of the base of the second metacarpal", hand,
                     -1.1, 0.84, shown=False)
    draw.landmark_at("second-metacarpal-head-radial", "radial border of the head of the second metacarpal", hand,
                     -3.25, 1.24, shown=False)
    webs = {"thumb-index": THUMB_WEB, "index-middle": WEBS["middle-index"], "middle-ring": WEBS["ring-middle"],
            "ring-little": WEBS["little-ring"]}
    for key, (along, across) in webs.items():
        first, second = key.split("-")
        draw.landmark_at(f"web-{key}", f"margin of the web between the {first} and {second} fingers", hand,
                         along + 0.05, across, shown=key == "ring-little")
    # The nails and joints of the digits.
    for finger in (THUMB, *FINGERS):
        name = finger.name if finger is THUMB else f"{finger.name} finger"
        draw.landmark_at(f"{finger.name}-nail-free-edge", f"free edge of the nail of the {name}", hand,
                         *nail_free_edge(finger), shown=False)
    draw.landmark_at("thumb-nail-radial-corner", "radial corner of the thumbnail", hand, *nail_corner(THUMB, 1))
    draw.landmark_at("index-nail-radial-corner", "radial corner of the index fingernail", hand,
                     *nail_corner(INDEX, 1))
    draw.landmark_at("ring-nail-ulnar-corner", "ulnar corner of the ring fingernail", hand, *nail_corner(RING, -1))
    draw.landmark_at("little-nail-radial-corner", "radial corner of the little fingernail", hand,
                     *nail_corner(LITTLE, 1))
    draw.landmark_at("little-nail-ulnar-corner", "ulnar corner of the little fingernail", hand,
                     *nail_corner(LITTLE, -1))
    draw.landmark_at("thumb-ip-joint", "interphalangeal joint of the thumb", hand, *THUMB.at(THUMB.pip))
    draw.landmark_at("little-pip-joint", "proximal interphalangeal joint of the little finger", hand,
                     *LITTLE.at(LITTLE.pip))

    def line(points: list[Cun], kind: StrokeKind = "detail", *, closed: bool = False) -> None:
        draw.stroke([draw.at(hand, a, c) for a, c in points], kind, closed=closed)

    forearm_ulnar = [(2.3, -1.58), (1.2, -1.42), (0.5, -1.33)]
    forearm_radial = [(0.5, 1.34), (1.2, 1.42), (2.3, 1.5)]
    cut = [(2.55, 0.8), (2.6, 0.0), (2.55, -0.8)]
    draw.outline([draw.at(hand, a, c) for a, c in forearm_ulnar + hand_outline() + forearm_radial + cut])

    # Wrist: the crease, the heads of the ulna and radius, the extensor tendons, the snuffbox.
    line([(0.03, -1.25), (-0.02, -0.4), (-0.02, 0.5), (0.04, 1.25)])
    line([(1.1, -0.72), (0.78, -0.66), (0.5, -0.8), (0.36, -1.02), (0.22, -1.14), (0.4, -1.26), (0.86, -1.28),
          (1.16, -1.06)], "bone", closed=True)
    line([(1.6, 1.42), (0.95, 1.3), (0.5, 1.22), (0.35, 1.08)], "bone")
    line([(2.2, -0.42), (1.2, -0.44), (0.3, -0.42), (-0.3, -0.36)])  # extensor digitorum, ulnar edge
    line([(2.2, 0.2), (1.2, 0.17), (0.3, 0.14), (-0.3, 0.12)])  # extensor digitorum, radial edge
    line([(2.2, 0.5), (1.0, 0.62), (0.2, 0.78), (-0.6, 1.08), (-1.3, 1.45), (-1.9, 1.76)])  # extensor pollicis longus
    line([(1.8, 1.2), (0.8, 1.22), (0.0, 1.26), (-0.7, 1.55), (-1.5, 1.94)])  # extensor pollicis brevis
    # The metacarpals, felt under the back of the hand, with their heads at the knuckles.
    for base, finger in zip(METACARPAL_BASES, FINGERS, strict=True):
        line(_metacarpal(base, finger.mcp), "bone", closed=True)
        line(finger.crease(finger.mcp[0] - 0.12, 0.36, 0.1))
    line(_metacarpal(THUMB_CMC, THUMB.mcp, 0.2), "bone", closed=True)
    # Wrinkles over the finger joints, and the nails.
    for finger in FINGERS:
        line(finger.crease(finger.pip + 0.05, 0.3, 0.05))
        line(finger.crease(finger.pip - 0.07, 0.34, 0.05))
        line(finger.crease(finger.dip, 0.28, 0.04))
    line(THUMB.crease(THUMB.pip, 0.32, 0.05))
    line(THUMB.crease(THUMB.mcp[0] - 0.1, 0.34, 0.08))
    for finger in (THUMB, *FINGERS):
        line(_nail(finger), closed=True)
    return draw.build()


def _between(a: Cun, b: Cun, proximal: float) -> Cun:
    return (a[0] + b[0]) / 2 + proximal, (a[1] + b[1]) / 2


def _metacarpal(base: Cun, head: Cun, half: float = 0.13) -> list[Cun]:
    """A metacarpal's outline: a shaft from its base to a rounded head at the knuckle."""
    (ba, bc), (ha, hc) = base, head
    da, dc = ha - ba, hc - bc
    length = (da * da + dc * dc) ** 0.5
    ua, uc = da / length, dc / length
    na, nc = uc, -ua

    def p(t: float, side: float) -> Cun:
        return ba + ua * t * length + na * side, bc + uc * t * length + nc * side

    return [p(0.02, -half * 1.15), p(0.2, -half * 0.85), p(0.62, -half * 0.8), p(0.88, -half * 1.15),
            (ha + ua * half * 0.25 - na * half * 0.8, hc + uc * half * 0.25 - nc * half * 0.8),
            (ha + ua * half * 0.25 + na * half * 0.8, hc + uc * half * 0.25 + nc * half * 0.8),
            p(0.88, half * 1.15), p(0.62, half * 0.8), p(0.2, half * 0.85), p(0.02, half * 1.15)]


def _nail(finger: Finger) -> list[Cun]:
    base, edge = nail_base(finger), finger.tip[0] + NAIL_EDGE
    half_base, half_edge = nail_half(finger, base), nail_half(finger, edge) * 1.04
    mid = (base + edge) / 2
    return [finger.at(base, -half_base), finger.at(mid, -nail_half(finger, mid) * 1.05), finger.at(edge, -half_edge),
            finger.at(edge - 0.03), finger.at(edge, half_edge), finger.at(mid, nail_half(finger, mid) * 1.05),
            finger.at(base, half_base), finger.at(base + 0.06)]


def views(figure: Figure) -> list[View]:
    return [
        View("hand-back", "Back of the hand", figure, (0, 0, 190, 262),
             "The left hand seen from the back, fingers up and the thumb on the left: the dorsal wrist crease, "
             "the heads of the ulna and radius, the snuffbox, the metacarpals and knuckles, the webs and the nails.",
             side="left"),
        View("fingertips", "Fingertips and nails", figure, (10, 10, 170, 122),
             "The ends of the fingers of the left hand from the back, thumb on the left: the nails and their "
             "corners, and the middle knuckles.", side="left"),
    ]
