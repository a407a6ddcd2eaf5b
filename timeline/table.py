"""The events table: the contract between extraction and rendering.

SCHEMA is the one place the columns and their dtypes are defined.
"""

from __future__ import annotations

import pandas as pd

# column -> pandas dtype. Lists (actors, sources, urls, mentions) are Python lists in object
# columns; `mentions` is a list of dicts (see timeline.event.Mention.to_dict).
SCHEMA: dict[str, str] = {
    "event_id": "string",
    "date": "string",          # TIMEX3 value: 2025-02-03, 2025-W05, 2025-01, 2023
    "start": "datetime64[s]",  # first covered day
    "end": "datetime64[s]",    # last covered day (inclusive)
    "granularity": "string",   # day | week | month | quarter | season | half | year | decade | century
    "title": "string",
    "description": "string",
    "actors": "object",
    "place": "string",
    "category": "string",
    "sources": "object",       # document ids, every document that tells the event
    "urls": "object",          # source URLs aligned with `sources` ("" where unknown)
    "evidence": "string",      # the sentence of the best mention
    "evidence_doc": "string",  # its document id
    "evidence_start": "Int64",  # its offsets into that document's text
    "evidence_end": "Int64",
    "time_text": "string",     # the expression that dated it ("" when inferred)
    "certainty": "string",     # explicit | relative | inferred
    "confidence": "float64",
    "mentions": "object",
}
COLUMNS = tuple(SCHEMA)
LIST_COLUMNS = ("actors", "sources", "urls", "mentions")


def events_frame(rows=None) -> pd.DataFrame:
    """A DataFrame with exactly SCHEMA's columns and dtypes, also for zero rows."""
    frame = pd.DataFrame(list(rows or []), columns=list(COLUMNS))
    for column, dtype in SCHEMA.items():
        if column in LIST_COLUMNS:
            frame[column] = pd.Series(
                [list(v) if isinstance(v, (list, tuple)) else [] for v in frame[column]],
                index=frame.index, dtype="object",
            )
        else:
            frame[column] = frame[column].astype(dtype)
    return frame
