"""Pass 2: turn a detected expression (rule kind + named groups) into a TIMEX3 value.

The code is language-neutral: every word is looked up in the language's tables. Each
normalizer returns (type, value, mod, anchored) or None to drop the candidate, where
`anchored` is True when the value needed the anchor date (else it is fully in the text).
"""

from __future__ import annotations

import datetime as dt
import re

from timeline.timex import anchor as A
from timeline.timex.holidays import holiday_date
from timeline.timex.lexicon import Language
from timeline.timex.numbers import format_amount, parse_number, parse_year_words

_SEASON_ORDER = ("SP", "SU", "FA", "WI")  # a winter belongs to the year of its December
_DIGITS = re.compile(r"\d+")


class Context:
    """What a normalizer may look at: the language, the anchor day, the clause tense and the
    latest date already seen in the text (for "that year", "the following day")."""

    __slots__ = ("lang", "ref", "when", "previous", "ref_time", "period", "narrative", "told")

    def __init__(self, lang: Language, ref: dt.date | None, when: str,
                 previous: dt.date | None, ref_time: str = "", period: str = "",
                 narrative: bool = False, told: dt.date | None = None):
        self.lang, self.ref, self.when, self.previous, self.ref_time = lang, ref, when, previous, ref_time
        # In a narrative the anchor is the last date told, and a month or day without a year
        # stays in the anchor's year (a history goes forward from it).
        self.narrative = narrative
        self.told = told  # the last date told in the text, None when none was (unlike previous)
        # The latest quarter or half named in the text ("2025-Q3"): business news compares
        # "a year earlier" with the same period of the year before.
        self.period = period


def groups(match: re.Match) -> dict:
    """Named groups that matched, with role suffixes (pos_2 -> pos) folded together."""
    out = {}
    for name, value in match.groupdict().items():
        if value is None:
            continue
        out.setdefault(name.split("_")[0], value)
    return out


def _word(g: dict, key: str) -> str:
    return " ".join(g.get(key, "").lower().replace(".", " ").split())


def _position(g: dict, ctx: Context) -> str:
    if "pos" not in g:
        return ""
    return ctx.lang.lookup("position", _word(g, "pos").split(" ")[0]) or ""


def _qmod(g: dict, ctx: Context) -> str:
    if "qmod" not in g:
        return ""
    return ctx.lang.lookup("quantmod", _word(g, "qmod")) or ""


def _year(g: dict, ctx: Context, key: str = "year") -> int | None:
    if key == "year" and "yearword" in g:
        return parse_year_words(g["yearword"], ctx.lang)
    raw = g.get(key)
    if raw is None:
        return None
    digits = raw.strip("' ")
    m = _DIGITS.search(digits)
    if not m:
        return None
    year = int(m[0])
    if len(m[0]) == 2:
        pivot = (ctx.ref.year % 100 + 10) if ctx.ref else 30
        year += 2000 if year <= pivot else 1900
    return year


def _day(g: dict, ctx: Context, key: str = "day") -> int | None:
    raw = g.get(key)
    if raw is None:
        return None
    if m := _DIGITS.search(raw):
        return int(m[0])
    value = ctx.lang.lookup("ordinal", raw)
    return value if isinstance(value, int) and value > 0 else None


def _month(g: dict, ctx: Context) -> int | None:
    return ctx.lang.lookup("month", g["month"].rstrip(".")) if "month" in g else None


def _dir(g: dict, ctx: Context) -> int | None:
    if "dir" not in g:
        return None
    word = _word(g, "dir")
    for prefix in ("the ",):
        if word.startswith(prefix) and ctx.lang.lookup("direction", word[len(prefix):]) is not None:
            word = word[len(prefix):]
    return ctx.lang.lookup("direction", word)


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


# ---- kinds ----------------------------------------------------------------------------------

def norm_iso(g, ctx):
    year, month, day = int(g["year"]), int(g["month"]), int(g["day"])
    if not _valid(year, month, day):
        return None
    value = f"{year:04d}-{month:02d}-{day:02d}"
    if "hour" in g:
        return "TIME", f"{value}T{g['hour']}:{g['minute']}", "", False
    return "DATE", value, "", False


def norm_numeric_date(g, ctx):
    a, b = int(g["a"]), int(g["b"])
    year = _year(g, ctx)
    month, day = (a, b) if a <= 12 else (b, a)
    if year is None or not _valid(year, month, day) or g.get("sep") == "." and a <= 12 and b <= 12 and False:
        return None
    return "DATE", f"{year:04d}-{month:02d}-{day:02d}", "", False


