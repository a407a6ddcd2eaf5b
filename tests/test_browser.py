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
import sys
import urllib.parse
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


def dump_dom(chromium: str, page: Path, tmp_path: Path, budget_ms: int = 5000, width: int = 800,
             fragment: str = "") -> str:
    """The DOM after the page's scripts ran, with all networking pointed at a dead proxy."""
    result = subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
         f"--user-data-dir={tmp_path / 'profile'}", f"--virtual-time-budget={budget_ms}",
         f"--window-size={width},900",
         "--dump-dom", page.as_uri() + fragment],
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


def measured(chromium: str, page: Path, tmp_path: Path, width: int = 1280) -> dict:
    """Screen boxes of the chart's labels and marks, and the view's event count, by Chromium."""
    after_script(page, BOXES_JS.read_text(encoding="utf-8"))
    dom = dump_dom(chromium, page, tmp_path, width=width)
    return json.loads(html.unescape(re.search(r'<pre id="boxes">(.*?)</pre>', dom, re.S)[1]))


def label_boxes(chromium: str, page: Path, tmp_path: Path, width: int = 1280) -> tuple[list, list]:
    found = measured(chromium, page, tmp_path, width)
    return found["labels"], found["points"] + found["bars"]


def overlaps(a, b, slack: float = 1.0) -> bool:
    return a[0] < b[2] - slack and b[0] < a[2] - slack and a[1] < b[3] - slack and b[1] < a[3] - slack


def seeds_table(seeds_dir: Path, tmp_path: Path) -> pd.DataFrame:
    events = tmp_path / "seeds.csv"
    assert main(["build", str(seeds_dir), "--out", str(events)]) in (0, 1)
    return read_events(events)


@pytest.mark.parametrize("width", [1280, 800])
@pytest.mark.parametrize("table", ["sample", "seeds"])
def test_labels_do_not_collide(chromium, tmp_path, table, width, seeds_dir):
    """Measured in Chromium after the page's script laid the view out for the window it has:
    no label overlaps another label or a mark, and no title is cut, on the sample and on the
    real seed build. In a desktop window (1280 px) every event in view has its label, as
    render() laid them out (the page keeps that layout: nothing is redrawn on load); in a
    narrow one (800 px) the page lays them out again, most have a label and the note counts
    the rest."""
    df = seeds_table(seeds_dir, tmp_path) if table == "seeds" else read_events(SAMPLE)
    page = tmp_path / f"{table}.html"
    to_html(df, page)
    found = measured(chromium, page, tmp_path, width)
    shown, marks_drawn = found["labels"], found["points"] + found["bars"]
    view = render(df)._timeline_view  # events outside the first view (2019, 2023) have no label
    in_view = len(df) - view["before"] - view["after"]
    assert view["before"] >= 2 and found["inView"] == in_view
    assert len(shown) == in_view if width >= 1024 else in_view // 2 <= len(shown) <= in_view
    assert found["first"] == ("kept" if width >= 1024 else "laid out")
    clashes = [(a[4], b[4]) for k, a in enumerate(shown) for b in shown[k + 1:] if overlaps(a, b)]
    assert not clashes
    hidden = [(lab[4], k) for lab in shown for k, p in enumerate(marks_drawn) if overlaps(lab, p)]
    assert not hidden
    assert all(is_label_of(lab[4], df["title"]) for lab in shown)


def is_label_of(label: str, titles) -> bool:
    """A label is a whole title, or the first 59 characters of a longer one and "…"."""
    return label in set(titles) or (label.endswith("…") and any(len(t) > 60 and t.startswith(label[:-1].rstrip())
                                                                 for t in titles))


def test_zooming_into_a_week_labels_every_event_of_it(chromium, tmp_path, seeds_dir):
    """The seed build's story week, zoomed to from the whole span: the page lays the labels
    out again and every event of the week has its whole title, none overlapping."""
    df = seeds_table(seeds_dir, tmp_path)
    page = tmp_path / "zoom.html"
    to_html(df, page, focus=False)
    week = (df["start"] >= pd.Timestamp("2025-01-31")) & (df["start"] <= pd.Timestamp("2025-02-06"))
    after_script(page, "Plotly.relayout(gd, {'xaxis.range': ['2025-01-30', '2025-02-07']});")
    found = measured(chromium, page, tmp_path, 1280)
    shown = found["labels"]
    assert found["inView"] >= int(week.sum()) >= 5
    assert all(any(is_label_of(lab[4], [title]) for lab in shown) for title in df.loc[week, "title"])
    assert not [(a[4], b[4]) for k, a in enumerate(shown) for b in shown[k + 1:] if overlaps(a, b)]


