"""Pass 2 for expressions measured in calendar units: lengths (durations), frequencies (sets),
"N units ago", and units relative to the anchor ("last week", "the quarter", "that year").
Language-neutral: every word is looked up in the language's tables."""

from __future__ import annotations

import datetime as dt

from timeline.timex import anchor as A
from timeline.timex.context import (
    DIGITS, direction, position, quantity_mod, unit_of, word, year_of,
)
from timeline.timex.numbers import format_amount, parse_number

SEASONS = ("SP", "SU", "FA", "WI")  # in calendar order: a winter belongs to its December's year
_SMALLER = {"Y": (12, "M"), "M": (4, "W"), "W": (7, "D"), "D": (24, "H"), "H": (60, "MIN"),
            "MIN": (60, "S")}


def duration_value(amount: float | None, unit: str) -> str:
    """TIMEX3 duration: (3, "Y") -> P3Y, (2.5, "Y") -> P2Y6M, (None, "H") -> PTXH."""
    if unit in ("DE", "CE") and amount is not None:
        # TimeML writes "two decades" as P20Y and "a century" as P100Y
        amount, unit = amount * (10 if unit == "DE" else 100), "Y"
    if amount is not None and amount != int(amount) and unit in _SMALLER:
        whole, rest = int(amount), (amount - int(amount)) * _SMALLER[unit][0]
        if rest == int(rest):
            head = duration_value(whole, unit) if whole else ""
            tail = duration_value(int(rest), _SMALLER[unit][1])
            if not head:
                return tail
            if "T" in head:
                return head + tail[2:]
            return head + tail[1:]
    text = format_amount(amount)
    if unit in ("H", "S"):
        return f"PT{text}{unit}"
    if unit == "MIN":
        return f"PT{text}M"
    if unit == "2W":
        return f"P{format_amount(2 * amount) if amount is not None else 'X'}W"
    return f"P{text}{unit}"


def norm_duration(g, ctx):
    unit = unit_of(g, ctx)
    if unit is None:
        return None
    num = g.get("num")
    if num == "":  # a bare plural: "for years"
        return "DURATION", duration_value(None, unit), quantity_mod(g, ctx), False
    if unit == "S" and ctx.lang.lookup("number_glue", num) == 1:
        return None  # "a second chance", "a second time"
    amount = 1.0 if num is None else parse_number(num, ctx.lang)
    if amount is None and ctx.lang.lookup("vague_span", num) is not None:
        return "DURATION", duration_value(None, unit), "", False
    if num is not None and amount is None and ctx.lang.lookup("vague_number", num) is None:
        return None
    if amount is not None and "andhalf" in g:  # "two and a half years", "a minute and a half"
        amount += 0.5
    if amount is not None and (amount > 10000 or (num or "").isdigit() and 1000 <= amount < 2200):
        return None  # "the 1988 quarter" names a year, it is no length
    return "DURATION", duration_value(amount, unit), quantity_mod(g, ctx), False


def norm_set(g, ctx):
    lang = ctx.lang
    if "freq" in g:
        value = lang.lookup("frequency", word(g, "freq"))
        return ("SET", value, "", False) if value else None
    if "weekday" in g:
        name = g["weekday"].rstrip(".")
        weekday = lang.lookup("weekday", name) or lang.lookup("weekday", name.rstrip("sS"))
        if weekday is None:
            return None
        value = f"XXXX-WXX-{weekday}"
        if "daypart" in g and (code := lang.lookup("daypart", word(g, "daypart").rstrip("s"))):
            value += f"T{code}"
        return "SET", value, "", False
    if "month" in g:
        return "SET", f"XXXX-{lang.lookup('month', g['month'].rstrip('.')):02d}", "", False
    if "season" in g:
        return "SET", f"XXXX-{lang.lookup('season', word(g, 'season'))}", "", False
    unit = unit_of(g, ctx)
    if unit is None:
        return None
    if unit == "WE":
        return "SET", "XXXX-WXX-WE", "", False
    amount = 1.0
    count = word(g, "num")
    if count and lang.lookup("set_count", count) is None:  # "twice a week" is still P1W
        amount = parse_number(count, lang)
        if amount is None:
            return None
    if "other" in g:
        amount = float(lang.lookup("set_step", word(g, "other")) or 1)
    return "SET", duration_value(amount, unit), "", False


# How fine a told date's granularity is against a counted unit: days after a day, weeks after
# a week or a day, years after any date.
FINENESS = {"time": 0, "day": 1, "D": 1, "week": 2, "W": 2, "WE": 2, "2W": 2, "month": 3, "M": 3,
             "season": 4, "quarter": 4, "Q": 4, "half": 5, "year": 6, "Y": 6, "decade": 7, "DE": 7,
             "century": 8, "CE": 8}


