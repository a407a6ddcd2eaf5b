"""One row per happening: tellings of the same event from many documents become one Event.

Two tellings are one event when their dates are compatible (the same span, or one inside the
other) AND they tell the same happening (a shared sense such as "meet"; a shared category
alone counts for less) AND they involve the same actors. Score = happening x actors; the
tellings merge when the score reaches `threshold` (Options.merge_threshold). A date alone, an
actor alone or a happening word alone never merges two events.

The rules that read senses and categories are data ([merge] in events/data/en/triggers.toml):
sense families (an attack and its killings), related categories, routine business happenings
that need the same subject ("shares closed" of two companies), and rare happenings whose
nameless tellings may join a same-day event by their words ("The bombings on Aug. 7 killed").
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from collections import Counter
from dataclasses import replace

from timeline.event import Event
from timeline.events.actors import country_of
from timeline.events.triggers import merge_rules

log = logging.getLogger(__name__)

CERTAINTY_RANK = {"explicit": 0, "relative": 1, "inferred": 2}
# How much an actor named in a new telling but absent from the event counts against a merge:
# another person is strong evidence of another event ("Rubio meets Jaishankar" is not
# "Rubio meets Bukele"); another place is weak (El Salvador / San Salvador / Lake Coatepeque).
_MISSING_WEIGHT = {"person": 1.5, "name": 1.2, "org": 1.0, "place": 0.5}
SAME_SENSE, SAME_FAMILY, SAME_CATEGORY = 1.0, 0.8, 0.4
# A nameless telling of a rare happening joins an event of the same day when this share of
# its content words are the event's; it then scores NAMELESS (just over the default threshold).
_NAMELESS_COVER, NAMELESS = 0.5, 0.55
_SOURCE_BONUS, _SOURCE_BONUS_CAP = 0.03, 0.1
_STOP = frozenset("the a an of to in on at for and or but that this with from by as is was were has have had "
                  "be been it its he she they his her their said says will would can could also than more less "
                  "year years ago month months week weeks day days today yesterday quarter third-quarter "
                  "fourth-quarter second-quarter first-quarter million billion percent cents share shares "
                  "about some one two three four five six seven eight nine ten".split())


class _Cluster:
    __slots__ = ("events", "actors", "keys", "context", "senses", "category", "start", "end", "words", "numbers")

    def __init__(self, event: Event):
        self.events = [event]
        self.actors = {}
        self.keys: set[str] = set()  # the actors' names as compared ("Dar-es-Salaam" = "Dar es Salaam")
        self.context: set[str] = set()  # every name of the tellings' sentences, compared the same way
        self._add_actors(event)
        self.senses = set(event.senses)
        self.category = event.category
        self.start, self.end = event.start, event.end
        self.words = _content_words(event.description)
        self.numbers = _numbers(event.description)

    def add(self, event: Event) -> None:
        self.events.append(event)
        self._add_actors(event)
        self.senses |= set(event.senses)
        self.words |= _content_words(event.description)
        self.numbers |= _numbers(event.description)

    def _add_actors(self, event: Event) -> None:
        self.context |= {_key(a) for a in event.actor_kinds}
        for name in event.actors:
            kind = event.actor_kinds.get(name, "name")
            self.actors.setdefault(name, kind)
            self.keys.add(_key(name))
            if kind == "place" and country_of(name):
                self.actors.setdefault(country_of(name), "place")  # Nairobi is in Kenya
                self.keys.add(_key(country_of(name)))


def merge_events(events: list[Event], threshold: float = 0.5) -> list[Event]:
    """Merge tellings of one happening; returns new Events, each with all its mentions."""
    ordered = sorted(events, key=_best_first)
    clusters: list[_Cluster] = []
    index: dict[tuple, list[_Cluster]] = {}
    # a shared category alone scores SAME_CATEGORY at most: look clusters up by category only
    # when the threshold lets such a match through
    by_category = threshold <= SAME_CATEGORY
    told_twice: dict[tuple, _Cluster] = {}
    for event in ordered:
        if event.start is None:
            clusters.append(_Cluster(event))  # undated: nothing to compare a date with
            continue
        twice = told_twice.get(_told_key(event))
        if twice is not None:
            twice.add(event)  # one document telling the same happening twice ("the bid ... the bid")
            continue
        best, best_score = None, 0.0
        seen: set[int] = set()
        for key in _lookup_keys(event, by_category):
            for cluster in index.get(key, ()):
                if id(cluster) in seen:
                    continue
                seen.add(id(cluster))
                score = similarity(cluster, event)
                if score > best_score:
                    best, best_score = cluster, score
        if best is not None and best_score >= threshold:
            best.add(event)
            continue
        cluster = _Cluster(event)
        clusters.append(cluster)
        told_twice.setdefault(_told_key(event), cluster)
        for key in _register_keys(event, by_category):
            index.setdefault(key, []).append(cluster)
    clusters = _refine_coarse(_date_undated(clusters, threshold))
    merged = [_combine(c) for c in clusters]
    log.info("merged %d tellings into %d events", len(events), len(merged))
    return merged


# An article tells, with no date of its own, a happening another article dates: "Jobs introduced
# the iPhone 4" in July is the "iPhone 4 unveiled ... yesterday" of June 8. Only within a year
# before the telling, only the same sense with the same actors and mostly the same title words
# (a routine happening recurs: the Fed's next rate rise is another event).
UNDATED_REACH_DAYS = 366
_SAME_TITLE_WORDS = 0.5


def _by_sense_family(clusters: list[_Cluster]) -> tuple[dict, dict[str, list[_Cluster]]]:
    """The sense families, and the clusters filed under each sense's family (or the sense)."""
    family = merge_rules().family
    by_sense: dict[str, list[_Cluster]] = {}
    for c in clusters:
        for sense in c.senses:
            by_sense.setdefault(family.get(sense, sense), []).append(c)
    return family, by_sense


