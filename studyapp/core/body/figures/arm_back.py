"""The patient's left arm from behind, in the anatomical position (the back of the hand towards the
viewer, thumb to the viewer's left): the shoulder with the spine of the scapula, the acromion and its
angle and the posterior axillary fold, the triceps, the olecranon and both epicondyles, the ulna and
radius, the dorsal wrist crease and a simple hand.

Frames: the upper arm (the elbow, level with the prominence of the olecranon and the cubital crease,
0; the posterior axillary fold 9 cun above it; across from the arm's axis, + lateral, towards the
viewer's left) and the forearm (the dorsal wrist crease 0, the elbow 12 cun above it; across +
radial). Both are isotropic.
"""

from __future__ import annotations

from studyapp.core.body.builder import FigureBuilder
from studyapp.core.body.drawing import StrokeKind
from studyapp.core.body.figures.hand_back import nail_base, nail_half
from studyapp.core.body.figures.hand_palm import FINGERS, HAND_CUN, THUMB, Cun, Finger, hand_outline, scaled
from studyapp.core.body.geometry import Frame, Ruler
from studyapp.core.body.views import Figure, View

ORDER = 41
ELBOW_Y, AXILLA_Y, WRIST_Y = 400.0, 170.0, 650.0
AXIS_X = 85.0  # the arm's axis; lateral (the thumb side) is towards -x from behind
FOREARM_CUN = (WRIST_Y - ELBOW_Y) / 12
HAND_SCALE = HAND_CUN / FOREARM_CUN


def build() -> Figure:
    draw = FigureBuilder("arm-back", 210, 845, side="left")
    draw.landmark("posterior-axillary-fold", "posterior axillary fold (where it meets the arm)", "upper-arm",
                  AXIS_X + 43, AXILLA_Y)
    draw.landmark("olecranon", "prominence of the olecranon (level with the cubital crease)", "upper-arm",
                  AXIS_X + 6, ELBOW_Y)
    draw.landmark("dorsal-wrist-crease", "dorsal wrist crease (between the radius and the ulna)", "forearm",
                  AXIS_X + 4, WRIST_Y)
    draw.frame(Frame("upper-arm", "y", Ruler(((0.0, ELBOW_Y), (9.0, AXILLA_Y))), ("proximal", "distal"),
                     ("lateral", "medial"), across_zero=AXIS_X, across_sign=-1))
    draw.frame(Frame("forearm", "y", Ruler(((0.0, WRIST_Y), (12.0, ELBOW_Y))), ("proximal", "distal"),
                     ("radial", "ulnar"), across_zero=AXIS_X, across_sign=-1))
    draw.measure("upper-arm", "olecranon", "posterior-axillary-fold", 9)
    draw.measure("forearm", "dorsal-wrist-crease", "olecranon", 12)

    arm, fore = "upper-arm", "forearm"
    # Shoulder.
    draw.landmark_at("acromial-angle", "acromial angle", arm, 12.0, 1.62)
    draw.landmark_at("greater-tubercle", "greater tubercle of the humerus", arm, 11.1, 1.95, shown=False)
    draw.landmark_at("clavicle-lateral", "acromial end of the clavicle", arm, 12.8, 0.0)
    draw.landmark_at("scapular-spine", "spine of the scapula (upper border, near the acromion)", arm, 12.2, -0.45)
    # Elbow.
    draw.landmark_at("medial-epicondyle", "medial epicondyle of the humerus", fore, 12.2, -2.12)
    draw.landmark_at("lateral-epicondyle", "lateral epicondyle of the humerus", fore, 12.05, 1.88)
    # Wrist.
    draw.landmark_at("ulna-head", "head of the ulna (its highest point)", fore, 1.0, -1.05)
    draw.landmark_at("snuffbox", "anatomical snuffbox (at the dorsal wrist crease)", fore, 0.0, 1.0)
    draw.landmark_at("radial-styloid", "styloid process of the radius", fore, 0.6, 1.3, shown=False)

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
                     (9.0, -2.34), (10.3, -2.36), (11.3, -2.3), (12.2, -2.36)]
    medial_arm = [(0.75, -1.76), (1.5, -1.62), (2.8, -1.6), (4.5, -1.68), (6.2, -1.72), (7.8, -1.7), (8.7, -1.7)]
    cut = [(9.25, -1.95), (9.55, -2.6), (10.2, -3.3), (11.2, -3.85), (12.4, -4.1), (13.5, -4.0)]
    draw.outline(at(arm, shoulder) + at(fore, forearm_radial) + at(fore, list(reversed(hand)))
                 + at(fore, forearm_ulnar) + at(arm, medial_arm + cut))

    # The posterior axillary fold, the spine of the scapula and the acromion with its angle.
    line(arm, [(9.0, -1.7), (9.4, -2.2), (9.9, -2.8), (10.4, -3.3)])
    # The spine of the scapula runs out into the acromion; its lower lip turns forward at the acromial angle.
    line(arm, [(11.6, -3.98), (11.8, -2.8), (12.02, -1.6), (12.22, -0.45), (12.45, 0.5), (12.62, 1.15),
               (12.5, 1.62), (12.2, 1.75), (12.0, 1.62), (11.85, 0.7), (11.6, -0.5), (11.4, -1.6), (11.3, -2.8),
               (11.22, -3.9)], "bone")
    # The back of the deltoid and the triceps with its tendon above the olecranon.
    line(arm, [(11.4, -1.9), (10.5, -0.5), (9.6, 0.9), (9.0, 1.38), (8.0, 1.62), (6.9, 1.72)])
    line(arm, [(8.4, -1.3), (6.5, -1.25), (4.5, -1.1), (2.6, -0.85), (1.4, -0.55)])
    line(arm, [(7.2, 1.45), (5.5, 1.25), (3.8, 0.95), (2.4, 0.7), (1.4, 0.45)])
    # Elbow: the olecranon and the epicondyles.
    line(fore, [(12.0, -0.29), (12.12, -0.62), (12.5, -0.74), (12.78, -0.55), (12.8, -0.03), (12.5, 0.15),
                (12.12, 0.04)], "bone", closed=True)
    line(fore, [(12.5, -2.3), (12.55, -1.95), (12.25, -1.85), (11.9, -1.98), (11.9, -2.3)], "bone")
    line(fore, [(12.35, 2.12), (12.3, 1.8), (12.05, 1.72), (11.8, 1.82), (11.75, 2.08)], "bone")
    # Forearm: the ulna's border under the skin all the way down, the lower radius, the head of the ulna.
    line(fore, [(11.9, -0.42), (9.0, -0.62), (6.0, -0.82), (3.0, -0.98), (1.5, -0.95)], "bone")
    line(fore, [(1.4, -0.72), (1.0, -0.75), (0.65, -0.9), (0.7, -1.2), (1.1, -1.3), (1.4, -1.15)], "bone",
         closed=True)
    line(fore, [(5.5, 0.95), (3.5, 0.82), (1.8, 0.75), (0.6, 0.62)], "bone")
    line(fore, [(1.6, 1.45), (1.0, 1.34), (0.55, 1.3)], "bone")
    line(fore, [(2.4, -0.46), (1.2, -0.48), (0.3, -0.45)])  # extensor digitorum, ulnar edge
    line(fore, [(2.4, 0.22), (1.2, 0.19), (0.3, 0.15)])  # extensor digitorum, radial edge
    # Wrist crease, and the back of the hand: knuckles and nails.
    line(fore, [(0.0, -1.38), (0.04, -0.4), (0.04, 0.5), (0.0, 1.4)])
    for finger in FINGERS:
        line(fore, scaled(finger.crease(finger.mcp[0] - 0.12, 0.36, 0.1), HAND_SCALE))
        line(fore, scaled(finger.crease(finger.pip, 0.3, 0.05), HAND_SCALE))
    for finger in (THUMB, *FINGERS):
        line(fore, scaled(_nail(finger), HAND_SCALE), closed=True)
    return draw.build()


