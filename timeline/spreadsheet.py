"""The events table as spreadsheets see it: CSV text cells that no spreadsheet runs as a formula,
and the .xlsx workbook (an Events sheet and a Mentions sheet) with an exact round trip.

Article text comes from the web, so a sentence such as `=HYPERLINK("http://evil.example","x")`
must stay a sentence in whatever the reader opens (OWASP "CSV injection"). In CSV a text that a
spreadsheet would read as a formula gets a leading apostrophe; in XLSX every text is a typed
string cell, which no spreadsheet evaluates. timeline.table calls in here for both formats.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
import math
import re
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd

from timeline.days import iso_texts
from timeline.errors import ExportError, TableError
from timeline.table import LIST_COLUMNS, SCHEMA, split_list, text_cells

log = logging.getLogger(__name__)

# ---------------------------------------------------------------- CSV: text, never formulas
# Excel, LibreOffice and Google Sheets start a formula (or a DDE call) at these characters; a tab
# or carriage return in front is dropped by some of them before they look.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"


# Texts a spreadsheet would turn into a number or a date and then show otherwise (measured in
# LibreOffice Calc 7.4 with "Detect special numbers" on; Excel converts at least as much): "007" -> 7,
# "1,000" -> 1000, 20 digits -> 1.23E+19, "Jan. 20" -> 01/20/26, "14:30" -> 02:30:00 PM.
# Plain numbers that are shown as written (2023, 0.5) are left alone.
_MONTHS = ("jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
           "|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")  # English: what Calc and Excel read in en-US
_CONVERTED = re.compile(
    r"\(?[$€£¥]?[+-]?(?:\d[\d,]*\.?\d*|\.\d+)(?:[eE][+-]?\d+)?%?\)?"        # numbers, money, percent
    rf"|(?:{_MONTHS})\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+\d{{2,4}})?"  # Jan. 20, February 3, 2025
    r"|\d{1,4}/\d{1,2}(?:/\d{1,4})?"                                       # 3/2/2025, 1/2
    r"|\d{1,2}:\d{1,2}(?::\d\d)?(?:\s*[ap]\.?m\.?)?"                        # 14:30, 2:30 pm
    r"|\d{4}-\d\d-\d\dT\d\d:\d\d", re.IGNORECASE)  # 2025-02-03T14:30 gets ":00" (with seconds it stays)
_SHOWN_AS_WRITTEN = re.compile(r"(?:0|[1-9]\d{0,14})(?:\.\d*[1-9])?|[^\d]*")


def guard_cell(text: str) -> str:
    """The CSV cell of a text: one apostrophe in front when a spreadsheet would take the text for a
    formula or turn it into a number or date shown otherwise, or when the text itself starts with an
    apostrophe (so that unguard_cell can tell)."""
    if text.startswith(FORMULA_STARTS) or text.startswith(QUOTE) or _converted(text):
        return QUOTE + text
    return text


def _converted(text: str) -> bool:
    return len(text) <= 40 and _CONVERTED.fullmatch(text) is not None \
        and _SHOWN_AS_WRITTEN.fullmatch(text) is None


def unguard_cell(cell: str) -> str:
    """The text of a CSV cell written by guard_cell: exactly one leading apostrophe removed."""
    return cell[1:] if cell.startswith(QUOTE) else cell


def warn_long_cells(cells: pd.DataFrame, path: Path) -> None:
    """Excel cuts a CSV cell after 32,767 characters (and so loses the end of a long mentions list
    when the file is saved again); say so, naming the rows, rather than let it happen unseen."""
    for column in cells.columns:
        rows = [k + 1 for k, cell in enumerate(cells[column]) if len(cell) > MAX_CELL]
        if rows:
            log.warning("%s: %s of row(s) %s is longer than the %s characters Excel keeps in a cell; "
                        "open the .xlsx export in Excel instead (it gives mentions their own sheet)",
                        path, column, ", ".join(map(str, rows[:5])) + (" …" if len(rows) > 5 else ""),
                        f"{MAX_CELL:,}")


def read_csv_cells(path: Path) -> pd.DataFrame:
    """The raw text cells of a CSV as write_events writes it (UTF-8, commas) or as a spreadsheet
    saves it again: in a Windows code page (Excel's plain "CSV") and with ';' or a tab between
    cells (the custom where the comma is the decimal mark)."""
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            # cp1252 leaves five bytes undefined; latin-1 reads anything
            encoding = "cp1252" if _decodes(data, "cp1252") else "latin-1"
            log.warning("%s is not UTF-8; read as %s (save as 'CSV UTF-8' to keep every character)",
                        path, encoding)
            text = data.decode(encoding)
    header = text.split("\n", 1)[0]
    sep = max((",", ";", "\t"), key=header.count)
    return pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False, na_filter=False)


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


# ---------------------------------------------------------------- XLSX
EVENTS_SHEET, MENTIONS_SHEET = "Events", "Mentions"
MAX_CELL = 32_767   # characters in one cell (Excel's limit; openpyxl would silently cut the rest)
MAX_ROWS = 1_048_576
# Excel's day numbers start in 1900 and its calendar is wrong before March 1900 (the leap-year
# bug kept for Lotus): earlier dates are written as ISO text, which read_events reads back too.
FIRST_DATE = dt.datetime(1900, 3, 1)
DAY_FORMAT, TIME_FORMAT, TEXT_FORMAT = "yyyy-mm-dd", "yyyy-mm-dd hh:mm:ss", "@"
# A float cell that holds a whole number is stored as "1"; this format marks it as a float (and
# shows the decimals), so a mention's confidence 1.0 comes back as 1.0, not 1.
FLOAT_FORMAT = "0.0##############"
JSON_SUFFIX = " (JSON)"  # a Mentions column whose cells are JSON values (lists, null, absent keys)
# Characters XML 1.0 cannot hold, and text that looks like OOXML's own escape (_x0041_ is "A"):
# both are written as _xHHHH_, the escape Excel and LibreOffice read.
_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")
_SAFE_INT = 2 ** 53  # larger integers do not survive a spreadsheet's floating-point numbers


def xml_text(text: str) -> str:
    return _UNSAFE.sub(lambda m: f"_x{ord(m.group()):04X}_", text)


def plain_text(cell: str) -> str:
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), cell) if "_x" in cell else cell


def is_web_url(url: str) -> bool:
    """http(s) URLs only become clickable links: no javascript:, file: or data: targets."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc) \
        and not re.search(r"[\s\x00-\x1f\x7f<>\"]", url)


def write_xlsx(frame: pd.DataFrame, path: Path) -> None:
    """Write a conformed events frame as an Events sheet and a Mentions sheet."""
    from openpyxl import Workbook

    _check_rows(len(frame), EVENTS_SHEET)
    book = Workbook(write_only=True)
    events, mentions = book.create_sheet(EVENTS_SHEET), book.create_sheet(MENTIONS_SHEET)
    columns = [c for c in frame.columns if c != "mentions"]
    # every cell is made before the first row is written: an ExportError leaves no half-written sheet
    cells = {c: _column_cells(events, frame, c) for c in columns}
    m_widths, m_rows = _mention_rows(mentions, frame)
    for sheet, widths, rows in ((events, [_width(c) for c in columns], [columns, *zip(*cells.values())]),
                                (mentions, m_widths, m_rows)):
        _sheet_layout(sheet, widths)
        for row in rows:
            sheet.append(list(row))
    book.save(path)


def _sheet_layout(sheet, widths: list[int]) -> None:
    from openpyxl.utils import get_column_letter

    sheet.freeze_panes = "A2"  # the header stays in view while scrolling
    for k, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(k)].width = width