def _day_of(g, ctx, shift_ok=True):
    """(value, anchored) of the day named by month/day/year/weekday/dayword groups."""
    ref = ctx.ref
    if "dayword" in g:
        offset = ctx.lang.lookup("dayword", _word(g, "dayword"))
        if offset is None:
            return None
        if ref is None:
            return "PRESENT_REF" if offset == 0 else None, True
        return (ref + dt.timedelta(days=offset)).isoformat(), True
    month = _month(g, ctx)
    day = _day(g, ctx)
    if month and day:
        year = _year(g, ctx)
        if year is not None:
            return (f"{year:04d}-{month:02d}-{day:02d}" if _valid(year, month, day) else None), False
        if ref is None:
            return (f"XXXX-{month:02d}-{day:02d}" if day <= 31 else None), True
        year = ref.year if ctx.narrative else A.resolve_day_year(ref, month, day, ctx.when)
        return (f"{year:04d}-{month:02d}-{day:02d}" if _valid(year, month, day) else None), True
    if day and not month and "weekday" not in g:
        if ref is None:
            return f"XXXX-XX-{day:02d}", True
        year, mon = ref.year, ref.month
        if ctx.when == "future" and day < ref.day:
            year, mon = A.add_months(year, mon, 1)
        elif ctx.when == "past" and day > ref.day:
            year, mon = A.add_months(year, mon, -1)
        return (f"{year:04d}-{mon:02d}-{day:02d}" if _valid(year, mon, day) else None), True
    if "weekday" in g:
        weekday = ctx.lang.lookup("weekday", g["weekday"].rstrip("."))
        if weekday is None:
            return None
        if ref is None:
            return f"XXXX-WXX-{weekday}", True
        return A.resolve_weekday(ref, weekday, _dir(g, ctx), ctx.when).isoformat(), True
    return None


def norm_date(g, ctx):
    mod = _position(g, ctx) or _qmod(g, ctx)
    month = _month(g, ctx)
    if month and "day" not in g:
        return _month_only(g, ctx, month, mod)
    found = _day_of(g, ctx)
    if not found or not found[0]:
        return None
    return "DATE", found[0], mod, found[1]


def _month_only(g, ctx, month, mod):
    year = _year(g, ctx)
    if year is not None:
        return "DATE", f"{year:04d}-{month:02d}", mod, False
    ref = ctx.ref
    word = _word(g, "dir")
    if ref is None:
        return "DATE", f"XXXX-{month:02d}", mod, True
    if word == "that" and ctx.previous:
        return "DATE", f"{ctx.previous.year:04d}-{month:02d}", mod, True
    direction = _dir(g, ctx)
    if "year" in word or (direction is not None and g.get("dir", "").lower().endswith("year")):
        pass
    if direction == -1:
        # "last April" in October is this year's; "last February" in March means a year ago
        # (the one just gone is "this February" or plain "February")
        year = ref.year if month < ref.month - 1 else ref.year - 1
    elif direction == 1:
        year = ref.year if month > ref.month else ref.year + 1
    elif direction == 0:
        year = ref.year
    elif ctx.narrative:
        year = ref.year
    else:
        year = A.resolve_month_year(ref, month, ctx.when)
    return "DATE", f"{year:04d}-{month:02d}", mod, True


def norm_month_year_dir(g, ctx):
    return None


def norm_daypart(g, ctx):
    code = ctx.lang.lookup("daypart", _word(g, "daypart")) if "daypart" in g else None
    word = _word(g, "dir")
    day = None
    anchored = True
    if "dayword" in g or "weekday" in g or "month" in g:
        found = _day_of(g, ctx)
        if not found or not found[0]:
            return None
        day = found[0]
    elif word in ("this", "tonight"):
        day = ctx.ref.isoformat() if ctx.ref else None
    elif word in ("last", "yesterday"):
        day = (ctx.ref - dt.timedelta(days=1)).isoformat() if ctx.ref else None
        if word == "last" and code in ("MO", "AF"):
            day = ctx.ref.isoformat() if ctx.ref else None
    elif word == "tomorrow":
        day = (ctx.ref + dt.timedelta(days=1)).isoformat() if ctx.ref else None
    elif word in ("the next", "the following", "the previous", "that", "the same"):
        base = ctx.previous or ctx.ref
        step = {"the next": 1, "the following": 1, "the previous": -1}.get(word, 0)
        day = (base + dt.timedelta(days=step)).isoformat() if base else None
    if "dayword" in g and _word(g, "dayword") == "tonight":
        code = "NI"
    if code is None:
        return None
    if day is None or day == "PRESENT_REF":
        day = "XXXX-XX-XX"
    return "TIME", f"{day}T{code}", _position(g, ctx), anchored


