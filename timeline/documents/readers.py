"""One reader per format. Each yields `Record`s (a document's raw fields, before ids and dates
are settled) and `DocumentError`s (a file or row that could not be read) in file order; an error
never ends the stream, so one bad row costs one row.

JSONL, CSV and TSV are read line by line from a binary stream: a 1 GB corpus is never held in
memory, and a row with bad bytes is reported alone.
"""

from __future__ import annotations

import bz2
import csv
import gzip
import io
import json
import logging
import lzma
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from timeline.documents.decode import NotText, bom_encoding, decode
from timeline.documents.markup import front_matter, plain_title, strip_markdown
from timeline.errors import DocumentError

logger = logging.getLogger(__name__)

ROW_FIELDS = ("id", "text", "title", "date", "url")
# Reason of a table file without a `text` column; inside a searched directory such a file is
# data (a gold standard, a spreadsheet), not a broken corpus, and is skipped quietly.
NO_TEXT_COLUMN = "no 'text' column"
_CHUNK = 1 << 20
_WORDS = re.compile(r"[^\W\d_]{2,}")  # at least one word of two letters
# A CSV field may hold a whole article (tests load a 50 MB one).
_CSV_FIELD_LIMIT = 1 << 30
# After this many unreadable lines in a row the rest of a file is not a corpus.
_MAX_CONSECUTIVE_ERRORS = 1000


@dataclass
class Record:
    id: str                     # proposed id; made unique by the loader
    text: str
    where: str                  # file path (or "stdin", "text #2") for messages
    line: int | None = None
    title: str = ""
    url: str = ""
    date: object = None         # the given date field, unparsed
    header_date: object = None  # a date from front matter
    html_date: str | None = None        # from the page's metadata
    html_date_guess: str | None = None  # htmldate's extensive search, a last resort
    meta: dict = field(default_factory=dict)


class Prefixed:
    """A binary stream whose first bytes were already read (to sniff or sample) put back."""

    def __init__(self, head: bytes, rest):
        self._head, self._rest = head, rest

    def read(self, size: int = -1) -> bytes:
        if self._head:
            if size is None or size < 0:
                data, self._head = self._head + self._rest.read(), b""
                return data
            data, self._head = self._head[:size], self._head[size:]
            return data
        return self._rest.read(size)


def open_binary(path: Path, compression: str):
    if compression == ".gz":
        return gzip.open(path, "rb")
    if compression == ".bz2":
        return bz2.open(path, "rb")
    if compression == ".xz":
        return lzma.open(path, "rb")
    return open(path, "rb")


def read(stream, fmt: str, where: str, stem: str) -> Iterator[Record | DocumentError]:
    """Records of one binary stream in format `fmt`."""
    if fmt in ("jsonl", "csv", "tsv"):
        yield from _read_rows(stream, fmt, where, stem)
        return
    try:
        data = stream.read()
    except (OSError, EOFError, lzma.LZMAError) as exc:
        yield DocumentError(where, f"cannot be read ({exc})")
        return
    yield from read_bytes(data, fmt, where, stem)


