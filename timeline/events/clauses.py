"""Who did a happening and how a headline says it: subjects (names, he/she resolved from the
sentences before, the doer of a passive), the clause an event is told in, and the title built
from those pieces (see titles.py for the word-level helpers)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from timeline.events import svo, titles
from timeline.events.statements import statement_title
from timeline.events.actors import Actor, _camel, description_head, group_nouns, is_team
from timeline.events.generic import irregular_pasts
from timeline.events.triggers import Trigger, causatives, find_triggers, title_forms


@dataclass
class Context:
    """What earlier sentences of the document tell about later ones."""
    last_subject: Actor | None = None
    prev_subject: Actor | None = None
    prev_persons: list[Actor] = field(default_factory=list)
    last_org: Actor | None = None       # the last organisation a sentence began with ("it", "the company")
    prev_org: bool = False              # the previous sentence began with that organisation
    titled: dict = field(default_factory=dict)  # "president" -> the person last named with that title
    heads: dict = field(default_factory=dict)  # "store" -> the organisation last named "... Store"
    last_date: tuple | None = None  # (value, first, last, granularity) for narrative mode
    prev_date: tuple | None = None  # the previous sentence's dated past event, same paragraph
    prev_end: int | None = None
    lead: bool = False  # the sentence is the article's lead (see headline.py)


def event_subject(sent, t: Trigger, actors, candidates, ctx) -> Actor | None:
    """Who did it: the nearest name (or resolved he/she) before the verb in its clause; for
    "After meeting Bukele, Rubio signed ..." the main clause's subject."""
    if t.sense == "born":
        born = _born_who(sent, t, actors)
        if born is not None:
            return born
    if t.pos == "verb" and t.aspect == "past" and _AND_VERB.search(sent.text[:t.start - sent.start]):
        shared = _first_subject(sent, actors, t)
        if shared is not None:
            return shared  # "Apple is the producer of the iPod and launched the iTunes Music Store"
    if t.aspect == "prior" and t.pos == "verb":  # "after the invasion": only its owner did it (below)
        head = sent.text[:t.start - sent.start]
        comma = sent.text.find(",", t.end - sent.start)
        if re.match(r"\s*(?:after|before|since|following|upon)\b", head, re.IGNORECASE) and comma > 0:
            after = [a for a in actors if a.start >= sent.start + comma and a.kind in ("person", "org", "name")]
            if after:
                return after[0]
        return _subject_before(sent, t, actors, ctx, prior=True)
    if t.pos == "noun":
        head = sent.text[:t.start - sent.start]
        owner = re.search(r"([\w.&-]+)\s*['’]s?\s+(?:[\w-]+\s+){0,2}$", head)
        if owner:
            word = owner.group(1).rstrip(".")
            for a in actors:
                if a.end - sent.start == owner.end(1) or a.text.endswith(word) and a.end <= t.start:
                    return a  # "Unisys Corp.'s announcement", "Iraq's invasion"
        if re.search(r"\b(?:its|their)\s+(?:[a-z-]+\s+){0,2}$", head):
            return _owner_of_its(sent, t, actors, ctx)  # "Institut Merieux ... would extend its bid"
        return None  # "condemned two bomb attacks": whoever stands before a noun did not do it
    return _subject_before(sent, t, actors, ctx)


_PRONOUN_RE = re.compile(r"\b(?:[Hh]e|[Ss]he|[Ii]t|[Tt]hey)\b")
# Definite descriptions a news story uses for someone it named before.
_DESCRIPTION_RE = re.compile(r"\b[Tt]he\s+(company|firm|bank|group|president|prime minister|minister|secretary|"
                             r"chancellor|governor|senator|mayor|chairman|king|queen|pope)\b")
_THE_NOUN = re.compile(r"\b[Tt]he\s+([a-z]+)\b")
_ORG_DESCRIPTIONS = frozenset("company firm bank group".split())
# Between "it"/"they" and its verb only auxiliaries and adverbs ("it has already agreed"):
# "it" is otherwise often no one ("It was the first time ...").
_CLOSE_TO_VERB = re.compile(r"\s*(?:(?:will|would|could|can|may|might|should|has|have|had|did|also|just|already|"
                            r"then|later|now|officially|formally|\w+ly|(?:is|are|was|were)\s+to|"
                            r"begin|begins|began|begun|start|starts|started|continue|continues|continued)\s+)*")
# ("he will begin withdrawing", "it is to begin issuing": a verb of starting before the happening)


# a verb coordinated with the clause before it, no subject of its own: "..., and launched"
_AND_VERB = re.compile(r"\band\s+(?:(?:also|then|later|\w+ly)\s+)?$")
_OPENS = re.compile(r"(?:[^,;]*,\s*)?(?:[Tt]he\s+)?")
_A_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|[a-z]{3,}ed)\b")


