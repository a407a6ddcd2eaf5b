"""The temporal tagger: detect (pass 1) then normalize (pass 2) every time expression."""

from __future__ import annotations

import datetime as dt
import logging
import re

from timeline.errors import UsageError
from timeline.timex import anchor as A
from timeline.timex import mode as M
from timeline.timex import story as S
from timeline.timex.detect import Candidate, detect
from timeline.timex.lexicon import load
from timeline.timex.model import Timex
from timeline.timex.normalize import Context, groups, normalize
from timeline.timex.periods import FINENESS as _FINENESS
from timeline.timex.values import granularity_of, is_valid_value, value_span

log = logging.getLogger(__name__)

MODES = ("news", "narrative", "auto")
# How far back (characters, about three sentences) a named quarter still sets the period that
# "a year earlier" compares with; past that the text has moved on.
PERIOD_REACH = 400
_HAS_TIME = re.compile(r"T(?:\d|MO|AF|EV|NI|DT)")


def _as_date(ref) -> dt.date | None:
    """The reference day from a date, datetime or ISO string ("2025-02-04", "19980108",
    "1998-01-08T18:30:00"); a time of day is not used."""
    if ref is None or ref == "":
        return None
    if isinstance(ref, dt.datetime):
        return ref.date()
    if isinstance(ref, dt.date):
        return ref
    text = str(ref).strip()
    try:
        return dt.datetime.fromisoformat(text[:19]).date()
    except ValueError:
        pass
    try:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        raise UsageError(f"reference date {ref!r} is not a date: give YYYY-MM-DD "
                         "(or a date/datetime)") from None


def tag(text: str, ref_date=None, mode: str = "news", lang: str = "en") -> list[Timex]:
    """Every time expression in `text`, in order; see timeline.timex.tag."""
    if mode not in MODES:
        raise UsageError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
    if not text:
        return []
    language = load(lang)
    ref = _as_date(ref_date)
    if mode == "auto":
        runs = M.segments(text, ref, language)
        if len(runs) == 1:
            mode = runs[0][2]
        else:
            # Each mode reads the whole text, so that a paragraph keeps the dates told before it
            # ("In 1984 ... \n One year later he was fired"), and each run keeps its own mode's.
            whole = {run: tag(text, ref, run, lang) for run in {run for _, _, run in runs}}
            return [t for start, end, run in runs for t in whole[run] if start <= t.start < end]
    previous: dt.date | None = None  # the latest date told in the text (anaphora, narrative)
    told_unit = ""  # the granularity of that date
    told_bc = None  # (years BC, stand-in day, granularity) when the latest date told was BC
    period, period_at = "", 0  # the latest quarter/half named in the text, and where
    lead_period = ""  # the first one named
    out: list[Timex] = []
    for cand in detect(text, language, mode):
        g = groups(cand.match)
        g["_text"] = text[cand.start:cand.end]
        g["_type"], g["_value"] = cand.rule.type, cand.rule.value
        when = A.tense(text, cand.start, cand.end, language)
        bc = told_bc if mode == "narrative" else None
        last, last_unit = (bc[1], bc[2]) if bc else (previous, told_unit)
        anchor = last if mode == "narrative" and last is not None else ref
        recent_period = period if cand.start - period_at < PERIOD_REACH else ""
        ctx = Context(language, anchor, when, last or ref, recent_period,
                      mode == "narrative" and anchor is last, last, last_unit, lead_period)
        result = _normalize(cand.rule.kind, g, ctx, cand)
        if result is None and cand.rule.fallback and cand.match.groupdict().get("unit"):
            # e.g. "four days later" with no date told before: only "four days" is a timex
            cand = Candidate(cand.start, cand.match.end("unit"), cand.rule, cand.match)
            g["_text"] = text[cand.start:cand.end]
            result = _normalize(cand.rule.fallback, g, ctx, cand)
        if result is None:
            continue
        ttype, value, mod, anchored = result
        if bc and anchored:
            value = S.from_stand_in(value, bc[0])
        if not value or not is_valid_value(value):
            log.debug("dropping %r: value %r not TIMEX3", cand.match[0], value)
            continue
        if ttype == "DATE" and _HAS_TIME.search(value):
            ttype = "TIME"
        if not anchored:
            how = "absolute"
        elif anchor is None:
            how = ""
        else:
            how = "text" if anchor is not ref else "document"
        for i, (start, end) in enumerate(_split_range(cand, g, text)):
            if "day0" in g or "month0" in g:
                v = value if i else _first_of_range(value, g, language)
            else:
                v = value if i == 0 else _second_day(value, cand.match)
            if v is None:
                continue
            out.append(Timex(start, end, text[start:end], ttype, v, granularity_of(v, ttype), mod, how))
        if ttype == "DATE" and granularity_of(value) in ("quarter", "half") and "rel" not in g \
                and (cand.rule.kind == "quarter" or cand.rule.kind == "relative" and "year" not in g) \
                and not _forecast(value, ref):
            period, period_at = value, cand.start
            lead_period = lead_period or value
        if ttype in ("DATE", "TIME") and (mode != "narrative" or S.moves_story(
                text, cand, value, when, anchored, previous, told_bc, language)):
            told_bc = S.bc_told(value) or (None if value_span(value.split("T")[0]) else told_bc)
            previous, told_unit = _told(value, previous, told_unit)
            previous = S.after_winter(value, cand.match[0], previous)
    out = _shared_sets(text, _times_on_days(text, out, language), language)
    return S.years_from_partners(text, out) if mode == "narrative" else out