def norm_time(g, ctx):
    mod = _qmod(g, ctx)
    if "hour" in g:
        hour = int(g["hour"])
        minute = int(g.get("minute") or 0)
        ampm = g.get("ampm", "").lower()
        part = _word(g, "partofday")
        evening = _word(g, "dayword") == "tonight" or part in ("evening", "night", "tonight", "afternoon")
        if (ampm.startswith("p") or (evening and not ampm and 1 <= hour < 12)) and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
        if hour > 23 or minute > 59:
            return None
        clock = f"{hour:02d}:{minute:02d}"
    else:
        clock = ctx.lang.lookup("daypart", _word(g, "daypart"))
        if clock is None:
            return None
    if "partofday" in g and ctx.ref is not None:
        step = {"yesterday": -1, "tomorrow": 1, "last": -1}.get(_word(g, "pdir"), 0)
        day, anchored = (ctx.ref + dt.timedelta(days=step)).isoformat(), True
    elif any(k in g for k in ("dayword", "weekday", "month")):
        found = _day_of(g, ctx)
        if not found or not found[0]:
            return None
        day, anchored = found
    elif ctx.ref is not None:
        day, anchored = ctx.ref.isoformat(), True
    else:
        day, anchored = "XXXX-XX-XX", True
    if day == "PRESENT_REF":
        day = "XXXX-XX-XX"
    return "TIME", f"{day}T{clock}", mod, anchored


def norm_holiday(g, ctx):
    rule = ctx.lang.lookup("holiday", _word(g, "holiday").replace(" s ", "'s "))
    if rule is None:
        rule = ctx.lang.lookup("holiday", g["holiday"])
    if rule is None:
        return None
    year = _year(g, ctx)
    anchored = year is None
    if year is None:
        if ctx.ref is None:
            probe = holiday_date(rule, 2000)
            return ("DATE", f"XXXX-{probe:%m-%d}", "", True) if probe else None
        year = ctx.ref.year
        day = holiday_date(rule, year)
        direction = _dir(g, ctx)
        if day is None:
            return None
        if direction == -1:
            year -= day > ctx.ref
        elif direction == 1:
            year += day < ctx.ref
        elif direction is None:
            # the same choice as for "Dec. 24": nearest, or the tense's side within ~10 months
            year = A.resolve_day_year(ctx.ref, day.month, day.day, ctx.when)
    day = holiday_date(rule, year)
    return ("DATE", day.isoformat(), "", anchored) if day else None


def _unit(g, ctx, key="unit"):
    word = _word(g, key)
    code = ctx.lang.lookup("unit", word)
    if code is None and word.endswith("s"):
        code = ctx.lang.lookup("unit", word[:-1])
    return code


def norm_ago(g, ctx):
    unit = _unit(g, ctx)
    if unit is None:
        return None
    amount = parse_number(g["num"], ctx.lang)
    rel = _word(g, "rel")
    sign = 1 if rel in ("later", "after", "from now", "hence") else -1
    mod = _qmod(g, ctx)
    if rel in ("later", "afterwards", "after") and (amount is None or ctx.told is None):
        return None
    if ctx.ref is not None and amount is None and unit == "Y" and sign < 0:
        return "DATE", f"{ctx.ref.year // 10:03d}X", mod, True  # "a few years ago" -> 199X
    if ctx.ref is None or amount is None:
        return "DATE", "FUTURE_REF" if sign > 0 else "PAST_REF", mod, True
    if unit in ("H", "MIN", "S"):
        return "DATE", ctx.ref.isoformat(), mod, True
    whole = int(amount)
    if whole != amount:
        return "DATE", A.format_unit(A.shift(ctx.ref, unit, sign * int(round(amount))), unit), mod, True
    if unit == "Y" and whole == 1 and sign < 0 and ctx.period:
        return "DATE", _period_year_before(ctx.period), mod, True
    # "later"/"after" count from the last date told; "ago"/"from now" from the anchor
    if rel in ("later", "afterwards", "after"):
        if ctx.told is None:
            return None
        base = ctx.told
    else:
        base = ctx.ref
    target = A.shift(base, "W" if unit == "WE" else unit, sign * whole)
    return "DATE", A.format_unit(target, "D" if unit == "WE" else unit), mod, True