def _first_subject(sent, actors, t) -> Actor | None:
    """The name the sentence opens with, before any verb: the subject its later verbs share."""
    first = actors[0] if actors else None
    if first is None or first.start >= t.start or first.kind not in ("person", "org", "name"):
        return None
    head = sent.text[:first.start - sent.start]
    # the sentence's first words, or the first after an opening phrase ("According to ..., Munero")
    return first if _OPENS.fullmatch(head) and not _A_VERB.search(head) else None


def _born_who(sent, t: Trigger, actors) -> Actor | None:
    """"Jobs, born in San Francisco ...": the name the apposition follows; "Born in 1942 in
    Hawaii, Smith joined ...": the name after the opening phrase."""
    people = [a for a in actors if a.kind in ("person", "name")]
    before = [a for a in people if a.end <= t.start and re.fullmatch(
        r"\s*,?\s*(?:who\s+was\s+|was\s+)?", sent.text[a.end - sent.start:t.start - sent.start])]
    if before:
        return before[-1]
    comma = sent.text.find(",", t.end - sent.start)
    if sent.text[:t.start - sent.start].strip() == "" and comma > 0:
        return next((a for a in people if a.start >= sent.start + comma), None)
    return None


def _owner_of_its(sent, t: Trigger, actors, ctx) -> Actor | None:
    """Whose "its"/"their": the organisation the sentence begins with, else the one the
    previous sentence began with."""
    first = next((a for a in actors if a.end <= t.start and a.kind in ("org", "name")), None)
    if first is not None and first.start - sent.start <= 45:
        return first
    return ctx.last_org if ctx.prev_org else None
_SUBORDINATE = re.compile(r"\b(?:as|when|while|after|before|because|since|although|though|if|until|where)\b")
# ", who is on his first tour ," / ", 52, was": an aside between a subject and its verb
_APPOSITIVE = re.compile(r"\s*,[^,;]*,\s*(?:[a-z]+\s+){0,2}")
_RELATIVE = re.compile(r"^\s*,?\s*(?:which|who)\s*$")


# the speech verbs after which a name is the speaker, not the doer of what follows
_SPEECH = r"said|says|told|tells|announced|stated|claimed"
_SAID_BETWEEN = re.compile(r"\b(?:" + _SPEECH + r")\s+(?!that\b|it\b|he\b|she\b|they\b)")


def _subject_before(sent, t: Trigger, actors, ctx, prior: bool = False) -> Actor | None:
    offset = sent.start
    options: list[tuple[int, int, Actor | None]] = [(a.start, a.end, a) for a in actors if a.end <= t.start]
    for m in _PRONOUN_RE.finditer(sent.text, 0, t.start - offset):
        word = m.group(0).lower()
        if word in ("it", "they") and not _CLOSE_TO_VERB.fullmatch(sent.text[m.end():t.start - offset]):
            continue
        options.append((m.start() + offset, m.end() + offset, word))
    for m in _DESCRIPTION_RE.finditer(sent.text, 0, t.start - offset):
        options.append((m.start() + offset, m.end() + offset, m.group(1).lower()))
    for m in _THE_NOUN.finditer(sent.text, 0, t.start - offset):
        if m.group(1) in ctx.heads:  # "the store" for the iTunes Store named before
            options.append((m.start() + offset, m.end() + offset, m.group(1)))
    options.sort(key=lambda o: o[1], reverse=True)
    for start, end, actor in options:
        between = sent.text[end - offset:t.start - offset]
        if isinstance(actor, str):
            word, actor = actor, None
        else:
            word = ""
        if actor is not None and _RELATIVE.match(between):
            return actor  # "Panama, which agreed to ..."
        appositive = bool(_APPOSITIVE.fullmatch(between))
        if re.search(r"[;:“”\"]", between) or (not appositive and re.search(r"\b(?:that|which|whose|whom|who|what)\b",
                                                                             between)):
            continue
        if not prior and _SUBORDINATE.search(between):
            continue  # "Rubio was present as the flight departed": not Rubio
        if _SAID_BETWEEN.search(between):
            continue  # "The firm said more than 4 billion songs had been downloaded": the speaker did not
        if "," in between:
            # an appositive (", who is on his first tour ... ,") sits between subject and verb
            if not appositive:
                continue
        elif len(between) > 60:
            continue
        if actor is not None and actor.kind in ("place", "name"):
            head = _apposed_org(sent, actor, actors)
            if head is not None:
                return head  # "America West Airlines, Phoenix, Ariz., reported": the company
        if actor is not None:
            inside = re.search(r"\b(in|at|to|from|of|on|with|by|for)\s+(?:the\s+)?$", sent.text[:start - offset])
            if inside and inside.group(1) == "of":
                continue  # "Jan Kavan of the Czech Republic signed": the head comes before "of"
            if inside:
                return None  # a name inside a phrase ("the jail in El Salvador was built")
            return actor
        if word in ("he", "she"):
            return _resolve_pronoun(sent, start, actors, ctx)
        return _resolve_description(word, sent, start, actors, ctx)
    return None