def read_bytes(data: bytes, fmt: str, where: str, stem: str) -> Iterator[Record | DocumentError]:
    """Records of a whole document held in memory (txt, md, html, json, or sniffed stdin)."""
    if fmt == "sniff":
        fmt = sniff(data)
    if fmt in ("jsonl", "csv", "tsv"):
        yield from _read_rows(io.BytesIO(data), fmt, where, stem)
        return
    try:
        text, encoding = decode(data, declared=_declared_charset(data) if fmt == "html" else None)
    except NotText as exc:
        yield DocumentError(where, str(exc))
        return
    meta = {"encoding": encoding} if encoding not in ("utf-8", "ascii") else {}
    if fmt == "html":
        yield from _html(text, where, stem, meta)
    elif fmt == "json":
        yield from _json(text, where, stem)
    elif fmt == "markdown":
        fields, body = front_matter(text)
        body, heading = strip_markdown(body)
        if not body.strip():
            yield DocumentError(where, "no text after removing the Markdown markup")
            return
        yield Record(stem, body, where, title=fields.get("title") or heading,
                     header_date=fields.get("date") or None, url=fields.get("url", ""), meta=meta)
    else:
        yield Record(stem, text, where, title=plain_title(text), meta=meta)


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first bytes (<meta charset=...>)."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def sniff(data: bytes) -> str:
    """The format of a document or corpus from its first bytes (for stdin and raw bytes)."""
    head = data[:65536].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"{"):
        # a text may begin with a brace too: JSONL only if its first line is a JSON object
        first, newline, _ = head.partition(b"\n")
        if not newline and len(data) > len(head):  # a first line longer than the sample
            return "jsonl" if re.match(rb'\{\s*"', first) else "text"
        try:
            return "jsonl" if isinstance(json.loads(first), dict) else "text"
        except (ValueError, UnicodeDecodeError):
            return "text"
    if re.match(rb"\[\s*[{\]]", head):
        return "json"
    head = head[:2048].lower()
    if head.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body", b"<article")):
        return "html"
    return "text"


def _html(text: str, where: str, stem: str, meta: dict) -> Iterator[Record | DocumentError]:
    import trafilatura

    try:
        extracted = trafilatura.bare_extraction(
            text, include_comments=False, with_metadata=True, include_tables=True)
    except Exception as exc:  # trafilatura/lxml raise many kinds on broken markup
        yield DocumentError(where, f"HTML could not be parsed ({type(exc).__name__}: {exc})")
        return
    body = (getattr(extracted, "text", None) or "").strip() if extracted else ""
    if not _WORDS.search(body):
        yield DocumentError(where, "HTML page has no extractable main text")
        return
    # Metadata first (meta tags, JSON-LD, URL); htmldate's extensive search, which guesses
    # from any date-like string on the page (a "©1998" footer becomes 1998-01-01), is kept
    # as a last resort for when the text itself names no date either.
    page_date = _find_date(text, where, extensive_search=False)
    guess = None if page_date else _find_date(text, where, extensive_search=True)
    meta = dict(meta)
    for key in ("author", "sitename", "hostname", "description"):
        value = getattr(extracted, key, None)
        if value:
            meta[key] = value
    yield Record(stem, body, where, title=_headline(extracted.title or ""),
                 url=(extracted.url or "").strip(), html_date=page_date, html_date_guess=guess,
                 meta=meta)


def _find_date(html: str, where: str, extensive_search: bool) -> str | None:
    import htmldate

    try:
        # original_date: the first publication, not a later "updated" stamp
        return htmldate.find_date(html, original_date=True, extensive_search=extensive_search)
    except Exception as exc:  # htmldate/lxml raise many kinds on odd pages
        logger.warning("%s: htmldate failed (%s)", where, exc)
        return None


def _headline(title: str) -> str:
    """The headline part of a page title: "Story | Site | 19.01.2020" -> "Story"."""
    parts = [p.strip() for p in title.split(" | ") if p.strip()]
    return max(parts, key=len) if parts else ""


@lru_cache(maxsize=1)
def _aliases() -> dict[str, str]:
    """alias -> canonical field name, from data/inputs.toml."""
    with resources.files("timeline.documents").joinpath("data/inputs.toml").open("rb") as fh:
        fields = tomllib.load(fh)["fields"]
    return {alias: name for name, aliases in fields.items() for alias in aliases}


def _canonical(obj: dict) -> dict:
    aliases = _aliases()
    out = dict(obj)
    for key in list(obj):
        name = aliases.get(str(key).strip().lower()) if key is not None else None
        if name and out.get(name) in (None, ""):
            out[name] = out.pop(key)
    return out


