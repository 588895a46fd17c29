"""Rewording a location keeps its facts: the cun, proportions, points, levels and landmarks that the
text stated before the locations were rewritten in our own words (tests/data/location-baseline.json,
taken from the decks before the rewrite) are all still stated."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from studyapp.core.content.location_facts import compare, location_facts

DATA = Path(__file__).parent / "data"
DECKS = Path(__file__).parent.parent / "decks"
BASELINE: dict[str, dict[str, str]] = json.loads((DATA / "location-baseline.json").read_text(encoding="utf-8"))
# A fact the old text got wrong is corrected here, with the reason, instead of being kept.
CORRECTIONS: dict[str, str] = tomllib.loads((DATA / "location-corrections.toml").read_text(encoding="utf-8"))


def _current() -> dict[str, dict[str, str]]:
    points = {}
    for path in sorted(DECKS.glob("*.toml")):
        for point in tomllib.loads(path.read_text(encoding="utf-8")).get("points", []):
            points[point["code"]] = point
    return points


CURRENT = _current()


def test_every_point_has_a_baseline() -> None:
    assert sorted(CURRENT) == sorted(BASELINE)


@pytest.mark.parametrize("code", sorted(BASELINE))
def test_rewritten_location_keeps_its_facts(code: str) -> None:
    problems = []
    for field in ("location", "location_alternative"):
        before = BASELINE[code].get(field, "")
        after = CURRENT[code].get(field, "")
        assert bool(before) == bool(after), f"{code}: {field} appeared or vanished"
        problems += [f"{field}: {problem}" for problem in compare(location_facts(before), location_facts(after))]
    if code in CORRECTIONS:  # the old text was wrong: the new one must really differ from it
        assert problems, f"{code} is listed as corrected ({CORRECTIONS[code]}) but states the same facts"
    else:
        assert not problems, f"{code}: " + "; ".join(problems)


def test_corrections_name_real_points_and_say_why() -> None:
    for code, reason in CORRECTIONS.items():
        assert code in BASELINE
        assert len(reason.split()) >= 5, f"{code}: say what was wrong and which source corrects it"


def test_facts_survive_a_rewording() -> None:
    before = location_facts(
        "On the medial aspect of the lower leg, 2 cun above the prominence of the medial malleolus, "
        "0.5 cun anterior to KI-7, posterior to the medial border of the tibia.")
    after = location_facts(
        "Find the medial malleolus at its prominence and go up 2 cun. KI-8 sits 0.5 cun in front of KI-7 "
        "(anterior, towards the medial border of the tibia).")
    assert compare(before, after) == []


@pytest.mark.parametrize(("before", "after", "lost"), [
    ("2 cun above the medial malleolus", "3 cun above the medial malleolus", "measurements"),
    ("2 cun above the medial malleolus", "2 cun above the lateral malleolus", "medial malleolus"),
    ("1.5 cun lateral to the posterior median line, level with T5",
     "1.5 cun beside the posterior midline, level with T6", "T5"),
    ("1 cun below KI-3", "1 cun below KI-6", "KI-3"),
    ("at the junction of the upper third and lower two thirds", "halfway along the line", "proportions"),
    ("between the first and second metatarsal bones", "between the second and third metatarsal bones",
     "metatarsal 1"),
    ("in the 4th intercostal space", "in the fifth intercostal space", "intercostal 4"),
])
def test_a_changed_fact_is_caught(before: str, after: str, lost: str) -> None:
    problems = compare(location_facts(before), location_facts(after))
    assert any(lost in problem for problem in problems), problems


def test_synonyms_are_the_same_landmark() -> None:
    assert location_facts("beside the navel").landmarks == location_facts("beside the umbilicus").landmarks
    assert (location_facts("1.5 cun lateral to the posterior median line").landmarks
            == location_facts("1.5 cun out from the midline of the back").landmarks)
    assert location_facts("one finger-breadth").cun == location_facts("1 finger breadth").cun


def test_an_ordinal_that_counts_is_not_a_proportion() -> None:
    assert location_facts("below the third thoracic vertebra (T3)").shares == frozenset()
    assert location_facts("between the second and third toes").shares == frozenset()
    assert location_facts("proximal to the fifth metacarpophalangeal joint").shares == frozenset()
    assert location_facts("the upper third and lower two thirds of the line").shares == {"1/3"}


def test_a_finger_is_a_measure_only_as_a_breadth() -> None:
    assert location_facts("run a finger up the midline").cun == frozenset()
    assert location_facts("about one finger-breadth lateral to the crest").cun == {"1 finger"}