def _apposed_org(sent, actor: Actor, actors) -> Actor | None:
    """The organisation a chain of place words is an apposition to ("X Corp., Stamford, Conn.")."""
    current = actor
    for _ in range(3):
        before = [a for a in actors if a.end <= current.start
                  and re.fullmatch(r"\.?\s*,\s*", sent.text[a.end - sent.start:current.start - sent.start])]
        if not before:
            return None
        current = before[-1]
        if current.kind == "org":
            return current
        if current.kind not in ("place", "name"):
            return None
    return None


_SAID_BEFORE = re.compile(r"\b(?:said|says|announced|stated|claimed)\s+(?:that\s+)?$")


def _resolve_description(word: str, sent, start, actors, ctx) -> Actor | None:
    """"it"/"they"/"the company" -> the organisation the story is about; "the president" ->
    the person last named with that title. Nobody when the story gives no clear antecedent."""
    if word in ("it", "they") or word in _ORG_DESCRIPTIONS:
        said = _SAID_BEFORE.search(sent.text[:start - sent.start])
        kinds = ("org", "name") if said else ("org",)  # "Ratners and Weisfield's said they reached"
        before = [a for a in actors if a.end <= start and a.kind in kinds]
        if before and word in ("it", "they"):
            return before[0]  # "Sony said it completed ...": the sentence's own organisation
        if ctx.last_org is not None and (ctx.prev_org or word in _ORG_DESCRIPTIONS):
            return ctx.last_org
        return None
    return ctx.titled.get(word) or ctx.heads.get(word)


def _resolve_pronoun(sent, start, actors, ctx) -> Actor | None:
    before = [a for a in actors if a.end <= start and a.kind in ("person", "name")
              and not _possessive_or_object(sent, a)]
    if before and start > sent.start + 3:
        return before[-1]  # "... before he took office": the person named earlier in the sentence
    if ctx.prev_subject is not None and ctx.prev_subject.kind in ("person", "name"):
        return ctx.prev_subject
    persons = {a.name: a for a in ctx.prev_persons}
    if len(persons) == 1:
        return next(iter(persons.values()))
    return ctx.last_subject


def _possessive_or_object(sent, actor: Actor) -> bool:
    """"the mainstay of Buffalo's only clinic": a name after a preposition is no "he" later in
    the sentence ("Bukele's crackdown ... before he took office" is Bukele, though)."""
    before = sent.text[max(0, actor.start - sent.start - 6):actor.start - sent.start]
    return bool(re.search(r"\b(?:of|in|at|from|to|for)\s+$", before))


_IN_PHRASE = re.compile(r"\b(?:in|at|to|from|of|on|with|by|for|into|against|under)\s+(?:the\s+)?$")


def update_context(ctx: Context, sent, actors) -> None:
    # the sentence's subject: its first name not inside a phrase ("As soon as the results were
    # announced at the New York Stock Exchange, the shares of the company ...")
    first = next((a for a in actors if a.kind in ("person", "name", "org")
                  and not _IN_PHRASE.search(sent.text[:a.start - sent.start])), None)
    starts_with_pronoun = bool(re.match(r"\s*(?:He|She)\b", sent.text))
    if first is not None and not starts_with_pronoun and (first.start - sent.start) <= 45:
        ctx.prev_subject = first
        if first.kind in ("person", "name"):
            ctx.last_subject = first
    elif not starts_with_pronoun:
        ctx.prev_subject = None
    ctx.prev_persons = [a for a in actors if a.kind == "person"]
    ctx.prev_org = first is not None and first.kind == "org" and (first.start - sent.start) <= 45
    if ctx.prev_org:
        ctx.last_org = first

    for a in actors:
        head = description_head(a)
        if head:
            ctx.heads[head] = a
        if a.titled and a.kind == "person":
            title = re.search(r"([A-Z][a-z]+)\.?\s+$", sent.text[:a.start - sent.start])
            if title:
                ctx.titled[title.group(1).lower()] = a  # "President Nayib Bukele" -> "the president"
                if title.group(1) == "Minister" and sent.text[:a.start - sent.start].rstrip().endswith(
                        "Prime Minister"):
                    ctx.titled["prime minister"] = a


_OWNED_NOT = frozenset("has have had is are was were will would could can may might must did does do "
                       "also just already still now then".split())