def _date_undated(clusters: list[_Cluster], threshold: float) -> list[_Cluster]:
    """Clusters whose every telling has an inherited date join the cluster of the same
    happening that a telling dates, when that date is before theirs."""
    dated = [c for c in clusters if c.start is not None and any(e.certainty != "inferred" for e in c.events)]
    if not dated:
        return clusters
    family, by_sense = _by_sense_family(dated)
    out = []
    for cluster in clusters:
        if cluster.start is None or any(e.certainty != "inferred" for e in cluster.events):
            out.append(cluster)
            continue
        words = _title_words(cluster.events[0].title)
        best, best_score = None, 0.0
        # the same sense, or one of its family ("first introduced iPhone 4" / "unveiled iPhone 4")
        for other in {id(c): c for s in cluster.senses for c in by_sense.get(family.get(s, s), ())}.values():
            if not (other.end <= cluster.start and (cluster.start - other.end).days <= UNDATED_REACH_DAYS):
                continue
            if not words or max(len(words & t) / len(words | t) for t in map(_title_words, (e.title for e in other.events))) \
                    < _SAME_TITLE_WORDS:
                continue
            score = min(actor_similarity(other, e) for e in cluster.events)
            if score > best_score:
                best, best_score = other, score
        if best is not None and best_score >= threshold:
            for e in cluster.events:
                best.add(e)
        else:
            out.append(cluster)
    return out


# A happening one telling dates to its year (or quarter, or season) and another to a day in it
# is one event, on the day: "launched the iTunes Music Store in 2003" is the launch "on April 28,
# 2003". Only the same sense (or its family), when most of the coarse headline's words are the
# day's event's and no person of the coarse telling is missing from it; and only when one day
# fits (two 2003 launches by Apple leave the year where it is).
_COARSE_COVER = 0.6


def _refine_coarse(clusters: list[_Cluster]) -> list[_Cluster]:
    """Clusters told only at a span wider than a month join the cluster of the same happening
    dated inside that span to the day, week or month."""
    fine = [c for c in clusters if c.start is not None and (c.end - c.start).days < MAX_CONTAINING_DAYS]
    if not fine:
        return clusters
    family, by_sense = _by_sense_family(fine)
    out = []
    for cluster in clusters:
        if cluster.start is None or (cluster.end - cluster.start).days < MAX_CONTAINING_DAYS:
            out.append(cluster)
            continue
        best = _finer_twin(cluster, {id(c): c for s in cluster.senses for c in by_sense.get(family.get(s, s), ())})
        if best is None:
            out.append(cluster)
            continue
        for e in cluster.events:
            best.add(e)
    return out


