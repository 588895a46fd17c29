"""The patient's left arm from the front, in the anatomical position (palm forward, thumb to the
viewer's right): the shoulder with the lateral clavicle, the acromion and the anterior axillary fold,
the upper arm, the elbow, the forearm, the wrist and a simple hand.

Frames: the upper arm (the cubital crease 0, the anterior axillary fold 9 cun above it; across from
the arm's axis, + lateral) and the forearm (the palmar wrist crease 0, the cubital crease 12 cun
above it; across + radial). Both are isotropic: across is measured with the local along cun.
"""

from __future__ import annotations

from studyapp.core.body.builder import FigureBuilder
from studyapp.core.body.drawing import StrokeKind
from studyapp.core.body.figures.hand_palm import FINGERS, HAND_CUN, THUMB, Cun, hand_outline, scaled
from studyapp.core.body.geometry import Frame, Ruler
from studyapp.core.body.views import Figure, View

ORDER = 40
# Drawing units are about a millimetre: one upper-arm cun is 25.6 units, one forearm cun 20.8.
CUBITAL_Y, AXILLA_Y, WRIST_Y = 400.0, 170.0, 650.0
AXIS_X = 125.0  # the arm's axis: the middle of the wrist, between palmaris longus and flexor carpi radialis
FOREARM_CUN = (WRIST_Y - CUBITAL_Y) / 12
HAND_SCALE = HAND_CUN / FOREARM_CUN  # the hand's finger cun in forearm cun


