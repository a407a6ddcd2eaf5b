"""One dated happening as the extractor sees it, before it becomes a table row."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

CERTAINTIES = ("explicit", "relative", "inferred")


@dataclass
class Mention:
    """One telling of an event in one document; offsets index into that document's text."""

    doc_id: str
    evidence: str
    evidence_start: int
    evidence_end: int
    time_text: str = ""
    time_start: int = -1
    time_end: int = -1
    date: str = ""
    certainty: str = "inferred"
    confidence: float = 0.0
    url: str = ""
    trigger: str = ""      # the happening word taken as the event ("unveiled", "lawsuit")
    trigger_start: int = -1
    trigger_end: int = -1
    headline: bool = False  # the document's main news (its headline / lead sentence)
    doc_title: str = ""  # the document's title, else its file name: what a reader recognises
    mode: str = ""  # how its document's dates were read: news, narrative or mixed (mode auto)

    def to_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass
class Event:
    """What happened, when, who, where, and every mention that tells it."""

    date: str  # TIMEX3 value
    start: dt.date  # a timeline.days.EarlyDay before AD 1 (same interface)
    end: dt.date  # last covered day, inclusive
    granularity: str
    title: str
    description: str
    actors: list[str] = field(default_factory=list)
    place: str = ""
    category: str = ""
    certainty: str = "inferred"
    confidence: float = 0.0
    mentions: list[Mention] = field(default_factory=list)
    event_id: str = ""
    # What merging compares (not table columns): the happening's senses ("meet", "deal") and
    # the kind (person / org / place / name) of each actor and of the other names in the sentence.
    senses: list[str] = field(default_factory=list)
    actor_kinds: dict[str, str] = field(default_factory=dict)
    importance: float = 0.0  # 0-1: sources, tellings, headline and lead position (see merge)
