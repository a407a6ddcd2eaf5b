"""Pass 2: turn a detected expression (rule kind + named groups) into a TIMEX3 value.

Each normalizer returns (type, value, mod, anchored) or None to drop the candidate, where
`anchored` is True when the value needed the anchor date (else it is fully in the text). The
code is language-neutral: every word is looked up in the language's tables. Calendar dates and
times are here; lengths, frequencies and units relative to the anchor are in periods.py.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from timeline.timex import anchor as A
from timeline.timex.context import (
    DIGITS, Context, day_of_month, direction, groups, iso_day, month_of, position,
    quantity_mod, word, year_of,
)
from timeline.timex.holidays import holiday_date
from timeline.timex.numbers import parse_number
from timeline.timex.periods import (
    norm_ago, norm_duration, norm_quarter, norm_relative, norm_set,
)

__all__ = ["Context", "groups", "normalize", "NORMALIZERS"]

# After a day or month told in a story, a month named without a year up to this many months
# before it is a look back within its year (histories go back to pick up another thread); further
# back, the story has moved on to the next year ("in December ... In March"). 2 was measured
# worse on WikiWars-dev (value F1 0.853 against 0.859).
LOOK_BACK_MONTHS = 7


def norm_iso(g, ctx):
    value = iso_day(int(g["year"]), int(g["month"]), int(g["day"]))
    if value is None:
        return None
    if "hour" in g:
        return "TIME", f"{value}T{g['hour']}:{g['minute']}", "", False
    return "DATE", value, "", False


def norm_numeric_date(g, ctx):
    """1/20/2025 (month first, as in US news) or 20/1/2025 when the first number can't be a month."""
    a, b = int(g["a"]), int(g["b"])
    year = year_of(g, ctx)
    month, day = (a, b) if a <= 12 else (b, a)
    value = iso_day(year, month, day) if year is not None else None
    return ("DATE", value, "", False) if value else None


def norm_dateparser(g, ctx):
    value = _dateparser_day(g["_text"], ctx.lang.code, ctx.lang.settings.get("date_order", "MDY"))
    return ("DATE", value, "", False) if value else None


@lru_cache(maxsize=4096)
def _dateparser_day(text: str, lang: str, order: str) -> str | None:
    # Imported here: dateparser costs ~0.4 s to load and is needed only for rare formats.
    import dateparser

    parsed = dateparser.parse(text, languages=[lang], settings={
        "REQUIRE_PARTS": ["day", "month", "year"], "DATE_ORDER": order,
        "RETURN_AS_TIMEZONE_AWARE": False})
    return parsed.date().isoformat() if parsed else None


def _day_of(g, ctx):
    """(value, anchored) of the day named by dayword/month/day/year/weekday groups, or None."""
    ref = ctx.ref
    if "dayword" in g:
        offset = ctx.lang.lookup("dayword", word(g, "dayword"))
        if offset is None:
            return None
        if ref is None or offset == 0 and ctx.narrative:
            # in a history "today" is the writer's present, not the day last told
            return ("PRESENT_REF", True) if offset == 0 else None
        return (ref + dt.timedelta(days=offset)).isoformat(), True
    month, day = month_of(g, ctx), day_of_month(g, ctx)
    if month and day:
        year = year_of(g, ctx)
        if year is not None:
            return iso_day(year, month, day), False
        if "ythat" in g and ctx.previous:  # "July 25 of that year"
            return iso_day(ctx.previous.year, month, day), True
        if ref is None:
            return (f"XXXX-{month:02d}-{day:02d}" if day <= 31 else None), True
        step = direction(g, ctx)
        if step is not None:
            year = A.year_of_day(ref, month, day, step)
        elif ctx.narrative:
            year = _story_year(ctx, month)
        else:
            year = A.resolve_day_year(ref, month, day, ctx.when)
        return iso_day(year, month, day), True
    if day and "weekday" in g and ref is not None:  # "Friday, the 13th": a 13th on a Friday
        found = _day_on_weekday(ref, day, ctx.lang.lookup("weekday", g["weekday"].rstrip(".")),
                                ctx.when)
        if found is not None:
            return found.isoformat(), True
    if day and "weekday" not in g:  # "the 20th": this month, or the next/last by tense
        if ref is None:
            return f"XXXX-XX-{day:02d}", True
        year, mon = ref.year, ref.month
        if ctx.narrative:  # a story goes forward: the month told, or the next after its day
            if day < ref.day and ctx.told_unit in ("day", "time"):
                year, mon = A.add_months(year, mon, 1)
        elif ctx.when == "future" and day < ref.day:
            year, mon = A.add_months(year, mon, 1)
        elif ctx.when == "past" and day > ref.day:
            year, mon = A.add_months(year, mon, -1)
        return iso_day(year, mon, day), True
    if "weekday" in g:
        weekday = ctx.lang.lookup("weekday", g["weekday"].rstrip("."))
        if weekday is None:
            return None
        if ref is None:
            return f"XXXX-WXX-{weekday}", True
        when = "future" if ctx.narrative else ctx.when  # a story goes forward from its last date
        step = ctx.lang.lookup("anaphora", word(g, "dir")) if "dir" in g else None
        if step and ctx.previous is not None:  # "the previous Friday": before the day told
            return A.resolve_weekday(ctx.previous, weekday, step, when).isoformat(), True
        return A.resolve_weekday(ref, weekday, direction(g, ctx), when).isoformat(), True
    return None


