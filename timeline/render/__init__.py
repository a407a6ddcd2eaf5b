"""Events table -> interactive timeline.

    fig = render(df, lanes="actors")          # plotly Figure, plotly-express style keywords
    html = to_html(fig, "timeline.html")      # standalone, offline page with an event list
    div = to_html(df, fragment=True)          # a <div> to embed in a report
    to_image(df, "timeline.png")              # PNG / SVG / PDF through kaleido + Chromium
"""

import sys
import types

from timeline.render.figure import render
from timeline.render.image import to_image
from timeline.render.page import event_list_html, to_html
from timeline.render.view import default_title

__all__ = ["render", "to_html", "to_image", "event_list_html", "default_title"]


class _CallableModule(types.ModuleType):
    """`timeline.render` is both this package and the public function: once anything imports
    the package, Python binds the attribute `timeline.render` to the module, so the module
    itself must be callable for `timeline.render(df)` to keep working."""

    def __call__(self, *args, **kwargs):
        return render(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
