"""From one document and its time expressions to the dated happenings it tells.

An event is a clause with a happening word (a trigger) and a date. Each DATE/TIME expression
is attached to the nearest trigger of its clause; speech acts ("Rubio said late on Monday
that El Salvador has offered ...") carry the date of the saying and the happening said;
happenings with no date of their own inherit the story's date (the most-mentioned recent day)
as `inferred`, with lower confidence. Commentary, opinion quotes, modal/negated/infinitive
verbs and background in the present perfect make no event.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections import Counter
from dataclasses import dataclass, replace

from timeline.event import Event, Mention
from timeline.events.actors import Actor, NameIndex, country_of, find_actors
from timeline.events.clauses import (SUBORDINATORS, Context, clause_span, event_subject, make_event_title,
                                     parse_sentence, prime_parses, update_context)
from timeline.events.generic import generic_triggers, governed, headless
from timeline.events.svo import named_happening, root_title, svo_title, token_at
from timeline.events.reference import reference_point
from timeline.events.headline import lead_sentence, mark_headline
from timeline.events.sentences import Sentence, happened_verbs, occasions, period_after, split_sentences
from timeline.events.statements import may_state, own_date, speaker
from timeline.events.triggers import Trigger, find_triggers, quoting_lemmas
from timeline.options import Options
from timeline.timex.values import value_span

log = logging.getLogger(__name__)

BASE_CONFIDENCE = {"explicit": 0.9, "relative": 0.75, "inferred": 0.45}
# Aspects that tell a happening when a date is attached / when the date must be inherited.
_DATED_ASPECTS = frozenset("past pluperfect perfect present progressive prior future noun".split())
_UNDATED_ASPECTS = frozenset("past pluperfect prior".split())
_LEAD_ASPECTS = frozenset("past perfect present progressive".split())
_PRESENT_ASPECTS = frozenset("perfect present progressive".split())
_REPORT_ASPECTS = frozenset("past present perfect pluperfect progressive".split())
_CONTENT_ASPECTS = frozenset("past perfect pluperfect progressive present future prior".split())
_BOUNDARY_WORDS = re.compile(r"\b(?:after|before|because|while|although|though|when|since|until|unless|as|"
                             r"which|who|whom|where|but)\b", re.IGNORECASE)
# An undated verb inside a relative clause or a that-clause no speech verb governs is
# background to the story, not its news.
_BACKGROUND = re.compile(r"(?:,\s*(?:which|who)\b|\bthat\b|\bthe\s+(?:point|moment|time|stage|place|period|era|"
                         r"hour|day|night|week|month|year)\s+(?:when|where)\b)[^,;:]*$")  # ("the point when ...")
_WISH = re.compile(r"\b(?:hope[sd]?|hoping|wish(?:es|ed)?|fear(?:s|ed)?|doubt(?:s|ed)?|pray(?:s|ed)?)\s+"
                   r"(?:that\s+)?[^,;:]*$", re.IGNORECASE)
_CONDITION = re.compile(r"\b(?:[Ii]f|[Uu]nless|[Ww]hether)\b[^,;:]*$")
_IN_RELATIVE = re.compile(r",\s*(?:who|whom|which|whose)\b[^,;]*$")
_PERSONAL = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e)\b")
_HAS_LETTER_OR_YEAR = re.compile(r"[A-Za-z]|^\d{4}$|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}")
# A word that may be a past tense or participle: only such sentences are worth parsing for a
# happening verb the word lists do not know.
_MAY_TELL = re.compile(r"\b[a-z]{2,}ed\b|\b(?:" + "|".join(
    "began bought brought built caught chose cut drew drove fell fled flew fought gave grew held hit kept led left "
    "lost met paid put ran rose sent set shot sold sought spent spoke stood struck took threw won wrote broke "
    "withdrew shown taken given seen chosen went came".split()) + r")\b")
# Verbs the parse reads only in a sentence with a date: a schedule, or what has gone on since then.
_MAY_SCHEDULE = re.compile(r"\b(?:will|shall|(?:is|are) to|been \w+ing)\b")
_WORD_RE = re.compile(r"\b[a-z][a-z'-]+\b")


@dataclass
class _Candidate:
    trigger: Trigger               # the happening word (the speech act for reported speech)
    content: Trigger | None = None  # what was said / the object event of a light verb
    timex: object | None = None
    distance: float = 1e9
    subject: Actor | None = None
    statement: bool = False  # a named speaker's statement with no happening in it (statements.py)


def extract_events(doc, timexes, options: Options | None = None) -> list[Event]:
    """Every event `doc` tells, one per happening clause, each with one Mention (unmerged)."""
    options = options or Options()
    if options.mode == "auto":  # as mode auto read the document; a mixed one as news
        from timeline.timex import mode_of

        read = mode_of(doc.text, doc.date)
        options = replace(options, mode="narrative" if read == "narrative" else "news")
    text = doc.text
    sentences = split_sentences(text)
    common = frozenset(_WORD_RE.findall(text))
    per_sentence = []
    index = NameIndex()
    for sent in sentences:
        actors = find_actors(sent.text, sent.start, common)
        if not sent.fragment:
            for actor in actors:
                index.add(actor)
        per_sentence.append(actors)
    usable = _usable_timexes(timexes, per_sentence)
    story = story_date(doc, usable, sentences)
    ctx = Context()
    prime_parses(sorted({s.text for s in sentences if not s.fragment and _may_tell(s, _within(usable, s))}))
    lead = lead_sentence(sentences, doc.title)
    events: list[Event] = []
    for sent, raw_actors in zip(sentences, per_sentence):
        here = _within(usable, sent)
        # a name the tagger read as a date ("during the Christmas sales period") is no one's
        actors = [index.resolve(a) for a in raw_actors
                  if not any(x.start <= a.start and a.end <= x.end for x in here)]
        if ctx.prev_end is not None and "\n\n" in text[ctx.prev_end:sent.start]:
            ctx.prev_date = None  # a new paragraph: the last one's date does not carry over
        ctx.lead = sent is lead and options.mode == "news"
        found = _sentence_events(doc, sent, actors, here, story, ctx, options) if not sent.fragment else []
        # a sentence that tells only who said something may tell a happening the lists do not know
        told = [e for e in found if e.category != "statement"]
        if not told and not sent.fragment and _may_tell(sent, here):
            found = found + _generic_events(doc, sent, actors, here, found, story, ctx, options)
        elif found and not sent.fragment:
            found += _dates_left(doc, sent, actors, here, found, story, ctx, options)
        if found and len(here) > 1:
            found += _coordinated_dates(doc, sent, here, found)
        events.extend(found)
        # the next sentence's undated happenings follow on from this one's dated past event
        # ("... on Aug. 7. Police arrested six men.")
        dated = [e for e in found if e.certainty != "inferred" and e.granularity == "day"
                 and (doc.date is None or e.start <= doc.date)]
        ctx.prev_date = ((dated[-1].date, dated[-1].start, dated[-1].end, "day")
                         if dated and not sent.fragment else None)
        ctx.prev_end = sent.end
        update_context(ctx, sent, actors)
        if here and options.mode == "narrative":
            # a story told in order: what follows happened at the last date mentioned
            ctx.last_date = _date_of(here[-1])
    mark_headline(doc, lead, per_sentence[lead.index] if lead else [], events)
    return events


def _generic_events(doc, sent, actors, here, found, story, ctx, options) -> list[Event]:
    """The happening of a sentence the word lists find none in: the first verb the parse finds
    that governs a date of the sentence, else (a sentence with no date) its first past verb."""
    parsed = parse_sentence(sent)
    taken = {e.mentions[0].trigger_start for e in found}
    verbs = [v for v in generic_triggers(sent, parsed, dated=bool(here)) if v.start not in taken]
    for verb in verbs if here else ():
        own = _own_dates(doc, sent, parsed, verb, here)
        if own:
            return _sentence_events(doc, sent, actors, own, story, ctx, options, [verb])
    main = next(iter(verbs), None)
    if main is None or here or main.aspect == "future" or main.form == "ing":
        return []
    return _sentence_events(doc, sent, actors, [], story, ctx, options, [main])


def _own_dates(doc, sent, parsed, verb, timexes) -> list:
    """The dates the parse puts under `verb`; a present tense owns only dates ahead of the
    article ("the phone launches on June 19": a schedule; "cents a share a year ago": no verb)."""
    own = governed(sent, parsed, verb, timexes)
    if verb.form != "present":
        return own
    ahead = []
    for x in own:
        span = value_span(x.value)
        if doc.date is not None and span is not None and isinstance(span[0], dt.date) and span[0] > doc.date:
            ahead.append(x)
    return ahead


def _may_tell(sent, timexes) -> bool:
    """Whether the parse may find a happening the word lists missed (parsing is the slow step)."""
    return bool(_MAY_TELL.search(sent.text) or timexes and _MAY_SCHEDULE.search(sent.text))


def _has_verb(title: str, happening) -> bool:
    """A noun event's title names who did it with a verb ("Iraq invades Kuwait"), not the
    happening alone ("Press conference", "Agreement between the two companies")."""
    if re.search(r"\bto be [a-z]+", title):
        return True  # "Product launch to be held in Berlin"
    words = [w.strip(".,'’") for w in title.lower().split()]
    noun = happening.text.lower().split()[-1]
    return not (noun in words[:3] and words.index(noun) <= 2)


def _dates_left(doc, sent, actors, timexes, found, story, ctx, options) -> list[Event]:
    """"Apple Computer was started by Steve Jobs and Steve Wozniak in 1976, and launched the
    iTunes Music Store in 2003": a date no happening word took belongs to a verb the word lists
    do not know; the parse finds it."""
    used = {m.time_start for e in found for m in e.mentions}
    left = [x for x in timexes if x.start not in used and re.match(r"\d{4}", x.value)]
    if not left or not _may_tell(sent, left):
        return []
    taken = {m.trigger_start for e in found for m in e.mentions}
    parsed = parse_sentence(sent)
    more = []
    for verb in generic_triggers(sent, parsed, dated=True):
        if _date_as_subject(sent, parsed, verb, timexes):
            continue  # "... Friday, ... a street packed with cars": the parse made the date a doer
        own = _own_dates(doc, sent, parsed, verb, left) if verb.start not in taken else []
        if own:
            more += _sentence_events(doc, sent, actors, own, story, ctx, options, [verb])
    starts = {x.start for x in left}  # (a date _sentence_events finds a reference point makes no event here)
    return [e for e in more if e.mentions[0].time_start in starts]


def _date_as_subject(sent, parsed, verb, timexes) -> bool:
    subjects = [parsed.tokens[c] for c in parsed.children(verb.token) if parsed.tokens[c].dep.startswith("nsubj")]
    dates = [tok for tok in subjects if any(x.start <= sent.start + tok.start < x.end for x in timexes)]
    return bool(dates) and len(dates) == len(subjects)  # ("The Cuban government Friday condemned": a doer too)


_DATE_AND = re.compile(r"\s*,?\s*(?:and|or)\s+(?:(?:in|on)\s+)?")
_DATE_LIST = re.compile(r"\s*,\s*")  # "in 2004, 2005 and 2006": a comma only inside a list


def _coordinated_dates(doc, sent, timexes, found) -> list[Event]:
    """"appeared in March and June", "met on Monday and Tuesday": a date joined by "and" to
    the date an event took is the same happening's other date, one more event."""
    used = {m.time_start for e in found for m in e.mentions}
    by_start = {e.mentions[0].time_start: e for e in found if e.mentions}
    out = []
    for x in timexes:
        if x.start in used or reference_point(sent, x):
            continue
        listed = _DATE_AND.match(doc.text, x.end) is not None
        for y in timexes:
            event = by_start.get(y.start)
            between = doc.text[y.end:x.start]
            if event is not None and y.end <= x.start and (
                    _DATE_AND.fullmatch(between) or listed and _DATE_LIST.fullmatch(between)):
                value, first, last, granularity = _date_of(x)
                mention = replace(event.mentions[0], time_text=x.text, time_start=x.start, time_end=x.end,
                                  date=value)
                out.append(replace(event, date=value, start=first, end=last, granularity=granularity,
                                   mentions=[mention]))
                used.add(x.start)
                by_start[x.start] = out[-1]  # "in 2004, 2005 and 2006"
                break
    return out


