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
from importlib import resources

import pandas as pd
import plotly.graph_objects as go

from timeline.atomic import atomic_write_text
from timeline.render.figure import plain_rows, render
from timeline.render.hover import safe_url, when_text
from timeline.render.view import default_title

log = logging.getLogger(__name__)

# Opens the clicked event's source. The URL comes from the figure's data, which article-derived
# tables fill, so it is checked again here: only http(s), in a new tab without an opener.
CLICK_JS = """
(function () {
  var gd = document.getElementById('{plot_id}');
  if (!gd || !gd.on) { return; }
  gd.on('plotly_click', function (ev) {
    var p = ev && ev.points && ev.points[0];
    if (!p) { return; }
    var url = Array.isArray(p.customdata) ? p.customdata[0] : p.customdata;
    if (typeof url === 'string' && /^https?:\\/\\/[^\\s"'<>\\\\]+$/i.test(url)) {
      window.open(url, '_blank', 'noopener,noreferrer');
    }
  });
  // Recount the events left and right of the view for the notes render() put at the plot's
  // corners (named tl-outside-before/after), so they stay true as the reader pans and zooms.
  function ms(v) {
    if (typeof v === 'number') { return v; }
    var s = String(v).replace(' ', 'T');
    return Date.parse(s.length === 10 ? s + 'T00:00:00Z' : s + 'Z');
  }
  // Labels are laid out for a ~1,024 px window; in a narrower one (or zoomed out) a label that
  // would cover a mark or an earlier label is hidden until there is room again. Hover still
  // names its event.
  function declutter() {
    var notes = gd.layout.annotations || [];
    // marks are drawn first and never hidden; a label that would cover one gives way
    var kept = [].slice.call(gd.querySelectorAll('.cartesianlayer .scatterlayer path.point, .cartesianlayer .barlayer .point path'))
      .map(function (m) { return m.getBoundingClientRect(); }).filter(function (r) { return r.width > 0; });
    [].slice.call(gd.querySelectorAll('.infolayer g.annotation')).forEach(function (g) {
      var a = notes[Number(g.getAttribute('data-index'))];
      if (!a || a.xref !== 'x') { return; }
      g.style.display = '';
      var text = g.querySelector('.annotation-text');  // absent while the label is off-axis
      var r = text && text.getBoundingClientRect();
      if (!r || !r.width) { return; }
      var clash = kept.some(function (k) {
        return r.left < k.right - 1 && k.left < r.right - 1 && r.top < k.bottom - 1 && k.top < r.bottom - 1;
      });
      if (clash) { g.style.display = 'none'; } else { kept.push(r); }
    });
  }
  gd.on('plotly_afterplot', declutter);
  gd.on('plotly_relayout', declutter);  // zoom and pan move the labels without a full replot
  window.addEventListener('resize', function () { setTimeout(declutter, 50); });
  declutter();
  function plural(n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); }
  var busy = false;
  gd.on('plotly_relayout', function () {
    var notes = (gd.layout.annotations || []), idx = {};
    notes.forEach(function (a, i) { if (a.name === 'tl-outside-before' || a.name === 'tl-outside-after') { idx[a.name] = i; } });
    var r = gd.layout.xaxis && gd.layout.xaxis.range;
    if (busy || !r || idx['tl-outside-before'] === undefined) { return; }
    var lo = ms(r[0]), hi = ms(r[1]), before = 0, after = 0, first = Infinity, last = -Infinity;
    gd.data.forEach(function (t) {
      if (t.meta !== 'days' && t.meta !== 'spans') { return; }
      var starts = t.meta === 'days' ? t.x : t.base;
      for (var i = 0; i < starts.length; i++) {
        var s = ms(starts[i]), e = t.meta === 'days' ? s : s + Number(t.x[i]);
        if (e <= lo && s < lo) { before++; first = Math.min(first, s); }
        else if (s >= hi) { after++; last = Math.max(last, s); }
      }
    });
    var how = ' (drag the slider or press \u201call\u201d)', upd = {}, ib = idx['tl-outside-before'], ia = idx['tl-outside-after'];
    var tb = before ? '\u25c0 ' + plural(before, 'earlier event') + ' from ' + new Date(first).getUTCFullYear() + how : '';
    var ta = after ? plural(after, 'later event') + ' to ' + new Date(last).getUTCFullYear() + how + ' \u25b6' : '';
    if (notes[ib].text !== tb || notes[ib].visible !== !!before) { upd['annotations[' + ib + '].text'] = tb; upd['annotations[' + ib + '].visible'] = !!before; }
    if (notes[ia].text !== ta || notes[ia].visible !== !!after) { upd['annotations[' + ia + '].text'] = ta; upd['annotations[' + ia + '].visible'] = !!after; }
    if (Object.keys(upd).length) { busy = true; Plotly.relayout(gd, upd).then(function () { busy = false; }, function () { busy = false; }); }
  });
})();
"""