def norm_ago(g, ctx):
    """"three days ago" / "a year earlier" / "from now"; "later" counts from the last date told."""
    unit = unit_of(g, ctx)
    if unit is None:
        return None
    amount = parse_number(g["num"], ctx.lang)
    relation = ctx.lang.lookup("relation", word(g, "rel")) or "-anchor"
    sign = 1 if relation[0] == "+" else -1
    mod = quantity_mod(g, ctx)
    if relation.endswith("told"):
        if amount is None and ctx.narrative and unit not in ("H", "MIN", "S"):
            # "A few months later" in a story: a date after the one told, not a length
            return "DATE", "FUTURE_REF", mod, True
        # "three hours later" is a length of time in TimeML (its day is the told one at best),
        # and days after a week or a year named before have no day to count from.
        if amount is None or unit in ("H", "MIN", "S") or ctx.told is None \
                or FINENESS.get(ctx.told_unit, 9) > FINENESS.get(unit, 0):
            return None
        base = ctx.told
    else:
        base = ctx.ref
    if base is not None and amount is None and unit == "Y" and sign < 0:
        return "DATE", f"{base.year // 10:03d}X", mod, True  # "a few years ago" -> 199X
    if base is None or amount is None:
        return "DATE", "FUTURE_REF" if sign > 0 else "PAST_REF", mod, True
    if unit in ("H", "MIN", "S"):
        return "DATE", base.isoformat(), mod, True
    steps = int(round(amount))
    if unit == "Y" and amount == 1 and sign < 0 and ctx.period:
        return "DATE", _year_before(ctx.period), mod, True
    target = A.shift(base, "W" if unit == "WE" else unit, sign * steps)
    return "DATE", A.format_unit(target, "D" if unit == "WE" else unit), mod, True


def norm_quarter(g, ctx):
    """"the third quarter (of 1989)", "Q3 2024", "the second half of the year"."""
    unit = (ctx.lang.lookup("unit_alias", word(g, "unit")) or unit_of(g, ctx)) if "unit" in g else "Q"
    if "q" in g:
        index, unit = int(g["q"][1]), "Q"
        year = year_of({"year": g["yearq"]}, ctx) if "yearq" in g else None
    else:
        text = word(g, "ord")
        ordinal = ctx.lang.lookup("ordinal", text) or ctx.lang.lookup("ordinal_last", text)
        if ordinal is None:
            ordinal = int(DIGITS.search(text)[0])
        index = ordinal if ordinal > 0 else (4 if unit == "Q" else 2)
        year = year_of(g, ctx)
    if unit not in ("Q", "H") or index > (2 if unit == "H" else 4):
        return None
    anchored = year is None
    if year is None and ctx.ref is not None:
        step = direction(g, ctx)
        year = ctx.ref.year + (step or 0)
        if step is None and ctx.when == "past" and unit == "Q" \
                and index > (ctx.ref.month - 1) // 3 + 1:
            year -= 1  # "profit rose in the third quarter", told in February: last year's
    year_text = f"{year:04d}" if year is not None else "XXXX"
    return "DATE", f"{year_text}-{unit}{index}", position(g, ctx), anchored


def norm_relative(g, ctx):
    """A unit relative to the anchor or to the last date told: "last week", "this year",
    "the quarter", "that year", "the following month", "the day before", "last summer"."""
    lang = ctx.lang
    mod = position(g, ctx)
    text = word(g, "dir")
    if "rel" in g:
        return _year_ago(g, ctx)
    if (day_step := lang.lookup("day_anaphora", text)) is not None:  # "the day before"
        base = ctx.previous or ctx.ref
        if base is None:
            return "DATE", "XXXX-XX-XX", mod, True
        if (partial := _inside_told(ctx, "D")) is not None:
            return "DATE", partial, mod, True
        return "DATE", (base + dt.timedelta(days=day_step)).isoformat(), mod, True
    unit_word = word(g, "unit")
    season = lang.lookup("season", unit_word)
    unit = lang.lookup("unit_alias", unit_word) or lang.lookup("unit", unit_word.split(" ")[-1])
    if season is None and unit is None:
        return None
    back = lang.lookup("anaphora", text)  # "that year", "the following month"
    reported = lang.lookup("period_reference", text)  # "the quarter", "this quarter"
    if unit == "Q" and "year" in g:  # "the 1988 period": that year's quarter under discussion
        year = year_of(g, ctx)
        return "DATE", f"{year:04d}{ctx.period[4:]}" if ctx.period else f"{year:04d}", mod, False
    if unit == "Q" and ctx.lead_period and lang.lookup("lead_period", f"{text} {unit_word}"):
        return "DATE", ctx.lead_period, mod, True
    if unit == "Q" and ctx.period and (reported is not None or back == 0):
        return "DATE", ctx.period, mod, True  # the quarter the report is about
    if unit_word == "period" and ctx.narrative:
        return None  # in a story "the period" is no quarter ("the period 1918-1920")
    base = ctx.previous if back is not None and ctx.previous else ctx.ref
    if base is None:
        return "DATE", _placeholder(unit), mod, True
    if unit and lang.tables.get("open_unit", {}).get(f"{text} {unit_word}".lower()) == unit:
        return "DATE", f"{base.year:04d}{_placeholder(unit)[4:]}", mod, True
    step = back if back is not None else direction(g, ctx)
    if back is not None and (partial := _inside_told(ctx, unit)) is not None:
        return "DATE", partial, mod, True
    if season:
        if ctx.told_unit == "year" and base == ctx.previous and (ctx.narrative or back is not None):
            # "In 1603 ... in the autumn", "In 1945 ... the following spring": the season of
            # the year told or of the one after (the year's first day is in the winter that
            # began the year before, so `_relative_season` would count from there)
            return "DATE", f"{base.year + (step or 0):04d}-{season}", mod, True
        if step is None and ctx.narrative:  # like a month, a season takes the story's year
            return "DATE", f"{base.year:04d}-{season}", mod, True
        if step is None:  # "over the summer": the last one (the current one included: "roads
            # were closed in winter" in February is this winter), or the next in a future
            # clause; a story goes forward, so there it is the current or coming one
            step = 0 if ctx.narrative else (1 if ctx.when == "future" else -1)
            return "DATE", _relative_season(base, season, step, current=True), mod, True
        return "DATE", _relative_season(base, season, step), mod, True
    if step is None:
        if unit == "WE":
            return "DATE", _weekend(base, ctx.when), mod, True
        if unit == "Y" and mod == "END" and ctx.when == "past" and "year" in word(g, "unit") \
                and not ctx.narrative:
            # "the percentage change is since year-end", told in October: the end of last year
            return "DATE", f"{base.year - 1:04d}", mod, True
        # "the quarter", "the latest quarter": in reports the last completed one
        step = (reported or 0) if unit == "Q" else 0
    if unit == "WE":
        return "DATE", A.format_unit(A.shift(base, "W", step), "WE"), mod, True
    return "DATE", A.format_unit(A.shift(base, unit, step), unit), mod, True


