"""Articles in, one deduplicated, sourced events table out.

    df = timeline.build(["examples/seeds"])          # DataFrame (timeline.table.SCHEMA)
    events = timeline.extract(docs, mode="news")     # list[Event], merged

Stages: load and date the documents (timeline.documents) -> per document, tag time
expressions (timeline.timex) and extract events (timeline.events), in parallel through
timeline.parallel.map_ordered -> resolve surnames across the corpus -> merge tellings of the
same happening (timeline.merge) -> table rows sorted by start, then title.
"""

from __future__ import annotations

import functools
import logging

import pandas as pd

from timeline.document import Document
from timeline.errors import DocumentError
from timeline.event import Event
from timeline.options import Options

log = logging.getLogger(__name__)


def build(inputs, *, report=None, **options) -> pd.DataFrame:
    """Documents (paths, directories, globs, JSONL/CSV corpora, texts, Document objects) to
    the events table. Options: see timeline.options.Options. `report` (a
    timeline.report.RunReport) collects the counts and every skipped document; without one,
    skipped documents are logged as warnings."""
    return events_to_frame(extract(inputs, report=report, **options))


def extract(inputs_or_documents, *, report=None, **options) -> list[Event]:
    """The merged events of the inputs, sorted by start date then title."""
    from timeline.report import RunReport

    opts = Options.from_kwargs(**options)
    report = report if report is not None else RunReport()
    docs = _documents(inputs_or_documents, opts, report)
    per_doc = map_documents(docs, opts, report)
    events = [event for doc_events in per_doc for event in doc_events]
    resolve_corpus_names(events)
    from timeline.merge import merge_events, unique_ids

    merged = [e for e in merge_events(events, opts.merge_threshold) if e.confidence >= opts.min_confidence]
    if opts.about:
        from timeline.about import about

        merged = about(merged, opts.about)
    merged.sort(key=sort_key)
    unique_ids(merged)
    log.info("%d documents, %d tellings, %d events", len(docs), len(events), len(merged))
    return merged


def map_documents(docs, opts: Options, report=None):
    """Per-document events, in document order, on the configured backend, with a progress
    bar. A document the stages fail on goes to `report.on_error` and yields nothing; the
    others are counted as processed."""
    from timeline.parallel import map_ordered
    from timeline.progress import progress
    from timeline.report import RunReport

    report = report if report is not None else RunReport()
    results = map_ordered(functools.partial(extract_document_or_error, options=opts), docs, opts)
    total = len(docs) if hasattr(docs, "__len__") else None
    for result in progress(results, total=total, desc="documents", quiet=opts.quiet):
        if isinstance(result, DocumentError):
            report.on_error(result)
        else:
            report.document_done()
            yield result


def _where(doc: Document) -> tuple[str, int | None]:
    """How a message names a document: its file (and line, for a corpus row) or its id."""
    return (doc.path or doc.id), doc.meta.get("line") if isinstance(doc.meta, dict) else None


def _within_limit(docs: list[Document], opts: Options, report) -> list[Document]:
    """Documents up to `max_chars`; a longer one (a dump, not an article) is reported and
    skipped before anything reads it whole (date inference, tagging)."""
    if not opts.max_chars:
        return docs
    kept = []
    for doc in docs:
        if len(doc.text) <= opts.max_chars:
            kept.append(doc)
            continue
        where, line = _where(doc)
        report.on_error(DocumentError(
            where, f"document {doc.id!r} has {len(doc.text):,} characters, more than the limit of "
            f"{opts.max_chars:,}; split it into articles or raise --max-chars", line))
    return kept


def extract_document_or_error(doc: Document, options: Options) -> list[Event] | DocumentError:
    """extract_document, with a failure on this one document returned as a DocumentError so
    it is reported and the rest of the corpus goes on (top-level: runs in worker processes)."""
    try:
        return extract_document(doc, options)
    except Exception as exc:  # noqa: BLE001 - any bug on one document must not end the run
        log.debug("extraction failed on %s", doc.id, exc_info=True)
        where, line = _where(doc)
        return DocumentError(where, f"document {doc.id!r} could not be processed "
                             f"({type(exc).__name__}: {exc}); please report this", line)


