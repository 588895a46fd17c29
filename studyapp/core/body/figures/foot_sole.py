"""The sole of the left foot, toes up, the great toe on the viewer's left.

The sole has no proportional measure of its own: it keeps the lower leg's cun (25 units, as on the
medial leg, where the sole is 3 cun below the medial malleolus), measured along the foot from the
back of the heel and across it from the line of the second toe. KI-1 lies on the line from the web
between the second and third toes to the back of the heel, a third of the way from the web.
"""

from __future__ import annotations

from studyapp.core.body.builder import FigureBuilder
from studyapp.core.body.geometry import Frame, Ruler
from studyapp.core.body.views import Figure, View

ORDER = 84
CUN = 25.0  # the lower leg's cun, in drawing units (about a millimetre)
HEEL_Y = 300.0  # the back of the heel
AXIS_X = 112.0  # the line of the second toe; medial (the great toe) is to the left
SOLE = "sole"

# Each toe: (axis across at its base, axis across at its tip, half its width, its base crease along the
# foot, its tip, its interphalangeal creases).
TOES = (
    (1.12, 1.05, 0.54, 8.55, 10.12, (9.3,)),
    (0.0, -0.04, 0.33, 8.68, 9.98, (9.52, 9.12)),
    (-0.68, -0.76, 0.32, 8.52, 9.55, (9.18,)),
    (-1.33, -1.43, 0.31, 8.3, 9.17, (8.85,)),
    (-1.95, -2.02, 0.29, 8.0, 8.7, ()),
)
# The webs between the toes, on the sole: (along, across).
WEBS = ((8.45, 0.47), (8.5, -0.34), (8.32, -1.01), (8.05, -1.64))


def _axis(toe: tuple[float, float, float, float, float, tuple[float, ...]], along: float) -> float:
    base_axis, tip_axis, _, base, tip, _ = toe
    share = max(0.0, min(1.0, (along - base) / (tip - base)))
    return base_axis + share * (tip_axis - base_axis)


def build() -> Figure:
    draw = FigureBuilder("foot-sole", 230, 330, side="left")
    draw.landmark("heel-back", "back of the heel", SOLE, AXIS_X + 5, HEEL_Y)
    draw.frame(Frame(SOLE, "y", Ruler(((0.0, HEEL_Y), (10.0, HEEL_Y - 10 * CUN))), ("distal", "proximal"),
                     ("medial", "lateral"), across_zero=AXIS_X, across_sign=-1))
    draw.landmark_at("web-2-3", "web between the second and third toes", SOLE, WEBS[1][0], WEBS[1][1])
    second = TOES[1]
    draw.landmark_at("second-toe-dip-crease", "crease of the second toe's distal interphalangeal joint", SOLE,
                     second[5][0], _axis(second, second[5][0]))
    _outline(draw)
    _details(draw)
    return draw.build()


def _outline(draw: FigureBuilder) -> None:
    """The edge: from the heel up the lateral border, round the toes from the little one, down the
    medial border and its arch."""
    lateral = [(0.0, -0.2), (0.2, -0.95), (0.8, -1.4), (1.8, -1.52), (3.2, -1.6), (4.5, -1.85), (5.6, -2.12),
               (6.6, -2.35), (7.4, -2.45), (7.85, -2.4)]
    toes: list[tuple[float, float]] = []
    for index in range(4, -1, -1):
        toe = TOES[index]
        half, tip = toe[2], toe[4]
        if index < 4:
            root = WEBS[index][0]
            toes.append((root + 0.22, _axis(toe, root + 0.22) - half * 0.95))
        toes += [(tip - 0.35, _axis(toe, tip - 0.35) - half * 1.04), (tip - 0.1, _axis(toe, tip) - half * 0.75),
                 (tip, _axis(toe, tip) - half * 0.15), (tip - 0.02, _axis(toe, tip) + half * 0.3),
                 (tip - 0.12, _axis(toe, tip) + half * 0.78), (tip - 0.38, _axis(toe, tip - 0.38) + half * 1.02)]
        if index > 0:
            web = WEBS[index - 1]
            toes += [(web[0] + 0.2, _axis(toe, web[0] + 0.2) + half * 0.95), web]
    medial = [(8.9, 1.66), (8.0, 1.76), (7.2, 1.8), (6.3, 1.6), (5.2, 1.22), (4.0, 1.0), (2.8, 1.02),
              (1.6, 1.15), (0.7, 1.05), (0.15, 0.55)]
    draw.outline(draw.cun_points(SOLE, lateral + toes + medial))


def _details(draw: FigureBuilder) -> None:
    # The pads of the sole: the ball under the metatarsal heads, and the heel.
    draw.stroke(draw.cun_points(SOLE, [(6.9, 1.62), (6.55, 0.9), (6.4, 0.0), (6.25, -1.0), (6.0, -2.1)]), "detail")
    draw.stroke(draw.cun_points(SOLE, [(2.35, 1.08), (2.65, 0.4), (2.75, -0.4), (2.6, -1.1), (2.3, -1.55)]),
                "detail")
    # Each toe's pad: the crease at its base and those under its joints.
    for toe in TOES:
        half, base, creases = toe[2], toe[3], toe[5]
        for along in (base, *creases):
            axis = _axis(toe, along)
            draw.stroke(draw.cun_points(SOLE, [(along + 0.03, axis + half * 0.75), (along - 0.02, axis),
                                               (along + 0.03, axis - half * 0.75)]), "detail")
    # The line from the web between the second and third toes to the back of the heel, with its
    # thirds marked: KI-1 lies where the front third ends.
    web, heel = WEBS[1], (0.0, -0.2)
    draw.stroke(draw.cun_points(SOLE, [web, heel]), "hair", smooth=False)
    for share in (1 / 3, 2 / 3):
        along = web[0] + share * (heel[0] - web[0])
        across = web[1] + share * (heel[1] - web[1])
        draw.stroke(draw.cun_points(SOLE, [(along, across - 0.18), (along, across + 0.18)]), "detail",
                    smooth=False)


def views(figure: Figure) -> list[View]:
    return [
        View("foot-sole", "Sole of the foot", figure, (10, 20, 210, 300),
             "The sole of the left foot, toes up and the great toe on the left: the heel, the ball of "
             "the foot, the toe pads and their creases, and the line from the web between the second and "
             "third toes to the back of the heel, divided into thirds.",
             side="left"),
    ]