def _width(column: str) -> int:
    return {"string": 24, "object": 30}.get(SCHEMA.get(column, "string"), 14) \
        if column not in ("description", "evidence", "title") else 60


def _column_cells(sheet, frame: pd.DataFrame, column: str) -> list:
    dtype = SCHEMA.get(column, "string")
    if dtype.startswith("datetime64"):
        return [_date_cell(sheet, v) for v in frame[column]]
    if dtype == "Int64":
        return [None if pd.isna(v) else int(v) for v in frame[column]]
    if dtype == "float64":
        return [_number_cell(sheet, v) for v in frame[column]]
    texts = text_cells(frame, column)
    if column == "urls":
        return [_text_cell(sheet, t, column, i, _only_url(items))
                for i, (t, items) in enumerate(zip(texts, frame[column]))]
    return [_text_cell(sheet, t, column, i) for i, t in enumerate(texts)]


def _only_url(items: list[str]) -> str | None:
    known = [u for u in items if u]
    return known[0] if len(known) == 1 and is_web_url(known[0]) else None


def _text_cell(sheet, text: str, column: str, row: int, link: str | None = None):
    from openpyxl.cell import WriteOnlyCell

    if text == "":
        return None
    text = xml_text(text)
    if len(text) > MAX_CELL:
        raise ExportError(f"row {row + 1}: {column} has {len(text):,} characters, more than a spreadsheet "
                          f"cell holds ({MAX_CELL:,}); write .csv, .json or .parquet instead")
    cell = WriteOnlyCell(sheet, value=text)
    cell.data_type = "s"  # openpyxl would make "=..." a formula and "#N/A" an error value
    if guard_cell(text) != text:
        # the Text format keeps it text when someone edits the cell and presses Enter
        cell.number_format = TEXT_FORMAT
    if link:
        cell.hyperlink = link
        cell.style = "Hyperlink"
    return cell


