"""Checking a user-supplied events table (timeline.table.validate_events): each cell coerced
to SCHEMA, dates derived from one another, and every problem collected in plain words with its
row, so one TableError lists them all instead of a traceback at the first."""

from __future__ import annotations

import hashlib
import json
import math
import re
from functools import lru_cache

import numpy as np
import pandas as pd

from timeline.days import EarlyDay, from_datetime64, iso_texts, to_datetime64
from timeline.errors import TableError
from timeline.event import CERTAINTIES
from timeline.table import COLUMNS, GRANULARITIES, STRING_COLUMNS, _conform, _iso, events_frame, split_list
from timeline.timex.values import is_valid_value, value_span


def check_table(data: pd.DataFrame, source: str) -> pd.DataFrame:
    """The work of timeline.table.validate_events: every row checked, every problem collected."""
    if data.empty and len(data.columns) == 0:  # e.g. an empty JSON list
        return events_frame()
    missing = []
    if "title" not in data.columns:
        missing.append("missing column 'title' (a short text saying what happened)")
    if "date" not in data.columns and "start" not in data.columns:
        missing.append("missing column 'date' (e.g. 2025-02-03, 2025-W05, 2025-01, 2023) or 'start'")
    if missing:
        found = ", ".join(map(str, data.columns)) or "none"
        raise TableError([f"{m}; columns found: {found}" for m in missing], source)
    frame = data.reset_index(drop=True)
    problems: list[str] = []
    columns = {c: frame[c].tolist() if c in frame.columns else [None] * len(frame) for c in COLUMNS}
    for i in range(len(frame)):
        row = {c: columns[c][i] for c in COLUMNS}
        fixed = _check_row(row, i, problems)
        for c in COLUMNS:
            columns[c][i] = fixed[c]
    ids = pd.Series(columns["event_id"], dtype=object)
    for event_id in ids[ids.duplicated()].unique():
        rows = ", ".join(str(i + 1) for i in np.flatnonzero(ids == event_id))
        problems.append(f"event_id {event_id!r} is used by more than one row (rows {rows})")
    if problems:
        raise TableError(problems, source)
    out = frame.copy()
    for c in COLUMNS:
        out[c] = pd.Series(columns[c], index=out.index, dtype=object)
    return _conform(out)


def _blank(v) -> bool:
    if v is None:
        return True
    if isinstance(v, str):
        return v.strip() == ""
    if isinstance(v, (list, tuple, dict, np.ndarray)):
        return False
    return bool(pd.isna(v))


def _check_row(row: dict, i: int, problems: list[str]) -> dict:
    title = "" if _blank(row["title"]) else str(row["title"])
    where = f"row {i + 1}" + (f" ({_short(title)!r})" if title else "")
    if not title:
        problems.append(f"{where}: the title is empty")
    out = dict(row)
    for c in STRING_COLUMNS:  # kept exactly (spaces too); only missing values become ""
        v = row[c]
        out[c] = "" if v is None or (not isinstance(v, str) and pd.isna(v)) else str(v)
    out["event_id"] = out["event_id"].strip()
    if not out["date"].strip():
        out["date"] = ""

    span = None
    if out["date"].strip():
        span = _date_span(out["date"].strip())
        if span is not None:
            out["date"], span = span[0], span[1:]
            if span[2] == "time" and (clock := _CLOCK.match(out["date"])):
                moment = np.datetime64(clock[0], "s")  # a timed event sits at its hour, not at midnight
                span = (moment, moment, "time")
        elif not _placeless_timex(out["date"].strip()):
            problems.append(f"{where}: unparseable date {out['date']!r} "
                            "(use a calendar date such as 2025-02-03, 2025-W05, 2025-01, 2023 or '3 Feb 2025')")
        elif _blank(row["start"]):
            problems.append(f"{where}: date {out['date']!r} is not a calendar date; give 'start' (and 'end')")
    start = _when(row["start"], "start", where, problems, first=True)
    end = _when(row["end"], "end", where, problems, first=False)
    if start is None and span:
        start = np.datetime64(span[0], "s")
    if end is None and span:
        end = np.datetime64(span[1], "s")
    if start is None and end is not None:
        start = end.astype("datetime64[D]").astype("datetime64[s]")
    if end is None and start is not None:
        end = start
    # a row with no date at all is an undated event (`timeline build` writes them for documents
    # with no date of their own): kept with empty start/end; the renderer lists it off the axis
    if start is not None and end is not None and end < start:
        problems.append(f"{where}: end {_iso(end)} is before start {_iso(start)}")
    out["start"], out["end"] = start, end

    gran = out["granularity"].strip().lower()
    if gran and gran not in GRANULARITIES:
        problems.append(f"{where}: unknown granularity {out['granularity']!r} (use one of {', '.join(GRANULARITIES)})")
    if not gran:
        gran = span[2] if span else (_granularity_of_days(start, end) if start is not None else "")
    out["granularity"] = gran
    if not out["date"] and start is not None and end is not None:
        out["date"] = _value_for(start, end, gran)
    if out["certainty"] and out["certainty"] not in CERTAINTIES:
        problems.append(f"{where}: certainty {out['certainty']!r} is not one of {', '.join(CERTAINTIES)}")

    out["confidence"] = _number(row["confidence"], "confidence", where, problems)
    if out["confidence"] is not None and not (0.0 <= out["confidence"] <= 1.0):
        problems.append(f"{where}: confidence {row['confidence']} is outside [0, 1]")
    for c in ("evidence_start", "evidence_end"):
        value = _number(row[c], c, where, problems)
        if value is not None and (value != int(value) or value < 0):
            problems.append(f"{where}: {c} {row[c]!r} is not a character offset (a whole number >= 0)")
            value = None
        out[c] = None if value is None else int(value)
    if out["evidence_start"] is not None and out["evidence_end"] is not None \
            and out["evidence_end"] < out["evidence_start"]:
        problems.append(f"{where}: evidence_end {out['evidence_end']} is before evidence_start {out['evidence_start']}")
    for c in ("actors", "sources", "urls", "source_titles"):
        out[c] = _list_cell(row[c], c, where, problems)
    out["mentions"] = _mentions_cell(row["mentions"], where, problems)
    if not out["event_id"]:
        key = f"{out['date']}\x1f{title}\x1f{';'.join(out['sources'])}\x1f{i}"
        out["event_id"] = "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]
    return out


