"""Dates of holidays in a given year, computed from the rules in data/<lang>/holidays.toml."""

from __future__ import annotations

import datetime as dt
import re

_NTH = re.compile(r"^(-?\d):([1-7]):(\d\d)(?:\+(\d+))?$")
_EASTER = re.compile(r"^easter([+-]\d+)$")
_FIXED = re.compile(r"^(\d\d)-(\d\d)$")


def easter(year: int) -> dt.date:
    """Western (Gregorian) Easter Sunday, anonymous Gregorian algorithm."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th `weekday` (1=Monday) of a month; n=-1 is the last one."""
    if n > 0:
        first = dt.date(year, month, 1)
        offset = (weekday - first.isoweekday()) % 7
        return first + dt.timedelta(days=offset + 7 * (n - 1))
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    last = nxt - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def holiday_date(rule: str, year: int) -> dt.date | None:
    """The day a holiday rule gives in `year`, None for an unknown rule."""
    if m := _FIXED.match(rule):
        return dt.date(year, int(m[1]), int(m[2]))
    if m := _NTH.match(rule):
        day = nth_weekday(year, int(m[3]), int(m[2]), int(m[1]))
        return day + dt.timedelta(days=int(m[4] or 0))
    if m := _EASTER.match(rule):
        return easter(year) + dt.timedelta(days=int(m[1]))
    if rule == "election":
        # US federal election day: the Tuesday after the first Monday of November.
        return nth_weekday(year, 11, 1, 1) + dt.timedelta(days=1)
    return None
