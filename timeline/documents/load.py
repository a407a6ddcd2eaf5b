"""From whatever the caller passed to a stream of dated Documents; bad input is reported
through `on_error` and never stops the stream."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import sys
from collections import Counter
from collections.abc import Callable, Iterator

from timeline.document import Document
from timeline.documents import dates
from timeline.documents.inputs import Source, doc_stem, expand, file_format
from timeline.documents.readers import (NO_TEXT_COLUMN, Prefixed, Record, open_binary, read,
                                        read_bytes, sniff)
from timeline.errors import DocumentError, UsageError

logger = logging.getLogger(__name__)

ErrorHandler = Callable[[DocumentError], None]


def log_error(error: DocumentError) -> None:
    """The default error handler: one warning per unreadable document or row."""
    logger.warning("%s %s", "kept" if getattr(error, "kept", False) else "skipped", error)


def iter_documents(inputs, *, ref_date=None, on_error: ErrorHandler | None = None) -> Iterator[Document]:
    """Documents of `inputs`, in input order, streamed (a JSONL corpus is read line by line).

    `inputs`: a path, a directory (searched recursively, sorted), a glob, "-" for stdin, a text,
    a Document, or a list of these. Each document is dated from, in order: its `date` field or
    `ref_date` (date_source "given"), a header line ("header"), HTML metadata ("html-meta"), a
    dateline or byline ("dateline"), an explicit full date near the top ("text"). Dating from
    sibling documents needs the whole corpus: see `infer_dates` / `load_documents`.

    `on_error(DocumentError)` is called for every file or row that cannot be read, and for a
    date field that is no real date (that document is still yielded, without the date); the
    default logs a warning. Ids are unique: a repeated id gets a "~2", "~3" suffix."""
    try:
        ref = dates.parse_date_value(ref_date)
    except dates.BadDate as exc:
        raise UsageError(f"ref_date: {exc}") from None
    handle = on_error if on_error is not None else log_error
    seen: set[str] = set()
    for source in expand(inputs, [0]):
        for item in _read_source(source):
            if isinstance(item, DocumentError):
                if source.walked and item.reason.startswith(NO_TEXT_COLUMN):
                    logger.info("%s: not a corpus (%s); skipped", item.doc, item.reason)
                else:
                    handle(item)
                continue
            if isinstance(item, Document):
                doc = _date_given_document(item, ref)
            else:
                doc = _document(item, source, ref, handle)
            unique = _unique_id(doc.id, seen)
            if unique != doc.id:
                logger.warning("%s: id %r is already used; renamed %r", doc.path or doc.id, doc.id, unique)
                doc = dataclasses.replace(doc, id=unique, meta={**doc.meta, "original_id": doc.id})
            yield doc


def load_documents(inputs, *, ref_date=None, on_error: ErrorHandler | None = None,
                   infer: bool = True) -> list[Document]:
    """All documents of `inputs` as a list (see `iter_documents`), then undated documents
    dated from their siblings of the same story (`infer_dates`) unless `infer` is False."""
    docs = list(iter_documents(inputs, ref_date=ref_date, on_error=on_error))
    if infer:
        from timeline.documents.siblings import infer_dates

        docs = infer_dates(docs)
    if docs:
        sources = Counter(d.date_source for d in docs)
        logger.info("%d documents; dates from: %s", len(docs),
                    ", ".join(f"{k} {v}" for k, v in sorted(sources.items())))
    return docs


def _read_source(source: Source) -> Iterator[Record | DocumentError | Document]:
    if source.kind == "error":
        yield source.error
    elif source.kind == "document":
        yield source.document
    elif source.kind == "text":
        if not source.text or source.text.isspace():
            yield DocumentError(f"text #{source.index}", "empty text")
        else:
            yield Record(f"text-{source.index}", source.text, f"text #{source.index}")
    elif source.kind == "bytes":
        yield from read_bytes(source.data, "sniff", f"text #{source.index}", f"text-{source.index}")
    elif source.kind == "stdin":
        yield from _read_stdin()
    else:
        path = source.path
        fmt, compression = file_format(path)
        try:
            stream = open_binary(path, compression)
        except OSError as exc:
            yield DocumentError(str(path), f"cannot be opened ({exc.strerror or exc})")
            return
        with stream:
            # a file named with an unknown ending: its first bytes tell (JSONL, HTML, text)
            yield from read(stream, fmt or "sniff", str(path), doc_stem(path))


def _read_stdin() -> Iterator[Record | DocumentError]:
    """Standard input: JSONL is streamed row by row; anything else is one document."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # a text-mode stand-in (tests, embedding)
        data = sys.stdin.read().encode("utf-8")
        yield from read_bytes(data, "sniff", "<stdin>", "stdin")
        return
    head = stream.read(65536)
    fmt = sniff(head)
    if fmt == "jsonl":
        yield from read(Prefixed(head, stream), "jsonl", "<stdin>", "stdin")
    else:
        yield from read_bytes(head + stream.read(), fmt, "<stdin>", "stdin")