def _row_record(obj, where: str, stem: str, line: int | None) -> Record | DocumentError:
    if not isinstance(obj, dict):
        return DocumentError(where, f"expected an object with a 'text' field, got {type(obj).__name__}", line)
    obj = _canonical(obj)
    row_id = obj.get("id")
    if row_id is None or str(row_id).strip() == "":
        row_id = f"{stem}:{line}" if line is not None else stem
    row_id = str(row_id).strip()
    text = obj.get("text")
    page = None
    if (text is None or text == "") and isinstance(obj.get("html"), str):
        # a scraped corpus row holding the page itself: read it like an .html file
        where_row = f"{where}, line {line}" if line is not None else where
        page = next(_html(obj.pop("html"), where_row, row_id, {}), None)
        if isinstance(page, DocumentError):
            return DocumentError(where, page.reason, line)
        text = page.text if page else None
    if not isinstance(text, str) or not text or text.isspace():
        what = "no 'text' field" if text is None else "an empty or non-string 'text' field"
        return DocumentError(where, f"row has {what}; skipped", line)
    meta = {k: v for k, v in obj.items() if k not in ROW_FIELDS and k is not None}
    record = Record(row_id, text, where, line=line,
                    title=str(obj.get("title") or "").strip() or (plain_title(text) if page is None else ""),
                    url=str(obj.get("url") or "").strip(),
                    date=obj.get("date"), meta=meta)
    if page is not None:
        record.title = record.title or page.title
        record.url = record.url or page.url
        record.html_date, record.html_date_guess = page.html_date, page.html_date_guess
        record.meta = {**page.meta, **meta}
    return record


def _json(text: str, where: str, stem: str) -> Iterator[Record | DocumentError]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield DocumentError(where, f"invalid JSON ({exc.msg}, line {exc.lineno}, column {exc.colno})")
        return
    if isinstance(data, dict) and isinstance(data.get("documents"), list):
        data = data["documents"]
    if isinstance(data, dict):
        yield _row_record(data, where, stem, None)
        return
    if not isinstance(data, list):
        yield DocumentError(where, "JSON must be a list of objects with 'id' and 'text'")
        return
    for number, obj in enumerate(data, 1):
        record = _row_record(obj, where, stem, None)
        if isinstance(record, Record) and record.id == stem:
            record.id = f"{stem}:{number}"
        if isinstance(record, DocumentError):
            record = DocumentError(where, f"item {number}: {record.reason}")
        yield record


def _lines(stream) -> Iterator[bytes]:
    """Binary lines of a stream, read in chunks (memory stays flat, long lines are fine)."""
    parts: list[bytes] = []
    while True:
        try:
            chunk = stream.read(_CHUNK)
        except (OSError, EOFError, lzma.LZMAError) as exc:
            raise NotText(f"cannot be read past this point ({exc})") from None
        if not chunk:
            break
        start = 0
        while True:
            end = chunk.find(b"\n", start)
            if end < 0:
                parts.append(chunk[start:])
                break
            parts.append(chunk[start:end + 1])
            yield b"".join(parts)
            parts = []
            start = end + 1
    tail = b"".join(parts)
    if tail:
        yield tail


