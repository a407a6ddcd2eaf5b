"""What the page needs to find and read events: the search box and filters, the details
panel, and the events as JSON for the page's script (page.js).

The JSON sits in a <script type="application/json"> element, which the browser never runs;
"<", ">" and "&" are written as \\u escapes so article text cannot end that element. The
script reads it with JSON.parse and puts text into the page only as textContent, and links
only http(s) URLs, so article text stays inert in the chart, the list, the panel and the URL
fragment alike.
"""

from __future__ import annotations

import html
import json
from collections import Counter

import numpy as np
import pandas as pd

from timeline.chart.hover import safe_url, when_text

MAX_OPTIONS = 300  # a filter list longer than this is no help; the search box finds the rest
CERTAINTY_NAMES = {"explicit": "stated in the text", "relative": "worked out (“last week”)",
                   "inferred": "inferred from the story"}


def events_json(table: pd.DataFrame, layout: dict) -> str:
    """The events (in the order render() drew them) as columns of plain values."""
    starts = table["start"].to_numpy(dtype="datetime64[s]")
    ends = table["end"].to_numpy(dtype="datetime64[s]")
    kinds = layout["kind"]
    x0, x1 = [], []
    for k, (s, e) in enumerate(zip(starts, ends)):
        dated = not np.isnat(s)
        x0.append(_ms(s) if dated else None)
        # a bar ends after its last day; a day mark is a point
        x1.append(_ms(e.astype("datetime64[D]") + np.timedelta64(1, "D")) if dated and k < len(kinds) and kinds[k]
                  else x0[-1])
    rows = table.astype({c: object for c in table.columns if str(table[c].dtype) == "string"})
    data = {
        "x0": x0, "x1": x1, "kind": kinds, "group": layout["group"], "row": layout["row"], "groups": layout["groups"],
        "order": layout["order"], "label": layout["labels"], "grow": layout.get("grow"), "first": layout.get("first"),
        "id": rows["event_id"].tolist(), "title": rows["title"].tolist(),
        "when": [when_text(d, s, e, g) for d, s, e, g in zip(rows["date"], table["start"], table["end"],
                                                              rows["granularity"])],
        "certainty": rows["certainty"].tolist(), "timeText": rows["time_text"].tolist(),
        "evidence": rows["evidence"].tolist(), "mark": [_time_mark(r) for r in rows.itertuples(index=False)],
        "actors": [list(a) for a in rows["actors"]], "place": rows["place"].tolist(),
        "category": rows["category"].tolist(), "sources": [list(s) for s in rows["sources"]],
        "sourceTitles": [list(t) for t in rows["source_titles"]],
        "urls": [[u.strip() if safe_url(u) else "" for u in urls] for urls in rows["urls"]],
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _ms(value: np.datetime64) -> int:
    return int(value.astype("datetime64[ms]").astype(np.int64))


def _time_mark(row) -> list[int] | None:
    """Where the time expression lies in the evidence sentence, from the best telling's offsets
    (the same words may occur twice), else the first occurrence."""
    if not row.time_text or not row.evidence:
        return None
    for m in row.mentions or ():
        if (m.get("doc_id") == row.evidence_doc and m.get("evidence_start") == row.evidence_start
                and m.get("time_text") == row.time_text and (m.get("time_start") or -1) >= 0):
            a = m["time_start"] - m["evidence_start"]
            if row.evidence[a:a + len(row.time_text)] == row.time_text:
                return [a, a + len(row.time_text)]
    a = row.evidence.find(row.time_text)
    return [a, a + len(row.time_text)] if a >= 0 else None


def controls_html(table: pd.DataFrame, uid: str) -> str:
    """The search box, the filters and the count of matching events (filled in by page.js)."""
    actors = Counter(a for row in table["actors"] for a in dict.fromkeys(row) if a)
    sources = Counter(s for row in table["sources"] for s in row if s)
    names = {}
    for ids, titles in zip(table["sources"], table["source_titles"]):
        names.update((i, t) for i, t in zip(ids, titles) if t)
    categories = Counter(c for c in table["category"] if c)
    certainty = Counter(c for c in table["certainty"] if c in CERTAINTY_NAMES)
    parts = [f'<div class="tl-controls" role="search" aria-label="Find events">',
             f'<label class="tl-q-label">Search <input type="search" class="tl-q" id="tl-q-{uid}" '
             'placeholder="title, who, where, evidence" autocomplete="off"></label>']
    for key, label, counts, show in (
            ("category", "Kind", categories, lambda v: v),
            ("actor", "Who", actors, lambda v: v),
            ("source", "Source", sources, lambda v: names.get(v, v)),
            ("certainty", "Date", certainty, lambda v: CERTAINTY_NAMES[v])):
        if len(counts) < 2:
            continue
        options = "".join(f'<option value="{html.escape(v)}">{html.escape(_clip(show(v)))} ({n})</option>'
                          for v, n in sorted(counts.items(), key=lambda kv: (-kv[1], show(kv[0])))[:MAX_OPTIONS])
        parts.append(f'<label>{label} <select class="tl-filter" data-filter="{key}">'
                     f'<option value="">all</option>{options}</select></label>')
    parts.append('<button type="button" class="tl-read">Read one by one (← →)</button>'
                 '<button type="button" class="tl-reset" hidden>Show all</button>'
                 '<span class="tl-count" aria-live="polite"></span></div>')
    return "".join(parts)


def panel_html() -> str:
    """The details panel's frame; page.js fills it with the clicked event."""
    return ('<aside class="tl-panel" hidden tabindex="-1" aria-label="Event details">'
            '<div class="tl-panel-nav"><button type="button" class="tl-prev" aria-label="Previous event">◀</button>'
            '<span class="tl-pos"></span>'
            '<button type="button" class="tl-next" aria-label="Next event">▶</button>'
            '<button type="button" class="tl-close" aria-label="Close the details">×</button></div>'
            '<div class="tl-panel-body"></div></aside>')


def _clip(text: str, limit: int = 60) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
