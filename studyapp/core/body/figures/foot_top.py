"""The dorsum of the left foot seen from above, toes up, the great toe on the viewer's right.

The foot is drawn pointed (as charts draw the dorsum), so the lower leg runs on down the page and
the ankle crease joins the two malleoli. The foot has no proportional measure of its own along or
across it: it keeps the lower leg's cun (25 units, as on the medial leg, where the sole is 3 cun
below the medial malleolus), measured along the foot from the ankle crease and across it from the
line of the second toe.
"""

from __future__ import annotations

from studyapp.core.body.builder import FigureBuilder
from studyapp.core.body.geometry import Frame, Ruler
from studyapp.core.body.views import Figure, View

ORDER = 82
CUN = 25.0  # the lower leg's cun, in drawing units (about a millimetre)
ANKLE_Y = 225.0  # the ankle crease, level with the malleoli
AXIS_X = 122.0  # the line of the second metatarsal and toe
FOOT = "foot"

# Each toe: (name, axis across at its base, axis across at its tip, half its width, where its nail's
# base and free edge lie along the foot, the tip, half the nail's width).
TOES = (
    ("great toe", 1.12, 1.05, 0.52, 5.0, 5.57, 5.82, 0.31),
    ("second toe", 0.0, -0.04, 0.33, 5.18, 5.44, 5.6, 0.17),
    ("third toe", -0.68, -0.76, 0.32, 4.82, 5.03, 5.17, 0.16),
    ("fourth toe", -1.33, -1.43, 0.31, 4.44, 4.63, 4.77, 0.15),
    ("little toe", -1.95, -2.02, 0.29, 4.05, 4.21, 4.33, 0.13),
)
SLUGS = ("great-toe", "second-toe", "third-toe", "fourth-toe", "little-toe")
# The webs between the toes: (key, name, along, across).
WEBS = (
    ("web-1-2", "web between the great toe and the second toe", 4.35, 0.47),
    ("web-2-3", "web between the second and third toes", 4.35, -0.34),
    ("web-3-4", "web between the third and fourth toes", 4.12, -1.01),
    ("web-4-5", "web between the fourth and little toes", 3.82, -1.64),
)


def build() -> Figure:
    draw = FigureBuilder("foot-top", 240, 400, side="left")
    draw.landmark("ankle-crease", "ankle crease, between the extensor hallucis longus and extensor digitorum "
                  "longus tendons", FOOT, AXIS_X, ANKLE_Y)
    draw.frame(Frame(FOOT, "y", Ruler(((0.0, ANKLE_Y), (6.0, ANKLE_Y - 6 * CUN))), ("distal", "proximal"),
                     ("medial", "lateral"), across_zero=AXIS_X, across_sign=1))
    mark = draw.landmark_at
    mark("medial-malleolus", "prominence of the medial malleolus", FOOT, -0.2, 1.5)
    mark("lateral-malleolus", "prominence of the lateral malleolus", FOOT, 0.15, -1.68)
    mark("extensor-hallucis-longus", "tendon of extensor hallucis longus", FOOT, -0.9, 0.25, shown=False)
    mark("extensor-digitorum-longus", "tendons of extensor digitorum longus", FOOT, -0.9, -0.35, shown=False)
    mark("second-metatarsal-base", "joint of the second metatarsal's base with the intermediate cuneiform",
         FOOT, 1.22, 0.12)
    mark("metatarsal-1-2-junction", "junction of the bases of the first and second metatarsals", FOOT, 1.8, 0.42)
    mark("metatarsal-4-5-junction", "junction of the bases of the fourth and fifth metatarsals", FOOT, 1.78, -1.3)
    mark("sinus-tarsi", "hollow in front of and below the lateral malleolus", FOOT, 0.7, -1.3, shown=False)
    mark("fifth-metatarsal-tuberosity", "tuberosity of the fifth metatarsal", FOOT, 1.45, -2.0, shown=False)
    mark("second-mtp-joint", "second metatarsophalangeal joint", FOOT, 3.55, 0.0)
    mark("fourth-mtp-joint", "fourth metatarsophalangeal joint", FOOT, 3.25, -1.35)
    for key, name, along, across in WEBS:
        mark(key, name, FOOT, along, across)
    _outline(draw)
    _nails_and_corners(draw)
    _bones_and_tendons(draw)
    return draw.build()


