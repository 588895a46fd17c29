"""A student's progress, computed (pure): no Flask, no database, no clock.

The database layer passes rows straight in, one per study day (not one per answer: a year of study
is about 73,000 answers but only 365 days); each function makes one pass over them. Inputs are
`NamedTuple`s, so SQLAlchemy result rows with the same columns in the same order can be passed as
they are. Outputs are frozen dataclasses. `today` (a study day) is always a parameter.

- `DayTotals`, one row per student and study day: the `review_days` table, kept in step with the
  review log as each answer is written or undone (`answer_totals` is one answer's share of its day,
  `day_totals` sums raw log rows). Each row gives a `DayTally` (heatmap, today, streaks) and a
  `RetentionTally` (true retention).

- `(due_day, count)` pairs for `forecast`: live (not retired, not suspended) card states of the
  student's chosen decks, `WHERE user_id = :u AND due_day < :end GROUP BY due_day`.

- `MasteryCard` and `WeakCard`: one row per live card state of the student (a few thousand).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

from studyapp.core.scheduling.sm2 import PASSING_QUALITY, SM2State, easiness_text

MATURE_INTERVAL = 21  # days: a review of a card at this interval or longer is a "mature" review
MAX_ANSWER_MS = 3_600_000  # an answer's time is kept up to an hour (a card left open overnight is not study)
LEECH_LAPSES = 8  # a card that has lapsed this often is a leech: flagged and suspended
START_EASINESS_CENTI = SM2State().easiness_centi  # 250: every card starts here
HEATMAP_DAYS = 365
FORECAST_DAYS = 30
RETENTION_WINDOWS = (7, 30, 365)


# --- inputs ---------------------------------------------------------------------------------

class DayTally(NamedTuple):
    """One study day's answers and the time spent on them."""

    study_day: date
    answers: int  # every answer, re-drills included
    redrills: int  # of which step-7 re-drills (same-day repeats)
    answer_ms: int


class RetentionTally(NamedTuple):
    """One study day's scheduled reviews of mature and of young cards, and how many passed."""

    study_day: date
    mature_passed: int
    mature_total: int
    young_passed: int
    young_total: int


class DayTotals(NamedTuple):
    """One study day's answers, summed: what the progress page needs of the log, one row per day."""

    study_day: date
    answers: int  # every answer, re-drills included
    redrills: int  # of which step-7 re-drills (same-day repeats)
    reviews: int  # of which scheduled reviews (the daily review cap counts these)
    mature_passed: int  # scheduled reviews of mature cards graded PASSING_QUALITY or more
    mature_total: int
    young_passed: int
    young_total: int
    answer_ms: int

    @property
    def tally(self) -> DayTally:
        return DayTally(self.study_day, self.answers, self.redrills, self.answer_ms)

    @property
    def retention(self) -> RetentionTally:
        return RetentionTally(self.study_day, self.mature_passed, self.mature_total, self.young_passed,
                              self.young_total)


def answer_totals(study_day: date, kind: str, prev_interval: int, grade: int, answer_ms: int) -> DayTotals:
    """One review-log row's share of its day's `DayTotals`."""
    which = review_class(kind, prev_interval)
    passed = int(grade >= PASSING_QUALITY)
    return DayTotals(
        study_day, answers=1, redrills=int(kind == "redrill"), reviews=int(kind == "review"),
        mature_passed=passed if which == "mature" else 0, mature_total=int(which == "mature"),
        young_passed=passed if which == "young" else 0, young_total=int(which == "young"),
        answer_ms=answer_ms,
    )


def day_totals(rows: Iterable[tuple[date, str, int, int, int]]) -> list[DayTotals]:
    """`DayTotals` per day, oldest first, from raw review-log rows
    `(study_day, kind, prev_interval, grade, answer_ms)`."""
    per_day: dict[date, list[int]] = {}
    for row in rows:
        share = answer_totals(*row)
        sums = per_day.get(share.study_day)
        if sums is None:
            per_day[share.study_day] = list(share[1:])
        else:
            for index, value in enumerate(share[1:]):
                sums[index] += value
    return [DayTotals(day, *sums) for day, sums in sorted(per_day.items())]