def _finer_twin(cluster: _Cluster, candidates: dict) -> _Cluster | None:
    words = set().union(*(_title_words(e.title) for e in cluster.events))
    persons = {_key(a) for e in cluster.events for a in e.actors if e.actor_kinds.get(a) == "person"}
    names = {_key(a) for e in cluster.events for a in e.actors}
    sentences = {(m.doc_id, m.evidence_start) for e in cluster.events for m in e.mentions}
    scored = []
    for other in candidates.values():
        if not (cluster.start <= other.start and other.end <= cluster.end):
            continue
        if persons - other.keys - other.context:
            continue  # "Jobs launched ..." is not the launch Cook announced
        if sentences & {(m.doc_id, m.evidence_start) for e in other.events for m in e.mentions}:
            continue  # "rose $5.41 yesterday, ... having risen 23 percent this year": two clauses, two happenings
        if names and not _names_meet(names, other.keys | other.context):
            continue
        if not names and not {d for d, _ in sentences} & {m.doc_id for e in other.events for m in e.mentions}:
            continue  # nobody named: only its own article can say which losses it meant
        told = set().union(*(_title_words(e.title) | {w[:5] for w in _content_words(e.description)}
                             for e in other.events))
        cover = len(words & told) / len(words) if words else 0.0
        if cover >= _COARSE_COVER:
            scored.append((cover, other))
    if not scored:
        return None
    scored.sort(key=lambda x: -x[0])
    top = scored[0]
    if any(c is not top[1] and score == top[0] and (c.start, c.end) != (top[1].start, top[1].end)
           for score, c in scored):
        return None  # two days fit as well: the year says no more than it says
    return top[1]


def _names_meet(names: set[str], keys: set[str]) -> bool:
    """A shared name, or one name the start of the other ("Apple Computer" / "Apple")."""
    return any(a == b or a.startswith(b + " ") or b.startswith(a + " ") for a in names for b in keys)


def _title_words(title: str) -> set[str]:
    return {w[:5] for w in _content_words(title)}


def _told_key(event: Event) -> tuple:
    """The same document, date and headline: one happening told twice in one article."""
    doc = event.mentions[0].doc_id if event.mentions else ""
    return doc, event.start, event.end, event.title.casefold(), event.category


def _best_first(event: Event):
    m = event.mentions[0] if event.mentions else None
    return (event.start is None, CERTAINTY_RANK.get(event.certainty, 3), -event.confidence,
            m.doc_id if m else "", m.evidence_start if m else 0)


def _labels(event: Event, by_category: bool):
    family = merge_rules().family
    families = {family[s] for s in event.senses if s in family}
    return ([("s", s) for s in event.senses] + [("f", f) for f in sorted(families)]
            + ([("c", event.category)] if by_category else []))


def _months(start, end):
    out = [(start.year, start.month)]
    if (end.year, end.month) != out[0]:
        out.append((end.year, end.month))
    return out


def _register_keys(event: Event, by_category: bool):
    """Where a cluster is filed: by day, by the months of a span up to a month, or by its
    exact span when wider (only an equal span can match it, see dates_compatible)."""
    days = (event.end - event.start).days
    if days == 0:
        spots = [("d", event.start)]
    elif days < MAX_CONTAINING_DAYS:
        spots = [("m", m) for m in _months(event.start, event.end)]
    else:
        spots = [("x", event.start, event.end)]
    return [(label, spot) for label in _labels(event, by_category) for spot in spots]


def _lookup_keys(event: Event, by_category: bool):
    """Every filing place of a cluster whose date can be compatible with the event's."""
    days = (event.end - event.start).days
    if days == 0:
        spots = [("d", event.start), ("m", (event.start.year, event.start.month))]
    elif days < MAX_CONTAINING_DAYS:
        spots = [("m", m) for m in _months(event.start, event.end)]
        spots += [("d", event.start + dt.timedelta(days=i)) for i in range(days + 1)]
    else:
        spots = [("x", event.start, event.end)]
    return [(label, spot) for label in _labels(event, by_category) for spot in spots]


# A telling dated only to the week or month can be the same event as one dated to a day in
# it; a year is too wide a net (every 1998 attack on Kenya is not one event).
MAX_CONTAINING_DAYS = 31


def dates_compatible(a_start, a_end, b_start, b_end) -> bool:
    """The same span, or one span inside the other when the wider one is at most a month
    (a day inside its week or month)."""
    if None in (a_start, a_end, b_start, b_end):
        return False
    if (a_start, a_end) == (b_start, b_end):
        return True
    if a_start <= b_start and b_end <= a_end:
        return (a_end - a_start).days < MAX_CONTAINING_DAYS
    if b_start <= a_start and a_end <= b_end:
        return (b_end - b_start).days < MAX_CONTAINING_DAYS
    return False


