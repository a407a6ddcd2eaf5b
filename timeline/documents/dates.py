"""A document's own date: from a given field, a header line, a dateline or byline, or an explicit
full date near the top of the text (a photo caption). HTML metadata is read by the HTML reader
(htmldate); sibling inference lives in `siblings.py`.

Nothing here rewrites the text: a header line such as "date 2025-02-04" stays in `Document.text`
so every character offset computed later still points at the same characters.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import tomllib
from collections import Counter
from functools import lru_cache
from importlib import resources

logger = logging.getLogger(__name__)

# Earliest/latest plausible year of a news document's date. Outside it a date field is a typo
# or a placeholder (year 0, 99999) and the document is kept undated rather than misplaced.
MIN_YEAR, MAX_YEAR = 1000, 2999

# The "text" step looks for an explicit date this far into the text (characters): captions and
# datelines are at the top; dates further down are usually background (history, schedules).
TEXT_HEAD_CHARS = 2000


class BadDate(ValueError):
    """A date field that cannot be a real date; the message says why."""


@lru_cache(maxsize=1)
def _rules() -> dict:
    with resources.files("timeline.documents").joinpath("data/datelines.toml").open("rb") as fh:
        return tomllib.load(fh)


def _expand(pattern: str, parts: dict) -> str:
    year_date = parts["year_date"].replace("{MONTH}", parts["month"])
    date = parts["date"].replace("{YEAR_DATE}", year_date).replace("{MONTH}", parts["month"])
    return (pattern.replace("{YEAR_DATE}", year_date).replace("{DATE}", date)
            .replace("{WEEKDAY}", parts["weekday"]).replace("{TIME}", parts["time"]))


@lru_cache(maxsize=1)
def _dateline_patterns() -> tuple[re.Pattern, ...]:
    rules = _rules()
    return tuple(re.compile(_expand(p, rules["parts"]), re.MULTILINE)
                 for p in rules["dateline"]["patterns"])


@lru_cache(maxsize=1)
def _header_pattern() -> re.Pattern:
    keywords = sorted(_rules()["header"]["keywords"], key=len, reverse=True)
    words = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keywords)
    # The keyword must stand alone ("date 2025-02-04", "Date: ..."), not begin a sentence
    # ("Dated buildings ...").
    return re.compile(rf"\A[ \t\ufeff]*(?i:{words})[ \t]*[:=]?[ \t]*(?P<rest>[^\n]{{1,120}})")


_ISO = re.compile(r"^(?P<y>[+-]?\d{1,6})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$")
_ISO_PREFIX = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?")


def _checked(year: int, month: int, day: int, raw: str) -> dt.date:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise BadDate(f"date {raw!r} has year {year}, outside {MIN_YEAR}-{MAX_YEAR}")
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise BadDate(f"date {raw!r} is not a calendar date ({exc})") from None


def parse_date_value(value) -> dt.date | None:
    """A date from a `date` field or a `ref_date` argument (date, datetime, ISO or written date).

    None for an empty value; raises BadDate for something that cannot be a real date
    (year 0, year 99999, February 30, words that are no date)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return _checked(value.year, value.month, value.day, value.isoformat())
    if isinstance(value, dt.date):
        return _checked(value.year, value.month, value.day, value.isoformat())
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _from_number(value)
    raw = str(value).strip()
    if not raw:
        return None
    if _COMPACT.match(raw):  # 20250204, as TimeML DCTs and many feeds write it
        return _checked(int(raw[:4]), int(raw[4:6]), int(raw[6:8]), raw)
    match = _ISO.match(raw)
    if match:
        return _checked(int(match["y"]), int(match["m"]), int(match["d"]), raw)
    parsed = _parse_written(raw)
    if parsed is None:
        raise BadDate(f"date {raw!r} is not a date this reader understands (use YYYY-MM-DD)")
    return _checked(parsed.year, parsed.month, parsed.day, raw)


_COMPACT = re.compile(r"^\d{8}$")


def _from_number(value: float) -> dt.date:
    """A number in a date field: YYYYMMDD, or a Unix time in seconds or milliseconds."""
    if float(value).is_integer() and 10_000_101 <= value <= 99_991_231:
        raw = str(int(value))
        return _checked(int(raw[:4]), int(raw[4:6]), int(raw[6:8]), raw)
    seconds = value / 1000 if abs(value) >= 1e11 else value
    if 1e8 <= abs(seconds) <= 1e10:  # 1973 to 2286: a Unix timestamp
        day = dt.datetime.fromtimestamp(seconds, tz=dt.timezone.utc).date()
        return _checked(day.year, day.month, day.day, str(value))
    raise BadDate(f"date {value!r} is a number that is neither YYYYMMDD nor a Unix time")