class MasteryCard(NamedTuple):
    """One card state, under the group (channel or theme) it is counted in."""

    group: str
    point: str  # point code
    interval: int
    answered: bool  # due_day is not None


class WeakCard(NamedTuple):
    point: str  # point code
    easiness_centi: int
    lapses: int
    answered: bool  # due_day is not None


# --- today and streaks ----------------------------------------------------------------------

@dataclass(frozen=True)
class TodayProgress:
    done: int  # cards studied today: first answers and scheduled reviews (re-drills are repeats)
    reviews_left: int  # due reviews still in today's queue (from the day plan, within the daily cap)
    new_left: int  # new cards still in today's queue
    answer_ms: int  # time spent answering today, re-drills included
    repeats: int = 0  # again-today repeats (step-7 re-drills) answered today

    @property
    def answers(self) -> int:
        """Every answer today: the cards studied and their again-today repeats."""
        return self.done + self.repeats

    @property
    def left(self) -> int:
        return self.reviews_left + self.new_left

    @property
    def due(self) -> int:
        """Today's cards: those done and those left."""
        return self.done + self.left

    @property
    def minutes(self) -> int:
        return round(self.answer_ms / 60_000)

    @property
    def counts_for_streak(self) -> bool:
        """Today is a streak day once the student has answered a card and no due review is left."""
        return self.done > 0 and self.reviews_left == 0


def today_progress(days: Iterable[DayTally], today: date, reviews_left: int, new_left: int) -> TodayProgress:
    """`reviews_left` and `new_left` come from today's day plans (`day_plan.plan_day`), summed over decks."""
    done = answer_ms = repeats = 0
    for study_day, answers, redrills, millis in days:
        if study_day == today:
            done += answers - redrills
            repeats += redrills
            answer_ms += millis
    return TodayProgress(done=done, reviews_left=reviews_left, new_left=new_left, answer_ms=answer_ms,
                         repeats=repeats)


@dataclass(frozen=True)
class Streaks:
    current: int
    longest: int


def streaks(study_days: Iterable[date], today: date, today_done: bool) -> Streaks:
    """Runs of consecutive streak days.

    A day before `today` is a streak day if the student answered at least one card on it: pass the
    `study_day` of every `DayTally` row and of the older study days. What was due on a past day is
    not stored, and rebuilding it from the log would be wrong exactly when it matters: a backlog held
    back by the daily review cap, a deck set aside and chosen again, a suspended or retired card
    would all look like unfinished days and could shrink a streak long after it was earned.

    `today` is a streak day only if `today_done` (see `TodayProgress.counts_for_streak`); days
    listed on or after `today` are ignored. While today is not done, the current streak runs up to
    yesterday: not having finished yet does not break it, but a day with no answers does.
    """
    days = {day for day in study_days if day < today}
    if today_done:
        days.add(today)
    longest = 0
    for day in days:
        if day - timedelta(days=1) in days:
            continue  # not the first day of its run
        length = 1
        while day + timedelta(days=length) in days:
            length += 1
        longest = max(longest, length)
    current = 0
    day = today if today_done else today - timedelta(days=1)
    while day in days:
        current += 1
        day -= timedelta(days=1)
    return Streaks(current=current, longest=longest)


# --- heatmap ---------------------------------------------------------------------------------

def day_counts(days: Iterable[DayTally], today: date, window: int = HEATMAP_DAYS) -> dict[date, int]:
    """Cards studied (first answers and reviews, not re-drills) on each of the `window` days ending
    `today`, oldest first, days without study included as 0."""
    first = today - timedelta(days=window - 1)
    counts = {first + timedelta(days=offset): 0 for offset in range(window)}
    for study_day, answers, redrills, _ in days:
        if study_day in counts:
            counts[study_day] += answers - redrills
    return counts


@dataclass(frozen=True)
class HeatCell:
    day: date
    count: int
    level: int  # 0 for no reviews, else 1-4: see `heat_level`


