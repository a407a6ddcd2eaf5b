"""A progress bar on stderr for long runs.

The bar is shown only when a person can see it: stderr is a terminal and the run is not quiet.
Redirected to a file or a pipe (CI logs, `2> log`), the bar would only fill it with carriage
returns, so the iterable is passed through untouched.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import IO, TypeVar

T = TypeVar("T")


def wants_bar(quiet: bool = False, stream: IO | None = None) -> bool:
    """True when a bar should be drawn on `stream` (default: stderr)."""
    if quiet:
        return False
    stream = sys.stderr if stream is None else stream
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except (ValueError, OSError):  # closed or detached stream
        return False


def progress(items: Iterable[T], *, total: int | None = None, desc: str = "documents",
             unit: str = "doc", quiet: bool = False, stream: IO | None = None,
             force: bool = False) -> Iterator[T]:
    """Yield `items` unchanged, drawing a tqdm bar on stderr while they are consumed.

    `total` may be None for a streamed corpus; the bar then shows the count and the rate.
    `force` draws the bar even when the stream is not a terminal (tests, explicit requests).
    """
    stream = sys.stderr if stream is None else stream
    if not (force or wants_bar(quiet, stream)):
        yield from items
        return
    from tqdm import tqdm  # imported only when a bar is drawn

    bar = tqdm(items, total=total, desc=desc, unit=unit, file=stream, dynamic_ncols=True,
               mininterval=0.2, smoothing=0.1, leave=False)
    try:
        yield from bar
    finally:
        # leave=False clears the bar's line so the closing summary starts on a clean line
        bar.close()


def note(message: str, stream: IO | None = None) -> None:
    """Print one line on stderr without breaking a progress bar that may be drawn there."""
    stream = sys.stderr if stream is None else stream
    from tqdm import tqdm

    tqdm.write(message, file=stream)
