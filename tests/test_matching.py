"""Judging typed answers: every way of writing a point's name, the near misses, and another point's name."""

from __future__ import annotations

import string
from collections import defaultdict

import pytest
from hypothesis import given
from hypothesis import strategies as st

from studyapp.core.content.deck_files import PointRecord as Point
from studyapp.core.content.point_names import plain_pinyin
from studyapp.core.quizzes.answer_matching import NameIndex, Outcome, Verdict, edit_distance, judge
from tests.conftest import bundled_points

POINTS: dict[str, Point] = bundled_points()


@pytest.fixture(scope="module")
def index() -> NameIndex:
    return NameIndex.build(POINTS.values())


def verdict(typed: str, answer: str, index: NameIndex) -> Verdict:
    return judge(typed, POINTS[answer], index)


@pytest.mark.parametrize(("typed", "code"), [
    ("KI-8", "KI-8"), ("KI8", "KI-8"), ("ki 8", "KI-8"), ("KID-8", "KI-8"), ("K8", "KI-8"), ("KD8", "KI-8"),
    ("kd-08", "KI-8"), ("ＫＩ８", "KI-8"),
    ("TE-5", "TE-5"), ("SJ5", "TE-5"), ("sj-5", "TE-5"), ("TH 5", "TE-5"),
    ("LR-3", "LR-3"), ("LV3", "LR-3"), ("Liv 3", "LR-3"),
    ("GV-20", "GV-20"), ("DU20", "GV-20"), ("du 20", "GV-20"),
    ("CV-12", "CV-12"), ("REN12", "CV-12"), ("Ren-12", "CV-12"),
    ("BL-40", "BL-40"), ("UB40", "BL-40"), ("ub 40", "BL-40"),
    ("EX-HN3", "EX-HN3"), ("exhn3", "EX-HN3"), ("ex-hn 3", "EX-HN3"),
])
def test_every_code_form_names_the_point(typed: str, code: str, index: NameIndex) -> None:
    assert verdict(typed, code, index) == Verdict(Outcome.CORRECT, code)


@pytest.mark.parametrize(("typed", "code"), [
    ("Jiāoxìn", "KI-8"), ("jiaoxin", "KI-8"), ("jiao xin", "KI-8"), ("JIAOXIN", "KI-8"), ("Jiāo xìn", "KI-8"),
    ("jiao1xin4", "KI-8"), ("Wai Guan", "TE-5"), ("taichong", "LR-3"), ("Bǎihuì", "GV-20"), ("zhong wan", "CV-12"),
    ("weizhong", "BL-40"), ("Tai Xi", "KI-3"), ("yintang", "EX-HN3"),
])
def test_pinyin_with_or_without_tones_spaces_and_capitals(typed: str, code: str, index: NameIndex) -> None:
    assert verdict(typed, code, index) == Verdict(Outcome.CORRECT, code)


@pytest.mark.parametrize(("typed", "code"), [
    ("交信", "KI-8"), ("交 信", "KI-8"),
    ("外關", "TE-5"), ("外关", "TE-5"),  # traditional and simplified differ
    ("太衝", "LR-3"), ("太冲", "LR-3"),
    ("百會", "GV-20"), ("百会", "GV-20"),
    ("中脘", "CV-12"), ("委中", "BL-40"), ("印堂", "EX-HN3"),
    ("太溪", "KI-3"), ("太谿", "KI-3"),  # the glyph variant
])
def test_hanzi_traditional_simplified_or_variant(typed: str, code: str, index: NameIndex) -> None:
    assert verdict(typed, code, index) == Verdict(Outcome.CORRECT, code)


@pytest.mark.parametrize(("typed", "code"), [
    ("Exchange Belief", "KI-8"), ("exchange belief", "KI-8"), ("  EXCHANGE   belief! ", "KI-8"),
    ("the exchange belief", "KI-8"), ("Exchange-Belief", "KI-8"), ("outer pass", "TE-5"),
    ("Heavens Pivot", "ST-25"), ("heaven's pivot", "ST-25"),  # the apostrophe is optional
    ("Great", "ST-27"), ("The Great", "ST-27"),  # the record's own name starts with "The"
    ("Yi Xi", "BL-45"),  # "Yi Xi (a cry of pain)": the gloss in parentheses is optional
    ("Hall of Impression", "EX-HN3"),
])
def test_english_name_ignores_case_punctuation_spacing_and_the(typed: str, code: str, index: NameIndex) -> None:
    assert verdict(typed, code, index) == Verdict(Outcome.CORRECT, code)