def similarity(cluster: _Cluster, event: Event) -> float:
    if not dates_compatible(cluster.start, cluster.end, event.start, event.end):
        return 0.0
    rules = merge_rules()
    family = rules.family
    related = cluster.category == event.category or (
        cluster.category in rules.related and rules.related.get(cluster.category) == rules.related.get(event.category))
    if cluster.senses & set(event.senses) and related:
        happening = SAME_SENSE
    elif related and ({family[s] for s in cluster.senses if s in family}
                      & {family[s] for s in event.senses if s in family}):
        happening = SAME_FAMILY
    elif cluster.category and cluster.category == event.category:
        happening = SAME_CATEGORY
    else:
        return 0.0
    return happening * actor_similarity(cluster, event)


def actor_similarity(cluster: _Cluster, event: Event) -> float:
    names = [a for a in event.actors]
    if not names and event.category in merge_rules().nameless_ok:
        # "Nearly simultaneous bombings at U.S. embassies in Dar es Salaam, Tanzania, and
        # Nairobi, Kenya, ... killed 258": the places name the happening, not its doer
        names = [a for a, k in event.actor_kinds.items() if k in ("place", "person")]
    if not names or not cluster.actors:
        return _nameless_similarity(cluster, event, bool(names))
    # shared: any name of the telling's sentence the event already has; missing: only the
    # telling's own actors the event lacks (a name elsewhere in the sentence proves nothing)
    keys = cluster.keys
    rules = merge_rules()
    if event.category in rules.needs_names and _key(names[0]) not in keys:
        return 0.0  # "Benjamin Franklin Federal Savings ... loss" is not Columbia Savings' loss
    if (event.end - event.start).days >= MAX_CONTAINING_DAYS and not (_persons(event) & set(cluster.actors)):
        # a year is a wide net: two arrests "last year" in Kenya are one only when the same
        # person is named, or the sentences are nearly the same
        words = _content_words(event.description)
        if not words or len(words & cluster.words) / len(words | cluster.words) < 0.5:
            return 0.0
    shared = (sum(1 for a in event.actor_kinds if _key(a) in keys)
              or sum(1 for a in names if _key(a) in keys))
    own = set(names) | _persons(event) | {country_of(a) for a in names}
    if shared == 0 or not any(_key(a) in keys for a in own if a):
        return 0.0
    # a name the event's sentences mention outside its clause is not missing from it
    missing = sum(_MISSING_WEIGHT.get(event.actor_kinds.get(a, "name"), 1.0) for a in names
                  if _key(a) not in keys and _key(a) not in cluster.context)
    return shared / (shared + missing)


def _nameless_similarity(cluster: _Cluster, event: Event, event_named: bool) -> float:
    """Nobody named on one side: compare the sentences' words and figures instead."""
    rules = merge_rules()
    if event.category in rules.needs_names or cluster.category in rules.needs_names:
        return 0.0  # "the company earned ...", "shares closed at ...": every company's story
    same_day = event.start == event.end == cluster.start == cluster.end
    rare = event.category in rules.nameless_ok and cluster.category in rules.nameless_ok
    numbers = _numbers(event.description)
    if numbers and cluster.numbers and not numbers & cluster.numbers and not (same_day and rare):
        # "closed at $23.25" and "closed at $80.50": two figures, two happenings (a death
        # toll, though, grows from one telling to the next)
        return 0.0
    words = _content_words(event.description)
    if not words or not cluster.words:
        return 0.0
    jaccard = len(words & cluster.words) / len(words | cluster.words)
    # two sentences of one story share many words; boilerplate ("sales dropped ... from a
    # year ago") shares some: only a clear majority of shared words counts
    score = max(0.0, min(1.0, (jaccard - 0.3) / 0.5))
    if same_day and rare:
        # "The bombings on Aug. 7 killed 259 people": the nameless side's words are mostly the
        # event's ("bombings", "killed", "injured")
        if event_named:  # the cluster is nameless: is one of its tellings mostly this one?
            cover = max(_cover(_content_words(e.description), words) for e in cluster.events)
        else:
            cover = _cover(words, cluster.words)
        if cover >= _NAMELESS_COVER:
            score = max(score, NAMELESS)
    return score


