"""`python -m bench simulate [--students N] [--days D] [--seed S]`: SM-2 against FSRS on simulated students.

Each simulated student has a memory that follows a ground truth: FSRS-6 with parameters of their own,
drawn around FSRS-6's defaults (how fast they first learn a card, how much each review strengthens
it, how steeply they forget), as the open-spaced-repetition benchmark's simulators do. They study
one channel's cards (its deck's cards, as the app makes them, without relation quizzes) for D days,
20 new cards and at most 200 reviews a day, in the app's day plan (`core.scheduling.day_plan`): once
scheduled by SM-2 (`core.scheduling.sm2`, step 7 re-drills included), once by FSRS at a retention
of 0.90 (`core.scheduling.fsrs`: Again comes back the same day), starting on FSRS-6's defaults and
fitting the student's own parameters every 30 days once the optimizer has 400 reviews to learn from,
as "Optimize my schedule" does; and by FSRS at 0.93 and 0.95, to see what FSRS needs to match SM-2's
retention. Every run of a student draws the same random numbers.

Each answer: the student recalls a card with the ground truth's probability of recall that day; a
recalled card is graded 3, 4 or 5 (15 %, 70 %, 15 %), a forgotten one 0, 1 or 2 (30 %, 40 %, 30 %);
FSRS sees the rating the app maps the grade to. A new card takes 20 s, a recalled review 8 s, a
forgotten one 15 s (re-reading the record), a same-day repeat 8 s. Retention is measured at random
probes: every day before studying, 5 random cards the student has met, and the ground truth's
probability that they would recall each of them then. "Remembered" at the end is the sum of those
probabilities over every card met (the expected number of cards recalled if asked all of them on
the last day).

Prints a table; its last two lines are `sm2: reviews N, retention R` and `fsrs: reviews N, retention
R`: N every answer of every simulated student, R the share recalled at the probes.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from studyapp.config import PROJECT_ROOT
from studyapp.core.content.card_kinds import cards_for_point
from studyapp.core.content.deck_files import DeckRecord, load_bundle
from studyapp.core.scheduling import fsrs, sm2
from studyapp.core.scheduling.day_plan import DayLimits, DoneToday, DueCard, NewCard, plan_day

START = date(2026, 1, 5)
LIMITS = DayLimits(new_per_day=20, reviews_per_day=200)
RETENTION = 0.90
ALSO_RETENTIONS = (0.93, 0.95)  # extra FSRS runs: what matching SM-2's retention costs
OPTIMIZE_EVERY = 30  # days
PROBES_PER_DAY = 5
MAX_REPEATS = 10  # same-day repeats of one card, at most (a student gives up on it for the day)
SECONDS = {"new": 20, "recalled": 8, "forgotten": 15, "repeat": 8}
RECALLED_GRADES = ((3, 4, 5), (0.15, 0.70, 0.15))
FORGOTTEN_GRADES = ((0, 1, 2), (0.30, 0.40, 0.30))


def true_parameters(rng: random.Random) -> tuple[float, ...]:
    """One student's memory: FSRS-6's defaults, varied, each kept in the range FSRS allows."""
    w = list(fsrs.DEFAULT_PARAMETERS)
    for index in range(4):  # initial stability after Again, Hard, Good, Easy
        w[index] *= math.exp(rng.gauss(0, 0.5))
    w[4] += rng.gauss(0, 1.0)  # initial difficulty
    w[8] *= math.exp(rng.gauss(0, 0.2))  # how much a successful review strengthens memory
    w[11] *= math.exp(rng.gauss(0, 0.3))  # stability after a lapse
    w[20] = rng.uniform(0.1, 0.6)  # the forgetting curve's decay
    return tuple(min(high, max(low, value)) for value, (low, high) in zip(w, fsrs.PARAMETER_BOUNDS, strict=True))


@dataclass
class Card:
    id: int
    point: int
    position: int
    truth: fsrs.CardMemory | None = None  # the student's real memory of it
    sm2_state: sm2.SM2State = field(default_factory=sm2.SM2State)
    memory: fsrs.CardMemory | None = None  # what FSRS believes
    due: date | None = None  # by the scheduler of this run
    answers: list[fsrs.Answer] = field(default_factory=list)


@dataclass
class Outcome:
    answers: int = 0
    seconds: int = 0
    probes: list[float] = field(default_factory=list)
    remembered: float = 0.0
    cards_met: int = 0
    optimized: int = 0  # times the student's own parameters were kept


def run(deck: DeckRecord, truth_parameters: tuple[float, ...], scheduler_name: str, days: int,
        seed: int, retention: float = RETENTION) -> Outcome:
    rng = random.Random(seed)
    truth = fsrs.Scheduler(truth_parameters)
    scheduler = fsrs.Scheduler(None, retention)
    specs = [spec for point in deck.points for spec in cards_for_point(point)]
    points = {point.code: index for index, point in enumerate(deck.points)}
    cards = [Card(index, points[spec.point_code or ""], spec.position) for index, spec in enumerate(specs)]
    outcome = Outcome()

    def answer(card: Card, today: date, kind: str) -> bool:
        """One answer; True if the card must come back today."""
        recalled = rng.random() < (truth.recall(card.truth, today) if card.truth else 0.0)
        grades, weights = RECALLED_GRADES if recalled else FORGOTTEN_GRADES
        grade = rng.choices(grades, weights)[0]
        rating = fsrs.rating_for_grade(grade)
        card.truth = truth.review(card.truth, rating, today)
        card.answers.append(fsrs.Answer(today, rating))
        outcome.answers += 1
        outcome.seconds += SECONDS["repeat" if kind == "redrill" else "new" if kind == "new" else
                                   "recalled" if recalled else "forgotten"]
        if scheduler_name == "sm2":
            if kind != "redrill":  # step 7: a same-day repeat leaves SM-2's schedule alone
                card.sm2_state = sm2.review(card.sm2_state, grade)
                card.due = today + timedelta(days=card.sm2_state.interval)
            return sm2.needs_redrill(grade)
        card.memory = scheduler.review(card.memory, rating, today)
        card.due = scheduler.due_day(card.memory)
        return fsrs.needs_redrill(rating)

    for offset in range(days):
        today = START + timedelta(days=offset)
        if scheduler_name == "fsrs" and offset and offset % OPTIMIZE_EVERY == 0:
            scheduler = optimized(scheduler, cards, outcome)
        # The probes come before the day's study: what the student would recall if asked out of the blue.
        met = [card for card in cards if card.truth is not None]
        for card in rng.sample(met, min(PROBES_PER_DAY, len(met))):
            assert card.truth is not None
            outcome.probes.append(truth.recall(card.truth, today))
        plan = plan_day(
            due=[DueCard(card.id, card.point, card.due) for card in cards if card.due and card.due <= today],
            new=[NewCard(card.id, card.point, card.position) for card in cards if card.due is None],
            redrills=[], limits=LIMITS, done=DoneToday())
        repeats: dict[int, int] = {}
        queue = [(cards[card_id], "review") for card_id in plan.reviews] + [(cards[i], "new") for i in plan.new]
        while queue:
            card, kind = queue.pop(0)
            if answer(card, today, kind) and repeats.get(card.id, 0) < MAX_REPEATS:
                repeats[card.id] = repeats.get(card.id, 0) + 1
                queue.append((card, "redrill"))
    last = START + timedelta(days=days - 1)
    outcome.cards_met = sum(card.truth is not None for card in cards)
    outcome.remembered = sum(truth.recall(card.truth, last) for card in cards if card.truth is not None)
    return outcome


def optimized(scheduler: fsrs.Scheduler, cards: Sequence[Card], outcome: Outcome) -> fsrs.Scheduler:
    """What "Optimize my schedule" does: fit, keep the best, replay every card with the kept parameters."""
    histories = [card.answers for card in cards if card.answers]
    if fsrs.training_reviews(histories) < fsrs.MIN_TRAINING_REVIEWS:
        return scheduler
    own = None if scheduler.parameters == fsrs.DEFAULT_PARAMETERS else scheduler.parameters
    result = fsrs.optimize(histories, own)
    kept = result.parameters_to_use(own)
    outcome.optimized += result.kept == "optimized"
    replayed = fsrs.Scheduler(kept, scheduler.desired_retention)
    for card in cards:
        if card.answers:
            card.memory = replayed.replay(card.answers)
            assert card.memory is not None
            card.due = replayed.due_day(card.memory)
    return replayed


@dataclass
class Totals:
    answers: int = 0
    seconds: int = 0
    probes: list[float] = field(default_factory=list)
    remembered: float = 0.0
    cards_met: int = 0
    optimized: int = 0

    def add(self, outcome: Outcome) -> None:
        self.answers += outcome.answers
        self.seconds += outcome.seconds
        self.probes += outcome.probes
        self.remembered += outcome.remembered
        self.cards_met += outcome.cards_met
        self.optimized += outcome.optimized

    @property
    def retention(self) -> float:
        return sum(self.probes) / len(self.probes) if self.probes else 0.0


def channel_decks() -> list[DeckRecord]:
    bundle = load_bundle([PROJECT_ROOT / "decks"])
    if bundle.problems:
        raise SystemExit(f"the decks have problems: {bundle.problems[0]}")
    return [deck for deck in bundle.decks if deck.kind == "channel" and deck.points]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench simulate", description=__doc__.split("\n")[0])
    parser.add_argument("--students", type=int, default=20)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    if args.students < 1 or args.days < 1:
        parser.error("--students and --days must be at least 1")
    decks = channel_decks()
    rng = random.Random(args.seed)
    # The two the issue compares, then FSRS at higher retentions: the cost of matching SM-2's retention.
    runs = {"sm2": ("sm2", RETENTION), "fsrs": ("fsrs", RETENTION),
            **{f"fsrs at {more:.2f}": ("fsrs", more) for more in ALSO_RETENTIONS}}
    totals = {name: Totals() for name in runs}
    started = time.perf_counter()
    for number in range(args.students):
        deck = rng.choice(decks)
        parameters = true_parameters(rng)
        seed = rng.randrange(2**32)
        for name, (scheduler, retention) in runs.items():
            totals[name].add(run(deck, parameters, scheduler, args.days, seed, retention))
        print(f"student {number + 1}/{args.students}: {deck.title}, decay {parameters[20]:.2f} "
              f"({time.perf_counter() - started:.0f} s)", file=sys.stderr)

    student_days = args.students * args.days
    header = ("scheduler", "reviews/day", "total reviews", "retention", "minutes/day", "remembered",
              "s per remembered card")
    rows = [
        (name, f"{total.answers / student_days:.1f}", f"{total.answers:,}", f"{total.retention:.3f}",
         f"{total.seconds / 60 / student_days:.1f}", f"{total.remembered / args.students:.0f} of "
         f"{total.cards_met / args.students:.0f}", f"{total.seconds / max(total.remembered, 1e-9):.0f}")
        for name, total in totals.items()
    ]
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(len(header))]
    print(f"{args.students} students, {args.days} days each, one channel's cards; FSRS at {RETENTION:.2f} "
          f"unless named, the students' own parameters kept for {totals['fsrs'].optimized} of its fits")
    print(" | ".join(text.ljust(width) for text, width in zip(header, widths, strict=True)))
    print("-|-".join("-" * width for width in widths))
    for row in rows:
        print(" | ".join(text.rjust(width) if i else text.ljust(width)
                         for i, (text, width) in enumerate(zip(row, widths, strict=True))))
    for name in ("sm2", "fsrs"):
        print(f"{name}: reviews {totals[name].answers}, retention {totals[name].retention:.3f}")
    return 0