@pytest.mark.parametrize("typed", ["M-HN-3", "m hn 3", "MHN3"])
def test_book_aliases_name_the_point(typed: str, index: NameIndex) -> None:
    assert "M-HN-3" in POINTS["EX-HN3"].aliases
    assert verdict(typed, "EX-HN3", index) == Verdict(Outcome.CORRECT, "EX-HN3")


@pytest.mark.parametrize(("typed", "code", "suggestion"), [
    ("jiaoxn", "KI-8", "Jiāoxìn"),  # a letter left out
    ("jiaoxni", "KI-8", "Jiāoxìn"),  # two letters swapped
    ("jiao xim", "KI-8", "Jiāoxìn"),
    ("taxi", "KI-3", "Tàixī"),  # five letters: one slip allowed
    ("bahiu", "GV-20", "Bǎihuì"),  # six letters: two slips allowed
    ("Exchange Belif", "KI-8", "Exchange Belief"),
    ("the outer pas", "TE-5", "Outer Pass"),
])
def test_close_misspelling_of_the_answer_is_almost(typed: str, code: str, suggestion: str, index: NameIndex) -> None:
    assert verdict(typed, code, index) == Verdict(Outcome.ALMOST, code, suggestion)


@pytest.mark.parametrize(("typed", "code"), [
    ("tixa", "KI-3"),  # two slips in a five-letter name
    ("jxn", "KI-8"),
    ("Exchange", "KI-8"),
])
def test_too_far_from_any_name_is_unknown(typed: str, code: str, index: NameIndex) -> None:
    assert verdict(typed, code, index) == Verdict(Outcome.UNKNOWN)


def test_a_slip_nearer_another_point_is_not_almost(index: NameIndex) -> None:
    # "feyang" is two slips from Wěiyáng (BL-39) but one from Fēiyáng (BL-58): not a near miss on BL-39.
    assert edit_distance("feyang", "weiyang") == 2
    assert "BL-58" in index.one_slip_from("feyang")
    assert verdict("feyang", "BL-39", index) == Verdict(Outcome.UNKNOWN)
    assert verdict("feyang", "BL-58", index) == Verdict(Outcome.ALMOST, "BL-58", "Fēiyáng")


@pytest.mark.parametrize("typed", ["KI-7", "K7", "Fuliu", "Fùliū", "復溜", "复溜", "Returning Current"])
def test_another_points_name_is_wrong_and_names_it(typed: str, index: NameIndex) -> None:
    assert verdict(typed, "KI-8", index) == Verdict(Outcome.WRONG, "KI-7")


def test_another_points_exact_name_is_wrong_even_one_slip_from_the_answer(index: NameIndex) -> None:
    assert edit_distance(plain_pinyin(POINTS["ST-23"].pinyin), plain_pinyin(POINTS["KI-3"].pinyin)) == 1
    assert verdict("taiyi", "KI-3", index) == Verdict(Outcome.WRONG, "ST-23")


def test_shared_pinyin_is_correct_for_every_point_that_bears_it(index: NameIndex) -> None:
    owners: defaultdict[str, list[str]] = defaultdict(list)
    for point in POINTS.values():
        owners[plain_pinyin(point.pinyin)].append(point.code)
    shared = {name: codes for name, codes in owners.items() if len(codes) > 1}
    assert {"yinjiao", "erjian", "zhongdu", "futu"} <= set(shared)
    for name, codes in shared.items():
        for code in codes:
            assert verdict(name, code, index) == Verdict(Outcome.CORRECT, code)


@pytest.mark.parametrize(("typed", "first"), [("yinjiao", "GV-28"), ("Erjian", "LI-2"), ("spirit path", "HT-4")])
def test_a_name_shared_by_other_points_is_wrong_naming_the_first_in_channel_order(
    typed: str, first: str, index: NameIndex,
) -> None:
    assert verdict(typed, "KI-8", index) == Verdict(Outcome.WRONG, first)


def test_lookup_lists_every_point_a_name_belongs_to(index: NameIndex) -> None:
    assert index.lookup("Yīnjiāo") == ["GV-28", "CV-7"]
    assert index.lookup("erjian") == ["LI-2", "EX-HN6"]
    assert index.lookup("Spirit Path") == ["HT-4", "GV-11"]
    assert index.lookup("SJ5") == ["TE-5"]
    assert index.lookup("blah") == []


@pytest.mark.parametrize("typed", ["asdfgh", "KI-99", "XX-1", "???", "12", "ZZ 3", "猫"])
def test_text_that_names_no_point_is_unknown(typed: str, index: NameIndex) -> None:
    assert verdict(typed, "KI-8", index) == Verdict(Outcome.UNKNOWN)


