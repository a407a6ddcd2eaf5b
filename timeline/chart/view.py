"""What the reader sees first: the initial time window of the chart and a default title.

News timelines are lopsided: most events crowd into the story's weeks while a few reach back
years ("took office in 2019"). Showing the whole span squeezes the story into a sliver, so the
chart opens on a dense stretch holding most events; the range slider and the "all" button
reach the rest, and the page says how many events lie outside the first view.
"""

from __future__ import annotations

import math
from collections import Counter

import numpy as np
import pandas as pd

from timeline.chart.hover import month_name
from timeline.days import year_text

SHARES = (0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)  # "most events": at least 60% of them
FOCUS_ZOOM = 0.35   # zoom in only when that stretch is at most this share of the whole span
NEAR = 0.25         # events this close to the window (in window widths) join it
MIN_EVENTS = 4      # below this there is nothing to crowd
MIN_SPAN = 92       # days: a story of a season or less reads whole on a page-wide chart


def focus_window(start_days: np.ndarray, end_days: np.ndarray) -> tuple[float, float] | None:
    """(first, last) day numbers of the stretch the chart should open on, or None when the
    whole span reads well. `end_days` is exclusive (a day event ends where it starts)."""
    n = len(start_days)
    if n < MIN_EVENTS:
        return None
    full_lo, full_hi = float(start_days.min()), float(end_days.max())
    if full_hi - full_lo < MIN_SPAN:
        return None
    s = np.sort(start_days)
    span = max(full_hi - full_lo, 1.0)
    best = None
    # for each share of the events, the narrowest stretch holding it; the stretch kept is the
    # one whose share of events most exceeds its share of the axis (an outlier or two cost
    # years of axis and bring few events; the story's weeks bring many events for little axis)
    for k in sorted({math.ceil(q * n) for q in SHARES if math.ceil(q * n) < n}):
        widths = s[k - 1:] - s[: n - k + 1]
        i = int(np.argmin(widths))
        gain = k / n - float(widths[i]) / span
        if best is None or gain > best[0]:
            best = (gain, float(s[i]), float(s[i + k - 1]))
    if best is None:
        return None
    lo, hi = best[1], best[2]
    while True:  # a cluster cut in two reads worse than a slightly wider window
        reach = NEAR * max(hi - lo, 7.0)
        near = (start_days >= lo - reach) & (start_days <= hi + reach)
        new_lo, new_hi = float(start_days[near].min()), float(start_days[near].max())
        if (new_lo, new_hi) == (lo, hi):
            break
        lo, hi = new_lo, new_hi
    # spans that start inside are shown whole unless they are much longer than the window
    # (a year bar must not stretch a fortnight's view to twelve months)
    inside = (start_days >= lo) & (start_days <= hi)
    length = end_days - start_days
    fits = inside & (length <= max(hi - lo, 31.0))
    hi = max(hi + 1.0, float(end_days[fits].max()) if fits.any() else hi + 1.0)
    if hi - lo > FOCUS_ZOOM * (full_hi - full_lo) or (lo <= full_lo and hi >= full_hi):
        return None
    return lo, hi


def outside(start_days: np.ndarray, end_days: np.ndarray, lo: float, hi: float) -> tuple[int, int]:
    """How many events lie wholly before and wholly after the window [lo, hi]."""
    before = int(((end_days <= lo) & (start_days < lo)).sum())
    after = int((start_days >= hi).sum())
    return before, after


def default_title(table: pd.DataFrame, max_actors: int = 2) -> str:
    """A title from the table: its most prominent actors and its period, e.g. "Donald Trump,
    Marco Rubio · 2019–2025". An event's first actor is its main one and counts double."""
    if table is None or table.empty:
        return "Timeline"
    score: Counter = Counter()
    events: Counter = Counter()
    for actors in table["actors"]:
        for j, actor in enumerate(dict.fromkeys(a for a in (actors or ()) if str(a).strip())):
            score[actor] += 1.0 if j == 0 else 0.5
            events[actor] += 1
    # an actor of a single event says nothing about a table of many
    floor = 1 if len(table) == 1 else 2
    ranked = sorted((a for a in score if events[a] >= floor), key=lambda a: (-score[a], a))
    who = ", ".join(ranked[:max_actors])
    dated = table[table["start"].notna()]
    when = period_text(dated["start"].min(), dated["end"].max()) if len(dated) else ""
    return " · ".join(p for p in (who or "Timeline", when) if p)


def period_text(first, last) -> str:
    """"2019–2025", "Jan–Feb 2025", "February 2025", "3 Feb 2025", "3–5 Feb 2025"."""
    first, last = pd.Timestamp(first), pd.Timestamp(last)
    year = year_text(first.year)
    if first.year != last.year:
        if last.year < 1:  # "490–479 BC"
            return f"{1 - first.year}–{year_text(last.year)}"
        return f"{year}–{year_text(last.year)}"
    if first.month != last.month:
        return f"{month_name(first.month)}–{month_name(last.month)} {year}"
    if first.day == 1 and last.day == last.days_in_month:
        return f"{month_name(first.month, short=False)} {year}"
    if first.day == last.day:
        return f"{first.day} {month_name(first.month)} {year}"
    return f"{first.day}–{last.day} {month_name(first.month)} {year}"
