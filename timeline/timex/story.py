"""The story's running date in a narrative: which dates told move it (a plan, a look back or an
end looked to do not), BC dates stood in for by a far year while what follows them is resolved,
and months or seasons that take their year from the date they are coordinated with ("the spring
and early summer of 1943", "from October to March 1945")."""

from __future__ import annotations

import datetime as dt
import re

from timeline.timex import anchor as A
from timeline.timex.model import Timex
from timeline.timex.values import ad_span

# A BC date told is stood in for by a day of this year while what follows it is resolved
# ("43 BC ... The following year" -> BC0042): Python dates start at year 1.
_STAND_IN_YEAR = 5000
_BC_VALUE = re.compile(r"BC(\d{4})((?:-\d\d){0,2})$")
_YEAR_VALUE = re.compile(r"(\d{4})(.*)$", re.DOTALL)
_DECADE_OR_CENTURY = re.compile(r"(\d{2,3})$")


def bc_told(value: str):
    m = _BC_VALUE.match(value)
    if not m or int(m[1]) == 0:
        return None
    span = ad_span(f"{_STAND_IN_YEAR}{m[2]}")
    return (int(m[1]), span[0], span[2]) if span else None


def from_stand_in(value: str, years_bc: int) -> str:
    """A value computed from the stand-in year, written in the BC year it stands for; a decade
    or century ("the following decade", "the previous century") as the BC one its first year
    falls in (BC048 is the 480s BC, BC04 the 5th century BC)."""
    m = _YEAR_VALUE.match(value)
    if m and abs(int(m[1]) - _STAND_IN_YEAR) <= 999:
        year = int(m[1]) - _STAND_IN_YEAR + 1 - years_bc  # astronomical: 0 is 1 BC
        return (f"BC{1 - year:04d}" if year <= 0 else f"{year:04d}") + m[2]
    m = _DECADE_OR_CENTURY.match(value)
    if not m:
        return value
    digits = len(m[1])
    first = int(m[1]) * 10 ** (4 - digits)
    if abs(first - _STAND_IN_YEAR) > 999:
        return value
    year = first - _STAND_IN_YEAR + 1 - years_bc
    if year > 0:
        return f"{year // 10 ** (4 - digits):0{digits}d}"
    return f"BC{(1 - year) // 10 ** (4 - digits):0{digits}d}"


def moves_story(text, cand, value, when, anchored, previous, told_bc, lang) -> bool:
    """Whether a date told in a narrative moves the story's running date. A plan ("a campaign
    planned for 1976") does not, nor a look back: a date worked out from the story that lies
    before it ("during the previous year"), or one in a past perfect ("forces that had invaded
    Burma in late 1943"), nor an end looked to ("lasted until February 1945"). A new paragraph
    going back to an earlier year does."""
    if previous is None and told_bc is None:
        return True
    before, after = A.clause(text, cand.start, cand.end, lang.markers["abbreviation_end"])
    if when == "future" and A.nearest(lang.markers["future"], before, after,
                                      skip=lang.markers["weak_future"]) is not None:
        return False  # a plan; "by 1941" alone is a deadline the story reaches
    if lang.markers["future_in_past"].search(before):
        return False  # "which would be declared early the next year"
    if lang.markers["end_looked_to"].search(before):
        return False  # "lasted until the fall of Budapest in February 1945": an end looked to
    if told_bc is not None or value.startswith("BC"):  # compare years: dates stop at year 1
        year, story = _astronomical(value), (1 - told_bc[0] if told_bc else previous.year)
        if year is None or year >= story:
            return True
    else:
        span = ad_span(value.split("T")[0])
        if span is None or span[1] >= previous:
            return True
    return not anchored and not lang.markers["past_perfect"].search(before)


def _astronomical(value: str) -> int | None:
    """The year a value starts in, counted as astronomers do (1 BC is 0, 2 BC is -1)."""
    m = _BC_VALUE.match(value)
    if m:
        return 1 - int(m[1])
    m = re.match(r"\d{4}", value)
    return int(m[0]) if m else None


_WINTER_SPAN = re.compile(r"\d{4} ?[-–/] ?\d{2,4}\b")


def after_winter(value: str, matched: str, previous: dt.date | None) -> dt.date | None:
    """"The winter of 1864–65": the story goes on in the year the winter ends."""
    if previous is not None and value.endswith("-WI") and _WINTER_SPAN.search(matched):
        return dt.date(previous.year + 1, 1, 1)
    return previous


# Between two coordinated expressions: "the spring and early summer of 1943", "from October to
# March 1945", "June or July 1940".
_JOINED = re.compile(r"\s*(?:and|or|to|until|till|through|[-–—])\s*", re.IGNORECASE)
# A season without a year followed closely in its sentence by a date with one takes that year:
# "their main summer offensive against southern Russia in June 1942".
SAME_SENTENCE = 80
_SENTENCE_END = re.compile(r"[.;!?]\s")
_PARTIAL = re.compile(r"(?:BC)?\d{4}-(\d\d|SP|SU|FA|WI)$")
_ORDER = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def years_from_partners(text: str, out: list[Timex]) -> list[Timex]:
    """A month or season worked out from the story takes the year written on the one it is
    coordinated with, the year before when it falls later in the calendar (a range runs
    forward); a season also the year of a date that follows it closely in its sentence."""
    for i in range(len(out) - 1):
        first, second = out[i], out[i + 1]
        a, b = _PARTIAL.match(first.value), _PARTIAL.match(second.value)
        if not a or not b or first.anchored_by != "text" or second.anchored_by != "absolute":
            continue
        between = text[first.end:second.start]
        joined = _JOINED.fullmatch(between)
        if not joined and (len(between) > SAME_SENTENCE or _SENTENCE_END.search(between)
                           or a[1].isdigit()):
            continue  # a month before another year is as often a comparison ("the May 2007 high")
        era = "BC" if second.value.startswith("BC") else ""
        year = int(second.value[len(era):len(era) + 4])
        if joined and _month_of(a[1]) > _month_of(b[1]):
            year += 1 if era else -1
        if not 1 <= year <= 9999:
            continue
        value = f"{era}{year:04d}-{a[1]}"
        out[i] = Timex(first.start, first.end, first.text, first.type, value, first.granularity,
                       first.mod, first.anchored_by)
    return out


def _month_of(part: str) -> int:
    return _ORDER.get(part) or int(part)
