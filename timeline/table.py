"""The events table: the contract between extraction and rendering.

SCHEMA is the one place the columns and their dtypes are defined. This module also reads and
writes the table (CSV, JSON, Parquet; TimelineJS3 JSON for export) with exact round-trips, and
checks a user-supplied table (`validate_events`), naming every problem in plain words.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import math
import os
import re
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from timeline.atomic import atomic_path
from timeline.errors import ExportError, TableError, UsageError
from timeline.event import CERTAINTIES
from timeline.timex.values import is_valid_value, value_span

log = logging.getLogger(__name__)

# column -> pandas dtype. Lists (actors, sources, urls, mentions) are Python lists in object
# columns; `mentions` is a list of dicts (see timeline.event.Mention.to_dict).
# Text columns never hold NA: "" means unknown, so every format can store them losslessly.
SCHEMA: dict[str, str] = {
    "event_id": "string",
    "date": "string",          # TIMEX3 value: 2025-02-03, 2025-W05, 2025-01, 2023
    "start": "datetime64[s]",  # first covered day
    "end": "datetime64[s]",    # last covered day (inclusive)
    "granularity": "string",   # day | week | month | quarter | season | half | year | decade | century
    "title": "string",
    "description": "string",
    "actors": "object",
    "place": "string",
    "category": "string",
    "sources": "object",       # document ids, every document that tells the event
    "urls": "object",          # source URLs aligned with `sources` ("" where unknown)
    "evidence": "string",      # the sentence of the best mention
    "evidence_doc": "string",  # its document id
    "evidence_start": "Int64",  # its offsets into that document's text
    "evidence_end": "Int64",
    "time_text": "string",     # the expression that dated it ("" when inferred)
    "certainty": "string",     # explicit | relative | inferred
    "confidence": "float64",
    "mentions": "object",
}
COLUMNS = tuple(SCHEMA)
LIST_COLUMNS = ("actors", "sources", "urls", "mentions")
STRING_COLUMNS = tuple(c for c, t in SCHEMA.items() if t == "string")
# `range` is what validation calls a user's start..end that is no calendar unit.
GRANULARITIES = ("time", "day", "week", "month", "quarter", "season", "half", "year", "decade",
                 "century", "millennium", "range")
FORMATS = {".csv": "csv", ".json": "json", ".parquet": "parquet", ".pq": "parquet"}
TIMELINEJS_SUFFIX = ".timelinejs.json"


def events_frame(rows=None) -> pd.DataFrame:
    """A DataFrame with exactly SCHEMA's columns and dtypes, also for zero rows."""
    frame = pd.DataFrame(list(rows or []), columns=list(COLUMNS))
    return _conform(frame)


def _conform(frame: pd.DataFrame) -> pd.DataFrame:
    """Cast SCHEMA columns (adding missing ones) to their dtypes; extra columns follow, untouched."""
    frame = frame.copy()
    for column, dtype in SCHEMA.items():
        values = frame[column] if column in frame else pd.Series([None] * len(frame), index=frame.index)
        if column in LIST_COLUMNS:
            frame[column] = pd.Series([_as_list(v) for v in values], index=frame.index, dtype="object")
        elif dtype == "string":
            frame[column] = values.astype("string").fillna("")
        elif dtype.startswith("datetime64"):
            frame[column] = pd.Series(_to_datetimes(values), index=frame.index, dtype=dtype)
        else:
            frame[column] = values.astype(dtype)
    extras = [c for c in frame.columns if c not in SCHEMA]
    return frame[list(COLUMNS) + extras]


def _as_list(value) -> list:
    if isinstance(value, (list, tuple, np.ndarray)):
        return [v.item() if isinstance(v, np.generic) else v for v in value]
    return []


def _to_datetimes(values) -> np.ndarray:
    if isinstance(values, pd.Series) and pd.api.types.is_datetime64_any_dtype(values.dtype) \
            and getattr(values.dtype, "tz", None) is None:
        return values.to_numpy(dtype="datetime64[s]")
    try:  # fast path: np.datetime64, datetime, ISO text, None
        return np.array([None if v is pd.NaT else v for v in values], dtype="datetime64[s]")
    except (ValueError, TypeError):
        pass
    out = []
    for v in values:
        if v is None or (not isinstance(v, str) and pd.isna(v)):
            out.append(np.datetime64("NaT", "s"))
        else:
            out.append(np.datetime64(pd.Timestamp(v).to_pydatetime() if not isinstance(v, str) else v, "s"))
    return np.array(out, dtype="datetime64[s]")


# ---------------------------------------------------------------- list cells in CSV
# In CSV a list is one cell, items joined by ";" (DESIGN.md). Backslash escapes make it lossless:
# "\\" is a backslash, "\;" a literal semicolon. [] is the empty cell; [""] cannot be written as
# items, so it is a lone backslash, which no other list can produce.