def _story_year(ctx, month: int) -> int:
    """The year of a month named without one in a story: the year the story is in. Histories
    go back as often as forward ("by September the plans were cancelled ... a siege of Malta in
    June"); guessing next year for a month before the last one told was wrong more often than
    right on the WikiWars development half (value F1 0.799 with it, 0.815 without). After a
    day or month told, a month far before it is next year's ("on 5 November 1757 ... In
    March")."""
    ref = ctx.ref
    if ctx.told_unit in ("day", "time", "month") and ref.month - month > LOOK_BACK_MONTHS:
        return ref.year + 1
    return ref.year


def _day_on_weekday(ref: dt.date, day: int, weekday: int | None, when: str) -> dt.date | None:
    """The day-of-month `day` nearest to `ref` (within a year, past first unless the clause is
    future) that falls on `weekday`."""
    if weekday is None:
        return None
    found = []
    for step in range(-12, 13):
        year, month = A.add_months(ref.year, ref.month, step)
        try:
            when_day = dt.date(year, month, day)
        except ValueError:
            continue
        if when_day.isoweekday() == weekday:
            found.append(when_day)
    if not found:
        return None
    if when == "future":
        ahead = [d for d in found if d >= ref]
        return min(ahead) if ahead else None
    back = [d for d in found if d <= ref]
    return max(back) if back else min(found, key=lambda d: abs((d - ref).days))


def norm_date(g, ctx):
    mod = position(g, ctx) or quantity_mod(g, ctx)
    month = month_of(g, ctx)
    if month and "day" not in g:
        return _month_only(g, ctx, month, mod)
    found = _day_of(g, ctx)
    if not found or not found[0]:
        return None
    return "DATE", _around(found[0], g, ctx), mod, found[1]


def _around(value: str, g, ctx) -> str:
    """The day named, moved by "the day before/after" or "a week from", or widened to "the
    week of" it."""
    if len(value) != 10 or value.startswith("X"):
        return value
    day = dt.date.fromisoformat(value)
    if "fromnum" in g:  # "a week from Thursday"
        amount = parse_number(g["fromnum"], ctx.lang)
        unit = ctx.lang.lookup("unit", word(g, "fromunit"))
        if amount is None or unit not in ("D", "W", "M", "Y") or amount != int(amount):
            return value
        return A.shift(day, unit, int(amount)).isoformat()
    if "around" not in g:
        return value
    if ctx.lang.lookup("around", word(g, "around")) == "W":  # "the week of March 6"
        return A.format_unit(day, "W")
    step = ctx.lang.lookup("day_anaphora", word(g, "around"))  # "the day before", as alone
    return (day + dt.timedelta(days=step)).isoformat() if step is not None else value