# Types in the search box, picks a filter, clicks a mark, presses the arrow keys and Escape,
# recording after each step what the chart, the list, the panel and the URL fragment show.
READER_JS = """
var root = gd.closest('.tl-root'), out = {};
function marks() {  // (the drawn traces: plotly sends numeric arrays to the page in binary form)
  var n = 0;
  gd._fullData.forEach(function (t) { if (t.meta === 'days' || t.meta === 'spans') {
    Array.from(t.y).forEach(function (v) { if (v !== null) { n++; } }); } });
  return n;
}
function listed() { return [].slice.call(root.querySelectorAll('.tl-list > .tl-event')).filter(function (li) { return !li.hidden; })
  .map(function (li) { return li.querySelector('.tl-title').textContent.split(' — ').slice(1).join(' — '); }); }
function labels() { return (gd.layout.annotations || []).filter(function (a) { return a.name === 'tl-label'; }).length; }
function panel() {
  var p = root.querySelector('.tl-panel');
  return {open: !p.hidden, title: (p.querySelector('.tl-panel-title') || {}).textContent,
          mark: (p.querySelector('mark') || {}).textContent, pos: p.querySelector('.tl-pos').textContent,
          sources: [].slice.call(p.querySelectorAll('.tl-panel-sources li')).map(function (l) { return l.textContent; }),
          links: [].slice.call(p.querySelectorAll('.tl-panel-sources a')).map(function (a) { return a.getAttribute('href'); })};
}
function snap() { return {marks: marks(), list: listed(), labels: labels(), hash: decodeURIComponent(location.hash),
                          count: root.querySelector('.tl-count').textContent, panel: panel(), range: gd.layout.xaxis.range}; }
function key(k) { document.body.dispatchEvent(new KeyboardEvent('keydown', {key: k, bubbles: true})); }
var steps = [
  function () { var q = root.querySelector('.tl-q'); q.focus(); q.value = 'Bukele'; q.dispatchEvent(new Event('input', {bubbles: true})); },
  function () { var f = root.querySelector('select[data-filter=certainty]'); f.value = 'explicit';
                f.dispatchEvent(new Event('change', {bubbles: true})); },
  function () { var t = gd.data.filter(function (t) { return t.meta === 'days'; });
                var i = [].concat.apply([], t.map(function (t) { return Array.from(t.customdata); }))
                  .filter(function (i) { return root.querySelectorAll('.tl-list > .tl-event')[i].textContent.indexOf('Coatepeque') >= 0; })[0];
                gd.emit('plotly_click', {points: [{customdata: i}]}); },
  function () { document.activeElement.blur(); key('ArrowLeft'); },
  function () { key('ArrowRight'); },
  function () { key('Escape'); }
];
var k = 0;
(function next() {
  if (k > 0) { out[k] = snap(); }
  if (k === steps.length) {
    var pre = document.createElement('pre'); pre.id = 'reader'; pre.textContent = JSON.stringify(out);
    document.body.appendChild(pre); return;
  }
  out[0] = out[0] || snap();
  steps[k++](); setTimeout(next, 400);
})();
"""


def read_like_a_reader(chromium, page: Path, tmp_path: Path, fragment: str = "") -> dict:
    after_script(page, READER_JS)
    result = subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
         f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=9000", "--window-size=1280,900",
         "--dump-dom", page.as_uri() + fragment], capture_output=True, text=True, timeout=120)
    return json.loads(html.unescape(re.search(r'<pre id="reader">(.*?)</pre>', result.stdout, re.S)[1]))