def norm_set(g, ctx):
    if "freq" in g:
        value = ctx.lang.lookup("frequency", _word(g, "freq"))
        return ("SET", value, "", False) if value else None
    if "weekday" in g:
        weekday = ctx.lang.lookup("weekday", g["weekday"].rstrip(".").lower().rstrip("s")) or \
            ctx.lang.lookup("weekday", g["weekday"].rstrip("."))
        if weekday is None:
            return None
        value = f"XXXX-WXX-{weekday}"
        if "daypart" in g:
            code = ctx.lang.lookup("daypart", _word(g, "daypart").rstrip("s"))
            if code:
                value += f"T{code}"
        return "SET", value, "", False
    if "month" in g:
        return "SET", f"XXXX-{_month(g, ctx):02d}", "", False
    if "season" in g:
        return "SET", f"XXXX-{ctx.lang.lookup('season', _word(g, 'season'))}", "", False
    unit = _unit(g, ctx)
    if unit is None:
        return None
    if unit == "WE":
        return "SET", "XXXX-WXX-WE", "", False
    amount = 1
    if "num" in g and g["num"].lower() not in ("once", "twice", "three times"):
        amount = parse_number(g["num"], ctx.lang)
        if amount is None:
            return None
        if "every" not in g.get("other", "every"):
            pass
    if g.get("other", "").lower() == "other":
        amount = 2
    if "num" in g and g["num"].lower() in ("once", "twice", "three times"):
        amount = 1
    return "SET", _duration_value(amount, unit), "", False


_SMALLER = {"Y": (12, "M"), "M": (4, "W"), "W": (7, "D"), "D": (24, "H"), "H": (60, "MIN"),
            "MIN": (60, "S")}


def _duration_value(amount, unit):
    if unit in ("DE", "CE") and amount is not None:
        # TimeML writes "two decades" as P20Y and "a century" as P100Y
        amount, unit = amount * (10 if unit == "DE" else 100), "Y"
    if amount is not None and amount != int(amount) and unit in _SMALLER:
        # "2 1/2 years" -> P2Y6M, "a minute and a half" -> PT1M30S
        whole, frac = int(amount), amount - int(amount)
        factor, smaller = _SMALLER[unit]
        rest = frac * factor
        if rest == int(rest):
            head = _duration_value(whole, unit) if whole else ""
            tail = _duration_value(int(rest), smaller)
            if not head:
                return tail
            if "T" in tail and "T" not in head:
                return head + tail[1:]
            return head + tail[2:] if "T" in head else head + tail[1:]
    text = format_amount(amount)
    if unit in ("H", "S"):
        return f"PT{text}{unit}"
    if unit == "MIN":
        return f"PT{text}M"
    if unit == "2W":
        return f"P{format_amount(2 * amount) if amount is not None else 'X'}W"
    return f"P{text}{unit}"


def norm_duration(g, ctx):
    unit = _unit(g, ctx)
    if unit is None:
        return None
    num = g.get("num")
    if num == "":
        return "DURATION", _duration_value(None, unit), _qmod(g, ctx), False
    if unit == "S" and num.lower() in ("a", "an"):
        return None  # "a second chance", "a second time"
    amount = 1.0 if num is None else parse_number(num, ctx.lang)
    if amount is None and ctx.lang.lookup("vague_span", num) is not None:
        return "DURATION", _duration_value(None, unit), "", False
    if num is not None and amount is None and ctx.lang.lookup("vague_number", num) is None \
            and not re.search(r"couple|few|several", num, re.I):
        return None
    if num is not None and "couple" in num.lower():
        amount = 2.0
    if amount is not None and ("andhalf" in g or re.search(r"and a half$", g.get("_text", ""), re.I)):
        amount += 0.5
    if amount is not None and (amount > 10000 or (num or "").isdigit() and 1000 <= amount < 2200):
        return None  # "the 1988 quarter" names a year, it is no length
    return "DURATION", _duration_value(amount, unit), _qmod(g, ctx), False


