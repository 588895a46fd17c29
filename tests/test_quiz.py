"""Location quizzes: hard wrong choices drawn from the records, reproducible from a seed, graded from outcomes."""

from __future__ import annotations

import itertools
import os
import random
import re
import subprocess
import sys
from collections.abc import Callable, Iterator

import pytest

from studyapp.core.body.charts import Charts
from studyapp.core.content.categories import KINDS
from studyapp.core.content.codes import normalize_code
from studyapp.core.content.deck_files import REGIONS, load_bundle
from studyapp.core.content.deck_files import PointRecord as Point
from studyapp.core.content.point_names import plain_pinyin, strip_tones
from studyapp.core.quizzes import questions as quiz
from studyapp.core.quizzes.questions import (
    GradeTimes,
    Question,
    make_question,
    pick_question,
    quiz_grade,
    relation_prompts,
)
from tests.conftest import DECKS_DIR, PROJECT_ROOT

BUNDLE = load_bundle([DECKS_DIR])
POINTS: list[Point] = BUNDLE.points
BY_CODE: dict[str, Point] = {p.code: p for p in POINTS}
ALL_RELATIONS = [relation for point in POINTS for relation in relation_prompts(point, POINTS)]
CHARTS = Charts.build({p.code: p.position for p in POINTS})


def kinds(point: Point) -> set[str]:
    return {c.category for c in point.categories}


def shares_something(answer: Point, other: Point) -> bool:
    """The issue's rule for a fair wrong choice: same region, same channel or a common category."""
    return other.region == answer.region or other.channel == answer.channel or bool(kinds(other) & kinds(answer))


def problems_with(question: Question, choices: int) -> Iterator[str]:
    """Everything wrong with one question, as readable lines (empty when it is well formed)."""
    where = f"{question.kind} {question.answer_code}"
    codes = [c.code for c in question.choices]
    texts = [c.text for c in question.choices]
    if len(codes) != choices:
        yield f"{where}: {len(codes)} choices, wanted {choices}"
    if len(set(codes)) != len(codes) or len(set(texts)) != len(texts):
        yield f"{where}: repeated choices {codes}"
    if codes.count(question.answer_code) != 1:
        yield f"{where}: the answer appears {codes.count(question.answer_code)} times"
    answer = BY_CODE[question.answer_code]
    for choice in question.choices:
        point = BY_CODE[choice.code]
        # a location offered as a choice does not name its own point ("This point is the hollow ...")
        expected = point.nameless_location if question.kind == "where-is" else quiz.name_line(point)
        if choice.text != expected:
            yield f"{where}: {choice.code} shown as {choice.text!r}"
        if choice.code != answer.code and not shares_something(answer, point):
            yield f"{where}: {choice.code} shares no region, channel or category with the answer"


def test_the_bundle_the_quiz_draws_on_is_complete() -> None:
    assert not BUNDLE.problems
    assert len(POINTS) == 409


@pytest.fixture(scope="module")
def every_question() -> list[tuple[Question, quiz.Relation | None]]:
    """Every point as which-point and where-is question and every relation question, with 6 choices
    (the most wrong choices a question can need)."""
    questions: list[tuple[Question, quiz.Relation | None]] = [
        (make_question(kind, point, POINTS, seed=11, choices=6), None)
        for point in POINTS for kind in ("which-point", "where-is")
    ]
    questions += [(quiz.relation_question(r, POINTS, seed=11, choices=6), r) for r in ALL_RELATIONS]
    return questions


def test_every_question_of_every_point_is_well_formed_and_fair(
    every_question: list[tuple[Question, quiz.Relation | None]],
) -> None:
    """Distinct choices, the answer once, every wrong choice sharing region, channel or category with
    the answer. With 6 choices for all 409 points this also shows the fallback to unrelated points is
    never needed."""
    assert len(every_question) == 2 * len(POINTS) + len(ALL_RELATIONS)
    assert [line for question, _ in every_question for line in problems_with(question, 6)] == []


@pytest.mark.parametrize("choices", [4, 5])
def test_fewer_choices_are_just_as_fair(choices: int) -> None:
    problems: list[str] = []
    for point in POINTS[::8]:
        for kind in ("which-point", "where-is"):
            problems += problems_with(make_question(kind, point, POINTS, seed=choices, choices=choices), choices)
    for relation in ALL_RELATIONS[::8]:
        problems += problems_with(quiz.relation_question(relation, POINTS, seed=choices, choices=choices), choices)
    assert problems == []


