"""Static images (PNG, SVG, PDF) through kaleido 1.x, which drives a local Chromium."""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

import plotly.graph_objects as go

from timeline.atomic import atomic_write_bytes
from timeline.errors import ExportError, UsageError
from timeline.chart.figure import render

log = logging.getLogger(__name__)

FORMATS = ("png", "svg", "pdf")
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
NO_BROWSER = ("image export needs a Chromium browser and none was found; "
              "install Debian's chromium: apt-get install chromium (or set BROWSER_PATH)")


def find_browser() -> str | None:
    """The browser kaleido will drive: $BROWSER_PATH if it exists, else the first on PATH."""
    env = os.environ.get("BROWSER_PATH")
    if env and Path(env).exists():
        return env
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return None


# kaleido's page had not loaded its script when asked to draw: seen on a loaded machine, gone
# on the next try
_NOT_READY = "kaleido_scopes is not defined"
_ATTEMPTS = 3


def to_image(df_or_fig, path: str | os.PathLike, format: str | None = None, width: int = 1200,
             height: int | None = None, scale: float = 2.0, **render_options) -> Path:
    """Write the timeline as PNG, SVG or PDF (format from the suffix unless given).

    A DataFrame is drawn with SVG markers (no WebGL), which every format reproduces exactly, and
    without the range slider and buttons.
    Raises ExportError, with what to install, when kaleido or Chromium is missing.
    """
    path = Path(path)
    fmt = (format or path.suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise UsageError(f"{path}: image format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    try:
        import kaleido  # noqa: F401
    except ImportError:
        raise ExportError("image export needs kaleido: pip install 'timeline[images]'") from None
    browser = find_browser()
    if browser is None:
        raise ExportError(NO_BROWSER)
    os.environ.setdefault("BROWSER_PATH", browser)  # choreographer (under kaleido) reads it
    if isinstance(df_or_fig, go.Figure):
        fig = df_or_fig
    else:
        render_options.setdefault("webgl", False)
        render_options.setdefault("range_slider", False)  # controls mean nothing on paper
        fig = render(df_or_fig, width=width, height=height, **render_options)
    for attempt in range(_ATTEMPTS):
        try:
            data = fig.to_image(format=fmt, width=width, height=height or fig.layout.height, scale=scale)
            break
        except Exception as exc:  # kaleido/choreographer raise many types; all mean "no image"
            if type(exc).__name__ in ("ChromeNotFoundError", "BrowserFailedError", "BrowserDepsError"):
                raise ExportError(f"{NO_BROWSER} ({type(exc).__name__}: {exc})") from None
            if _NOT_READY in str(exc) and attempt + 1 < _ATTEMPTS:
                log.info("kaleido's page was not ready (a busy machine); drawing %s again", path)
                continue
            raise ExportError(f"image export to {path} failed: {type(exc).__name__}: {exc}") from None
    atomic_write_bytes(path, data)
    log.info("wrote %s (%d bytes)", path, len(data))
    return path
