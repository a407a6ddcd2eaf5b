"""Events table -> interactive timeline.

    fig = render(df, lanes="actors")          # plotly Figure, plotly-express style keywords
    html = to_html(fig, "timeline.html")      # standalone, offline page with an event list
    div = to_html(df, fragment=True)          # a <div> to embed in a report
    to_image(df, "timeline.png")              # PNG / SVG / PDF through kaleido + Chromium
"""

from timeline.render.figure import render
from timeline.render.image import to_image
from timeline.render.page import event_list_html, to_html

__all__ = ["render", "to_html", "to_image", "event_list_html"]
