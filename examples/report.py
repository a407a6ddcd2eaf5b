"""A small HTML report with two timeline charts and a table of their events.

    python examples/report.py [EVENTS.csv] [--out report.html]

Reads examples/events_sample.csv by default (the events of the five seed articles), and writes
one offline HTML file: a heading, the story by who acted (one lane per actor), the same story by
kind of event, and the events as a pandas table. plotly.js is included once for the whole
report (`plotly_js()`); each chart is a fragment drawn with `include_plotlyjs=False`, with its
own search box, details panel and accessible event list. All article text is escaped.
"""

from __future__ import annotations

import argparse
import html
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from timeline.atomic import atomic_write_text  # noqa: E402
from timeline.chart import plotly_js, to_html  # noqa: E402
from timeline.table import read_events  # noqa: E402

STYLE = """
body { font-family: Georgia, serif; max-width: 1150px; margin: 2em auto; padding: 0 1em; color: #222; }
h1, h2 { font-family: system-ui, sans-serif; }
table.events { border-collapse: collapse; font-size: .85em; font-family: system-ui, sans-serif; }
table.events th, table.events td { border: 1px solid #ccc; padding: .3em .5em; vertical-align: top; text-align: left; }
table.events th { background: #f0f3f7; }
"""


def build_report(events_path: Path, title: str) -> str:
    df = read_events(events_path)
    sources = sorted({s for row in df["sources"] for s in row})
    # one copy of plotly.js in <head>; the charts below do not carry their own
    by_actor = to_html(df, fragment=True, include_plotlyjs=False, lanes="actors", title="Who did what, when",
                       heading_level=3)
    by_kind = to_html(df, fragment=True, include_plotlyjs=False, lanes="category", color="category",
                      title="What kind of event", heading_level=3, event_list=False)
    table = df.sort_values("start")[["date", "title", "actors", "source_titles", "time_text", "certainty",
                                     "confidence"]].copy()
    table["actors"] = table["actors"].map(", ".join)
    table["source_titles"] = table["source_titles"].map("; ".join)
    table = table.rename(columns={"source_titles": "sources"})
    table_html = table.to_html(index=False, escape=True, classes="events", border=0, na_rep="")
    intro = (f"{len(df)} events told by {len(sources)} news reports of February 2025 about the US "
             "Secretary of State's visit to El Salvador. Click a mark for its evidence and sources; "
             "search or filter above each chart; the list under the first chart gives the events as text.")
    return (f"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{html.escape(title)}</title>\n<style>{STYLE}</style>\n{plotly_js()}\n</head>\n<body>\n"
            f"<h1>{html.escape(title)}</h1>\n<p>{html.escape(intro)}</p>\n"
            f"<h2>By actor</h2>\n{by_actor}\n<h2>By kind of event</h2>\n{by_kind}\n"
            f"<h2>All events</h2>\n{table_html}\n</body>\n</html>\n")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Build a small HTML report around two timelines.")
    parser.add_argument("events", nargs="?", default=str(HERE / "events_sample.csv"))
    parser.add_argument("--out", default="report.html")
    parser.add_argument("--title", default="Rubio in El Salvador: a sourced timeline")
    args = parser.parse_args(argv)
    atomic_write_text(args.out, build_report(Path(args.events), args.title))
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
