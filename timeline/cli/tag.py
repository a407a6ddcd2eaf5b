"""`timeline tag`: find and normalize the time expressions of documents, as JSON lines or TimeML.

    timeline tag article.txt --ref-date 2025-02-04
    timeline tag corpus.jsonl                      # {"id": ..., "text": ..., "date": ...} per line
    timeline tag te3-input/*.tml --format timeml --out tagged/

TimeML files (`.tml`, `.xml`: the text of <TEXT>, the DCT as reference date) are read here;
every other input (text, Markdown, HTML, JSONL/CSV corpora, folders, `-` for stdin, a quoted
sentence) goes through `timeline.documents`, which also finds a document's date (a JSONL
`date`, a `date 2025-02-04` header line, a dateline) when --ref-date is not given. Offsets are
into the document's text (for HTML, the extracted text). A document that cannot be read or
tagged is reported on stderr and skipped; the others are still tagged, and the exit code is 1.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from timeline.errors import DocumentError, UsageError

TIMEML_SUFFIXES = (".tml", ".xml")
_UNSAFE_NAME = re.compile(r"[^\w.~-]+")


@dataclass
class _Input:
    """One document to tag and where its TimeML output goes."""

    doc_id: str
    text: str
    ref_date: dt.date | None
    out_name: str
    timeml: object | None = None  # the TimeMLDoc when the input was TimeML


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "tag", help="find and normalize time expressions (TIMEX3)",
        description="Find every time expression and give its TIMEX3 type and value.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n"
               "  timeline tag article.txt --ref-date 2025-02-04\n"
               "  timeline tag corpus.jsonl > timexes.jsonl\n"
               "  timeline tag te3-input/ --format timeml --out tagged/\n"
               "  timeline evaluate te3-gold/ tagged/")
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="text/Markdown/HTML files, JSONL (id, text, date) or CSV corpora, TimeML "
                        "files, folders, or - for stdin")
    p.add_argument("--ref-date", metavar="YYYY-MM-DD", type=_iso_date,
                   help="reference date of documents without a 'date' field (default: the date "
                        "found in the document); TimeML files always use their DCT")
    p.add_argument("--mode", choices=("auto", "news", "narrative"), default="auto",
                   help="news: relative dates anchor on the reference date; narrative: on the "
                        "latest fully specified date in the text; auto (default): chosen per "
                        "document and paragraph (each JSON line says which: \"mode\")")
    p.add_argument("--format", choices=("jsonl", "timeml"), default="jsonl",
                   help="jsonl: one JSON object per expression on stdout; timeml: one TimeML file "
                        "per document in --out (default: jsonl)")
    p.add_argument("--out", metavar="DIR", help="output folder for --format timeml")
    p.set_defaults(run=run)


def _iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        # argparse turns this into a usage error (exit 2) naming the option
        raise argparse.ArgumentTypeError(f"{value!r} is not a date; give it as YYYY-MM-DD") from None


def _is_timeml(path: Path) -> bool:
    return path.suffix.lower() in TIMEML_SUFFIXES


def _sources(inputs: list[str]) -> Iterator[tuple[Path, str] | str]:
    """(path, output name) for TimeML files, read here; everything else as given, for
    timeline.documents. A folder yields its TimeML files (output names keep their sub-folders,
    so `timeline evaluate` pairs them with the gold files) and, when it holds other documents
    too, itself."""
    from timeline.documents.inputs import file_format

    for item in inputs:
        path = Path(item)
        if item != "-" and path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file()
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
            yield from ((p, p.relative_to(path).as_posix()) for p in files if _is_timeml(p))
            if any(not _is_timeml(p) and file_format(p)[0] for p in files):
                yield item
        elif item != "-" and _is_timeml(path) and path.is_file():
            yield path, path.name
        else:
            yield item


def _documents(source: tuple[Path, str] | str, ref_date: dt.date | None,
               problems: list[DocumentError]) -> Iterator[_Input]:
    """The documents of one input; unreadable files and records go to `problems`."""
    if isinstance(source, tuple):
        from timeline.timeml import read_timeml

        path, out_name = source
        doc = read_timeml(path)
        yield _Input(path.stem, doc.text, doc.dct or ref_date, out_name, timeml=doc)
        return
    from timeline.documents import iter_documents

    for doc in iter_documents([source], ref_date=ref_date, on_error=problems.append):
        yield _Input(doc.id, doc.text, doc.date, f"{_UNSAFE_NAME.sub('_', doc.id)}.tml")


def _jsonl_lines(doc_id: str, timexes, runs) -> Iterator[str]:
    for t in timexes:
        mode = next((m for start, end, m in runs if start <= t.start < end), runs[-1][2])
        yield json.dumps({"doc_id": doc_id, "start": t.start, "end": t.end, "text": t.text,
                          "type": t.type, "value": t.value, "granularity": t.granularity,
                          "mod": t.mod, "mode": mode}, ensure_ascii=False)


def run(args) -> int:
    if args.format == "timeml" and not args.out:
        raise UsageError("--format timeml writes one file per document: give --out DIR")
    if args.out and args.format != "timeml":
        raise UsageError("--out is only used with --format timeml")
    from timeline.progress import progress
    from timeline.timex import tag

    out_dir = Path(args.out) if args.out else None
    if out_dir is not None and out_dir.exists() and not out_dir.is_dir():
        raise UsageError(f"--out {out_dir} exists and is not a folder")
    problems: list[DocumentError] = []
    reported = tagged = expressions = 0
    written: set[str] = set()
    sources = list(_sources(args.inputs))
    for source in progress(sources, total=len(sources), desc="files", unit="file"):
        try:
            for doc in _documents(source, args.ref_date, problems):
                count = _tag_one(doc, args, tag, out_dir, written, problems)
                if count is not None:
                    tagged += 1
                    expressions += count
        except DocumentError as exc:
            problems.append(exc)
        # report as we go, so a long run shows its problems before it ends
        for exc in problems[reported:]:
            print(f"error: {exc}", file=sys.stderr)
        reported = len(problems)
    sys.stdout.flush()
    where = f" into {out_dir}" if out_dir else ""
    print(f"tagged {tagged} document(s){where}: {expressions} time expression(s)"
          + (f"; {len(problems)} problem(s) reported above" if problems else ""), file=sys.stderr)
    return 1 if problems else 0


def _tag_one(doc: _Input, args, tag, out_dir: Path | None, written: set[str],
             problems: list[DocumentError]) -> int | None:
    """Tag one document and write its output; the number of expressions, None if skipped."""
    where = doc.doc_id
    try:
        timexes = tag(doc.text, ref_date=doc.ref_date, mode=args.mode)
    except Exception as exc:  # noqa: BLE001 -- one bad document must not stop the run
        problems.append(DocumentError(where, f"the tagger failed ({type(exc).__name__}: {exc})"))
        return None
    if out_dir is None:
        from timeline.timex import mode_runs

        runs = (mode_runs(doc.text, doc.ref_date) if args.mode == "auto"
                else [(0, len(doc.text), args.mode)])
        for line in _jsonl_lines(doc.doc_id, timexes, runs):
            sys.stdout.write(line + "\n")
        return len(timexes)
    from timeline.timeml import TimeMLDoc, write_timeml

    if doc.out_name in written:
        problems.append(DocumentError(where, f"a second document would also be written to "
                                             f"{out_dir / doc.out_name}; give documents distinct names/ids"))
        return None
    original = doc.timeml or TimeMLDoc(doc_id=doc.doc_id, text=doc.text, dct=doc.ref_date)
    try:
        write_timeml(original, timexes, out_dir / doc.out_name)
    except DocumentError as exc:
        problems.append(exc)
        return None
    except OSError as exc:
        problems.append(DocumentError(where, f"cannot write {out_dir / doc.out_name} ({exc.strerror or exc})"))
        return None
    written.add(doc.out_name)
    return len(timexes)