def attached_candidates(doc, timexes):
    """Yield (sentence, candidates) for every sentence that is not a fragment, each candidate
    with the time expression attached to it: extract_events' trigger finding and date
    attachment on their own, for measuring them against annotated corpora."""
    sentences = split_sentences(doc.text)
    common = frozenset(_WORD_RE.findall(doc.text))
    usable = _usable_timexes(list(timexes), [find_actors(s.text, s.start, common) for s in sentences])
    for sent in sentences:
        if sent.fragment:
            continue
        candidates = _candidates([t for t in find_triggers(sent.text, sent.start) if not t.negated], sent)
        _attach(sent, candidates, _within(usable, sent))
        yield sent, candidates


def _usable_timexes(timexes, per_sentence) -> list:
    """DATE/TIME expressions that place a calendar span; not numbers ("40,000", "43") and not
    words inside a name ("The New York Sun")."""
    names = [(a.start, a.end) for actors in per_sentence for a in actors if " " in a.name]
    out = []
    for t in timexes:
        if t.type not in ("DATE", "TIME") or value_span(t.value) is None:
            continue
        if not _HAS_LETTER_OR_YEAR.search(t.text) and not (re.fullmatch(r"\d{3}", t.text) and t.value == "0" + t.text):
            continue  # (a three-digit year the tagger read as one: "In 622, Muhammad ...")
        if any(s <= t.start and t.end <= e for s, e in names):
            continue
        out.append(t)
    return out


