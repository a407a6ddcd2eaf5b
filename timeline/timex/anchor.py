"""Reference-date logic: the tense of the clause around an expression, calendar arithmetic by
unit, and the anchor a relative expression is resolved against (news vs narrative)."""

from __future__ import annotations

import datetime as dt
import re

from timeline.timex.lexicon import Language

_CLAUSE_END = re.compile(r"[.!?;\n]\s|\n")
# A quotation mark between an expression and a verb puts them in different clauses: in
# "'... will leave at 4 a.m. Thursday,' Castro said" the saying does not date the leaving.
_QUOTE = re.compile(r"[\"“”]|''|``")
WINDOW = 120
ADJACENT = 12  # "said on Friday", "Friday, officials said"


def clause(text: str, start: int, end: int, abbreviation=None) -> tuple[str, str]:
    """The text of the sentence before and after a span (bounded, so long documents stay fast).
    `abbreviation` matches a word whose period does not end the sentence ("a.m.", "Jan.")."""
    lo = max(0, start - WINDOW)
    before = text[lo:start]
    cut = None
    for m in _CLAUSE_END.finditer(before):
        if not _abbreviated(before, m, abbreviation):
            cut = m.end()
    if cut is not None:
        before = before[cut:]
    after = text[end:end + WINDOW]
    m = next((m for m in _CLAUSE_END.finditer(after) if not _abbreviated(after, m, abbreviation)),
             None)
    if m:
        after = after[:m.start()]
    quotes = [m.end() for m in _QUOTE.finditer(before)]
    if quotes:
        before = before[quotes[-1]:]
    m = _QUOTE.search(after)
    if m:
        after = after[:m.start()]
    return before, after


def _abbreviated(text: str, boundary: re.Match, abbreviation) -> bool:
    return abbreviation is not None and boundary[0][0] == "." and \
        abbreviation.search(text, max(0, boundary.start() - 12), boundary.start()) is not None


def tense(text: str, start: int, end: int, lang: Language) -> str:
    """"future", "past", "present" or "unknown" for the clause around text[start:end].

    The past or future marker nearest to the expression wins ("will meet Bush on Thursday" is
    future); a reporting verb (said) wins only right next to it ("said on Tuesday that Iraq
    would retaliate" is past) or when nothing else marks the clause; a present verb counts
    only when there is nothing else; a preposition right before it (since, as early as, is)
    decides alone.
    """
    before, after = clause(text, start, end, lang.markers["abbreviation_end"])
    if lang.markers["before_past"].search(before):
        return "past"
    if lang.markers["before_future"].search(before):
        return "future"
    best, best_distance = "unknown", None
    reporting = nearest(lang.markers["reporting"], before, after)
    for name in ("future", "past"):
        distance = nearest(lang.markers[name], before, after, skip=lang.markers["reporting"])
        if distance is not None and (best_distance is None or distance < best_distance):
            best, best_distance = name, distance
    if reporting is not None and (reporting <= ADJACENT or best_distance is None):
        return "past"
    if best == "future" and lang.markers["past_perfect"].search(before + " " + after) and \
            nearest(lang.markers["future"], before, after, skip=lang.markers["weak_future"]) is None:
        return "past"
    if best == "unknown" and lang.markers["present"].search(before + " " + after):
        return "present"
    return best


def nearest(regex, before: str, after: str, skip=None) -> int | None:
    """Characters between the expression and the nearest match of `regex` in its clause."""
    best = None
    for m in regex.finditer(before):
        if skip is None or not skip.fullmatch(m[0]):
            best = len(before) - m.end()
    m = next((m for m in regex.finditer(after) if skip is None or not skip.fullmatch(m[0])), None)
    if m and (best is None or m.start() < best):
        best = m.start()
    return best


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def shift(ref: dt.date, unit: str, n: int) -> dt.date:
    """`ref` moved by n units (D, W, M, Q, Y, DE, CE); month ends are clamped."""
    if unit == "D":
        return ref + dt.timedelta(days=n)
    if unit in ("W", "WE"):
        return ref + dt.timedelta(weeks=n)
    months = {"M": 1, "Q": 3, "H": 6, "Y": 12, "DE": 120, "CE": 1200}.get(unit)
    if months is None:
        return ref
    year, month = add_months(ref.year, ref.month, n * months)
    if not 1 <= year <= 9999:
        return ref
    day = min(ref.day, _month_len(year, month))
    return dt.date(year, month, day)


