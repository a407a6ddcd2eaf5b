"""The unit every stage works on: one article's text plus what we know of it."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field

# Where a document's date came from, most trustworthy first. `inferred` dates are guesses
# from sibling documents of the same story; `none` means no date could be found.
DATE_SOURCES = ("given", "header", "html-meta", "dateline", "text", "inferred", "none")


@dataclass
class Document:
    id: str
    text: str
    title: str = ""
    date: dt.date | None = None
    date_source: str = "none"
    url: str = ""
    path: str = ""
    meta: dict = field(default_factory=dict)

    @property
    def reader_title(self) -> str:
        """What a reader recognises the document by: its title, else its file name."""
        return self.title or os.path.basename(self.path or "")

    def __post_init__(self) -> None:
        if self.date_source not in DATE_SOURCES:
            raise ValueError(f"{self.id}: unknown date_source {self.date_source!r}")