def _parse_written(raw: str) -> dt.date | None:
    """dateparser on a string already known to be a date; a full day-month-year is required
    so that "Feb. 3" never silently gets this year's year."""
    import dateparser

    order = "DMY" if re.fullmatch(r"\d{1,2}\.\d{1,2}\.\d{4}", raw) else "MDY"
    try:
        parsed = dateparser.parse(raw[:100], languages=["en"], settings={
            "REQUIRE_PARTS": ["day", "month", "year"], "DATE_ORDER": order,
            "PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False})
    except (ValueError, OverflowError, TypeError, AttributeError):  # dateparser on odd strings
        return None
    return parsed.date() if parsed else None


def header_date(text: str) -> tuple[dt.date, str] | None:
    """(date, matched string) of a metadata line at the very start: "date 2025-02-04" or
    "Date: Tue, 4 Feb 2025". The header may run into the text on the same line."""
    match = _header_pattern().match(text)
    if not match:
        return None
    rest = match["rest"]
    iso = _ISO_PREFIX.match(rest)
    candidates = [iso.group(0)] if iso else []
    # A written date ends at the line's end or where the sentence starts; try the longest
    # prefix first so "Tue, 4 Feb 2025 10:00" keeps its day.
    words = rest.split()
    candidates += [" ".join(words[:n]) for n in range(min(len(words), 7), 1, -1)]
    for candidate in candidates:
        try:
            found = parse_date_value(candidate.rstrip(" ,;"))
        except BadDate:
            continue
        if found:
            prefix = match.group(0)[: match.start("rest") - match.start()]
            return found, (prefix + candidate).strip()
    return None


def dateline_date(text: str) -> tuple[dt.date | None, str, tuple[int, int] | None] | None:
    """A dateline or byline date near the top: (date, matched text, (month, day)).

    A wire dateline often has no year ("WASHINGTON, Feb. 3 (Reuters) -"): then the date is
    None and (month, day) is returned so sibling documents can supply the year."""
    head = text[: _rules()["dateline"]["head_chars"]]
    for pattern in _dateline_patterns():
        for match in pattern.finditer(head):
            raw = match["date"]
            if re.search(r"\d{4}", raw):
                try:
                    found = parse_date_value(raw)
                except BadDate:
                    continue
                if found:
                    return found, match.group(0).strip(), None
            else:
                month_day = _month_day(raw)
                if month_day:
                    return None, match.group(0).strip(), month_day
    return None


def _month_day(raw: str) -> tuple[int, int] | None:
    # A leap year so "Feb. 29" is kept; the year is thrown away.
    try:
        parsed = _parse_written(f"{raw} 2024")
    except Exception:  # dateparser raises odd errors on odd strings
        return None
    return (parsed.month, parsed.day) if parsed else None


def text_date(text: str, tag=None) -> tuple[dt.date, dict] | None:
    """The explicit full date (day, month and year written out) near the top of the text, in a
    caption or dateline position (see `[caption]` in data/datelines.toml).

    When a text names several, the most frequent wins, then the latest: a news story is
    published on or after the days it reports, and older dates near the top are background.
    Note that a caption date is the day of the pictured event, which for news is the
    publication day or the day before; it is still the best evidence the text itself gives."""
    if tag is None:
        from timeline.timex import tag  # lazily: loading the tagger's rules is not free
    head = text[:TEXT_HEAD_CHARS]
    if len(text) > TEXT_HEAD_CHARS:
        cut = head.rfind(" ")
        head = head[:cut] if cut > TEXT_HEAD_CHARS // 2 else head
    try:
        timexes = tag(head)
    except Exception as exc:  # a tagger bug must not lose the document
        logger.warning("tagging the top of a document for its date failed: %s", exc)
        return None
    before, after = _caption_context()
    days = Counter()
    spans: dict[dt.date, list[str]] = {}
    for timex in timexes:
        if timex.anchored_by != "absolute" or timex.granularity not in ("day", "time"):
            continue
        if not (before.search(head[max(0, timex.start - 3):timex.start])
                and after.search(head[timex.end:timex.end + 3])):
            continue
        try:
            day = parse_date_value(timex.value[:10])
        except BadDate:
            continue
        if day:
            days[day] += 1
            spans.setdefault(day, []).append(timex.text)
    if not days:
        return None
    best = max(days, key=lambda d: (days[d], d))
    return best, {"date_text": spans[best][0], "date_candidates": sorted(d.isoformat() for d in days)}


@lru_cache(maxsize=1)
def _caption_context() -> tuple[re.Pattern, re.Pattern]:
    caption = _rules()["caption"]
    return re.compile(caption["before"]), re.compile(caption["after"])
