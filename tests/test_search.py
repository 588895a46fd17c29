"""Search ranking (pure): every way of naming a point, slips, words of locations and functions."""

from __future__ import annotations

import pytest

from studyapp.core.content.deck_files import PointRecord as Point
from studyapp.core.quizzes.search import SearchIndex, Tier, excerpt, filter_hits, words
from tests.conftest import bundled_points

POINTS: dict[str, Point] = bundled_points()


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex.build(POINTS.values())


def codes(index: SearchIndex, query: str) -> list[str]:
    return [hit.point.code for hit in index.search(query)]


@pytest.mark.parametrize(("query", "code"), [
    ("KI-8", "KI-8"), ("KI8", "KI-8"), ("ki 8", "KI-8"), ("k 8", "KI-8"), ("K8", "KI-8"), ("KID-8", "KI-8"),
    ("SJ5", "TE-5"), ("sj 5", "TE-5"), ("DU20", "GV-20"), ("exhn3", "EX-HN3"), ("M-HN-3", "EX-HN3"),
    ("jiaoxin", "KI-8"), ("Jiāoxìn", "KI-8"), ("jiao xin", "KI-8"), ("JIAOXIN", "KI-8"),
    ("交信", "KI-8"), ("外關", "TE-5"), ("外关", "TE-5"), ("攒竹", "BL-2"), ("攢竹", "BL-2"), ("太谿", "KI-3"),
    ("Exchange Belief", "KI-8"), ("exchange belief", "KI-8"), ("Outer Pass", "TE-5"),
])
def test_every_form_of_a_name_finds_the_point_first(index: SearchIndex, query: str, code: str) -> None:
    hits = index.search(query)
    assert hits, query
    assert hits[0].point.code == code
    assert hits[0].tier is Tier.EXACT


def test_simplified_hanzi_where_it_differs(index: SearchIndex) -> None:
    bl2 = POINTS["BL-2"]
    assert bl2.hanzi != bl2.hanzi_simplified
    assert codes(index, bl2.hanzi_simplified)[0] == "BL-2"
    assert codes(index, bl2.hanzi)[0] == "BL-2"


def test_a_code_finds_only_that_point_then_the_points_whose_location_names_it(index: SearchIndex) -> None:
    hits = index.search("KI7")
    assert hits[0].point.code == "KI-7" and hits[0].tier is Tier.EXACT
    assert "KI-8" in [hit.point.code for hit in hits[1:]]  # "0.5 cun in front of KI-7"
    assert all(hit.tier is Tier.TEXT for hit in hits[1:])
    ki8 = next(hit for hit in hits if hit.point.code == "KI-8")
    assert ("KI-7", True) in ki8.excerpt


@pytest.mark.parametrize(("query", "code", "name"), [
    ("jiaoxn", "KI-8", "Jiāoxìn"), ("jiaoxni", "KI-8", "Jiāoxìn"), ("yongqaun", "KI-1", "Yǒngquán"),
    ("Gushing Sprng", "KI-1", "Gushing Spring"),
])
def test_a_slip_in_a_name_finds_the_point(index: SearchIndex, query: str, code: str, name: str) -> None:
    hits = index.search(query)
    assert hits[0].point.code == code
    assert hits[0].tier is Tier.NEAR
    assert name in hits[0].why


def test_exact_hits_come_before_near_misses_before_text(index: SearchIndex) -> None:
    hits = index.search("jiaoxin")
    assert hits[0].point.code == "KI-8" and hits[0].tier is Tier.EXACT
    tiers = [hit.tier for hit in index.search("malleolus")]
    assert tiers == sorted(tiers)
    assert Tier.NEAR in tiers and Tier.TEXT in tiers  # "Tip of the Medial Malleolus" is a name


def test_a_location_word_finds_the_points_located_by_it(index: SearchIndex) -> None:
    found = codes(index, "malleolus")
    assert {"KI-8", "KI-7", "KI-3", "SP-6", "BL-60"} <= set(found)
    assert all("malleol" in (POINTS[c].location + POINTS[c].english + POINTS[c].location_alternative).lower()
               for c in found)
    ki8 = next(hit for hit in index.search("malleolus") if hit.point.code == "KI-8")
    assert ki8.why == "in the location"
    assert ("malleolus", True) in ki8.excerpt


