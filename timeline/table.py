"""The events table: the contract between extraction and rendering.

SCHEMA is the one place the columns and their dtypes are defined. This module also reads and
writes the table (CSV, JSON, Parquet, XLSX via timeline.spreadsheet; TimelineJS3 JSON for export)
with exact round-trips, and
checks a user-supplied table (`validate_events`), naming every problem in plain words.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import math
import os
from pathlib import Path

import numpy as np
import pandas as pd

from timeline.atomic import atomic_path
from timeline.days import iso_texts
from timeline.errors import ExportError, TableError, UsageError

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
    "source_titles": "object",  # what a reader calls each source, aligned with `sources`:
                                # the document's title, else its file name, else its id
    "evidence": "string",      # the sentence of the best mention
    "evidence_doc": "string",  # its document id
    "evidence_start": "Int64",  # its offsets into that document's text
    "evidence_end": "Int64",
    "time_text": "string",     # the expression that dated it ("" when inferred)
    "certainty": "string",     # explicit | relative | inferred
    "confidence": "float64",
    "importance": "float64",   # 0-1: headline/lead position, sources, tellings, certainty
    "mentions": "object",
}
COLUMNS = tuple(SCHEMA)
LIST_COLUMNS = ("actors", "sources", "urls", "source_titles", "mentions")
STRING_COLUMNS = tuple(c for c, t in SCHEMA.items() if t == "string")
# Lists aligned item by item with `sources`, "" where unknown: an empty list beside sources means
# every item is unknown (CSV and XLSX write such a cell empty rather than as a lone "\").
SOURCE_ALIGNED = ("urls",)
NUMBER_DTYPES = ("Int64", "float64")
# `range` is what validation calls a user's start..end that is no calendar unit.
GRANULARITIES = ("time", "day", "week", "month", "quarter", "season", "half", "year", "decade",
                 "century", "millennium", "range")
FORMATS = {".csv": "csv", ".json": "json", ".parquet": "parquet", ".pq": "parquet", ".xlsx": "xlsx"}
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
    for column in SOURCE_ALIGNED:
        frame[column] = pd.Series([items or [""] * len(sources) for items, sources
                                   in zip(frame[column], frame["sources"])], index=frame.index, dtype="object")
    # a table made by hand or by an older version has no titles: a source is called by its id
    frame["source_titles"] = pd.Series(
        [titles if len(titles) == len(ids) and all(titles) else
         [(titles[k] if k < len(titles) else "") or s for k, s in enumerate(ids)]
         for ids, titles in zip(frame["sources"], frame["source_titles"])], index=frame.index, dtype="object")
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
        raise UsageError(f"{path}: unknown table format {path.suffix!r}; use .csv, .json, .parquet or .xlsx")
    return fmt


def write_events(df: pd.DataFrame, path: str | os.PathLike) -> Path:
    """Write the table as .csv, .json, .parquet or .xlsx (chosen by the suffix), or as TimelineJS3
    JSON when the name ends in `.timelinejs.json`. The file appears atomically. CSV text cells that
    a spreadsheet would run as a formula start with an apostrophe (timeline.spreadsheet)."""
    path = Path(path)
    fmt = _format_of(path)
    frame = _conform(df)
    with atomic_path(path) as tmp:
        if fmt == "csv":
            # CRLF, as RFC 4180 says: with a bare "\n" terminator a lone "\r" in a text would go unquoted.
            # The BOM tells Excel and LibreOffice the file is UTF-8 (without it they guess a Windows
            # code page and garble every accent); read_events and pandas skip it.
            cells = _csv_cells(frame)
            cells.to_csv(tmp, index=False, encoding="utf-8-sig", lineterminator="\r\n")
        elif fmt == "json":
            tmp.write_text(json.dumps(_records(frame), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        elif fmt == "xlsx":
            from timeline.spreadsheet import write_xlsx

            write_xlsx(frame, tmp)
        elif fmt == "timelinejs":
            tmp.write_text(json.dumps(to_timelinejs(frame), ensure_ascii=False, indent=1) + "\n",
                           encoding="utf-8")
        else:
            _pyarrow()
            stored = frame.copy()
            # a list of dicts whose keys vary does not survive Parquet's struct typing; JSON text does
            stored["mentions"] = [json.dumps(m, ensure_ascii=False) for m in stored["mentions"]]
            stored.to_parquet(tmp, index=False, engine="pyarrow")
    if fmt == "csv":
        from timeline.spreadsheet import warn_long_cells

        warn_long_cells(cells, path)
    log.info("wrote %d events to %s", len(frame), path)
    return path


def read_events(path: str | os.PathLike) -> pd.DataFrame:
    """Read a table written by write_events (or by hand) and validate it; raises TableError
    naming every problem."""
    path = Path(path)
    fmt = _format_of(path)
    if fmt == "timelinejs":
        raise UsageError(f"{path}: TimelineJS files are an export format; read the .csv/.json/.parquet/.xlsx table")
    if not path.is_file():
        raise TableError([f"file not found: {path}"], source=str(path))
    try:
        if fmt == "csv":
            from timeline.spreadsheet import read_csv_cells

            frame = _from_csv_cells(read_csv_cells(path))
        elif fmt == "json":
            frame = _from_records(json.loads(path.read_text(encoding="utf-8-sig")), path)
        elif fmt == "xlsx":
            from timeline.spreadsheet import read_xlsx

            frame = read_xlsx(path)
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


def _iso(value) -> str:
    return "" if pd.isna(value) else iso_texts([value])[0]


def text_cells(frame: pd.DataFrame, column: str) -> list[str]:
    """The text of each cell of a non-number column as CSV and XLSX write it: lists joined with
    ";", mentions as JSON, dates in ISO, "" for missing."""
    dtype = SCHEMA.get(column)
    values = frame[column].to_numpy(dtype=object)
    if column == "mentions":
        return [json.dumps(m, ensure_ascii=False) if m else "" for m in values]
    if column in SOURCE_ALIGNED:
        return ["" if items and len(items) == len(sources) and not any(items) else join_list(items)
                for items, sources in zip(values, frame["sources"])]
    if column in LIST_COLUMNS:
        return [join_list(v) for v in values]
    if dtype and dtype.startswith("datetime64"):
        return iso_texts(frame[column])
    return ["" if v is None or (not isinstance(v, str) and pd.isna(v)) else str(v) for v in values]


def _csv_cells(frame: pd.DataFrame) -> pd.DataFrame:
    from timeline.spreadsheet import guard_cell

    cells = {}
    for column in frame.columns:
        dtype = SCHEMA.get(column)
        if dtype == "float64":
            cells[column] = ["" if pd.isna(v) else repr(float(v)) for v in frame[column]]
        elif dtype == "Int64":
            cells[column] = ["" if pd.isna(v) else str(int(v)) for v in frame[column]]
        else:
            cells[column] = [guard_cell(t) for t in text_cells(frame, column)]
    return pd.DataFrame(cells, columns=list(frame.columns), dtype=object)


def _from_csv_cells(raw: pd.DataFrame) -> pd.DataFrame:
    from timeline.spreadsheet import unguard_cell

    frame = raw.copy()
    for column in frame.columns:
        if SCHEMA.get(column) not in NUMBER_DTYPES:
            frame[column] = [unguard_cell(v) for v in frame[column]]
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
            columns[column] = [t or None for t in iso_texts(frame[column])]
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
    before start, confidence outside [0, 1], duplicate ids... (rules in timeline.validation)"""
    if not isinstance(data, pd.DataFrame):
        return read_events(data)
    from timeline.validation import check_table

    return check_table(data, source or "events table")


# ---------------------------------------------------------------- TimelineJS3

def to_timelinejs(df: pd.DataFrame, title: str | None = None) -> dict:
    """TimelineJS3 JSON (https://timeline.knightlab.com/docs/json-format.html) of the table,
    every piece of article text escaped; see timeline.chart.timelinejs."""
    from timeline.chart.timelinejs import timelinejs_dict

    return timelinejs_dict(_conform(df), title)
