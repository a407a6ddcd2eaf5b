"""timeline: news text in, a sourced, interactive event timeline out.

    import timeline
    df = timeline.build(["article1.txt", "article2.html"])   # pandas DataFrame of events
    fig = timeline.render(df, lanes="actors")                 # plotly Figure
    timeline.to_html(fig, "timeline.html")                    # one offline file

Nothing heavy is imported until a function is used.
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

# public name -> module that defines it; resolved on first use so `import timeline` stays cheap
_EXPORTS = {
    "build": "timeline.pipeline",
    "extract": "timeline.pipeline",
    "tag": "timeline.timex",
    "Timex": "timeline.timex.model",
    "Document": "timeline.document",
    "Options": "timeline.options",
    "render": "timeline.chart",
    "to_html": "timeline.chart",
    "events_frame": "timeline.table",
    "SCHEMA": "timeline.table",
    "read_events": "timeline.table",
    "write_events": "timeline.table",
    "load_documents": "timeline.documents",
}

# sub-modules users reach as attributes (`timeline.report.RunReport()`) without importing them
_SUBMODULES = ("chart", "documents", "errors", "evaluate", "report", "table", "timeml", "timex")

__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str):
    if name in _SUBMODULES:
        value = importlib.import_module(f"timeline.{name}")
        globals()[name] = value
        return value
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'timeline' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__():
    return __all__
