"""Location quizzes with hard distractors, built from the point records (pure: no Flask, no database).

Three kinds of question in words: *which-point* shows a location and asks for the point, *where-is*
names a point and asks for its location, *relation* asks for a point through a category label or
another point's related entry. Two kinds on the body charts (`studyapp.core.body`): *locate* names
a point and asks the student to click where it is (graded by distance in cun; its choices are the
where-is question's, an alternative for a student who cannot use the chart), *name-dot* marks a
point's place on its view and asks which point it is, with the points drawn nearest it as the wrong
choices. Every question comes from the records; there is no hand-written question list.

Wrong choices are what students actually confuse, ranked in tiers (best first, random within a
tier, the next tier only when the better ones run out):

0. same region and close: an adjacent point of the same channel (number within ±3), a point either
   record names (its location or related points: "at the same level", "0.5 cun in front of"), or a
   point of the same category kind;
1. any other point of the same region;
2. same channel, adjacent or in a neighbouring region;
3. shares a category kind, in the same or a neighbouring region;
4. same channel or same category kind anywhere.

A question about a category ("which point is the xi-cleft point of the Yin Qiao vessel?") puts the
other members of that category first: same region, then same channel or a neighbouring region, then
anywhere; then the tiers above.

A choice the question itself rules out (the shown location says "0.5 cun in front of KI-7", so
KI-7 cannot be the answer) counts as sharing nothing: it is only used after tier 4. Below that come
points that share nothing with the answer, nearest region first. With the 409 bundled records no
question of any kind needs them (see tests/test_quiz.py).

Same pool + same seed gives the same question in any process: `random.Random(str)` seeds from a
SHA-512 of the text, independent of PYTHONHASHSEED.
"""

from __future__ import annotations

import random
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from studyapp.core.body.charts import Charts
from studyapp.core.body.locate import nearest_offset
from studyapp.core.body.positions import Position
from studyapp.core.content import categories as cat
from studyapp.core.content.codes import CHANNEL_ALIASES, channel_and_number, code_rank, normalize_code
from studyapp.core.content.deck_files import REGIONS, PointRecord, Related
from studyapp.core.content.point_names import plain_pinyin, strip_tones

QUIZ_KINDS: dict[str, str] = {
    "which-point": "Which point is here?",
    "where-is": "Where is this point?",
    "relation": "Neighbours and relations",
    "locate": "Where is it on the body?",
    "name-dot": "Which point is this dot?",
}
CHART_KINDS = frozenset({"locate", "name-dot"})  # asked on a body chart: they need `Charts`
# The wrong choices of a name-the-dot question: the points drawn within this many cun of the dot.
NEAR_DOT_CUN = 6.0
MIN_CHOICES, MAX_CHOICES = 4, 6
ADJACENT_NUMBERS = 3  # points of one channel at most this many numbers apart count as neighbours

# Regions that touch: a point just across the border is the next best confusion.
NEIGHBOUR_REGIONS: dict[str, frozenset[str]] = {
    region: frozenset(near) for region, near in {
        "head": ("face", "neck"),
        "face": ("head", "neck"),
        "neck": ("head", "face", "shoulder", "upper-back", "chest"),
        "shoulder": ("neck", "upper-back", "upper-arm", "axilla", "chest"),
        "chest": ("neck", "shoulder", "axilla", "abdomen"),
        "abdomen": ("chest", "perineum", "hip"),
        "upper-back": ("neck", "shoulder", "lower-back"),
        "lower-back": ("upper-back", "sacrum-buttock"),
        "sacrum-buttock": ("lower-back", "hip", "thigh", "perineum"),
        "axilla": ("chest", "shoulder", "upper-arm"),
        "upper-arm": ("shoulder", "axilla", "elbow"),
        "elbow": ("upper-arm", "forearm"),
        "forearm": ("elbow", "wrist"),
        "wrist": ("forearm", "hand"),
        "hand": ("wrist",),
        "hip": ("abdomen", "sacrum-buttock", "thigh"),
        "thigh": ("hip", "sacrum-buttock", "knee"),
        "knee": ("thigh", "lower-leg"),
        "lower-leg": ("knee", "ankle"),
        "ankle": ("lower-leg", "foot"),
        "foot": ("ankle",),
        "perineum": ("abdomen", "sacrum-buttock"),
    }.items()
}