def _axis(toe: tuple[str, float, float, float, float, float, float, float], along: float) -> float:
    """The toe's axis across the foot at `along` (toes lean a little towards the little toe)."""
    _, base_axis, tip_axis, _, _, _, tip, _ = toe
    start = 3.3
    share = max(0.0, min(1.0, (along - start) / (tip - start)))
    return base_axis + share * (tip_axis - base_axis)


def _nails_and_corners(draw: FigureBuilder) -> None:
    """Each nail, and the landmarks on it: its corners (where the line of a side meets the line of
    the base) and the middle of its free edge."""
    for slug, toe in zip(SLUGS, TOES, strict=True):
        name, _, _, _, nail_base, nail_edge, _, half = toe
        axis_base, axis_edge = _axis(toe, nail_base), _axis(toe, nail_edge)
        draw.landmark_at(f"{slug}-nail-lateral", f"lateral corner of the nail of the {name}", FOOT, nail_base,
                         axis_base - half, shown=slug in ("great-toe", "second-toe", "fourth-toe", "little-toe"))
        if slug == "great-toe":
            draw.landmark_at(f"{slug}-nail-medial", f"medial corner of the nail of the {name}", FOOT, nail_base,
                             axis_base + half)
        draw.landmark_at(f"{slug}-nail-edge", f"free edge of the nail of the {name}", FOOT, nail_edge, axis_edge,
                         shown=False)
        # The nail: its base curved back a little, its straight sides, its rounded free edge.
        side = (nail_base + nail_edge) / 2
        draw.stroke(draw.cun_points(FOOT, [
            (nail_base + 0.02, axis_base - half * 0.92), (nail_base - 0.02, axis_base),
            (nail_base + 0.02, axis_base + half * 0.92), (side, _axis(toe, side) + half),
            (nail_edge - 0.04, axis_edge + half * 0.85), (nail_edge, axis_edge),
            (nail_edge - 0.04, axis_edge - half * 0.85), (side, _axis(toe, side) - half),
        ]), "detail", closed=True)


def _outline(draw: FigureBuilder) -> None:
    """The edge: up the leg's lateral side, round the little toe to the great toe, down the medial side."""
    lateral = [(-7.0, -1.42), (-5, -1.33), (-3, -1.25), (-1.3, -1.32), (-0.5, -1.6), (0.15, -1.76),
               (0.75, -1.8), (1.4, -2.06), (2.1, -2.22), (2.85, -2.35), (3.5, -2.35)]
    toes: list[tuple[float, float]] = []
    for index in range(4, -1, -1):  # the little toe first, round to the great toe
        toe = TOES[index]
        half, tip = toe[3], toe[6]
        if index < 4:  # out of the web on the toe's lateral side
            root = WEBS[index][2]
            toes.append((root + 0.22, _axis(toe, root + 0.22) - half * 0.95))
        toes += [(tip - 0.35, _axis(toe, tip - 0.35) - half * 1.04), (tip - 0.1, _axis(toe, tip) - half * 0.75),
                 (tip, _axis(toe, tip) - half * 0.15), (tip - 0.02, _axis(toe, tip) + half * 0.3),
                 (tip - 0.12, _axis(toe, tip) + half * 0.78), (tip - 0.38, _axis(toe, tip - 0.38) + half * 1.02)]
        if index > 0:  # down into the web on its medial side
            web = WEBS[index - 1]
            toes += [(web[2] + 0.2, _axis(toe, web[2] + 0.2) + half * 0.95), (web[2], web[3])]
    medial = [(4.4, 1.62), (3.5, 1.72), (2.6, 1.58), (1.6, 1.5), (0.75, 1.58), (0.1, 1.6), (-0.45, 1.55),
              (-1.1, 1.3), (-2.0, 1.18), (-3.5, 1.17), (-5, 1.22), (-7.0, 1.3)]
    draw.outline(draw.cun_points(FOOT, lateral + toes + medial))