def _date_cell(sheet, value):
    from openpyxl.cell import WriteOnlyCell

    if pd.isna(value):
        return None
    stamp = pd.Timestamp(value)
    if not pd.Timestamp(FIRST_DATE) <= stamp <= pd.Timestamp("9999-12-31 23:59:59"):
        return _text_cell(sheet, iso_texts([value])[0], "date", 0)
    cell = WriteOnlyCell(sheet, value=stamp.to_pydatetime())
    cell.number_format = DAY_FORMAT if stamp == stamp.normalize() else TIME_FORMAT
    return cell


def _number_cell(sheet, value):
    from openpyxl.cell import WriteOnlyCell

    if value is None or pd.isna(value):
        return None
    value = float(value)
    if math.isinf(value):  # no spreadsheet number is infinite
        return _text_cell(sheet, repr(value), "number", 0)
    cell = WriteOnlyCell(sheet, value=value)
    cell.number_format = FLOAT_FORMAT
    return cell


def _check_rows(n: int, sheet: str) -> None:
    if n + 1 > MAX_ROWS:
        raise ExportError(f"{n:,} rows do not fit in one {sheet} sheet ({MAX_ROWS - 1:,} at most); "
                          f"write .csv or .parquet instead")


def _mention_rows(sheet, frame: pd.DataFrame) -> tuple[list[int], list[list]]:
    """Column widths and rows of the Mentions sheet: one row per mention, keyed by event_id (so
    sorting either sheet keeps the pairs)."""
    pairs = [(event_id, m) for event_id, ms in zip(frame["event_id"], frame["mentions"]) for m in ms]
    ids = [e for e, ms in zip(frame["event_id"], frame["mentions"]) if ms]
    if len(set(ids)) < len(ids) or "" in ids:
        raise ExportError("every event with mentions needs its own event_id to be written as .xlsx "
                          "(timeline.table.validate_events assigns them)")
    _check_rows(len(pairs), MENTIONS_SHEET)
    keys = list(dict.fromkeys(k for _, m in pairs for k in m))
    plain = {k: all(k in m and _is_plain(m[k]) for _, m in pairs) for k in keys}
    rows = [["event_id"] + [k if plain[k] else k + JSON_SUFFIX for k in keys]]
    for row, (event_id, mention) in enumerate(pairs):
        cells = [_text_cell(sheet, event_id, "event_id", row)]
        for k in keys:
            if not plain[k]:
                cells.append(_text_cell(sheet, json.dumps(mention[k], ensure_ascii=False), k, row)
                             if k in mention else None)
            elif isinstance(mention[k], str):
                link = mention[k] if k == "url" and is_web_url(mention[k]) else None
                cells.append(_text_cell(sheet, mention[k], k, row, link))
            elif isinstance(mention[k], float):
                cells.append(_number_cell(sheet, mention[k]))
            else:
                cells.append(mention[k])
        rows.append(cells)
    return [24] + [60 if k == "evidence" else 16 for k in keys], rows