def _subject_words(sent, subject: Actor | None, t: Trigger, timexes=()) -> str:
    if subject is None:
        return _noun_phrase_before(sent, t, timexes)
    words = titles.subject_text(subject, "", sent.text, sent.start)
    if not sent.start <= subject.start < t.start:
        return words  # a doer named in an earlier sentence ("the company" resolved)
    rest = sent.text[subject.end - sent.start:t.start - sent.start]
    owned = re.fullmatch(r"['’]s\s+((?:[a-z][a-z-]*\s+){0,2}[a-z][a-z-]*)\s+", rest)
    if owned:
        thing = owned.group(1).split()
        while thing and (thing[-1] in _OWNED_NOT or thing[-1].endswith("ly")):
            thing.pop()  # "Elian's relatives have cared": the auxiliary is the verb's
        if thing:
            return f"{words}'s {' '.join(thing)}"  # "Schwarz's great-grandfather founded": not Schwarz
    follow = re.match(r"\s+(\w+)", rest)
    if follow and follow.group(1) in group_nouns():
        words += " " + follow.group(1)  # "Trump administration", "Israeli officials"
    else:
        # "Elian's Miami relatives are fighting", "The Hong Kong legislative election was held":
        # the name only says whose or where; the noun after it is the doer
        after = re.fullmatch(r"\s+((?:[a-z][a-z-]*\s+){0,2}[a-z][a-z-]*)\s+", rest)
        noun = after.group(1).split() if after else []
        while noun and (noun[-1] in _OWNED_NOT or noun[-1].endswith("ly")):
            noun.pop()
        if noun and not any(w in _NOT_A_NOUN_AFTER_NAME or w in _OWNED_NOT or w.endswith(("ly", "ed"))
                            or w in irregular_pasts() for w in noun):
            words += " " + " ".join(noun)
    return words


# lower-case words between a name and its verb that are not a noun the name qualifies
# ("Apple today launched", "Bush last week signed", "Toyota and Honda said")
_NOT_A_NOUN_AFTER_NAME = frozenset("today yesterday tonight tomorrow first then later again once never ever soon "
                                   "last next this that week month year day morning afternoon evening night "
                                   "and or but nor itself himself herself themselves who which that whose "
                                   "said says say told tells announced reported added officially to of in on at "
                                   "for with by from as into over under about after before since he she it they "
                                   "we i you all both each alone together however further also still even only "
                                   "just already almost nearly began begun begins start starts continue "
                                   "continues".split())
_RELATIVE_PASSIVE = re.compile(r"\b(?:which|that|who)\s+(?:was|were|had\s+been|has\s+been|have\s+been|is|are)"
                               r"\s+(?:\w+ly\s+)?$")
_FINAL_REPORT = re.compile(r",\s*(?:[\w.'’-]+\s+){0,5}$")
_NAMED = re.compile(r"[A-Z][a-z]*[A-Z]|[A-Z]\w*\s+[A-Z]")  # "iPod ...", "Apple Computer ...": keep the capital


_PARSED: dict = {}  # the current document's parses, by sentence text


def parse_sentence(sent):
    """The dependency parse of one sentence (timeline.nlp), for a title the word rules could
    not give a subject or an object, or a happening verb they do not know."""
    parsed = _PARSED.get(sent.text)
    if parsed is None:
        from timeline.nlp import parse

        parsed = _PARSED[sent.text] = parse([sent.text], names=False)[0]
    return parsed


def prime_parses(texts: list[str]) -> None:
    """Parse a document's sentences that may need it in one batch (a parser is several times
    faster on a batch than sentence by sentence); forget the previous document's."""
    _PARSED.clear()
    if texts:
        from timeline.nlp import parse

        _PARSED.update(zip(texts, parse(texts, names=False)))


def _common_subject(sent, t, subject: Actor | None, subj: str) -> bool:
    """Whether a subject ending in -s may be a plural that takes the base verb: a common noun
    ("Two presidents", "Shares of Apple", "Israelis", "Stocks" opening a sentence), not a
    name ("Siemens", "Lehman Brothers")."""
    head_word = subj.split(" of ")[0].split()[-1]
    return (subject is None or head_word.islower() or head_word.lower() in group_nouns() or _plural_people(subj)
            or is_team(subject.name.split())
            or subject.kind == "name" and " " not in subject.name and _tagged_plural(sent, t, head_word))


def _tagged_plural(sent, t, word: str) -> bool:
    """The parse (when the sentence was parsed) tags the subject's head a common plural noun
    ("Stocks", "Jurors" opening a sentence), not a name ending in s ("Siemens")."""
    parsed = _PARSED.get(sent.text)
    if parsed is None:
        return False
    return any(tok.text == word and tok.tag == "NNS" and tok.start < t.start - sent.start for tok in parsed.tokens)


def _place_name(sent, t, clause_end, actors, used) -> str:
    return titles.place_phrase(sent.text, sent.start, t.end, clause_end, actors, used)[1]