# Words by which a related entry's reason names a category ("another well point"): other members of
# that category would be defensible answers, so they are kept out of the choices.
CATEGORY_CUES: dict[str, re.Pattern[str]] = {
    key: re.compile(rf"\b(?:{words})\b", re.IGNORECASE) for key, words in {
        "jing-well": "well", "ying-spring": "spring", "shu-stream": "stream", "jing-river": "river",
        "he-sea": "sea", "yuan-source": "source", "luo-connecting": "luo|connecting", "xi-cleft": "cleft|xi",
        "back-shu": "shu", "front-mu": "mu", "hui-meeting": "hui|meeting", "confluent": "confluent|opening",
        "lower-he-sea": "sea", "window-of-heaven": "window", "command": "command", "heavenly-star": "star",
        "ghost": "ghost", "entry": "entry|enters?", "exit": "exit|leaves", "pregnancy-caution": r"pregnan\w*",
    }.items()
}

_CODE_LIKE = re.compile(r"\bEX[\s\-]?(?:HN|CA|B|UE|LE)[\s\-]?\d{1,2}\b|\b[A-Z]{1,4}[\s\-]?\d{1,2}\b", re.IGNORECASE)
# Pinyin vowels with tone marks -> plain letters, as one fast str.translate.
_TONELESS = str.maketrans({ch: strip_tones(ch) for ch in "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙÜ"})
_WORDS = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class Choice:
    code: str
    text: str  # the point's name line, or for where-is questions its location


@dataclass(frozen=True)
class Question:
    kind: str
    answer_code: str
    prompt: str  # the location, the name line, or the whole relation question
    choices: tuple[Choice, ...]
    subject_code: str | None = None  # the point a relation question is about ("Related to KI-8: ...")
    view: str | None = None  # a chart question's view
    dot: Position | None = None  # name-dot: the place marked on the view


@dataclass(frozen=True)
class Relation:
    """One relation question a point is the answer of, built from a category label or a related entry."""

    key: str  # stable: "xi-cleft:Yin Qiao" or "related:KI-7"
    prompt: str
    answer_code: str
    subject_code: str | None = None
    category: str | None = None  # the category kind whose other members make the best distractors
    exclude: frozenset[str] = frozenset()  # points that would be defensible answers too


@dataclass(frozen=True)
class GradeTimes:
    """How long a correct first answer may take (milliseconds) and still earn a 5; slower earns a 4.

    Typing a name takes longer than clicking, so typed answers get their own limit. The app may pass
    its own values (e.g. from configuration).
    """

    fast_ms: int = 8_000  # multiple choice
    typed_fast_ms: int = 15_000  # typed answers


DEFAULT_TIMES = GradeTimes()


def name_line(point: PointRecord) -> str:
    """How a choice names a point: 'KI-8 Jiāoxìn 交信 Exchange Belief'."""
    return f"{point.code} {point.pinyin} {point.hanzi} {point.english}"


@lru_cache(maxsize=8192)
def codes_in(text: str) -> frozenset[str]:
    """Every point code a text names, in any alias spelling ('KI-7', 'K 7', 'SJ5', 'EX-HN3')."""
    return frozenset(code for match in _CODE_LIKE.finditer(text) if (code := normalize_code(match.group(0))))


@lru_cache(maxsize=4096)
def _kinds(point: PointRecord) -> set[str]:
    return {category.category for category in point.categories}