def test_questions_show_what_the_issue_asks_for() -> None:
    ki8 = BY_CODE["KI-8"]
    which = make_question("which-point", ki8, POINTS, seed=1)
    assert which.prompt == ki8.nameless_location and which.kind == "which-point"
    where = make_question("where-is", ki8, POINTS, seed=1)
    assert all(part in where.prompt for part in (ki8.code, ki8.pinyin, ki8.hanzi, ki8.english))
    assert ki8.nameless_location in [c.text for c in where.choices]


def test_which_point_for_ki8_offers_its_neighbours_on_the_lower_leg() -> None:
    ki8 = BY_CODE["KI-8"]
    offered = {c.code for seed in range(30) for c in make_question("which-point", ki8, POINTS, seed).choices}
    assert {"KI-9", "SP-6", "BL-59"} <= offered  # adjacent on the channel, crossing point, another xi-cleft
    assert {BY_CODE[code].region for code in offered} == {"lower-leg"}
    assert "KI-7" not in offered  # the location shown says "0.5 cun in front of KI-7": it rules KI-7 out


def ruled_out(kind: str, answer: Point, other: Point) -> bool:
    """The question itself excludes `other`: the shown location names it, or its location names the answer."""
    if kind == "which-point":
        return other.code in quiz.codes_in(answer.location)
    return answer.code in quiz.codes_in(other.location)


def test_wrong_choices_stay_in_the_region_whenever_it_has_enough_points(
    every_question: list[tuple[Question, quiz.Relation | None]],
) -> None:
    strays = []
    for question, _ in every_question:
        if question.kind == "relation":
            continue
        point = BY_CODE[question.answer_code]
        mates = [p for p in POINTS if p.region == point.region and p.code != point.code
                 and not ruled_out(question.kind, point, p)]
        if len(mates) >= 5:
            strays += [(question.kind, point.code, c.code) for c in question.choices
                       if BY_CODE[c.code].region != point.region]
    assert strays == []


def test_a_point_alone_in_its_region_gets_channel_neighbours_across_the_border() -> None:
    gb29 = BY_CODE["GB-29"]
    assert [p.code for p in POINTS if p.region == "hip"] == ["GB-29"]
    for seed in range(10):
        wrong = [BY_CODE[c.code] for c in make_question("which-point", gb29, POINTS, seed).choices if c.code != "GB-29"]
        assert all(p.channel == "GB" and (abs(int(p.code[3:]) - 29) <= 3 or p.region in quiz.NEIGHBOUR_REGIONS["hip"])
                   for p in wrong), [p.code for p in wrong]


def test_where_is_never_offers_a_location_that_names_the_answer(
    every_question: list[tuple[Question, quiz.Relation | None]],
) -> None:
    giveaways = [
        (question.answer_code, choice.code)
        for question, _ in every_question if question.kind == "where-is"
        for choice in question.choices
        if choice.code != question.answer_code and question.answer_code in quiz.codes_in(choice.text)
    ]
    assert giveaways == []


def test_a_question_is_reproducible_from_its_seed_whatever_the_pool_order() -> None:
    shuffled = POINTS[:]
    random.Random(0).shuffle(shuffled)
    for point in POINTS[::23]:
        for kind in ("which-point", "where-is", "relation"):
            if kind == "relation" and not relation_prompts(point, POINTS):
                continue
            first = make_question(kind, point, POINTS, seed="student-7:42")
            assert make_question(kind, point, shuffled, seed="student-7:42") == first
            variants = {make_question(kind, point, POINTS, seed=seed).choices for seed in range(6)}
            assert len(variants) > 1, f"{kind} {point.code}: every seed gives the same choices"


SAME_SEED_ELSEWHERE = """
from pathlib import Path
from studyapp.core.quizzes import questions as quiz
from studyapp.core.content.deck_files import load_bundle
points = load_bundle([Path("decks")]).points
print(repr((quiz.pick_question("which-point", points, "abc", region="foot"),
            quiz.pick_question("relation", points, 99))))
"""