def make_event_title(sent, cand, subject: Actor | None, actors, timexes) -> tuple[str, str]:
    t, content = cand.trigger, cand.content
    offset = sent.start
    used = {subject.name} if subject else set()
    subj = _subject_words(sent, subject, t, timexes)
    after = sorted((x for x in timexes if x.start >= t.end), key=lambda x: x.start)
    if after and not sent.text[t.end - offset:after[0].start - offset].strip():
        # "closed yesterday at $18.75": a date right after the verb is skipped, not an end
        t = _Skipping(t, after[0].end)
        after = after[1:]
    stop_at = after[0].start if after else None
    clause_end = _clause_end(sent, t)
    verb = t.title_verb if subj else t.text
    if subj and t.pos == "verb" and _common_subject(sent, t, subject, subj) and _plural(subj):
        verb = t.lemma  # the base form: "Two presidents sign plan", "Stocks suffer"
    if t.aspect == "future" and " " not in t.lemma:
        verb = f"to {t.lemma}"  # "Monarch to meet Bush": a scheduled event
    if t.kind == "support" and content is not None and content.end <= t.start:
        # "an agreement reached between the two companies in 1991": the noun is the subject
        noun = " ".join(p for p in (_noun_modifiers(sent, content), content.text) if p)
        by = re.match(r"\s+by\s+", sent.text[t.end - offset:])
        agent = next((a for a in actors if by and a.start == t.end + by.end() and a.kind in ("person", "org", "name")),
                     None)
        if agent is not None:  # "a rare press conference held by Apple": Apple holds it
            return titles.make_title(titles.subject_text(agent, "", sent.text, offset), t.title_verb, noun), ""
        end = _clause_end(sent, t) - offset
        main = _PAST_VERB.search(sent.text, t.end - offset, end)  # "A deal reached by the two sides ended ..."
        phrase = sent.text[:main.start() if main else end]
        return titles.make_title(titles.clause_text(phrase, offset, content.start, skip=timexes), ""), ""
    if cand.statement:
        return statement_title(sent, t, subj, timexes), ""  # "" when the words said are not there
    if t.kind == "report" and content is not None and content.pos == "verb" and content.kind == "event" \
            and content.end <= t.start and _FINAL_REPORT.search(sent.text[:t.start - offset]):
        # "Airbus has delayed deliveries ..., the company said": the news is what was said, by its doer
        told = svo.svo_title(sent, parse_sentence(sent), content, "",
                             f"to {content.lemma}" if content.aspect == "future" and not content.passive
                             else content.title_verb, [(x.start, x.end) for x in timexes])
        head = sent.text[:t.start - offset]
        attribution = {w.lower() for w in re.findall(r"[\w'’-]+", head[head.rfind(",") + 1:])}
        words = told.split()
        while len(words) > 2 and words[-1].lower().strip(",.") in attribution:
            words.pop()  # "has risen to 12, hospital officials said": the parse ran into the speaker
        told = " ".join(words)
        if told and not svo.weak(told, content.title_verb) and told.split()[0].lower() not in SUBORDINATORS:
            return told, ""
    title, place = _rule_title(sent, cand, t, content, subject, subj, verb, actors, timexes, used, stop_at, clause_end)
    if t.kind == "report" and subj and svo.weak(title, verb) and _FINAL_REPORT.search(sent.text[:t.start - offset]):
        # "The change in policy will occur within six months, Apple announced": what was said
        # comes first
        said = titles.clause_text(sent.text, offset, offset, skip=timexes)
        if said:
            return titles.make_title(subj, verb, said[:1].lower() + said[1:] if not _NAMED.match(said) else said), place
    if not svo.weak(title, verb) or t.pos != "verb":
        return title, place
    parsed = parse_sentence(sent)  # only here: parsing is the slow step of a build
    if t.kind != "report" or content is None or content.pos == "noun":
        told = svo.svo_title(sent, parsed, t, subj if subject is not None else "",
                             verb if subj else t.title_verb, [(x.start, x.end) for x in timexes])
        if told and svo.better(told, title):
            return told, place or _place_name(sent, t, clause_end, actors, used)
    return title, place


_PAST_VERB = re.compile(r"\b[a-z]{3,}ed\b")
# words that open a subordinate clause: a headline never starts with one
SUBORDINATORS = frozenset("when while after before as because if although since until where".split())


