"""Events table -> plotly Figure: markers for day events, bars for longer spans, lanes, colours."""

from __future__ import annotations

import logging

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from timeline.chart.axis import PLOTLY_DAYS, era_ticks, reaches_before_ad
from timeline.chart.hover import escape_text, hover_html
from timeline.chart.labels import (DAY, GAP_PX, MARK_PX, PERIOD, PERIOD_ROWS, ROW_CAP, SPAN, kinds, label_width,
                                   layout_view, priority_order)
from timeline.chart.lanes import LANE_COLUMNS, lane_labels, lane_order, pack_rows
from timeline.chart.view import focus_window, outside
from timeline.days import from_datetime64, pad_year, year_text
from timeline.table import SCHEMA, validate_events

log = logging.getLogger(__name__)

WEBGL_THRESHOLD = 1000   # SVG scatter gets sluggish past about a thousand points
LABEL_CHARS = 60         # a label is the title up to here ("…" after); hover and panel give it whole
LANE_ROW_CAP = 16        # rows of moments per lane
PERIOD_OFFSET = 0.24     # a period's thin bar sits in the lower part of its row, its label above
LABEL_LIFT = 0.26
ROW_PX = 22              # a row of labels: 12 px text and room around it
GROW_ROWS = 400          # rows a zoomed-in view may grow to so that every event in it has its label
SLIDER_PX = 50           # the range slider's height, whatever the chart's
AXIS_PX = 64             # the date axis under the plot: ticks and two lines of labels ("Oct 27" / "1989")
DAY_MS = 86_400_000
# Okabe-Ito: distinguishable for the common colour-vision deficiencies
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#8C6D31", "#000000",
           "#F0E442", "#7F7F7F")
CERTAINTY_COLORS = {"explicit": "#0072B2", "relative": "#009E73", "inferred": "#E69F00", "": "#7F7F7F"}
CERTAINTY_NAMES = {"explicit": "stated in the text", "relative": "worked out (e.g. “last week”)",
                   "inferred": "inferred from the story", "": "unknown"}
MAX_COLORS = len(PALETTE)
MAX_LANES = 30
POINT_GRANULARITIES = ("day", "time")
_SELECTOR = ((7, "day", "1w", 7), (1, "month", "1m", 31), (6, "month", "6m", 183),
             (1, "year", "1y", 366), (10, "year", "10y", 3653))