def norm_quarter(g, ctx):
    unit = _word(g, "unit") or "quarter"
    if "q" in g:
        index = int(g["q"][1])
        unit = "quarter"
        year = _year({"year": g["yearq"]}, ctx)
    else:
        word = _word(g, "ord")
        ordinal = ctx.lang.lookup("ordinal", word) or ctx.lang.lookup("ordinal_last", word)
        if ordinal is None:
            ordinal = int(_DIGITS.search(word)[0])
        index = 4 if ordinal == -1 and unit == "quarter" else (2 if ordinal == -1 else ordinal)
        year = _year(g, ctx)
    if unit == "half" and index > 2 or index > 4:
        return None
    anchored = year is None
    if year is None:
        if ctx.ref is None:
            year_text = "XXXX"
        else:
            year = ctx.ref.year
            direction = _dir(g, ctx)
            if direction == -1:
                year -= 1
            elif direction == 1:
                year += 1
            elif direction is None and ctx.when == "past" and unit == "quarter" \
                    and index > (ctx.ref.month - 1) // 3 + 1:
                year -= 1
    year_text = f"{year:04d}" if year is not None else "XXXX"
    letter = "Q" if unit == "quarter" else "H"
    return "DATE", f"{year_text}-{letter}{index}", _position(g, ctx), anchored


def norm_year(g, ctx):
    year = _year(g, ctx)
    if year is None or not 1000 <= year <= 2199:
        return None
    return "DATE", f"{year:04d}", _position(g, ctx), False


def norm_decade(g, ctx):
    if "decade" in g and len(g["decade"]) == 2:
        value = "19" + g["decade"][0]  # "the '90s"
    elif "decade" in g and g["decade"].endswith("00") and int(g["decade"]) <= 1900:
        value = g["decade"][:2]  # "the 1800s" is the nineteenth century
    elif "decade" in g:
        value = g["decade"][:3]
    elif "decadeword" in g:
        digit = ctx.lang.lookup("decadeword", _word(g, "decadeword"))
        value = f"19{digit}"
    else:
        digit = g["decade"][0] if "decade" in g else None
        return None
    return "DATE", value, _position(g, ctx), False


def norm_century(g, ctx):
    raw = g["century"]
    m = _DIGITS.search(raw)
    number = int(m[0]) if m else ctx.lang.lookup("ordinal", raw.lower())
    if not number or number < 1:
        return None
    return "DATE", f"{number - 1:02d}", _position(g, ctx), False


def norm_season(g, ctx):
    code = ctx.lang.lookup("season", _word(g, "season"))
    year = _year(g, ctx)
    if code is None or year is None:
        return None
    return "DATE", f"{year:04d}-{code}", _position(g, ctx), False


