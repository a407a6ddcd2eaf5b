"""Events table -> plotly Figure: markers for day events, bars for longer spans, lanes, colours."""

from __future__ import annotations

import logging

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from timeline.chart.hover import escape_text, first_url, hover_html
from timeline.chart.lanes import LANE_COLUMNS, lane_labels, lane_order, pack_rows
from timeline.chart.view import focus_window, outside
from timeline.table import SCHEMA, validate_events

log = logging.getLogger(__name__)

WEBGL_THRESHOLD = 1000   # SVG scatter gets sluggish past about a thousand points
LABEL_THRESHOLD = 60     # above this, titles next to marks would overlap; hover carries them
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
    "certainty"); None for one colour. labels: titles beside the marks (default: when there are
    at most 60 events). webgl: WebGL markers (default: above 1,000 events). hover_data: more
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
    labels = n <= LABEL_THRESHOLD if labels is None else labels
    webgl = n > WEBGL_THRESHOLD if webgl is None else webgl
    # a responsive chart is as wide as the window allows (1,150 px on the page at most): labels
    # are kept apart for a ~1,024 px laptop window, so wider screens only add room
    width_px = width or 980

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
    # a label may take up to ~half the plot before it is cut (see the packing below)
    short_titles = [_short(t, 72 if n <= 20 else 56 if n <= LABEL_THRESHOLD else 34) for t in frame["title"]]
    # the plot's width in pixels, less the lane names: labels are sized against it
    plot_px = max(300.0, width_px - (130 if lanes else 40))
    label_px = np.array([len(t) * 6.2 + 14 for t in short_titles]) if labels else np.full(n, 10.0)
    # labels of marks in the right part of the axis go to their left, so the axis need not grow
    right_side = (start_days - x_lo) < 0.55 * (x_hi - x_lo)
    in_view = (end_days > x_lo) & (start_days < x_hi)
    if labels and n and (right_side & in_view).any():
        # widen the axis until the last right-hand label fits (its share of the axis grows with it)
        grow = right_side & in_view
        need = (end_days[grow] - x_lo) / np.clip(1 - label_px[grow] / plot_px, 0.2, 1)
        x_hi = max(x_hi, x_lo + float(need.max()) + 1)
        full_hi = max(full_hi, x_hi)
    label_days = label_px / plot_px * (x_hi - x_lo)
    busy_from = np.where(right_side, start_days, start_days - label_days)
    busy_until = np.where(right_side, end_days + label_days, end_days)
    lane_of = lane_labels(frame, lanes)
    order = lane_order(lane_of, start, (end_days > x_lo) & (start_days < x_hi)) if n else []
    if len(order) > MAX_LANES:  # past ~30 lanes the names overlap: the quietest share one
        keep = set(order[: MAX_LANES - 1])
        other = f"({len(order) - MAX_LANES + 1} others)"
        lane_of = [lane if lane in keep else other for lane in lane_of]
        order = order[: MAX_LANES - 1] + [other]
    # labels must never overlap; bare marks may once rows run out (a dense 10,000-event chart
    # would otherwise be thousands of rows tall)
    budget = None if labels else max(48 if n <= WEBGL_THRESHOLD else 96, 4 * len(order))
    y, lane_ticks, rows = _stack(lane_of, order, busy_from, busy_until, max_rows=30 if labels else budget,
                                 budget=budget)

    groups, names, colors, legend_title = _colour_groups(frame, color, color_discrete_map)
    extras = ([list(zip(hover_data, values)) for values in zip(*(frame[c].tolist() for c in hover_data))]
              if hover_data else [()] * n)
    hover = [hover_html(row, hover_width, extra) for row, extra in zip(plain_rows(frame), extras)]
    urls = np.array([first_url(u) for u in frame["urls"]], dtype=object)
    hover = np.array(hover, dtype=object)
    fig = go.Figure()
    for key in names:
        in_group = groups == key
        has_days = bool((in_group & ~is_bar).any())
        _add_markers(fig, in_group & ~is_bar, start, y, hover, urls, key, names[key], colors[key], webgl, n)
        _add_bars(fig, in_group & is_bar, start, bar_end, y, hover, urls, key, names[key], colors[key], n,
                  show_legend=not has_days)
    label_notes = []
    if labels and n:
        # annotations, not a text trace: the range slider would draw a trace's text a second time
        anchor = _iso_list(np.where(is_bar & right_side, bar_end, start))
        label_notes = [dict(x=x, y=float(yy), text=escape_text(t), xref="x", yref="y", showarrow=False,
                            xanchor="left" if right else "right", xshift=8 if right else -8,
                            font=dict(size=12, color="#333"), captureevents=False)
                       for x, yy, t, right in zip(anchor, y, short_titles, right_side)]
    if n:
        label_notes += _outside_notes(before, after, start_days, end_days, x_lo, x_hi, range_slider)
    _layout(fig, title, height, width, lanes, lane_ticks, rows, (x_lo, x_hi), (full_lo, full_hi), labels,
            legend_title, range_slider, template, is_bar, n, label_notes)
    # lets to_html(fig) list every event under the chart, undated ones included, and tell what
    # the first view leaves out
    fig._timeline_events = table
    fig._timeline_view = {"before": before, "after": after, "undated": n_undated,
                          "range": (_day_iso(x_lo), _day_iso(x_hi)) if window else None}
    log.debug("rendered %d events (%d bars) in %d lanes", n, int(is_bar.sum()), len(order))
    return fig