def render(df: pd.DataFrame, lanes: str | None = None, color: str | None = "certainty",
           title: str | None = None, height: int | None = None, width: int | None = None,
           labels: bool | None = None, webgl: bool | None = None,
           color_discrete_map: dict | None = None, hover_data: list[str] | None = None,
           hover_width: int = 72,
           range_slider: bool = True, template: str = "plotly_white", focus: bool = True) -> go.Figure:
    """Draw an events table as an interactive timeline.

    lanes: "actors" | "sources" | "category" | None — one horizontal lane per value (the first
    actor/source of each event). color: a column whose values colour the marks (default
    "certainty"); None for one colour. labels: titles beside the marks, as many as fit without
    overlap, the most important first (the `importance` column when the table has it, else the
    number of sources, certainty and confidence); False for none. webgl: WebGL markers (default: above 1,000 events). hover_data: more
    columns to show in the hover label (e.g. ["confidence", "time_text"]). range_slider: the
    range slider and the 1w/1m/6m/1y/all buttons (static images leave them out). focus: open on
    the densest stretch holding most events when a few outliers would squeeze the rest (the
    range slider and "all" reach them; a note at the chart's edge counts them).
    Undated rows (no start) are not drawn; they stay in the table to_html lists under the chart.
    """
    if lanes in ("none", ""):
        lanes = None
    if lanes is not None and lanes not in LANE_COLUMNS:
        raise ValueError(f"lanes must be one of {', '.join(LANE_COLUMNS)} or None, not {lanes!r}")
    frame = _as_events(df)
    if color is not None and color not in frame.columns:
        raise ValueError(f"color: no column {color!r} in the table")
    missing = [c for c in hover_data or () if c not in frame.columns]
    if missing:
        raise ValueError(f"hover_data: no column {', '.join(map(repr, missing))} in the table")
    table = frame.sort_values(["start", "end"], kind="stable", na_position="last").reset_index(drop=True)
    frame = table[table["start"].notna() & table["end"].notna()]
    n_undated = len(table) - len(frame)
    n = len(frame)
    labels = True if labels is None else labels
    webgl = n > WEBGL_THRESHOLD if webgl is None else webgl
    # a responsive chart is as wide as the window allows (1,150 px on the page at most); the
    # page lays the labels out again for the width it really has
    width_px = width or 1150

    start = frame["start"].to_numpy(dtype="datetime64[s]")
    end = frame["end"].to_numpy(dtype="datetime64[s]")
    is_bar = _is_bar(frame, start, end)
    bar_end = np.where(is_bar, end.astype("datetime64[D]") + np.timedelta64(1, "D"), start).astype("datetime64[s]")
    start_days = start.astype("float64") / 86400.0
    end_days = bar_end.astype("float64") / 86400.0
    full_lo, full_hi = _x_range(start_days, end_days)
    window = focus_window(start_days, end_days) if focus else None
    x_lo, x_hi = _x_range(np.array(window[:1]), np.array(window[1:])) if window else (full_lo, full_hi)
    before, after = outside(start_days, end_days, x_lo, x_hi) if window else (0, 0)
    short_titles = [_short(t, LABEL_CHARS) for t in frame["title"]]
    lane_of = lane_labels(frame, lanes)
    order = lane_order(lane_of, start, (end_days > x_lo) & (start_days < x_hi)) if n else []
    if len(order) > MAX_LANES:  # past ~30 lanes the names overlap: the quietest share one
        keep = set(order[: MAX_LANES - 1])
        other = f"({len(order) - MAX_LANES + 1} others)"
        lane_of = [lane if lane in keep else other for lane in lane_of]
        order = order[: MAX_LANES - 1] + [other]
    kind = kinds(start_days, end_days, is_bar)
    plot_px = max(300.0, width_px - (170 if lanes else 40))
    scale = plot_px / (x_hi - x_lo)
    placed = _place(lane_of, order, kind, (start_days - x_lo) * scale, (end_days - x_lo) * scale,
                    label_width(short_titles) if labels else np.zeros(n), priority_order(frame), plot_px,
                    start_days, end_days, lanes is not None,
                    GROW_ROWS if lanes is None and labels and height is None else 0)
    y, sides, lane_ticks, rows = placed["y"], placed["side"], placed["ticks"], placed["rows"]

    groups, names, colors, legend_title = _colour_groups(frame, color, color_discrete_map)
    extras = ([list(zip(hover_data, values)) for values in zip(*(frame[c].tolist() for c in hover_data))]
              if hover_data else [()] * n)
    hover = np.array([hover_html(row, hover_width, extra) for row, extra in zip(plain_rows(frame), extras)],
                     dtype=object)
    fig = go.Figure()
    for key in names:
        in_group = groups == key
        has_days = bool((in_group & ~is_bar).any())
        _add_markers(fig, in_group & ~is_bar, start, y, hover, key, names[key], colors[key], webgl, n)
        _add_bars(fig, in_group & is_bar, start, bar_end, y, kind, hover, key, names[key], colors[key], n,
                  show_legend=not has_days)
    label_notes = []
    if labels and n:
        # annotations, not a text trace: the range slider would draw a trace's text a second time
        label_notes = [_label_note(k, sides[k], start[k], bar_end[k], max(start_days[k], x_lo), kind[k], y[k],
                                   short_titles[k]) for k in np.flatnonzero(sides)]
    if n:
        in_view = (end_days > x_lo) & (start_days < x_hi)
        label_notes.append(_unlabelled_note(int(in_view.sum()), int((in_view & (sides != 0)).sum()), labels))
        label_notes += _outside_notes(before, after, start_days, end_days, x_lo, x_hi, range_slider)
    _layout(fig, title, height, width, lanes, lane_ticks, rows, (x_lo, x_hi), (full_lo, full_hi), labels,
            legend_title, range_slider, template, is_bar, n, label_notes)
    if reaches_before_ad(full_lo):  # plotly would label 480 BC "-0479" (page.js redoes it on zoom)
        tickvals, ticktext = era_ticks(x_lo, x_hi, plot_px)
        fig.update_xaxes(tickvals=tickvals, ticktext=ticktext)
    # lets to_html(fig) list every event under the chart, undated ones included, tell what the
    # first view leaves out, and lay the labels out again as the reader zooms
    fig._timeline_events = table
    fig._timeline_view = {"before": before, "after": after, "undated": n_undated,
                          "range": (_day_iso(x_lo), _day_iso(x_hi)) if window else None}
    # without lanes, the page may make the chart taller when a zoomed view needs more rows
    grow = ({"rows": rows - placed["grown_by"], "rowPx": ROW_PX,
             "height": fig.layout.height - ROW_PX * placed["grown_by"], "max": GROW_ROWS,
             "slider": SLIDER_PX if range_slider else 0}
            if lanes is None and labels and height is None else None)
    fig._timeline_layout = {"kind": kind.tolist(), "group": placed["group"].tolist(), "groups": placed["groups"],
                            "row": placed["row"].tolist(),
                            "order": priority_order(frame).tolist(), "labels": short_titles if labels else None,
                            "grow": grow,
                            # the first view's titles as drawn: the page keeps them when they fit
                            "first": {"side": sides.tolist(), "range": [x_lo * DAY_MS, x_hi * DAY_MS],
                                      "caps": placed["caps"]} if labels else None}
    log.debug("rendered %d events (%d bars) in %d lanes", n, int(is_bar.sum()), len(order))
    return fig


