"""Real headless Chromium, no network: the standalone page draws one mark per event, hostile
article text stays inert, the click handler opens only http(s), and PNG export works.

These run in CI (which installs Debian's chromium); locally they skip when chromium is absent."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest

from timeline.cli import main
from timeline.chart import render, to_html, to_image
from timeline.table import events_frame, read_events

pytestmark = pytest.mark.browser

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "events_sample.csv"
# The measuring script is shared with benchmarks/render_layout.py.
BOXES_JS = Path(__file__).resolve().parent / "data" / "chart_boxes.js"
HOSTILE = [
    "</script><script>document.title='x'</script>",
    "<img src=x onerror=alert(1)>",
    "<img src=x onerror=\"document.title='img'\">",
    "<svg onload=\"document.title='svg'\"></svg>",
    "$x$",
]


@pytest.fixture(scope="module")
def chromium() -> str:
    path = shutil.which("chromium")
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing: apt-get install chromium")
        pytest.skip("needs Debian's chromium (apt-get install chromium)")
    return path


def dump_dom(chromium: str, page: Path, tmp_path: Path, budget_ms: int = 5000, width: int = 800) -> str:
    """The DOM after the page's scripts ran, with all networking pointed at a dead proxy."""
    result = subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
         f"--user-data-dir={tmp_path / 'profile'}", f"--virtual-time-budget={budget_ms}",
         f"--window-size={width},900",
         "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def main_plot(dom: str) -> str:
    """The plot area without the range slider, which draws every trace a second time."""
    start = dom.index('class="cartesianlayer"')
    return dom[start:dom.index('class="rangeslider-container"', start)]


def chart(dom: str) -> str:
    """Everything the plot drew (SVG), before the event list."""
    return dom[dom.index('class="main-svg"'):dom.index('<section class="tl-events"')]


def test_standalone_page_offline_draws_one_mark_per_event(chromium, tmp_path):
    df = read_events(SAMPLE)
    page = tmp_path / "timeline.html"
    to_html(df, page, title="Rubio in El Salvador")
    dom = dump_dom(chromium, page, tmp_path)
    assert "<title>Rubio in El Salvador</title>" in dom
    plot = main_plot(dom)
    markers = re.findall(r'<path class="point[ "]', plot)
    bars = re.findall(r'<g class="point"><path d="M([\d.]+),[\d.]+V[\d.]+H([\d.]+)', plot)
    assert len(markers) == int((df["granularity"] == "day").sum()) == 7
    # the chart opens on Jan–Feb 2025: the 2019 and 2023 year bars wait outside the view
    assert len(bars) == 3
    assert all(float(x1) - float(x0) >= 1 for x0, x1 in bars)  # no invisible zero-length bar
    assert dom.count('<li class="tl-event">') == 12
    assert '>Trump takes office</text>' in chart(dom)  # labels drawn as SVG text
    assert "◀ 2 earlier events from 2019 (drag the slider or press “all”)</text>" in chart(dom)


def after_script(page: Path, script: str) -> None:
    """Append a script that runs once the plot is drawn (what a reader's click would do)."""
    html = page.read_text(encoding="utf-8")
    hook = ("<script>setTimeout(function () { var gd = document.querySelector('.js-plotly-plot');"
            f"{script} }}, 300);</script></body>")
    page.write_text(html.replace("</body>", hook), encoding="utf-8")


def test_all_button_shows_every_event_and_the_notes_follow_the_view(chromium, tmp_path):
    df = read_events(SAMPLE)
    page = tmp_path / "all.html"
    to_html(df, page)
    after_script(page, "Plotly.relayout(gd, {'xaxis.autorange': true});")  # what "all" does
    dom = dump_dom(chromium, page, tmp_path)
    assert len(re.findall(r'<g class="point"><path d="M', main_plot(dom))) == 5
    assert not [t for t in re.findall(r">([^<]*)</text>", chart(dom)) if "earlier event" in t]
    # zoomed into the last week of January: both notes count what is left and right of it
    page = tmp_path / "week.html"
    to_html(df, page)
    after_script(page, "Plotly.relayout(gd, {'xaxis.range': ['2025-01-25', '2025-01-29']});")
    svg = chart(dump_dom(chromium, page, tmp_path))
    assert "◀ 3 earlier events from 2019 (drag the slider or press “all”)</text>" in svg  # 2019, 2023, 20 Jan
    assert "6 later events to 2025 (drag the slider or press “all”) ▶</text>" in svg