_CLOCK = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$")


def _placeless_timex(value: str) -> bool:
    """A well-formed TIMEX3 value that names no calendar place (P3D, PRESENT_REF, XXXX-02, T14:00),
    as opposed to an impossible date such as 2025-13-01."""
    return is_valid_value(value) and (value.startswith(("P", "T")) or value.endswith("_REF") or "X" in value)


def _short(text: str, n: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


# A year with a minus sign in the `date` column is BC as historians write it (no year 0):
# -0044-03-15 is the Ides of March, 44 BC (dateparser would drop the sign and read AD 44).
_MINUS_YEAR = re.compile(r"^-(\d{1,4})((?:-\d{2}){0,2})$")
# A signed ISO year in start/end is ISO 8601's (astronomical: -0043 is 44 BC), as numpy,
# pandas and Parquet read the datetime64 columns the table writes.
_SIGNED_ISO = re.compile(r"^-(\d{4,})((?:-\d{2}){0,2})$")
# a date with its era ("44 BC", "AD 79") is read by the tagger: dateparser reads "AD 79" as 1979
_ERA = re.compile(r"\b(?:BCE?|B\.C\.(?:E\.)?|AD|A\.D\.|CE|C\.E\.)(?!\w)")


def _date_span(text: str):
    """(TIMEX3 value, first day, last day, granularity) for a TIMEX3 value or a plain date."""
    span = value_span(text)
    if span:
        return (text, *span)
    if is_valid_value(text):
        return None  # a real TIMEX3 value, but not a calendar place (P3D, PRESENT_REF, XXXX-02)
    if m := _MINUS_YEAR.match(text):
        value = f"BC{int(m[1]):04d}{m[2]}"
        return (value, *span) if (span := value_span(value)) else None
    if _ERA.search(text):
        return _era_span(text)
    parsed = _date_parser().get_date_data(text)
    if parsed.date_obj is None:
        return None
    day = parsed.date_obj.date()
    if parsed.period == "year":
        value = f"{day.year:04d}"
    elif parsed.period == "month":
        value = f"{day.year:04d}-{day.month:02d}"
    elif parsed.period == "week":
        iso = day.isocalendar()
        value = f"{iso[0]:04d}-W{iso[1]:02d}"
    else:
        value = day.isoformat()
    return (value, *value_span(value))


def _era_span(text: str):
    """A date with its era as readers write it ("44 BC", "15 March 44 BC", "the 5th century BC",
    "AD 79"), read by the tagger: it must be one expression that is the whole cell."""
    from timeline.timex import tag

    found = tag(text, mode="narrative")
    if len(found) != 1 or text[:found[0].start].strip(" ,.") or text[found[0].end:].strip(" ,."):
        return None
    value = found[0].value
    return (value, *span) if (span := value_span(value)) else None


@lru_cache(maxsize=1)
def _date_parser():
    from dateparser.date import DateDataParser

    # absolute dates only: "yesterday" in a stored table has no reference to be relative to
    return DateDataParser(languages=["en"], settings={
        "REQUIRE_PARTS": ["year"], "PREFER_DAY_OF_MONTH": "first",
        "PARSERS": ["custom-formats", "absolute-time"]})


def _when(value, column: str, where: str, problems: list[str], first: bool):
    """A start/end cell as datetime64[s]; partial ISO values cover their span (end "2025-02"
    is 28 Feb). None when blank or unparseable (reported)."""
    if _blank(value):
        return None
    if not isinstance(value, str):
        try:
            stamp = pd.Timestamp(value)
            if stamp.year < 1:  # no Python datetime before AD 1
                return stamp.to_datetime64().astype("datetime64[s]")
            return np.datetime64(stamp.to_pydatetime(), "s")
        except (ValueError, TypeError, OverflowError):
            problems.append(f"{where}: unparseable {column} {value!r}")
            return None
    text = value.strip()
    if m := _SIGNED_ISO.match(text):  # -0479-03 (astronomical) is March 480 BC
        if m[2].count("-") == 2:
            return np.datetime64(text, "s")
        span = value_span(f"BC{1 + int(m[1]):04d}{m[2]}")
        if span is None:
            problems.append(f"{where}: unparseable {column} {value!r} (use an ISO date such as 2025-02-03)")
            return None
        return to_datetime64(span[0] if first else span[1])
    if "T" in text[8:] or ":" in text:
        try:
            return np.datetime64(text.replace(" ", "T", 1), "s")
        except ValueError:
            pass
    span = _date_span(text)
    if span is None:
        problems.append(f"{where}: unparseable {column} {value!r} (use an ISO date such as 2025-02-03)")
        return None
    return np.datetime64(span[1] if first else span[2], "s")


def _number(value, column: str, where: str, problems: list[str]):
    if _blank(value):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        problems.append(f"{where}: {column} {value!r} is not a number")
        return None
    return None if math.isnan(number) else number


def _list_cell(value, column: str, where: str, problems: list[str]) -> list[str]:
    if isinstance(value, (list, tuple, np.ndarray)):
        return ["" if _blank(v) and not isinstance(v, str) else str(v) for v in value]
    if _blank(value):
        return []
    if isinstance(value, str):
        return split_list(value)
    problems.append(f"{where}: {column} should be a list of texts, got {value!r}")
    return []


def _mentions_cell(value, where: str, problems: list[str]) -> list[dict]:
    if isinstance(value, str) and value.strip():
        try:
            value = json.loads(value)
        except ValueError:
            problems.append(f"{where}: mentions is not valid JSON")
            return []
    if isinstance(value, (list, tuple, np.ndarray)) and all(isinstance(m, dict) for m in value):
        return [dict(m) for m in value]
    if _blank(value):
        return []
    problems.append(f"{where}: mentions should be a list of objects (see timeline.event.Mention)")
    return []


def _granularity_of_days(start, end) -> str:
    first, last = from_datetime64(start), from_datetime64(end)
    if first == last:
        return "time" if start != start.astype("datetime64[D]") else "day"
    for gran in ("week", "month", "quarter", "year", "decade"):
        if value_span(_value_for(start, end, gran)) == (first, last, gran):
            return gran
    return "range"


# granularity name -> the tagger's unit code, so a value is written the one way the tagger writes it
_UNIT_OF = {"day": "D", "week": "W", "month": "M", "quarter": "Q", "half": "H", "year": "Y",
            "decade": "DE", "century": "CE"}


def _value_for(start, end, gran: str) -> str:
    from timeline.timex.anchor import format_unit

    if gran == "time":
        return iso_texts([start])[0][:16]
    day = from_datetime64(start)
    if isinstance(day, EarlyDay):
        return _bc_value(day, gran)
    return format_unit(day, _UNIT_OF.get(gran, "D"))


def _bc_value(day: EarlyDay, gran: str) -> str:
    """The TIMEX3 value of the `gran` unit holding a day before AD 1 (BC0480 is year -479)."""
    bc = f"BC{1 - day.year:04d}"
    units = {"month": f"{bc}-{day.month:02d}", "quarter": f"{bc}-Q{(day.month - 1) // 3 + 1}",
             "half": f"{bc}-H{(day.month - 1) // 6 + 1}", "year": bc,
             "decade": f"BC{(1 - day.year) // 10:03d}", "century": f"BC{(-day.year) // 100:02d}"}
    return units.get(gran, f"{bc}-{day.month:02d}-{day.day:02d}")