def test_a_typo_in_a_location_word_still_finds_it(index: SearchIndex) -> None:
    assert set(codes(index, "maleolus")) >= {"KI-8", "SP-6"}


def test_several_words_must_all_match(index: SearchIndex) -> None:
    both = set(codes(index, "medial malleolus"))
    assert "KI-8" in both and "SP-6" in both
    assert "BL-60" not in both  # lateral malleolus


def test_a_function_word_finds_the_points_with_that_function(index: SearchIndex) -> None:
    hits = index.search("menses")
    found = [hit.point.code for hit in hits]
    assert "KI-8" in found  # "Regulates the Chong and Ren vessels and the menses"
    ki8 = hits[found.index("KI-8")]
    assert ki8.tier is Tier.TEXT and ki8.why == "in the functions" and ki8.field == "functions"
    assert all(any("menses" in f.lower() for f in POINTS[code].functions) or
               "menses" in POINTS[code].location.lower() for code in found)


def test_a_word_begins_longer_words(index: SearchIndex) -> None:
    assert "KI-3" in codes(index, "tonifies kidney")  # "Tonifies the Kidneys"


def test_a_real_word_is_not_read_as_a_slip_on_a_name(index: SearchIndex) -> None:
    hits = index.search("sweating")
    assert hits and all(hit.tier is Tier.TEXT for hit in hits)


def test_partial_names_and_channels(index: SearchIndex) -> None:
    assert codes(index, "taix")[0] == "KI-3"
    assert "KI-1" in codes(index, "spring")  # Gushing Spring
    assert "KI-3" in codes(index, "溪")  # part of 太溪
    kidney = codes(index, "KI")
    assert kidney[:27] == [c for c in POINTS if c.startswith("KI-")]
    assert codes(index, "SJ")[:23] == [c for c in POINTS if c.startswith("TE-")]


@pytest.mark.parametrize("query", ["", "   ", "the", "of the", "zzzzqqq", "KI-99"])
def test_nothing_to_find(index: SearchIndex, query: str) -> None:
    assert index.search(query) == []


def test_a_very_long_query_is_cut_short_not_slow(index: SearchIndex) -> None:
    assert index.search("malleolus " * 200) is not None


def test_filters_by_channel_and_category(index: SearchIndex) -> None:
    kidney = filter_hits(index.all(), channel="KI")
    assert [h.point.code for h in kidney] == [c for c in POINTS if c.startswith("KI-")]
    xi_cleft = filter_hits(index.all(), category="xi-cleft")
    assert "KI-8" in [h.point.code for h in xi_cleft]
    assert all(any(c.category == "xi-cleft" for c in h.point.categories) for h in xi_cleft)
    both = filter_hits(index.search("malleolus"), channel="KI", category="xi-cleft")
    expected = [p.code for p in POINTS.values() if p.channel == "KI" and "malleolus" in p.location
                and any(c.category == "xi-cleft" for c in p.categories)]
    assert "KI-8" in expected
    assert sorted(h.point.code for h in both) == sorted(expected)
    extra = filter_hits(index.all(), channel="EX")
    assert extra and all(h.point.code.startswith("EX-") for h in extra)


def test_browsing_lists_every_point_in_channel_order(index: SearchIndex) -> None:
    listed = [hit.point.code for hit in index.all()]
    assert listed[0] == "LU-1" and len(listed) == len(POINTS) and "EX-HN3" in listed


def test_excerpt_is_short_cut_at_words_and_marks_the_match() -> None:
    text = ("On the medial side of the lower leg, 2 cun above the prominence of the medial malleolus, "
            "in the depression just behind the medial border of the tibia; 0.5 cun in front of KI-7.")
    pieces = excerpt(text, ["tibia"], width=60)
    shown = "".join(piece for piece, _ in pieces)
    assert pieces[0] == ("…", False)
    assert ("tibia", True) in pieces
    assert len(shown) <= 70
    assert excerpt("Jiāoxìn is here", ["jiaoxin"]) == (("Jiāoxìn", True), (" is here", False))
    assert words("Tài Xī, KI-3") == ["tai", "xi", "ki", "3"]