def _place(lane_of, order, kind, x0, x1, label_px, priority, plot_px, start_days, end_days, lanes: bool,
           grow_rows: int = 0):
    """Groups of rows (per lane: its long periods, then its moments), each group only as deep as
    the first view or its busiest day needs, and every event's row in the first view; with
    grow_rows, the moments may take up to that many rows when that labels every one in view
    (as the page does for a zoomed view).
    Returns y, label side, lane ticks, total rows, each event's group and the groups as
    [first row, rows, kind of group]."""
    n = len(kind)
    lane_arr = np.array(lane_of, dtype=object)
    group = np.zeros(n, dtype=np.int64)
    specs = []  # (lane, is_period)
    for lane in order:
        in_lane = lane_arr == lane
        for period in (True, False):
            members = in_lane & ((kind == PERIOD) == period)
            if members.any():
                group[members] = len(specs)
                specs.append((lane, period))
    day = np.floor(start_days).astype(np.int64)
    caps = []
    for g, (_, period) in enumerate(specs):
        members = group == g
        if period:
            caps.append(min(PERIOD_ROWS, _max_overlap(start_days[members], end_days[members])))
        else:  # every event of the busiest day needs its own row when zoomed in on it
            busiest = int(np.unique(day[members], return_counts=True)[1].max())
            caps.append(max(1, min(LANE_ROW_CAP if lanes else ROW_CAP, busiest)))
    wide = [PERIOD_ROWS if p else (LANE_ROW_CAP if lanes else ROW_CAP) for _, p in specs]
    row, side = layout_view(x0, x1, kind, label_px, group, wide, priority, plot_px)
    for g in range(len(specs)):
        used = row[group == g]
        caps[g] = min(wide[g], max(caps[g], int(used.max()) + 1 if len(used) else 1))
    row, side = layout_view(x0, x1, kind, label_px, group, caps, priority, plot_px)
    moments = (row >= 0) & (kind != PERIOD) & (label_px > 0)
    base_caps = list(caps)
    if grow_rows and (moments & (side == 0)).any() and moments.sum() <= grow_rows:
        more = [c if p else max(c, grow_rows) for c, (_, p) in zip(caps, specs)]
        grown_row, grown_side = layout_view(x0, x1, kind, label_px, group, more, priority, plot_px)
        if not (moments & (grown_side == 0)).any():
            row, side = grown_row, grown_side
            caps = [c if p else max(c, int(row[group == g].max()) + 1) for g, (c, (_, p)) in enumerate(zip(caps, specs))]
    y = np.zeros(n)
    groups, ticks, base, lane_first = [], [], 0, {}
    for g, (lane, period) in enumerate(specs):
        members = np.flatnonzero(group == g)
        off = members[row[members] < 0]  # out of the first view: rows by time, for the range slider
        row[off] = pack_rows(start_days[off], end_days[off] + 1, caps[g])
        y[members] = base + row[members] + (PERIOD_OFFSET if period else 0.0)
        # (the page starts every other view from the rows before growing; without lanes the
        # moments are the last group, so growing them moves no other group)
        groups.append([base, base_caps[g], int(period)])
        lane_first.setdefault(lane, base)
        base += caps[g]
        last_of_lane = g + 1 == len(specs) or specs[g + 1][0] != lane
        if last_of_lane:
            ticks.append((lane, lane_first[lane], base - 1))
            base += 1  # a blank row between lanes
    return {"y": y, "side": side, "ticks": ticks, "rows": max(base - 1, 1), "group": group, "groups": groups,
            "caps": caps, "grown_by": sum(caps) - sum(base_caps),
            "row": row}


