"""Text that goes into the chart: dates as a reader writes them, escaped and wrapped hover text.

Plotly renders a subset of HTML in hover labels and text (<b>, <a href>, <br>, entities) and,
when MathJax is present, `$...$` as LaTeX. Article text must never be interpreted, so every
piece of it passes through `escape_text` before it reaches plotly.
"""

from __future__ import annotations

import html
import re

import pandas as pd

from timeline.days import year_text

_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_TIME_OF_DAY = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
_SAFE_URL = re.compile(r"^https?://[^\s\"'<>\\]+$", re.IGNORECASE)


def escape_text(text: str) -> str:
    """HTML-escape for plotly; `$` becomes an entity so no MathJax can ever see a formula.
    Quotes stay as they are: with "<" escaped there is no tag for them to end, and plotly only
    decodes numeric entities and a few named ones (not &quot;)."""
    return html.escape(str(text), quote=False).replace("$", "&#36;")


def wrap(text: str, width: int = 72, max_lines: int | None = None) -> str:
    """Escaped text with <br> line breaks every ~`width` characters (hover boxes do not wrap)."""
    lines = wrap_lines(str(text), width)
    if max_lines and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: max(0, width - 1)] + "…"
    return "<br>".join(escape_text(line) for line in lines)


def wrap_lines(text: str, width: int) -> list[str]:
    """Greedy word wrap (runs of spaces collapse, over-long words are cut); textwrap does the
    same but is ten times slower, which shows at 10,000 hover labels."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        if len(paragraph) <= width:
            lines.append(paragraph.strip())
            continue
        line = ""
        for word in paragraph.split():
            while len(word) > width:
                if line:
                    lines.append(line)
                    line = ""
                lines.append(word[:width])
                word = word[width:]
            if not line:
                line = word
            elif len(line) + 1 + len(word) <= width:
                line += " " + word
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


def safe_url(url) -> bool:
    """Only plain http(s) links may be opened or linked: never javascript:, data:, file:..."""
    return isinstance(url, str) and bool(_SAFE_URL.match(url.strip()))


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


def month_name(month: int, short: bool = True) -> str:
    """English month names without strftime, which fails on a date before AD 1."""
    return _MONTHS[month - 1][:3] if short else _MONTHS[month - 1]


def day_text(ts) -> str:
    """"3 Feb 2025", "15 Mar 44 BC", "24 Aug AD 79"."""
    ts = pd.Timestamp(ts)
    return f"{ts.day} {month_name(ts.month)} {year_text(ts.year)}"


def when_text(date: str, start, end, granularity: str) -> str:
    """The date as a reader would write it at its granularity: "3 Feb 2025", "week of 27 Jan
    2025", "January 2025", "Q1 2025", "2023", "the 1990s", "480 BC", "the 5th century BC"."""
    if start is None or pd.isna(start):
        return str(date or "undated")
    first = pd.Timestamp(start)
    last = pd.Timestamp(end) if end is not None and not pd.isna(end) else first
    gran = granularity or "day"
    date = date or ""
    year = year_text(first.year)
    if gran == "time":
        m = re.search(r"T(\d{2}):(\d{2})", date)
        if m:
            return f"{day_text(first)}, {m[1]}:{m[2]}"
        m = re.search(r"T(MO|AF|EV|NI|DT)", date)
        if m:
            return f"{day_text(first)}, {_TIME_OF_DAY[m[1]]}"
        return f"{day_text(first)}, {first.hour:02d}:{first.minute:02d}" if first != first.normalize() else day_text(first)
    if gran == "day":
        return day_text(first)
    if gran == "week":
        return ("weekend of " if date.endswith("-WE") else "week of ") + day_text(first)
    if gran == "month":
        return f"{month_name(first.month, short=False)} {year}"
    if gran == "quarter":
        return f"Q{(first.month - 1) // 3 + 1} {year}"
    if gran == "half":
        return f"H{1 if first.month <= 6 else 2} {year}"
    if gran == "season":
        m = re.search(r"-(SP|SU|FA|WI)$", date)
        name = _SEASONS[m[1]] if m else "season"
        return f"{name} {_years(first.year, last.year)}"
    if gran == "year":
        return year
    if gran in ("decade", "century", "millennium"):
        return _many_years(first.year, gran)
    # a range that is no calendar unit
    if first.year == last.year and first.month == last.month:
        return f"{first.day}–{last.day} {month_name(first.month)} {year}"
    if first.year == last.year:
        return f"{first.day} {month_name(first.month)} – {day_text(last)}"
    return f"{day_text(first)} – {day_text(last)}"


def _years(first: int, last: int) -> str:
    """A winter's two years: "2023–24", "480–479 BC", "1 BC – AD 1"."""
    if first == last:
        return year_text(first)
    if first >= 1:
        return f"{first}–{str(last)[-2:]}"
    if last < 1:
        return f"{1 - first}–{1 - last} BC"
    return f"{year_text(first)} – {year_text(last)}"


def _many_years(first: int, gran: str) -> str:
    """"the 1990s", "the 1900s", "the 3rd millennium"; before AD 1 as readers count them:
    "the 480s BC", "the 5th century BC", "the 3rd millennium BC" (first is the unit's first
    astronomical year: -488 for the 480s BC, -499 for the 5th century BC)."""
    if first >= 1:
        size = {"decade": 10, "century": 100}.get(gran)
        if size:
            return f"the {first // size * size}s"
        n = first // 1000 + 1
        return f"the {n}{_ordinal(n)} millennium"
    bc = 1 - first  # the unit's oldest year, BC
    if gran == "decade":
        return f"the {(bc - 9) // 10 * 10}s BC"
    n = bc // (100 if gran == "century" else 1000)
    return f"the {n}{_ordinal(n)} {gran} BC"


def _ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def hover_html(row, width: int = 72, extra: list[tuple[str, object]] = ()) -> str:
    """The hover label of one event (all text escaped; only our own <b>/<br>/<i> tags remain).
    `extra`: (column, value) pairs the caller asked for with render(hover_data=...)."""
    parts = [f"<b>{wrap(row.title, width, max_lines=3)}</b>",
             escape_text(when_text(row.date, row.start, row.end, row.granularity))
             + (f" · <i>{escape_text(row.certainty)}</i>" if row.certainty else "")]
    if row.actors:
        parts.append("Who: " + wrap(", ".join(row.actors), width, max_lines=2))
    if row.place:
        parts.append("Where: " + escape_text(row.place))
    if row.sources:  # by title, which a reader recognises; the id is only the table's key
        names = [t or s for s, t in zip(row.sources, list(row.source_titles) + [""] * len(row.sources))]
        parts.append(("Source: " if len(names) == 1 else f"{len(names)} sources: ")
                     + wrap("; ".join(names), width, max_lines=3))
    for name, value in extra:
        if isinstance(value, (list, tuple)):
            value = ", ".join(map(str, value))
        parts.append(f"{escape_text(name)}: " + wrap("" if value is None else str(value), width, max_lines=2))
    quote = row.evidence or row.description
    if quote:
        parts.append("“" + wrap(quote, width, max_lines=6) + "”")
    parts.append("<i>click for the details and source links</i>")
    return "<br>".join(parts)