def _month_only(g, ctx, month, mod):
    year = year_of(g, ctx)
    if year is not None:
        return "DATE", f"{year:04d}-{month:02d}", mod, False
    ref = ctx.ref
    if ref is None:
        return "DATE", f"XXXX-{month:02d}", mod, True
    if "ythat" in g and ctx.previous:  # "August of that year"
        year = ctx.previous.year
    elif "ydir" in g:  # "June last year"
        year = ref.year + (direction(g, ctx, "ydir") or 0)
    elif ctx.lang.lookup("anaphora", word(g, "dir")) == 0 and ctx.previous:  # "that June"
        year = ctx.previous.year
    elif (step := direction(g, ctx)) == -1:
        # "last April" in October is this year's; "last February" in March a year ago
        # (the one just gone is "this February" or plain "February")
        year = ref.year if month < ref.month - 1 else ref.year - 1
    elif step == 1:
        year = ref.year if month > ref.month else ref.year + 1
    elif step == 0:
        year = ref.year
    elif ctx.narrative:
        year = _story_year(ctx, month)
    else:
        year = A.resolve_month_year(ref, month, ctx.when)
    return "DATE", f"{year:04d}-{month:02d}", mod, True


def norm_daypart(g, ctx):
    """"this morning", "Saturday night", "yesterday afternoon", "the next morning"."""
    lang = ctx.lang
    code = lang.lookup("daypart", word(g, "daypart")) if "daypart" in g else None
    if code is None and "dayword" in g:
        code = lang.lookup("daypart", word(g, "dayword"))  # "tonight"
    text = word(g, "dir")
    ref, day, anchored = ctx.ref, None, True
    if "dayword" in g or "weekday" in g or "month" in g:
        found = _day_of(g, ctx)
        if not found or not found[0]:
            return None
        day, anchored = found
    elif (step := lang.lookup("daypart_day", text)) is not None:  # "last night"
        base = ref
        if lang.lookup("daypart_narrated", text) and ctx.told_unit == "day" and ref and \
                ctx.told is not None and 0 <= (ref - ctx.told).days <= 7:
            base = ctx.told  # the day the story is on, told shortly before
        day = (base + dt.timedelta(days=step)).isoformat() if base else None
    elif (step := lang.lookup("anaphora", text)) is not None:  # "the next morning"
        base = ctx.previous or ref
        day = (base + dt.timedelta(days=step)).isoformat() if base else None
    if code is None:
        return None
    if day is None or day == "PRESENT_REF":
        day = "XXXX-XX-XX"
    return "TIME", f"{day}T{code}", position(g, ctx), anchored


def norm_time(g, ctx):
    """Clock times: "3 p.m.", "15:30 GMT", "noon Thursday", "5:45 this morning"."""
    if "hour" in g:
        hour, minute = int(g["hour"]), int(g.get("minute") or 0)
        ampm = ctx.lang.lookup("ampm", g["ampm"]) if "ampm" in g else None
        part = ctx.lang.lookup("daypart", word(g, "partofday") or word(g, "dayword"))
        if hour < 12 and (ampm == "PM" or (ampm is None and part in ("AF", "EV", "NI") and hour >= 1)):
            hour += 12
        elif ampm == "AM" and hour == 12:
            hour = 0
        if hour > 23 or minute > 59:
            return None
        clock = f"{hour:02d}:{minute:02d}"
    else:
        clock = ctx.lang.lookup("daypart", word(g, "daypart"))
        if clock is None:
            return None
    if "partofday" in g and ctx.ref is not None:
        step = ctx.lang.lookup("daypart_day", word(g, "pdir")) or 0
        day, anchored = (ctx.ref + dt.timedelta(days=step)).isoformat(), True
    elif any(k in g for k in ("dayword", "weekday", "month")):
        found = _day_of(g, ctx)
        if not found or not found[0]:
            return None
        day, anchored = found
    elif ctx.told is not None and ctx.told_unit in ("day", "time"):
        day, anchored = ctx.told.isoformat(), True  # "at 10 p.m." on the day last told
    else:
        day, anchored = (ctx.ref.isoformat() if ctx.ref else "XXXX-XX-XX"), True
    if day == "PRESENT_REF":
        day = "XXXX-XX-XX"
    return "TIME", f"{day}T{clock}", quantity_mod(g, ctx), anchored