def _unique_id(doc_id: str, seen: set[str]) -> str:
    candidate, n = doc_id, 1
    while candidate in seen:
        n += 1
        candidate = f"{doc_id}~{n}"
    seen.add(candidate)
    return candidate


def _document(record: Record, source: Source, ref: dt.date | None, handle: ErrorHandler) -> Document:
    meta = dict(record.meta)
    if record.line is not None:
        meta["line"] = record.line
    date, date_source = None, "none"
    if record.date not in (None, ""):
        try:
            date = dates.parse_date_value(record.date)
            date_source = "given" if date else "none"
        except dates.BadDate as exc:
            meta["bad_date"] = str(record.date)
            handle(DocumentError(record.where, f"document {record.id!r}: {exc}; "
                                 "the document is kept without this date", record.line, kept=True))
    if date is None and ref is not None:
        date, date_source = ref, "given"
        meta["date_evidence"] = "ref_date"
    if date is None and record.header_date:
        try:
            date = dates.parse_date_value(record.header_date)
        except dates.BadDate as exc:
            logger.warning("%s: front matter %s; ignored", record.where, exc)
        if date:
            date_source, meta["date_evidence"] = "header", f"date: {record.header_date}"
    if date is None and record.html_date:
        try:
            date = dates.parse_date_value(record.html_date)
        except dates.BadDate:
            date = None
        if date:
            date_source, meta["date_evidence"] = "html-meta", record.html_date
    doc = Document(id=record.id, text=record.text, title=record.title, date=date,
                   date_source=date_source, url=record.url,
                   path=str(source.path) if source.path else ("-" if source.kind == "stdin" else ""),
                   meta=meta)
    if date is None:
        _date_from_text(doc)
    if doc.date is None and record.html_date_guess:
        try:
            guess = dates.parse_date_value(record.html_date_guess)
        except dates.BadDate:
            guess = None
        if guess:
            doc.date, doc.date_source = guess, "html-meta"
            doc.meta["date_evidence"] = f"{record.html_date_guess} (htmldate, extensive search)"
    return doc


def _date_given_document(doc: Document, ref: dt.date | None) -> Document:
    """A caller's Document keeps its date; an undated one is dated like any other text."""
    if doc.date is not None or doc.date_source != "none":
        return doc
    doc = dataclasses.replace(doc, meta=dict(doc.meta))
    if ref is not None:
        doc.date, doc.date_source = ref, "given"
        doc.meta["date_evidence"] = "ref_date"
        return doc
    _date_from_text(doc)
    return doc


def _date_from_text(doc: Document) -> None:
    """Header line, then dateline/byline, then an explicit date near the top (in place)."""
    found = dates.header_date(doc.text)
    if found:
        doc.date, doc.date_source = found[0], "header"
        doc.meta["date_evidence"] = found[1]
        return
    dateline = dates.dateline_date(doc.text)
    if dateline:
        day, matched, month_day = dateline
        if day is not None:
            doc.date, doc.date_source = day, "dateline"
            doc.meta["date_evidence"] = matched
            return
        # A yearless wire dateline: kept for sibling inference, which can supply the year.
        doc.meta["dateline_month_day"] = month_day
        doc.meta["dateline"] = matched
    in_text = dates.text_date(doc.text)
    if in_text:
        doc.date, doc.date_source = in_text[0], "text"
        doc.meta["date_evidence"] = in_text[1]["date_text"]
        doc.meta["date_candidates"] = in_text[1]["date_candidates"]
        doc.meta["date_note"] = ("a caption or dateline date in the text: the day of the event "
                                 "shown; the story was published that day or later")