def _month_len(year: int, month: int) -> int:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return (nxt - dt.timedelta(days=1)).day


def format_unit(day: dt.date, unit: str) -> str:
    """The TIMEX3 value naming the `unit` that contains `day`."""
    if unit == "D":
        return day.isoformat()
    if unit in ("W", "WE"):
        iso = day.isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}" + ("-WE" if unit == "WE" else "")
    if unit == "M":
        return f"{day.year:04d}-{day.month:02d}"
    if unit == "Q":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if unit == "H":
        return f"{day.year:04d}-H{(day.month - 1) // 6 + 1}"
    if unit == "Y":
        return f"{day.year:04d}"
    if unit == "DE":
        return f"{day.year // 10:03d}"
    if unit == "CE":
        return f"{day.year // 100:02d}"
    return day.isoformat()


def resolve_weekday(ref: dt.date, weekday: int, direction: int | None, when: str) -> dt.date:
    """The day a bare or modified weekday name points to.

    `direction` is -1 (last Friday), +1 (next Friday), 0 (this Friday) or None (bare). A bare
    weekday is the latest such day up to the reference date (news reports what happened; on
    TimeBank most weekdays in clauses with "would"/"until" are still past), unless the clause
    is explicitly future (will, next, scheduled to...) or in the present tense ("the deadline
    is Friday"), then the next one from it.
    """
    diff = weekday - ref.isoweekday()
    if direction == 0:
        return ref + dt.timedelta(days=diff)
    if direction == -1:
        back = (ref.isoweekday() - weekday) % 7 or 7
        return ref - dt.timedelta(days=back)
    if direction == 1:
        ahead = (weekday - ref.isoweekday()) % 7 or 7
        return ref + dt.timedelta(days=ahead)
    if when == "future":
        return ref + dt.timedelta(days=(weekday - ref.isoweekday()) % 7)
    return ref - dt.timedelta(days=(ref.isoweekday() - weekday) % 7)


def resolve_month_year(ref: dt.date, month: int, when: str) -> int:
    """The year of a month named without one: the nearest such month, unless the clause tense
    points the other way and that month is at most half a year off (TimeBank practice). An
    untensed clause leans to the past, as for weekdays: news reports what has happened."""
    here = ref.year * 12 + ref.month - 1
    options = [(y * 12 + month - 1, y) for y in (ref.year - 1, ref.year, ref.year + 1)]
    nearest = min(options, key=lambda o: (abs(o[0] - here), -o[0] if when == "past" else o[0]))[1]
    if when in ("past", "unknown"):
        back = max((o for o in options if o[0] <= here), key=lambda o: o[0])
        if here - back[0] <= 10:
            return back[1]
    if when == "future":
        ahead = min((o for o in options if o[0] >= here), key=lambda o: o[0])
        if ahead[0] - here <= 11:
            return ahead[1]
    return nearest


def year_of_day(ref: dt.date, month: int, day: int, step: int) -> int:
    """The year of "last Oct. 23" (step -1: the latest one before `ref`), "next March 3" (+1:
    the first one after it) or "this Jan. 20" (0: the reference year)."""
    if step == 0:
        return ref.year
    year = ref.year
    # Feb. 29 exists only in some years: look a few years out for the nearest real one
    for _ in range(8):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            candidate = None
        if candidate is not None and (candidate < ref if step < 0 else candidate > ref):
            return year
        year += -1 if step < 0 else 1
    return ref.year


def resolve_day_year(ref: dt.date, month: int, day: int, when: str) -> int:
    """The year of a month-day without one, by the same rule at day precision: the nearest
    occurrence unless the tense points to one no more than ~7 months the other way."""
    options = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            options.append(((dt.date(year, month, day) - ref).days, year))
        except ValueError:
            continue
    if not options:
        return ref.year
    nearest = min(options, key=lambda o: (abs(o[0]), o[0] if when != "future" else -o[0]))[1]
    if when == "past":
        back = [o for o in options if o[0] <= 7]
        if back and -max(back)[0] <= 220:
            return max(back)[1]
    if when == "future":
        ahead = [o for o in options if o[0] >= -7]
        if ahead and min(ahead)[0] <= 300:
            return min(ahead)[1]
    return nearest
