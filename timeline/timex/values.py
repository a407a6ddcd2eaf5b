"""TIMEX3 values as calendar spans: which days a value covers and how precise it is.

Shared by the tagger (granularity), the extractor (event start/end) and the table.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from timeline import days

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(T.*)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})$")
_CENTURY = re.compile(r"^(\d{2})$")
_MILLENNIUM = re.compile(r"^(\d)$")

# A TIMEX3 value of any type, for validating tagger output (ISO 8601 subset that TimeML uses,
# with X placeholders, REF tokens, BC years (BC0044) and durations/sets).
_DATE_PART = (
    r"(?:[0-9X]{1,4}"
    r"(?:-(?:[0-9X]{2}(?:-[0-9X]{2})?|W[0-9X]{2}(?:-(?:WE|[1-7]))?|Q[1-4X]|H[12X]|SP|SU|FA|WI))?)"
)
_TIME_PART = r"(?:T(?:[0-9X]{2}(?::[0-9X]{2}(?::[0-9X]{2})?)?|MO|AF|EV|NI|DT))"
_DURATION = (
    r"(?:P(?:(?:[0-9X]+(?:\.[0-9]+)?[YMWDE]|[0-9X]+(?:\.[0-9]+)?(?:CE|ML|DE|Q|H))+"
    r"(?:T(?:[0-9X]+(?:\.[0-9]+)?[HMS])+)?|T(?:[0-9X]+(?:\.[0-9]+)?[HMS])+))"
)
VALUE_GRAMMAR = re.compile(
    rf"^(?:PRESENT_REF|PAST_REF|FUTURE_REF|(?:BC)?{_DATE_PART}{_TIME_PART}?|{_TIME_PART}|{_DURATION})$"
)


def is_valid_value(value: str) -> bool:
    """True when `value` is a well-formed TIMEX3 value."""
    return bool(VALUE_GRAMMAR.match(value))


@lru_cache(maxsize=65536)
def value_span(value: str) -> tuple[dt.date, dt.date, str] | None:
    """(first day, last day, granularity) covered by a DATE/TIME value; None when the value
    is not a placeable calendar date (durations, REFs, XXXX-..., malformed, out of range).
    A BC value (BC0480, BC0044-03-15, BC04 = the 5th century BC) gives `timeline.days.EarlyDay`
    days before AD 1 (astronomical years: 480 BC is year -479)."""
    try:
        if value.startswith("BC"):
            return _bc_span(value[2:])
        return _span(value) or _many_years(value)
    except ValueError:  # e.g. 2025-02-30, week 54, year 0
        return None


def ad_span(value: str) -> tuple[dt.date, dt.date, str] | None:
    """value_span of an AD value, None for a BC one: the tagger's running story date is a
    datetime.date, and it follows BC dates its own way (story.bc_told)."""
    return None if value.startswith("BC") else value_span(value)


def _span(value: str, era=lambda year: year) -> tuple[dt.date, dt.date, str] | None:
    """The span of an AD-shaped value; `era` turns its written year into the astronomical one."""
    if m := _DAY.match(value):
        first = days.day(era(int(m[1])), int(m[2]), int(m[3]))
        return first, first, "time" if m[4] else "day"
    if m := _WEEK.match(value):
        year, week = int(m[1]), int(m[2])
        if era(year) != year:
            return None  # ISO weeks are not counted before AD 1
        if m[3]:
            return dt.date.fromisocalendar(year, week, 6), dt.date.fromisocalendar(year, week, 7), "week"
        return dt.date.fromisocalendar(year, week, 1), dt.date.fromisocalendar(year, week, 7), "week"
    if m := _MONTH.match(value):
        year, month = era(int(m[1])), int(m[2])
        return days.day(year, month, 1), days.last_of_month(year, month), "month"
    if m := _QUARTER.match(value):
        year, q = era(int(m[1])), int(m[2])
        return days.day(year, 3 * q - 2, 1), days.last_of_month(year, 3 * q), "quarter"
    if m := _HALF.match(value):
        year, h = era(int(m[1])), int(m[2])
        return days.day(year, 6 * h - 5, 1), days.last_of_month(year, 6 * h), "half"
    if m := _SEASON.match(value):
        year = era(int(m[1]))
        first, last = _SEASON_MONTHS[m[2]]
        end_year = year + 1 if last < first else year
        return days.day(year, first, 1), days.last_of_month(end_year, last), "season"
    if m := _YEAR.match(value):
        year = era(int(m[1]))
        return days.day(year, 1, 1), days.day(year, 12, 31), "year"
    return None


def _many_years(value: str):
    if m := _DECADE.match(value):
        first = int(m[1]) * 10
        return dt.date(max(first, 1), 1, 1), dt.date(first + 9, 12, 31), "decade"
    if m := _CENTURY.match(value):
        first = int(m[1]) * 100
        return dt.date(max(first, 1), 1, 1), dt.date(first + 99, 12, 31), "century"
    if m := _MILLENNIUM.match(value):
        first = int(m[1]) * 1000
        return dt.date(max(first, 1), 1, 1), dt.date(first + 999, 12, 31), "millennium"
    return None


def _bc_span(value: str):
    """Years counted back from AD 1: BC0480 is year 1 - 480. A decade is named by its lowest
    year as readers name it (BC048, "the 480s BC": 489-480 BC); a century or millennium by its
    ordinal, as the tagger writes "the 5th century BC" (BC04: 500-401 BC)."""
    if value[:4] == "0000":
        return None  # there is no year 0 BC
    if span := _span(value, era=lambda year: 1 - year):
        return span
    for pattern, size, gran in ((_DECADE, 10, "decade"), (_CENTURY, 100, "century"), (_MILLENNIUM, 1000, "millennium")):
        if m := pattern.match(value):
            n = int(m[1])
            if gran == "decade":  # the 480s BC: 489 BC to 480 BC (the 0s BC: 9 BC to 1 BC)
                oldest, newest = n * 10 + 9, max(n * 10, 1)
            else:  # the 5th century BC: 500 BC to 401 BC
                oldest, newest = (n + 1) * size, n * size + 1
            return days.day(1 - oldest, 1, 1), days.day(1 - newest, 12, 31), gran
    return None


def granularity_of(value: str, timex_type: str = "DATE") -> str:
    """Precision of a value: calendar unit for dates, period unit for durations/sets."""
    if timex_type in ("DURATION", "SET") or (value.startswith("P") and not value.endswith("_REF")):
        if "T" in value:
            return "time"
        for suffix, unit in (("CE", "century"), ("DE", "decade"), ("ML", "millennium")):
            if value.endswith(suffix):
                return unit
        return {"Y": "year", "M": "month", "W": "week", "D": "day", "Q": "quarter",
                "H": "half"}.get(value[-1:], "vague")
    span = value_span(value)
    if span:
        return span[2]
    if re.search(r"T(?:\d|MO|AF|EV|NI|DT)", value):
        return "time"
    return "vague"