class _Closeness:
    """Ranks candidates by how easily a student confuses them with `answer` (tiers in the module docstring)."""

    def __init__(self, answer: PointRecord, category: str | None) -> None:
        self.answer = answer
        self.category = category
        self.channel, self.number = channel_and_number(answer.code)
        self.kinds = _kinds(answer)
        self.near_regions = NEIGHBOUR_REGIONS.get(answer.region, frozenset())
        self.named = codes_in(answer.location) | {r.code for r in answer.related}

    def linked(self, candidate: PointRecord) -> bool:
        """One record names the other in its location or related points."""
        return (candidate.code in self.named or self.answer.code in codes_in(candidate.location)
                or any(r.code == self.answer.code for r in candidate.related))

    def tier(self, candidate: PointRecord) -> int:
        """0 (closest) to 4 for candidates sharing region, channel or category kind; 6 or 7 for the rest."""
        same_region = candidate.region == self.answer.region
        near_region = candidate.region in self.near_regions
        channel, number = channel_and_number(candidate.code)
        same_channel = channel == self.channel
        adjacent = same_channel and abs(number - self.number) <= ADJACENT_NUMBERS
        kinds = _kinds(candidate)
        shared_kinds = bool(kinds & self.kinds)
        if self.category is not None:  # a category question: other members of that category first
            if self.category in kinds:
                return 0 if same_region else 1 if same_channel or near_region else 2
            tier = 3 if same_region else 4 if same_channel or shared_kinds else 5
        elif same_region:
            tier = 0 if adjacent or shared_kinds or self.linked(candidate) else 1
        elif adjacent or (same_channel and near_region):
            tier = 2
        elif shared_kinds and near_region:
            tier = 3
        else:
            tier = 4 if same_channel or shared_kinds else 5
        return tier if tier < 5 else 6 if near_region else 7  # sharing nothing: nearest region first


def ranked_distractors(
    answer: PointRecord,
    pool: Sequence[PointRecord],
    rng: random.Random,
    exclude: Collection[str] = (),
    *,
    avoid: Collection[str] = (),
    category: str | None = None,
) -> list[PointRecord]:
    """Every possible wrong choice, best first (see the module docstring for the tiers).

    `exclude`: codes never offered (defensible answers). `avoid`: codes the question itself rules out;
    used only after everything that shares region, channel or category (tier 5). `category`: a
    category kind whose members come first (for "which point is the xi-cleft point of ...").
    """
    closeness = _Closeness(answer, category)
    scored = []
    seen = {answer.code, *exclude}
    for candidate in sorted(pool, key=lambda p: p.code):  # the pool's order must not matter
        if candidate.code in seen:
            continue
        seen.add(candidate.code)
        tier = 5 if candidate.code in avoid else closeness.tier(candidate)
        scored.append((tier, rng.random(), candidate))
    scored.sort(key=lambda item: (item[0], item[1]))
    return [candidate for _, _, candidate in scored]


def distractors(
    answer: PointRecord,
    pool: Sequence[PointRecord],
    count: int,
    rng: random.Random,
    exclude: Collection[str] = (),
    *,
    avoid: Collection[str] = (),
    category: str | None = None,
) -> list[PointRecord]:
    """The `count` best wrong choices for `answer` from `pool` (fewer if the pool is too small)."""
    return ranked_distractors(answer, pool, rng, exclude, avoid=avoid, category=category)[:count]


@lru_cache(maxsize=1024)
def _alias_pattern(alias: str) -> re.Pattern[str]:
    """'M-HN-3' also written 'M HN 3' or 'MHN3'."""
    parts = re.findall(r"[A-Za-z]+|\d+", alias)
    return re.compile(r"\b" + r"[\s\-_.·]*".join(map(re.escape, parts)) + r"\b", re.IGNORECASE)


def gives_away(text: str, point: PointRecord) -> bool:
    """True if `text` names `point` by code (any alias spelling), pinyin, hanzi or English name."""
    if point.code in codes_in(text) or any(_alias_pattern(alias).search(text) for alias in point.aliases):
        return True
    if any(form in text for form in point.hanzi_forms):
        return True
    words = _WORDS.findall(text.translate(_TONELESS).lower())
    pinyin = plain_pinyin(point.pinyin)
    if pinyin in "".join(words):  # cheap filter; then whole words only: "Taixi", "Tai Xi", "Zu San Li"...
        for size in range(1, 5):
            if any("".join(words[i:i + size]) == pinyin for i in range(len(words) - size + 1)):
                return True
    return _english_pattern(point.english).search(text) is not None


@lru_cache(maxsize=1024)
def _english_pattern(english: str) -> re.Pattern[str]:
    """A name of several words in any case; one word ("Roof") only as a capitalised name."""
    return re.compile(rf"\b{re.escape(english)}\b", re.IGNORECASE if " " in english else 0)