def test_search_filter_panel_and_arrow_keys(chromium, tmp_path):
    """The sample page read as a reader would: the search box and a filter narrow the chart and
    the list together and land in the URL fragment; a click opens the panel with the evidence
    (its time expression marked) and the sources by title; the arrow keys step through the
    matching events, panning the chart to each; Escape closes the panel."""
    df = read_events(SAMPLE)
    page = tmp_path / "reader.html"
    to_html(df, page)
    steps = read_like_a_reader(chromium, page, tmp_path)
    first, searched, filtered, clicked, back, forth, closed = (steps[str(k)] for k in range(7))
    assert first["marks"] == 12 and len(first["list"]) == 12 and first["labels"] == 10
    bukele = [t for t, ev, who in zip(df["title"], df["evidence"], df["actors"])
              if "bukele" in (t + ev + " ".join(who)).lower()]
    assert searched["marks"] == len(searched["list"]) == len(bukele) == 5
    assert searched["count"] == "5 of 12 events match" and searched["hash"] == "#q=Bukele"
    assert filtered["list"] == ["Bukele takes office", "Rubio meets Bukele at Lake Coatepeque"]
    assert filtered["marks"] == 2 and filtered["hash"] == "#q=Bukele&certainty=explicit"
    panel = clicked["panel"]
    assert panel["open"] and panel["title"] == "Rubio meets Bukele at Lake Coatepeque" and panel["pos"] == "2 / 2"
    assert panel["mark"] == "February 3, 2025"
    assert len(panel["sources"]) == 5 and panel["sources"][0].startswith("‘Extraordinary friendship’")
    assert "004_14d3067ffab1f62e" not in panel["sources"]
    assert clicked["hash"].endswith("&event=meeting")
    assert back["panel"]["title"] == "Bukele takes office" and back["panel"]["pos"] == "1 / 2"
    assert back["range"][0][:4] == "2019"  # the chart panned to 2019
    assert forth["panel"]["title"] == "Rubio meets Bukele at Lake Coatepeque"
    assert not closed["panel"]["open"] and "event=" not in closed["hash"]


def test_a_shared_fragment_opens_the_same_view(chromium, tmp_path):
    df = read_events(SAMPLE)
    page = tmp_path / "shared.html"
    to_html(df, page)
    steps = read_like_a_reader(chromium, page, tmp_path, "#category=migration&event=meeting")
    first = steps["0"]
    assert first["count"] == "4 of 12 events match" and len(first["list"]) == 4
    assert first["panel"]["open"] and first["panel"]["title"] == "Rubio meets Bukele at Lake Coatepeque"


def test_the_first_view_is_laid_out_before_the_event_list_is_parsed(chromium, tmp_path):
    """A standalone page's script lays the first view out as soon as plotly drew it, while the
    document is still loading (the list of thousands of events need not delay the chart); the
    list, parsed later, then shows what the shared link chose: the matching events, the selected
    one marked."""
    page = tmp_path / "early.html"
    to_html(read_events(SAMPLE), page)
    watch = ("<script>new MutationObserver(function (records, observer) {"
             " var gd = document.querySelector('.js-plotly-plot');"
             " if (gd && gd.hasAttribute('data-tl-ready')) { observer.disconnect();"
             "  window.tlAtReady = [document.readyState, document.querySelectorAll('.tl-event').length]; } })"
             ".observe(document.documentElement, {attributes: true, subtree: true, attributeFilter: ['data-tl-ready']});"
             "</script>")
    page.write_text(page.read_text(encoding="utf-8").replace("<head>", "<head>" + watch, 1), encoding="utf-8")
    after_script(page, "var items = [].slice.call(document.querySelectorAll('.tl-list > .tl-event'));"
                       "document.title = JSON.stringify({atReady: window.tlAtReady,"
                       " shown: items.filter(function (li) { return !li.hidden; }).length,"
                       " current: items.filter(function (li) { return li.classList.contains('tl-current'); })"
                       "  .map(function (li) { return li.querySelector('.tl-title').textContent.split(' — ')[1]; }),"
                       " heading: document.querySelector('.tl-events h2').textContent});")
    dom = dump_dom(chromium, page, tmp_path, fragment="#category=migration&event=meeting")
    seen = json.loads(html.unescape(re.search(r"<title>(.*?)</title>", dom, re.S)[1]))
    assert seen["atReady"] == ["loading", 0]
    assert seen["shown"] == 4 and seen["heading"] == "Events in date order (4 of 12 shown)"
    assert seen["current"] == ["Rubio meets Bukele at Lake Coatepeque"]


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
    # as many canvas pixels as screen pixels (plotly would draw four times as many)
    canvas = re.search(r'<canvas class="gl-canvas gl-canvas-context" width="(\d+)" height="(\d+)" style="([^"]*)"', dom)
    css = dict(re.findall(r"(width|height): (\d+)px", canvas[3]))
    assert (canvas[1], canvas[2]) == (css["width"], css["height"]) and int(css["width"]) > 500
    assert 'class="plotly-notifier"' not in dom  # where plotly would say "WebGL is not supported"
    bars = re.findall(r'<g class="point"><path d="M', main_plot(dom))
    assert len(bars) == 125 * 5
    assert dom.count('<li class="tl-event">') == 1500