def label_boxes(chromium: str, page: Path, tmp_path: Path, width: int = 1280) -> tuple[list, list]:
    """Screen boxes of the chart's labels and day markers, measured by Chromium."""
    after_script(page, BOXES_JS.read_text(encoding="utf-8"))
    dom = dump_dom(chromium, page, tmp_path, width=width)
    found = json.loads(html.unescape(re.search(r'<pre id="boxes">(.*?)</pre>', dom, re.S)[1]))
    return found["labels"], found["points"]


def overlaps(a, b, slack: float = 1.0) -> bool:
    return a[0] < b[2] - slack and b[0] < a[2] - slack and a[1] < b[3] - slack and b[1] < a[3] - slack


@pytest.mark.parametrize("width", [1280, 800])
@pytest.mark.parametrize("table", ["sample", "seeds"])
def test_labels_do_not_collide(chromium, tmp_path, table, width, seeds_dir):
    """Measured in Chromium: no label overlaps another label or a day marker, and no label
    is cut while the plot has room for it, on the sample and on the real seed build. In a
    desktop window (1280 px) every label in view is drawn; in a narrow one (800 px) the page's
    script hides the labels that would clash."""
    if table == "seeds":
        events = tmp_path / "seeds.csv"
        assert main(["build", str(seeds_dir), "--out", str(events)]) in (0, 1)
        df = read_events(events)
    else:
        df = read_events(SAMPLE)
    page = tmp_path / f"{table}.html"
    to_html(df, page)
    labels, points = label_boxes(chromium, page, tmp_path, width)
    shown = [lab for lab in labels if not lab[4].startswith(("◀", "●")) and not lab[4].endswith("▶")]
    view = render(df)._timeline_view  # labels of events outside the first view (2019, 2023) are not drawn
    in_view = len(df) - view["before"] - view["after"]
    assert view["before"] >= 2
    assert len(shown) == in_view if width >= 1024 else in_view // 2 <= len(shown) < in_view
    clashes = [(a[4], b[4]) for k, a in enumerate(shown) for b in shown[k + 1:] if overlaps(a, b)]
    assert not clashes
    hidden = [(lab[4], k) for lab in shown for k, p in enumerate(points) if overlaps(lab, p)]
    assert not hidden
    titles = set(df["title"])
    assert all(lab[4] in titles for lab in shown)  # whole titles, none cut with "…"


