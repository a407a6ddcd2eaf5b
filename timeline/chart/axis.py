"""Tick labels of a time axis that reaches before AD 1.

plotly.js places dates from year -9999 on (astronomical years, as ISO 8601 writes them), but
labels them that way too: 480 BC would read "-0479". A chart whose table reaches before AD 1
gets its own ticks, written as readers write years ("480 BC", "AD 500", "1500"), at round
years counted the reader's way (there is no year 0: 100 BC, AD 100). page.js (`eraTicks`) does
the same for every view the reader zooms to; this module gives the first view and the images.
"""

from __future__ import annotations

import numpy as np

from timeline.chart.hover import month_name
from timeline.days import from_datetime64, iso_day, year_text

STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000)
MONTH_STEPS = (1, 2, 3, 6)
TICK_PX = 90  # room for one label ("2500 BC", "Mar 480 BC")
FIRST_DAY_AD = float(np.datetime64("0001-01-01", "D").astype(np.int64))  # in days from 1970
# the dates plotly.js places (its MIN_MS and MAX_MS): a view reaching further is cut there
PLOTLY_DAYS = (float(np.datetime64("-9999-01-01", "D").astype(np.int64)),
               float(np.datetime64("9999-12-31", "D").astype(np.int64)))


def reaches_before_ad(first_day: float) -> bool:
    return first_day < FIRST_DAY_AD


def era_ticks(lo_day: float, hi_day: float, plot_px: float) -> tuple[list[str], list[str]]:
    """(tick positions as ISO dates, their labels) for a view from lo_day to hi_day (days
    from 1970-01-01, as the chart counts them)."""
    most = max(2, int(plot_px // TICK_PX))
    lo_day, hi_day = max(lo_day, PLOTLY_DAYS[0]), min(hi_day, PLOTLY_DAYS[1])
    first = from_datetime64(np.datetime64(int(np.floor(lo_day)), "D"))
    last = from_datetime64(np.datetime64(int(np.ceil(hi_day)), "D"))
    months = (hi_day - lo_day) / 365.2425 * 12
    if months / most <= MONTH_STEPS[-1]:
        step = next(s for s in MONTH_STEPS if months / s <= most)
        ticks = []
        year, month = first.year, first.month
        while (year, month) <= (last.year, last.month):
            if (month - 1) % step == 0:
                ticks.append((iso_day(year, month, 1), f"{month_name(month)} {year_text(year)}"))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    else:
        years = months / 12
        step = next((s for s in STEPS if years / s <= most), STEPS[-1])
        # a round year the reader's way: 500 BC is astronomical -499
        ticks = [(iso_day(y, 1, 1), year_text(y)) for y in range(first.year, last.year + 1)
                 if (1 - y if y < 1 else y) % step == 0]
    inside = [(x, t) for x, t in ticks if lo_day <= np.datetime64(x, "D").astype(np.int64) <= hi_day]
    return [x for x, _ in inside], [t for _, t in inside]