@dataclass(frozen=True)
class Heatmap:
    first_day: date
    last_day: date
    weeks: tuple[tuple[HeatCell | None, ...], ...]  # columns of 7 (Monday first); None outside the range

    @property
    def cells(self) -> list[HeatCell]:
        return [cell for week in self.weeks for cell in week if cell is not None]

    @property
    def total(self) -> int:
        return sum(cell.count for cell in self.cells)

    @property
    def active_days(self) -> int:
        return sum(1 for cell in self.cells if cell.count)


def heat_level(count: int, studied_sorted: list[int]) -> int:
    """0 for no reviews; otherwise the quartile of the student's own study days (`studied_sorted`:
    the non-zero counts, ascending) that `count` falls in, by the share of study days with `count`
    reviews or fewer. The busiest day is always 4, and a student who does the same every day sees 4
    throughout; a quiet day among busy ones is 1."""
    if count <= 0 or not studied_sorted:
        return 0
    at_most = bisect_right(studied_sorted, count)
    return max(1, -(-4 * at_most // len(studied_sorted)))


def heatmap_weeks(counts: Mapping[date, int], today: date, window: int = HEATMAP_DAYS) -> Heatmap:
    """Lay the `window` days ending `today` out in week columns, Monday to Sunday."""
    first = today - timedelta(days=window - 1)
    in_range = [counts.get(first + timedelta(days=offset), 0) for offset in range(window)]
    studied = sorted(count for count in in_range if count > 0)
    day = first - timedelta(days=first.weekday())
    weeks: list[tuple[HeatCell | None, ...]] = []
    while day <= today:
        week: list[HeatCell | None] = []
        for _ in range(7):
            if first <= day <= today:
                count = in_range[(day - first).days]
                week.append(HeatCell(day, count, heat_level(count, studied)))
            else:
                week.append(None)
            day += timedelta(days=1)
        weeks.append(tuple(week))
    return Heatmap(first_day=first, last_day=today, weeks=tuple(weeks))


# --- forecast --------------------------------------------------------------------------------

@dataclass(frozen=True)
class ForecastDay:
    day: date
    due: int


def forecast(
    due_counts: Mapping[date, int] | Iterable[tuple[date, int]], today: date, days: int = FORECAST_DAYS
) -> list[ForecastDay]:
    """Reviews due on each of the `days` days from `today`; overdue cards are due today.

    `due_counts` gives the number of cards due on each day (as `card_states` stand now, so today's
    entry is what is still due today). Days past the window are ignored.
    """
    pairs = due_counts.items() if isinstance(due_counts, Mapping) else due_counts
    totals = [0] * days
    for due_day, count in pairs:
        offset = max(0, (due_day - today).days)
        if offset < days:
            totals[offset] += count
    return [ForecastDay(today + timedelta(days=offset), total) for offset, total in enumerate(totals)]


# --- retention -------------------------------------------------------------------------------

@dataclass(frozen=True)
class PassRate:
    passed: int
    total: int

    @property
    def share(self) -> float | None:
        """Passed / total, or None when there were no reviews to judge."""
        return self.passed / self.total if self.total else None


@dataclass(frozen=True)
class Retention:
    days: int  # the window: the last `days` study days, today included
    mature: PassRate  # reviews of cards whose interval was >= MATURE_INTERVAL
    young: PassRate  # reviews of cards whose interval was 1 to MATURE_INTERVAL - 1


def review_class(kind: str, prev_interval: int) -> str | None:
    """Which retention a review-log row counts toward: "mature", "young" or None.

    Only scheduled reviews count: a first answer ("new") has no interval to judge, and a "redrill"
    repeats a card already reviewed that day without changing its schedule.
    """
    if kind != "review" or prev_interval < 1:
        return None
    return "mature" if prev_interval >= MATURE_INTERVAL else "young"


def retention(
    tallies: Iterable[RetentionTally], today: date, windows: Iterable[int] = RETENTION_WINDOWS
) -> list[Retention]:
    """True retention, the share of scheduled reviews graded 3 or more, of mature and of young cards,
    for each window. A window of N days covers `today` and the N - 1 days before it."""
    windows = tuple(windows)
    sums = [[0, 0, 0, 0] for _ in windows]
    starts = [today - timedelta(days=window - 1) for window in windows]
    for study_day, mature_passed, mature_total, young_passed, young_total in tallies:
        if study_day > today:
            continue
        for start, total in zip(starts, sums, strict=True):
            if study_day >= start:
                total[0] += mature_passed
                total[1] += mature_total
                total[2] += young_passed
                total[3] += young_total
    return [
        Retention(window, mature=PassRate(total[0], total[1]), young=PassRate(total[2], total[3]))
        for window, total in zip(windows, sums, strict=True)
    ]


# --- mastery ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class MasteryRow:
    group: str
    mature: int  # points whose every card has an interval of MATURE_INTERVAL days or more
    learning: int  # points with some card answered, but not all mature
    new: int  # points with no card answered yet

    @property
    def total(self) -> int:
        return self.mature + self.learning + self.new

    @property
    def label(self) -> str:
        """'Kidney 20/27 mature'."""
        return f"{self.group} {self.mature}/{self.total} mature"


def card_state(answered: bool, interval: int) -> str:
    """A card is "new" until first answered, then "learning", and "mature" at MATURE_INTERVAL days."""
    if not answered:
        return "new"
    return "mature" if interval >= MATURE_INTERVAL else "learning"


def point_state(cards: int, answered: int, mature: int) -> str:
    """A point is "new" while none of its cards is answered, "mature" once every card is, else
    "learning" (counts of the student's cards of it)."""
    if not answered:
        return "new"
    return "mature" if mature == cards else "learning"


def mastery(cards: Iterable[MasteryCard]) -> list[MasteryRow]:
    """Points per group by how well they are known (`point_state`), groups in the order they first
    appear (so the query orders by deck position). A point in several groups is judged in each by
    its cards there."""
    counts: dict[str, dict[str, list[int]]] = {}  # group -> point -> [cards, answered, mature]
    for group, point, interval, answered in cards:
        tally = counts.setdefault(group, {}).setdefault(point, [0, 0, 0])
        tally[0] += 1
        tally[1] += answered
        tally[2] += card_state(answered, interval) == "mature"
    rows = []
    for group, points in counts.items():
        states = Counter(point_state(*tally) for tally in points.values())
        rows.append(MasteryRow(group, states["mature"], states["learning"], states["new"]))
    return rows


# --- weakest points and leeches ----------------------------------------------------------------

def is_leech(lapses: int) -> bool:
    return lapses >= LEECH_LAPSES


@dataclass(frozen=True)
class WeakPoint:
    point: str
    easiness_centi: int  # the lowest of its answered cards
    lapses: int  # all its answered cards together
    leech: bool  # one of its cards is a leech

    @property
    def easiness(self) -> str:
        return easiness_text(self.easiness_centi)


def weakest(cards: Iterable[WeakCard], limit: int = 10) -> list[WeakPoint]:
    """The points the student finds hardest: lowest easiness first, then most lapses.

    Only answered cards count, and only points with some sign of trouble (a card below the starting
    easiness, or a lapse), so a student who knows everything sees an empty list rather than
    arbitrary points. Ties keep the input order (so the query orders by point).
    """
    per_point: dict[str, list[int]] = {}  # point -> [min easiness, total lapses, max lapses]
    for point, easiness_centi, lapses, answered in cards:
        if not answered:
            continue
        agg = per_point.get(point)
        if agg is None:
            per_point[point] = [easiness_centi, lapses, lapses]
        else:
            agg[0] = min(agg[0], easiness_centi)
            agg[1] += lapses
            agg[2] = max(agg[2], lapses)
    troubled = [(point, agg) for point, agg in per_point.items() if agg[0] < START_EASINESS_CENTI or agg[1]]
    troubled.sort(key=lambda item: (item[1][0], -item[1][1]))
    return [WeakPoint(point, easiness, lapses, is_leech(most)) for point, (easiness, lapses, most) in troubled[:limit]]