def _within(timexes, sent: Sentence) -> list:
    return [t for t in timexes if sent.start <= t.start and t.end <= sent.end]


_CLOCK = re.compile(r"[\d:.\s]+(?:[ap]\.?m\.?|hours|hrs|GMT|UTC|[A-Z]{2,4}T)?", re.IGNORECASE)


def story_date(doc, timexes, sentences=None) -> dt.date | None:
    """The day the story is about: the most-mentioned day-level date in its prose (a date near
    the document's own date when it has one), else the document date."""
    prose = [(s.start, s.end) for s in sentences or [] if not s.fragment]
    counts: Counter = Counter()
    for t in timexes:
        if prose and not any(a <= t.start < b for a, b in prose):
            continue
        first, last, granularity = value_span(t.value)
        if granularity not in ("day", "time") or _CLOCK.fullmatch(t.text):
            continue  # ("after the polls closed at 22:30": the day is not written, the tagger's guess)
        # day differences, not date arithmetic: 0001-01-01 has no day before it; a day after a
        # given article date is a plan or a guess, not the day the story tells
        if doc.date and not -31 <= (first - doc.date).days <= (0 if doc.date_source == "given" else 1):
            continue
        counts[first] += 1
    if counts:
        reference = doc.date or max(counts)
        return max(counts, key=lambda d: (counts[d], -abs((reference - d).days)))
    return doc.date


def _sentence_events(doc, sent, actors, timexes, story, ctx, options, triggers=None) -> list[Event]:
    if triggers is None:
        triggers = [t for t in find_triggers(sent.text, sent.start) if not t.negated]
    timexes = [x for x in timexes if not _describes_a_thing(sent, x, triggers) and not reference_point(sent, x)]
    owned = _premodified_nouns(sent, timexes, triggers)
    candidates = _candidates(triggers, sent, keep=set(owned.values()))
    if not candidates:
        return []
    _attach(sent, candidates, timexes, owned)
    taken = {c.timex.start for c in candidates if c.timex is not None}
    timexes = [x for x in timexes if x.start in taken or not _until(sent, x)]  # (an end no happening took)
    if timexes:
        # a dated sentence: its dated clause is the news, its other clauses background to it;
        # a date we gave to no happening belongs to a verb we do not know, so the sentence's
        # happenings are not the story's own day either
        candidates = [c for c in candidates if c.timex is not None]
    events = []
    seen_senses: set[tuple] = set()
    for cand in candidates:
        event = _event(doc, sent, cand, candidates, actors, timexes, story, ctx, options, triggers)
        if event is None:
            continue
        key = (tuple(event.senses), event.date)
        if key in seen_senses:
            continue
        seen_senses.add(key)
        events.append(event)
    return events


_BEFORE_MODIFIER = frozenset("the a an its his her their our this that fabled famous old former".split())


def _describes_a_thing(sent, timex, triggers) -> bool:
    """A date used as an adjective of a thing ("the fabled 11th century temple") dates no
    happening; one before a happening noun ("its 1990 invasion", "the Aug. 7 blasts") does."""
    before = sent.text[:timex.start - sent.start].split()[-2:]
    if period_after(sent.text[timex.end - sent.start:]):
        return False  # "during the Christmas sales period": a stretch of time, not a thing
    after = re.match(r"[\s-]*([A-Za-z]+)", sent.text[timex.end - sent.start:])
    if not after or not after.group(1).islower() or after.group(1) in _NOT_A_NOUN:
        return False
    if _AT_OCCASION.search(sent.text[:timex.start - sent.start]) and _occasion_after(sent, timex):
        return False  # "In a Wednesday media event, Apple released ...": the occasion's day is the release's
    if not any(w.lower() in _BEFORE_MODIFIER or w.endswith(("'s", "’s")) for w in before):
        return False
    return not any(t.pos == "noun" and timex.end <= t.start <= timex.end + 30 for t in triggers)


_PERIOD = re.compile(r"quarter|half|fiscal|year-earlier|year-ago", re.IGNORECASE)
# "spoke at Friday's ceremony": the occasion is the setting of what the sentence tells
_AT_POSSESSED = re.compile(r"\b(?:[Ii]n|[Aa]t|[Dd]uring)\s+$")
_AT_OCCASION = re.compile(r"\b(?:[Ii]n|[Aa]t|[Dd]uring)\s+(?:a|an|the|its|his|her|their)\s+(?:[a-z]+\s+)?$")


def _occasion_after(sent, timex) -> bool:
    """An occasion noun in the two words after the date ("media event", "news conference")."""
    words = re.findall(r"[a-z]+", sent.text[timex.end - sent.start:timex.end - sent.start + 30])[:2]
    return any(w in occasions() for w in words)


_NOT_A_NOUN = frozenset("and or but to of in on at for from by with as when while after before that which who "
                        "was were is are has had have will would said".split())


# "the 1991 agreement", "the Aug. 7 blasts", "its 2004 presidential election": up to two
# lower-case words between a date and the happening noun it dates
_PREMODIFIES = re.compile(r"(?:['’]s?)?[\s-]*(?:[a-z]+[\s-]+){0,2}")  # ("last month's explosion")


def _premodified_nouns(sent, timexes, triggers) -> dict[int, int]:
    """Time expressions written before a happening noun of theirs: timex start -> noun start.
    Such a date is that happening's only ("violated the 1991 agreement" was no violation in
    1991; "condemned the Aug. 7 blasts" no condemnation on Aug. 7)."""
    owned = {}
    for timex in timexes:
        for t in triggers:
            between = sent.text[timex.end - sent.start:t.start - sent.start]
            if t.pos == "noun" and t.start >= timex.end and not t.quoted and _PREMODIFIES.fullmatch(between) \
                    and not any(w in _NOT_A_NOUN or w in _BEFORE_MODIFIER for w in between.split()) \
                    and not (between[:1] in "'’" and _AT_POSSESSED.search(sent.text[:timex.start - sent.start])):
                owned[timex.start] = t.start
                break
    return owned