def _max_overlap(starts: np.ndarray, ends: np.ndarray) -> int:
    """The most spans covering one moment (how many rows they need to lie apart)."""
    points = sorted([(s, 1) for s in starts] + [(e, -1) for e in ends], key=lambda p: (p[0], p[1]))
    depth = best = 0
    for _, step in points:
        depth += step
        best = max(best, depth)
    return max(best, 1)


def _label_note(k, side, start, bar_end, visible_start, kind, y, text) -> dict:
    """The label of event k as an annotation named tl-label (the page's script replaces them)."""
    if kind == PERIOD:
        x, anchor, shift, y = _day_iso(visible_start), "left", 2, y - PERIOD_OFFSET - LABEL_LIFT
    elif side > 0:
        x, anchor, shift = pad_year(str(bar_end if kind == SPAN else start)), "left", GAP_PX + (MARK_PX if kind == DAY else 0)
    else:
        x, anchor, shift = pad_year(str(start)), "right", -(GAP_PX + (MARK_PX if kind == DAY else 0))
    return dict(x=x, y=float(y), text=escape_text(text), xref="x", yref="y", showarrow=False, xanchor=anchor,
                xshift=shift, font=dict(size=12, color="#222"), captureevents=False, name="tl-label")


def _unlabelled_note(in_view: int, labelled: int, labels: bool) -> dict:
    """Says how many events of the view are bare marks (the page's script keeps it true)."""
    bare = in_view - labelled if labels else 0
    text = (f"{bare} of {in_view} events here have no label: zoom in (drag across the chart) or hover"
            if bare else "")
    return dict(text=text, name="tl-unlabelled", visible=bool(bare), xref="paper", yref="paper", x=0.5,
                xanchor="center", y=0, yanchor="bottom", showarrow=False, bgcolor="#eef3f8", opacity=0.95,
                font=dict(size=11, color="#2b3a4a"), captureevents=False)


def plain_rows(frame: pd.DataFrame):
    """Rows as namedtuples of plain Python values: iterating Arrow-backed string columns cell by
    cell is several times slower, which shows at 10,000 events."""
    plain = frame.astype({c: object for c in frame.columns if str(frame[c].dtype) == "string"})
    return plain.itertuples(index=False)


def _as_events(df: pd.DataFrame) -> pd.DataFrame:
    """The table as SCHEMA; a table that already conforms skips the per-row validation."""
    if all(c in df.columns and str(df[c].dtype) == str(pd.Series([], dtype=t).dtype) for c, t in SCHEMA.items()) \
            and not df["start"].isna().any() and not df["end"].isna().any():
        return df
    return validate_events(df)


