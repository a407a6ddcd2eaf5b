"""Events table -> interactive timeline (the drawing behind `timeline.render`).

    fig = render(df, lanes="actors")          # plotly Figure, plotly-express style keywords
    html = to_html(fig, "timeline.html")      # standalone, offline page with an event list
    div = to_html(df, fragment=True)          # a <div> to embed in a report
    plotly_js() + to_html(a, fragment=True, include_plotlyjs=False) + to_html(b, ...)  # one plotly.js
    to_image(df, "timeline.png")              # PNG / SVG / PDF through kaleido + Chromium
"""

from timeline.chart.figure import render
from timeline.chart.image import to_image
from timeline.chart.page import event_list_html, plotly_js, to_html
from timeline.chart.view import default_title

__all__ = ["render", "to_html", "to_image", "event_list_html", "default_title", "plotly_js"]
