"""Point categories: the vocabulary deck files may use and the standard membership of each (pure).

Membership is data the checker compares the bundle against, so a record that forgets LU-7 is a
confluent point, or calls ST-40 a xi-cleft point, is caught before any student studies it.
"""

from __future__ import annotations

from dataclasses import dataclass

PHASES = ("wood", "fire", "earth", "metal", "water")
FIVE_SHU = ("jing-well", "ying-spring", "shu-stream", "jing-river", "he-sea")
YIN_PHASES = dict(zip(FIVE_SHU, ("wood", "fire", "earth", "metal", "water"), strict=True))
YANG_PHASES = dict(zip(FIVE_SHU, ("metal", "water", "wood", "fire", "earth"), strict=True))
YIN_CHANNELS = ("LU", "SP", "HT", "KI", "PC", "LR")


@dataclass(frozen=True)
class CategoryKind:
    key: str
    title: str
    member_title: str  # how one member is described: "xi-cleft point of the Kidney channel"
    needs: str | None  # "of", "phase" or None: the extra key an entry must carry


KINDS: dict[str, CategoryKind] = {
    kind.key: kind
    for kind in (
        CategoryKind("jing-well", "Jing-well points", "jing-well point", "phase"),
        CategoryKind("ying-spring", "Ying-spring points", "ying-spring point", "phase"),
        CategoryKind("shu-stream", "Shu-stream points", "shu-stream point", "phase"),
        CategoryKind("jing-river", "Jing-river points", "jing-river point", "phase"),
        CategoryKind("he-sea", "He-sea points", "he-sea point", "phase"),
        CategoryKind("yuan-source", "Yuan-source points", "yuan-source point", "of"),
        CategoryKind("luo-connecting", "Luo-connecting points", "luo-connecting point", "of"),
        CategoryKind("xi-cleft", "Xi-cleft points", "xi-cleft point", "of"),
        CategoryKind("back-shu", "Back-shu points", "back-shu point", "of"),
        CategoryKind("front-mu", "Front-mu points", "front-mu point", "of"),
        CategoryKind("hui-meeting", "Hui-meeting points", "hui-meeting point", "of"),
        CategoryKind("confluent", "Confluent points", "confluent point", "of"),
        CategoryKind("lower-he-sea", "Lower he-sea points", "lower he-sea point", "of"),
        CategoryKind("window-of-heaven", "Window of heaven points", "window of heaven point", None),
        CategoryKind("command", "Command points", "command point", "of"),
        CategoryKind("heavenly-star", "Ma Danyang's heavenly star points", "heavenly star point", None),
        CategoryKind("ghost", "Sun Simiao's ghost points", "ghost point", None),
        CategoryKind("entry", "Entry points", "entry point", "of"),
        CategoryKind("exit", "Exit points", "exit point", "of"),
        CategoryKind("pregnancy-caution", "Points forbidden in pregnancy",
                     "point classically forbidden in pregnancy", None),
    )
}
TITLES: dict[str, str] = {key: kind.title for key, kind in KINDS.items()}  # for filters and lists

_CHANNEL_NAMES = {
    "LU": "Lung", "LI": "Large Intestine", "ST": "Stomach", "SP": "Spleen", "HT": "Heart",
    "SI": "Small Intestine", "BL": "Bladder", "KI": "Kidney", "PC": "Pericardium",
    "TE": "Triple Energizer", "GB": "Gallbladder", "LR": "Liver",
}

# The five shu points of each primary channel: well, spring, stream, river, sea.
_FIVE_SHU_NUMBERS = {
    "LU": (11, 10, 9, 8, 5), "LI": (1, 2, 3, 5, 11), "ST": (45, 44, 43, 41, 36),
    "SP": (1, 2, 3, 5, 9), "HT": (9, 8, 7, 4, 3), "SI": (1, 2, 3, 5, 8),
    "BL": (67, 66, 65, 60, 40), "KI": (1, 2, 3, 7, 10), "PC": (9, 8, 7, 5, 3),
    "TE": (1, 2, 3, 6, 10), "GB": (44, 43, 41, 38, 34), "LR": (1, 2, 3, 4, 8),
}


