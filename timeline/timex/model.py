"""The time expression record shared by the tagger, the event extractor and the TimeML IO."""

from __future__ import annotations

from dataclasses import dataclass

TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")

# Precision of a value. DATE/TIME values use the calendar units; DURATION/SET use the unit of
# their period; PRESENT_REF/PAST_REF/FUTURE_REF and other unplaceable values use "vague".
GRANULARITIES = (
    "time", "day", "week", "month", "quarter", "season", "half", "year", "decade",
    "century", "millennium", "vague",
)


@dataclass(frozen=True, slots=True)
class Timex:
    """A time expression: `text == source[start:end]` always holds."""

    start: int
    end: int
    text: str
    type: str
    value: str
    granularity: str
    # TIMEX3 `mod` (APPROX, START, MID, END, BEFORE, AFTER, ...), "" when none.
    mod: str = ""
    # What the value was resolved against: "absolute" (fully in the text), "document"
    # (the reference date), "text" (an earlier date in the text, narrative mode), "" unknown.
    anchored_by: str = ""

    def to_dict(self) -> dict:
        return {
            "start": self.start, "end": self.end, "text": self.text, "type": self.type,
            "value": self.value, "granularity": self.granularity, "mod": self.mod,
            "anchored_by": self.anchored_by,
        }
