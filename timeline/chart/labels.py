"""Which events get a label in a view, and the row each event sits in.

Rows are packed as vis-timeline packs items: an event takes the lowest row where its mark and
its title fit without touching anything already placed. Events are placed most important
first, so when a view is too crowded for every title the important ones keep theirs and the
rest stay bare marks. The page's script (page.js, `layoutView`) runs the same algorithm with
measured text widths whenever the reader zooms, pans or filters; this module gives the first
view (and static images, which run no script).

An event belongs to a *group*: a band of rows of its own. Without lanes there are two groups,
the long periods (a year, a decade: thin bars over the top rows) and the moments (days,
weeks), so a decade never pushes the day events down; with lanes, each lane has the two.
"""

from __future__ import annotations

import zlib

import numpy as np
import pandas as pd

CHAR_PX = 6.7      # mean advance of a 12 px sans-serif character; the page measures real widths
MARK_PX = 6.0      # half the width of a day mark
GAP_PX = 6.0       # between a mark and its label
ROW_CAP = 24       # rows of moments a view may use (more would not fit a laptop screen)
PERIOD_ROWS = 4    # rows of long periods
PERIOD_DAYS = 9    # spans longer than this (a month, a year, a decade) are periods, not moments
FIRST_LABELS = 30  # the most important events in view are labelled before other marks are placed
DAY, SPAN, PERIOD = 0, 1, 2
_CERTAINTY_RANK = {"explicit": 2, "relative": 1}


def priority_order(frame: pd.DataFrame) -> np.ndarray:
    """Event positions, most important first: the `importance` column when the table has it,
    then the number of sources, how the date is known, and confidence. Ties go by a hash of the
    event id, not by date: among hundreds of equally important events, the first labelled are
    spread over the whole axis rather than crowded into its first weeks."""
    n_sources = np.array([len(s) for s in frame["sources"]], dtype=float)
    certainty = frame["certainty"].map(_CERTAINTY_RANK).fillna(0).to_numpy(dtype=float)
    confidence = pd.to_numeric(frame["confidence"], errors="coerce").fillna(0).to_numpy(dtype=float)
    spread = np.array([zlib.crc32(str(e).encode("utf-8")) for e in frame["event_id"]], dtype=np.int64)
    keys = [np.arange(len(frame)), spread, -confidence, -certainty, -n_sources]
    if "importance" in frame.columns:
        keys.append(-pd.to_numeric(frame["importance"], errors="coerce").fillna(0).to_numpy(dtype=float))
    return np.lexsort(keys)


def kinds(start_days: np.ndarray, end_days: np.ndarray, is_bar: np.ndarray) -> np.ndarray:
    """DAY (a mark), SPAN (a bar among the moments: a week) or PERIOD (a thin bar above them)."""
    out = np.where(is_bar, SPAN, DAY)
    out[is_bar & (end_days - start_days > PERIOD_DAYS)] = PERIOD
    return out


def label_width(titles) -> np.ndarray:
    return np.array([len(t) * CHAR_PX for t in titles], dtype=float)


