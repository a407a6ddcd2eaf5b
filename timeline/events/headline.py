"""The article's main news: its headline and lead sentence, on the article's date.

A news article opens with what it is about ("Apple Computer today launched a 3G version of its
iPhone", "Siemens has announced 6,000 job cuts"): the lead, usually in the present perfect or
with "today", and a headline saying the same in a few words. That happening is the one event a
reader expects from the article whatever else it tells, so:
- the lead sentence's happenings with no date of their own take the article's date (not the
  story's most-told day, which may be a background date);
- the lead's happening on the article's day (or the day before: "yesterday", "on Monday" in a
  Tuesday paper) is marked as the headline event, and takes the article's headline as its title
  when the headline reads as one;
- positions near the top give the first part of an event's importance (see `importance`).
"""

from __future__ import annotations

import datetime as dt
import re

from timeline.event import Event, Mention
from timeline.events.sentences import Sentence

MAX_TITLE_WORDS = 12
# How much being the headline event / one of the first sentences adds to importance.
HEADLINE_WEIGHT, LEAD_WEIGHT, LEAD_SENTENCES = 0.45, 0.2, 3
# Site names and section tails a saved page's title carries ("... - Wikinews", "| Reuters").
_SITE_TAIL = re.compile(r"\s+[-|–—:]\s+[A-Z][\w .&'-]{1,40}$")


def lead_sentence(sentences: list[Sentence], title: str) -> Sentence | None:
    """The first sentence of prose: not the headline repeated, a dateline or a caption."""
    wanted = _normal(title)
    for sent in sentences:
        if sent.fragment or (wanted and _normal(sent.text) == wanted):
            continue
        if len(sent.text.split()) < 5:
            continue  # "June 8, 2010", "Photo: Reuters"
        return sent
    return None


def headline_title(title: str) -> str:
    """The article's headline as an event title, or "" when it does not read as one (too long,
    a single word, shouting, a site name)."""
    text = _SITE_TAIL.sub("", " ".join(title.split())).strip(" .")
    words = text.split()
    if not 2 <= len(words) <= MAX_TITLE_WORDS:
        return ""
    letters = [c for c in text if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) > 0.8 * len(letters):
        return ""  # ALL CAPS
    if not any(w[:1].islower() for w in words[1:]) and len(words) > 3 and _title_case_only(words):
        return ""  # "Marco Rubio Welcomes Offer From ...": Title Case reads as a page title
    return text


def _title_case_only(words: list[str]) -> bool:
    return all(w[:1].isupper() or not w[:1].isalpha() for w in words)


def _normal(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def on_the_day(event: Event, day: dt.date | None) -> bool:
    """Dated on the article's day or the day before, or a week/month holding it."""
    if day is None or event.start is None or event.end is None:
        return False
    if event.start == event.end:
        return event.start == day or (day > dt.date.min and event.start == day - dt.timedelta(days=1))
    return event.start <= day <= event.end and (event.end - event.start).days <= 31


def mark_headline(doc, lead: Sentence | None, lead_actors, events: list[Event]) -> None:
    """Mark the headline event among `events` (the document's, unmerged), adding it from the
    headline and lead when no happening of the lead is on the article's day, and give every
    event its position part of importance."""
    if lead is None:
        return
    lead_events = [e for e in events if e.mentions and e.mentions[0].evidence_start == lead.start]
    main = next((e for e in lead_events if on_the_day(e, doc.date)), None)
    title = headline_title(doc.title)
    if main is None and title and doc.date is not None:
        main = _from_headline(doc, lead, lead_actors, title, lead_events)
        events.append(main)
    if main is not None:
        main.mentions[0].headline = True
        main.importance = HEADLINE_WEIGHT
        if title:
            main.title = title
    starts = sorted({e.mentions[0].evidence_start for e in events if e.mentions})
    rank = {start: i for i, start in enumerate(starts)}
    for event in events:
        if not event.mentions:
            continue
        place = rank[event.mentions[0].evidence_start]
        if place < LEAD_SENTENCES and event.mentions[0].evidence_start >= lead.start:
            event.importance += LEAD_WEIGHT * (1 - place / LEAD_SENTENCES)


def _from_headline(doc, lead: Sentence, lead_actors, title: str, lead_events: list[Event]) -> Event:
    """The article's news as its headline says it, on its date, told by its lead sentence
    ("The iPhone only made its appearance as a prototype ..." under "Cisco sues Apple for iPhone
    trademark"): what happened is the headline's happening word, who is whoever the headline and
    the lead both name."""
    from timeline.events.triggers import find_triggers

    said = [t for t in find_triggers(title, 0) if not t.negated]
    happening = next((t for t in said if t.pos == "verb" and t.kind != "report"), said[0] if said else None)
    words = set(re.findall(r"[\w&'-]+", title))
    named = [a for a in lead_actors if set(a.text.split()) & words] or list(lead_actors)
    actors, kinds = [], {}
    for actor in named:
        if actor.name not in kinds and actor.kind in ("person", "org", "place", "name"):
            actors.append(actor.name)
            kinds[actor.name] = actor.kind
    trigger = next((t for t in (find_triggers(lead.text, lead.start)) if happening and t.sense == happening.sense), None)
    confidence = 0.55
    mention = Mention(
        doc_id=doc.id, evidence=lead.text, evidence_start=lead.start, evidence_end=lead.end,
        date=doc.date.isoformat(), certainty="inferred", confidence=confidence, url=doc.url,
        trigger=trigger.text if trigger else "", trigger_start=trigger.start if trigger else -1,
        trigger_end=trigger.end if trigger else -1, doc_title=doc.reader_title,
    )
    senses = sorted({happening.sense} if happening else {s for e in lead_events for s in e.senses})
    category = happening.category if happening else next((e.category for e in lead_events), "")
    return Event(
        date=doc.date.isoformat(), start=doc.date, end=doc.date, granularity="day", title=title,
        description=lead.text, actors=actors, place=next((a for a in actors if kinds[a] == "place"), ""),
        category=category, certainty="inferred", confidence=confidence, mentions=[mention],
        senses=senses, actor_kinds=kinds,
    )