def plain_rows(frame: pd.DataFrame):
    """Rows as namedtuples of plain Python values: iterating Arrow-backed string columns cell by
    cell is several times slower, which shows at 10,000 events."""
    plain = frame.astype({c: object for c in frame.columns if str(frame[c].dtype) == "string"})
    return plain.itertuples(index=False)


def _stack(lane_of: list[str], order: list[str], busy_from, busy_until, max_rows: int,
           budget: int | None = None):
    """y of every event: lanes one under another (a blank row between), and inside a lane the
    rows that keep marks and labels apart. `budget`: the rows all lanes share; quiet lanes take
    only what they need and the busy ones split the rest, rather than every lane getting the
    same few rows. Returns (y, [(lane, first row, last row)], rows)."""
    y = np.zeros(len(lane_of))
    lane_arr = np.array(lane_of, dtype=object)
    members = [np.flatnonzero(lane_arr == lane) for lane in order]
    caps = [max_rows] * len(order)
    packed = [None] * len(order)
    if budget is not None and members:
        packed = [pack_rows(busy_from[idx], busy_until[idx], max_rows) for idx in members]
        demand = [int(rows.max()) + 1 for rows in packed]
        cap = 1
        while cap < max(demand) and sum(min(d, cap + 1) for d in demand) <= budget:
            cap += 1
        caps = [min(d, cap) for d in demand]
        # a lane that got all the rows it asked for is packed already (the same greedy choices)
        packed = [rows if d <= c else None for rows, d, c in zip(packed, demand, caps)]
    ticks, base = [], 0
    for lane, idx, cap, rows in zip(order, members, caps, packed):
        if rows is None:
            rows = pack_rows(busy_from[idx], busy_until[idx], cap)
        y[idx] = base + rows
        depth = int(rows.max()) + 1
        ticks.append((lane, base, base + depth - 1))
        base += depth + 1
    return y, ticks, base


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
    return [str(v) for v in values.astype("datetime64[s]")]


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


def _add_bars(fig, mask, start, bar_end, y, hover, urls, key, name, colour, n, show_legend):
    if not mask.any():
        return
    widths = (bar_end[mask] - start[mask]).astype("timedelta64[ms]").astype(np.int64)
    fig.add_trace(go.Bar(
        base=_iso_list(start[mask]), x=widths, y=y[mask], orientation="h", width=0.62 if n <= 1000 else 0.5,
        marker={"color": colour, "opacity": 0.55 if n <= 1000 else 0.35,
                "line": {"color": colour, "width": 1 if n <= 1000 else 0}},
        hovertext=list(hover[mask]), hoverinfo="text", textposition="none",
        customdata=list(urls[mask]), name=name, legendgroup=str(key), showlegend=show_legend, meta="spans"))