def _candidates(triggers: list[Trigger], sent: Sentence | None = None, keep=frozenset()) -> list[_Candidate]:
    """Speech acts with what they report, light verbs with their object event, then the
    remaining happening words outside quotes. A noun in `keep` has a date of its own and is
    never taken as an event verb's object."""
    consumed: set[int] = set()
    out: list[_Candidate] = []
    for t in triggers:
        if t.quoted or t.start in consumed:
            continue
        if t.kind == "report" and sent is not None and _IN_RELATIVE.search(sent.text[:t.start - sent.start]):
            continue  # "Bukele, whom Rubio praised, said ...": an aside, not what was said
        if t.kind == "report" and t.aspect in _REPORT_ASPECTS:
            content = _content(t, triggers, consumed, sent)
            out.append(_Candidate(t, content))
        elif t.kind == "support" and t.aspect in _DATED_ASPECTS:
            obj = _object_noun(t, triggers, consumed, 5) or _noun_before(t, triggers, consumed, sent)
            out.append(_Candidate(t, obj))
        if out and out[-1].trigger is t and out[-1].content is not None:
            consumed.add(out[-1].content.start)
    verbs = [t for t in triggers if t.pos == "verb" and not t.quoted]
    for first, second in zip(verbs, verbs[1:]):
        if first.kind == second.kind == "event" and first.token + 2 == second.token and first.aspect == second.aspect:
            consumed.add(first.start)  # "shot and killed": one happening, told by its outcome
    for t in triggers:
        if t.quoted or t.start in consumed or t.kind in ("report", "support") or t.pos != "verb":
            continue
        obj = _object_noun(t, triggers, consumed, 3)
        if obj is not None and obj.start not in keep:
            consumed.add(obj.start)  # "imposed sanctions": one happening, told by the verb
        out.append(_Candidate(t))
    for t in triggers:
        if t.quoted or t.start in consumed or t.pos != "noun":
            continue
        if t.aspect == "noun" or (t.aspect == "prior" and t.category not in ("announcement", "statement")):
            out.append(_Candidate(t))
    out.sort(key=lambda c: c.trigger.start)
    return out


def _object_noun(t: Trigger, triggers, consumed, reach: int) -> Trigger | None:
    """A happening noun that is the verb's direct object ("confirmed the offer")."""
    for other in triggers:
        if other.pos == "noun" and t.token < other.token <= t.token + reach and other.start not in consumed:
            if other.quoted != t.quoted:
                return None
            return other
    return None



_PARTICIPLE_NEXT = re.compile(r"\s+(?:by|in|at|on|last|this|yesterday|today|earlier)\b")


def _noun_before(t: Trigger, triggers, consumed, sent: Sentence | None = None) -> Trigger | None:
    """"an agreement reached between the two companies in 1991": the happening noun a light
    verb's participle follows is what it tells."""
    if not t.text.endswith("ed") and not (sent is not None and _PARTICIPLE_NEXT.match(sent.text, t.end - sent.start)):
        return None  # ("a rare press conference held by Apple on Friday": an irregular participle)
    return next((o for o in triggers if o.pos == "noun" and o.token == t.token - 1 and o.start not in consumed
                 and not o.quoted), None)


def _content(report: Trigger, triggers, consumed, sent: Sentence | None = None) -> Trigger | None:
    if report.lemma in quoting_lemmas():
        return None  # "called the attack \"an act of terror\"": the attack is what was characterised, not told
    obj = _object_noun(report, triggers, consumed, 2)
    if obj is not None:
        return obj
    later = [o for o in triggers if o.start > report.end and o.kind == "event" and o.pos == "verb"
             and not o.quoted and o.start not in consumed]
    for other in later:
        if other.aspect in _CONTENT_ASPECTS and other.aspect != "prior":
            return other
    if sent is not None and report.aspect in ("past", "perfect"):
        for other in later:
            if other.aspect == "modal" and _WOULD.search(sent.text[report.end - sent.start:other.start - sent.start]):
                return replace(other, aspect="future")  # "said it would cut 30,000 jobs": a plan announced
    before = [o for o in triggers if o.quoted and o.end < report.start and o.kind == "event"
              and o.aspect in ("past", "perfect", "pluperfect") and o.strength >= 0.5]
    if before:
        return before[0]
    if sent is not None and _FINAL_ATTRIBUTION.search(sent.text[:report.start - sent.start]) and \
            _ENDS_SENTENCE.match(sent.text[report.end - sent.start:]):
        # "Hernandez was kidnapped ... at 10 p.m. Wednesday, police said.": what was said
        # comes first
        told = [o for o in triggers if o.end < report.start and o.kind == "event" and o.pos == "verb"
                and o.start not in consumed and (o.aspect in ("past", "perfect", "pluperfect")
                                                 or o.aspect == "future" and not o.passive
                                                 and not sent.text[:o.start - sent.start].endswith("be "))]  # "GM will cut ..., the company said"
        return told[0] if told else None
    return None


# "said on Monday it would cut": the future of a past saying, only a subject between
_WOULD = re.compile(r"^[^,;:]{0,60}\bwould\s+(?:\w+ly\s+)?(?:be\s+)?$")  # ("would be built in to iTunes")
# ", police said." / ", the agency reported Tuesday.": an attribution closing the sentence
_FINAL_ATTRIBUTION = re.compile(r",\s*(?:[A-Za-z.'’-]+\s+){0,5}$")
_ENDS_SENTENCE = re.compile(r"\s*(?:[A-Za-z]+\s+){0,3}[A-Za-z]*[.!?]?[\s\"”’']*$")


# A past-tense verb we have no trigger for ("left", "added", "wrapped up"): a time expression
# next to it dates that verb's clause, not a happening word further away.
_OTHER_VERB = re.compile(r"\b(?:[a-z]{2,}ed|left|went|came|took|made|gave|got|"
                         r"began|sent|spent|brought|thought|became|ran|saw|kept|put|set|led|paid|sought|"
                         r"began|wrote|spoke|broke|chose|drove|flew|grew|knew|threw|wore|fought|caught|taught)\b")