def _nail(finger: Finger) -> list[Cun]:
    base, edge = nail_base(finger), finger.tip[0] + 0.13
    half = nail_half(finger, base)
    return [finger.at(base, -half), finger.at(edge, -half), finger.at(edge - 0.03), finger.at(edge, half),
            finger.at(base, half), finger.at(base + 0.06)]


def views(figure: Figure) -> list[View]:
    return [
        View("arm-back", "Back of the arm", figure, (0, 0, 210, 845),
             "The left arm from behind, back of the hand towards you and thumb to the left: the spine of the "
             "scapula and the acromion, the posterior axillary fold, the triceps, the olecranon, the ulna, the "
             "dorsal wrist crease and the hand.", side="left"),
        View("shoulder-tip", "Tip of the shoulder from behind", figure, (0, 40, 200, 230),
             "The left shoulder from behind, arm side to the left: the spine of the scapula, the acromion and "
             "its angle, the back of the deltoid and the posterior axillary fold.", side="left"),
        View("elbow-back", "Back of the elbow", figure, (5, 280, 165, 205),
             "The back of the left elbow, thumb side to the left: the olecranon, the medial epicondyle on the "
             "right and the lateral epicondyle on the left, the lower triceps.", side="left"),
        View("forearm-back", "Back of the forearm", figure, (0, 385, 175, 305),
             "The back of the left forearm from the elbow to the wrist, thumb side to the left: the ulna's "
             "border, the radius, the head of the ulna and the dorsal wrist crease.", side="left"),
    ]