def test_hostile_text_is_shown_literally_and_never_runs(chromium, tmp_path):
    rows = []
    for k, text in enumerate(HOSTILE):
        rows.append({"event_id": f"e{k} {text}", "title": f"T{k} {text}", "description": f"D{k} {text}",
                     "evidence": f"E{k} {text} said on Monday",
                     "date": f"2025-02-0{k + 1}", "actors": [f"A{k} {text}"], "sources": [f"S{k} {text}"],
                     "urls": ["javascript:alert(1)"], "category": text, "place": text,
                     "time_text": text, "certainty": "explicit"})
    page = tmp_path / "hostile.html"
    to_html(events_frame(rows), page, title="Hostile " + HOSTILE[0], lanes="actors", color="category")
    dom = dump_dom(chromium, page, tmp_path)
    title = re.search(r"<title>(.*?)</title>", dom, re.S)[1]
    assert title == "Hostile &lt;/script&gt;&lt;script&gt;document.title='x'&lt;/script&gt;"
    assert "<img" not in dom and "<svg onload" not in dom
    # the events as JSON data (never run), plotly config, plotly.js, the plot call
    assert len(re.findall(r"<script\b", dom)) == 4
    assert 'href="javascript' not in dom.lower()
    listing = dom[dom.index('<ol class="tl-list">'):]
    for k, text in enumerate(HOSTILE):
        escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        assert f"T{k} {escaped}" in listing and f"E{k} {escaped}" in listing
    svg = chart(dom)
    assert ">T4 $x$</text>" in svg  # the chart's own label: literal dollars, no MathJax
    assert ">T1 &lt;img src=x onerror=alert(1)&gt;</text>" in svg
    assert ">T0 &lt;/script&gt;&lt;script&gt;document.title='x'&lt;/script&gt;</text>" in svg
    # text nodes (attributes keep plotly's raw input), outside the page's own script
    shown = re.findall(r">([^<]+)<", re.sub(r"<script\b.*?</script>", "", svg, flags=re.S))
    assert not [t for t in shown if "&amp;" in t], "text shown double-escaped"
    assert 'data-math="Y"' not in svg
    # a shared link whose fragment carries hostile text too: the search finds the one event
    # and opens its panel, all as text
    fragment = "#" + urllib.parse.urlencode({"q": "T1 " + HOSTILE[1], "event": "e1 " + HOSTILE[1]})
    dom = dump_dom(chromium, page, tmp_path, fragment=fragment)
    assert re.search(r"<title>(.*?)</title>", dom, re.S)[1] == title
    assert "<img" not in dom and len(re.findall(r"<script\b", dom)) == 4
    assert '<span class="tl-count" aria-live="polite">1 of 5 events match</span>' in dom
    panel = dom[dom.index('<aside class="tl-panel"'):dom.index("</aside>")]
    assert "hidden" not in panel.split(">")[0]
    assert '<h3 class="tl-panel-title">T1 &lt;img src=x onerror=alert(1)&gt;</h3>' in panel
    assert "<a " not in panel  # javascript: is never a link


def test_click_opens_the_panel_whose_links_are_only_http(chromium, tmp_path):
    """A click on a mark opens the details panel, never a URL; the panel links an http(s)
    source and shows a javascript: one as plain text."""
    df = events_frame([{"title": "good", "date": "2025-02-03", "sources": ["a"], "source_titles": ["Good paper"],
                        "urls": ["https://news.example/a"]},
                       {"title": "evil", "date": "2025-02-04", "sources": ["b"], "urls": ["javascript:alert(1)"]}])
    fragment = to_html(df, fragment=True)
    plot_id = re.search(r'id="(timeline-plot-[0-9a-f]+)"', fragment)[1]
    harness = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>start</title></head><body>