def _season_of(day: dt.date) -> tuple[int, str]:
    if day.month in (1, 2):
        return day.year - 1, "WI"
    return day.year, SEASONS[(day.month - 3) // 3]


def _relative_season(base: dt.date, code: str, step: int, current: bool = False) -> str:
    """"this/last/next summer" from `base`; "this" is the current or coming one. With
    `current`, the season under way counts as the last or the next one."""
    year, season_now = _season_of(base)
    now = year * 4 + SEASONS.index(season_now)
    target = year * 4 + SEASONS.index(code)
    if current and target == now:
        pass
    elif step == 0:
        if target < now - 1:
            target += 4
        if target > now + 2:
            target -= 4
    elif step < 0:
        target = target if target < now else target - 4
    else:
        target = target if target > now else target + 4
    return f"{target // 4:04d}-{SEASONS[target % 4]}"


def _weekend(base: dt.date, when: str) -> str:
    if when == "future" or base.isoweekday() >= 6:
        return A.format_unit(base, "WE")
    return A.format_unit(base - dt.timedelta(days=7), "WE")


def _inside_told(ctx, unit: str | None) -> str | None:
    """"That same day" after "last October": a day of the month told, which one the text does not
    say (1998-10-XX); after a year, a day, week or month of that year (1998-XX-XX)."""
    told = ctx.told
    told_fineness = FINENESS.get(ctx.told_unit, 9)
    if told is None or unit not in ("D", "W", "M") or \
            not FINENESS[unit] < told_fineness <= FINENESS["year"]:
        return None
    if unit == "D" and ctx.told_unit == "month":
        return f"{told.year:04d}-{told.month:02d}-XX"
    return f"{told.year:04d}{_placeholder(unit)[4:]}"


def _placeholder(unit: str | None) -> str:
    return {"W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX", "Q": "XXXX-QX",
            "Y": "XXXX", "D": "XXXX-XX-XX"}.get(unit, "XXXX")


def _year_before(period: str) -> str:
    return f"{int(period[:4]) - 1:04d}{period[4:]}"


def _year_ago(g, ctx):
    """"the year-ago quarter", "year-earlier": the same period one year before."""
    text = word(g, "unit")
    count, _, unit_word = text.partition(" ")
    if unit_word:  # "the year-earlier nine months": a length, as "the nine months" is
        length = norm_duration({"num": count, "unit": unit_word}, ctx)
        if length is not None:
            return length
    unit = ctx.lang.lookup("unit_alias", text) or unit_of(g, ctx) if text else "Y"
    ref = ctx.ref
    if ref is None:
        return "DATE", "XXXX", "", True
    if "ord" in g and unit == "Q":
        return "DATE", f"{ref.year - 1:04d}-Q{ctx.lang.lookup('ordinal', word(g, 'ord'))}", "", True
    if ctx.period and unit in ("Q", "Y"):
        return "DATE", _year_before(ctx.period), "", True
    year_ago = A.shift(ref, "Y", -1)
    if unit == "Q":
        return "DATE", A.format_unit(A.shift(year_ago, "Q", -1), "Q"), "", True
    if unit in ("M", "W", "D"):
        return "DATE", A.format_unit(year_ago, unit), "", True
    return "DATE", f"{ref.year - 1:04d}", "", True
