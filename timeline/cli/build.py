"""`timeline build INPUTS... --out EVENTS.(csv|json|parquet|xlsx|html)`: articles to a timeline."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from timeline.errors import UsageError

TABLE_SUFFIXES = (".csv", ".json", ".parquet", ".pq", ".xlsx")
HTML_SUFFIXES = (".html", ".htm")


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "build", help="extract a deduplicated, sourced events table (or timeline) from articles",
        description="Read articles (.txt, .md, .html, JSONL/CSV corpora, directories, globs, '-' for "
                    "stdin), find their dated events, merge the tellings of each event across "
                    "articles, and write the events table (.csv, .json, .parquet, .xlsx) or, with an .html "
                    "name, the interactive timeline.")
    parser.add_argument("inputs", nargs="+", metavar="INPUTS", help="files, directories, globs or '-'")
    parser.add_argument("--out", "-o", required=True, metavar="PATH",
                        help="events table (.csv, .json, .parquet, .xlsx) or timeline (.html)")
    parser.add_argument("--html", metavar="PATH", help="also write the interactive timeline here")
    parser.add_argument("--ref-date", metavar="YYYY-MM-DD",
                        help="date of documents that carry none (default: found in the text or inferred)")
    parser.add_argument("--mode", choices=("auto", "news", "narrative"), default="auto",
                        help="news: relative dates count from the article's date; narrative: from the "
                             "last date mentioned (history, biographies); auto (default): chosen per "
                             "document and paragraph from the years it names")
    parser.add_argument("--merge-threshold", type=float, default=None, metavar="X",
                        help="similarity (0-1) at which two tellings are one event (default 0.5)")
    parser.add_argument("--min-confidence", type=float, default=None, metavar="X",
                        help="drop events below this confidence (default 0)")
    parser.add_argument("--title", default=None, help="timeline title (HTML output)")
    parser.add_argument("--about", default="", metavar="NAME",
                        help="keep only the events NAME takes part in, under any name the corpus gives it "
                             "(\"General Motors\" also finds GM)")
    scale = parser.add_argument_group("scale and reporting")
    scale.add_argument("--jobs", "-j", type=_jobs, default=0, metavar="N",
                       help="worker processes (default 0: every core)")
    scale.add_argument("--backend", choices=("serial", "processes", "dask"), default="processes",
                       help="where the per-document work runs (default: processes)")
    scale.add_argument("--scheduler", default="", metavar="ADDRESS",
                       help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (with --backend dask; "
                            "default: a local cluster of --jobs workers)")
    scale.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    scale.add_argument("--errors", metavar="PATH",
                       help="write one JSON line per skipped document (doc, line, reason) here")
    scale.add_argument("--max-chars", type=_jobs, default=5_000_000, metavar="N",
                       help="skip documents longer than N characters (default 5,000,000; 0: no limit)")
    parser.set_defaults(run=run)


def _jobs(text: str) -> int:
    """A count that is 0 or more (argparse calls this for --jobs and --max-chars)."""
    import argparse

    try:
        value = int(text.replace(",", "").replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {value}")
    return value


def _check_out(path: Path, allowed: tuple[str, ...], what: str) -> None:
    if path.suffix.lower() not in allowed:
        raise UsageError(f"{what} must end in {', '.join(allowed)}, not {path.name!r}")


def run(args) -> int:
    from timeline.pipeline import build

    out = Path(args.out)
    _check_out(out, TABLE_SUFFIXES + HTML_SUFFIXES, "--out")
    if args.html:
        _check_out(Path(args.html), HTML_SUFFIXES, "--html")
    options = {"mode": args.mode, "jobs": args.jobs, "backend": args.backend,
               "scheduler": args.scheduler, "quiet": args.quiet, "max_chars": args.max_chars,
               "about": args.about}
    if args.scheduler and args.backend != "dask":
        raise UsageError("--scheduler needs --backend dask")
    if args.ref_date:
        try:
            options["ref_date"] = dt.date.fromisoformat(args.ref_date)
        except ValueError:
            raise UsageError(f"--ref-date must be a date like 2025-02-04, not {args.ref_date!r}") from None
    for name in ("merge_threshold", "min_confidence"):
        value = getattr(args, name)
        if value is not None:
            if not 0.0 <= value <= 1.0:
                raise UsageError(f"--{name.replace('_', '-')} must be between 0 and 1, not {value}")
            options[name] = value
    from timeline.progress import note
    from timeline.report import RunReport, write_errors

    report = RunReport(echo=note)
    df = build(args.inputs, report=report, **options)
    n_docs = len({s for sources in df["sources"] for s in sources})
    title = args.title  # None: the renderer names the page after the main actors and period
    if out.suffix.lower() in HTML_SUFFIXES:
        _timeline(df, out, title)
    else:
        from timeline.table import write_events

        write_events(df, out)
    print(f"{len(df)} events from {n_docs} documents -> {out}", file=sys.stderr)
    if args.html:
        _timeline(df, Path(args.html), title)
        print(f"timeline -> {args.html}", file=sys.stderr)
    report.finish(events=len(df))
    if args.errors:
        write_errors(args.errors, report.errors)
    print(report.summary(), file=sys.stderr)
    # 0: every document processed; 1: some were skipped (each named above and in --errors)
    return report.exit_code


def _timeline(df, path: Path, title: str | None) -> None:
    """Draw the timeline; events of documents with no date at all cannot be placed on the time
    axis: the page lists them as undated, and we say how many."""
    from timeline.chart import to_html

    undated = int(df["start"].isna().sum())
    if undated:
        print(f"{undated} undated event(s) (documents with no date) listed under {path.name}'s chart, "
              f"not on it; give --ref-date to place them", file=sys.stderr)
    to_html(df, path, title=title)