def _five_shu() -> dict[str, dict[str, str]]:
    members: dict[str, dict[str, str]] = {kind: {} for kind in FIVE_SHU}
    for channel, numbers in _FIVE_SHU_NUMBERS.items():
        phases = YIN_PHASES if channel in YIN_CHANNELS else YANG_PHASES
        for kind, number in zip(FIVE_SHU, numbers, strict=True):
            members[kind][f"{channel}-{number}"] = phases[kind]
    return members


def _by_channel(numbers: dict[str, int]) -> dict[str, str]:
    return {f"{channel}-{number}": _CHANNEL_NAMES[channel] for channel, number in numbers.items()}


# category -> {code: qualifier}; the qualifier is the `of` (or, for the five shu, the `phase`)
# value, "" for categories without one.
STANDARD_MEMBERS: dict[str, dict[str, str]] = {
    **_five_shu(),
    "yuan-source": _by_channel({
        "LU": 9, "LI": 4, "ST": 42, "SP": 3, "HT": 7, "SI": 4,
        "BL": 64, "KI": 3, "PC": 7, "TE": 4, "GB": 40, "LR": 3,
    }),
    "luo-connecting": {
        **_by_channel({
            "LU": 7, "LI": 6, "ST": 40, "SP": 4, "HT": 5, "SI": 7,
            "BL": 58, "KI": 4, "PC": 6, "TE": 5, "GB": 37, "LR": 5,
        }),
        "CV-15": "Ren", "GV-1": "Du", "SP-21": "Great Luo of the Spleen",
    },
    "xi-cleft": {
        **_by_channel({
            "LU": 6, "LI": 7, "ST": 34, "SP": 8, "HT": 6, "SI": 6,
            "BL": 63, "KI": 5, "PC": 4, "TE": 7, "GB": 36, "LR": 6,
        }),
        "KI-8": "Yin Qiao", "BL-59": "Yang Qiao", "KI-9": "Yin Wei", "GB-35": "Yang Wei",
    },
    "back-shu": {
        "BL-13": "Lung", "BL-14": "Pericardium", "BL-15": "Heart", "BL-18": "Liver",
        "BL-19": "Gallbladder", "BL-20": "Spleen", "BL-21": "Stomach",
        "BL-22": "Triple Energizer", "BL-23": "Kidney", "BL-25": "Large Intestine",
        "BL-27": "Small Intestine", "BL-28": "Bladder",
    },
    "front-mu": {
        "LU-1": "Lung", "CV-17": "Pericardium", "CV-14": "Heart", "LR-14": "Liver",
        "GB-24": "Gallbladder", "LR-13": "Spleen", "CV-12": "Stomach",
        "CV-5": "Triple Energizer", "GB-25": "Kidney", "ST-25": "Large Intestine",
        "CV-4": "Small Intestine", "CV-3": "Bladder",
    },
    "hui-meeting": {
        "LR-13": "Zang", "CV-12": "Fu", "CV-17": "Qi", "BL-17": "Blood",
        "GB-34": "Sinews", "LU-9": "Vessels", "BL-11": "Bone", "GB-39": "Marrow",
    },
    "confluent": {
        "SP-4": "Chong", "PC-6": "Yin Wei", "SI-3": "Du", "BL-62": "Yang Qiao",
        "GB-41": "Dai", "TE-5": "Yang Wei", "LU-7": "Ren", "KI-6": "Yin Qiao",
    },
    "lower-he-sea": {
        "ST-36": "Stomach", "ST-37": "Large Intestine", "ST-39": "Small Intestine",
        "BL-39": "Triple Energizer", "BL-40": "Bladder", "GB-34": "Gallbladder",
    },
    "window-of-heaven": dict.fromkeys(
        ("ST-9", "LI-18", "TE-16", "BL-10", "LU-3", "SI-16", "SI-17", "GV-16", "CV-22", "PC-1"),
        "",
    ),
    "command": {
        "ST-36": "Abdomen", "BL-40": "Back", "LU-7": "Head and Neck",
        "LI-4": "Face and Mouth", "PC-6": "Chest", "GV-26": "Resuscitation",
    },
    "heavenly-star": dict.fromkeys(
        ("ST-36", "ST-44", "LI-11", "LI-4", "BL-40", "BL-57",
         "BL-60", "GB-30", "GB-34", "HT-5", "LU-7", "LR-3"),
        "",
    ),
    "ghost": dict.fromkeys(
        ("GV-26", "LU-11", "SP-1", "PC-7", "BL-62", "GV-16", "ST-6",
         "CV-24", "PC-8", "GV-23", "CV-1", "LI-11", "EX-HN11"),
        "",
    ),
    "entry": _by_channel({
        "LU": 1, "LI": 4, "ST": 1, "SP": 1, "HT": 1, "SI": 1,
        "BL": 1, "KI": 1, "PC": 1, "TE": 1, "GB": 1, "LR": 1,
    }),
    "exit": _by_channel({
        "LU": 7, "LI": 20, "ST": 42, "SP": 21, "HT": 9, "SI": 19,
        "BL": 67, "KI": 22, "PC": 8, "TE": 22, "GB": 41, "LR": 14,
    }),
    # The five points the classics forbid by name. Points of the lower abdomen and the sacrum are
    # avoided too; their records say so in their cautions.
    "pregnancy-caution": dict.fromkeys(("LI-4", "SP-6", "BL-60", "BL-67", "GB-21"), ""),
}

