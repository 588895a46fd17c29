"""The progress page's numbers and charts: today, streaks, heatmap, forecast, retention, mastery,
weakest points, leeches, and SVG that is well-formed, labelled and escaped."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, timedelta

import pytest

from studyapp.core.progress.charts import forecast_chart, heatmap_chart, mastery_chart
from studyapp.core.progress.stats import (
    LEECH_LAPSES,
    DayTally,
    DayTotals,
    ForecastDay,
    MasteryCard,
    MasteryRow,
    PassRate,
    RetentionTally,
    Streaks,
    WeakCard,
    WeakPoint,
    answer_totals,
    day_counts,
    day_totals,
    forecast,
    heatmap_weeks,
    is_leech,
    mastery,
    retention,
    review_class,
    streaks,
    today_progress,
    weakest,
)

TODAY = date(2026, 3, 2)  # a Monday
SVG = "{http://www.w3.org/2000/svg}"


def ago(days: int, today: date = TODAY) -> date:
    return today - timedelta(days=days)


# --- today -----------------------------------------------------------------------------------

def test_today_counts_cards_done_without_redrills_but_time_with_them() -> None:
    days = [DayTally(TODAY, answers=42, redrills=7, answer_ms=360_000), DayTally(ago(1), 99, 0, 999_000)]
    progress = today_progress(days, TODAY, reviews_left=12, new_left=3)
    assert (progress.done, progress.left, progress.due) == (35, 15, 50)
    assert progress.answer_ms == 360_000
    assert progress.minutes == 6
    assert not progress.counts_for_streak  # 12 due reviews still waiting


def test_today_counts_for_the_streak_once_no_review_is_left() -> None:
    studied = today_progress([DayTally(TODAY, 3, 0, 1)], TODAY, reviews_left=0, new_left=20)
    idle = today_progress([DayTally(ago(1), 3, 0, 1)], TODAY, reviews_left=0, new_left=20)
    assert studied.counts_for_streak  # new cards left over do not matter
    assert not idle.counts_for_streak  # nothing answered today: nothing to count


# --- streaks ---------------------------------------------------------------------------------

def test_a_day_without_answers_breaks_the_streak() -> None:
    days = [ago(6), ago(5), ago(4), ago(2), ago(1)]  # ago(3) missed
    assert streaks(days, TODAY, today_done=True) == Streaks(current=3, longest=3)
    assert streaks(days, TODAY, today_done=False) == Streaks(current=2, longest=3)


def test_today_not_done_yet_does_not_break_the_current_streak() -> None:
    days = [ago(3), ago(2), ago(1), TODAY]  # studied today, but reviews are still due
    assert streaks(days, TODAY, today_done=False) == Streaks(current=3, longest=3)
    assert streaks(days, TODAY, today_done=True) == Streaks(current=4, longest=4)


def test_missing_yesterday_leaves_no_current_streak() -> None:
    assert streaks([ago(3), ago(2)], TODAY, today_done=False) == Streaks(current=0, longest=2)
    assert streaks([ago(3), ago(2)], TODAY, today_done=True) == Streaks(current=1, longest=2)


def test_longest_streak_is_found_anywhere_in_history() -> None:
    old_run = [ago(400 + offset) for offset in range(10)]
    recent = [ago(2), ago(1)]
    assert streaks(old_run + recent + old_run, TODAY, today_done=False) == Streaks(current=2, longest=10)


def test_streak_ignores_days_after_today_and_handles_no_history() -> None:
    assert streaks([TODAY + timedelta(days=1), ago(1)], TODAY, today_done=False) == Streaks(1, 1)
    assert streaks([], TODAY, today_done=False) == Streaks(0, 0)


# --- heatmap ---------------------------------------------------------------------------------

def test_day_counts_cover_365_days_ending_today_without_redrills() -> None:
    days = [
        DayTally(TODAY, answers=16, redrills=4, answer_ms=0),
        DayTally(ago(364), 1, 0, 0),
        DayTally(ago(365), 50, 0, 0),  # one day too old
    ]
    counts = day_counts(days, TODAY)
    assert len(counts) == 365
    assert list(counts) == sorted(counts)
    assert next(iter(counts)) == ago(364)
    assert counts[TODAY] == 12
    assert counts[ago(364)] == 1
    assert counts[ago(100)] == 0
    assert ago(365) not in counts


def test_heatmap_lays_days_out_in_monday_first_week_columns() -> None:
    wednesday = date(2026, 3, 4)
    heatmap = heatmap_weeks({wednesday: 3}, wednesday)
    assert heatmap.first_day == date(2025, 3, 5)  # also a Wednesday
    assert all(len(week) == 7 for week in heatmap.weeks)
    assert len(heatmap.weeks) == 53
    assert len(heatmap.cells) == 365
    first_week, last_week = heatmap.weeks[0], heatmap.weeks[-1]
    assert first_week[:2] == (None, None)  # Monday and Tuesday are before the range
    assert first_week[2] is not None and first_week[2].day == heatmap.first_day
    assert [cell.day.weekday() for week in heatmap.weeks for cell in week if cell] == [
        day.weekday() for day in (heatmap.first_day + timedelta(days=n) for n in range(365))]
    assert last_week[2] is not None and last_week[2].day == wednesday and last_week[2].count == 3
    assert last_week[3:] == (None, None, None, None)


def test_heatmap_levels_are_quartiles_of_days_studied() -> None:
    counts = {ago(n): n + 1 for n in range(8)}  # 1..8 reviews on the last 8 days
    heatmap = heatmap_weeks(counts, TODAY)
    levels = {cell.count: cell.level for cell in heatmap.cells if cell.count}
    assert levels == {1: 1, 2: 1, 3: 2, 4: 2, 5: 3, 6: 3, 7: 4, 8: 4}
    assert sum(1 for cell in heatmap.cells if cell.level == 0) == 365 - 8
    assert (heatmap.total, heatmap.active_days) == (36, 8)


def test_heatmap_gives_the_busiest_day_the_top_level() -> None:
    few = heatmap_weeks({ago(2): 1, ago(1): 14, TODAY: 40}, TODAY)
    assert [cell.level for cell in few.cells[-3:]] == [2, 3, 4]
    steady = heatmap_weeks({ago(n): 20 for n in range(10)}, TODAY)
    assert {cell.level for cell in steady.cells if cell.count} == {4}


# --- forecast --------------------------------------------------------------------------------

def test_forecast_has_30_days_with_overdue_cards_on_today() -> None:
    due = {ago(10): 4, ago(1): 2, TODAY: 5, TODAY + timedelta(days=3): 7,
           TODAY + timedelta(days=29): 1, TODAY + timedelta(days=30): 99}
    days = forecast(due, TODAY)
    assert len(days) == 30
    assert [day.day for day in days] == [TODAY + timedelta(days=n) for n in range(30)]
    assert days[0] == ForecastDay(TODAY, 11)
    assert days[3].due == 7
    assert days[29].due == 1
    assert sum(day.due for day in days) == 19  # the card due on day 30 is outside the window


def test_forecast_accepts_query_rows() -> None:
    rows = [(TODAY, 2), (TODAY + timedelta(days=1), 3)]
    assert [day.due for day in forecast(rows, TODAY, days=3)] == [2, 3, 0]


# --- retention -------------------------------------------------------------------------------

def retention_tallies(log: list[tuple[date, str, int, int]]) -> list[RetentionTally]:
    """Log rows (study day, kind, interval before, grade) to per-day retention tallies."""
    return [day.retention for day in day_totals((*row, 1000) for row in log)]


def test_retention_splits_mature_and_young_at_21_days() -> None:
    log = [
        (TODAY, "review", 21, 4),  # mature, passed
        (TODAY, "review", 200, 2),  # mature, failed
        (TODAY, "review", 20, 3),  # young, passed
        (TODAY, "review", 1, 1),  # young, failed
        (ago(1), "review", 6, 5),  # young, passed
    ]
    assert retention_tallies(log) == [RetentionTally(ago(1), 0, 0, 1, 1), RetentionTally(TODAY, 1, 2, 1, 2)]
    week = retention(retention_tallies(log), TODAY, windows=(7,))[0]
    assert week.mature == PassRate(passed=1, total=2)
    assert week.young == PassRate(passed=2, total=3)
    assert week.mature.share == 0.5


def test_retention_excludes_redrills_and_first_answers() -> None:
    assert [review_class(kind, interval) for kind, interval in [
        ("review", 30), ("review", 1), ("redrill", 30), ("redrill", 1), ("new", 0)]] == [
        "mature", "young", None, None, None]
    log = [(TODAY, "review", 30, 0), (TODAY, "redrill", 30, 5), (TODAY, "redrill", 1, 5), (TODAY, "new", 0, 5)]
    week = retention(retention_tallies(log), TODAY, windows=(7,))[0]
    assert week.mature == PassRate(0, 1)
    assert week.young == PassRate(0, 0)
    assert week.young.share is None


def test_day_totals_sum_each_days_answers() -> None:
    log = [
        (ago(1), "new", 0, 5, 4_000),
        (TODAY, "review", 30, 4, 2_000),  # mature, passed
        (TODAY, "review", 3, 1, 9_000),  # young, failed
        (TODAY, "redrill", 3, 4, 3_000),  # a repeat: an answer, not a review
        (TODAY, "new", 0, 2, 1_000),
    ]
    assert day_totals(log) == [
        DayTotals(ago(1), answers=1, redrills=0, reviews=0, mature_passed=0, mature_total=0, young_passed=0,
                  young_total=0, answer_ms=4_000),
        DayTotals(TODAY, answers=4, redrills=1, reviews=2, mature_passed=1, mature_total=1, young_passed=0,
                  young_total=1, answer_ms=15_000),
    ]
    today = day_totals(log)[1]
    assert today.tally == DayTally(TODAY, 4, 1, 15_000)
    assert today.retention == RetentionTally(TODAY, 1, 1, 0, 1)
    # One answer's share is a day of that answer alone.
    assert day_totals([log[1]]) == [answer_totals(*log[1])]


def test_retention_windows_end_today() -> None:
    tallies = [
        RetentionTally(ago(6), 1, 1, 0, 0),  # inside 7 days
        RetentionTally(ago(7), 0, 2, 0, 0),  # 8th day back: only in 30 and 365
        RetentionTally(ago(364), 4, 4, 0, 0),
        RetentionTally(ago(365), 100, 100, 0, 0),  # outside every window
        RetentionTally(TODAY + timedelta(days=1), 100, 100, 0, 0),
    ]
    result = {window.days: window.mature for window in retention(tallies, TODAY)}
    assert result == {7: PassRate(1, 1), 30: PassRate(1, 3), 365: PassRate(5, 7)}


def test_retention_has_no_share_without_reviews() -> None:
    windows = retention([], TODAY)
    assert [window.days for window in windows] == [7, 30, 365]
    for window in windows:
        assert window.mature.share is None and window.young.share is None


# --- mastery ---------------------------------------------------------------------------------

def test_mastery_counts_points_per_channel() -> None:
    cards = []
    for n in range(1, 21):  # KI-1..KI-20: both cards mature
        cards += [MasteryCard("Kidney", f"KI-{n}", 21, True), MasteryCard("Kidney", f"KI-{n}", 90, True)]
    cards += [MasteryCard("Kidney", "KI-21", 40, True), MasteryCard("Kidney", "KI-21", 20, True)]  # one short
    cards += [MasteryCard("Kidney", "KI-22", 40, True), MasteryCard("Kidney", "KI-22", 0, False)]  # one new
    cards += [MasteryCard("Kidney", f"KI-{n}", 1, True) for n in (23, 24, 25)]  # lapsed or young
    cards += [MasteryCard("Kidney", f"KI-{n}", 0, False) for n in (26, 27)]
    cards += [MasteryCard("Lung", "LU-1", 0, False)]
    rows = mastery(cards)
    assert rows == [MasteryRow("Kidney", mature=20, learning=5, new=2), MasteryRow("Lung", 0, 0, 1)]
    assert rows[0].label == "Kidney 20/27 mature"


def test_mastery_keeps_group_order_and_judges_a_point_per_group() -> None:
    cards = [
        MasteryCard("Theme: cautions", "SP-6", 0, False),
        MasteryCard("Spleen", "SP-6", 30, True),
        MasteryCard("Theme: cautions", "LI-4", 30, True),
    ]
    assert mastery(cards) == [MasteryRow("Theme: cautions", 1, 0, 1), MasteryRow("Spleen", 1, 0, 0)]


# --- weakest points and leeches -----------------------------------------------------------------

def test_weakest_orders_by_lowest_easiness_then_most_lapses() -> None:
    cards = [
        WeakCard("ST-36", 250, 0, True),
        WeakCard("ST-36", 180, 1, True),  # ST-36: min 180, 1 lapse
        WeakCard("LI-4", 180, 3, True),  # LI-4: min 180, 3 lapses
        WeakCard("SP-6", 130, 0, True),
        WeakCard("SP-6", 100, 9, False),  # never answered: ignored
        WeakCard("KI-3", 240, 0, True),
        WeakCard("LU-7", 260, 0, True),  # no trouble: not listed
        WeakCard("HT-7", 250, 2, True),
    ]
    assert weakest(cards) == [
        WeakPoint("SP-6", 130, 0, leech=False),
        WeakPoint("LI-4", 180, 3, leech=False),
        WeakPoint("ST-36", 180, 1, leech=False),
        WeakPoint("KI-3", 240, 0, leech=False),
        WeakPoint("HT-7", 250, 2, leech=False),
    ]
    assert [point.point for point in weakest(cards, limit=2)] == ["SP-6", "LI-4"]


def test_weakest_sums_lapses_and_flags_a_point_with_a_leech() -> None:
    cards = [WeakCard("GB-20", 130, 4, True), WeakCard("GB-20", 130, 4, True), WeakCard("GB-21", 130, 8, True)]
    assert weakest(cards) == [WeakPoint("GB-20", 130, 8, leech=False), WeakPoint("GB-21", 130, 8, leech=True)]


@pytest.mark.parametrize(("lapses", "leech"), [(0, False), (LEECH_LAPSES - 1, False), (LEECH_LAPSES, True), (12, True)])
def test_a_card_with_eight_lapses_is_a_leech(lapses: int, leech: bool) -> None:
    assert LEECH_LAPSES == 8
    assert is_leech(lapses) is leech


# --- charts ----------------------------------------------------------------------------------

def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)  # raises on markup that is not well-formed
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("viewBox") and root.get("width") == "100%"
    assert "href" not in svg and "<image" not in svg and "<script" not in svg
    return root


def titles(root: ET.Element) -> list[str]:
    return [element.text or "" for element in root.iter(f"{SVG}title")]


def test_heatmap_svg_has_a_titled_square_per_day() -> None:
    counts = {TODAY: 14, ago(1): 1, ago(300): 40}
    chart = heatmap_chart(heatmap_weeks(counts, TODAY))
    root = parse(chart.svg)
    days = root.find(f"{SVG}g[@class='days']")
    assert days is not None
    squares = days.findall(f"{SVG}rect")
    assert len(squares) == 365
    assert all(len(square.findall(f"{SVG}title")) == 1 for square in squares)
    assert "2026-03-02: 14 cards studied" in titles(root)
    assert "2026-03-01: 1 card studied" in titles(root)
    assert {square.get("class") for square in squares} == {"lvl-0", "lvl-2", "lvl-3", "lvl-4"}
    assert root.get("aria-label") == chart.summary
    assert "55 cards on 3 of 365 days" in chart.summary


def test_heatmap_svg_stacks_weeks_in_bands_that_fit_a_phone() -> None:
    heatmap = heatmap_weeks({TODAY: 1}, TODAY)

    def layout(bands: int) -> tuple[set[float], float]:
        root = parse(heatmap_chart(heatmap, bands=bands).svg)
        squares = root.findall(f"{SVG}g[@class='days']/{SVG}rect")
        assert len(squares) == 365
        view_width = float((root.get("viewBox") or "").split()[2])
        return {float(square.get("y") or 0) for square in squares}, view_width

    (one_strip_rows, wide), (two_strip_rows, narrow) = layout(1), layout(2)
    assert (len(one_strip_rows), len(two_strip_rows)) == (7, 14)
    assert narrow <= 360 < wide
    texts = [element.text for element in parse(heatmap_chart(heatmap).svg).iter(f"{SVG}text")]
    assert all(month in texts for month in ("Jan", "Jun", "Dec", "Mon", "Wed", "Fri"))


def test_forecast_svg_has_a_titled_bar_per_day() -> None:
    days = forecast({ago(3): 2, TODAY: 3, TODAY + timedelta(days=2): 9}, TODAY)
    chart = forecast_chart(days)
    root = parse(chart.svg)
    bars = root.findall(f".//{SVG}g[@class='bar']")
    assert len(bars) == 30
    assert titles(root)[:3] == ["2026-03-02: 5 reviews due", "2026-03-03: 0 reviews due", "2026-03-04: 9 reviews due"]
    texts = [element.text for element in root.iter(f"{SVG}text")]
    assert "today" in texts and "Mar 9" in texts and "9" in texts  # axis labels: dates and the peak
    assert "14 in all, 5 today" in chart.summary


def test_forecast_svg_keeps_a_single_card_visible_beside_a_busy_day() -> None:
    root = parse(forecast_chart(forecast({TODAY: 1000, TODAY + timedelta(days=1): 1}, TODAY)).svg)
    heights = [float(rect.get("height") or 0) for rect in root.iter(f"{SVG}rect") if rect.get("class") == "due"]
    assert len(heights) == 2 and heights[0] == 120 and heights[1] >= 1


def test_mastery_svg_escapes_labels() -> None:
    evil = """<script>&"'"""
    chart = mastery_chart([MasteryRow(evil, 20, 5, 2)], title="Channels <b>")
    root = parse(chart.svg)
    assert "<script>" not in chart.svg and "<b>" not in chart.svg
    texts = [element.text for element in root.iter(f"{SVG}text")]
    assert f"{evil} 20/27 mature" in texts  # escaped in the markup, intact once parsed
    assert f"{evil}: 20 of 27 points mature" in titles(root)
    assert root.get("aria-label") == chart.summary
    assert chart.summary.startswith("Channels <b>: ")