def test_a_question_is_the_same_in_another_process() -> None:
    """String seeds must not go through hash(), which differs between processes."""
    env = {**os.environ, "PYTHONHASHSEED": "12345"}  # this process has another (random, by default)
    elsewhere = subprocess.run([sys.executable, "-c", SAME_SEED_ELSEWHERE], cwd=PROJECT_ROOT, env=env,
                               capture_output=True, text=True, check=True).stdout
    here = (pick_question("which-point", POINTS, "abc", region="foot"), pick_question("relation", POINTS, 99))
    assert elsewhere == f"{here!r}\n"


def test_the_xi_cleft_point_of_yin_qiao_is_asked_with_other_xi_cleft_points() -> None:
    relation = next(r for r in relation_prompts(BY_CODE["KI-8"], POINTS) if r.category == "xi-cleft")
    assert relation.prompt == "Which point is the xi-cleft point of the Yin Qiao vessel?"
    for seed in range(10):
        question = quiz.relation_question(relation, POINTS, seed)
        assert question.answer_code == "KI-8"
        assert all("xi-cleft" in kinds(BY_CODE[c.code]) for c in question.choices)


def test_category_questions_name_one_point_and_offer_other_members() -> None:
    by_prompt = {r.prompt: r.answer_code for r in ALL_RELATIONS if r.category}
    assert by_prompt["Which point is the luo-connecting point of the Lung channel?"] == "LU-7"
    assert by_prompt["Which point is the hui-meeting point of the Blood?"] == "BL-17"
    assert by_prompt["Which point is the jing-well point (wood) of the Kidney channel?"] == "KI-1"
    assert not [p for p in by_prompt if "ghost point?" in p or "window of heaven point?" in p]  # names 13 / 10
    for relation in (r for r in ALL_RELATIONS if r.category):
        label = relation.prompt.removeprefix("Which point is the ").removesuffix("?")
        holders = [p.code for p in POINTS for c in p.categories if c.label_for(p.code) == label]
        assert holders == [relation.answer_code]
        question = quiz.relation_question(relation, POINTS, seed=2)
        assert all(relation.category in kinds(BY_CODE[c.code]) for c in question.choices), relation.prompt
        assert sum(1 for p in POINTS if relation.category in kinds(p)) >= 6  # so 5 members can always be offered


def names_the_point(text: str, point: Point) -> bool:
    """An independent check for giveaways: the code in any spelling, the pinyin, the characters or the
    English name."""
    tokens = re.findall(r"[A-Za-z]+|\d+", text)
    pairs = [a + b for a, b in itertools.pairwise(tokens)]
    words = re.findall(r"[a-z]+", strip_tones(text).lower())
    runs = {"".join(words[i:i + n]) for n in (1, 2, 3, 4) for i in range(len(words))}
    return (point.code in {normalize_code(t) for t in tokens + pairs} or plain_pinyin(point.pinyin) in runs
            or point.hanzi in text or point.hanzi_simplified in text
            or (" " in point.english and point.english.lower() in text.lower()))


def test_related_point_questions_never_give_the_answer_away() -> None:
    related = [r for r in ALL_RELATIONS if r.subject_code]
    assert related
    for relation in related:
        answer = BY_CODE[relation.answer_code]
        assert not names_the_point(relation.prompt, answer), relation.prompt
        assert quiz.name_line(BY_CODE[relation.subject_code]) in relation.prompt


def test_related_point_questions_leave_out_every_defensible_answer(
    every_question: list[tuple[Question, quiz.Relation | None]],
) -> None:
    asked = [(question, relation) for question, relation in every_question if relation and relation.subject_code]
    assert len(asked) == len([r for r in ALL_RELATIONS if r.subject_code])
    for question, relation in asked:
        subject = BY_CODE[relation.subject_code]
        listing_subject = {p.code for p in POINTS if any(r.code == subject.code for r in p.related)}
        defensible = {subject.code, *(r.code for r in subject.related), *listing_subject} - {relation.answer_code}
        assert question.subject_code == subject.code
        assert not defensible & {c.code for c in question.choices}, relation.prompt


def test_a_reason_naming_a_category_keeps_its_other_members_out() -> None:
    relation = next(r for r in relation_prompts(BY_CODE["PC-9"], POINTS) if r.subject_code == "LU-11")
    assert "Another well point" in relation.prompt
    for seed in range(10):
        question = quiz.relation_question(relation, POINTS, seed)
        wells = [c.code for c in question.choices if "jing-well" in kinds(BY_CODE[c.code])]
        assert wells == ["PC-9"]


