"""Figure -> HTML: a standalone offline page or an embeddable fragment, each with the chart, a
date-sorted event list for keyboard and screen-reader users, and a print stylesheet.

Every piece of article text is escaped with html.escape; the only URLs that become links or
click targets are plain http(s) ones. Plotly's own JSON encoder escapes "<", ">" and "/" inside
the <script> it writes (checked in tests), so "</script>" in article text cannot end it.
"""

from __future__ import annotations

import html
import logging
import os
import uuid
from functools import lru_cache
from importlib import resources

import pandas as pd
import plotly.graph_objects as go

from timeline.atomic import atomic_write_text
from timeline.chart.explore import controls_html, events_json, panel_html
from timeline.chart.figure import plain_rows, render
from timeline.chart.hover import day_text, safe_url, when_text
from timeline.chart.labels import FIRST_LABELS
from timeline.chart.view import default_title

log = logging.getLogger(__name__)

# The page's script (page.js): lays the labels out again for every view, runs the search,
# filters and details panel, and keeps the notes about events out of view or unlabelled true.
@lru_cache(maxsize=None)
def _script() -> str:
    text = resources.files("timeline.chart").joinpath("page.js").read_text(encoding="utf-8")
    return text.replace("{first_labels}", str(FIRST_LABELS))


def _css() -> str:
    return resources.files("timeline.chart").joinpath("page.css").read_text(encoding="utf-8")


def to_html(df_or_fig, path: str | os.PathLike | None = None, fragment: bool = False,
            include_plotlyjs: bool | str = True, title: str | None = None,
            events: pd.DataFrame | None = None, event_list: bool = True, heading_level: int = 2,
            **render_options) -> str:
    """The timeline as HTML; written atomically to `path` when given, and returned.

    fragment=False: one standalone page with plotly.js inline, so it works offline.
    fragment=True: a <div> (chart, event list and its scoped styles) to embed in a report.
    include_plotlyjs: True (inline), "cdn", or False when the host page loads plotly.js itself.
    A DataFrame is drawn with `render(df, title=title, **render_options)`; for a Figure the event
    list uses `events`, or the table render() drew it from. heading_level: the event list's
    heading (<h2> by default; 3 when the host report already uses <h2> for the section).
    """
    if isinstance(df_or_fig, go.Figure):
        if render_options:
            raise TypeError(f"render options {sorted(render_options)} need a DataFrame, not a Figure")
        fig = df_or_fig  # never modified: `title` only names the page
    else:
        # a page shows its title as <h1>; a fragment's chart carries it for the host report
        fig = render(df_or_fig, title=title if fragment else None, **render_options)
    table = events if events is not None else getattr(fig, "_timeline_events", None)
    uid = uuid.uuid4().hex[:10]
    plot_id = f"timeline-plot-{uid}"
    chart = _gl_pixels_of_the_screen(fig.to_html(
        full_html=False, include_plotlyjs=include_plotlyjs, include_mathjax=False, div_id=plot_id,
        post_script=_script(), default_width="100%",
        config={"displaylogo": False, "responsive": True, "scrollZoom": False,
                "modeBarButtonsToRemove": ["lasso2d", "select2d", "autoScale2d"],
                "toImageButtonOptions": {"format": "png", "filename": "timeline", "scale": 2},
                "plotGlPixelRatio": _SCREEN_PIXELS}))
    n = int(table["start"].notna().sum()) if table is not None else None
    label = (f"Timeline chart of {n} dated event{'s' if n != 1 else ''}; every event is listed below as text."
             if n is not None else "Timeline chart.")
    # the only chart of a standalone page: its script need not wait for the rest of the page
    body = [f'<div class="tl-root" id="timeline-{uid}"{"" if fragment else " data-tl-alone"}>']
    if fragment:  # one self-contained element: its styles travel inside it
        body.append(f"<style>{_scope_css(_css())}</style>")
    # search, filters and the details panel need the events in the order render() drew them
    explorable = table is not None and table is getattr(fig, "_timeline_events", None) \
        and getattr(fig, "_timeline_layout", None) is not None
    if explorable:
        body.append('<script type="application/json" class="tl-data">'
                    f'{events_json(table, fig._timeline_layout)}</script>')
        body.append(controls_html(table, uid))
    if table is not None and event_list:
        body.append(f'<a class="tl-skip" href="#timeline-events-{uid}">Skip the chart: go to the event list</a>')
    # the panel comes before the chart, so that it is there when the page's script starts
    body.append(f'<figure class="tl-chart" role="group" aria-label="{html.escape(label)}">'
                f'{panel_html() if explorable else ""}{chart}</figure>')
    if table is not None and event_list:
        body.append(event_list_html(table, f"timeline-events-{uid}", heading_level=heading_level))
    body.append("</div>")
    if fragment:
        out = "\n".join(body)
    else:
        page_title = html.escape(title or _figure_title(fig) or default_title(table))
        summary = _summary(table, getattr(fig, "_timeline_view", None)) if table is not None else ""
        out = ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
               '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
               '<meta name="generator" content="timeline">\n'
               f"<title>{page_title}</title>\n<style>{_css()}</style>\n</head>\n<body>\n<main>\n"
               f"<h1>{page_title}</h1>\n{summary}\n" + "\n".join(body) + "\n</main>\n</body>\n</html>\n")
    if path is not None:
        atomic_write_text(path, out)
        log.info("wrote %s (%.1f MB)", path, len(out) / 1e6)
    return out