def _bones_and_tendons(draw: FigureBuilder) -> None:
    # The malleoli, and the ankle crease joining them in front.
    draw.stroke(draw.cun_points(FOOT, [(0.45, 1.38), (0.1, 1.2), (-0.45, 1.2), (-0.75, 1.42)]), "bone")
    draw.stroke(draw.cun_points(FOOT, [(0.8, -1.5), (0.4, -1.35), (-0.2, -1.35), (-0.55, -1.5)]), "bone")
    draw.stroke(draw.cun_points(FOOT, [(-0.05, 1.15), (0.0, 0.5), (0.02, 0.0), (0.08, -0.6), (0.2, -1.3)]),
                "detail")
    # The metatarsals, base to head (dashed: bones felt under the skin).
    bones = (  # (base along, base across, head along, head across, half widths of base, shaft, head)
        (1.4, 0.86, 3.3, 1.1, 0.3, 0.15, 0.27), (1.2, -0.04, 3.4, 0.0, 0.18, 0.08, 0.15),
        (1.36, -0.52, 3.27, -0.68, 0.16, 0.08, 0.14), (1.52, -1.0, 3.07, -1.33, 0.16, 0.08, 0.14),
        (1.66, -1.5, 2.83, -1.95, 0.18, 0.08, 0.14),
    )
    for base_along, base_across, head_along, head_across, base, shaft, head in bones:
        slope = (head_across - base_across) / (head_along - base_along)
        neck = head_along - 0.35
        middle = (base_along + neck) / 2
        early, mid, late = (base_across + (along - base_along) * slope for along in (base_along + 0.25, middle, neck))
        draw.stroke(draw.cun_points(FOOT, [
            (base_along, base_across - base), (base_along + 0.25, early - shaft * 1.2), (middle, mid - shaft),
            (neck, late - shaft * 1.1), (head_along - 0.12, head_across - head),
            (head_along + 0.1, head_across - head * 0.45), (head_along + 0.1, head_across + head * 0.45),
            (head_along - 0.12, head_across + head), (neck, late + shaft * 1.1), (middle, mid + shaft),
            (base_along + 0.25, early + shaft * 1.2), (base_along, base_across + base),
            (base_along - 0.06, base_across),
        ]), "bone", closed=True)
    # The tuberosity of the fifth metatarsal, jutting out at the base.
    draw.stroke(draw.cun_points(FOOT, [(1.65, -1.72), (1.35, -1.95), (1.55, -2.08), (1.9, -1.95)]), "bone")
    # Tendons: tibialis anterior to the medial border, extensor hallucis longus to the great toe,
    # extensor digitorum longus fanning out to the four lesser toes.
    draw.stroke(draw.cun_points(FOOT, [(-6.5, 0.35), (-2.5, 0.55), (-0.3, 0.75), (0.6, 1.1), (1.2, 1.45)]),
                "detail")
    draw.stroke(draw.cun_points(FOOT, [(-4.5, 0.05), (-1.5, 0.2), (0.0, 0.32), (1.5, 0.75), (3.0, 1.05),
                                       (4.4, 1.12)]), "detail")
    draw.stroke(draw.cun_points(FOOT, [(-4.5, -0.35), (-1.5, -0.35), (0.0, -0.35), (0.9, -0.45)]), "detail")
    for end_along, end_across, bend in ((4.5, 0.0, (2.3, -0.2)), (4.3, -0.72, (2.4, -0.7)),
                                        (4.0, -1.37, (2.3, -1.05)), (3.7, -2.0, (2.0, -1.22))):
        points = [(0.9, -0.45), bend, (end_along - 0.9, (bend[1] + end_across) / 2 - 0.08),
                  (end_along, end_across)]
        if end_across == -2.0:  # the slip to the little toe crosses the 4th-5th space (GB-41, GB-42)
            points = [(0.9, -0.45), bend, (2.95, -1.85), (end_along, end_across)]
        draw.stroke(draw.cun_points(FOOT, points), "detail")


def views(figure: Figure) -> list[View]:
    return [
        View("foot-top", "Top of the foot", figure, (10, 55, 220, 240),
             "The top of the left foot, toes up and the great toe on the right: the malleoli and the "
             "ankle crease, the tendons at the front of the ankle, the five metatarsals, the webs, the "
             "toes and their nails.",
             side="left"),
        View("toes-top", "Toes from above", figure, (50, 66, 126, 88),
             "The toes of the left foot from above, the great toe on the right: the webs between the "
             "toes and the corners of the toenails.",
             side="left"),
    ]