def test_mastery_svg_gives_a_long_name_its_own_line() -> None:
    name = "Confluent points of the extraordinary vessels"
    root = parse(mastery_chart([MasteryRow(name, 0, 2, 6), MasteryRow("Kidney", 20, 5, 2)]).svg)
    texts = [element.text for element in root.iter(f"{SVG}text")]
    assert texts == [name, "0/8 mature · 2 learning · 6 new", "Kidney 20/27 mature", "5 learning · 2 new"]


def test_mastery_svg_draws_segments_in_proportion() -> None:
    root = parse(mastery_chart([MasteryRow("Kidney", 20, 5, 2), MasteryRow("Lung", 0, 0, 11)]).svg)
    rects = {(rect.get("class"), float(rect.get("y") or 0)): float(rect.get("width") or 0)
             for rect in root.iter(f"{SVG}rect") if rect.get("class") != "track"}
    kidney = {part: width for (part, y), width in rects.items() if y < 36}
    assert kidney["mature"] == pytest.approx(4 * kidney["learning"], abs=0.2)
    assert kidney["learning"] == pytest.approx(2.5 * kidney["new"], abs=0.2)
    assert [part for (part, y) in rects if y >= 36] == ["new"]  # no empty segments drawn


def test_charts_without_data_still_render() -> None:
    assert "none yet" in heatmap_chart(heatmap_weeks({}, TODAY)).summary
    assert forecast_chart(forecast({}, TODAY)).summary == "No reviews due in the next 30 days."
    parse(forecast_chart(forecast({}, TODAY)).svg)
    parse(mastery_chart([]).svg)


def test_forecast_labels_sit_under_their_own_bars() -> None:
    """Each labelled day (today, then every seventh) has a tick under the middle of its bar and its
    label centred on that tick, so "today" is not read as tomorrow's bar."""
    days = forecast({TODAY: 3, TODAY + timedelta(days=1): 30}, TODAY)
    root = parse(forecast_chart(days).svg)
    bars = root.findall(f".//{SVG}g[@class='bar']")
    ticks = root.findall(f".//{SVG}line[@class='tick']")
    labels = [text for text in root.iter(f"{SVG}text") if text.get("text-anchor") == "middle"]
    assert labels[0].text == "today" and len(ticks) == len(labels) == 5
    for index, (tick, label) in enumerate(zip(ticks, labels, strict=True)):
        frame = bars[index * 7].find(f"{SVG}rect")
        assert frame is not None
        middle = float(frame.get("x") or 0) + float(frame.get("width") or 0) / 2
        assert float(tick.get("x1") or 0) == float(label.get("x") or 0) == middle
