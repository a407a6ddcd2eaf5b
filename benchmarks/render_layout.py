"""How readable the first view of a timeline page is, measured in headless Chromium.

For each events table: the page is drawn at a given window width and Chromium reports the boxes
of the chart's labels and marks. Printed per table: events, labels drawn, labels cut with "…"
(whose title was not already cut), label/label and label/mark overlaps, pairs of day marks
drawn over each other (more than half of the smaller covered), and the share of the plot's
width the day marks in view spread over (the lower, the more the story is crammed into a sliver).

    python benchmarks/render_layout.py EVENTS.csv [...] [--width 1280] [--lanes actors]

Needs Debian's chromium. Run it with an older checkout on PYTHONPATH to compare versions.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

# The measuring script is shared with the browser test, which checks the same boxes.
BOXES_JS = Path(__file__).resolve().parent.parent / "tests" / "data" / "chart_boxes.js"
SCRIPT = ("<script>setTimeout(function () { var gd = document.querySelector('.js-plotly-plot');\n"
          + BOXES_JS.read_text(encoding="utf-8") + "}, 300);</script></body>")


def measure(page: Path, width: int, profile: Path) -> dict:
    page.write_text(page.read_text(encoding="utf-8").replace("</body>", SCRIPT), encoding="utf-8")
    result = subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--proxy-server=127.0.0.1:9",
         f"--user-data-dir={profile}", "--virtual-time-budget=6000", f"--window-size={width},1000",
         "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=180)
    found = re.search(r'<pre id="boxes">(.*?)</pre>', result.stdout, re.S)
    if not found:
        raise SystemExit(f"{page}: chromium drew no chart\n{result.stderr[-1000:]}")
    return json.loads(html.unescape(found[1]))


def overlap(a, b, slack: float = 1.0) -> bool:
    return a[0] < b[2] - slack and b[0] < a[2] - slack and a[1] < b[3] - slack and b[1] < a[3] - slack


def covered(a, b) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    if w <= 0 or h <= 0:
        return 0.0
    return w * h / min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tables", nargs="+")
    parser.add_argument("--width", type=int, default=1280, help="browser window width (px)")
    parser.add_argument("--lanes", default=None)
    args = parser.parse_args(argv)
    from timeline.chart import to_html
    from timeline.table import read_events

    print(f"{'table':24} {'events':>6} {'labels':>6} {'cut':>4} {'lab/lab':>7} {'lab/mark':>8} "
          f"{'mark/mark':>9} {'day spread':>10}")
    with tempfile.TemporaryDirectory() as tmp:
        for table in args.tables:
            df = read_events(table)
            page = Path(tmp) / "page.html"
            to_html(df, page, lanes=args.lanes)
            boxes = measure(page, args.width, Path(tmp) / "profile")
            notes = ("◀", "●")
            labels = [b for b in boxes["labels"] if not b[4].startswith(notes) and not b[4].endswith("▶")]
            titles = set(df["title"])
            cut = sum(1 for b in labels if b[4].endswith("…") and b[4] not in titles)
            lab_lab = sum(overlap(a, b) for k, a in enumerate(labels) for b in labels[k + 1:])
            marks = boxes["points"] + boxes["bars"]
            lab_mark = sum(overlap(a, m) for a in labels for m in marks)
            pts = boxes["points"]
            mark_mark = sum(covered(a, b) > 0.5 for k, a in enumerate(pts) for b in pts[k + 1:])
            plot = boxes["plot"]
            xs = [(m[0] + m[2]) / 2 for m in pts if plot[0] - 1 <= (m[0] + m[2]) / 2 <= plot[2] + 1]
            spread = (max(xs) - min(xs)) / (plot[2] - plot[0]) if xs else 0.0
            print(f"{Path(table).name[:24]:24} {len(df):6d} {len(labels):6d} {cut:4d} {lab_lab:7d} "
                  f"{lab_mark:8d} {mark_mark:9d} {spread:10.0%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