def _forecast(value: str, ref: dt.date | None) -> bool:
    """A quarter that has not begun on the reference day ("losses through the third quarter of
    1990" in 1989) is a forecast: "the year-ago period" compares with a period reported."""
    span = value_span(value)
    return ref is not None and span is not None and span[0] > ref


def _told(value: str, previous: dt.date | None, told_unit: str) -> tuple[dt.date | None, str]:
    """The last date told (its first day and granularity) once `value` has been read."""
    span = value_span(value.split("T")[0])
    if span is None or _FINENESS.get(span[2], 9) > _FINENESS["year"]:
        return previous, told_unit  # a decade or century is too coarse to date what follows
    if previous is not None and span[0] <= previous <= span[1] \
            and _FINENESS.get(told_unit, 9) < _FINENESS.get(span[2], 9):
        return previous, told_unit  # "later that year" after "July 27, 1953" keeps the day
    return span[0], granularity_of(value)


def _times_on_days(text: str, out: list[Timex], lang) -> list[Timex]:
    """"7 a.m. on Feb. 3": the clock time takes its day from the date that follows it (TimeML
    tags the two separately)."""
    for i in range(len(out) - 1):
        time, day = out[i], out[i + 1]
        if time.type != "TIME" or day.type != "DATE" or day.granularity != "day":
            continue
        between = text[time.end:day.start]
        if not lang.markers["time_on_day"].fullmatch(between) or "T" not in time.value:
            continue
        out[i] = Timex(time.start, time.end, time.text, "TIME",
                       day.value + "T" + time.value.split("T", 1)[1], "time", time.mod,
                       day.anchored_by)
    return out


_WEEKDAY_SET = re.compile(r"XXXX-WXX-\d(T[A-Z]{2})?$")
_COORDINATION = re.compile(r",?\s+(?:and|or|&)\s+|,\s*")


