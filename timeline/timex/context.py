"""What pass 2 reads: the matched groups of a rule and the context of the expression (anchor
date, clause tense, what the text said before), with the word lookups every normalizer shares.
"""

from __future__ import annotations

import datetime as dt
import re

from timeline.timex.lexicon import Language
from timeline.timex.numbers import parse_year_words

DIGITS = re.compile(r"\d+")


class Context:
    """The anchor day, the clause tense and what the text told before the expression."""

    __slots__ = ("lang", "ref", "when", "previous", "period", "narrative", "told", "told_unit", "lead_period")

    def __init__(self, lang: Language, ref: dt.date | None, when: str,
                 previous: dt.date | None, period: str = "", narrative: bool = False,
                 told: dt.date | None = None, told_unit: str = "", lead_period: str = ""):
        self.lang = lang
        self.ref = ref  # the anchor: the reference date, or in a narrative the last date told
        self.when = when  # "past", "future", "present" or "unknown" (anchor.tense)
        self.previous = previous  # the last date told, else the reference date (anaphora)
        # The latest quarter or half named in the text ("2025-Q3"): business news compares
        # "a year earlier" with the same period of the year before.
        self.period = period
        # In a narrative a month or day without a year stays in the anchor's year.
        self.narrative = narrative
        self.told = told  # the last date told in the text, None when none was
        # The granularity of that date ("day", "week", "year", ...): "three days later" after
        # "in 1944" or "last week" has no day to count from.
        self.told_unit = told_unit
        self.lead_period = lead_period  # the first quarter or half the text named


def groups(match: re.Match) -> dict:
    """Named groups that matched, with role suffixes (pos_2 -> pos) folded together."""
    out = {}
    for name, value in match.groupdict().items():
        if value is not None:
            out.setdefault(name.split("_")[0], value)
    return out


def word(g: dict, key: str) -> str:
    """A group's text lower-cased, dots dropped, blanks collapsed ("" when absent)."""
    return " ".join(g.get(key, "").lower().replace(".", " ").split())


def position(g: dict, ctx: Context) -> str:
    """TIMEX3 mod of an "early/late/mid/the end of" group."""
    if "pos" not in g:
        return ""
    text = word(g, "pos")
    return ctx.lang.lookup("position", text) or ctx.lang.lookup("position", text.split(" ")[0]) or ""


def quantity_mod(g: dict, ctx: Context) -> str:
    """TIMEX3 mod of an "about/more than/nearly" group."""
    if "qmod" not in g:
        return ""
    return ctx.lang.lookup("quantmod", word(g, "qmod")) or ""


def year_of(g: dict, ctx: Context, key: str = "year") -> int | None:
    """The year a group names: digits, "'99" (pivot ten years past the anchor) or words."""
    if key == "year" and "yearword" in g:
        return parse_year_words(g["yearword"], ctx.lang)
    raw = g.get(key)
    m = DIGITS.search(raw or "")
    if not m:
        return None
    year = int(m[0])
    if len(m[0]) == 2:
        pivot = (ctx.ref.year % 100 + 10) if ctx.ref else 30
        year += 2000 if year <= pivot else 1900
    return year


def day_of_month(g: dict, ctx: Context, key: str = "day") -> int | None:
    raw = g.get(key)
    if raw is None:
        return None
    if m := DIGITS.search(raw):
        return int(m[0])
    value = ctx.lang.lookup("ordinal", raw)
    return value if isinstance(value, int) and value > 0 else None


def month_of(g: dict, ctx: Context) -> int | None:
    return ctx.lang.lookup("month", g["month"].rstrip(".")) if "month" in g else None


def direction(g: dict, ctx: Context, key: str = "dir") -> int | None:
    """-1, 0 or +1 for "last/this/next" (also "the previous", "the coming"), None if absent."""
    if key not in g:
        return None
    text = word(g, key)
    if text.startswith("the ") and ctx.lang.lookup("direction", text[4:]) is not None:
        text = text[4:]
    return ctx.lang.lookup("direction", text)


def unit_of(g: dict, ctx: Context, key: str = "unit") -> str | None:
    """Unit code (D, W, M, Q, Y, DE, CE, H, MIN, S, WE) of a unit word, plural or not."""
    text = word(g, key)
    code = ctx.lang.lookup("unit", text)
    if code is None and text.endswith("s"):
        code = ctx.lang.lookup("unit", text[:-1])
    return code


def valid_day(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def iso_day(year: int, month: int, day: int) -> str | None:
    return f"{year:04d}-{month:02d}-{day:02d}" if valid_day(year, month, day) else None