def relation_prompts(point: PointRecord, pool: Sequence[PointRecord]) -> list[Relation]:
    """The relation questions `point` is the answer of, in a fixed order: its category labels that
    name no other point of `pool`, then the related entries of other pool points that lead to it
    without giving it away. Empty when there are none; the app makes one relation card per point
    that has any."""
    return _cached_relations(tuple(pool)).get(point.code, [])


@lru_cache(maxsize=4)
def _cached_relations(pool: tuple[PointRecord, ...]) -> dict[str, list[Relation]]:
    return relations_by_answer(pool)


def relations_by_answer(pool: Sequence[PointRecord]) -> dict[str, list[Relation]]:
    """`relation_prompts` for every point of `pool` that answers any, in one pass over the pool
    (about 0.2 s for the 409 points): build once per version of the records and pass it on."""
    ordered = sorted(pool, key=lambda p: code_rank(p.code))
    kinds = {p.code: _kinds(p) for p in ordered}
    label_holders: dict[tuple[str, str], int] = {}
    for p in ordered:
        for c in p.categories:
            held = (c.category, c.label_for(p.code))
            label_holders[held] = label_holders.get(held, 0) + 1
    listers: dict[str, set[str]] = {}  # code -> the points whose related entries name it
    leads_to: dict[str, list[tuple[PointRecord, Related]]] = {}  # answer code -> (subject, entry), subject order
    for subject in ordered:
        for related in subject.related:
            listers.setdefault(related.code, set()).add(subject.code)
            if related.code != subject.code:
                leads_to.setdefault(related.code, []).append((subject, related))
    members: dict[str, set[str]] = {}
    for code, point_kinds in kinds.items():
        for kind in point_kinds:
            members.setdefault(kind, set()).add(code)

    found: dict[str, list[Relation]] = {}
    for point in ordered:
        relations: list[Relation] = []
        for category in point.categories:
            label = category.label_for(point.code)
            if label_holders[(category.category, label)] == 1:
                relations.append(Relation(
                    key=f"{category.category}:{category.qualifier}", prompt=f"Which point is the {label}?",
                    answer_code=point.code, category=category.category,
                ))
        for subject, related in leads_to.get(point.code, []):
            reason = related.reason if related.reason[-1:] in ".!?" else f"{related.reason}."
            prompt = f"Related to {name_line(subject)}: {reason} Which point is it?"
            if gives_away(prompt, point):  # the reason, or the subject's own name ("Upper Welcome Fragrance")
                continue
            cued = {key for key in kinds[point.code] if CATEGORY_CUES[key].search(related.reason)}
            exclude = {subject.code, *(r.code for r in subject.related), *listers.get(subject.code, ())}
            for key in cued:
                exclude |= members[key]
            relations.append(Relation(
                key=f"related:{subject.code}", prompt=prompt, answer_code=point.code,
                subject_code=subject.code, exclude=frozenset(exclude - {point.code}),
            ))
        if relations:
            found[point.code] = relations
    return found


def relation_answers(pool: Sequence[PointRecord]) -> set[str]:
    """The codes some relation question leads to: the points that get a scheduled relation card."""
    return set(relations_by_answer(pool))


def _checked_choices(choices: int) -> int:
    if not MIN_CHOICES <= choices <= MAX_CHOICES:
        raise ValueError(f"a quiz question has {MIN_CHOICES} to {MAX_CHOICES} choices, not {choices}")
    return choices


def _question(
    kind: str, answer: PointRecord, prompt: str, wrong: list[PointRecord], rng: random.Random, *,
    subject_code: str | None = None, location: bool = False,
) -> Question:
    options = [answer, *wrong]
    if len(options) < MIN_CHOICES:
        raise ValueError(f"not enough points to give {answer.code} {MIN_CHOICES} choices")
    rng.shuffle(options)
    return Question(
        kind=kind, answer_code=answer.code, prompt=prompt, subject_code=subject_code,
        choices=tuple(Choice(p.code, p.nameless_location if location else name_line(p)) for p in options),
    )