<script>var opened = []; window.open = function (u) {{ opened.push(String(u)); }};</script>
{fragment}
<script>
document.addEventListener('DOMContentLoaded', function () {{ setTimeout(function () {{
  var gd = document.getElementById('{plot_id}'), body = document.querySelector('.tl-panel-body'), seen = [];
  [0, 1].forEach(function (i) {{
    gd.emit('plotly_click', {{points: [{{customdata: i}}]}});
    seen.push(body.querySelector('.tl-panel-sources').innerHTML);
  }});
  document.title = 'opened:' + opened.join('|') + ' panels:' + seen.join(' / ');
}}, 200); }});
</script></body></html>"""
    page = tmp_path / "harness.html"
    page.write_text(harness, encoding="utf-8")
    dom = dump_dom(chromium, page, tmp_path)
    title = html.unescape(re.search(r"<title>(.*?)</title>", dom, re.S)[1])
    assert title == ('opened: panels:<li><a href="https://news.example/a" rel="noopener noreferrer" target="_blank">'
                     'Good paper</a></li> / <li>b</li>')


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


def test_report_with_two_charts_carries_plotly_once_and_draws_both(chromium, tmp_path):
    """examples/report.py: one copy of plotly.js for the report; both charts draw their marks,
    each with its own search box, and their labels are laid out by the page's script."""
    out = tmp_path / "report.html"
    subprocess.run([sys.executable, str(SAMPLE.parent / "report.py"), "--out", str(out)], check=True,
                   capture_output=True)
    page = out.read_text(encoding="utf-8")
    assert len(re.findall(r"plotly\.js v\d", page)) == 1
    dom = dump_dom(chromium, out, tmp_path, width=1280)
    assert len(re.findall(r"class=\"plotly-graph-div js-plotly-plot\"", dom)) == 2
    assert dom.count('class="tl-q"') == 2
    assert len(re.findall(r'data-tl-labels="10"', dom)) == 2  # every event of the first view, in both


HISTORY = Path(__file__).resolve().parent / "data" / "world_history.txt"
HISTORY_YEARS = Path(__file__).resolve().parent / "data" / "world_history_years.tsv"


@pytest.mark.slow
def test_history_from_3000_bc_is_built_and_drawn_on_its_years(chromium, tmp_path):
    """A history from 3000 BC to today (written for this test): every event dated on its year,
    sorted, written as readers write it, and drawn by plotly.js on that year, under BC ticks."""
    expected = pd.read_csv(HISTORY_YEARS, sep="\t", comment="#", dtype=str)
    table_path, page, png = tmp_path / "history.csv", tmp_path / "history.html", tmp_path / "history.png"
    assert main(["build", str(HISTORY), "--out", str(table_path), "--quiet"]) == 0
    table = read_events(table_path)
    assert len(table) == len(expected) >= 30
    assert table["start"].is_monotonic_increasing
    for row in expected.itertuples():
        [k] = [k for k, text in enumerate(table["evidence"]) if row.key in text]
        assert table.loc[k, "start"] == pd.Timestamp(row.start), row.key
        assert "BC" not in table.loc[k, "title"] and "AD " not in table.loc[k, "title"]
    assert main(["render", str(table_path), "--out", str(page), "--png", str(png)]) == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    listed = [re.sub(r"<[^>]+>", "", m) for m in re.findall(r'class="tl-title">(.*?) — ', page.read_text(encoding="utf-8"))]
    assert listed == expected["when"].tolist()
    # where plotly.js itself puts each mark (a text plotly cannot read would land in 1970 or nowhere)
    after_script(page, """var years = {};
      gd.data.forEach(function (t) {
        if (t.meta !== 'days' && t.meta !== 'spans') { return; }
        t.customdata.forEach(function (i, k) {
          years[i] = new Date(gd._fullLayout.xaxis.d2l(t.meta === 'days' ? t.x[k] : t.base[k])).getUTCFullYear(); });
      });
      document.title = JSON.stringify(years);""")
    dom = dump_dom(chromium, page, tmp_path, width=1280)
    drawn = json.loads(html.unescape(re.search(r"<title>(.*?)</title>", dom, re.S)[1]))
    assert [drawn[str(k)] for k in range(len(table))] == expected["year"].astype(int).tolist()
    ticks = re.findall(r'class="xtick"[^>]*>.*?<text[^>]*>([^<]*)</text>', main_plot(dom))
    assert "1000 BC" in ticks and "2000" in ticks and not [t for t in ticks if t.startswith("-")]