def _foreign_verb(between: str, candidates, lo: int, hi: int) -> bool:
    for m in _OTHER_VERB.finditer(between):
        word_start = lo + m.start()
        if any(c.trigger.start <= word_start < c.trigger.end
               or c.content is not None and c.content.start <= word_start < c.content.end for c in candidates):
            continue  # our own happening word (or the one a speech verb reports)
        if any(between.startswith(v, m.start()) for v in happened_verbs()):
            continue  # "the bombings occurred ... on Friday": the bombings' date
        before = between[max(0, m.start() - 5):m.start()].split()
        if before and before[-1].lower() in ("the", "a", "an", "its", "his", "her", "their", "our", "-"):
            continue  # "the deported migrants": an adjective
        if between[m.start() - 1:m.start()] == "-":
            continue  # "U.S.-funded"
        return True
    return False


def _attach(sent: Sentence, candidates: list[_Candidate], timexes, owned=None) -> None:
    """Give each time expression to the nearest happening of its clause, unless another verb
    stands closer to it; a date written before a happening noun goes to that noun only."""
    owned = owned or {}
    asides = [(sent.start + m.start(), sent.start + m.end()) for m in _ASIDE.finditer(sent.text)]
    for timex in timexes:
        best, best_distance = None, 1e9
        aside = next(((a, b) for a, b in asides if a <= timex.start and timex.end <= b), None)
        noun = owned.get(timex.start)
        until = _until(sent, timex)
        for cand in candidates:
            t = cand.trigger
            if noun is not None and noun != t.start and (cand.content is None or cand.content.start != noun):
                continue
            if until and (t.aspect in ("future", "modal") or t.kind == "report"
                          or cand.content is not None and cand.content.aspect == "future"):
                continue  # "would cut earnings by 4.8 billion euros through 2010": a span's end, not its day
            if aside is not None and not aside[0] <= t.start < aside[1]:
                continue  # "Streiff, who took over in July, said the delay would cut earnings": the aside's date
            if t.pos == "verb" and t.aspect == "participle" and not t.passive:
                continue  # "appointed a retired diplomat on Thursday": an adjective dates nothing
            if t.aspect == "infinitive" and (timex.end <= t.start or _MARKET_CLOSE.match(sent.text, t.start - sent.start)):
                continue  # "fell 50 cents on Friday to close at $20", "dropped 80 points to close at 1,890 on Monday": the fall's
            if t.aspect == "prior" and not _inside_prior_phrase(sent, t, timex):
                continue  # "headed Tuesday to East Africa ... after the bombings": not their date
            if cand.content is not None and cand.content.end <= t.start and _gap(
                    cand.content.start, cand.content.end, timex.start, timex.end) < _gap(
                    t.start, t.end, timex.start, timex.end):
                t = cand.content  # "X was killed Thursday evening ..., the police said"
            distance = _gap(t.start, t.end, timex.start, timex.end)
            lo, hi = sorted((t.end, timex.start)) if t.end <= timex.start else sorted((timex.end, t.start))
            between = sent.text[lo - sent.start:hi - sent.start]
            if t.aspect == "progressive" and re.fullmatch(r"[^,;]*\bsince\s*", between) and t.end <= timex.start:
                pass  # "has been fighting cancer since 2004": since when it has gone on
            elif until and (_BOUNDARY_WORDS.search(between) or re.search(r"[,;]", between)):
                continue  # "were priced at $29 ..., but will be free until September 30": the end of another clause's state
            elif _BOUNDARY_WORDS.search(between) or ";" in between:
                distance += 40
            elif "," in between:
                distance += 25  # "signed a plan Friday, and Yeltsin claimed": another clause
            if " that " in f" {between} " and t.start < timex.start:
                distance += 40  # "said that ... on Monday": the date belongs to the clause said
            checked, at = between, lo
            if timex.end <= t.start and re.search(r"\b(?:a|an|the|its|his|her|their)\s+$",
                                                  sent.text[:timex.start - sent.start], re.IGNORECASE):
                lead = re.match(r"\s*[a-z]+ed\s+(?=[a-z])", between)  # "a January 10, 2007 televised address"
                if lead:
                    checked, at = between[lead.end():], lo + lead.end()
            if _foreign_verb(checked, candidates, at, hi):
                continue
            if t.end <= timex.start and _RELATIVE_VERB.search(between):
                continue  # "will offer a service, which goes live on June 3": the relative clause's date
            if timex.end <= t.start and _NEXT_CLAUSE.match(between) and _verb_before(sent, timex, candidates):
                continue  # "went public on December 12, 1980, and its shares rose": the date ends the clause before
            if timex.end <= t.start and _AND_NEXT.fullmatch(between) and any(
                    c.trigger.pos == "verb" and c.trigger.kind != "support" and c.trigger.end <= timex.start
                    and _told_alike((c.content or c.trigger).aspect, t.aspect) for c in candidates):
                continue  # "will begin withdrawing troops on Friday and release prisoners": the verb before's
            if distance < best_distance:
                best, best_distance = cand, distance
        if best is not None and best_distance < best.distance:
            best.timex, best.distance = timex, best_distance
    for cand in candidates:  # ... and the verb after "and" shares it
        if cand.timex is None and cand.trigger.pos == "verb":
            shared = next((c.timex for c in candidates if c.timex is not None and c is not cand
                           and c.timex.end <= cand.trigger.start and _told_alike(cand.trigger.aspect, (c.content or c.trigger).aspect)
                           and _AND_NEXT.fullmatch(sent.text[c.timex.end - sent.start:cand.trigger.start - sent.start])), None)
            if shared is not None:
                cand.timex, cand.distance = shared, 1e8


_SUBORDINATE_OPENER = re.compile(r"(?:" + "|".join(w.capitalize() for w in sorted(SUBORDINATORS)) + r")\s+(?:the\s+)?")
# a person's background between commas ("Streiff, who took over in July, said ..."); a "which"
# aside about a thing may date the main verb ("shares, which were to be delisted after the close
# yesterday, closed at $23.25")
_ASIDE = re.compile(r",\s*(?:who|whose)\s[^,;]*,(?!\s*(?:when|where|while)\b)")
_RELATIVE_VERB = re.compile(r",\s*(?:which|who)\s+(?:[a-z]+\s+){0,2}?(?:is|are|was|were|will|has|have|had|"
                            r"[a-z]{2,}(?:s|ed))\s+(?:[\w$.,%-]+\s+){0,6}$")


def _told_alike(a: str, b: str) -> bool:
    """Two verbs joined by "and" tell one time when their tenses agree ("had fled ... and
    returned"; "will begin withdrawing ... and release"), not "to suspend ... issued Thursday and order"."""
    past = ("past", "pluperfect", "perfect")
    return a == b or a in past and b in past