def build() -> Figure:
    draw = FigureBuilder("arm-front", 210, 845, side="left")
    draw.landmark("anterior-axillary-fold", "anterior axillary fold (where it meets the arm)", "upper-arm",
                  AXIS_X - 43, AXILLA_Y)
    draw.landmark("cubital-crease", "cubital crease", "upper-arm", AXIS_X - 12, CUBITAL_Y, shown=False)
    draw.landmark("wrist-crease", "palmar wrist crease (between palmaris longus and flexor carpi radialis)",
                  "forearm", AXIS_X, WRIST_Y)
    draw.frame(Frame("upper-arm", "y", Ruler(((0.0, CUBITAL_Y), (9.0, AXILLA_Y))), ("proximal", "distal"),
                     ("lateral", "medial"), across_zero=AXIS_X, across_sign=1))
    draw.frame(Frame("forearm", "y", Ruler(((0.0, WRIST_Y), (12.0, CUBITAL_Y))), ("proximal", "distal"),
                     ("radial", "ulnar"), across_zero=AXIS_X, across_sign=1))
    draw.measure("upper-arm", "cubital-crease", "anterior-axillary-fold", 9)
    draw.measure("forearm", "wrist-crease", "cubital-crease", 12)

    arm, fore = "upper-arm", "forearm"
    # Shoulder.
    draw.landmark_at("axilla", "centre of the axilla (where HT-1 lies)", arm, 9.8, -1.45, shown=False)
    draw.landmark_at("acromion-front", "front end of the lateral border of the acromion", arm, 11.95, 1.72)
    draw.landmark_at("greater-tubercle", "greater tubercle of the humerus", arm, 11.05, 1.9, shown=False)
    draw.landmark_at("clavicle-lateral", "acromial end of the clavicle", arm, 12.35, 0.7)
    draw.landmark_at("deltoid-insertion", "insertion of the deltoid", arm, 6.75, 1.74)
    # Elbow.
    draw.landmark_at("biceps-tendon", "biceps brachii tendon (on the cubital crease)", fore, 12.0, 0.4)
    draw.landmark_at("crease-medial-end", "medial end of the cubital crease", fore, 12.0, -1.82, shown=False)
    draw.landmark_at("medial-epicondyle", "medial epicondyle of the humerus", fore, 12.0, -2.24)
    draw.landmark_at("lateral-epicondyle", "lateral epicondyle of the humerus", fore, 12.05, 2.02)
    # Wrist.
    draw.landmark_at("fcu-tendon", "flexor carpi ulnaris tendon (at the wrist crease)", fore, 0.0, -1.18)
    draw.landmark_at("pisiform", "pisiform bone", fore, -0.35, -1.05)
    draw.landmark_at("radial-styloid", "styloid process of the radius", fore, 0.8, 1.3)
    draw.landmark_at("radial-artery", "radial artery (pulse at the wrist)", fore, 0.5, 0.83, shown=False)
    draw.landmark_at("fcr-tendon", "flexor carpi radialis tendon", fore, 4.0, 0.31)
    draw.landmark_at("pl-tendon", "palmaris longus tendon", fore, 2.5, -0.29)

    def at(frame: str, pairs: list[Cun]) -> list[tuple[float, float]]:
        return [draw.at(frame, a, c) for a, c in pairs]

    def line(frame: str, pairs: list[Cun], kind: StrokeKind = "detail", *, closed: bool = False) -> None:
        draw.stroke(at(frame, pairs), kind, closed=closed)

    hand = scaled(hand_outline(), HAND_SCALE)
    shoulder = [(14.25, -3.45), (13.8, -2.45), (13.32, -1.35), (13.0, -0.25), (12.85, 0.75), (12.62, 1.6),
                (12.12, 2.18), (11.2, 2.44), (10.0, 2.48), (8.7, 2.33), (7.6, 2.1), (6.6, 1.93), (5.6, 1.86),
                (4.2, 1.8), (2.8, 1.7), (1.6, 1.72), (0.6, 1.84)]
    forearm_radial = [(11.3, 2.3), (10.2, 2.38), (9.0, 2.3), (7.5, 2.08), (6.0, 1.85), (4.5, 1.66), (3.0, 1.52),
                      (1.8, 1.46), (1.0, 1.48), (0.4, 1.43)]
    forearm_ulnar = [(0.6, -1.42), (1.5, -1.47), (3.0, -1.6), (4.5, -1.8), (6.0, -2.02), (7.5, -2.22),
                     (9.0, -2.34), (10.3, -2.36), (11.3, -2.32), (12.05, -2.42)]
    medial_arm = [(0.75, -1.78), (1.6, -1.72), (2.9, -1.74), (4.5, -1.76), (6.2, -1.75), (7.8, -1.71), (8.7, -1.7)]
    # The shoulder region is cut from the chest by a rounded edge, from the axilla to the top of the trapezius.
    cut = [(9.25, -1.95), (9.55, -2.6), (10.2, -3.3), (11.2, -3.85), (12.4, -4.1), (13.5, -4.0)]
    draw.outline(at(arm, shoulder) + at(fore, forearm_radial) + at(fore, list(reversed(hand)))
                 + at(fore, forearm_ulnar) + at(arm, medial_arm + cut))

    # The anterior axillary fold: the lower edge of pectoralis major meeting the arm.
    line(arm, [(9.0, -1.7), (9.35, -2.15), (9.75, -2.75), (10.2, -3.25)])
    # Clavicle, acromion, the front of the deltoid and the biceps.
    line(arm, [(12.5, -4.05), (12.8, -3.3), (12.82, -2.3), (12.65, -1.2), (12.48, -0.2), (12.35, 0.7)], "bone")
    line(arm, [(12.35, 0.7), (12.38, 1.3), (12.2, 1.78), (11.95, 1.85), (11.88, 1.3), (12.02, 0.75)], "bone",
         closed=True)
    line(arm, [(12.6, -1.5), (11.4, -1.05), (10.0, -0.25), (8.6, 0.75), (7.5, 1.4), (6.75, 1.74)])
    line(arm, [(8.7, -1.22), (7.0, -1.32), (5.0, -1.38), (3.0, -1.33), (1.8, -1.05), (0.8, -0.45), (0.3, 0.08)])
    line(arm, [(8.3, 0.95), (6.5, 1.1), (5.0, 1.12), (3.5, 1.05), (2.0, 0.86), (0.9, 0.62), (0.3, 0.55)])
    line(arm, [(8.6, 0.02), (7.6, 0.06), (6.2, 0.1)])
    # Elbow: the crease, the biceps tendon in it, the epicondyles.
    line(fore, [(12.0, -1.82), (11.93, -0.6), (11.93, 0.6), (12.0, 1.55)])
    line(fore, [(12.45, 0.27), (11.75, 0.3)])
    line(fore, [(12.45, 0.55), (11.75, 0.53)])
    line(fore, [(12.4, -2.38), (12.38, -2.14), (12.15, -2.07), (11.85, -2.12), (11.7, -2.33)], "bone")
    line(fore, [(12.35, 2.18), (12.3, 1.88), (12.05, 1.82), (11.8, 1.92), (11.75, 2.15)], "bone")
    # Forearm: brachioradialis, the flexor tendons, the radial artery.
    line(fore, [(11.6, 1.0), (10.0, 1.07), (8.0, 1.17), (6.0, 1.26), (4.6, 1.3)])
    line(fore, [(0.35, -0.27), (2.5, -0.29), (5.0, -0.3), (6.6, -0.4)])
    line(fore, [(0.35, 0.3), (2.5, 0.31), (5.0, 0.31), (6.6, 0.22)])
    line(fore, [(0.35, -1.18), (2.5, -1.22), (4.6, -1.32)])
    line(fore, [(3.4, 0.73), (1.6, 0.8), (0.4, 0.84)], "hair")
    # Wrist: the creases, the radial styloid and the pisiform.
    line(fore, [(0.0, -1.38), (0.04, -0.4), (0.04, 0.5), (0.0, 1.4)])
    line(fore, [(0.36, -1.3), (0.38, 0.0), (0.36, 1.3)])
    line(fore, [(1.3, 1.46), (0.95, 1.33), (0.55, 1.34)], "bone")
    line(fore, [(-0.18, -0.96), (-0.28, -0.85), (-0.5, -0.9), (-0.55, -1.13), (-0.38, -1.25), (-0.2, -1.18)],
         "bone", closed=True)
    # The hand: the thenar crease, the palm creases and the fingers' base creases.
    line(fore, scaled([(-0.12, 0.2), (-0.8, 0.48), (-1.6, 0.85), (-2.3, 1.15), (-2.7, 1.4)], HAND_SCALE))
    line(fore, scaled([(-2.68, 1.4), (-2.7, 0.6), (-2.45, -0.3), (-2.1, -1.3)], HAND_SCALE))
    line(fore, scaled([(-2.75, -1.88), (-3.02, -1.1), (-3.28, -0.35), (-3.75, 0.28)], HAND_SCALE))
    for finger in FINGERS:
        line(fore, scaled(finger.crease(finger.base[0] - 0.08, 0.42), HAND_SCALE))
        line(fore, scaled(finger.crease(finger.pip, 0.42), HAND_SCALE))
    line(fore, scaled(THUMB.crease(THUMB.pip, 0.4), HAND_SCALE))
    return draw.build()


def views(figure: Figure) -> list[View]:
    return [
        View("arm-front", "Front of the arm", figure, (0, 0, 210, 845),
             "The left arm from the front, palm forward and thumb to the right: the shoulder with the clavicle "
             "and acromion, the anterior axillary fold, the biceps, the elbow crease, the forearm and the hand.",
             side="left"),
        View("elbow-front", "Front of the elbow", figure, (50, 285, 160, 200),
             "The front of the left elbow, thumb side to the right: the cubital crease with the biceps tendon "
             "in its middle, the medial and lateral epicondyles, the lower biceps.", side="left"),
        View("forearm-front", "Front of the forearm", figure, (40, 385, 170, 305),
             "The front of the left forearm from the elbow crease to the wrist, thumb side to the right: the "
             "flexor tendons, the radial artery and styloid, the wrist creases and the pisiform.", side="left"),
        View("wrist-front", "Front of the wrist", figure, (65, 575, 125, 105),
             "The front of the left wrist, thumb side to the right: the palmar wrist crease, the flexor carpi "
             "ulnaris, palmaris longus and flexor carpi radialis tendons, the radial artery and styloid.",
             side="left"),
    ]
