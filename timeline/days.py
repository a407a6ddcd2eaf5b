"""Calendar days of every year, before AD 1 too.

`datetime.date` stops at AD 1, but histories start long before. An event's start/end is a
`datetime.date` from AD 1 on (so every existing comparison and format stays as it was) and an
`EarlyDay` before it: the same interface (year/month/day, ordinals, comparisons and arithmetic
with `datetime.date` and `timedelta`) on the proleptic Gregorian calendar. Years are
astronomical, as ISO 8601, numpy, pandas and JavaScript count them: year 0 is 1 BC, year -479
is 480 BC. The table's datetime64[s] columns hold both kinds (see README, "Dates before AD 1").
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

_EPOCH = dt.date(1970, 1, 1).toordinal()
_LAST = dt.date.max.toordinal()


def _civil(days: int) -> tuple[int, int, int]:
    """(year, month, day) of a count of days from 1970-01-01 (H. Hinnant's civil_from_days)."""
    z = days + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    return yoe + era * 400 + (m <= 2), m, d


def _days(year: int, month: int, day: int) -> int:
    """Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil)."""
    y = year - (month <= 2)
    era = y // 400
    yoe = y - era * 400
    doy = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


class EarlyDay:
    """A day before AD 1 (astronomical year <= 0), usable wherever the pipeline uses a date
    (also after 9999, where a chart's padding may reach)."""

    __slots__ = ("_n", "year", "month", "day")

    def __init__(self, year: int, month: int, day: int):
        if not 1 <= month <= 12 or not 1 <= day <= _month_length(year, month):
            raise ValueError(f"no day {year}-{month}-{day}")
        self._n = _days(year, month, day)
        self.year, self.month, self.day = year, month, day

    def toordinal(self) -> int:
        return self._n + _EPOCH

    def isoformat(self) -> str:
        return iso_day(self.year, self.month, self.day)

    def weekday(self) -> int:
        return (self._n + 3) % 7  # 1970-01-01 was a Thursday

    def __repr__(self) -> str:
        return f"EarlyDay({self.year}, {self.month}, {self.day})"

    __str__ = isoformat

    def __hash__(self) -> int:
        return hash(("EarlyDay", self._n))

    def _cmp(self, other):
        if isinstance(other, (EarlyDay, dt.date)) and not isinstance(other, dt.datetime):
            return self.toordinal() - other.toordinal()
        return None

    def __eq__(self, other):
        c = self._cmp(other)
        return NotImplemented if c is None else c == 0

    def __lt__(self, other):
        c = self._cmp(other)
        return NotImplemented if c is None else c < 0

    def __le__(self, other):
        c = self._cmp(other)
        return NotImplemented if c is None else c <= 0

    def __gt__(self, other):
        c = self._cmp(other)
        return NotImplemented if c is None else c > 0

    def __ge__(self, other):
        c = self._cmp(other)
        return NotImplemented if c is None else c >= 0

    def __add__(self, other):
        if isinstance(other, dt.timedelta):
            return from_ordinal(self.toordinal() + other.days)
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, dt.timedelta):
            return from_ordinal(self.toordinal() - other.days)
        c = self._cmp(other)
        return NotImplemented if c is None else dt.timedelta(days=c)

    def __rsub__(self, other):
        c = self._cmp(other)
        return NotImplemented if c is None else dt.timedelta(days=-c)


def _month_length(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def day(year: int, month: int, d: int):
    """The day as a `datetime.date` from AD 1 to 9999, else an `EarlyDay`."""
    if 1 <= year <= 9999:
        return dt.date(year, month, d)
    return EarlyDay(year, month, d)


def last_of_month(year: int, month: int):
    return day(year, month, _month_length(year, month))


def from_ordinal(n: int):
    if 1 <= n <= _LAST:
        return dt.date.fromordinal(n)
    return EarlyDay(*_civil(n - _EPOCH))


def from_datetime64(value):
    """The day of a datetime64 value (any unit), as `day` gives it; None for NaT."""
    import numpy as np  # here, not above: the tagger uses this module and never loads numpy

    value = np.datetime64(value, "D")
    if np.isnat(value):
        return None
    return from_ordinal(int(value.astype(np.int64)) + _EPOCH)


def to_datetime64(d, unit: str = "s") -> np.datetime64:
    """A day (date, EarlyDay, datetime64) as datetime64 at midnight."""
    import numpy as np

    if isinstance(d, EarlyDay):
        return np.datetime64(d._n, "D").astype(f"datetime64[{unit}]")
    if isinstance(d, dt.date) and not isinstance(d, dt.datetime):
        return np.datetime64(d, "D").astype(f"datetime64[{unit}]")
    return np.datetime64(d, unit)


def iso_day(year: int, month: int, d: int) -> str:
    """ISO 8601 text of a day; a year below 0 carries its sign and four digits ("-0479-01-01"),
    which plotly.js, numpy and this package's readers all parse."""
    return f"{'-' if year < 0 else ''}{abs(year):04d}-{month:02d}-{d:02d}"


def iso_texts(values) -> list[str]:
    """ISO text of datetime64 values: the date alone at midnight, "" for NaT, years before 0
    with four digits ("-0479-01-01"; numpy writes "-479-01-01", which plotly.js does not read)."""
    import numpy as np

    text = np.datetime_as_string(np.asarray(values, dtype="datetime64[s]"), unit="s")
    return ["" if t == "NaT" else pad_year(t[:-9] if t.endswith("T00:00:00") else t) for t in text]


def pad_year(text: str) -> str:
    """numpy's ISO text with a four-digit year before 0: "-479-01-01" -> "-0479-01-01"."""
    if not text.startswith("-"):
        return text
    year, rest = text[1:].split("-", 1)
    return f"-{year.zfill(4)}-{rest}"


def year_text(year: int) -> str:
    """An astronomical year as a reader writes it: 2024, "AD 79", "480 BC" (year -479), "1 BC"
    (year 0). Years below 1000 carry their era: a bare "79" reads as a number or as 1979."""
    if year <= 0:
        return f"{1 - year} BC"
    return f"AD {year}" if year < 1000 else str(year)
