"""All knobs of a build in one frozen dataclass (passed whole to worker processes)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields, replace

from timeline.errors import UsageError


@dataclass(frozen=True)
class Options:
    ref_date: dt.date | None = None   # reference date for documents that carry none
    mode: str = "auto"                # auto | news | narrative (see timeline.tag)
    lang: str = "en"
    merge_threshold: float = 0.5      # similarity at which two tellings are one event
    min_confidence: float = 0.0       # drop events below this confidence
    jobs: int = 0                     # worker processes; 0 = all cores
    backend: str = "processes"        # serial | processes | dask
    scheduler: str = ""               # dask scheduler address; "" = a LocalCluster
    quiet: bool = False               # no progress bar
    max_chars: int = 5_000_000        # longer documents are skipped with a message; 0 = no limit
    about: str = ""                   # keep only the events this entity (or its aliases) takes part in

    @classmethod
    def from_kwargs(cls, **kwargs) -> "Options":
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(kwargs) - known)
        if unknown:
            raise UsageError(f"unknown option(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        options = replace(cls(), **kwargs)
        if options.mode not in ("auto", "news", "narrative"):
            raise UsageError(f"mode must be 'auto', 'news' or 'narrative', not {options.mode!r}")
        if options.backend not in ("serial", "processes", "dask"):
            raise UsageError(f"backend must be serial, processes or dask, not {options.backend!r}")
        if options.jobs < 0:
            raise UsageError(f"jobs must be 0 (every core) or more, not {options.jobs}")
        if options.max_chars < 0:
            raise UsageError(f"max_chars must be 0 (no limit) or more, not {options.max_chars}")
        return options
