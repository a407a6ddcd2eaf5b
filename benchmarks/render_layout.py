"""How readable a timeline page is, measured in headless Chromium (network off).

For each events table the page is drawn in a 1400x1000 window (by default) and Chromium reports,
after the page's script has laid the view out: events in the first view, labels drawn, label/label
and label/mark overlaps, pairs of day marks drawn over each other (more than half of the smaller
covered; WebGL marks, above 1,000 events, are not in the page's DOM and not counted), whether the
page has a search box, how long writing the page took (html s), when the first view was drawn,
laid out and painted (draw s: the first frame Chromium drew after the page's script had laid the
view out, real time from the start of loading, the median of --repeat loads; a plain plotly page is
measured first for comparison, as the machine's load shows in both), when the whole page, event
list included, was parsed and its script free again (list s), how much of the time to the first
view was the page's own script after plotly had drawn (script), and whether that script kept the
first view render() laid out or had to lay it out again (first). Then the chart is zoomed to the calendar
month holding most events (periods of ten days or more aside) and that month's events are checked
for a label; height is the chart's height then (px: a zoomed view grows taller when that labels
every day and week in it).

    python benchmarks/render_layout.py EVENTS.csv [...] [--seeds] [--synthetic 5000]
                                       [--width 1400] [--height 1000] [--lanes actors]

--seeds builds examples/seeds first; --synthetic N adds N synthetic events shaped like ten years
of news (benchmarks/render_speed.py). Needs Debian's chromium.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

# The measuring script is shared with the browser test, which checks the same boxes.
BOXES_JS = REPO / "tests" / "data" / "chart_boxes.js"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--proxy-server=127.0.0.1:9",
         "--host-resolver-rules=MAP * ~NOTFOUND"]


def hook(zoom: tuple[str, str] | None) -> str:
    """A script measuring the boxes once the page's script drew the first view (and, with
    `zoom`, once the chart was zoomed to that range and laid out again)."""
    boxes = BOXES_JS.read_text(encoding="utf-8")
    measure = "function measure() { " + boxes + " }"
    wait = ("function when(ready) { var t = setInterval(function () { if (ready()) { clearInterval(t); "
            "setTimeout(measure, 200); } }, 50); }")
    if zoom is None:
        act = "when(function () { return gd.hasAttribute('data-tl-ready'); });"
    else:
        act = ("when(function () { return gd.hasAttribute('data-tl-ready'); }); var measured = measure; "
               f"measure = function () {{ Plotly.relayout(gd, {{'xaxis.range': {json.dumps(list(zoom))}}}).then(function () {{ "
               "setTimeout(measured, 600); }); };")
    return ("<script>document.addEventListener('DOMContentLoaded', function () { "
            "var gd = document.querySelector('.js-plotly-plot');"
            f"{measure} {wait} {act} }});</script></body>")


def run_chromium(page: Path, width: int, height: int, profile: Path, budget: bool = True) -> tuple[str, float]:
    t0 = time.perf_counter()
    wait = ["--virtual-time-budget=20000"] if budget else []
    result = subprocess.run(["chromium", *FLAGS, f"--user-data-dir={profile}", *wait,
                             f"--window-size={width},{height}", "--dump-dom", page.as_uri()],
                            capture_output=True, text=True, timeout=300)
    return result.stdout, time.perf_counter() - t0


# Loaded first in <head>. draw: requestAnimationFrame runs just before the next frame is drawn and a
# task queued from it runs once that frame is done, so the time it reports is when the reader
# first sees the laid-out view. list: the first timer after the document (event list included)
# was parsed, with the view laid out. A plain plotly page is drawn when its document is parsed.
READY_PROBE = """<script>(function () {
  var drawn = null, listed = null, asked = false;
  function ready() {
    var gd = document.querySelector('.js-plotly-plot');
    return !!gd && (gd.hasAttribute('data-tl-ready') || (!document.querySelector('.tl-data') && !!gd._fullLayout));
  }
  function report() {
    if (drawn === null || listed === null) { return; }
    var gd = document.querySelector('.js-plotly-plot'), m = performance.getEntriesByName('tl-setup')[0];
    var at = +(gd.getAttribute('data-tl-ready') || 0);
    console.log('TLREADY ' + drawn + ' ' + listed + ' ' + (m ? Math.max(0, at - m.startTime) : 0));
  }
  function paint() {
    if (asked) { return; }
    asked = true;
    requestAnimationFrame(function () { setTimeout(function () { drawn = performance.now(); report(); }, 0); });
  }
  new MutationObserver(function (records, observer) { if (ready()) { observer.disconnect(); paint(); } })
    .observe(document.documentElement, {attributes: true, subtree: true, attributeFilter: ['data-tl-ready']});
  document.addEventListener('DOMContentLoaded', function () {
    if (ready()) { paint(); }
    var t = setInterval(function () { if (ready()) { clearInterval(t); listed = performance.now(); report(); } }, 10);
  });
})();</script>"""


def with_probe(text: str) -> str:
    at = text.index("<head>") + len("<head>")
    return text[:at] + READY_PROBE + text[at:]


def draw_seconds(page: Path, width: int, height: int, profile: Path) -> tuple[float, float, float]:
    """When the first view was drawn, laid out and painted, and when the whole page was parsed,
    by the page's own clock (seconds from the start of loading), in real time (no virtual time,
    which would fast-forward the clock); and the time the page's script took to lay the first
    view out after plotly had drawn the chart."""
    probe = page.with_name("probe-" + page.name)
    probe.write_text(with_probe(page.read_text(encoding="utf-8")), encoding="utf-8")
    result = subprocess.run(["chromium", *FLAGS, f"--user-data-dir={profile}", "--enable-logging=stderr",
                             f"--window-size={width},{height}", "--timeout=30000",
                             f"--screenshot={probe.with_suffix('.png')}", probe.as_uri()],
                            capture_output=True, text=True, timeout=300)
    found = re.search(r"TLREADY ([\d.]+) ([\d.]+) ([\d.]+)", result.stderr)
    return tuple(float(v) / 1000 for v in found.groups()) if found else (float("nan"),) * 3


def median(values):
    values = sorted(values)
    return values[len(values) // 2] if len(values) % 2 else (values[len(values) // 2 - 1] + values[len(values) // 2]) / 2


def plain_plotly_page(path: Path) -> Path:
    """A page with plotly.js and a two-point chart: what any plotly page costs on this machine."""
    import plotly.graph_objects as go

    go.Figure(go.Scatter(x=[1, 2], y=[1, 2])).write_html(path, include_plotlyjs=True)
    return path


def measure(page: Path, width: int, height: int, profile: Path, zoom=None) -> tuple[dict, float]:
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("</body>", hook(zoom)), encoding="utf-8")
    dom, seconds = run_chromium(page, width, height, profile)
    page.write_text(text, encoding="utf-8")
    found = re.search(r'<pre id="boxes">(.*?)</pre>', dom, re.S)
    if not found:
        raise SystemExit(f"{page}: chromium drew no chart")
    return json.loads(html.unescape(found[1])), seconds


def overlap(a, b, slack: float = 1.0) -> bool:
    return a[0] < b[2] - slack and b[0] < a[2] - slack and a[1] < b[3] - slack and b[1] < a[3] - slack


def covered(a, b) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    if w <= 0 or h <= 0:
        return 0.0
    return w * h / min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))


def label_of(title: str) -> str:
    from timeline.chart.figure import LABEL_CHARS, _short

    return _short(title, LABEL_CHARS)


def busiest_month(df) -> tuple[str, str, list[str]]:
    """The calendar month where most events begin (periods of a month or longer aside), as an
    axis range, and the labels its events should have."""
    import pandas as pd

    dated = df[df["start"].notna() & ((df["end"] - df["start"]) < pd.Timedelta(days=10))]
    month = dated["start"].dt.to_period("M").value_counts().idxmax()
    first = month.start_time
    inside = dated[dated["start"].dt.to_period("M") == month]
    return (str(first.date()), str((first + pd.offsets.MonthBegin(1)).date()),
            [label_of(t) for t in inside["title"]])


def counts(boxes: dict) -> dict:
    labels = boxes["labels"]
    marks = boxes["points"] + boxes["bars"]
    pts = boxes["points"]
    return {"labels": len(labels),
            "lab_lab": sum(overlap(a, b) for k, a in enumerate(labels) for b in labels[k + 1:]),
            "lab_mark": sum(overlap(a, m) for a in labels for m in marks),
            "mark_mark": sum(covered(a, b) > 0.5 for k, a in enumerate(pts) for b in pts[k + 1:])}


def tables(args, tmp: Path):
    from timeline.table import read_events

    if args.seeds:
        out = tmp / "seeds.csv"
        subprocess.run([sys.executable, "-m", "timeline", "build", str(REPO / "examples" / "seeds"), "--out", str(out),
                        "--quiet"], check=False, capture_output=True)
        yield "seeds", read_events(out)
    for path in args.tables:
        yield Path(path).name, read_events(path)
    if args.synthetic:
        sys.path.insert(0, str(REPO / "benchmarks"))
        from render_speed import synthetic_events

        yield f"synthetic-{args.synthetic}", synthetic_events(args.synthetic)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tables", nargs="*")
    parser.add_argument("--seeds", action="store_true", help="build examples/seeds and measure it first")
    parser.add_argument("--synthetic", type=int, default=0, metavar="N", help="also N synthetic events")
    parser.add_argument("--width", type=int, default=1400, help="browser window width (px)")
    parser.add_argument("--height", type=int, default=1000, help="browser window height (px)")
    parser.add_argument("--lanes", default=None)
    parser.add_argument("--repeat", type=int, default=5, help="draw times: the median of this many loads")
    args = parser.parse_args(argv)
    from timeline.chart import to_html

    print(f"{'table':22} {'events':>6} {'in view':>7} {'labels':>6} {'lab/lab':>7} {'lab/mark':>8} "
          f"{'mark/mark':>9} {'search':>6} {'html s':>6} {'draw s':>6} {'list s':>6} {'script':>6} {'first':>9} | "
          f"{'busiest month':>13} {'events':>6} {'labelled':>8} {'lab/lab':>7} {'lab/mark':>8} {'height':>6} | spread")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        plain = [draw_seconds(plain_plotly_page(tmp / "plain.html"), args.width, args.height, tmp / "profile")[0]
                 for _ in range(args.repeat)]
        print(f"(a plain plotly page with two points draws in {median(plain):.2f} s here "
              f"({min(plain):.2f}–{max(plain):.2f}); draw s below includes it)")
        for name, df in tables(args, tmp):
            page = tmp / "page.html"
            t0 = time.perf_counter()
            to_html(df, page, lanes=args.lanes)
            html_s = time.perf_counter() - t0
            loads = [draw_seconds(page, args.width, args.height, tmp / "profile") for _ in range(args.repeat)]
            draw, listed, script = (median([load[k] for load in loads]) for k in range(3))
            draws = sorted(load[0] for load in loads)
            first, _ = measure(page, args.width, args.height, tmp / "profile")
            c = counts(first)
            lo, hi, wanted = busiest_month(df)
            zoomed, _ = measure(page, args.width, args.height, tmp / "profile", zoom=(lo, hi))
            drawn = [b[4] for b in zoomed["labels"]]
            labelled = sum(1 for w in wanted if w in drawn)
            z = counts(zoomed)
            print(f"{name[:22]:22} {len(df):6d} {first['inView']:7d} {c['labels']:6d} {c['lab_lab']:7d} "
                  f"{c['lab_mark']:8d} {c['mark_mark']:9d} {'yes' if first['hasSearch'] else 'NO':>6} "
                  f"{html_s:6.2f} {draw:6.2f} {listed:6.2f} {script:6.2f} {first['first'] or '-':>9} | {lo[:7]:>13} "
                  f"{len(wanted):6d} {labelled:8d} {z['lab_lab']:7d} {z['lab_mark']:8d} {zoomed['height']:6.0f}"
                  f" | draws {draws[0]:.2f}–{draws[-1]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