def _shared_sets(text: str, out: list[Timex], lang) -> list[Timex]:
    """"on Monday and Tuesday nights": the plural that ends a list of weekdays makes each of
    them a set, with its part of the day (XXXX-WXX-1TNI), not one dated Monday."""
    for i in range(len(out) - 2, -1, -1):
        day, rest = out[i], out[i + 1]
        m = _WEEKDAY_SET.match(rest.value)
        if rest.type != "SET" or m is None or day.type not in ("DATE", "TIME") \
                or not _COORDINATION.fullmatch(text[day.end:rest.start]):
            continue
        weekday = lang.lookup("weekday", day.text.strip().rstrip("."))
        if weekday is None:
            continue
        value = f"XXXX-WXX-{weekday}{m[1] or ''}"
        out[i] = Timex(day.start, day.end, day.text, "SET", value, rest.granularity, day.mod,
                       "absolute")
    return out


def _normalize(kind, g, ctx, cand):
    try:
        return normalize(kind, g, ctx)
    except (ValueError, KeyError, TypeError, OverflowError) as exc:
        log.debug("could not normalize %r (%s): %s", cand.match[0], cand.rule.name, exc)
        return None


def _split_range(cand, g, text):
    """A day range "Jan. 20-24" becomes two expressions as in TimeML: "Jan. 20" and "24";
    a year range "1939-45" two years."""
    m = cand.match
    names = m.re.groupindex
    if "year2" in names and m.group("year2") is not None:
        if _second_year(m.group("year"), m.group("year2")) is None:
            return []  # "2012-12" is no range of years
        return [(m.start("year"), m.end("year")), (m.start("year2"), cand.end)]
    if "first" in names:
        first = "first" if m.group("first") is not None else "first_2"
        return [(m.start(first), m.end(first)), (m.start("second"), cand.end)]
    for first, second in (("day0", "day"), ("month0", "month")):
        if first in names and m.group(first) is not None:
            return [(m.start(first), m.end(first)), (m.start(second), cand.end)]
    if "day2" not in names or m.group("day2") is None:
        return [(cand.start, cand.end)]
    day_end = m.end("day") if m.group("day") is not None else m.end("day_2")
    return [(cand.start, day_end), (m.start("day2"), cand.end)]


def _second_day(value, m):
    if "year2" in m.re.groupindex and m.group("year2") is not None:
        return _second_year(value, m.group("year2"))
    day2 = int(re.match(r"\d+", m.group("day2"))[0])  # "24", "24th"
    head = value.split("T")[0]
    if len(head) != 10:
        return None
    candidate = f"{head[:8]}{day2:02d}"
    return candidate if value_span(candidate) else None


def _second_year(first: str, second: str) -> str | None:
    # "45" after "1939" is 1945, "00" after "1999" is 2000; a range runs forward.
    start = int(first[:4])
    year = int(second)
    if len(second) == 2:
        year += start // 100 * 100
        if year <= start:
            year += 100
            if year - start > 20:
                return None  # "Advisory 2024-17" is a number, not the years 2024 to 2117
    return f"{year:04d}" if start < year < start + 100 else None


def _first_of_range(value: str, g: dict, lang) -> str | None:
    """The first date of "March to June 1918", "7–8 December", "10 July – 31 October 1940":
    the second's year (the one before when it falls later in the calendar)."""
    if "month0" not in g:
        return _first_day(value, g["day0"])
    month = lang.lookup("month", g["month0"].rstrip("."))
    year, second = int(value[:4]), int(value[5:7])
    if month is None:
        return None
    if "day0" not in g:
        return f"{year - (month > second):04d}-{month:02d}" if month != second else None
    if len(value) < 10:
        return None
    day = int(re.match(r"\d+", g["day0"])[0])
    year -= (month, day) > (second, int(value[8:10]))
    candidate = f"{year:04d}-{month:02d}-{day:02d}"
    return candidate if value_span(candidate) else None


def _first_day(value: str, day0: str) -> str | None:
    # "7–8 December 1941": the first day has the month and year of the second, and is before it
    head = value.split("T")[0]
    day = int(re.match(r"\d+", day0)[0])
    if len(head) != 10 or day >= int(head[8:10]):
        return None
    candidate = f"{head[:8]}{day:02d}"
    return candidate if value_span(candidate) else None
