"""The perineum seen from below, the patient lying on the back with the thighs drawn up and apart
(the lithotomy position): front (the genitals) at the top, the coccyx at the bottom, the patient's
left on the viewer's right. A schematic, sparse drawing: the anus, the perineal body between it and
the posterior border of the scrotum (or the posterior commissure of the labia majora), the tip of
the coccyx in the cleft behind, the ischial tuberosities on either side.

No standard proportional measure spans the perineum; its one frame uses a cun of the lower
abdomen's size, and the points here are placed by shares of the way between landmarks.
"""

from __future__ import annotations

from studyapp.core.body.builder import FigureBuilder
from studyapp.core.body.geometry import Frame, Ruler
from studyapp.core.body.views import Figure, View

ORDER = 55
MID_X = 130.0  # the midline (drawing units are about a millimetre)
GENITAL_Y, ANUS_Y, COCCYX_Y = 100.0, 135.0, 175.0
UNITS_PER_CUN = 28.0  # about the lower abdomen's cun


def build() -> Figure:
    draw = FigureBuilder("perineum", 260, 245, side="both", mirror_x=MID_X, left_towards=1)
    draw.frame(Frame("perineum", "y", Ruler(((0.0, ANUS_Y), (1.0, ANUS_Y - UNITS_PER_CUN))), ("anterior", "posterior"),
                     ("lateral", "medial"), across_zero=MID_X, across_sign=1, midline=True))
    draw.landmark("anus", "anus (centre)", "perineum", MID_X, ANUS_Y)
    draw.landmark("genital-posterior-border", "posterior border of the scrotum / posterior commissure of the labia "
                  "majora", "perineum", MID_X, GENITAL_Y)
    draw.landmark("coccyx-tip", "tip of the coccyx", "perineum", MID_X, COCCYX_Y)
    draw.landmark_at("ischial-tuberosity", "ischial tuberosity", "perineum", 0.35, 2.0)

    def both(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
        """A line on the patient's left (in cun) and its mirror image on the right, as drawing points."""
        left = [draw.at("perineum", along, across) for along, across in points]
        return left + [(2 * MID_X - x, y) for x, y in reversed(left) if abs(x - MID_X) > 1e-6]

    # The skin seen between the raised thighs (above, on either side) and the buttocks (below).
    draw.outline(both([(3.55, 0.0), (3.6, 1.0), (3.95, 1.9), (4.3, 2.9), (4.1, 3.9), (3.2, 4.35), (1.9, 4.2),
                       (0.8, 3.95), (-0.6, 4.05), (-2.0, 3.7), (-3.0, 2.8), (-3.4, 1.6), (-3.3, 0.55),
                       (-3.05, 0.0)]))
    for sign in (1, -1):  # the creases between the perineum and the thighs
        draw.stroke([draw.at("perineum", along, sign * across) for along, across in
                     ((3.7, 1.55), (2.6, 1.75), (1.5, 2.0), (0.9, 2.6), (0.7, 3.4))], "detail")
        draw.stroke([draw.at("perineum", along, sign * across) for along, across in
                     ((0.65, 1.8), (0.6, 2.25), (0.05, 2.35), (-0.05, 1.75), (0.3, 1.55))], "bone", closed=True)

    # The genitals, schematic: their posterior border is the front end of the perineum.
    draw.stroke(both([(1.25, 0.0), (1.4, 0.55), (1.95, 0.95), (2.75, 1.05), (3.3, 0.7)]), "detail", closed=True)
    draw.stroke([draw.at("perineum", 1.5, 0.0), draw.at("perineum", 2.4, 0.0)], "detail")
    draw.stroke([draw.at("perineum", 1.2, 0.0), draw.at("perineum", 0.35, 0.0)], "hair")  # the perineal raphe

    # The anus, the gluteal cleft behind it, and the coccyx felt in the cleft (its tip towards the anus).
    draw.stroke(both([(0.14, 0.0), (0.1, 0.1), (0.0, 0.14), (-0.1, 0.1)]), "outline", closed=True)
    draw.stroke(both([(0.3, 0.0), (0.2, 0.24), (0.0, 0.3), (-0.2, 0.24)]), "detail", closed=True)
    draw.stroke([draw.at("perineum", -0.45, 0.0), draw.at("perineum", -3.05, 0.0)], "detail")
    coccyx = both([(-1.43, 0.0), (-1.7, 0.14), (-2.4, 0.28), (-2.9, 0.34)])
    draw.stroke(coccyx[4:] + coccyx[:4], "bone")  # up one side to the tip and down the other
    return draw.build()


def views(figure: Figure) -> list[View]:
    return [
        View("perineum", "Perineum", figure, (0, 0, 260, 245),
             "The perineum seen from below with the thighs drawn up and apart, front at the top and the "
             "patient's left on the right: the posterior border of the genitals, the anus, the tip of the "
             "coccyx behind it and the ischial tuberosities on either side.", side="both"),
    ]