def layout_view(x0: np.ndarray, x1: np.ndarray, kind: np.ndarray, label_px: np.ndarray,
                group: np.ndarray, caps: list[int], order: np.ndarray, width: float):
    """Rows and labels of one view. x0/x1: each event's extent in pixels from the plot's left
    edge (x1 == x0 for a day); group: each event's group, whose rows are 0..caps[group]-1;
    order: events most important first; width: the plot's width in pixels.

    1. The FIRST_LABELS most important days and weeks in view get their titles first, each in
       the lowest row with room for mark and title, so even a view of thousands of events
       names its main ones. A title never takes the last row free of titles across the marks
       it passes over: those marks would have nowhere to go but under it.
    2. Every other mark gets a spot of its own: the lowest row free of marks and titles; when
       rows run out, the row where the fewest marks lie, never under a title if it can help.
    3. Most important first, the rest get their titles where a title touches no mark and no
       other title: in the event's own row, else in the lowest row with room (the mark moves).
    Returns (row, side): row -1 for events out of view; side +1 label right of the mark, -1
    left of it, 2 over a period's visible part, 0 no label."""
    n = len(x0)
    w = int(width) + 1
    row = np.full(n, -1, dtype=np.int64)
    side = np.zeros(n, dtype=np.int64)
    marks = [np.zeros((cap, w), dtype=np.int32) for cap in caps]
    texts = [np.zeros((cap, w), dtype=bool) for cap in caps]
    seen = [i for i in order if x1[i] >= 0 and x0[i] <= width]  # a day is in view when its date is
    pad = np.where(kind == DAY, MARK_PX, 0.0)
    lo, hi = x0 - pad, x1 + pad

    def cells(a, b):
        return max(0, int(a)), max(0, min(w, int(np.ceil(b)) + 1))

    reach = int(2 * MARK_PX) + 2

    def leaves_a_free_row(i, r, sa, sb) -> bool:
        """Whether, with i's title in row r over cells sa..sb, the marks step 2 will place
        there still have a row free of titles (any mark meeting the span lies within `reach`)."""
        g = group[i]
        wa, wb = max(0, sa - reach), min(w, sb + reach)
        if cover[g][wb] - cover[g][wa] == 0:
            return True
        free = ~texts[g][:, wa:wb].any(axis=1)
        free[r] = False
        return bool(free.any())

    def label(i, own: int, guard: bool = False) -> bool:
        """Give event i its title in row `own` if there is room, else in the lowest row with room."""
        m, t = marks[group[i]], texts[group[i]]
        if kind[i] == PERIOD:  # the title sits over the visible part of the bar, from its left
            left = max(lo[i], 0.0)
            spans = [(2, left, max(min(hi[i], width), left + label_px[i] + GAP_PX))]
        else:
            spans = [(1, lo[i], hi[i] + GAP_PX + label_px[i]), (-1, lo[i] - GAP_PX - label_px[i], hi[i])]
        best = None
        for how, sa, sb in spans:
            if (how != 1 and sa < 0) or (how != -1 and sb > width):  # a title must be whole in the plot
                continue
            sa, sb = cells(sa, sb)
            room = ~(t[:, sa:sb].any(axis=1) | (m[:, sa:sb] > 0).any(axis=1))
            if not room.any():
                continue
            r = own if own >= 0 and room[own] else int(room.argmax())
            if guard and not leaves_a_free_row(i, r, sa, sb):
                continue
            rank = -1 if r == own else r
            if best is None or rank < best[0]:
                best = (rank, r, how, sa, sb)
        if best is None:
            return False
        _, r, how, sa, sb = best
        t[r, sa:sb] = True
        row[i], side[i] = r, how
        return True

    # long periods wait for step 3: a band of a few rows holding many of them has no room to spare
    first = [i for i in seen if kind[i] != PERIOD and label_px[i] > 0][:FIRST_LABELS]
    # cells covered by the marks step 2 places, per group, as running sums
    cover = [np.zeros(w + 1, dtype=np.int64) for _ in caps]
    for i in set(seen) - set(first):
        a, b = cells(lo[i], hi[i])
        cover[group[i]][a] += 1
        cover[group[i]][b] -= 1
    cover = [np.concatenate([[0], np.cumsum(np.cumsum(c)[:w])]) for c in cover]
    for i in first:
        if label(i, -1, guard=True):
            a, b = cells(lo[i], hi[i])
            marks[group[i]][row[i], a:b] += 1
    rest = [i for i in seen if not side[i]]
    for i in rest:
        a, b = cells(lo[i], hi[i])
        m, t = marks[group[i]][:, a:b], texts[group[i]][:, a:b]
        crowd = m.sum(axis=1) + np.where(t.any(axis=1), 10**6, 0)
        r = int(crowd.argmin())  # the lowest row of the least crowded (ties go to the lowest)
        marks[group[i]][r, a:b] += 1
        row[i] = r
    for i in rest:
        if label_px[i] <= 0 or i in first:
            continue
        a, b = cells(lo[i], hi[i])
        marks[group[i]][row[i], a:b] -= 1  # the event's own mark does not block its title
        label(i, row[i])
        marks[group[i]][row[i], a:b] += 1
    return row, side