def relation_question(relation: Relation, pool: Sequence[PointRecord], seed: int | str, choices: int = 5) -> Question:
    """A multiple-choice question for one relation; the choices are drawn reproducibly from `seed`."""
    count = _checked_choices(choices) - 1
    answer = next((p for p in pool if p.code == relation.answer_code), None)
    if answer is None:
        raise ValueError(f"{relation.answer_code} is not in the pool")
    rng = random.Random(f"relation|{relation.key}|{answer.code}|{seed}")
    avoid = codes_in(relation.prompt) - {answer.code}
    wrong = distractors(answer, pool, count, rng, relation.exclude, avoid=avoid, category=relation.category)
    return _question("relation", answer, relation.prompt, wrong, rng, subject_code=relation.subject_code)


def make_question(
    kind: str,
    answer: PointRecord,
    pool: Sequence[PointRecord],
    seed: int | str,
    choices: int = 5,
    *,
    relations: Sequence[Relation] | None = None,
    charts: Charts | None = None,
) -> Question:
    """One question of `kind` whose answer is `answer`, with wrong choices from `pool`.

    The same kind, answer, pool and seed always give the same question (choices in the same order).
    A relation question picks one of `relations` (default: `relation_prompts(answer, pool)`); a chart
    question needs the `charts` the pool is drawn on.
    Raises ValueError for an unknown kind, a choice count outside 4-6, a relation question for a
    point that has none, or a chart question for a point on no chart.
    """
    if kind not in QUIZ_KINDS:
        raise ValueError(f"unknown quiz kind {kind!r}; choose one of {', '.join(QUIZ_KINDS)}")
    if kind in CHART_KINDS:
        if charts is None or charts.primary(answer.code) is None:
            raise ValueError(f"{answer.code} is on no body chart, so it has no {kind} question")
        if kind == "locate":
            words = make_question("where-is", answer, pool, seed, choices)
            placed = charts.primary(answer.code)
            assert placed is not None
            return Question("locate", answer.code, words.prompt, words.choices, view=placed.view)
        return name_dot_question(answer, pool, charts, seed, choices)
    count = _checked_choices(choices) - 1
    rng = random.Random(f"{kind}|{answer.code}|{seed}")
    if kind == "relation":
        relations = relation_prompts(answer, pool) if relations is None else relations
        if not relations:
            raise ValueError(f"{answer.code} is the answer of no relation question")
        return relation_question(rng.choice(relations), pool, seed, choices)
    if kind == "which-point":
        avoid = codes_in(answer.location)
        wrong = distractors(answer, pool, count, rng, avoid=avoid)
        return _question(kind, answer, answer.nameless_location, wrong, rng)
    # where-is: the locations must differ, and one that says "... behind KI-8" cannot be KI-8 itself
    avoid = frozenset(p.code for p in pool if answer.code in codes_in(p.location))
    seen = {answer.location}
    wrong = []
    for candidate in ranked_distractors(answer, pool, rng, avoid=avoid):
        if len(wrong) == count:
            break
        if candidate.location not in seen:
            seen.add(candidate.location)
            wrong.append(candidate)
    return _question(kind, answer, name_line(answer), wrong, rng, location=True)


def name_dot_question(answer: PointRecord, pool: Sequence[PointRecord], charts: Charts, seed: int | str,
                      choices: int = 5) -> Question:
    """The dot at one of the answer's places on its view (either side of a bilateral point, by the
    seed) and `choices` names: the answer and points drawn near it there, the neighbours students
    confuse, varied by the seed."""
    count = _checked_choices(choices) - 1
    placed = charts.primary(answer.code)
    if placed is None:
        raise ValueError(f"{answer.code} is on no body chart")
    rng = random.Random(f"name-dot|{answer.code}|{seed}")
    dot = rng.choice(placed.positions)
    figure = charts.views[placed.view].figure
    by_code = {p.code: p for p in pool}
    near = sorted(
        (min(nearest_offset(figure, placed, (p.x, p.y)).distance for one in placements for p in one.positions), code)
        for code, placements in charts.on_view(placed.view).items() if code != answer.code and code in by_code)
    close = [code for distance, code in near if distance <= NEAR_DOT_CUN][: count * 2]
    rng.shuffle(close)
    wrong = close[:count]
    wrong += [code for _, code in near if code not in wrong][: count - len(wrong)]  # a sparse view
    if len(wrong) < count:  # too few points on the view: the usual distractors fill up
        wrong += [p.code for p in distractors(answer, pool, count, rng, avoid=frozenset(wrong))
                  if p.code not in wrong][: count - len(wrong)]
    question = _question("name-dot", answer, "", [by_code[code] for code in wrong], rng)
    return Question("name-dot", answer.code, "", question.choices, view=placed.view, dot=dot)