# plotly draws WebGL marks (above a thousand events) on canvases of plotGlPixelRatio (default 2)
# pixels per screen pixel: four times the pixels to fill and to copy to the screen on a common
# display, which costs a software-drawn browser a few hundred milliseconds per view. The page
# asks for the screen's own ratio instead (1 to 4, plotly's bounds), which only the browser
# knows: the config (JSON) carries a placeholder that becomes that expression.
_SCREEN_PIXELS = "timeline-screen-pixel-ratio"
_SCREEN_PIXELS_JS = "Math.min(4, Math.max(1, window.devicePixelRatio || 1))"


def _gl_pixels_of_the_screen(chart: str) -> str:
    # the config is plotly's last argument, written by json.dumps (": " between key and value);
    # article text sits in the figure before it, where a quote is always escaped
    placeholder = f'"plotGlPixelRatio": "{_SCREEN_PIXELS}"'
    head, found, tail = chart.rpartition(placeholder)
    if not found:
        raise RuntimeError("plotly wrote the chart's config in an unexpected form")
    return f'{head}"plotGlPixelRatio": {_SCREEN_PIXELS_JS}{tail}'


def plotly_js() -> str:
    """plotly.js inline, for a report holding several timelines: put it once before the first
    and draw each with `to_html(..., fragment=True, include_plotlyjs=False)`, so a report of
    several charts carries one copy (~4.7 MB) and still works offline."""
    from plotly.offline import get_plotlyjs

    return ('<script type="text/javascript">window.PlotlyConfig = {MathJaxConfig: "local"};</script>\n'
            f'<script charset="utf-8" type="text/javascript">{get_plotlyjs()}</script>')


def _figure_title(fig: go.Figure) -> str:
    text = fig.layout.title.text if fig.layout.title else None
    return html.unescape(text).replace("&#36;", "$") if text else ""


def _scope_css(css: str) -> str:
    """A fragment must not restyle the host page: keep only rules already scoped to .tl-*."""
    return css.split("/* page-only */")[0]