# The counts students are taught, stated independently of the tables above so a slip in either
# shows up as a mismatch in the tests.
STANDARD_COUNTS: dict[str, int] = {
    "jing-well": 12, "ying-spring": 12, "shu-stream": 12, "jing-river": 12, "he-sea": 12,
    "yuan-source": 12, "luo-connecting": 15, "xi-cleft": 16, "back-shu": 12, "front-mu": 12,
    "hui-meeting": 8, "confluent": 8, "lower-he-sea": 6, "window-of-heaven": 10, "command": 6,
    "heavenly-star": 12, "ghost": 13, "entry": 12, "exit": 12, "pregnancy-caution": 5,
}


def qualifier_of(category: str, of: str | None, phase: str | None) -> str:
    """The value that identifies a membership in STANDARD_MEMBERS."""
    return (phase if KINDS[category].needs == "phase" else of) or ""


def describe(category: str, qualifier: str) -> str:
    """A plain-words label: 'xi-cleft point of the Yin Qiao vessel', 'he-sea point (water)'."""
    kind = KINDS[category]
    if not qualifier:
        return kind.member_title
    if kind.needs == "phase":
        return f"{kind.member_title} ({qualifier})"
    if category == "hui-meeting":
        return f"hui-meeting point of the {qualifier}"
    if category == "command":
        return f"command point of the {qualifier.lower()}" if qualifier != "Resuscitation" \
            else "command point for resuscitation"
    if category in ("confluent",) or qualifier in ("Yin Qiao", "Yang Qiao", "Yin Wei", "Yang Wei"):
        return f"{kind.member_title} of the {qualifier} vessel"
    if qualifier in ("Ren", "Du"):
        return f"{kind.member_title} of the {qualifier} vessel"
    if qualifier == "Great Luo of the Spleen":
        return "great luo-connecting point of the Spleen"
    if category in ("back-shu", "front-mu", "lower-he-sea"):
        return f"{kind.member_title} of the {qualifier}"
    return f"{kind.member_title} of the {qualifier} channel"
