"""Which events get a label and which row each takes (timeline.chart.labels), on the sample
table and on views built from it."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from timeline.chart.labels import DAY, FIRST_LABELS, PERIOD, SPAN, kinds, layout_view, priority_order
from timeline.table import read_events

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "events_sample.csv"


def test_importance_comes_first_when_the_table_has_it():
    df = read_events(SAMPLE)
    by_sources = priority_order(df)
    assert df["title"][by_sources[0]] == "Rubio meets Bukele at Lake Coatepeque"  # five sources
    df["importance"] = np.linspace(0.0, 1.0, len(df))  # the last row most important
    assert list(priority_order(df)[:2]) == [len(df) - 1, len(df) - 2]


def test_kinds_days_weeks_and_periods():
    df = read_events(SAMPLE)
    start = df["start"].to_numpy("datetime64[s]").astype(float) / 86400
    end = (df["end"].to_numpy("datetime64[s]").astype(float) / 86400) + 1
    is_bar = (df["granularity"] != "day").to_numpy()
    k = dict(zip(df["title"], kinds(start, end, is_bar)))
    assert k["Trump takes office"] == DAY
    assert k["Trump briefly sanctions Colombia"] == SPAN  # a week sits among the days
    assert k["Bukele takes office"] == PERIOD and k["Order labels MS-13 and Tren de Aragua terror groups"] == PERIOD


def test_no_title_overlaps_a_mark_or_a_title_and_every_mark_has_its_spot():
    """Forty events on four days 30 px apart, titles 150 px wide, 36 rows: the ten events of a
    day cannot all have a title beside them; the most important do, the others keep a spot."""
    n = 40
    x = np.array([100.0 + 30 * (k % 4) for k in range(n)])
    kind = np.full(n, DAY)
    width_px = np.full(n, 150.0)
    row, side = layout_view(x, x, kind, width_px, np.zeros(n, dtype=int), [36], np.arange(n), 600.0)
    assert (row >= 0).all()
    assert len(set(zip(x, row))) == n  # no two marks on one spot
    boxes = []
    for i in np.flatnonzero(side):
        a, b = (x[i] - 6, x[i] + 12 + width_px[i]) if side[i] > 0 else (x[i] - 12 - width_px[i], x[i] + 6)
        boxes.append((row[i], a, b))
    for k, (r, a, b) in enumerate(boxes):
        assert not [1 for r2, a2, b2 in boxes[k + 1:] if r2 == r and a < b2 and a2 < b]
        assert not [j for j in range(n) if row[j] == r and a < x[j] + 6 and x[j] - 6 < b and not (
            side[j] and row[j] == r and abs(x[j] - (a + 6 if side[j] > 0 else b - 6)) < 1e-9)]
    assert 10 <= int((side != 0).sum()) < n
    assert (side[:min(FIRST_LABELS, 10)] != 0).all()  # the most important first


def test_a_wide_view_labels_everything_a_narrow_one_the_important_first():
    df = read_events(SAMPLE)
    start = (df["start"] - pd.Timestamp("2018-12-01")).dt.days.to_numpy(float)
    wide = start * 0.5
    titles = np.array([len(t) * 6.7 for t in df["title"]])
    kind = np.where(df["granularity"] == "day", DAY, SPAN)
    order = priority_order(df)
    _, side = layout_view(wide, wide, kind, titles, np.zeros(len(df), dtype=int), [12], order, 2000.0)
    assert (side != 0).all()
    narrow = start * 0.1
    _, side = layout_view(narrow, narrow, kind, titles, np.zeros(len(df), dtype=int), [2], order, 600.0)
    assert 0 < (side != 0).sum() < len(df) and side[order[0]] != 0


def test_titles_never_bury_marks_when_rows_run_short():
    """Forty events on four days 30 px apart in only three rows: most marks must share rows
    (drawn over each other), but none may lie under a title, even those placed after the
    FIRST_LABELS titles took their rows."""
    n = 40
    x = np.array([100.0 + 30 * (k % 4) for k in range(n)])
    width_px = np.full(n, 150.0)
    row, side = layout_view(x, x, np.full(n, DAY), width_px, np.zeros(n, dtype=int), [3], np.arange(n), 600.0)
    assert (row >= 0).all() and (row < 3).all()
    titles = [(j, row[j], *((x[j] + 6, x[j] + 12 + width_px[j]) if side[j] > 0 else (x[j] - 12 - width_px[j], x[j] - 6)))
              for j in np.flatnonzero(side)]
    under = [(i, j) for j, r, a, b in titles for i in range(n) if i != j and row[i] == r and a < x[i] + 6 and x[i] - 6 < b]
    assert not under
    assert 2 <= len(titles) < n
