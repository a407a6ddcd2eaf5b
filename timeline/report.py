"""What a run did: documents read and skipped, events, time, and why each skipped document failed.

`RunReport` is filled while a build runs: `on_error` is the loader's callback for a document it
cannot read (`timeline.documents.iter_documents(..., on_error=report.on_error)`), and the
pipeline calls it too when a stage fails on one document. Nothing is lost silently: every
document is either counted as processed or listed with its reason.

A problem the document survived (`DocumentError.kept`, e.g. an impossible date field that was
dropped) is a warning: reported and written to the errors file, but the document counts as
processed, not skipped.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from timeline.atomic import atomic_path
from timeline.errors import DocumentError

log = logging.getLogger(__name__)


@dataclass
class RunReport:
    """Counts and failures of one run. `echo`, when given, receives one line per failure as it
    happens (the CLI passes a stderr writer); otherwise failures are logged as warnings."""

    processed: int = 0
    events: int = 0
    errors: list[DocumentError] = field(default_factory=list)
    echo: Callable[[str], None] | None = None
    started: float = field(default_factory=time.perf_counter)
    finished: float | None = None

    # -- filled during the run -----------------------------------------------------------
    def document_done(self, n: int = 1) -> None:
        self.processed += n

    def on_error(self, error: DocumentError) -> None:
        """Record a document that was skipped; safe to pass as a loader's `on_error`."""
        if not isinstance(error, DocumentError):
            # a callback may be handed anything; keep the record, never lose it to a type check
            error = DocumentError(str(getattr(error, "doc", "?")), str(error), getattr(error, "line", None))
        self.errors.append(error)
        message = f"{'warning' if is_kept(error) else 'skipped'} {error}"
        if self.echo is not None:
            self.echo(message)
        else:
            log.warning("%s", message)

    def finish(self, events: int | None = None) -> "RunReport":
        if events is not None:
            self.events = int(events)
        self.finished = time.perf_counter()
        return self

    # -- read afterwards -------------------------------------------------------------------
    @property
    def skipped(self) -> int:
        return sum(not is_kept(e) for e in self.errors)

    @property
    def warnings(self) -> int:
        return sum(is_kept(e) for e in self.errors)

    @property
    def read(self) -> int:
        """Documents seen: processed plus skipped."""
        return self.processed + self.skipped

    @property
    def seconds(self) -> float:
        end = self.finished if self.finished is not None else time.perf_counter()
        return end - self.started

    @property
    def exit_code(self) -> int:
        """0 when every document was processed, 1 when some were skipped."""
        return 1 if self.skipped else 0

    def summary(self) -> str:
        """One line for stderr, e.g. `2,003 documents read, 3 skipped, 1,512 events in 12.4 s`."""
        docs = "document" if self.read == 1 else "documents"
        events = "event" if self.events == 1 else "events"
        text = f"{self.read:,} {docs} read, {self.skipped:,} skipped, "
        if self.warnings:
            text += f"{self.warnings:,} with warnings, "
        text += f"{self.events:,} {events} in {self.seconds:.1f} s"
        if self.skipped:
            reasons = Counter(_reason_kind(e.reason) for e in self.errors if not is_kept(e))
            common = ", ".join(f"{kind} ({n})" for kind, n in reasons.most_common(5))
            text += f"; skipped for: {common}"
        return text

    def as_dict(self) -> dict:
        return {"read": self.read, "processed": self.processed, "skipped": self.skipped,
                "warnings": self.warnings, "events": self.events, "seconds": round(self.seconds, 3)}


def is_kept(error: DocumentError) -> bool:
    """True when the document was still processed despite `error`. The loader's message for a
    dropped date field says so in words; older errors carry no `kept` flag."""
    return bool(getattr(error, "kept", False)) or "the document is kept" in error.reason


def _reason_kind(reason: str) -> str:
    # reasons read "broken JSON line (Expecting ',' delimiter at column 9); skipped": the words
    # before the first bracket, colon or semicolon are the kind, the rest is detail that would
    # make every reason unique
    return re.split(r"[(:;]", reason, maxsplit=1)[0].strip() or reason


def error_record(error: DocumentError) -> dict:
    """The JSON object written for one failed document (`kept` is true for a warning)."""
    return {"doc": error.doc, "line": error.line, "reason": error.reason, "kept": is_kept(error)}


def write_errors(path: str | Path, errors: list[DocumentError]) -> Path:
    """Write one JSON line per failed document (`doc`, `line`, `reason`) to `path`, atomically.
    An empty list gives an empty file, so a script can tell "no failures" from "not run"."""
    path = Path(path)
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8") as out:
        for error in errors:
            out.write(json.dumps(error_record(error), ensure_ascii=False) + "\n")
    return path