def _is_bar(frame: pd.DataFrame, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """Spans longer than one day are bars; a week/month/year is a bar even if its table row
    says start == end. Bars always cover at least one whole day, never zero length."""
    gran = frame["granularity"].to_numpy(dtype=object)
    days = (end.astype("datetime64[D]") - start.astype("datetime64[D]")).astype(np.int64)
    point_gran = np.isin(gran, POINT_GRANULARITIES) | (gran == "")
    return (days >= 1) | ~point_gran


def _x_range(start_days: np.ndarray, end_days: np.ndarray) -> tuple[float, float]:
    if not len(start_days):
        today = np.datetime64("today", "D").astype("float64")
        return today - 30, today + 30
    lo, hi = float(start_days.min()), float(end_days.max())
    pad = max((hi - lo) * 0.04, 2.0)
    if hi - lo < 10:  # one event, or a few in one week: show a readable fortnight around them
        pad = max(pad, (14 - (hi - lo)) / 2)
    return lo - pad, hi + pad


def _short(title: str, limit: int = 34) -> str:
    title = " ".join(str(title).split())
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"


def _iso_list(values: np.ndarray) -> list[str]:
    return [pad_year(str(v)) for v in values.astype("datetime64[s]")]


def _colour_groups(frame, color, color_map):
    if color is None:
        return np.zeros(len(frame), dtype=object), {0: "event"}, {0: PALETTE[0]}, ""
    values = lane_labels(frame, color) if frame[color].dtype == object else \
        ["(none)" if pd.isna(v) or str(v) == "" else str(v) for v in frame[color]]
    if color == "certainty":
        values = [v if v in CERTAINTY_COLORS else "" for v in frame["certainty"].fillna("")]
        present = [k for k in CERTAINTY_COLORS if k in set(values)]
        colors = {k: CERTAINTY_COLORS[k] for k in present}
        names = {k: CERTAINTY_NAMES[k] for k in present}
        return np.array(values, dtype=object), names, {**colors, **(color_map or {})}, "How the date is known"
    counts = pd.Series(values).value_counts(sort=True)
    keep = list(counts.index[: MAX_COLORS - 1]) if len(counts) > MAX_COLORS else list(counts.index)
    values = np.array([v if v in keep else "other" for v in values], dtype=object)
    if len(keep) < len(counts):
        keep.append("other")
    colors = {k: (color_map or {}).get(k, PALETTE[i % len(PALETTE)]) for i, k in enumerate(keep)}
    return values, {k: escape_text(_short(k, 30)) for k in keep}, colors, escape_text(color)


def _add_bars(fig, mask, start, bar_end, y, kind, hover, key, name, colour, n, show_legend):
    if not mask.any():
        return
    widths = (bar_end[mask] - start[mask]).astype("timedelta64[ms]").astype(np.int64)
    # a long period is a thin line at the top of its group, so it never hides a day behind it
    thick = np.where(kind[mask] == PERIOD, 0.16, 0.6 if n <= 1000 else 0.5)
    fig.add_trace(go.Bar(
        base=_iso_list(start[mask]), x=widths, y=y[mask], orientation="h", width=thick,
        marker={"color": colour, "opacity": 0.6 if n <= 1000 else 0.4,
                "line": {"color": colour, "width": 1 if n <= 1000 else 0}},
        hovertext=list(hover[mask]), hoverinfo="text", textposition="none",
        customdata=np.flatnonzero(mask).tolist(), name=name, legendgroup=str(key), showlegend=show_legend, meta="spans"))


def _add_markers(fig, mask, start, y, hover, key, name, colour, webgl, n):
    if not mask.any():
        return
    trace = go.Scattergl if webgl else go.Scatter
    size = 11 if n <= 1000 else 7
    fig.add_trace(trace(
        x=_iso_list(start[mask]), y=y[mask], mode="markers",
        marker={"color": colour, "size": size, "line": {"color": "white", "width": 1 if n <= 1000 else 0},
                "opacity": 0.95 if n <= 1000 else 0.8},
        hovertext=list(hover[mask]), hoverinfo="text", customdata=np.flatnonzero(mask).tolist(),
        name=name, legendgroup=str(key), showlegend=True, meta="days"))


def _outside_notes(before, after, start_days, end_days, x_lo, x_hi, interactive) -> list[dict]:
    """Notes at the plot's lower corners counting the events outside the view. An interactive
    chart always carries both (hidden at zero): the page's script recounts as the reader pans."""
    notes = []
    how = " (drag the slider or press “all”)" if interactive else ""
    for count, side in ((before, "before"), (after, "after")):
        if not count and not interactive:
            continue
        text = ""
        if count and side == "before":
            text = f"◀ {count} earlier event{'s' if count > 1 else ''} from {_year(start_days[end_days <= x_lo].min())}{how}"
        elif count:
            text = f"{count} later event{'s' if count > 1 else ''} to {_year(start_days[start_days >= x_hi].max())}{how} ▶"
        notes.append(dict(text=text, name=f"tl-outside-{side}", visible=bool(count), xref="paper", yref="paper",
                          x=0 if side == "before" else 1, xanchor="left" if side == "before" else "right",
                          y=0, yanchor="bottom", showarrow=False, bgcolor="#fff3c4", opacity=0.95,
                          font=dict(size=11, color="#5a4a00"), captureevents=False))
    return notes


def _year(day: float) -> str:
    return year_text(from_datetime64(np.datetime64(int(day), "D")).year)


def _day_iso(day: float) -> str:
    day = min(max(day, PLOTLY_DAYS[0]), PLOTLY_DAYS[1])
    return pad_year(str(np.datetime64(int(round(day * 86400)), "s")))


def _layout(fig, title, height, width, lanes, lane_ticks, rows, view, full, labels, legend_title,
            range_slider, template, is_bar, n, label_notes):
    x_lo, x_hi = view
    row_px = ROW_PX if labels else 14 if n <= WEBGL_THRESHOLD else 8
    # many lanes squeeze their rows into 1,400 px; without lanes a first view has more than 28
    # rows only when it grew to label every day and week in it, and keeps its rows readable
    height = height or int(min(1400 if lanes is not None else np.inf, max(360, 190 + row_px * (max(rows, 1) + 1))))
    to_date = _day_iso
    buttons = [dict(count=c, step=s, stepmode="backward", label=lab)
               for c, s, lab, days in _SELECTOR if days < (full[1] - full[0]) * 0.8]
    xaxis = dict(type="date", range=[to_date(x_lo), to_date(x_hi)], showgrid=True, gridcolor="#e6e6e6",
                 rangeslider=dict(visible=range_slider, thickness=0.07, range=[to_date(full[0]), to_date(full[1])]),
                 title=None)
    if buttons and range_slider:
        xaxis["rangeselector"] = dict(buttons=buttons + [dict(step="all", label="all")], x=0, y=1.02,
                                      bgcolor="#f0f0f0", activecolor="#d0d8e8")
    # a row more at the foot: the notes about unlabelled and outside events sit there, on no mark
    yaxis = dict(range=[rows + 0.6, -0.7] if rows else [1, -1], showgrid=False, zeroline=False,
                 fixedrange=True, showticklabels=lanes is not None)
    shapes = []
    if lanes is not None:
        yaxis.update(tickvals=[(a + b) / 2 for _, a, b in lane_ticks],
                     ticktext=[escape_text(_short(lane, 28)) for lane, _, _ in lane_ticks], ticks="")
        shapes = [dict(type="rect", xref="paper", yref="y", x0=0, x1=1, y0=a - 0.5, y1=b + 0.5,
                       fillcolor="#f5f7fa" if k % 2 == 0 else "rgba(0,0,0,0)", line={"width": 0},
                       layer="below") for k, (_, a, b) in enumerate(lane_ticks)]
    marks = []
    if (~is_bar).any():
        marks.append("● a dated day")
    if is_bar.any():
        marks.append("▬ a week, month, year… (the bar covers it; long ones are thin lines on top)")
    margin = dict(l=10 if lanes is None else 20, r=20, t=90 if title else 60, b=44 if legend_title else 20)
    if lanes is None and range_slider:
        # room for the axis and the slider set here rather than found by plotly, which would
        # draw the whole chart a second time once it had (a second at thousands of events);
        # lane names still need plotly's automatic margin
        margin.update(l=15, b=margin["b"] + AXIS_PX + SLIDER_PX + 15, autoexpand=False)
        xaxis["rangeslider"]["thickness"] = SLIDER_PX / max(height - margin["t"] - margin["b"], SLIDER_PX)
    fig.update_layout(
        template=template, height=height, width=width, xaxis=xaxis, yaxis=yaxis, shapes=shapes,
        title=dict(text=escape_text(title), x=0.01, xanchor="left") if title else None,
        # the legend sits at the foot of the figure whatever its height, clear of the range slider
        legend=dict(title=dict(text=legend_title), orientation="h", x=0, xanchor="left",
                    yref="container", y=0.005, yanchor="bottom"),
        margin=margin,
        hoverlabel=dict(align="left", font=dict(size=12, color="#1d2733"), bgcolor="white", bordercolor="#888"),
        hovermode="closest", barmode="overlay", bargap=0, showlegend=bool(legend_title) and n > 0,
        annotations=[dict(text="   ".join(marks), xref="paper", yref="paper", x=1, y=1.02, xanchor="right",
                          yanchor="bottom", showarrow=False, font=dict(size=11, color="#555"))] + label_notes
        if n else [],
        uirevision="timeline")