def norm_holiday(g, ctx):
    rule = ctx.lang.lookup("holiday", g["holiday"])
    if rule is None:
        return None
    year = year_of(g, ctx)
    anchored = year is None
    if year is None:
        if ctx.ref is None:
            probe = holiday_date(rule, 2001)
            return ("DATE", f"XXXX-{probe:%m-%d}", "", True) if probe else None
        this_year = holiday_date(rule, ctx.ref.year)
        if this_year is None:
            return None
        step = direction(g, ctx)
        if step == -1:
            year = ctx.ref.year - (this_year > ctx.ref)
        elif step == 1:
            year = ctx.ref.year + (this_year < ctx.ref)
        else:  # as for "Dec. 24": nearest, or the tense's side within ~10 months
            year = A.resolve_day_year(ctx.ref, this_year.month, this_year.day, ctx.when)
    day = holiday_date(rule, year)
    return ("DATE", _around(day.isoformat(), g, ctx), "", anchored) if day else None


def norm_year(g, ctx):
    year = year_of(g, ctx)
    if year is None or not 1000 <= year <= 2199:
        return None
    return "DATE", f"{year:04d}", position(g, ctx), False


def norm_era(g, ctx):
    """"44 BC", "AD 9", "2 September 31 BC", "in 732": TIMEX3 writes a year before year 1 as
    BC0044 and years before 1000 with four digits (0732)."""
    era = ctx.lang.lookup("era", g["era"]) if "era" in g else ""  # none written: AD
    year = int(g["year"])
    if era is None or not 1 <= year <= 9999:
        return None
    value = f"{era}{year:04d}"
    mod = position(g, ctx) or quantity_mod(g, ctx)  # "early 480 BC", "ca. 461 BC"
    month = month_of(g, ctx)
    if month:
        if "ides" in g:
            day = ctx.lang.lookup("ides", str(month)) or ctx.lang.lookup("ides", "other")
        else:
            day = day_of_month(g, ctx)
        if day and iso_day(year, month, day) is None:
            return None
        value += f"-{month:02d}" + (f"-{day:02d}" if day else "")
    return "DATE", value, mod, False


def norm_decade(g, ctx):
    if "decadeword" in g:  # "the nineties"
        return "DATE", f"19{ctx.lang.lookup('decadeword', word(g, 'decadeword'))}", position(g, ctx), False
    digits = g["decade"]
    if len(digits) == 2:
        value = "19" + digits[0]  # "the '90s"
    elif digits.endswith("00") and int(digits) <= 1900:
        value = digits[:2]  # "the 1800s" is the nineteenth century
    else:
        value = digits[:3]
    return "DATE", value, position(g, ctx), False


def norm_century(g, ctx):
    raw = g["century"]
    m = DIGITS.search(raw)
    number = int(m[0]) if m else ctx.lang.lookup("ordinal", raw.lower())
    if not number or number < 1:
        return None
    era = ctx.lang.lookup("era", g["era"]) if "era" in g else ""
    if era is None:
        return None
    return "DATE", f"{era}{number - 1:02d}", position(g, ctx), False


def norm_season(g, ctx):
    code = ctx.lang.lookup("season", word(g, "season"))
    era = ctx.lang.lookup("era", g["era"]) if "era" in g else ""  # "the spring of 480 BC"
    year = int(g["year"]) if era is not None and "era" in g else year_of(g, ctx)
    if code is None or year is None or not 1 <= year <= 9999:
        return None
    return "DATE", f"{era}{year:04d}-{code}", position(g, ctx), False


def norm_vague(g, ctx):
    # "now", "recently": the value is literal, but what it points at is the reference date
    value = ctx.lang.lookup("vague", word(g, "vague")) or ctx.lang.lookup("someday", word(g, "vague"))
    return ("DATE", value, "", True) if value else None


NORMALIZERS = {
    "iso": norm_iso, "numeric_date": norm_numeric_date, "date": norm_date,
    "daypart": norm_daypart, "time": norm_time, "holiday": norm_holiday, "ago": norm_ago,
    "set": norm_set, "duration": norm_duration, "quarter": norm_quarter, "year": norm_year,
    "decade": norm_decade, "era": norm_era, "century": norm_century, "season": norm_season,
    "relative": norm_relative, "vague": norm_vague, "dateparser": norm_dateparser,
}


def normalize(kind: str, g: dict, ctx: Context):
    """(type, value, mod, anchored) for one detected expression, or None to drop it.
    Kind "fixed" takes the rule's own type and value; "ignore" consumes the span silently."""
    if kind == "fixed":
        return g["_type"], g["_value"], "", g["_value"].endswith("_REF")
    if kind == "ignore":
        return None
    return NORMALIZERS[kind](g, ctx)