def _cover(small: set[str], large: set[str]) -> float:
    return len(small & large) / len(small) if small else 0.0


def _key(name: str) -> str:
    return name.replace("-", " ").casefold()


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _numbers(text: str) -> set[str]:
    """Figures of a sentence, not days of the month or years ("Aug. 7", "1998")."""
    return {n for n in _NUMBER.findall(text) if len(n) > 2 and not re.fullmatch(r"(?:19|20)\d\d", n)}


def _persons(event: Event) -> set[str]:
    return {a for a, k in event.actor_kinds.items() if k in ("person", "name")}


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z][a-z'-]{2,}", text.lower()) if w not in _STOP}


def _combine(cluster: _Cluster) -> Event:
    best = cluster.events[0]
    # the row shows its surest telling, or a narrower date two documents agree on ("Oct. 23" in
    # two over "last month's shooting"); a narrower date one document tells may be a reaction's day
    told: dict[str, set] = {}
    for e in cluster.events:
        told.setdefault(e.date, set()).update(m.doc_id for m in e.mentions)
    agreed = [e for e in cluster.events if len(told[e.date]) >= 2 and e.start is not None and best.start is not None
              and (e.end - e.start) < (best.end - best.start) and best.start <= e.start and e.end <= best.end]
    if agreed:
        best = min(agreed, key=lambda e: (e.end - e.start, CERTAINTY_RANK.get(e.certainty, 3)))
    mentions = sorted((m for e in cluster.events for m in e.mentions), key=lambda m: (m.doc_id, m.evidence_start))
    sources = sorted({m.doc_id for m in mentions})
    counts = Counter(a for e in cluster.events for a in e.actors)
    first_seen = {}
    for e in cluster.events:
        for a in e.actors:
            first_seen.setdefault(a, len(first_seen))
    actors = sorted(counts, key=lambda a: (-counts[a], first_seen[a]))
    places = Counter(e.place for e in cluster.events if e.place)
    place = best.place if best.place else (places.most_common(1)[0][0] if places else "")
    bonus = min(_SOURCE_BONUS_CAP, _SOURCE_BONUS * (len(sources) - 1))
    confidence = round(min(0.99, best.confidence + bonus), 3)
    kinds = {a: k for a, k in cluster.actors.items()}
    merged = replace(
        best, actors=actors, place=place, confidence=confidence, mentions=mentions,
        senses=sorted(cluster.senses), actor_kinds=kinds,
        importance=importance(cluster.events, len(sources), len(mentions), confidence),
    )
    headline = next((e for e in cluster.events if any(m.headline for m in e.mentions)), None)
    if headline is not None and headline.title != merged.title and best.certainty != "explicit":
        merged.title = headline.title  # the article's own headline names the happening best
    first = mentions[0] if mentions else None
    where = f"{first.doc_id}:{first.evidence_start}:{first.trigger_start}" if first else ""
    merged.event_id = event_id(merged.date, merged.title, sources, where)
    return merged


# Importance (0-1): where the tellings stand in their articles (headline, lead: set by
# events.headline), how many articles and tellings, and how sure the date is.
_SOURCES_WEIGHT, _TELLINGS_WEIGHT, _CONFIDENCE_WEIGHT = 0.2, 0.1, 0.25


def importance(events: list[Event], sources: int, tellings: int, confidence: float) -> float:
    position = max((e.importance for e in events), default=0.0)
    score = (position + _SOURCES_WEIGHT * min(1.0, (sources - 1) / 3)
             + _TELLINGS_WEIGHT * min(1.0, (tellings - 1) / 4) + _CONFIDENCE_WEIGHT * confidence)
    return round(min(1.0, score), 3)


def event_id(date: str, title: str, sources: list[str], where: str = "") -> str:
    """Deterministic id: the same date, title, sources and first telling (document, sentence
    and happening word) give the same id on every run; two happenings of one document with the
    same title and date still get two ids."""
    key = "\x1f".join([date, title, ";".join(sorted(sources)), where])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def unique_ids(events: list[Event]) -> list[Event]:
    """Every event_id once: a clash (two events built from the very same telling) gets a
    numbered suffix rather than two rows a renderer cannot tell apart."""
    seen: Counter = Counter()
    for event in events:
        seen[event.event_id] += 1
        if seen[event.event_id] > 1:
            event.event_id = f"{event.event_id}-{seen[event.event_id]}"
    return events