def test_large_table_draws_with_webgl(chromium, tmp_path):
    """1,500 events (the sample's, repeated across years): day events go to a WebGL canvas, spans
    stay SVG bars, and plotly reports no WebGL failure."""
    sample = read_events(SAMPLE)
    rows = []
    for k in range(125):
        for row in sample.to_dict("records"):
            shift = pd.DateOffset(years=-(k % 25), days=-(k // 25))
            rows.append({**row, "event_id": f"{row['event_id']}-{k}", "date": "",
                         "start": row["start"] + shift, "end": row["end"] + shift})
    df = events_frame(rows)
    page = tmp_path / "large.html"
    to_html(df, page, include_plotlyjs=True)
    dom = dump_dom(chromium, page, tmp_path, budget_ms=8000)
    assert 'class="gl-canvas gl-canvas-context"' in dom
    assert 'class="plotly-notifier"' not in dom  # where plotly would say "WebGL is not supported"
    bars = re.findall(r'<g class="point"><path d="M', main_plot(dom))
    assert len(bars) == 125 * 5
    assert dom.count('<li class="tl-event">') == 1500


def test_hostile_text_is_shown_literally_and_never_runs(chromium, tmp_path):
    rows = []
    for k, text in enumerate(HOSTILE):
        rows.append({"title": f"T{k} {text}", "description": f"D{k} {text}", "evidence": f"E{k} {text}",
                     "date": f"2025-02-0{k + 1}", "actors": [f"A{k} {text}"], "sources": [f"S{k} {text}"],
                     "urls": ["javascript:alert(1)"], "category": text, "place": text,
                     "time_text": text, "certainty": "explicit"})
    page = tmp_path / "hostile.html"
    to_html(events_frame(rows), page, title="Hostile " + HOSTILE[0], lanes="actors", color="category")
    dom = dump_dom(chromium, page, tmp_path)
    title = re.search(r"<title>(.*?)</title>", dom, re.S)[1]
    assert title == "Hostile &lt;/script&gt;&lt;script&gt;document.title='x'&lt;/script&gt;"
    assert "<img" not in dom and "<svg onload" not in dom
    assert len(re.findall(r"<script\b", dom)) == 3  # plotly config, plotly.js, the plot call
    assert 'href="javascript' not in dom.lower()
    listing = dom[dom.index('<ol class="tl-list">'):]
    for k, text in enumerate(HOSTILE):
        escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        assert f"T{k} {escaped}" in listing and f"E{k} {escaped}" in listing
    svg = chart(dom)
    assert ">T4 $x$</text>" in svg  # the chart's own label: literal dollars, no MathJax
    assert ">T1 &lt;img src=x onerror=alert(1)&gt;</text>" in svg
    assert ">T0 &lt;/script&gt;&lt;script&gt;document.title='x'&lt;/script&gt;</text>" in svg
    shown = re.findall(r">([^<]+)<", svg)  # text nodes (attributes keep plotly's raw input)
    assert not [t for t in shown if "&amp;" in t], "text shown double-escaped"
    assert 'data-math="Y"' not in svg


def test_click_opens_only_http_sources(chromium, tmp_path):
    df = events_frame([{"title": "good", "date": "2025-02-03", "urls": ["https://news.example/a"]},
                       {"title": "evil", "date": "2025-02-04", "urls": ["javascript:alert(1)"]}])
    fragment = to_html(df, fragment=True)
    plot_id = re.search(r'id="(timeline-plot-[0-9a-f]+)"', fragment)[1]
    # emit plotly's click event with both kinds of customdata and record what window.open receives
    harness = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>start</title></head><body>
<script>var opened = []; window.open = function (u) {{ opened.push(String(u)); }};</script>
{fragment}
<script>
var gd = document.getElementById('{plot_id}');
gd.emit('plotly_click', {{points: [{{customdata: 'javascript:alert(1)'}}]}});
gd.emit('plotly_click', {{points: [{{customdata: gd.data[0].customdata[1]}}]}});
gd.emit('plotly_click', {{points: [{{customdata: gd.data[0].customdata[0]}}]}});
document.title = 'opened:' + opened.join('|');
</script></body></html>"""
    page = tmp_path / "harness.html"
    page.write_text(harness, encoding="utf-8")
    dom = dump_dom(chromium, page, tmp_path)
    assert "<title>opened:https://news.example/a</title>" in dom


def test_png_export(chromium, tmp_path):
    png = to_image(read_events(SAMPLE), tmp_path / "timeline.png", width=900, scale=1)
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert width == 900 and height >= 360


def test_labels_stay_apart_in_the_all_view(chromium, tmp_path):
    """Pressing "all" squeezes six years into the plot: labels that would now cover a mark or
    another label give way, the rest stay."""
    page = tmp_path / "all.html"
    to_html(read_events(SAMPLE), page)
    page.write_text(page.read_text(encoding="utf-8").replace(
        "</body>", "<script>setTimeout(function () { Plotly.relayout(document.querySelector('.js-plotly-plot'),"
                   " {'xaxis.autorange': true}); }, 100);</script></body>"), encoding="utf-8")
    labels, points = label_boxes(chromium, page, tmp_path)
    shown = [lab for lab in labels if not lab[4].startswith(("◀", "●")) and not lab[4].endswith("▶")]
    assert "Bukele takes office" in [lab[4] for lab in shown]  # the 2019 label is drawn now
    assert not [(a[4], b[4]) for k, a in enumerate(shown) for b in shown[k + 1:] if overlaps(a, b)]
    assert not [lab[4] for lab in shown for p in points if overlaps(lab, p)]
