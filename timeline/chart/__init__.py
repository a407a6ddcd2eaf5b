"""Events table -> interactive timeline (the drawing behind `timeline.render`).

    fig = render(df, lanes="actors")          # plotly Figure, plotly-express style keywords
    html = to_html(fig, "timeline.html")      # standalone, offline page with an event list
    div = to_html(df, fragment=True)          # a <div> to embed in a report
    to_image(df, "timeline.png")              # PNG / SVG / PDF through kaleido + Chromium
"""

from timeline.chart.figure import render
from timeline.chart.image import to_image
from timeline.chart.page import event_list_html, to_html
from timeline.chart.view import default_title

__all__ = ["render", "to_html", "to_image", "event_list_html", "default_title"]