def _decoded_lines(stream, where: str, errors: list) -> Iterator[tuple[int, str | None]]:
    """(line number, text or None when the line is unreadable) for a row file.

    Files with a UTF-16/32 BOM are decoded as a stream (their newlines are multi-byte); other
    files line by line as UTF-8 with the usual fallbacks, so one bad line is one error."""
    try:
        sample = stream.read(65536)
    except (OSError, EOFError, lzma.LZMAError) as exc:
        errors.append(DocumentError(where, f"cannot be read ({exc})"))
        return
    found = bom_encoding(sample[:4])
    if not found and sample.count(0) > max(1, len(sample) // 100):
        # many NULs: a binary file; a stray one is only one bad line
        errors.append(DocumentError(where, "binary file (contains NUL bytes), not a text corpus"))
        return
    lines = _lines(Prefixed(sample, stream))
    first = next(lines, b"")
    if found and found[0] != "utf-8":
        data = first + b"".join(lines)
        try:
            text = data[found[1]:].decode(found[0])
        except UnicodeDecodeError as exc:
            errors.append(DocumentError(where, f"not valid {found[0]} despite its byte order mark ({exc.reason})"))
            return
        for number, line in enumerate(io.StringIO(text, newline=None), 1):
            yield number, line
        return
    if found:
        first = first[found[1]:]
    for number, raw in enumerate(_chain(first, lines), 1):
        try:
            yield number, raw.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text, encoding = decode(raw) if raw.strip() else (raw.decode("latin-1"), "")
                logger.info("%s, line %d: not UTF-8, read as %s", where, number, encoding)
                yield number, text
            except NotText as exc:
                errors.append(DocumentError(where, str(exc), number))
                yield number, None


def _chain(first: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    if first:
        yield first
    yield from rest


def _read_rows(stream, fmt: str, where: str, stem: str) -> Iterator[Record | DocumentError]:
    errors: list[DocumentError] = []
    try:
        if fmt == "jsonl":
            yield from _jsonl(_decoded_lines(stream, where, errors), where, stem, errors)
        else:
            yield from _csv(_decoded_lines(stream, where, errors), where, stem, errors,
                            delimiter="\t" if fmt == "tsv" else ",")
    except NotText as exc:
        yield DocumentError(where, str(exc))
    yield from errors


def _jsonl(lines, where: str, stem: str, errors: list) -> Iterator[Record | DocumentError]:
    bad_run = 0
    seen_any = False
    for number, line in lines:
        yield from _drain(errors)
        if line is None:
            continue
        if not line.strip():
            continue
        seen_any = True
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            bad_run += 1
            yield DocumentError(where, f"broken JSON line ({exc.msg}, column {exc.colno}); skipped", number)
            if bad_run >= _MAX_CONSECUTIVE_ERRORS:
                yield DocumentError(where, f"{bad_run} broken lines in a row: not a JSONL file; rest skipped", number)
                return
            continue
        bad_run = 0
        yield _row_record(obj, where, stem, number)
    if not seen_any and not errors:
        yield DocumentError(where, "empty file (no JSON lines)")


def _drain(errors: list) -> Iterator[DocumentError]:
    while errors:
        yield errors.pop(0)


class _LineFeed:
    """Feeds csv.reader text lines while remembering which physical line each row starts on."""

    def __init__(self, lines):
        self._lines = iter(lines)
        self.number = 0

    def __iter__(self):
        return self

    def __next__(self) -> str:
        while True:
            number, line = next(self._lines)
            self.number = number
            if line is not None:
                return line


def _csv(lines, where: str, stem: str, errors: list, delimiter: str) -> Iterator[Record | DocumentError]:
    csv.field_size_limit(_CSV_FIELD_LIMIT)
    feed = _LineFeed(lines)
    reader = csv.reader(feed, delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        yield from _drain(errors)
        yield DocumentError(where, "empty file (no header row)")
        return
    except csv.Error as exc:
        yield DocumentError(where, f"unreadable header row ({exc})", 1)
        return
    header = [h.strip().lstrip("\ufeff").lower() for h in header]
    if "text" not in header and not any(_aliases().get(h) == "text" for h in header):
        yield DocumentError(where, f"{NO_TEXT_COLUMN} (columns: {', '.join(header) or 'none'}); "
                                   "a CSV corpus needs id,text[,title,date,url]", 1)
        return
    last_line = feed.number
    bad_run = 0
    while True:
        start = last_line + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield from _drain(errors)
            last_line = feed.number
            bad_run += 1
            yield DocumentError(where, f"broken CSV row ({exc}); skipped", start)
            if bad_run >= _MAX_CONSECUTIVE_ERRORS:
                return
            continue
        yield from _drain(errors)
        last_line = feed.number
        if not row or not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            bad_run += 1
            yield DocumentError(where, f"broken CSV row: {len(row)} fields where the header has "
                                       f"{len(header)} (an unquoted comma or quote?); skipped", start)
            continue
        bad_run = 0
        yield _row_record(dict(zip(header, row)), where, stem, start)
    yield from _drain(errors)
