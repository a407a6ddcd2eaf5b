"""Every error the library raises on purpose. All are ValueError subclasses so callers can
catch one thing; each message names the document (or file) and says what to do."""


class TimelineError(ValueError):
    """Base class of the errors timeline raises on purpose."""


class DocumentError(TimelineError):
    """A document could not be read or understood; the message names it (and the line).

    `kept=True` marks a problem the document survived (e.g. an impossible date field dropped,
    the text still processed): it is reported, but the document is not counted as skipped."""

    def __init__(self, doc: str, reason: str, line: int | None = None, kept: bool = False):
        self.doc = doc
        self.reason = reason
        self.line = line
        self.kept = kept
        where = f"{doc}, line {line}" if line is not None else doc
        super().__init__(f"{where}: {reason}")

    def __reduce__(self):
        # rebuilt from its fields, so it survives the trip back from a worker process
        return (type(self), (self.doc, self.reason, self.line, self.kept))


class TableError(TimelineError):
    """A user-supplied events table breaks the schema; `problems` lists every problem found."""

    def __init__(self, problems: list[str], source: str = "events table"):
        self.problems = list(problems)
        self.source = source
        body = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"{source} has {len(self.problems)} problem(s):\n{body}")

    def __reduce__(self):
        return (type(self), (self.problems, self.source))


class ExportError(TimelineError):
    """An output could not be produced (e.g. no browser for image export); says how to fix it."""


class UsageError(TimelineError):
    """The caller asked for something that makes no sense (bad option, unknown format)."""