def _rule_title(sent, cand, t, content, subject, subj, verb, actors, timexes, used, stop_at, clause_end):
    offset = sent.start
    if t.kind == "report" and content is None and subj:
        that = re.match(r"\s*(?:[\w.]+\s+){0,4}?that\s+", sent.text[t.end - offset:])
        if that:  # "Norton announced earlier this month that it was exploring the sale ..."
            said = titles.clause_text(sent.text, offset, t.end + that.end(), skip=timexes)
            return titles.make_title(subj, verb, said), ""

    if t.kind == "report" and content is not None:
        if content.pos == "noun" and content.token <= t.token + 3:
            obj, stop = titles.object_phrase(sent.text, offset, t, actors, stop_at)
            place, place_name = titles.place_phrase(sent.text, offset, stop, clause_end, actors, used)
            return titles.make_title(subj, verb, obj, place), place_name
        if content.start > t.end:
            that = re.search(r"\bthat\b", sent.text[t.end - offset:content.start - offset])
            begin = t.end + that.end() if that else t.end
        else:
            cut = max(sent.text.rfind(ch, 0, content.start - offset) for ch in ",“\"-—")
            begin = offset + cut + 1 if cut >= 0 else offset
            named = [a for a in actors if a.end <= begin and not sent.text[a.end - offset:begin - offset - 1].strip()]
            if named:
                begin = named[-1].start  # President Nayib Bukele "has agreed to ..."
        said = titles.clause_text(sent.text, offset, begin, skip=timexes)
        plan = _PLAN.match(said) if content.aspect == "future" and subj else None
        if plan:  # "Bank of America to cut 30,000 jobs", "GM to cut 10,000 jobs, the company said"
            who = subj if plan.group("who").lower() in _PRONOUNS else plan.group("who")
            return titles.make_title(who, "to " + plan.group("verb"), _WHEN_AHEAD.sub("", plan.group("rest"))), ""
        if not subj:
            return titles.make_title(said, ""), ""  # nobody to attribute it to: what was said
        if t.lemma == "tell" and content.start > t.end:
            verb = "say" if verb == t.lemma else "says"  # "told reporters that the city had hired": says
        return titles.make_title(subj, verb, said), ""
    noun = t if t.pos == "noun" else content if content is not None and content.pos == "noun" else None
    planned = _NOUN_PLANNED.match(sent.text, noun.end - offset) if noun is not None else None
    if planned:  # "(announced) a product launch to be held in Berlin on September 18": the launch is the doer
        place, place_name = titles.place_phrase(sent.text, offset, offset + planned.end(), clause_end, actors, used)
        named = " ".join(p for p in (_noun_modifiers(sent, noun), noun.text) if p)
        return titles.make_title(named, "to be " + planned.group(1), "", place), place_name
    if t.pos == "noun":
        sense_verb = titles_verb_for_sense(t)
        if not (subject and sense_verb):
            # no one to say it of: name the happening ("Invasion of Kuwait", "News conference")
            obj, stop = titles.object_phrase(sent.text, offset, t, actors, stop_at, keep_preposition=True)
            place, place_name = titles.place_phrase(sent.text, offset, stop, clause_end, actors, used)
            modifiers = _noun_modifiers(sent, t)
            if subject is not None:  # "its bid" -> "Institut Merieux bid"
                modifiers = " ".join(p for p in (titles.subject_text(subject, ""), modifiers) if p)
            return titles.make_title(modifiers, t.text, obj, place), place_name
        verb = sense_verb
    if t.passive and _RELATIVE_PASSIVE.search(sent.text[:t.start - offset]):
        parsed = parse_sentence(sent)  # "Pixar, which was acquired by Disney": Pixar is the subject
        told = svo.svo_title(sent, parsed, t, "", t.title_verb, [(x.start, x.end) for x in timexes])
        if told:
            return told, _place_name(sent, t, clause_end, actors, used)
    if (t.passive or subject is None) and t.pos == "verb" and (t.kind != "report" or content is None):
        agent = _agent(sent, t, actors, timexes)
        if agent is not None:
            # "the decision, announced Wednesday by INS Commissioner Doris Meissner"
            place, place_name = titles.place_phrase(sent.text, offset, t.end, clause_end, actors, used)
            return titles.make_title(titles.subject_text(agent, "", sent.text, offset), t.title_verb, subj.lower() if subj[:1].isupper()
                                     and subj.split()[0] in ("The", "A", "An") else subj, place), place_name
        if t.passive:
            # "Subcontractors will be offered a settlement": a second object stays in the title
            obj, stop = titles.object_phrase(sent.text, offset, t, actors, stop_at) \
                if _SECOND_OBJECT.match(sent.text, t.end - offset) else ("", t.end)
            used |= {a.name for a in actors if obj and a.text in obj}  # ("priced at US $29": not "in US" again)
            place, place_name = titles.place_phrase(sent.text, offset, stop, clause_end, actors, used)
            return titles.make_title(subj, titles.passive_verb(t.text, t.aspect), obj, place), place_name
    obj, stop = titles.object_phrase(sent.text, offset, t, actors, stop_at)
    used |= {a.name for a in actors if obj and a.text in obj}
    place, place_name = titles.place_phrase(sent.text, offset, stop, clause_end, actors, used)
    return titles.make_title(subj, verb, obj, place), place_name