@pytest.mark.parametrize("typed", ["", "   ", "\t\n", "\u3000"])
def test_nothing_typed_is_empty_not_wrong(typed: str, index: NameIndex) -> None:
    assert verdict(typed, "KI-8", index) == Verdict(Outcome.EMPTY)


def test_every_bundled_point_is_correct_by_each_of_its_names(index: NameIndex) -> None:
    assert len(POINTS) == 409
    for point in POINTS.values():
        names = {
            point.code, point.pinyin, plain_pinyin(point.pinyin), point.hanzi, point.hanzi_simplified,
            *point.hanzi_variants, point.english, *point.all_aliases,
        }
        for name in names:
            assert judge(name, point, index) == Verdict(Outcome.CORRECT, point.code), (point.code, name)


@st.composite
def respelled_pinyin(draw: st.DrawFn) -> tuple[Point, str]:
    """A point and its pinyin as a student might type it: tones kept or not, any capitals, spaces anywhere."""
    point = draw(st.sampled_from(list(POINTS.values())))
    letters = point.pinyin if draw(st.booleans()) else plain_pinyin(point.pinyin)
    typed = "".join(
        (ch.upper() if draw(st.booleans()) else ch.lower()) + (" " if draw(st.booleans()) else "")
        for ch in letters
    )
    return point, typed


@given(respelled_pinyin())
def test_pinyin_respelled_any_way_is_correct(index: NameIndex, case: tuple[Point, str]) -> None:
    point, typed = case
    assert judge(typed, point, index) == Verdict(Outcome.CORRECT, point.code)


@st.composite
def one_slip(draw: st.DrawFn) -> tuple[Point, str]:
    """A point and its plain pinyin with one letter dropped, added, changed, or two neighbours swapped."""
    point = draw(st.sampled_from(list(POINTS.values())))
    name = plain_pinyin(point.pinyin)
    where = draw(st.integers(0, len(name) - 2))
    letter = draw(st.sampled_from(string.ascii_lowercase))
    slip = draw(st.sampled_from(["drop", "add", "change", "swap"]))
    typed = {
        "drop": name[:where] + name[where + 1:],
        "add": name[:where] + letter + name[where:],
        "change": name[:where] + letter + name[where + 1:],
        "swap": name[:where] + name[where + 1] + name[where] + name[where + 2:],
    }[slip]
    return point, typed


@given(one_slip())
def test_one_slip_in_the_pinyin_is_almost_unless_it_spells_a_name(index: NameIndex, case: tuple[Point, str]) -> None:
    point, typed = case
    result = judge(typed, point, index)
    named = index.lookup(typed)
    if point.code in named:  # the "slip" changed nothing, or spelt a name this point shares
        assert result == Verdict(Outcome.CORRECT, point.code)
    elif named:
        assert result == Verdict(Outcome.WRONG, named[0])
    else:
        assert result == Verdict(Outcome.ALMOST, point.code, point.pinyin)


@given(st.sampled_from(sorted(POINTS)), st.text(max_size=40))
def test_any_text_gets_a_consistent_verdict(index: NameIndex, code: str, typed: str) -> None:
    result = verdict(typed, code, index)
    assert (result.outcome is Outcome.EMPTY) == (typed.strip() == "")
    if result.outcome in (Outcome.CORRECT, Outcome.ALMOST):
        assert result.named_code == code
    elif result.outcome is Outcome.WRONG:
        assert result.named_code != code
        assert result.named_code == index.lookup(typed)[0]
    else:
        assert result.named_code is None
    assert (result.suggestion is not None) == (result.outcome is Outcome.ALMOST)


@pytest.mark.parametrize(("a", "b", "distance"), [
    ("", "", 0), ("jiaoxin", "jiaoxin", 0), ("", "abc", 3), ("jiaoxn", "jiaoxin", 1), ("jiaoxni", "jiaoxin", 1),
    ("jiaoxim", "jiaoxin", 1), ("ca", "abc", 3),  # optimal string alignment: no edits inside a swapped pair
    ("kitten", "sitting", 3),
])
def test_edit_distance_examples(a: str, b: str, distance: int) -> None:
    assert edit_distance(a, b) == distance


@given(st.text("abcde", max_size=8), st.text("abcde", max_size=8))
def test_edit_distance_is_a_symmetric_bounded_count_of_edits(a: str, b: str) -> None:
    distance = edit_distance(a, b)
    assert distance == edit_distance(b, a)
    assert (distance == 0) == (a == b)
    assert abs(len(a) - len(b)) <= distance <= max(len(a), len(b))
