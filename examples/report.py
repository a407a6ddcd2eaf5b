"""A small HTML report that embeds a timeline chart and a table of its events.

    python examples/report.py [EVENTS.csv] [--out report.html]

Reads examples/events_sample.csv by default (the events of the five seed articles), and writes
one offline HTML file: a heading, a paragraph, the chart as an embeddable fragment (with its
accessible event list), and the events as a pandas table. All article text is escaped.
"""

from __future__ import annotations

import argparse
import html
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from timeline.atomic import atomic_write_text  # noqa: E402
from timeline.chart import to_html  # noqa: E402
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
    chart = to_html(df, fragment=True, lanes="actors", title="Who did what, when", heading_level=3)
    table = df.sort_values("start")[["date", "title", "actors", "sources", "time_text", "certainty", "confidence"]].copy()
    table["actors"] = table["actors"].map(", ".join)
    table["sources"] = table["sources"].map(lambda s: ", ".join(x.split("_")[0] for x in s))
    table_html = table.to_html(index=False, escape=True, classes="events", border=0, na_rep="")
    intro = (f"{len(df)} events told by {len(sources)} news reports of February 2025 about the US "
             "Secretary of State's visit to El Salvador. Hover over a mark for its evidence; the "
             "list under the chart gives the same events as text.")
    return (f"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{html.escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
            f"<h1>{html.escape(title)}</h1>\n<p>{html.escape(intro)}</p>\n"
            f"<h2>Timeline</h2>\n{chart}\n<h2>All events</h2>\n{table_html}\n</body>\n</html>\n")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Build a small HTML report around a timeline.")
    parser.add_argument("events", nargs="?", default=str(HERE / "events_sample.csv"))
    parser.add_argument("--out", default="report.html")
    parser.add_argument("--title", default="Rubio in El Salvador: a sourced timeline")
    args = parser.parse_args(argv)
    atomic_write_text(args.out, build_report(Path(args.events), args.title))
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