def extract_document(doc: Document, options: Options) -> list[Event]:
    """Tag and extract one document (top-level so worker processes can run it)."""
    from timeline.events import extract_events
    from timeline.timex import tag

    timexes = tag(doc.text, ref_date=doc.date, mode=options.mode, lang=options.lang)
    mode = options.mode
    if mode == "auto":
        from dataclasses import replace

        from timeline.timex import mode_of

        mode = mode_of(doc.text, doc.date, options.lang)
        # events follow the story's last date only in a text read as a story throughout
        options = replace(options, mode="narrative" if mode == "narrative" else "news")
    events = extract_events(doc, timexes, options)
    for event in events:
        for mention in event.mentions:
            mention.mode = mode
    return events


def _documents(inputs, opts: Options, report) -> list[Document]:
    from timeline.documents import infer_dates, load_documents

    if isinstance(inputs, Document):
        inputs = [inputs]
    if isinstance(inputs, (list, tuple)) and inputs and all(isinstance(d, Document) for d in inputs):
        docs = list(inputs)
        if opts.ref_date is not None:
            docs = [d if d.date else _with_date(d, opts.ref_date) for d in docs]
        docs = _within_limit(docs, opts, report)
        return infer_dates(docs) if any(d.date is None for d in docs) else docs
    docs = load_documents(inputs, ref_date=opts.ref_date, on_error=report.on_error, infer=False)
    return infer_dates(_within_limit(docs, opts, report))


def _with_date(doc: Document, day) -> Document:
    import dataclasses

    return dataclasses.replace(doc, date=day, date_source="given")


def resolve_corpus_names(events: list[Event]) -> None:
    """Give bare surnames the full name the rest of the corpus uses ("Trump" -> "Donald
    Trump"), when exactly one full name in the corpus ends with it."""
    from timeline.events.actors import NameIndex

    index = NameIndex()
    for event in events:
        for name, kind in event.actor_kinds.items():
            index.add_name(name, kind)

    def resolved(name, kind):
        expanded = index.expand(name) if " " not in name else None
        if expanded:
            return expanded, index.kind_of(expanded, "org")  # "GM" -> "General Motors"
        full = index.resolve_name(name) if kind in ("person", "name") else name
        return full, ("person" if full != name else kind)

    for event in events:
        actors, kinds = [], {}
        for name in event.actors:
            full, kind = resolved(name, event.actor_kinds.get(name, "name"))
            if full not in kinds:
                actors.append(full)
                kinds[full] = kind
        for name, kind in event.actor_kinds.items():
            full, kind = resolved(name, kind)
            kinds.setdefault(full, kind)
        event.actors, event.actor_kinds = actors, kinds


def _mention_rank(m):
    from timeline.merge import CERTAINTY_RANK

    return (CERTAINTY_RANK.get(m.certainty, 3), -m.confidence, m.doc_id, m.evidence_start)


def sort_key(event: Event):
    return (event.start is None, event.start or 0, event.title, event.event_id)


def events_to_frame(events: list[Event]) -> pd.DataFrame:
    from timeline.days import to_datetime64
    from timeline.table import events_frame

    rows = []
    for event in events:
        # the telling the event's date, title and certainty come from (merge orders the same way)
        # (a telling of a wider date the row took in is not the one it shows: "in 1990" under Aug. 2)
        dated = [m for m in event.mentions if m.date == event.date] or event.mentions
        best = min(dated, key=_mention_rank) if dated else None
        sources = sorted({m.doc_id for m in event.mentions})
        url_of, title_of = {}, {}
        for m in event.mentions:
            if m.url:
                url_of.setdefault(m.doc_id, m.url)
            if m.doc_title:
                title_of.setdefault(m.doc_id, " ".join(m.doc_title.split()))
        rows.append({
            "event_id": event.event_id, "date": event.date,
            "start": to_datetime64(event.start) if event.start else pd.NaT,
            "end": to_datetime64(event.end) if event.end else pd.NaT,
            "granularity": event.granularity, "title": event.title, "description": event.description,
            "actors": list(event.actors), "place": event.place, "category": event.category,
            "sources": sources, "urls": [url_of.get(s, "") for s in sources],
            "source_titles": [title_of.get(s) or s for s in sources],
            "evidence": best.evidence if best else "", "evidence_doc": best.doc_id if best else "",
            "evidence_start": best.evidence_start if best else None,
            "evidence_end": best.evidence_end if best else None,
            "time_text": best.time_text if best else "", "certainty": event.certainty,
            "confidence": event.confidence, "importance": event.importance, "mentions": [m.to_dict() for m in event.mentions],
        })
    return events_frame(rows)
