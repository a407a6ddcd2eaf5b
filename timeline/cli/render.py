"""`timeline render EVENTS.csv --out timeline.html`: an events table to an interactive timeline."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from timeline.errors import UsageError

LANES = ("actors", "sources", "category", "none")


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "render", help="draw an events table as an interactive HTML timeline (and images)",
        description="Draw an events table (.csv, .json, .parquet or .xlsx, as written by `timeline build`) "
                    "as one offline HTML file with the chart and an event list; optionally also "
                    "PNG/SVG/PDF images (needs Chromium) and TimelineJS3 JSON.")
    parser.add_argument("events", metavar="EVENTS", help="events table: .csv, .json, .parquet or .xlsx")
    parser.add_argument("--out", "-o", default="timeline.html", metavar="HTML",
                        help="HTML file to write (default: timeline.html)")
    parser.add_argument("--title", "-t", default=None,
                        help="chart and page title (default: the main actors and the period, "
                             "e.g. \"Donald Trump, Marco Rubio · 2019–2025\")")
    parser.add_argument("--whole-range", action="store_true",
                        help="open the chart on the whole date range (default: on the stretch holding "
                             "most events when a few lie years away)")
    parser.add_argument("--lanes", choices=LANES, default="none",
                        help="one horizontal lane per actor, source or category (default: none)")
    parser.add_argument("--color", default="certainty", metavar="COLUMN",
                        help="column whose values colour the marks (default: certainty; 'none' for one colour)")
    parser.add_argument("--fragment", action="store_true",
                        help="write an embeddable <div> instead of a whole page")
    parser.add_argument("--no-plotlyjs", action="store_true",
                        help="do not inline plotly.js (the host page must load it); smaller file")
    parser.add_argument("--png", metavar="PATH", help="also write a PNG image")
    parser.add_argument("--svg", metavar="PATH", help="also write an SVG image")
    parser.add_argument("--pdf", metavar="PATH", help="also write a PDF image")
    parser.add_argument("--timelinejs", metavar="PATH", help="also write TimelineJS3 JSON")
    parser.set_defaults(run=run)


def run(args) -> int:
    from timeline.chart import to_html, to_image
    from timeline.chart.view import default_title
    from timeline.atomic import atomic_write_text
    from timeline.table import read_events, to_timelinejs

    events = Path(args.events)
    if events.suffix.lower() not in (".csv", ".json", ".parquet", ".pq", ".xlsx"):
        raise UsageError(f"EVENTS must be a .csv, .json, .parquet or .xlsx table, not {events.name!r}")
    df = read_events(events)  # TableError -> exit 1 with every problem listed
    lanes = None if args.lanes == "none" else args.lanes
    color = None if args.color in ("none", "") else args.color
    if color is not None and color not in df.columns:
        raise UsageError(f"--color: the table has no column {color!r}")
    # no --title: the main actors and the period say more than the file's name
    fig_options = dict(lanes=lanes, color=color, title=args.title or default_title(df),
                       focus=not args.whole_range)
    html = to_html(df, args.out, fragment=args.fragment,
                   include_plotlyjs=not args.no_plotlyjs, **fig_options)
    print(f"wrote {args.out} ({len(df)} events, {len(html) / 1e6:.1f} MB)", file=sys.stderr)
    for fmt in ("png", "svg", "pdf"):
        target = getattr(args, fmt)
        if target:
            to_image(df, target, format=fmt, **fig_options)
            print(f"wrote {target}", file=sys.stderr)
    if args.timelinejs:
        atomic_write_text(args.timelinejs, json.dumps(to_timelinejs(df, title=fig_options["title"]),
                                                      ensure_ascii=False, indent=1) + "\n")
        print(f"wrote {args.timelinejs}", file=sys.stderr)
    return 0
