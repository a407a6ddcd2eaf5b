"""Entity timelines: keep the events in which one entity (or one of its names) takes part.

    timeline build news/ --about "General Motors" --out gm.csv
    timeline.build(paths, about="General Motors")

The names an entity goes by come from the corpus itself: its acronyms ("GM", "BoA", "S&P 500"),
a person's surname when the corpus gives that surname to one person only, the full name an
acronym or surname stands for when "--about GM" or "--about Jobs" is asked, and the alias
table of events/data/en/actors.toml ("the Fed"). An event takes part when one of its actors is
one of those names, or its title names one.
"""

from __future__ import annotations

import re

from timeline.event import Event
from timeline.events.actors import NameIndex, acronyms, canonical


def names_for(entity: str, events: list[Event]) -> set[str]:
    """Every name `entity` goes by in these events' corpus, case-folded."""
    index = NameIndex()
    for event in events:
        for name, kind in event.actor_kinds.items():
            index.add_name(name, kind)
    entity = " ".join(entity.split())
    full = index.expand(entity) or index.resolve_name(entity) or entity
    names = {entity, canonical(entity), full, canonical(full)}
    for name in list(names):
        names |= acronyms(name)
        parts = name.split()
        if len(parts) >= 2 and index.full_name(parts[-1]) == name:
            names.add(parts[-1])  # "Jobs" when the corpus has one Jobs: Steve Jobs
    return {n.casefold() for n in names if n}


def takes_part(event: Event, names: set[str]) -> bool:
    if any(a.casefold() in names for a in event.actors):
        return True
    title = event.title.casefold()
    return any(re.search(r"(?<!\w)" + re.escape(n) + r"(?!\w)", title) for n in names)


def about(events: list[Event], entity: str) -> list[Event]:
    """The events in which `entity` takes part, in their order."""
    if not entity.strip():
        return events
    names = names_for(entity, events)
    return [e for e in events if takes_part(e, names)]
