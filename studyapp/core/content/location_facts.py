"""The facts a location sentence states, independent of its wording (pure).

A location can be said in many ways ("2 cun above KI-3, 0.5 cun anterior to KI-7" and "Start at
KI-3 and go up 2 cun; KI-8 lies 0.5 cun in front of KI-7"); what must not change when it is
reworded are its facts:

- `cun`: every measurement, as a number with its unit ("2 cun", "1 finger");
- `shares`: the proportions it divides a line into, by denominator ("1/3" for a line divided into
  thirds, "1/2" for a midpoint);
- `points`: every point code it names (KI-3), in WHO form;
- `levels`: numbered structures (T5, C7, L2, S2; "rib 11", "intercostal 4", "metatarsal 2", ...);
- `landmarks`: the anatomical terms, with the side or surface that qualifies them ("medial
  malleolus", "calcaneal tendon", "posterior midline").

Rewording may add facts (a landmark felt on the way) but may not drop one, and may not change a
measurement. `compare` says what a rewrite lost or changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NUMBER_WORDS = {
    "half a": "0.5", "half an": "0.5", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
    "six": "6", "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
    "a": "1", "an": "1",
}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6, "7th": 7, "8th": 8, "9th": 9, "10th": 10,
    "11th": 11, "12th": 12,
}
# Numbered structures: an ordinal before one of these names a level ("fifth thoracic vertebra").
NUMBERED = {
    "cervical": "C", "thoracic": "T", "lumbar": "L", "sacral": "S",
    "rib": "rib", "ribs": "rib", "intercostal": "intercostal", "metacarpal": "metacarpal",
    "metacarpals": "metacarpal", "metatarsal": "metatarsal", "metatarsals": "metatarsal",
    "toe": "toe", "toes": "toe", "finger": "finger", "fingers": "finger",
    "metacarpophalangeal": "metacarpophalangeal", "metatarsophalangeal": "metatarsophalangeal",
}
# Written-out spellings that mean the same landmark, folded before the terms are read.
SYNONYMS = [
    (r"\bmedian line\b", "midline"),
    (r"\bmid-line\b", "midline"),
    (r"\bmidline of the (?:back|spine|trunk's back)\b", "posterior midline"),
    (r"\b(?:back|spinal) midline\b", "posterior midline"),
    (r"\bmidline of the (?:front|chest|abdomen|front of the body)\b", "anterior midline"),
    (r"\bfront midline\b", "anterior midline"),
    (r"\bnavel\b", "umbilicus"),
    (r"\bachilles tendon\b", "calcaneal tendon"),
    (r"\bcalcaneal \(achilles\) tendon\b", "calcaneal tendon"),
    (r"\bbig toe\b", "great toe"),
    (r"\bhallux\b", "great toe"),
    (r"\bfinger[- ]?(?:breadth|width)s?\b", "fingerbreadth"),
    (r"\b[bf]-cun\b", "cun"),
]
# Qualifiers that turn a term into a particular one: the medial, not the lateral, malleolus.
QUALIFIERS = frozenset({
    "medial", "lateral", "anterior", "posterior", "palmar", "dorsal", "plantar", "radial", "ulnar",
    "superior", "inferior", "greater", "lesser", "external", "internal", "inner", "outer", "great",
    "little", "index", "middle", "ring", "upper", "lower", "anterolateral", "anteromedial",
    "posterolateral", "posteromedial", "proximal", "distal", "sternal", "clavicular",
})
# Anatomical terms (the words a location may not lose). Region words (head, leg, abdomen) are
# not here: a rewrite may say where the region is in other words.
_TERM_WORDS = """
malleolus tibia tibial fibula fibular patella patellar condyle condylar epicondyle umbilicus tendon
tendons calcaneal calcaneus navicular cuboid cuneiform metatarsal metacarpal phalanx phalangeal
interphalangeal metacarpophalangeal metatarsophalangeal toenail fingernail nail web crease wrist
cubital popliteal gluteal axillary fold olecranon acromion acromial clavicle sternum xiphisternal
suprasternal rib ribs intercostal costal cartilage nipple scapula scapular spinous vertebra foramen
coccyx sacrum iliac crest trochanter femur femoris pubic symphysis inguinal hairline glabella
eyebrow canthus orbit infraorbital pupil zygomatic mandible mandibular masseter tragus
supratragic intertragic auricle auricular earlobe mastoid occipital protuberance temporal
nasolabial philtrum lip nostril ala alar mentolabial tongue frenulum gum vermilion thyroid
cricoid hyoid sternocleidomastoid trapezius deltoid biceps brachii triceps radius ulna styloid
palmaris longus flexor extensor carpi digitorum pollicis hallucis abductor adductor sartorius
gracilis semitendinosus semimembranosus gastrocnemius soleus vastus rectus iliotibial tensor
fasciae latae interosseous snuffbox thenar hypothenar sole heel toe finger thumb midline
midaxillary hiatus cornua anus perineum scrotum labia commissure vertex eyeball artery vein
spine tuberosity tubercle ligament notch fossa apex prominence
"""
TERMS = frozenset(_TERM_WORDS.split())
POINT_CODE = re.compile(
    r"\b(LU|LI|ST|SP|HT|SI|BL|KI|PC|TE|GB|LR|GV|CV)\s*-?\s*(\d{1,2})\b|\bEX-(HN|CA|B|UE|LE)\s*(\d{1,2})\b")
VERTEBRA = re.compile(r"\b([CTLS])\s?(\d{1,2})\b")
MEASURE = re.compile(
    r"\b(\d+(?:\.\d+)?|half an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|an?)"
    r"\s+(cun|fingerbreadth)\b")
# "Centre" and "middle" are left out: the centre of the umbilicus and the middle finger divide nothing.
SHARES = {"half": 2, "halfway": 2, "midway": 2, "midpoint": 2,
          "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5}


@dataclass(frozen=True)
class LocationFacts:
    cun: frozenset[str]
    shares: frozenset[str]
    points: frozenset[str]
    levels: frozenset[str]
    landmarks: frozenset[str]


def _normal(text: str) -> str:
    text = text.lower().replace("\u2019", "'").replace("\u2013", "-").replace("\u00a0", " ")
    for pattern, replacement in SYNONYMS:
        text = re.sub(pattern, replacement, text)
    return text


def location_facts(text: str) -> LocationFacts:
    points = frozenset(
        f"{m.group(1)}-{int(m.group(2))}" if m.group(1) else f"EX-{m.group(3)}{int(m.group(4))}"
        for m in POINT_CODE.finditer(text)
    )
    levels = {f"{m.group(1)}{int(m.group(2))}" for m in VERTEBRA.finditer(text)}
    plain = _normal(POINT_CODE.sub(" ", text))
    cun = frozenset(f"{NUMBER_WORDS.get(number, number)} {'finger' if unit == 'fingerbreadth' else unit}"
                    for number, unit in MEASURE.findall(plain))
    words = re.findall(r"[a-z]+(?:-[a-z]+)*|\d+(?:st|nd|rd|th)?", plain)
    landmarks: set[str] = set()
    shares: set[str] = set()
    for i, word in enumerate(words):
        if word in SHARES and not _numbered_after(words, i):  # "third" in "third thoracic" counts, not divides
            shares.add(f"1/{SHARES[word]}")
        if word in ORDINALS:
            kind = _numbered_after(words, i)
            if kind:
                levels.add(_level(kind, ORDINALS[word]))
        if word in TERMS:
            qualifier = next((w for w in words[max(0, i - 2):i] if w in QUALIFIERS), None)
            landmarks.add(f"{qualifier} {word}" if qualifier else word)
    return LocationFacts(cun, frozenset(shares), points, frozenset(levels), frozenset(landmarks))


def _numbered_after(words: list[str], i: int) -> str | None:
    """The numbered structure an ordinal at `i` counts ("second and third metatarsal" -> metatarsal)."""
    for word in words[i + 1:i + 5]:
        if word in NUMBERED:
            return NUMBERED[word]
        if word not in ORDINALS and word not in ("and", "or", "to", "posterior", "anterior", "dorsal", "the"):
            return None
    return None


def _level(kind: str, number: int) -> str:
    return f"{kind}{number}" if len(kind) == 1 else f"{kind} {number}"


def compare(before: LocationFacts, after: LocationFacts) -> list[str]:
    """What `after` lost or changed of `before`'s facts, in words; empty when it keeps them all."""
    problems = []
    if before.cun != after.cun:
        problems.append(f"measurements {sorted(before.cun)} became {sorted(after.cun)}")
    if before.shares != after.shares:
        problems.append(f"proportions {sorted(before.shares)} became {sorted(after.shares)}")
    for name in ("points", "levels", "landmarks"):
        lost = getattr(before, name) - getattr(after, name)
        if lost:
            problems.append(f"{name} dropped: {', '.join(sorted(lost))}")
    return problems
