"""Where each event sits vertically: its lane (actor, source, category) and a row inside the
lane chosen so that marks and their labels do not overlap."""

from __future__ import annotations

import numpy as np
import pandas as pd

LANE_COLUMNS = ("actors", "sources", "category")
NO_LANE = {"actors": "(no actor named)", "sources": "(no source)", "category": "(uncategorised)"}


def lane_labels(df: pd.DataFrame, lanes: str | None) -> list[str]:
    """One lane per event: the value of `lanes`, or for list columns its first item (the main
    actor, the first source), so that every event is drawn exactly once."""
    if lanes is None:
        return [""] * len(df)
    if lanes not in df.columns:
        raise KeyError(lanes)
    empty = NO_LANE.get(lanes, f"(no {lanes})")
    out = []
    for value in df[lanes]:
        if isinstance(value, (list, tuple, np.ndarray)):
            value = next((str(v) for v in value if str(v).strip()), "")
        elif value is None or (not isinstance(value, str) and pd.isna(value)):
            value = ""
        out.append(str(value).strip() or empty)
    return out


def lane_order(labels: list[str], starts: np.ndarray, in_view: np.ndarray | None = None) -> list[str]:
    """Busiest lanes first (they are the story's main actors); the catch-all lane last.
    `in_view`: which events the first view shows; lanes busy there come first, so a lane whose
    events all lie outside that view does not sit empty at the top."""
    counts: dict[str, int] = {}
    shown: dict[str, int] = {}
    first: dict[str, np.datetime64] = {}
    visible = np.ones(len(labels), dtype=bool) if in_view is None else in_view
    for label, start, seen in zip(labels, starts, visible):
        counts[label] = counts.get(label, 0) + 1
        shown[label] = shown.get(label, 0) + int(seen)
        if label not in first or start < first[label]:
            first[label] = start
    catch_all = set(NO_LANE.values())
    return sorted(counts, key=lambda l: (l in catch_all or l.startswith("(no "), -shown[l], -counts[l], first[l], l))


def pack_rows(starts: np.ndarray, ends: np.ndarray, max_rows: int) -> np.ndarray:
    """Greedy interval packing: each event goes to the lowest row that is free at its start.
    `starts`/`ends` are numbers (e.g. days); when all `max_rows` rows are busy the event goes to
    the row that frees first, so very dense timelines overlap instead of growing without bound."""
    order = np.argsort(starts, kind="stable")
    rows = np.zeros(len(starts), dtype=np.int64)
    free_at = np.full(max_rows, -np.inf)  # per row, when its last mark (and label) ends
    for i in order:
        free = free_at <= starts[i]
        # the lowest free row (unused rows are free); when none is, the one that frees first
        row = int(free.argmax()) if free.any() else int(free_at.argmin())
        free_at[row] = ends[i]
        rows[i] = row
    return rows
