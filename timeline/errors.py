"""Every error the library raises on purpose. All are ValueError subclasses so callers can
catch one thing; each message names the document (or file) and says what to do."""

import re


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


# "row 12 ('title'): " before a problem, and the values in it, which differ between rows that
# share one kind of problem ("end 2025-02-01 is before start 2025-02-10")
_ROW = re.compile(r"""^row (\d+)(?: \((?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")\))?: """)
_VALUE = re.compile(r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|-?\d[\d.:T-]*""")
FIRST_ROWS = 5


class TableError(TimelineError):
    """A user-supplied events table breaks the schema; `problems` lists every problem found.
    The message gives one line per kind of problem: the first such problem, how many rows
    have it and which rows come first (a 10,000-row table with one mistake is not 10,000 lines)."""

    def __init__(self, problems: list[str], source: str = "events table"):
        self.problems = list(problems)
        self.source = source
        kinds: dict[str, list[str]] = {}
        for problem in self.problems:
            kinds.setdefault(_VALUE.sub("…", _ROW.sub("", problem)), []).append(problem)
        lines = []
        for same in kinds.values():
            rows = [m[1] for m in map(_ROW.match, same) if m]
            if len(same) == 1 or not rows:
                lines.extend(f"  - {p}" for p in same)
                continue
            first = ", ".join(rows[:FIRST_ROWS]) + (", …" if len(rows) > FIRST_ROWS else "")
            lines.append(f"  - {same[0]} — and {len(same) - 1:,} more row(s) like it ({len(same):,} in all: "
                         f"rows {first})")
        count = f"{len(self.problems):,} problem(s)" + (f" of {len(kinds)} kinds" if len(lines) < len(self.problems) else "")
        super().__init__(f"{source} has {count}:\n" + "\n".join(lines))

    def __reduce__(self):
        return (type(self), (self.problems, self.source))


class ExportError(TimelineError):
    """An output could not be produced (e.g. no browser for image export); says how to fix it."""


class UsageError(TimelineError):
    """The caller asked for something that makes no sense (bad option, unknown format)."""