def _is_plain(value) -> bool:
    """A value a spreadsheet cell holds as itself: text, a yes/no, a finite number."""
    if isinstance(value, (str, bool)):
        return True
    if isinstance(value, int):
        return abs(value) < _SAFE_INT
    return isinstance(value, float) and math.isfinite(value)


def read_xlsx(path: Path) -> pd.DataFrame:
    """The events of a workbook written by write_xlsx (or a user's own: the first sheet when there
    is no Events sheet), as a raw frame for validate_events."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # a zip that is no workbook raises zipfile/KeyError/... errors
        raise TableError([f"cannot read it as XLSX: {exc}"], source=str(path)) from None
    try:
        sheet = book[EVENTS_SHEET] if EVENTS_SHEET in book.sheetnames else book.worksheets[0]
        header, rows = _rows(sheet)
        frame = pd.DataFrame({c: _read_column(c, [r[k] for r in rows]) for k, c in enumerate(header)},
                             columns=header)
        if "mentions" not in frame.columns:
            mentions = _read_mentions(book[MENTIONS_SHEET]) if MENTIONS_SHEET in book.sheetnames else {}
            ids = frame["event_id"] if "event_id" in frame.columns else [""] * len(frame)
            frame["mentions"] = pd.Series([mentions.get(i, []) for i in ids], index=frame.index, dtype=object)
    finally:
        book.close()
    return frame


def _rows(sheet) -> tuple[list[str], list[list]]:
    """Header and rows of values, with strings unescaped; empty trailing rows and columns dropped."""
    raw = [[_cell_value(c) for c in row] for row in sheet.iter_rows()]
    raw = [r for r in raw if any(v not in (None, "") for v in r)]
    if not raw:
        return [], []
    header = [plain_text(str(h)) if h is not None else "" for h in raw[0]]
    while header and header[-1] == "":
        header.pop()
    width = len(header)
    rows = [(r + [None] * width)[:width] for r in raw[1:]]
    return header, rows


def _cell_value(cell):
    value = getattr(cell, "value", None)
    if isinstance(value, str):
        return plain_text(value)
    if isinstance(value, int) and not isinstance(value, bool) and cell.number_format == FLOAT_FORMAT:
        return float(value)
    if isinstance(value, dt.datetime):
        return pd.Timestamp(value).round("s")  # a day number's float may miss the second by a hair
    if isinstance(value, (dt.date, dt.time)):
        return pd.Timestamp(value) if isinstance(value, dt.date) else value.isoformat()
    return value


def _read_column(column: str, values: list) -> list:
    dtype = SCHEMA.get(column, "string")
    if dtype.startswith("datetime64") or dtype in ("Int64", "float64"):
        return [None if v == "" else v for v in values]
    if column in LIST_COLUMNS and column != "mentions":
        return [split_list(_text(v)) for v in values]
    return [_text(v) for v in values]


def _text(value) -> str:
    """A text column's cell: a date typed by the user becomes its ISO text (2025-02-03)."""
    if value is None:
        return ""
    if isinstance(value, pd.Timestamp):
        return str(value.date()) if value == value.normalize() else value.isoformat()
    return value if isinstance(value, str) else str(value)


def _read_mentions(sheet) -> dict[str, list[dict]]:
    header, rows = _rows(sheet)
    if "event_id" not in header:
        return {}
    out: dict[str, list[dict]] = {}
    key_at = header.index("event_id")
    for row in rows:
        mention = {}
        for name, value in zip(header, row):
            if name == "event_id" or name == "":
                continue
            if name.endswith(JSON_SUFFIX):
                if value not in (None, ""):
                    mention[name[:-len(JSON_SUFFIX)]] = json.loads(value)
            else:
                mention[name] = "" if value is None else value
        out.setdefault(_text(row[key_at]), []).append(mention)
    return out