def _season_of(day: dt.date) -> tuple[int, str]:
    if day.month in (1, 2):
        return day.year - 1, "WI"
    return day.year, _SEASON_ORDER[(day.month - 3) // 3]


def _relative_season(ctx, code, direction):
    ref = ctx.ref
    cur_year, cur_code = _season_of(ref)
    cur_index = cur_year * 4 + _SEASON_ORDER.index(cur_code)
    target_base = cur_year * 4 + _SEASON_ORDER.index(code)
    if direction == 0:
        index = target_base if target_base >= cur_index - 1 else target_base + 4
        if index > cur_index + 2:
            index -= 4
    elif direction < 0:
        index = target_base if target_base < cur_index else target_base - 4
    else:
        index = target_base if target_base > cur_index else target_base + 4
    return f"{index // 4:04d}-{_SEASON_ORDER[index % 4]}"


def norm_relative(g, ctx):
    mod = _position(g, ctx)
    word = _word(g, "dir")
    unit_word = _word(g, "unit")
    if "rel" in g:
        return _year_ago(g, ctx)
    if word in ("the day before", "the day after", "the previous day", "the following day"):
        base = ctx.previous or ctx.ref
        if base is None:
            return "DATE", "XXXX-XX-XX", mod, True
        step = 1 if word in ("the day after", "the following day") else -1
        return "DATE", (base + dt.timedelta(days=step)).isoformat(), mod, True

    if "fiscal" in g and unit_word == "year":
        unit_word = "year"
    season = ctx.lang.lookup("season", unit_word)
    unit = season and "SEASON" or ctx.lang.lookup("unit", unit_word.split(" ")[-1])
    if unit_word == "period":
        unit = "Q"
    if unit is None:
        return None
    if word == "that same":
        word = "the same"
    anaphoric = word in ("the same", "that", "the following", "the previous", "the next", "the prior")
    if unit == "Q" and (anaphoric and word in ("the same", "that")) and ctx.period:
        return "DATE", ctx.period, mod, True
    if "year" in g and unit == "Q":
        year = _year(g, ctx)
        if ctx.period:
            return "DATE", f"{year:04d}{ctx.period[4:]}", mod, False
        return "DATE", f"{year:04d}", mod, False
    base = ctx.previous if anaphoric and ctx.previous else ctx.ref
    if base is None:
        return "DATE", _placeholder(unit), mod, True
    if word in ("the following", "the next"):
        direction = 1
    elif word in ("the previous", "the prior"):
        direction = -1
    elif word in ("the same", "that"):
        direction = 0
    else:
        direction = _dir(g, ctx)
    if unit == "Q" and word in ("the", "the latest", "the recent", "this") and ctx.period \
            and "year" not in g:
        return "DATE", ctx.period, mod, True  # the quarter the report is about
    if direction is None:
        # "the quarter", "the latest quarter", "the week": the current unit, except a quarter,
        # which in reports means the last completed one.
        direction = -1 if unit in ("Q",) and word in ("the latest", "the recent", "the") else 0
        if unit == "WE":
            return "DATE", _weekend(base, ctx.when), mod, True
    if season:
        if word == "the":
            direction = 1 if ctx.when == "future" else -1
        return "DATE", _relative_season(ctx, season, direction), mod, True
    if unit == "WE":
        return "DATE", A.format_unit(A.shift(base, "W", direction), "WE"), mod, True
    target = A.shift(base, unit, direction)
    return "DATE", A.format_unit(target, unit), mod, True


def _weekend(base, when):
    if when == "future" or base.isoweekday() >= 6:
        return A.format_unit(base, "WE")
    return A.format_unit(base - dt.timedelta(days=7), "WE")


def _placeholder(unit):
    return {"W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX", "Q": "XXXX-QX",
            "Y": "XXXX", "D": "XXXX-XX-XX"}.get(unit, "XXXX")


def _period_year_before(period: str) -> str:
    return f"{int(period[:4]) - 1:04d}{period[4:]}"


def _year_ago(g, ctx):
    unit = _word(g, "unit")
    if ctx.ref is None:
        return "DATE", "XXXX", "", True
    if "ord" in g and unit == "quarter":
        index = ctx.lang.lookup("ordinal", _word(g, "ord"))
        return "DATE", f"{ctx.ref.year - 1:04d}-Q{index}", "", True
    if ctx.period and unit in ("quarter", "period", "year", ""):
        return "DATE", _period_year_before(ctx.period), "", True
    if unit in ("quarter", "period"):
        quarter = A.shift(A.shift(ctx.ref, "Q", -1), "Y", -1)
        return "DATE", A.format_unit(quarter, "Q"), "", True
    if unit in ("month",):
        return "DATE", A.format_unit(A.shift(ctx.ref, "Y", -1), "M"), "", True
    if unit in ("week",):
        return "DATE", A.format_unit(A.shift(ctx.ref, "Y", -1), "W"), "", True
    if unit in ("day", "date"):
        return "DATE", A.shift(ctx.ref, "Y", -1).isoformat(), "", True
    return "DATE", f"{ctx.ref.year - 1:04d}", "", True


def norm_vague(g, ctx):
    value = ctx.lang.lookup("vague", _word(g, "vague"))
    return ("DATE", value, "", False) if value else None


NORMALIZERS = {
    "iso": norm_iso, "numeric_date": norm_numeric_date, "date": norm_date,
    "daypart": norm_daypart, "time": norm_time, "holiday": norm_holiday, "ago": norm_ago,
    "set": norm_set, "duration": norm_duration, "quarter": norm_quarter, "year": norm_year,
    "decade": norm_decade, "century": norm_century, "season": norm_season,
    "relative": norm_relative, "vague": norm_vague,
}


def normalize(kind: str, g: dict, ctx: Context):
    """(type, value, mod, anchored) for one detected expression, or None to drop it."""
    if kind == "fixed":
        return g["_type"], g["_value"], "", False
    if kind == "ignore":
        return None
    return NORMALIZERS[kind](g, ctx)
