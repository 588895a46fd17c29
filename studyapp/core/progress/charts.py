"""The progress page's charts as inline SVG markup (pure): no Flask, no JavaScript, no downloads.

Each function returns a `Chart`: `svg`, markup the template marks safe (every piece of text in it
is escaped here), and `summary`, the same facts in one plain sentence for screen readers and for
anyone who prefers text. Every SVG has role="img" with the summary as its aria-label, a `<title>`
(a tooltip) on each day or bar, a viewBox and width="100%" so it scales to a phone, and CSS
classes instead of colours; their rules live in static/progress.css.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from html import escape

from studyapp.core.progress.knowledge import BANDS, Knowledge
from studyapp.core.progress.stats import ForecastDay, Heatmap, MasteryRow

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

@dataclass(frozen=True)
class Chart:
    svg: str
    summary: str


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _short_date(day: date) -> str:
    return f"{MONTHS[day.month - 1]} {day.day}"


def _svg(css_class: str, width: float, height: float, summary: str, body: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart {css_class}" role="img" '
        f'aria-label="{escape(summary)}" viewBox="0 0 {width:g} {height:g}" width="100%" '
        f'preserveAspectRatio="xMinYMin meet">' + "".join(body) + "</svg>"
    )


# --- heatmap ---------------------------------------------------------------------------------

CELL, GAP = 10, 2
STEP = CELL + GAP


def heatmap_chart(heatmap: Heatmap, bands: int = 2) -> Chart:
    """Reviews per day: one column per week (Monday at the top), one square per day.

    The weeks are cut into `bands` strips stacked one above the other, oldest first: two strips
    of about 27 weeks are as wide as a phone, so the squares and month names stay legible there;
    `bands=1` draws the familiar single strip for wide layouts.
    """
    left, month_row, band_gap = 26, 15, 6
    cells = heatmap.cells
    busiest = max(cells, key=lambda cell: cell.count, default=None)
    span = f"from {heatmap.first_day.isoformat()} to {heatmap.last_day.isoformat()}"
    if busiest is None or busiest.count == 0:
        summary = f"Cards studied per day {span}: none yet."
    else:
        summary = (
            f"Cards studied per day {span}: {_plural(heatmap.total, 'card')} on {heatmap.active_days} of "
            f"{_plural(len(cells), 'day')}; most in one day: {busiest.count} on {busiest.day.isoformat()}."
        )
    per_band = max(1, -(-len(heatmap.weeks) // max(1, bands)))
    band_height = month_row + 7 * STEP + band_gap
    body: list[str] = []
    days = ['<g class="days">']
    for column, week in enumerate(heatmap.weeks):
        band, band_column = divmod(column, per_band)
        top = band * band_height + month_row
        if band_column == 0:
            body += [f'<text x="0" y="{top + row * STEP + CELL - 1}" font-size="11">{name}</text>'
                     for row, name in ((0, "Mon"), (2, "Wed"), (4, "Fri"))]
        x = left + band_column * STEP
        for row, cell in enumerate(week):
            if cell is None:
                continue
            if cell.day.day == 1:
                body.append(f'<text x="{x}" y="{top - 4}" font-size="11">{MONTHS[cell.day.month - 1]}</text>')
            days.append(
                f'<rect class="lvl-{cell.level}" x="{x}" y="{top + row * STEP}" width="{CELL}" height="{CELL}" '
                f'rx="2"><title>{cell.day.isoformat()}: {_plural(cell.count, "card")} studied</title></rect>'
            )
    days.append("</g>")
    width = left + min(per_band, len(heatmap.weeks)) * STEP + 8  # room for a month named in the last column
    legend_y = -(-len(heatmap.weeks) // per_band) * band_height
    legend_x = width - 5 * STEP - 36
    legend = [f'<g class="legend" aria-hidden="true"><text x="{legend_x - 30}" y="{legend_y + CELL - 1}" '
              f'font-size="11">Less</text>']
    legend += [f'<rect class="lvl-{level}" x="{legend_x + level * STEP}" y="{legend_y}" width="{CELL}" '
               f'height="{CELL}" rx="2"/>' for level in range(5)]
    legend.append(f'<text x="{legend_x + 5 * STEP + 2}" y="{legend_y + CELL - 1}" font-size="11">More</text></g>')
    return Chart(_svg("chart-heatmap", width, legend_y + CELL + 2, summary, body + days + legend), summary)


# --- forecast --------------------------------------------------------------------------------

def forecast_chart(days: Sequence[ForecastDay]) -> Chart:
    """Reviews due on each coming day: one bar per day, today (with the overdue cards) first."""
    left, right, top, bottom, plot = 34, 12, 8, 26, 120
    bar_step, bar_width = 11, 8
    total = sum(day.due for day in days)
    peak = max(days, key=lambda day: day.due, default=None)
    if peak is None or total == 0:
        summary = f"No reviews due in the next {_plural(len(days), 'day')}."
    else:
        summary = (
            f"Reviews due in the next {len(days)} days, from {days[0].day.isoformat()} to "
            f"{days[-1].day.isoformat()}: {total} in all, {days[0].due} today (overdue included); "
            f"most on {peak.day.isoformat()} with {peak.due}."
        )
    scale = max(peak.due if peak else 0, 1)
    width = left + len(days) * bar_step + right
    baseline = top + plot
    body = [
        f'<line x1="{left - 2}" y1="{baseline}" x2="{width - right}" y2="{baseline}" stroke="currentColor" '
        f'stroke-width="1"/>',
        f'<text x="{left - 5}" y="{baseline}" font-size="13" text-anchor="end">0</text>',
        f'<text x="{left - 5}" y="{top + 10}" font-size="13" text-anchor="end">{scale}</text>',
    ]
    bars = ['<g class="bars">']
    for index, day in enumerate(days):
        x = left + index * bar_step
        height = max(1.0, round(plot * day.due / scale, 1)) if day.due else 0.0  # a lone card stays visible
        bar = [f'<g class="bar"><title>{day.day.isoformat()}: {_plural(day.due, "review")} due</title>',
               f'<rect x="{x}" y="{top}" width="{bar_step}" height="{plot}" fill="none" pointer-events="all"/>']
        if height > 0:
            bar.append(f'<rect class="due" x="{x + 1}" y="{baseline - height:g}" width="{bar_width}" '
                       f'height="{height:g}"/>')
        bar.append("</g>")
        bars.append("".join(bar))
        if index % 7 == 0:  # a tick under the bar's middle, its label centred on the tick
            label = "today" if index == 0 else _short_date(day.day)
            middle = x + bar_step / 2
            body.append(f'<line class="tick" x1="{middle:g}" y1="{baseline}" x2="{middle:g}" y2="{baseline + 4}" '
                        f'stroke="currentColor" stroke-width="1"/>'
                        f'<text x="{middle:g}" y="{baseline + 18}" font-size="13" text-anchor="middle">{label}</text>')
    bars.append("</g>")
    return Chart(_svg("chart-forecast", width, baseline + bottom, summary, body + bars), summary)


# --- mastery ---------------------------------------------------------------------------------

def _text_width(text: str, font_size: float) -> float:
    """A generous estimate of rendered width: 0.6 em per character, a full em for CJK and wider."""
    return sum(font_size * (1.0 if ord(char) >= 0x2E80 else 0.6) for char in text)


def mastery_chart(rows: Sequence[MasteryRow], title: str = "Mastery") -> Chart:
    """One horizontal bar per group, mature then learning then new points, under 'Kidney 20/27 mature'
    and '5 learning · 2 new' (on one line when both fit, else the group's name on a line of its own)."""
    width, bar_height = 360, 12
    summary = f"{title}: " + ("; ".join(
        f"{row.label}, {row.learning} learning, {row.new} new" for row in rows) or "no points yet") + "."
    body = []
    y = 0
    for row in rows:
        group = escape(row.group)
        rest = f"{row.learning} learning · {row.new} new"
        body.append('<g class="group">')
        if _text_width(row.label, 14) + _text_width(rest, 12) + 12 <= width:
            body.append(f'<text x="0" y="{y + 14}" font-size="14">{escape(row.label)}</text>'
                        f'<text x="{width}" y="{y + 14}" font-size="12" text-anchor="end">{rest}</text>')
            y += 19
        else:
            body.append(f'<text x="0" y="{y + 14}" font-size="14">{group}</text>'
                        f'<text x="0" y="{y + 30}" font-size="12">{row.mature}/{row.total} mature · {rest}</text>')
            y += 35
        body.append(f'<rect class="track" x="0" y="{y}" width="{width}" height="{bar_height}" rx="3"/>')
        x = 0.0
        for part, count in (("mature", row.mature), ("learning", row.learning), ("new", row.new)):
            if not count:
                continue
            part_width = width * count / row.total
            body.append(f'<rect class="{part}" x="{x:.1f}" y="{y}" width="{part_width:.1f}" '
                        f'height="{bar_height}"><title>{group}: {count} of {_plural(row.total, "point")} '
                        f'{part}</title></rect>')
            x += part_width
        body.append("</g>")
        y += bar_height + 10
    return Chart(_svg("chart-mastery", width, max(y, 20), summary, body), summary)


# --- recall --------------------------------------------------------------------------------------

def band_label(index: int) -> str:
    step = 100 // BANDS
    return f"{index * step}-{(index + 1) * step}%"


def recall_chart(knowledge: Knowledge) -> Chart:
    """How many studied cards the student would recall today with each probability: one bar per band
    of 10 %, from under 10 % on the left to 90 % and more on the right (FSRS's estimate)."""
    left, right, top, bottom, plot = 30, 18, 8, 22, 100
    bar_step, bar_width = 32, 26
    bands = knowledge.bands
    if not knowledge.studied:
        summary = "Probability of recall today: no card studied yet."
    else:
        counts = "; ".join(f"{band_label(index)}: {count}" for index, count in enumerate(bands) if count)
        summary = (f"Probability of recall today of your {_plural(knowledge.studied, 'studied card')}, in bands of "
                   f"10 percent: {counts}.")
    scale = max(max(bands, default=0), 1)
    width = left + len(bands) * bar_step + right
    baseline = top + plot
    body = [
        f'<line x1="{left - 2}" y1="{baseline}" x2="{width - right}" y2="{baseline}" stroke="currentColor" '
        f'stroke-width="1"/>',
        f'<text x="{left - 5}" y="{baseline}" font-size="10" text-anchor="end">0</text>',
        f'<text x="{left - 5}" y="{top + 8}" font-size="10" text-anchor="end">{scale}</text>',
    ]
    bars = ['<g class="bars">']
    for index, count in enumerate(bands):
        x = left + index * bar_step
        height = max(1.0, round(plot * count / scale, 1)) if count else 0.0
        bar = [f'<g class="bar"><title>{band_label(index)} likely: {_plural(count, "card")}</title>',
               f'<rect x="{x}" y="{top}" width="{bar_step}" height="{plot}" fill="none" pointer-events="all"/>']
        if height > 0:
            bar.append(f'<rect class="recall" x="{x + 3}" y="{baseline - height:g}" width="{bar_width}" '
                       f'height="{height:g}"/>')
        bar.append("</g>")
        bars.append("".join(bar))
    for edge in range(0, len(bands) + 1, 2):  # the bands' edges: 0 %, 20 %, ..., 100 %
        body.append(f'<text x="{left + edge * bar_step}" y="{baseline + 15}" font-size="10" '
                    f'text-anchor="middle">{edge * 100 // BANDS}%</text>')
    bars.append("</g>")
    return Chart(_svg("chart-recall", width, baseline + bottom, summary, body + bars), summary)