def _channel_key(channel: str) -> str:
    upper = channel.strip().upper()
    return next((key for key, aliases in CHANNEL_ALIASES.items() if upper in aliases), upper)


def pick_question(
    kind: str,
    pool: Sequence[PointRecord],
    seed: int | str,
    *,
    channel: str | None = None,
    region: str | None = None,
    category: str | None = None,
    choices: int = 5,
    relations: Mapping[str, Sequence[Relation]] | None = None,
    charts: Charts | None = None,
) -> Question:
    """Practice mode: choose the answer from the points matching the filters (reproducibly from
    `seed`), then make its question; wrong choices still come from the whole pool.

    `channel` is an abbreviation ('KI', 'K', 'EX'), `region` one of the deck regions, `category` a
    category kind ('xi-cleft'). `relations`: the result of `relations_by_answer(pool)`, to save
    working it out again; `charts`, for the chart kinds. Raises ValueError for an unknown kind or a
    filter nothing matches.
    """

    def relations_of(point: PointRecord) -> Sequence[Relation]:
        return relation_prompts(point, pool) if relations is None else relations.get(point.code, ())

    if kind not in QUIZ_KINDS:
        raise ValueError(f"unknown quiz kind {kind!r}; choose one of {', '.join(QUIZ_KINDS)}")
    if region is not None and region not in REGIONS:
        raise ValueError(f"unknown region {region!r}; choose one of {', '.join(REGIONS)}")
    if category is not None and category not in cat.KINDS:
        raise ValueError(f"unknown category {category!r}; choose one of {', '.join(cat.KINDS)}")
    candidates = [
        p for p in sorted(pool, key=lambda p: code_rank(p.code))
        if (channel is None or p.channel == _channel_key(channel))
        and (region is None or p.region == region)
        and (category is None or category in _kinds(p))
    ]
    rng = random.Random(f"pick|{kind}|{channel}|{region}|{category}|{seed}")
    rng.shuffle(candidates)
    if kind == "relation":  # the first in the shuffled order that answers a relation question
        candidates = next(([p] for p in candidates if relations_of(p)), [])
    elif kind in CHART_KINDS:
        candidates = [p for p in candidates if charts is not None and charts.primary(p.code) is not None]
    if not candidates:
        wanted = ", ".join(f"{name} {value!r}" for name, value in
                           (("channel", channel), ("region", region), ("category", category)) if value is not None)
        raise ValueError(f"no point matches {wanted} for a {kind} question" if wanted
                         else f"no point in the pool can answer a {kind} question")
    answer = candidates[0]
    return make_question(kind, answer, pool, seed, choices,
                         relations=relations_of(answer) if kind == "relation" else None, charts=charts)


def quiz_grade(
    *,
    correct: bool,
    attempt: int = 1,
    almost: bool = False,
    gave_up: bool = False,
    elapsed_ms: int = 0,
    typed: bool = False,
    times: GradeTimes = DEFAULT_TIMES,
) -> int:
    """The SM-2 grade of a quiz answer, derived from what happened instead of asked of the student.

    5 correct at the first attempt within the time limit; 4 correct at the first attempt but slower
    than `times` (`typed_fast_ms` for typed answers, `fast_ms` for choices); 3 correct at the second
    attempt or after an 'almost' (a near miss the student then corrected); 1 wrong, including a third
    attempt or later (with 4-6 choices that is elimination, not recall); 0 when the student gives up.
    """
    if attempt < 1 or elapsed_ms < 0:
        raise ValueError("attempt counts from 1 and elapsed time cannot be negative")
    if gave_up and correct:
        raise ValueError("an answer cannot be both correct and given up")
    if gave_up:
        return 0
    if not correct or attempt > 2:
        return 1
    if attempt == 2 or almost:
        return 3
    limit = times.typed_fast_ms if typed else times.fast_ms
    return 4 if elapsed_ms > limit else 5