# "offered a settlement", "fined $2 million": what a passive verb still takes after it
# ("was allowed to use its name"; "were priced at US $29", "was sold for $5 million": the figure is the news)
_SECOND_OBJECT = re.compile(r"\s+(?:a|an|\$?\d[\d,.]*|to\s+(?!be\b)[a-z]+|(?:at|for)\s+(?:[A-Z]{1,3}\s*)?\$\s*\d)\s?")
# "it would cut 30,000 jobs" said by the company itself, or "GM will cut ...": a plan announced
_WHEN_AHEAD = re.compile(r"\s+(?:over|in|within|during|by)\s+the\s+(?:next|coming|following)\b.*$")
_PLAN = re.compile(r"(?P<who>it|he|she|they|we|[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4})\s+(?:will|would)\s+"
                   r"(?:\w+ly\s+)?(?P<verb>[a-z]+)\s*(?P<rest>.*)", re.IGNORECASE)
_PRONOUNS = frozenset("it he she they we".split())


class _Skipping:
    """A trigger seen as ending after the date that follows it (object phrases start there)."""

    def __init__(self, trigger: Trigger, end: int):
        self._trigger, self.end = trigger, end

    def __getattr__(self, name):
        return getattr(self._trigger, name)


_NOUN_PLANNED = re.compile(r"\s+to\s+be\s+(held|staged|hosted|opened|launched|released|signed|played)\b")


def _noun_modifiers(sent, t: Trigger) -> str:
    """Lowercase words right before a happening noun ("news" conference, "deportation" flight)."""
    head = sent.text[max(0, t.start - sent.start - 30):t.start - sent.start].split()
    words = []
    for w in reversed(head):
        if w.lower() in ("million", "billion", "percent", "cents") or w[:1].isdigit() or w[:1] == "$":
            break  # "a $20.3 million loss": the figure is no modifier a headline keeps alone
        if re.fullmatch(r"[A-Z][A-Za-z-]+", w) and w not in ("The", "A", "An") and words == []:
            words.insert(0, w)  # "the California earthquake", "the Chinese takeover"
            break
        if not re.fullmatch(r"[a-z][a-z-]+", w) or w in _NP_DROP or w in _NP_LEADING or w in ("after", "before"):
            break
        words.insert(0, w)
    return " ".join(words[-2:])


_CLAUSE_BREAK = re.compile(r"[,;]|\b(?:that|who|which|while|as|although|because|but)\b")


_CLAUSE_START = re.compile(r"[,;:“”\"]|\b(?:that|who|which|while|as|although|because|but|where|when)\b")


def clause_span(sent, t: Trigger, content: Trigger | None, subject: Actor | None) -> tuple[int, int]:
    """The part of the sentence that tells this happening: from its subject (or the last clause
    break before the trigger) to the clause break after it (after what was said, for speech)."""
    last = t if content is None or content.start < t.start else content
    end = _clause_end(sent, last)
    shared = _AND_VERB.search(sent.text[:t.start - sent.start]) if t.pos == "verb" else None
    if shared:
        return sent.start + shared.start(), end  # "... and paid a record fine": its own clause only
    if subject is not None and sent.start <= subject.start < t.start:
        return subject.start, end
    head = sent.text[:t.start - sent.start]
    breaks = [m.end() for m in _CLAUSE_START.finditer(head)]
    start = sent.start + (breaks[-1] if breaks else 0)
    if content is not None and content.start < t.start:
        start = content.start if t.kind == "support" else sent.start  # ("an agreement reached"; "..., police said")
    return start, end


def _clause_end(sent, t: Trigger) -> int:
    m = _CLAUSE_BREAK.search(sent.text, t.end - sent.start)
    return sent.start + m.start() if m else sent.end


def _agent(sent, t: Trigger, actors, timexes) -> Actor | None:
    """The doer of a passive verb: "... announced Wednesday by INS Commissioner Doris Meissner"."""
    rest = sent.text[t.end - sent.start:]
    for x in timexes:
        if x.start >= t.end:
            a, b = x.start - t.end, x.end - t.end
            rest = rest[:a] + " " * (b - a) + rest[b:]
    m = re.match(r"\s*by\s+", rest)
    if not m:
        return None
    after = t.end + m.end()
    return next((a for a in actors if after <= a.start <= after + 40 and a.kind in ("person", "org")
                 and not re.search(r"[,;]", sent.text[after - sent.start:a.start - sent.start])), None)


def titles_verb_for_sense(t: Trigger) -> str:
    return title_forms().get(t.sense, "")


# "it's", "that's", "there's": a verb, not an owner ("the bank's profit" keeps its owner)
_CONTRACTED = frozenset("it that there he she what who here where let".split())