def _add_markers(fig, mask, start, y, hover, urls, key, name, colour, webgl, n):
    if not mask.any():
        return
    trace = go.Scattergl if webgl else go.Scatter
    size = 12 if n <= 60 else 9 if n <= 1000 else 6
    fig.add_trace(trace(
        x=_iso_list(start[mask]), y=y[mask], mode="markers",
        marker={"color": colour, "size": size, "line": {"color": "white", "width": 1 if n <= 1000 else 0},
                "opacity": 0.95 if n <= 1000 else 0.7},
        hovertext=list(hover[mask]), hoverinfo="text", customdata=list(urls[mask]),
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


def _year(day: float) -> int:
    return int(str(np.datetime64(int(day), "D"))[:4])


def _day_iso(day: float) -> str:
    return str(np.datetime64(int(round(day * 86400)), "s"))


def _layout(fig, title, height, width, lanes, lane_ticks, rows, view, full, labels, legend_title,
            range_slider, template, is_bar, n, label_notes):
    x_lo, x_hi = view
    row_px = 30 if labels else 14 if n <= WEBGL_THRESHOLD else 8
    height = height or int(min(1400, max(360, 190 + row_px * max(rows, 1))))
    to_date = _day_iso
    buttons = [dict(count=c, step=s, stepmode="backward", label=lab)
               for c, s, lab, days in _SELECTOR if days < (full[1] - full[0]) * 0.8]
    xaxis = dict(type="date", range=[to_date(x_lo), to_date(x_hi)], showgrid=True, gridcolor="#e6e6e6",
                 rangeslider=dict(visible=range_slider, thickness=0.07, range=[to_date(full[0]), to_date(full[1])]),
                 title=None)
    if buttons and range_slider:
        xaxis["rangeselector"] = dict(buttons=buttons + [dict(step="all", label="all")], x=0, y=1.02,
                                      bgcolor="#f0f0f0", activecolor="#d0d8e8")
    yaxis = dict(range=[rows - 0.5, -0.7] if rows else [1, -1], showgrid=False, zeroline=False,
                 fixedrange=True, showticklabels=lanes is not None)
    shapes = []
    if lanes is not None:
        yaxis.update(tickvals=[(a + b) / 2 for _, a, b in lane_ticks],
                     ticktext=[escape_text(_short(lane, 28)) for lane, _, _ in lane_ticks], ticks="")
        shapes = [dict(type="rect", xref="paper", yref="y", x0=0, x1=1, y0=a - 0.5, y1=b + 0.5,
                       fillcolor="#f5f7fa" if k % 2 == 0 else "rgba(0,0,0,0)", line={"width": 0},
                       layer="below") for k, (_, a, b) in enumerate(lane_ticks)]
    kinds = []
    if (~is_bar).any():
        kinds.append("● a dated day")
    if is_bar.any():
        kinds.append("▬ a week, month, year… (bar covers it)")
    fig.update_layout(
        template=template, height=height, width=width, xaxis=xaxis, yaxis=yaxis, shapes=shapes,
        title=dict(text=escape_text(title), x=0.01, xanchor="left") if title else None,
        # the legend sits at the foot of the figure whatever its height, clear of the range slider
        legend=dict(title=dict(text=legend_title), orientation="h", x=0, xanchor="left",
                    yref="container", y=0.005, yanchor="bottom"),
        margin=dict(l=10 if lanes is None else 20, r=20, t=90 if title else 60, b=44 if legend_title else 20),
        hoverlabel=dict(align="left", font=dict(size=12, color="#1d2733"), bgcolor="white", bordercolor="#888"),
        hovermode="closest", barmode="overlay", bargap=0, showlegend=bool(legend_title) and n > 0,
        annotations=[dict(text="   ".join(kinds), xref="paper", yref="paper", x=1, y=1.02, xanchor="right",
                          yanchor="bottom", showarrow=False, font=dict(size=11, color="#555"))] + label_notes
        if n else [],
        uirevision="timeline")