def _summary(table: pd.DataFrame, view: dict | None = None) -> str:
    dated = table[table["start"].notna()]
    undated = len(table) - len(dated)
    sources = sorted({s for row in table["sources"] for s in row})
    src = f", told by {_count(len(sources), 'source')}" if sources else ""
    if dated.empty:
        text = f"No dated events{'; ' + _count(undated, 'undated event') + src if undated else ''}."
        return f'<p class="tl-summary">{text}</p>'
    first, last = pd.Timestamp(dated["start"].min()), pd.Timestamp(dated["end"].max())
    span = f"{day_text(first)} to {day_text(last)}"
    parts = [f"{_count(len(dated), 'event')} from {span}{src}."]
    view = view or {}
    if view.get("range"):
        lo, hi = (pd.Timestamp(v) for v in view["range"])
        away = [f"{_count(view['before'], 'earlier event')}" if view.get("before") else "",
                f"{_count(view['after'], 'later event')}" if view.get("after") else ""]
        away = " and ".join(a for a in away if a)
        verb = "is" if away.startswith("1 ") and " and " not in away else "are"
        parts.append(f"The chart opens on {day_text(lo)} – {day_text(hi)}, where most events are"
                     + (f"; {away} {verb} outside that view: drag the range slider or press “all”." if away else "."))
    if undated:
        parts.append(f"{_count(undated, 'undated event')} (no date could be found) "
                     f"{'is' if undated == 1 else 'are'} listed at the end, not on the chart.")
    return f'<p class="tl-summary">{html.escape(" ".join(parts), quote=False)}</p>'


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def event_list_html(table: pd.DataFrame, list_id: str, heading_level: int = 2) -> str:
    """A date-sorted <ol> of every event with its date, text, evidence and source links (in
    the order render() drew them, which the page's search and filters rely on)."""
    h, h_item = f"h{heading_level}", f"h{heading_level + 1}"
    rows = table.sort_values(["start", "end"], kind="stable")
    items = []
    for row in plain_rows(rows):
        when = html.escape(when_text(row.date, row.start, row.end, row.granularity))
        # an undated event has no machine-readable date to give, so no <time> either; nor has
        # a date before AD 1 (HTML's datetime attribute takes years from 1 only)
        if pd.isna(row.start):
            stamp = f'<span class="tl-undated">{when}</span>'
        elif pd.Timestamp(row.start).year < 1:
            stamp = f'<span class="tl-when">{when}</span>'
        else:
            stamp = f'<time datetime="{pd.Timestamp(row.start).date()}">{when}</time>'

        parts = [f'<li class="tl-event"><{h_item} class="tl-title">{stamp} — {html.escape(row.title)}</{h_item}>']
        meta = []
        if row.actors:
            meta.append("Who: " + html.escape(", ".join(row.actors)))
        if row.place:
            meta.append("Where: " + html.escape(row.place))
        if row.certainty:
            meta.append("Date: " + html.escape(row.certainty) + (f" (“{html.escape(row.time_text)}”)" if row.time_text else ""))
        if meta:
            parts.append('<p class="tl-meta">' + " · ".join(meta) + "</p>")
        if row.description and row.description != row.evidence:
            parts.append(f'<p class="tl-desc">{html.escape(row.description)}</p>')
        if row.evidence:
            parts.append(f'<blockquote class="tl-evidence">{html.escape(row.evidence)}</blockquote>')
        if row.sources or row.urls:
            parts.append('<p class="tl-sources">Sources: ' + _source_links(row.sources, row.urls, row.source_titles)
                         + "</p>")
        parts.append("</li>")
        items.append("".join(parts))
    return (f'<section class="tl-events" id="{list_id}" aria-labelledby="{list_id}-h" tabindex="-1">'
            f'<{h} id="{list_id}-h">Events in date order ({len(items)})</{h}>'
            f'<ol class="tl-list">{"".join(items)}</ol></section>')


def _source_links(sources: list, urls: list, titles: list) -> str:
    links = []
    for k in range(max(len(sources), len(urls))):
        url = urls[k] if k < len(urls) else ""
        name = (titles[k] if k < len(titles) else "") or (sources[k] if k < len(sources) else "")
        label = html.escape(name or url or "source")
        if safe_url(url):
            links.append(f'<a href="{html.escape(url.strip(), quote=True)}" rel="noopener noreferrer">{label}</a>')
        else:
            links.append(label)
    return ", ".join(links)