def _noun_phrase_before(sent, t: Trigger, timexes=()) -> str:
    """The words before a verb back to the clause start, for subjects that are not names
    ("The 'mega jail' in El Salvador"); for "a jail that was built", the words before "that"."""
    head = sent.text[:t.start - sent.start]
    coordinated = _AND_BEFORE.search(head)
    if coordinated:  # "the smuggler had fled to Florida in June 1998 and returned": the same doer
        earlier = [v for v in find_triggers(head[:coordinated.start()], sent.start) if v.pos == "verb"]
        if earlier and earlier[-1].token + 1 < len(head[:coordinated.start()].split()):
            return _noun_phrase_before(sent, earlier[-1], timexes)
    for x in timexes:
        if x.end <= t.start:
            a, b = x.start - sent.start, x.end - sent.start
            head = head[:a] + " " * (b - a) + head[b:]  # "The two presidents on Friday signed"
    if timexes:
        head = re.sub(r"\b(?:on|in|at|since|during)\s*$", "", head.rstrip()) + " "
    parts = re.split(r"[;:,]|\b(?:as|when|while|after|before|because|since|although|if|until|where|"
                     + _SPEECH + "|" + "|".join(sorted(causatives())) + r")\b", head)
    # (a speaker is not the doer; "the scandal forced the minister to resign": the minister did)
    head = parts[-1]
    if not head.strip() and len(parts) >= 3 and head is not parts[0]:
        head = parts[-3]  # "The embassy bombings, on Aug. 7, killed": skip the aside
    relative = re.split(r"\b(?:that|which|who)\b", head)
    if len(relative) > 1:
        before = relative[-2].split()
        cut = max((i for i, w in enumerate(before) if w.lower() in ("a", "an", "the")), default=-1)
        words = before[cut + 1:]
    else:
        words = head.split()
    words = words[-8:]
    words = [w for w in words if w.lower().strip(",") not in _NP_DROP and not w.lower().endswith("ly")
             and not re.search(r"['’](?:s|re|ll|ve|d)$", w.lower())
             or re.fullmatch(r"[A-Za-z][\w-]+['’]s", w) and w[:-2].lower() not in _NP_DROP | _CONTRACTED]
    words = [w for w in words if w.lower() not in _FILLERS]
    for i, w in enumerate(words[1:], 1):
        if re.fullmatch(r"[a-z]+ed|made|taken|given|sold|held", w) and (
                i + 1 == len(words) or words[i + 1].lower() in ("by", "in", "through", "from", "at")):
            words = words[:i]  # "profit-taking triggered by sharp advances made": the head noun
            break
    while words and words[0].lower() in _NP_LEADING:
        words = words[1:]
    while len(words) > 1 and words[-1].lower() in ("and", "or"):
        words = words[:-2]  # "A sniper shot and [killed]": the coordinated verb is not the subject
    if words and words[-1].lower() == "to":
        words = words[:-1]  # "The two leaders are to [meet]": a schedule's "to" is the verb's
    words = words[-6:]
    while words and words[0].lower() in _NP_LEADING:
        words = words[1:]
    if not any(w[:1].isalpha() and len(w) > 2 for w in words):
        return ""
    return titles.tidy(" ".join(words[-6:]))


_AND_BEFORE = re.compile(r"\band\s+(?:\w+ly\s+|also\s+|then\s+)?$")
_NP_DROP = frozenset("was were is are has have had been be being the a an where when while they it we i you he "
                     "she this that also just there here them him her us me will would can could may might shall "
                     "should must".split())
_PLURAL_WORDS = frozenset("people police men women children officials troops forces authorities".split())


def _plural_people(subject: str) -> bool:
    """"Israelis", "Palestinians", "Americans": a people named by its demonym's plural."""
    from timeline.events.actors import _data

    last = subject.split()[-1]
    return last.endswith("s") and last[:-1] in _data().demonyms


def _plural(subject: str) -> bool:
    """A plural subject takes the base form in a headline ("Firefighters order evacuation")."""
    head = subject.split(" of ")[0] if subject else ""  # "Shares of Apple": the shares
    last = head.split()[-1].lower() if head else ""
    if last in _PLURAL_WORDS or (subject and _plural_people(subject)):
        return True
    words = head.split()
    if words and _camel(words[-1]):
        return False  # "iTunes holds": a brand
    if is_team(words):
        return True  # "Chicago Cubs win"
    if len(words) >= 2 and words[-1][:1].isupper() and words[-2][:1].isupper():
        return False  # "America West Airlines", "General Motors": one company
    return len(last) > 3 and last.endswith("s") and not last.endswith(("ss", "us", "is", "'s", "’s"))


_NP_LEADING = frozenset("and but or so with whom whose its his her their our to of in on at for by from as "
                        "then yet least most under over about through during despite amid into".split())
_FILLERS = frozenset("uh um er ah now".split())  # spoken transcripts (TimeBank's broadcast news); "would now"