_AND_NEXT = re.compile(r"\s+and\s+(?:then\s+|also\s+|\w+ly\s+)?")
_NEXT_CLAUSE = re.compile(r"\s*,\s*(?:and|but)\s+(?:its|his|her|their|the|[A-Z])")
_LAST_CLAUSE = re.compile(r".*(?:[,;:]\s*(?:and|but)\b|;)", re.DOTALL)


def _verb_before(sent, timex, candidates) -> bool:
    """A verb no happening word of ours is, in the clause a date ends."""
    head = sent.text[:timex.start - sent.start]
    opened = _LAST_CLAUSE.match(head)
    lo = opened.end() if opened else 0
    return _foreign_verb(head[lo:], candidates, sent.start + lo, timex.start)


_MARKET_CLOSE = re.compile(r"(?:close|closed|finish|end|settle)\s+(?:at|up|down|higher|lower)\b", re.IGNORECASE)
_UNTIL = re.compile(r"\b(?:until|till|through)\s+$", re.IGNORECASE)


def _until(sent, timex) -> bool:
    return bool(_UNTIL.search(sent.text[:timex.start - sent.start]))


_PRIOR_WORD = re.compile(r"\b(?:after|before|since|following|upon)\b", re.IGNORECASE)


def _inside_prior_phrase(sent: Sentence, t: Trigger, timex) -> bool:
    """A happening after "after/before/since" takes only a date of its own phrase ("after the
    Aug. 7 bombings", "since taking office on Jan. 20"), not the main clause's."""
    head = sent.text[:t.start - sent.start]
    words = list(_PRIOR_WORD.finditer(head))
    if not words:
        return True  # "prior" from the words around it, no phrase to bound
    phrase_start = sent.start + words[-1].start()
    return timex.start >= phrase_start


def _gap(a0, a1, b0, b1) -> int:
    return max(0, b0 - a1, a0 - b1)


def _announced_plan(t: Trigger, sent: Sentence) -> bool:
    """A happening the article says will take place ("the iPhone 3G will be discontinued", "GM
    will close four plants"): the plan is news on the article's day, as "X to close four plants"."""
    if t.aspect != "future" or t.kind != "event" or t.pos != "verb" or t.quoted or t.strength < _PLAN_STRENGTH \
            or t.category == "other":  # a verb the lists do not know is an event only with a date of its own
        return False
    clause = _CLAUSE_START.split(sent.text[:t.start - sent.start])[-1]
    return bool(_PLAN_CLAUSE.match(clause)) and not _NOT_PLAN_SUBJECT.search(clause)


_PLAN_STRENGTH = 0.6
# ("will probably cut"; "will have been sold by the end of the quarter": a projection)
_FORECAST = re.compile(r"\b(?:will|would|'ll|’ll)\s+(?:(?:\w+\s+)?(?:probably|likely|possibly|perhaps|eventually)\s+(?:be\s+)?"
                       r"|have\s+(?:been\s+)?)$", re.IGNORECASE)
# the plan is its clause's own statement: a subject of a few words, "will" (and "be"), the verb;
# a clause starts the sentence or follows ", and" / ";" ("..., and the iPhone 3G will be discontinued")
_CLAUSE_START = re.compile(r"(?:,\s*(?:and|but)\s+|;\s*)")
_PLAN_CLAUSE = re.compile(r"^\s*(?:[\w$%&.'’-]+\s+){1,8}will\s+(?:\w+ly\s+|also\s+|soon\s+|now\s+)?(?:be\s+)?$")
# a relative or reported clause ("deportees they will accept", "said redemption will ..."),
# a pronoun subject with nothing to resolve it in its clause, a forecast ("analysts expect")
_NOT_PLAN_SUBJECT = re.compile(r"\b(?:that|which|who|whom|whose|where|when|if|unless|whether|they|it|he|she|we|you|i|"
                               r"its|his|her|their|our|"  # "its price will be cut": not the owner's plan
                               r"this|there|said|says|say|expects?|expected|believes?|think|thinks|hopes?|likely)\b",
                               re.IGNORECASE)