def test_reasons_that_name_the_answer_are_left_out_and_most_survive() -> None:
    keys = {(r.subject_code, r.answer_code) for r in ALL_RELATIONS if r.subject_code}
    assert ("KI-7", "KI-8") in keys  # "Lies at the same level, 0.5 cun in front, just behind the tibia."
    assert ("SP-21", "HT-1") not in keys  # "... the Heart channel, which begins at HT-1."
    assert ("EX-HN8", "EX-HN9") not in keys  # "Neiyingxiang lies opposite it ..." (its pinyin)
    assert ("BL-43", "BL-14") in keys and ("BL-16", "BL-15") not in keys  # "The Heart shu ..." is its English name
    entries = sum(len(p.related) for p in POINTS)
    assert 0.8 < len(keys) / entries < 1  # 1081 of 1242 when written


def test_relation_prompts_are_deterministic_and_come_only_from_the_pool() -> None:
    shuffled = POINTS[::-1]
    for point in POINTS[::7]:
        assert relation_prompts(point, POINTS) == relation_prompts(point, shuffled)
    without_ki7 = [p for p in POINTS if p.code != "KI-7"]
    assert "related:KI-7" in {r.key for r in relation_prompts(BY_CODE["KI-8"], POINTS)}
    assert "related:KI-7" not in {r.key for r in relation_prompts(BY_CODE["KI-8"], without_ki7)}
    assert relation_prompts(BY_CODE["KI-7"], without_ki7) == []
    assert len({r.answer_code for r in ALL_RELATIONS}) > 300  # 329 points answer at least one


def test_a_point_missing_from_the_pool_is_never_offered() -> None:
    pool = [p for p in POINTS if p.code not in {"KI-9", "SP-6"}]
    for seed in range(20):
        for kind in ("which-point", "where-is", "relation"):
            codes = {c.code for c in make_question(kind, BY_CODE["KI-8"], pool, seed).choices}
            assert not codes & {"KI-9", "SP-6"}


def test_make_question_refuses_what_it_cannot_ask() -> None:
    ki8 = BY_CODE["KI-8"]
    with pytest.raises(ValueError, match="unknown quiz kind"):
        make_question("spelling", ki8, POINTS, 1)
    for choices in (3, 7):
        with pytest.raises(ValueError, match="4 to 6 choices"):
            make_question("which-point", ki8, POINTS, 1, choices=choices)
    no_relation = next(p for p in POINTS if not relation_prompts(p, POINTS))
    with pytest.raises(ValueError, match="no relation question"):
        make_question("relation", no_relation, POINTS, 1)
    with pytest.raises(ValueError, match="not enough points"):
        make_question("which-point", ki8, [ki8, BY_CODE["KI-7"], BY_CODE["KI-9"]], 1)


@pytest.mark.parametrize(("filters", "check"), [
    ({"channel": "KI"}, lambda p: p.channel == "KI"),
    ({"channel": "k"}, lambda p: p.channel == "KI"),
    ({"channel": "EX"}, lambda p: p.channel == "EX"),
    ({"region": "wrist"}, lambda p: p.region == "wrist"),
    ({"category": "xi-cleft"}, lambda p: "xi-cleft" in kinds(p)),
    ({"channel": "ST", "region": "lower-leg"}, lambda p: p.channel == "ST" and p.region == "lower-leg"),
])
def test_pick_question_chooses_the_answer_from_the_filter(
    filters: dict[str, str], check: Callable[[Point], bool],
) -> None:
    for kind in quiz.QUIZ_KINDS:
        answers = {pick_question(kind, POINTS, seed, charts=CHARTS, **filters).answer_code for seed in range(8)}
        assert all(check(BY_CODE[code]) for code in answers), (kind, answers)
        assert len(answers) > 1
        assert (pick_question(kind, POINTS, "s", charts=CHARTS, **filters)
                == pick_question(kind, POINTS, "s", charts=CHARTS, **filters))


