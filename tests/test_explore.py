"""The page's search controls, details panel frame and event data (timeline.chart.explore)."""

from __future__ import annotations

import html
import json
from pathlib import Path

from timeline.chart import render
from timeline.chart.explore import controls_html, events_json
from timeline.table import events_frame, read_events

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "events_sample.csv"
EVIL = "</script><img src=x onerror=alert(1)> & $x$"


def test_event_data_marks_the_time_expression_and_names_sources():
    fig = render(read_events(SAMPLE))
    data = json.loads(events_json(fig._timeline_events, fig._timeline_layout))
    k = data["title"].index("Rubio meets Bukele at Lake Coatepeque")
    a, b = data["mark"][k]
    assert data["evidence"][k][a:b] == "February 3, 2025" == data["timeText"][k]
    assert data["when"][k] == "3 Feb 2025" and data["sourceTitles"][k][1] == "000_21e3754d681186f4.txt"
    assert data["x1"][k] == data["x0"][k]  # a day is a point; a week bar ends after its 7th day
    week = data["title"].index("Trump briefly sanctions Colombia")
    assert data["x1"][week] - data["x0"][week] == 7 * 86_400_000


def test_article_text_cannot_end_the_data_element_or_become_markup():
    df = events_frame([{"title": EVIL, "date": "2025-02-03", "actors": [EVIL], "category": EVIL,
                        "sources": ["s1", "s2"], "source_titles": [EVIL, "b"], "urls": ["javascript:x", "https://a.example/"]},
                       {"title": "other", "date": "2025-02-04", "category": "b", "actors": ["someone"]}])
    fig = render(df)
    text = events_json(fig._timeline_events, fig._timeline_layout)
    assert "<" not in text and ">" not in text and "&" not in text
    data = json.loads(text)
    assert data["title"][0] == EVIL and data["urls"][0] == ["", "https://a.example/"]
    controls = controls_html(fig._timeline_events, "u1")
    assert "<img" not in controls and html.escape(EVIL) in controls  # option text and value escaped