def _event(doc, sent, cand, candidates, actors, timexes, story, ctx, options, triggers=()) -> Event | None:
    t, content = cand.trigger, cand.content
    dated = cand.timex is not None
    aspect = t.aspect
    # a statement with no happening in it: news only when a named speaker makes it (statements.py)
    statement = t.kind == "report" and content is None and not (dated and t.category == "announcement")
    if statement and (options.mode != "news" or not may_state(sent, t)):
        return None
    if statement and dated and not own_date(sent, t, cand.timex):
        dated = False  # "said the business will achieve higher sales this year": undated
    elif t.kind == "support" and content is None and not dated:
        return None
    if not dated and (t.pos == "noun" and t.aspect == "noun" or t.kind == "report" and content is not None
                      and content.pos == "noun" and content.aspect == "noun"):
        return None  # "the meeting", "said the bombings would not ...": a happening named, not told
    # the lead's own news ("has announced", "today launched") is told on the article's day, and
    # so is a happening told in the present or present perfect with no date of its own ("Apple
    # has released an application", "the iPhone now comes with ...")
    on_article_day = not dated and doc.date is not None and (
        ctx.lead and aspect in _LEAD_ASPECTS
        or options.mode == "news" and (aspect in _PRESENT_ASPECTS and t.pos == "verb" or _announced_plan(t, sent)))
    if dated:
        if aspect not in _DATED_ASPECTS:
            return None
    elif aspect not in _UNDATED_ASPECTS and not on_article_day:
        return None
    happening = content or t
    strength = max(t.strength, happening.strength) if t.kind == "support" else happening.strength
    if not dated and not statement and (strength < (0.4 if on_article_day else 0.6) or happening.category == "statement"):
        if t.kind == "report" and content is not None and not content.quoted:
            # "Apple confirmed that Papermaster had left": what was said is no happening of the
            # lists' on its own, but who said it is a statement of the day
            return _event(doc, sent, replace(cand, content=None), candidates, actors, timexes, story, ctx, options,
                          triggers)
        return None
    if happening.aspect == "future" and _FORECAST.search(sent.text[:happening.start - sent.start]):
        return None  # "the company will probably cut more jobs this year": a forecast, not a plan
    if _CONDITION.search(sent.text[:t.start - sent.start]):
        return None  # "would give the boy to Gonzalez if he made the trip": a condition, not a happening
    if _WISH.search(sent.text[:t.start - sent.start]):
        return None  # "said they hoped the perpetrator was caught": wished for, not told
    if not dated and aspect != "prior" and _BACKGROUND.search(sent.text[:t.start - sent.start]):
        return None  # "Panama, which agreed to ...", "an announcement that Trump had agreed ...": background

    # date and certainty
    if dated:
        value, first, last, granularity = _within_since(cand.timex, doc.date) or _date_of(cand.timex)
        if granularity == "day" and period_after(sent.text[cand.timex.end - sent.start:]):
            value = value[:7]  # "during the Christmas sales period": the weeks around the day, not the day
            first, last, granularity = value_span(value)
        certainty = "explicit" if cand.timex.anchored_by == "absolute" else "relative"
        time_text, time_start, time_end = cand.timex.text, cand.timex.start, cand.timex.end
    else:
        inherited = (doc.date.isoformat(), doc.date, doc.date, "day") if on_article_day else \
            _inherited_date(story, ctx, options)
        if inherited is None:
            value, first, last, granularity = "", None, None, ""
        else:
            value, first, last, granularity = inherited
        certainty, time_text, time_start, time_end = "inferred", "", -1, -1
    confidence = BASE_CONFIDENCE[certainty] * (0.6 + 0.4 * strength)
    if content is not None and t.kind == "report":
        confidence -= 0.1 if content.quoted else 0.05  # the date is the saying's
    if certainty == "relative" and doc.date_source == "inferred":
        confidence *= 0.85
    if aspect == "future" or statement:
        confidence *= 0.8  # (a statement: what was said is not yet a happening)
    if not value:
        confidence = min(confidence, 0.2)

    reduced = t.kind == "support" and content is not None and content.end <= t.start  # "an agreement reached"
    subject = None if reduced else event_subject(sent, t, actors, candidates, ctx)
    if subject is None and not reduced:
        subject = next((c.subject for c in reversed(candidates) if c.subject is not None
                        and c.trigger.start < t.start), None)  # "He met X, where they agreed ..."
    if statement:
        subject = speaker(sent, t, actors, subject, dated)
        if subject is None:
            return None
    cand.subject, cand.statement = subject, statement
    if subject is None and not dated and aspect != "prior" and not _PERSONAL.search(
            sent.text[:t.start - sent.start]):
        return None  # no date and nobody doing it: generic ("Whoever shot the shot ...")
    title, place = make_event_title(sent, cand, subject, actors, timexes)
    if t.pos == "verb" and t.kind == "event":
        told, who = _subordinate_title(sent, t, actors, timexes, reduced_only=t.category != "other")
        if told:  # "iAd, which goes live on July 1": the noun the clause hangs on did it
            title, subject = told, who
            cand.subject = who
    if statement and not title:
        return None
    premodified = dated and t.pos == "noun" and _premodified_nouns(sent, [cand.timex], [t]) != {} \
        and not _PERIOD.search(cand.timex.text) \
        and not _AT_OCCASION.search(sent.text[:cand.timex.start - sent.start])
    # (not "reported a third-quarter loss": the report's headline; not "in his 1996 campaign",
    # "in a July 16 press conference": the setting of what the sentence tells)
    if premodified and not _has_verb(title, happening):
        # "condemned the Aug. 7 blasts in Nairobi": the date is the blasts', so is the headline
        # (the sentence's verb, the condemnation, happened another day); what follows the noun
        # may be the verb's ("violated the 1991 agreement with its iTunes Music Store")
        title = re.sub(r"\s+(?:with|to|for|by|from|against|over)\b.*$", "", title)  # (a bare noun: below)
    elif not statement and (headless(title) or (t.pos == "noun" and not _has_verb(title, happening))
                            or t.pos == "verb" and title.split()[0].lower() in (t.text.lower(), t.lemma)):
        # (a title opening with its own verb has lost its subject: "Issue common-share purchase rights")
        # "Doubled", "Press conference": say it with the sentence's main verb and its subject
        spans = [(x.start, x.end) for x in timexes]
        parsed = parse_sentence(sent)
        told = svo_title(sent, parsed, t, "", t.title_verb, spans) if t.pos == "verb" else \
            root_title(sent, parsed, spans, setting=happening.start - sent.start)
        if told and (not headless(told) or t.pos == "noun" and len(told.split()) > 2):  # (root_title has a subject: "Suspected car bombings occur")
            title = told
        elif happening.category == "other":
            return None  # a verb the word lists do not know, with nobody to say it of: no headline
    if not statement and happening.category == "other" and title.split()[-1].lower() == t.title_verb.lower():
        told = svo_title(sent, parse_sentence(sent), t, "", t.title_verb, [(x.start, x.end) for x in timexes])
        if not told or told.split()[-1].lower() == t.title_verb.lower() or headless(told):
            return None  # "Rubio continues": a verb the word lists do not know says nothing without its object
        title = told  # "Muhammad migrates from Mecca": what the parse puts after it
    if not statement and _verb_first(title, sent.text) and not any(a.kind in ("person", "org") for a in actors):
        # "I visited the festival": nobody to say it of and no one to match another telling by
        # ("He met with Bukele" may join the telling that names him)
        return None
    if happening.category == "other" and title.count("(") != title.count(")"):
        return None  # a parse read across a parenthesis: "Manufacturer of iPhone resented ...)-Apple Inc."
    title = _without_own_date(title, time_text)
    if len(title.split()) < 2:
        # "Announced", "Friday's ceremony": no headline; a happening noun may still say where and
        # to whom ("last month's explosion at an Alabama women's clinic")
        parsed = parse_sentence(sent)
        at = token_at(parsed, happening.start - sent.start) if happening.pos == "noun" else None
        title = named_happening(parsed, at, (time_start - sent.start, time_end - sent.start)) if at is not None else ""
        if not title:
            return None
    opener = _SUBORDINATE_OPENER.match(title)
    if opener and len(title.split()) > 3:  # "When the Soviets invaded Czechoslovakia": the clause, not its link
        title = title[opener.end():opener.end() + 1].upper() + title[opener.end() + 1:]
    names = []
    kinds = {}
    lo, hi = clause_span(sent, t, content, subject)
    for actor in ([subject] if subject else []) + [a for a in actors if lo <= a.start < hi]:
        if actor.name not in kinds and actor.kind in ("person", "org", "place", "name"):
            names.append(actor.name)
            kinds[actor.name] = actor.kind
    if not place:
        place = next((a.name for a in actors if a.kind == "place"), "")
    # the rest of the sentence's names: not the event's actors, but merging may count them as
    # shared ("Bukele also offered ..., Rubio said" is the offer Rubio announced)
    context = {a.name: a.kind for a in actors if a.name not in kinds}
    for name, kind in list(kinds.items()):
        country = country_of(name) if kind == "place" else ""
        if country and country not in kinds:
            context.setdefault(country, "place")
    mention = Mention(
        doc_id=doc.id, evidence=sent.text, evidence_start=sent.start, evidence_end=sent.end,
        time_text=time_text, time_start=time_start, time_end=time_end, date=value,
        certainty=certainty, confidence=round(confidence, 3), url=doc.url,
        trigger=happening.text, trigger_start=happening.start, trigger_end=happening.end,
        doc_title=doc.reader_title,
    )
    senses = {happening.sense} | ({t.sense} if t.kind not in ("report", "support") else set())
    if t.kind != "report":
        # the other happening words of its clause tell the same event ("the blasts killed 257")
        senses |= {o.sense for o in triggers if lo <= o.start < hi and o.kind in ("event", "noun")
                   and not o.quoted and o.aspect not in ("infinitive", "modal", "participle")}
    senses = sorted(senses)
    return Event(
        date=value, start=first, end=last, granularity=granularity, title=title,
        description=sent.text, actors=names, place=place,
        category="statement" if statement else happening.category,  # ("announced that there were 3,800 attendees")
        certainty=certainty, confidence=round(confidence, 3), mentions=[mention],
        senses=senses, actor_kinds={**kinds, **context},
    )