def test_precomputed_relations_give_the_same_questions() -> None:
    by_answer = quiz.relations_by_answer(POINTS)
    assert by_answer == {code: relation_prompts(BY_CODE[code], POINTS) for code in by_answer}
    assert sum(map(len, by_answer.values())) == len(ALL_RELATIONS)
    assert quiz.relation_answers(POINTS) == {r.answer_code for r in ALL_RELATIONS} == set(by_answer)
    for seed in range(5):
        for filters in ({}, {"category": "xi-cleft"}, {"region": "face"}):
            assert pick_question("relation", POINTS, seed, relations=by_answer, **filters) == \
                pick_question("relation", POINTS, seed, **filters)
    only_ki8 = {"KI-8": by_answer["KI-8"][:1]}  # the app's own choice of relations is respected
    question = pick_question("relation", POINTS, 1, relations=only_ki8)
    assert question.answer_code == "KI-8" and question.prompt == by_answer["KI-8"][0].prompt


def test_pick_question_explains_a_filter_it_cannot_meet() -> None:
    with pytest.raises(ValueError, match="no point matches channel 'LU', region 'foot'"):
        pick_question("which-point", POINTS, 1, channel="LU", region="foot")
    with pytest.raises(ValueError, match="unknown quiz kind"):
        pick_question("guess", POINTS, 1)
    with pytest.raises(ValueError, match="unknown region"):
        pick_question("where-is", POINTS, 1, region="toe")
    with pytest.raises(ValueError, match="unknown category"):
        pick_question("where-is", POINTS, 1, category="xi")
    lone = [BY_CODE["EX-UE5"]]  # no categories, and nothing else in the pool to relate it
    with pytest.raises(ValueError, match="no point in the pool can answer a relation question"):
        pick_question("relation", lone, 1)


FAST, SLOW = GradeTimes().fast_ms, GradeTimes().fast_ms + 1


@pytest.mark.parametrize(("outcome", "grade"), [
    ({"correct": True, "elapsed_ms": 1_000}, 5),
    ({"correct": True, "elapsed_ms": FAST}, 5),
    ({"correct": True, "elapsed_ms": SLOW}, 4),
    ({"correct": True, "elapsed_ms": 12_000, "typed": True}, 5),  # typing gets longer
    ({"correct": True, "elapsed_ms": 15_001, "typed": True}, 4),
    ({"correct": True, "attempt": 2, "elapsed_ms": 1_000}, 3),
    ({"correct": True, "attempt": 2, "elapsed_ms": 60_000}, 3),
    ({"correct": True, "almost": True, "elapsed_ms": 1_000, "typed": True}, 3),
    ({"correct": True, "attempt": 3, "elapsed_ms": 1_000}, 1),  # by elimination
    ({"correct": False, "elapsed_ms": 1_000}, 1),
    ({"correct": False, "attempt": 2, "almost": True, "elapsed_ms": 1_000}, 1),
    ({"correct": False, "gave_up": True, "elapsed_ms": 30_000}, 0),
    ({"correct": False, "attempt": 2, "gave_up": True}, 0),
    ({"correct": True, "elapsed_ms": 3_000, "times": GradeTimes(fast_ms=2_000)}, 4),
    ({"correct": True, "elapsed_ms": 20_000, "typed": True, "times": GradeTimes(typed_fast_ms=30_000)}, 5),
])
def test_the_grade_follows_from_the_outcome(outcome: dict[str, object], grade: int) -> None:
    assert quiz_grade(**outcome) == grade  # type: ignore[arg-type]


def test_the_documented_time_limits_and_impossible_outcomes() -> None:
    assert (GradeTimes().fast_ms, GradeTimes().typed_fast_ms) == (8_000, 15_000)
    for impossible in ({"correct": True, "gave_up": True}, {"correct": True, "attempt": 0},
                       {"correct": True, "elapsed_ms": -1}):
        with pytest.raises(ValueError):
            quiz_grade(**impossible)  # type: ignore[arg-type]


def test_codes_in_reads_every_spelling_and_ignores_vertebrae() -> None:
    assert quiz.codes_in("0.5 cun in front of KI-7, level with k 9 and SJ5; see EX-HN3") == {
        "KI-7", "KI-9", "TE-5", "EX-HN3"}
    assert quiz.codes_in("below C7, level with T1, L4 and S2; 3 cun") == frozenset()


def test_the_vocabularies_cover_every_region_and_category() -> None:
    assert set(quiz.NEIGHBOUR_REGIONS) == set(REGIONS)
    for region, near in quiz.NEIGHBOUR_REGIONS.items():
        assert region not in near and all(region in quiz.NEIGHBOUR_REGIONS[other] for other in near)
    assert set(quiz.CATEGORY_CUES) == set(KINDS)