def _css() -> str:
    return resources.files("timeline.render").joinpath("page.css").read_text(encoding="utf-8")


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
    chart = fig.to_html(
        full_html=False, include_plotlyjs=include_plotlyjs, include_mathjax=False, div_id=plot_id,
        post_script=CLICK_JS, default_width="100%",
        config={"displaylogo": False, "responsive": True, "scrollZoom": False,
                "modeBarButtonsToRemove": ["lasso2d", "select2d", "autoScale2d"],
                "toImageButtonOptions": {"format": "png", "filename": "timeline", "scale": 2}})
    n = int(table["start"].notna().sum()) if table is not None else None
    label = (f"Timeline chart of {n} dated event{'s' if n != 1 else ''}; every event is listed below as text."
             if n is not None else "Timeline chart.")
    body = [f'<div class="tl-root" id="timeline-{uid}">']
    if fragment:  # one self-contained element: its styles travel inside it
        body.append(f"<style>{_scope_css(_css())}</style>")
    if table is not None and event_list:
        body.append(f'<a class="tl-skip" href="#timeline-events-{uid}">Skip the chart: go to the event list</a>')
    body.append(f'<figure class="tl-chart" role="group" aria-label="{html.escape(label)}">{chart}</figure>')
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
    span = f"{first.day} {first:%b %Y} to {last.day} {last:%b %Y}"
    parts = [f"{_count(len(dated), 'event')} from {span}{src}."]
    view = view or {}
    if view.get("range"):
        lo, hi = (pd.Timestamp(v) for v in view["range"])
        away = [f"{_count(view['before'], 'earlier event')}" if view.get("before") else "",
                f"{_count(view['after'], 'later event')}" if view.get("after") else ""]
        away = " and ".join(a for a in away if a)
        verb = "is" if away.startswith("1 ") and " and " not in away else "are"
        parts.append(f"The chart opens on {lo.day} {lo:%b %Y} – {hi.day} {hi:%b %Y}, where most events are"
                     + (f"; {away} {verb} outside that view: drag the range slider or press “all”." if away else "."))
    if undated:
        parts.append(f"{_count(undated, 'undated event')} (no date could be found) "
                     f"{'is' if undated == 1 else 'are'} listed at the end, not on the chart.")
    return f'<p class="tl-summary">{html.escape(" ".join(parts), quote=False)}</p>'


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def event_list_html(table: pd.DataFrame, list_id: str, heading_level: int = 2) -> str:
    """A date-sorted <ol> of every event with its date, text, evidence and source links."""
    h, h_item = f"h{heading_level}", f"h{heading_level + 1}"
    rows = table.sort_values(["start", "end"], kind="stable")
    items = []
    for row in plain_rows(rows):
        when = html.escape(when_text(row.date, row.start, row.end, row.granularity))
        # an undated event has no machine-readable date to give, so no <time> either
        stamp = (f'<time datetime="{pd.Timestamp(row.start):%Y-%m-%d}">{when}</time>' if not pd.isna(row.start)
                 else f'<span class="tl-undated">{when}</span>')
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
            parts.append('<p class="tl-sources">Sources: ' + _source_links(row.sources, row.urls) + "</p>")
        parts.append("</li>")
        items.append("".join(parts))
    return (f'<section class="tl-events" id="{list_id}" aria-labelledby="{list_id}-h" tabindex="-1">'
            f'<{h} id="{list_id}-h">Events in date order ({len(items)})</{h}>'
            f'<ol class="tl-list">{"".join(items)}</ol></section>')


def _source_links(sources: list, urls: list) -> str:
    links = []
    for k in range(max(len(sources), len(urls))):
        url = urls[k] if k < len(urls) else ""
        label = html.escape(sources[k] if k < len(sources) and sources[k] else (url or "source"))
        if safe_url(url):
            links.append(f'<a href="{html.escape(url.strip(), quote=True)}" rel="noopener noreferrer">{label}</a>')
        else:
            links.append(label)
    return ", ".join(links)