def join_list(items) -> str:
    items = [str(i) for i in items]
    if items == [""]:
        return "\\"
    return ";".join(i.replace("\\", "\\\\").replace(";", "\\;") for i in items)


def split_list(cell: str) -> list[str]:
    if cell == "":
        return []
    if cell == "\\":
        return [""]
    if "\\" not in cell:
        return cell.split(";")
    items, current, chars = [], [], iter(cell)
    for ch in chars:
        if ch == "\\":
            current.append(next(chars, "\\"))
        elif ch == ";":
            items.append("".join(current))
            current = []
        else:
            current.append(ch)
    items.append("".join(current))
    return items


# ---------------------------------------------------------------- reading and writing

def _format_of(path: Path) -> str:
    if path.name.lower().endswith(TIMELINEJS_SUFFIX):
        return "timelinejs"
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise UsageError(f"{path}: unknown table format {path.suffix!r}; use .csv, .json or .parquet")
    return fmt


def write_events(df: pd.DataFrame, path: str | os.PathLike) -> Path:
    """Write the table as .csv, .json or .parquet (chosen by the suffix), or as TimelineJS3
    JSON when the name ends in `.timelinejs.json`. The file appears atomically."""
    path = Path(path)
    fmt = _format_of(path)
    frame = _conform(df)
    with atomic_path(path) as tmp:
        if fmt == "csv":
            # CRLF, as RFC 4180 says: with a bare "\n" terminator a lone "\r" in a text would go unquoted
            _csv_cells(frame).to_csv(tmp, index=False, encoding="utf-8", lineterminator="\r\n")
        elif fmt == "json":
            tmp.write_text(json.dumps(_records(frame), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        elif fmt == "timelinejs":
            tmp.write_text(json.dumps(to_timelinejs(frame), ensure_ascii=False, indent=1) + "\n",
                           encoding="utf-8")
        else:
            _pyarrow()
            stored = frame.copy()
            # a list of dicts whose keys vary does not survive Parquet's struct typing; JSON text does
            stored["mentions"] = [json.dumps(m, ensure_ascii=False) for m in stored["mentions"]]
            stored.to_parquet(tmp, index=False, engine="pyarrow")
    log.info("wrote %d events to %s", len(frame), path)
    return path


def read_events(path: str | os.PathLike) -> pd.DataFrame:
    """Read a table written by write_events (or by hand) and validate it; raises TableError
    naming every problem."""
    path = Path(path)
    fmt = _format_of(path)
    if fmt == "timelinejs":
        raise UsageError(f"{path}: TimelineJS files are an export format; read the .csv/.json/.parquet table")
    if not path.is_file():
        raise TableError([f"file not found: {path}"], source=str(path))
    try:
        if fmt == "csv":
            raw = pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False, encoding="utf-8-sig")
            frame = _from_csv_cells(raw)
        elif fmt == "json":
            frame = _from_records(json.loads(path.read_text(encoding="utf-8-sig")), path)
        else:
            _pyarrow()
            frame = pd.read_parquet(path, engine="pyarrow")
    except (ValueError, UnicodeDecodeError, OSError) as exc:
        if isinstance(exc, TableError):
            raise
        raise TableError([f"cannot read it as {fmt.upper()}: {exc}"], source=str(path)) from None
    return validate_events(frame, source=str(path))


def _pyarrow():
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise ExportError("Parquet needs pyarrow: pip install 'timeline[parquet]'") from None


def _iso_column(values) -> list[str]:
    """ISO text of a datetime64 column: the date alone at midnight, "" for NaT."""
    text = np.datetime_as_string(np.asarray(values, dtype="datetime64[s]"), unit="s")
    return ["" if t == "NaT" else t[:-9] if t.endswith("T00:00:00") else t for t in text]


def _iso(value) -> str:
    if pd.isna(value):
        return ""
    ts = pd.Timestamp(value)
    return ts.strftime("%Y-%m-%d") if ts == ts.normalize() else ts.strftime("%Y-%m-%dT%H:%M:%S")


def _csv_cells(frame: pd.DataFrame) -> pd.DataFrame:
    cells = {}
    for column in frame.columns:
        dtype = SCHEMA.get(column)
        values = frame[column].to_numpy(dtype=object) if dtype != "float64" else frame[column]
        if column == "mentions":
            cells[column] = [json.dumps(m, ensure_ascii=False) if m else "" for m in values]
        elif column in LIST_COLUMNS:
            cells[column] = [join_list(v) for v in values]
        elif dtype and dtype.startswith("datetime64"):
            cells[column] = _iso_column(frame[column])
        elif dtype == "float64":
            cells[column] = ["" if pd.isna(v) else repr(float(v)) for v in values]
        else:
            cells[column] = ["" if v is None or (not isinstance(v, str) and pd.isna(v)) else str(v) for v in values]
    return pd.DataFrame(cells, columns=list(frame.columns), dtype=object)


def _from_csv_cells(raw: pd.DataFrame) -> pd.DataFrame:
    frame = raw.copy()
    for column in frame.columns:
        if column == "mentions":
            frame[column] = [_json_cell(v) for v in frame[column]]
        elif column in LIST_COLUMNS:
            frame[column] = pd.Series([split_list(v) for v in frame[column]], index=frame.index, dtype=object)
        elif column in SCHEMA and SCHEMA[column] != "string":
            frame[column] = frame[column].replace("", None)
    return frame


def _json_cell(cell: str):
    if cell == "":
        return []
    try:
        return json.loads(cell)
    except ValueError:
        return cell  # validation reports it with its row


def _records(frame: pd.DataFrame) -> list[dict]:
    columns = {}
    for column in frame.columns:
        if column in LIST_COLUMNS:
            columns[column] = [list(v) for v in frame[column]]
        elif SCHEMA.get(column, "").startswith("datetime64"):
            columns[column] = [t or None for t in _iso_column(frame[column])]
        else:
            columns[column] = [_json_value(v) for v in frame[column].to_numpy(dtype=object)]
    names = list(columns)
    return [dict(zip(names, row)) for row in zip(*columns.values())]


def _json_value(v):
    if isinstance(v, (list, dict, str)):
        return v
    if v is None or pd.isna(v):
        return None
    if isinstance(v, np.generic):
        v = v.item()
    if isinstance(v, float) and math.isinf(v):
        return None
    if isinstance(v, (dt.date, pd.Timestamp)):
        return v.isoformat()
    return v


def _from_records(data, path: Path) -> pd.DataFrame:
    if isinstance(data, dict) and isinstance(data.get("events"), list):
        data = data["events"]
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        raise TableError(["expected a JSON list of objects, one per event"], source=str(path))
    return pd.DataFrame(data)


# ---------------------------------------------------------------- validation

def validate_events(data, source: str | None = None) -> pd.DataFrame:
    """Coerce a user's table (a DataFrame or a path) to SCHEMA. Dates may be strings; `start`/
    `end` are derived from `date` (a TIMEX3 value or a plain date such as "3 Feb 2025") when
    absent. Raises TableError listing every problem: missing columns, unparseable dates, end
    before start, confidence outside [0, 1], duplicate ids..."""
    if not isinstance(data, pd.DataFrame):
        return read_events(data)
    source = source or "events table"
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

    n_undated = len(problems)
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
    if start is None and len(problems) == n_undated:
        problems.append(f"{where}: no date (both 'date' and 'start' are empty)")
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
    for c in ("actors", "sources", "urls"):
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


def _date_span(text: str):
    """(TIMEX3 value, first day, last day, granularity) for a TIMEX3 value or a plain date."""
    span = value_span(text)
    if span:
        return (text, *span)
    if is_valid_value(text):
        return None  # a real TIMEX3 value, but not a calendar place (P3D, PRESENT_REF, XXXX-02)
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
            return np.datetime64(pd.Timestamp(value).to_pydatetime(), "s")
        except (ValueError, TypeError, OverflowError):
            problems.append(f"{where}: unparseable {column} {value!r}")
            return None
    text = value.strip()
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
    first = start.astype("datetime64[D]").item()
    last = end.astype("datetime64[D]").item()
    if first == last:
        return "time" if start != start.astype("datetime64[D]") else "day"
    for gran in ("week", "month", "quarter", "year", "decade"):
        if value_span(_value_for(start, end, gran)) == (first, last, gran):
            return gran
    return "range"


def _value_for(start, end, gran: str) -> str:
    day: dt.date = start.astype("datetime64[D]").item()
    if gran == "week":
        iso = day.isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}"
    if gran == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if gran == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if gran == "year":
        return f"{day.year:04d}"
    if gran == "decade":
        return f"{day.year // 10:03d}"
    if gran == "time":
        return pd.Timestamp(start).strftime("%Y-%m-%dT%H:%M")
    return day.isoformat()


# ---------------------------------------------------------------- TimelineJS3

def to_timelinejs(df: pd.DataFrame, title: str | None = None) -> dict:
    """TimelineJS3 JSON (https://timeline.knightlab.com/docs/json-format.html) of the table,
    every piece of article text escaped; see timeline.render.timelinejs."""
    from timeline.render.timelinejs import timelinejs_dict

    return timelinejs_dict(_conform(df), title)
