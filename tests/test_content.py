"""The bundled content: every standard point, the extra points, and complete category tables."""

from __future__ import annotations

import csv
from collections import Counter, defaultdict

import pytest

from studyapp.core.content.categories import STANDARD_COUNTS, STANDARD_MEMBERS
from studyapp.core.content.codes import CHANNELS, EXTRA_REGIONS
from studyapp.core.content.codes import STANDARD_COUNTS as CHANNEL_COUNTS
from studyapp.core.content.deck_files import Bundle, load_bundle
from studyapp.core.content.deck_files import PointRecord as Point
from studyapp.core.content.point_names import plain_pinyin
from tests.conftest import DECKS_DIR, PROJECT_ROOT

EXTRA_POINTS = PROJECT_ROOT / "tests" / "data" / "extra-points.tsv"
# Where the WHO standard gives a second location for a point.
ALTERNATIVE_LOCATIONS = {"LI-19", "LI-20", "PC-8", "PC-9", "GB-30", "GV-26"}


@pytest.fixture(scope="module")
def bundle() -> Bundle:
    return load_bundle([DECKS_DIR])


@pytest.fixture(scope="module")
def points(bundle: Bundle) -> dict[str, Point]:
    return {point.code: point for point in bundle.points}


def test_every_channel_has_its_standard_points_in_its_own_deck(bundle: Bundle) -> None:
    channel_decks = {deck.channel: deck for deck in bundle.decks if deck.kind == "channel"}
    assert set(channel_decks) == set(CHANNELS)
    for channel, deck in channel_decks.items():
        expected = [f"{channel}-{n}" for n in range(1, CHANNEL_COUNTS[channel] + 1)]
        assert [p.code for p in deck.points] == expected
    assert sum(CHANNEL_COUNTS.values()) == 361


def test_the_48_extra_points_match_their_names(bundle: Bundle) -> None:
    extras = [p for deck in bundle.decks if deck.kind == "extra" for p in deck.points]
    expected = [f"EX-{region}{n}" for region, count in EXTRA_REGIONS.items() for n in range(1, count + 1)]
    assert [p.code for p in extras] == expected and len(extras) == 48
    with EXTRA_POINTS.open(encoding="utf-8", newline="") as handle:
        rows = {row["code"]: row for row in csv.DictReader(handle, delimiter="\t")}
    for point in extras:
        row = rows[point.code]
        assert plain_pinyin(point.pinyin) == plain_pinyin(row["pinyin"]), point.code
        assert row["hanzi"] in {point.hanzi, point.hanzi_simplified, *point.hanzi_variants}, point.code


def test_bundle_serves_409_points_with_unique_codes_and_aliases(bundle: Bundle) -> None:
    codes = [p.code for p in bundle.points]
    assert len(codes) == len(set(codes)) == 409
    aliases = Counter(alias for p in bundle.points for alias in p.all_aliases)
    assert [alias for alias, n in aliases.items() if n > 1] == []
    assert not set(aliases) & set(codes)


def test_every_category_has_exactly_its_standard_members(bundle: Bundle) -> None:
    actual: dict[str, dict[str, str]] = defaultdict(dict)
    for point in bundle.points:
        for category in point.categories:
            actual[category.category][point.code] = category.qualifier
    assert dict(actual) == STANDARD_MEMBERS
    sizes = {name: len(members) for name, members in actual.items()}
    assert sizes == STANDARD_COUNTS
    assert (sizes["yuan-source"], sizes["luo-connecting"], sizes["xi-cleft"]) == (12, 15, 16)


@pytest.mark.parametrize(("code", "label"), [
    ("KI-8", "xi-cleft point of the Yin Qiao vessel"),
    ("SP-21", "great luo-connecting point of the Spleen"),
    ("BL-17", "hui-meeting point of the Blood"),
    ("PC-6", "confluent point of the Yin Wei vessel"),
    ("ST-37", "lower he-sea point of the Large Intestine"),
    ("GV-26", "command point for resuscitation"),
])
def test_category_labels_read_as_students_say_them(points: dict[str, Point], code: str, label: str) -> None:
    assert label in [c.label_for(code) for c in points[code].categories]


def test_five_shu_phases_follow_yin_and_yang_channels(points: dict[str, Point]) -> None:
    assert [c.label_for("LU-11") for c in points["LU-11"].categories if c.category == "jing-well"] == [
        "jing-well point (wood) of the Lung channel"]
    assert [c.phase for c in points["LI-1"].categories if c.category == "jing-well"] == ["metal"]
    assert [c.phase for c in points["KI-10"].categories if c.category == "he-sea"] == ["water"]
    assert [c.phase for c in points["ST-36"].categories if c.category == "he-sea"] == ["earth"]


def test_alternative_locations_where_who_gives_them(points: dict[str, Point]) -> None:
    with_alternative = {code for code, p in points.items() if p.location_alternative}
    assert with_alternative == ALTERNATIVE_LOCATIONS


def test_pregnancy_points_carry_a_pregnancy_caution(points: dict[str, Point]) -> None:
    forbidden = {code for code, p in points.items() if any(c.category == "pregnancy-caution" for c in p.categories)}
    assert forbidden == {"LI-4", "SP-6", "BL-60", "BL-67", "GB-21"}
    # The classical five, and the lower abdomen (CV-3 to CV-7) and sacrum (BL-31 to BL-34).
    for code in sorted(forbidden | {f"CV-{n}" for n in range(3, 8)} | {f"BL-{n}" for n in range(31, 35)}):
        assert any("pregnan" in caution.lower() for caution in points[code].cautions), code


# Points over the lung (chest wall, supraclavicular fossa, top of the shoulder, upper back) where
# the standard texts warn that deep needling can cause a pneumothorax.
OVER_THE_LUNG = {
    "LU-1", "LU-2", "LI-16", "ST-11", "ST-12", "ST-13", "ST-14", "ST-15", "ST-16", "ST-18",
    *(f"KI-{n}" for n in range(22, 28)), *(f"SP-{n}" for n in range(17, 22)),
    "GB-21", "GB-22", "GB-23", "GB-24", "LR-14", "PC-1", "HT-1", "SI-12", "SI-13", "SI-14", "SI-15", "TE-15",
    *(f"BL-{n}" for n in range(11, 22)), *(f"BL-{n}" for n in range(41, 51)), "EX-B2", "EX-B3",
}


def test_points_over_the_lung_and_arteries_carry_those_cautions(points: dict[str, Point]) -> None:
    for code in sorted(OVER_THE_LUNG):
        assert any("pneumothorax" in c.lower() for c in points[code].cautions), code
    assert any("arter" in c.lower() for c in points["ST-9"].cautions)
    assert any("eye" in c.lower() for c in points["ST-1"].cautions)


def test_every_point_has_the_depth_of_the_seed_record(bundle: Bundle) -> None:
    for point in bundle.points:
        assert len(point.identification) >= 2, point.code
        assert point.functions and point.indications and point.cautions and point.related, point.code
        assert len(point.technique) > 60 and len(point.location) > 30, point.code


def test_related_points_resolve(bundle: Bundle, points: dict[str, Point]) -> None:
    for point in bundle.points:
        for related in point.related:
            assert related.code in points, (point.code, related.code)