def _verb_first(title: str, sentence: str) -> bool:
    """The title opens with a verb form the sentence writes in lower case, not followed there by
    the title's next word ("I visited the festival" -> "Visited festival"); not a name ending in
    -ed ("Mohamed", "United") nor an adjective before its noun ("the increased dividend")."""
    words = title.split()
    if len(words) < 2 or not headless(title):
        return False  # (a lone word: named below, or dropped)
    written = re.search(r"(?<![\w-])" + re.escape(words[0].lower()) + r"\s+(\S+)", sentence)
    return written is not None and written.group(1).strip(",.;") != words[1]


def _subordinate_title(sent, t: Trigger, actors, timexes, reduced_only=False) -> tuple[str, Actor | None]:
    """A relative or infinitive clause's headline ("iAd goes live", "Special event to be held")
    and the name of the noun it hangs on; ("", None) for a verb of a main clause. With
    `reduced_only`, only a participle right after its noun ("figures released April 3 by NPD
    Group", "the injunction issued Thursday"): the word rules title the rest better."""
    parsed = parse_sentence(sent)
    at = token_at(parsed, t.start - sent.start)  # (the word lists count tokens their own way)
    if at is None:
        return "", None
    tok = parsed.tokens[at]
    if tok.dep not in ("acl:relcl", "acl", "advcl") or tok.head == at:
        return "", None
    if tok.dep == "advcl" and t.aspect != "future":
        return "", None  # (only ", to be released in mid-2011" hangs on the noun before it)
    dated = [(x.start - sent.start, x.end - sent.start) for x in timexes]
    noun = parsed.tokens[tok.head]
    reduced = tok.dep == "acl" and tok.head == at - 1 and (t.text.lower().endswith("ed") or tok.tag == "VBN") and \
        noun.dep in ("nmod", "obl", "obj", "iobj") and not any(  # ("AEP shares closed at $21.25": the main verb)
        parsed.tokens[c].dep == "obj" and not any(a <= parsed.tokens[c].start < b for a, b in dated)
        for c in parsed.children(at))  # (a participle takes no object; "released April 3": a date)
    if reduced_only and not reduced:
        return "", None
    verb = (t.text.lower() if reduced else
            f"to {t.lemma}" if t.aspect == "future" and not t.passive else t.title_verb)
    told = svo_title(sent, parsed, t, "", verb, [(x.start, x.end) for x in timexes])
    if not told or headless(told):
        return "", None
    who = next((a for a in actors if a.start <= sent.start + noun.start < a.end), None)
    return told, who


_DAY_WORD = re.compile(r"(?:yesterday|today|tonight|tomorrow|(?:last|this)\s+(?:night|morning|evening)|"
                       r"(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\s+(?:morning|afternoon|evening|night))?)",
                       re.IGNORECASE)


def _without_own_date(title: str, time_text: str) -> str:
    """"Composite trading yesterday closes", "X charged with murder Thursday": the date is the
    row's own column, not a headline word (a possessive date stays: "yesterday's announcement")."""
    if not _DAY_WORD.fullmatch(time_text):
        return title  # ("reports third-quarter loss": a period word belongs to the headline)
    shorter = re.sub(r"\s*\b" + re.escape(time_text) + r"\b(?![’'])", "", title, count=1).strip()
    return shorter[:1].upper() + shorter[1:] if shorter != title and len(shorter.split()) >= 2 else title


def _date_of(timex) -> tuple:
    first, last, granularity = value_span(timex.value)
    if granularity == "time":
        return timex.value[:10], first, last, "day"
    return timex.value, first, last, granularity


_AGO = re.compile(r"\bago\b", re.IGNORECASE)


def _within_since(timex, today: dt.date | None) -> tuple | None:
    """"less than two weeks ago" (2010-W22, mod LESS_THAN, written on June 16) is some day
    after June 2 and before today: the calendar month or year holding both ends (2010-06), not
    the week two weeks back. None when both ends are not in one year."""
    if timex.mod != "LESS_THAN" or today is None or not _AGO.search(timex.text):
        return None
    span = value_span(timex.value)
    if span is None or not isinstance(span[0], dt.date) or span[0] > today:
        return None
    first, _, granularity = span
    if granularity == "week":  # the same weekday that many weeks back
        first = today - dt.timedelta(weeks=(today - first).days // 7)
    elif granularity in ("month", "year"):
        first = first.replace(day=min(today.day, 28)) if granularity == "month" else \
            first.replace(month=today.month, day=min(today.day, 28))
    if (first.year, first.month) == (today.year, today.month):
        value = f"{today.year:04d}-{today.month:02d}"
    elif first.year == today.year:
        value = f"{today.year:04d}"
    else:
        return None
    first, last, granularity = value_span(value)
    return value, first, last, granularity


def _inherited_date(story, ctx, options):
    if options.mode == "narrative" and ctx.last_date is not None:
        return ctx.last_date
    if ctx.prev_date is not None:
        return ctx.prev_date
    if story is None:
        return None
    return story.isoformat(), story, story, "day"
