"""The renderer: traces and their positions, spans, lanes, escaped hover text, WebGL switch, HTML."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from timeline.errors import ExportError
from timeline.chart import render, to_html, to_image
from timeline.chart.hover import escape_text, safe_url, when_text, wrap, wrap_lines
from timeline.table import events_frame, read_events, validate_events

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "events_sample.csv"
EVIL = "</script><script>document.title='x'</script> <img src=x onerror=alert(1)> $x$"
DAY_MS = 86_400_000


@pytest.fixture(scope="module")
def sample():
    return read_events(SAMPLE)


def marks(fig):
    """(trace, index) of every drawn event: marker points and bars."""
    return [(t, i) for t in fig.data if t.meta in ("days", "spans") for i in range(len(t.y))]


def event_points(fig, sample):
    """event title -> (trace type, x or base, bar width) read back from the figure."""
    out = {}
    for trace in fig.data:
        for i, text in enumerate(trace.hovertext):
            title = re.match(r"<b>(.*?)</b>", text)[1].replace("<br>", " ")
            if trace.type == "bar":
                out[title] = ("bar", trace.base[i], int(trace.x[i]), trace.y[i])
            else:
                out[title] = (trace.type, trace.x[i], None, trace.y[i])
    return out


def test_one_mark_per_event_days_as_markers_spans_as_bars(sample):
    fig = render(sample)
    assert len(marks(fig)) == len(sample) == 12
    points = event_points(fig, sample)
    assert points[escape_text("Rubio meets Bukele at Lake Coatepeque")][:2] == ("scatter", "2025-02-03T00:00:00")
    assert points["Trump takes office"][:2] == ("scatter", "2025-01-20T00:00:00")
    # bars run from the first covered day to the day after the last: a week is 7 days wide
    assert points["Trump expands Guantanamo detention facility"][:3] == ("bar", "2025-01-27T00:00:00", 7 * DAY_MS)
    assert points["Order labels MS-13 and Tren de Aragua terror groups"][:3] == ("bar", "2025-01-01T00:00:00", 31 * DAY_MS)
    assert points["Bukele takes office"][:3] == ("bar", "2019-01-01T00:00:00", 365 * DAY_MS)
    assert {t.type for t in fig.data} == {"scatter", "bar"}
    assert all(t.orientation == "h" for t in fig.data if t.type == "bar")


def test_span_with_start_equal_end_is_still_a_visible_bar():
    df = events_frame([{"title": "a month", "date": "2025-01", "start": "2025-01-01", "end": "2025-01-01",
                        "granularity": "month"}])
    (bar,) = [t for t in render(df).data if t.type == "bar"]
    assert bar.x[0] == DAY_MS  # never zero length


def test_marks_do_not_collide_and_labels_are_annotations(sample):
    fig = render(sample)
    same_day = [(t.x[i], t.y[i]) for t in fig.data if t.meta == "days" for i in range(len(t.x))]
    assert len(same_day) == len(set(same_day)), "two markers drawn on top of each other"
    labels = [a for a in fig.layout.annotations if a.name == "tl-label"]
    view = fig._timeline_view  # the 2019 and 2023 events wait outside the first view
    assert len(labels) == len(sample) - view["before"] - view["after"] == 10
    assert fig.layout.xaxis.rangeslider.visible
    assert [b.label for b in fig.layout.xaxis.rangeselector.buttons][-1] == "all"


@pytest.mark.parametrize("lanes", ["actors", "sources", "category"])
def test_lanes(sample, lanes):
    fig = render(sample, lanes=lanes)
    ticks = dict(zip(fig.layout.yaxis.ticktext, fig.layout.yaxis.tickvals))
    first = {"actors": lambda r: r["actors"][0], "sources": lambda r: r["sources"][0],
             "category": lambda r: r["category"]}[lanes]
    assert set(ticks) == {first(r) for _, r in sample.iterrows()}
    lane_bands = {}
    points = event_points(fig, sample)
    for _, row in sample.iterrows():
        y = points[escape_text(row["title"])][3]
        lane_bands.setdefault(first(row), []).append(y)
    # each lane's events sit in its own band of rows, bands do not interleave
    bands = sorted((min(v), max(v)) for v in lane_bands.values())
    assert all(a[1] < b[0] for a, b in zip(bands, bands[1:]))
    for lane, ys in lane_bands.items():  # a long period's thin bar sits a quarter row low
        assert min(ys) - 0.25 <= ticks[lane] <= max(ys)


def test_lanes_busiest_first_and_empty_lane_last():
    df = events_frame([
        {"title": "a", "date": "2025-01-01", "actors": ["Rubio"]},
        {"title": "b", "date": "2025-01-02", "actors": []},
        {"title": "c", "date": "2025-01-03", "actors": ["Bukele"]},
        {"title": "d", "date": "2025-01-04", "actors": ["Bukele", "Rubio"]}])
    fig = render(df, lanes="actors")
    assert list(fig.layout.yaxis.ticktext) == ["Bukele", "Rubio", "(no actor named)"]
    with pytest.raises(ValueError, match="lanes must be one of"):
        render(df, lanes="place")


def test_many_lanes_share_one_for_the_quietest():
    df = events_frame([{"title": f"e{k}", "date": f"2025-01-{1 + k % 28:02d}", "sources": [f"doc{k % 45:02d}"]}
                       for k in range(90)])
    ticks = list(render(df, lanes="sources").layout.yaxis.ticktext)
    assert len(ticks) == 30 and ticks[-1] == "(16 others)"
    assert len(marks(render(df, lanes="sources"))) == 90


def test_static_figure_has_no_range_controls(sample):
    fig = render(sample, range_slider=False)
    assert not fig.layout.xaxis.rangeslider.visible and not fig.layout.xaxis.rangeselector.buttons


def test_hover_is_escaped_and_complete(sample):
    fig = render(sample)
    texts = {t: h for t_ in fig.data for t, h in zip(t_.hovertext, t_.hovertext)}
    week = next(h for h in texts if "Guantanamo" in h)
    assert "week of 27 Jan 2025" in week
    assert "Source: 000_21e3754d681186f4.txt" in week  # by title (here a file name), not by id
    assert "“Trump last week said he was expanding" in week
    month = next(h for h in texts if "Order labels" in h)
    assert "January 2025" in month
    year = next(h for h in texts if "CECOT" in h)
    assert "<br>2023 · <i>explicit</i>" in year


def test_hover_data_adds_columns(sample):
    frame = sample.assign(note=["<i>n</i>"] * len(sample))
    fig = render(frame, hover_data=["confidence", "time_text", "note"])
    meeting = next(h for t in fig.data for h in t.hovertext if "Lake Coatepeque</b>" in h)
    assert "<br>confidence: 0.95<br>time_text: February 3, 2025<br>note: &lt;i&gt;n&lt;/i&gt;<br>" in meeting
    with pytest.raises(ValueError, match="hover_data: no column 'nope'"):
        render(sample, hover_data=["nope"])


def test_malicious_text_is_escaped_everywhere():
    df = events_frame([{"title": EVIL, "description": EVIL, "evidence": EVIL, "date": "2025-02-03",
                        "start": "2025-02-03", "end": "2025-02-03", "granularity": "day",
                        "actors": [EVIL], "sources": [EVIL], "urls": ["javascript:alert(1)"],
                        "category": EVIL, "certainty": "explicit"}])
    fig = render(df, lanes="actors", title=EVIL, color="category")
    hover = fig.data[0].hovertext[0]
    assert "<script" not in hover and "<img" not in hover and "$" not in hover
    assert "&lt;/script&gt;&lt;script&gt;document.title='x'&lt;/script&gt;" in hover
    assert "&#36;x&#36;" in hover
    assert list(fig.data[0].customdata) == [0]  # a click opens the details panel, not the URL
    assert "click to open" not in hover
    assert "<script" not in fig.layout.title.text and "<script" not in fig.layout.yaxis.ticktext[0]
    assert "<img" not in fig.data[0].name
    page = to_html(fig)
    # the only literal script tags are ours and plotly's: article text never closes or opens one
    # (the events as JSON data, plotly's config, plotly.js, the plot call): 4 of each
    assert page.count("</script>") == page.count("<script") == 4
    data = re.search(r'<script type="application/json" class="tl-data">(.*?)</script>', page, re.S)[1]
    assert "<" not in data and ">" not in data and "&" not in data  # as \u escapes
    assert json.loads(data)["title"] == [EVIL] and json.loads(data)["urls"] == [[""]]
    outside_scripts = re.sub(r"<script\b.*?</script>", "", page, flags=re.S)
    assert "<img" not in outside_scripts and "javascript:" not in outside_scripts
    assert "&lt;img src=x onerror=alert(1)&gt;" in outside_scripts  # shown, as text
    plot_call = page.split("<script")[-1]  # the figure's JSON
    assert "javascript:" not in plot_call and "<img" not in plot_call


def test_plotly_json_escapes_script_end():
    fig = go.Figure(go.Scatter(x=[1], y=[1], text=["</script><script>alert(1)</script>"]))
    html = fig.to_html(include_plotlyjs=False, full_html=False)
    assert html.count("</script>") == 1
    assert "\\u003c\\u002fscript\\u003e" in html


def test_webgl_above_threshold():
    def days(n):
        return events_frame([{"title": f"e{k}", "date": f"2024-{1 + k % 12:02d}-{1 + k % 28:02d}"} for k in range(n)])
    small, large = render(days(1000)), render(days(1001))
    assert {t.type for t in small.data} == {"scatter"}
    assert {t.type for t in large.data} == {"scattergl"}
    assert sum(len(t.x) for t in large.data) == 1001
    # as many labels as fit, not one per event
    assert 25 <= len([a for a in large.layout.annotations if a.name == "tl-label"]) < 500
    assert render(days(5), webgl=True).data[0].type == "scattergl"


def test_one_event_has_a_padded_axis():
    fig = render(events_frame([{"title": "only", "date": "2025-02-03"}]))
    lo, hi = (pd.Timestamp(v) for v in fig.layout.xaxis.range)
    assert lo <= pd.Timestamp("2025-01-28") and hi >= pd.Timestamp("2025-02-10")
    assert len(marks(fig)) == 1


def test_zero_events_render():
    fig = render(events_frame())
    assert not marks(fig)
    assert "No dated events." in to_html(events_frame())


def test_colour_legend(sample):
    fig = render(sample)
    assert fig.layout.legend.title.text == "How the date is known"
    legend = {t.name: t.marker.color for t in fig.data if t.showlegend}
    assert legend == {"stated in the text": "#0072B2", "worked out (e.g. “last week”)": "#009E73",
                      "inferred from the story": "#E69F00"}
    assert {t.name for t in render(sample, color=None).data} == {"event"}
    by_cat = render(sample, color="category")
    assert {t.name for t in by_cat.data if t.showlegend} == set(sample["category"])


def test_standalone_page(sample, tmp_path):
    path = tmp_path / "t.html"
    page = to_html(sample, path, title="Rubio & Bukele")
    assert path.read_text(encoding="utf-8") == page
    assert page.startswith("<!DOCTYPE html>") and '<html lang="en">' in page
    assert "<title>Rubio &amp; Bukele</title>" in page and "<h1>Rubio &amp; Bukele</h1>" in page
    # works offline: plotly.js inline, nothing loaded from elsewhere
    assert len(page) > 3_000_000 and "plotly.js v" in page
    assert not re.search(r"<script[^>]+src=|<link[^>]+href=|@import", page)
    assert "MathJax.Hub" not in page and "mathjax" not in page.split("</head>")[0].lower()
    assert "@media print" in page
    assert "plotly_click" in page and "noopener" in page
    # the event list: an ordered list in date order, with headings
    items = re.findall(r'<time datetime="([\d-]+)">', page)
    assert len(items) == 12 and items == sorted(items)
    assert 'class="tl-skip" href="#timeline-events-' in page
    assert "Events in date order (12)" in page


def test_page_draws_webgl_at_the_screens_pixel_ratio_and_sets_up_early(sample):
    """plotly's WebGL canvases get the screen's pixel ratio (computed in the browser, within
    plotly's 1..4), not plotly's default of 2; the only chart of a page is marked so its script
    need not wait for the rest of the page, and the details panel comes before the chart."""
    page, frag = to_html(sample, include_plotlyjs=False), to_html(sample, fragment=True, include_plotlyjs=False)
    for html_text in (page, frag):
        assert html_text.count('"plotGlPixelRatio": Math.min(4, Math.max(1, window.devicePixelRatio || 1))}') == 1
        assert "timeline-screen-pixel-ratio" not in html_text
        assert html_text.index('<aside class="tl-panel"') < html_text.index('class="plotly-graph-div"')
    assert re.search(r'<div class="tl-root" id="timeline-[0-9a-f]+" data-tl-alone>', page)
    # a report may hold several charts sharing the URL fragment
    assert re.search(r'<div class="tl-root" id="timeline-[0-9a-f]+">', frag)
    # an event titled like the placeholder is only text
    odd = events_frame([{"title": "timeline-screen-pixel-ratio", "date": "2025-02-03", "category": "x"}])
    assert to_html(odd, include_plotlyjs=False, color="category").count("window.devicePixelRatio") == 1


def test_event_list_links_only_http():
    df = events_frame([{"title": "t", "date": "2025-02-03", "sources": ["good", "bad", "none"],
                        "urls": ["https://news.example/a?b=1&c=2", "javascript:alert(1)", ""]}])
    page = to_html(df, include_plotlyjs=False)
    listing = page.split('class="tl-list"')[1]
    assert '<a href="https://news.example/a?b=1&amp;c=2" rel="noopener noreferrer">good</a>, bad, none' in listing
    assert "javascript:" not in listing


def test_fragment(sample, tmp_path):
    frag = to_html(sample, tmp_path / "f.html", fragment=True, include_plotlyjs=False, title="Embedded")
    assert frag.startswith('<div class="tl-root"') and frag.endswith("</div>") and "<html" not in frag and "<body" not in frag
    assert '<div class="tl-root"' in frag and '<ol class="tl-list">' in frag
    assert "page-only" not in frag and "main {" not in frag  # the host page keeps its own styles
    assert len(frag) < 400_000  # plotly.js not inlined
    assert (tmp_path / "f.html").read_text(encoding="utf-8") == frag
    assert "Embedded" in frag  # a fragment's chart carries its title


def test_figure_input_keeps_event_list(sample):
    fig = render(sample, lanes="sources")
    page = to_html(fig, include_plotlyjs=False)
    assert page.count('<li class="tl-event">') == 12
    bare = go.Figure(go.Scatter(x=[1], y=[1]))
    assert '<ol class="tl-list">' not in to_html(bare, include_plotlyjs=False)
    with pytest.raises(TypeError):
        to_html(fig, lanes="actors")


@pytest.mark.parametrize("date,start,end,gran,expected", [
    ("2025-02-03", "2025-02-03", "2025-02-03", "day", "3 Feb 2025"),
    ("2025-W05", "2025-01-27", "2025-02-02", "week", "week of 27 Jan 2025"),
    ("2025-W05-WE", "2025-02-01", "2025-02-02", "week", "weekend of 1 Feb 2025"),
    ("2025-01", "2025-01-01", "2025-01-31", "month", "January 2025"),
    ("2025-Q1", "2025-01-01", "2025-03-31", "quarter", "Q1 2025"),
    ("2025-H2", "2025-07-01", "2025-12-31", "half", "H2 2025"),
    ("2024-WI", "2024-12-01", "2025-02-28", "season", "winter 2024–25"),
    ("2025-SU", "2025-06-01", "2025-08-31", "season", "summer 2025"),
    ("2023", "2023-01-01", "2023-12-31", "year", "2023"),
    ("199", "1990-01-01", "1999-12-31", "decade", "the 1990s"),
    ("19", "1900-01-01", "1999-12-31", "century", "the 1900s"),
    ("2025-02-03T14:30", "2025-02-03 14:30", "2025-02-03 14:30", "time", "3 Feb 2025, 14:30"),
    ("2025-02-03TEV", "2025-02-03", "2025-02-03", "time", "3 Feb 2025, evening"),
    ("2025-01-10", "2025-01-10", "2025-01-20", "range", "10–20 Jan 2025"),
    ("2024-12-20", "2024-12-20", "2025-01-05", "range", "20 Dec 2024 – 5 Jan 2025"),
    # before AD 1, as readers write it (start/end hold astronomical years: -0479 is 480 BC)
    ("BC0480", "-0479-01-01", "-0479-12-31", "year", "480 BC"),
    ("BC0001", "0000-01-01", "0000-12-31", "year", "1 BC"),
    ("BC0044-03-15", "-0043-03-15", "-0043-03-15", "day", "15 Mar 44 BC"),
    ("BC0480-08", "-0479-08-01", "-0479-08-31", "month", "August 480 BC"),
    ("BC0480-WI", "-0479-12-01", "-0478-02-28", "season", "winter 480–479 BC"),
    ("BC0001-WI", "0000-12-01", "0001-02-28", "season", "winter 1 BC – AD 1"),
    ("BC048", "-0488-01-01", "-0479-12-31", "decade", "the 480s BC"),
    ("BC04", "-0499-01-01", "-0400-12-31", "century", "the 5th century BC"),
    ("BC2", "-2999-01-01", "-2000-12-31", "millennium", "the 3rd millennium BC"),
    ("", "-0009-03-01", "0005-01-01", "range", "1 Mar 10 BC – 1 Jan AD 5"),
])
def test_when_text(date, start, end, gran, expected):
    assert when_text(date, pd.Timestamp(start), pd.Timestamp(end), gran) == expected


def test_wrap_and_urls():
    wrapped = wrap("word " * 40 + "<b>", width=30)
    assert all(len(line) <= 30 for line in wrapped.replace("&lt;", "<").replace("&gt;", ">").split("<br>"))
    assert wrapped.endswith("&lt;b&gt;")
    assert wrap("x " * 100, width=10, max_lines=2).count("<br>") == 1
    assert safe_url("https://a.example/x?y=1") and safe_url("HTTP://A.EXAMPLE")
    for bad in ("javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", "//evil.example",
                "https://a.example/\"onmouseover=x", "file:///etc/passwd", "", None):
        assert not safe_url(bad)


@given(st.text(alphabet=st.sampled_from(list("abc  \n<&$")), max_size=200), st.integers(5, 40))
@settings(max_examples=200, deadline=None)
def test_wrap_lines_keeps_every_word_within_width(text, width):
    lines = wrap_lines(text, width)
    assert all(len(line) <= width for line in lines)
    assert "".join("".join(lines).split()) == "".join(text.split())


def test_image_export_without_browser_says_what_to_install(monkeypatch, tmp_path, sample):
    monkeypatch.delenv("BROWSER_PATH", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ExportError, match="apt-get install chromium"):
        to_image(sample, tmp_path / "t.png")
    assert not (tmp_path / "t.png").exists()


def test_image_export_draws_again_when_kaleido_s_page_was_not_ready(monkeypatch, tmp_path, sample):
    # kaleido on a busy machine: "ReferenceError: kaleido_scopes is not defined", then an image
    fig = render(sample)
    calls = []

    def flaky(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("JavascriptError: ReferenceError: kaleido_scopes is not defined")
        return b"\x89PNG\r\n\x1a\n"

    monkeypatch.setattr(fig, "to_image", flaky)
    monkeypatch.setenv("BROWSER_PATH", "/bin/sh")
    to_image(fig, tmp_path / "t.png")
    assert len(calls) == 2 and (tmp_path / "t.png").read_bytes().startswith(b"\x89PNG")


def test_public_api_render_is_a_plain_function_after_importing_the_package(sample):
    import inspect

    import timeline
    import timeline.chart  # noqa: F401  (a package named render would rebind timeline.render)

    assert inspect.isfunction(timeline.render)
    assert timeline.render.__module__ == "timeline.chart.figure"
    assert isinstance(timeline.render(sample), go.Figure)
    assert timeline.to_html is to_html


def test_embedding_options(sample):
    frag = to_html(sample, fragment=True, include_plotlyjs="cdn", heading_level=3)
    assert re.search(r'<script charset="utf-8" src="https://cdn\.plot\.ly/plotly-[\d.]+\.min\.js"', frag)
    assert '<h3 id="timeline-events-' in frag and '<h4 class="tl-title">' in frag
    assert '<ol class="tl-list"' not in to_html(sample, fragment=True, include_plotlyjs=False, event_list=False)
    # two fragments on one report page never share element ids
    ids = re.findall(r'id="([^"]+)"', to_html(sample, fragment=True, include_plotlyjs=False)
                     + to_html(sample, fragment=True, include_plotlyjs=False))
    assert len(ids) == len(set(ids))


# ---------------------------------------------------------------- first view, title, undated

def test_first_view_opens_on_the_story_and_counts_the_rest(sample):
    """The sample's ten Jan–Feb 2025 events open the chart; the 2019 and 2023 bars stay drawn and
    reachable through the range slider, and a note at the plot's corner counts them."""
    fig = render(sample)
    lo, hi = (pd.Timestamp(v) for v in fig.layout.xaxis.range)
    assert pd.Timestamp("2024-12-20") <= lo <= pd.Timestamp("2025-01-01")
    assert pd.Timestamp("2025-02-04") <= hi <= pd.Timestamp("2025-03-01")
    slider_lo, slider_hi = (pd.Timestamp(v) for v in fig.layout.xaxis.rangeslider.range)
    assert slider_lo < pd.Timestamp("2019-01-01") and slider_hi >= pd.Timestamp("2025-02-04")
    assert len(marks(fig)) == 12  # nothing dropped, only outside the first view
    notes = {a.name: a for a in fig.layout.annotations if a.name}
    assert notes["tl-outside-before"].visible
    assert notes["tl-outside-before"].text == "◀ 2 earlier events from 2019 (drag the slider or press “all”)"
    assert notes["tl-outside-after"].visible is False and notes["tl-outside-after"].text == ""
    assert fig._timeline_view == {"before": 2, "after": 0, "undated": 0, "range": tuple(fig.layout.xaxis.range)}
    page = to_html(sample, include_plotlyjs=False)
    assert ("The chart opens on 30 Dec 2024 – 6 Feb 2025, where most events are; 2 earlier events are"
            " outside that view: drag the range slider or press “all”.") in page
    assert "plotly_relayout" in page  # the notes are recounted as the reader pans


def test_first_view_is_the_whole_span_when_nothing_crowds(sample):
    story = sample[sample["start"] >= pd.Timestamp("2025-01-01")]
    fig = render(story)
    lo, hi = (pd.Timestamp(v) for v in fig.layout.xaxis.range)
    assert lo <= pd.Timestamp("2025-01-01") and hi >= pd.Timestamp("2025-02-04")
    assert fig._timeline_view["range"] is None
    assert fig.layout.xaxis.range == fig.layout.xaxis.rangeslider.range
    assert not any(a.visible for a in fig.layout.annotations if a.name)
    whole = render(sample, focus=False)
    assert pd.Timestamp(whole.layout.xaxis.range[0]) < pd.Timestamp("2019-01-01")
    # a static image names what it leaves out, without the slider advice
    static = render(sample, range_slider=False)
    assert [a.text for a in static.layout.annotations if a.name and a.name.startswith("tl-outside")] \
        == ["◀ 2 earlier events from 2019"]


def test_focus_window_on_the_seed_dates():
    from timeline.chart.view import focus_window, outside

    day = lambda s: pd.Timestamp(s).value / 86_400e9  # noqa: E731
    # the seed build's events: 2019, 2023, January 2025, then nine in the last week of January
    starts = np.array([day(d) for d in ["2019-01-01", "2023-01-01", "2025-01-01", "2025-01-20", "2025-01-27",
                                         "2025-01-27"] + ["2025-02-03"] * 5])
    ends = starts + np.array([365, 365, 31, 0, 7, 7, 0, 0, 0, 0, 0])
    lo, hi = focus_window(starts, ends)
    assert (lo, hi) == (day("2025-01-01"), day("2025-02-04"))
    assert outside(starts, ends, lo, hi) == (2, 0)
    assert focus_window(starts[:3], ends[:3]) is None  # too few events to crowd
    even = np.array([day(f"{y}-06-01") for y in range(2015, 2026)])
    assert focus_window(even, even) is None  # evenly spread: the whole span reads well


def test_default_title_names_the_main_actors_and_period(sample):
    from timeline.chart.view import default_title, period_text

    assert default_title(sample) == "Donald Trump, Marco Rubio · 2019–2025"
    page = to_html(sample, include_plotlyjs=False)
    assert "<h1>Donald Trump, Marco Rubio · 2019–2025</h1>" in page
    assert "<title>Donald Trump, Marco Rubio · 2019–2025</title>" in page
    assert "<h1>Given</h1>" in to_html(sample, include_plotlyjs=False, title="Given")
    feb = sample[sample["date"] == "2025-02-03"]
    assert default_title(feb) == "Marco Rubio, Nayib Bukele · 3 Feb 2025"
    # an actor of one event among many does not make the title
    nobody = validate_events(pd.DataFrame([{"title": "a", "date": "2025-01", "actors": ["X"]},
                                           {"title": "b", "date": "2025-02-03", "actors": ["Y"]}]))
    assert default_title(nobody) == "Timeline · Jan–Feb 2025"
    assert default_title(events_frame()) == "Timeline"
    assert period_text("2025-01-01", "2025-01-31") == "January 2025"
    assert period_text("2025-02-03", "2025-02-05") == "3–5 Feb 2025"


def test_labels_are_whole_titles_when_there_is_room(sample):
    """Every event of the first view has its whole title; the whole span (2019-2025) on a
    narrow chart has room for only some, the ones told by most sources first."""
    fig = render(sample)
    labels = sorted(a.text for a in fig.layout.annotations if a.name == "tl-label")
    in_view = sample[sample["start"] >= pd.Timestamp("2025-01-01")]
    assert labels == sorted(escape_text(t) for t in in_view["title"])
    narrow = render(sample, focus=False, width=500)
    some = [a.text for a in narrow.layout.annotations if a.name == "tl-label"]
    assert 3 <= len(some) < len(sample)
    assert "Rubio meets Bukele at Lake Coatepeque" in some  # told by all five articles
    note = next(a for a in narrow.layout.annotations if a.name == "tl-unlabelled")
    assert note.visible and note.text.startswith(f"{len(sample) - len(some)} of {len(sample)} events here have no label")


def test_undated_rows_are_listed_not_drawn(sample, tmp_path):
    """`timeline build` writes events of documents with no date as rows with no date at all: the
    table reads back, the chart leaves them off the axis, the event list ends with them."""
    rows = sample.to_dict("records") + [
        {"title": "Bukele offers to house dangerous criminals", "date": "", "start": None, "end": None,
         "actors": ["Nayib Bukele"], "evidence": "Bukele offered to house dangerous criminals."},
        {"title": "Vote", "date": "", "actors": []}]
    path = tmp_path / "with_undated.csv"
    from timeline.table import write_events

    write_events(pd.DataFrame(rows), path)
    table = read_events(path)
    assert int(table["start"].isna().sum()) == 2 and list(table["date"].tail(2)) == ["", ""]
    fig = render(table)
    assert len(marks(fig)) == 12 and fig._timeline_view["undated"] == 2
    page = to_html(table, include_plotlyjs=False)
    assert page.count('<li class="tl-event">') == 14
    listing = page.split('<ol class="tl-list">')[1]
    assert listing.count('<span class="tl-undated">undated</span>') == 2
    assert listing.rindex("undated</span> — Vote") > listing.rindex('<time datetime="2025-02-03">')
    assert "2 undated events (no date could be found) are listed at the end, not on the chart." in page
    only = to_html(table.tail(2), include_plotlyjs=False)
    assert "No dated events; 2 undated events." in only and only.count('<li class="tl-event">') == 2


def test_quiet_lanes_give_their_rows_to_busy_ones(sample):
    """500 events, one busy source and 20 quiet ones: the busy lane gets more rows than an even
    split would give it, the quiet lanes no more than they fill."""
    rows = []
    for k in range(500):
        row = sample.iloc[k % len(sample)].to_dict()
        busy = k % 5 != 0
        rows.append({**row, "event_id": f"e{k}", "date": "", "start": pd.Timestamp("2024-01-01") + pd.Timedelta(days=k % 40),
                     "end": None, "granularity": "day", "sources": ["wire" if busy else f"paper{k // 5 % 20}"],
                     "source_titles": []})
    # marks only: the most important titles take room first, which a view this dense pays for
    # with marks drawn over each other (tests/test_labels.py)
    fig = render(events_frame(rows), lanes="sources", labels=False)
    ticks = list(fig.layout.yaxis.ticktext)
    ys, spots = {}, []
    for t in fig.data:
        for i, text in enumerate(t.hovertext):
            source = re.search(r"Source: ([^<]+)", text)[1]
            ys.setdefault(source, set()).add(t.y[i])
            spots.append((source, t.x[i], t.y[i]))
    from collections import Counter

    per_day = Counter((r["sources"][0], r["start"]) for r in rows)
    assert ticks[0] == "wire"
    # twelve or thirteen wire events a day, each on a spot of its own (an even split of the rows
    # gave every lane 4, drawing up to three marks on one spot)
    assert len(ys["wire"]) >= 13 and len(set(spots)) == 500
    # a quiet lane takes the rows its busiest day needs, no more (five events each, on 2-3 days)
    for j in range(20):
        assert len(ys[f"paper{j}"]) == max(c for (src, _), c in per_day.items() if src == f"paper{j}")


def test_lanes_empty_in_the_first_view_go_last(sample):
    """El Salvador's only event (the 2023 mega jail) lies outside the first view: its lane goes
    to the foot rather than sitting empty among the story's lanes; unfocused it ranks by size."""
    ticks = list(render(sample, lanes="actors").layout.yaxis.ticktext)
    assert ticks == ["Donald Trump", "Marco Rubio", "Nayib Bukele", "Trump administration", "El Salvador"]
    whole = list(render(sample, lanes="actors", focus=False).layout.yaxis.ticktext)
    assert whole[:3] == ["Donald Trump", "Marco Rubio", "Nayib Bukele"] and whole[-1] == "Trump administration"


def test_outliers_on_both_sides_are_counted_on_both_sides(sample):
    """A look back (2019, 2023) and ahead (an election in 2027, a census in April 2030): the
    first view stays on the story's weeks and both notes count what waits outside it."""
    ahead = validate_events(pd.DataFrame([{"title": "Next election", "date": "2027"},
                                          {"title": "Census", "date": "2030-04"}]))
    fig = render(pd.concat([sample, ahead], ignore_index=True))
    lo, hi = (pd.Timestamp(v) for v in fig.layout.xaxis.range)
    assert lo.year == 2024 and hi < pd.Timestamp("2025-03-01")
    notes = {a.name: a.text for a in fig.layout.annotations if a.name and a.name.startswith("tl-outside")}
    assert notes == {"tl-outside-before": "◀ 2 earlier events from 2019 (drag the slider or press “all”)",
                     "tl-outside-after": "2 later events to 2030 (drag the slider or press “all”) ▶"}


# what plotly.js reads as a date (its dateTime2ms pattern): a four-digit year, signed before 0
PLOTLY_DATE = re.compile(r"^-?\d{4}(-\d\d(-\d\d([ T]\d\d(:\d\d(:\d\d(\.\d+)?)?)?)?)?)?$")


def _dates_given_to_plotly(fig) -> list[str]:
    out = list(fig.layout.xaxis.range or ()) + list(fig.layout.xaxis.rangeslider.range or ())
    out += list(fig.layout.xaxis.tickvals or ())
    for trace in fig.data:
        out += list(trace.base if trace.type == "bar" else trace.x)
    out += [a.x for a in fig.layout.annotations if a.xref == "x"]
    return [str(v) for v in out]


def test_a_table_before_ad_1_is_drawn_on_dates_plotly_reads_with_bc_ticks():
    table = validate_events(pd.DataFrame({
        "title": ["Marathon", "Xerxes invades", "Plataea", "Caesar is killed", "Athens at its height", "Vesuvius"],
        "date": ["490 BC", "BC0480", "479 BC", "-0044-03-15", "the 5th century BC", "AD 79"]}))
    fig = render(table)
    given = _dates_given_to_plotly(fig)
    assert given and all(PLOTLY_DATE.match(v) for v in given), [v for v in given if not PLOTLY_DATE.match(v)]
    assert "500 BC" in fig.layout.xaxis.ticktext and not [t for t in fig.layout.xaxis.ticktext if t.startswith("-")]
    page = to_html(fig, include_plotlyjs=False)
    for when in ("490 BC", "15 Mar 44 BC", "the 5th century BC", "AD 79"):
        assert f">{when}</span>" in page or f">{when}</time>" in page, when
    assert "500 BC to 31 Dec AD 79" in page  # the page summary


def test_tables_after_ad_1_keep_plotlys_own_ticks(sample):
    assert render(sample).layout.xaxis.tickvals is None


_YEARS = st.integers(-9999, 9999)


@st.composite
def _spans(draw):
    year, month, day = draw(_YEARS), draw(st.integers(1, 12)), draw(st.integers(1, 28))
    start = np.datetime64(f"{'-' if year < 0 else ''}{abs(year):04d}-{month:02d}-{day:02d}", "D")
    end = min(start + np.timedelta64(draw(st.integers(0, 400_000)), "D"), np.datetime64("9999-12-31", "D"))
    return str(start), str(end)


@given(st.lists(_spans(), min_size=1, max_size=8))
@example([("0000-01-01", "0000-01-01"), ("9616-01-01", "9616-01-01")])  # the padded view passes 9999
@example([("-9999-01-01", "9999-12-31"), ("9999-12-31", "9999-12-31")])
@settings(max_examples=40, deadline=None)
def test_any_dates_from_year_minus_9999_to_9999_render(spans):
    """Hand-made tables may hold any date numpy does from year -9999 (10000 BC) to 9999: they are
    validated, drawn, listed and summed up without error, on dates plotly.js reads."""
    iso = [(s if not s.startswith("-") else "-" + s[1:].zfill(10)) for s, _ in spans]
    ends = [(e if not e.startswith("-") else "-" + e[1:].zfill(10)) for _, e in spans]
    table = validate_events(pd.DataFrame({"title": [f"event {k}" for k in range(len(spans))],
                                          "start": iso, "end": ends}))
    fig = render(table)
    assert all(PLOTLY_DATE.match(v) for v in _dates_given_to_plotly(fig))
    page = to_html(fig, include_plotlyjs=False)
    assert page.count('class="tl-event"') == len(spans)
    for row in table.itertuples():
        assert when_text(row.date, row.start, row.end, row.granularity)
