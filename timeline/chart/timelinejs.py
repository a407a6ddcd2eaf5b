"""Events table -> TimelineJS3 JSON (https://timeline.knightlab.com/docs/json-format.html).

TimelineJS renders headline and text as HTML, so every piece of article text is escaped here
and only http(s) URLs become links or media.
"""

from __future__ import annotations

import html

import pandas as pd

from timeline.chart.figure import plain_rows
from timeline.chart.hover import safe_url, when_text

# granularities whose TimelineJS date shows the day (a month shows "January 2025", a year "2023")
_DAY_PRECISE = ("day", "time", "week", "range", "season", "half", "quarter")
_YEAR_ONLY = ("year", "decade", "century", "millennium")


def timelinejs_dict(frame: pd.DataFrame, title: str | None = None) -> dict:
    """TimelineJS3 JSON of a SCHEMA-conforming table (use timeline.table.to_timelinejs)."""
    events = []
    for row in plain_rows(frame):
        if pd.isna(row.start):
            continue
        gran = row.granularity or "day"
        start_parts = _date_parts(row.start, gran)
        start_parts["display_date"] = html.escape(when_text(row.date, row.start, row.end, gran))
        event = {"start_date": start_parts,
                 "text": {"headline": html.escape(row.title), "text": _timelinejs_text(row)},
                 "unique_id": row.event_id}
        if pd.Timestamp(row.end).normalize() != pd.Timestamp(row.start).normalize():
            event["end_date"] = _date_parts(row.end, "day")
        group = row.category or (row.actors[0] if row.actors else "")
        if group:
            event["group"] = html.escape(group)
        urls = [u for u in row.urls if safe_url(u)]
        if urls:
            caption = html.escape((row.source_titles[0] or row.sources[0]) if row.sources else "")
            event["media"] = {"url": urls[0], "link": urls[0], "caption": caption}
        events.append(event)
    out = {"events": events}
    if title:
        out["title"] = {"text": {"headline": html.escape(title), "text": ""}}
    return out


def _date_parts(value, gran: str) -> dict:
    """Only the parts the granularity knows: TimelineJS shows a date as precisely as it is given."""
    ts = pd.Timestamp(value)
    # TimelineJS counts years before AD 1 as readers do, -480 for 480 BC (there is no year 0)
    parts = {"year": str(ts.year if ts.year >= 1 else ts.year - 1)}
    if gran not in _YEAR_ONLY:
        parts["month"] = str(ts.month)
    if gran in _DAY_PRECISE:
        parts["day"] = str(ts.day)
    if gran == "time":
        parts.update(hour=str(ts.hour), minute=str(ts.minute))
    return parts


def _timelinejs_text(row) -> str:
    pieces = []
    if row.description:
        pieces.append(f"<p>{html.escape(row.description)}</p>")
    if row.evidence and row.evidence != row.description:
        pieces.append(f"<blockquote>{html.escape(row.evidence)}</blockquote>")
    if row.sources:
        links = []
        for k, source in enumerate(row.sources):
            url = row.urls[k] if k < len(row.urls) else ""
            label = html.escape(row.source_titles[k] if k < len(row.source_titles) and row.source_titles[k] else source)
            links.append(f'<a href="{html.escape(url)}">{label}</a>' if safe_url(url) else label)
        pieces.append("<p>Sources: " + ", ".join(links) + "</p>")
    return "".join(pieces)
