"""A location shown as a question ("Which point is here?") never names the point it asks about,
even though the locations, written as a teacher speaks, say "KI-8 is the hollow ..."."""

from __future__ import annotations

from studyapp.core.content.deck_files import PointRecord as Point
from studyapp.core.content.point_names import mask_names
from studyapp.core.quizzes.questions import gives_away
from tests.conftest import bundled_points


def test_no_bundled_location_gives_its_point_away_once_masked() -> None:
    points: list[Point] = list(bundled_points().values())
    named = [p.code for p in points if gives_away(p.location, p)]
    assert named, "the decks' locations do name their points: this test must mask something"
    assert [p.code for p in points if gives_away(p.nameless_location, p)] == []


def test_mask_names_replaces_every_name_and_keeps_the_rest() -> None:
    text = "Start at KI-7. KI-8 (Jiāoxìn, 交信, Exchange Belief, or jiao xin) lies 0.5 cun in front; ki 8 is there."
    masked = mask_names(text, codes=("KI-8", "K-8"), hanzi=("交信",), pinyin="Jiāoxìn", english="Exchange Belief")
    assert masked == ("Start at KI-7. This point (this point, this point, this point, or this point) lies 0.5 cun "
                      "in front; this point is there.")


def test_mask_names_leaves_other_points_alone() -> None:
    assert mask_names("KI-18 and KI-81 lie elsewhere", codes=("KI-8",), hanzi=(), pinyin="Jiāoxìn",
                      english="Exchange Belief") == "KI-18 and KI-81 lie elsewhere"
