"""Short readable titles: "Rubio meets Bukele in El Salvador", not the whole sentence.

A title is built from the pieces of one clause: who (subject), the happening in headline
present tense, what/whom (a few object words), and where (a place phrase). Every piece comes
from the sentence's own words; nothing is invented.
"""

from __future__ import annotations

import re

from timeline.events.actors import _COMPANY_SUFFIXES, Actor, _data, short_name
from timeline.events.triggers import TOKEN, Trigger

MAX_CHARS = 90

# Words that end an object phrase: a new clause, a participle, a conjunction.
_STOP = frozenset(
    "that who whom which where when while as after before because since although though if "
    "unless until and but or nor so than whether including regardless saying according amid "
    "despite during following labelling labeling carrying calling noting adding says said".split()
)
# An auxiliary after a happening noun starts the next clause's verb ("attempts at seizure are made").
_AUXILIARIES = frozenset("is are was were has have had will would could should can may might must".split())
_PREPOSITIONS = frozenset("in at on from to into with for of by near outside inside across over under against "
                          "about through via per toward towards between among".split())
_DETERMINERS = frozenset("a an the".split())
_DEMONSTRATIVES = frozenset("this that these those".split())  # "left this farewell" -> "leaves farewell"
_PLACE_PREPS = ("in", "at", "from", "to", "outside", "near", "into", "on", "against", "through", "across")
_REGIONS = frozenset("northern southern eastern western central northeastern northwestern southeastern "
                     "southwestern".split())
_LEADING = frozenset("and but so or also then".split())
_TITLE_WORDS = frozenset("President Secretary Minister Mr Mrs Ms Dr Gen Sen Gov Rep Prime Vice Chancellor "
                         "King Queen Prince Senator Governor Mayor Judge".split())
_ABBREVIATED = frozenset("Mr Mrs Ms Dr St Jr Sr Gen Sen Rep Gov Co Corp Inc Ltd Lt Col Capt".split())
_CLEAN = str.maketrans({"“": "", "”": "", "‘": "", "’": "'", '"': ""})


def subject_text(subject: Actor | None, fallback: str, sentence: str = "", offset: int = 0) -> str:
    """What a title calls its subject. A name this sentence writes is kept as written, with the
    capitalised words of its run before it ("President Trump", "Apple CEO Steve Jobs",
    "General Motors"): cutting it to a surname reads, next to the sentence, as a cut name. A
    subject from another sentence ("he" resolved) is called by its short name ("Rubio")."""
    if subject is None:
        return tidy(fallback)
    if sentence and offset <= subject.start and subject.end <= offset + len(sentence):
        return as_written(sentence, offset, subject)
    return short_name(subject.name, subject.kind)


_HONORIFICS = frozenset("Mr Mrs Ms Dr".split())  # "Mr Justice Anthony Mann" as the sentence writes it
# Capitalised words that open a sentence or a clause without being part of a name.
_RUN_WORD = re.compile(r"(?:[A-Z][\w&'.’-]*|&|of|de|for)$")  # ("Commissioner for Competition")


def as_written(sentence: str, offset: int, subject: Actor) -> str:
    """The subject's name with the capitalised words that run into it ("Secretary of State
    Marco Rubio"), without "The", sentence openers, descriptors ("Chicago-based") or a
    possessive ending."""
    # (a demonym before a person's title stays: "European Commissioner ... Neelie Kroes")
    stop = (_data().stop_words | _data().demonyms) - _HONORIFICS
    start = subject.start - offset
    head = sentence[:start]
    words = []
    for m in reversed(list(re.finditer(r"\S+", head))):
        word = m.group(0)
        gap = sentence[m.end():(words[-1][0] if words else start)]
        if gap.strip() or not _RUN_WORD.match(word) or word.rstrip(".") in stop and not (
                subject.kind == "person" and words and word in _data().demonyms) or "-" in word and \
                not word.split("-")[-1][:1].isupper() or word.endswith(("'", "’", "'s", "’s")):
            break
        words.append((m.start(), word))
    while words and words[-1][1] in ("of", "de", "&", "for"):
        words.pop()  # the run must start with a capital ("of State Rubio" is no name)
    owner = _owner_before(sentence, words[-1][0] if words else start)
    if owner is not None:
        # "Civic Party's Jeremy Tam", "Iraq's Saddam Hussein", "Apple's iTunes store": a name is
        # written with its owner (a reader of the title alone would take the owner for a cut)
        words.append((owner, sentence[owner:]))
    begin = words[-1][0] if words else start
    text = sentence[begin:subject.end - offset]
    if subject.kind == "person":
        own = sentence[subject.start - offset:subject.end - offset]
        own = re.split(r"\s+of\s+(?:the\s+)?(?=[A-Z])", own)[0]  # "Jan Kavan of the Czech Republic" -> "Jan Kavan"
        text = sentence[begin:subject.start - offset] + own
    elif subject.kind == "org":
        text = re.sub(r"['’]s?$", "", text)
        words = text.replace(" amp ", " & ").replace("&amp;", "&").split()
        while len(words) > 1 and (words[-1].rstrip(".,") in _COMPANY_SUFFIXES or words[-1] in ("&", "and")):
            words.pop()  # "Unisys Corp." -> "Unisys", "JPMorgan Chase & Co." -> "JPMorgan Chase"
        return tidy(" ".join(words))  # "McDonald's Corp." -> "McDonald's"
    return tidy(re.sub(r"['’]s?$", "", text))


def _owner_before(sentence: str, start: int) -> int | None:
    """Where a capitalised possessive run right before `start` begins ("Civic Party's " before
    "Jeremy Tam"); None when there is none or it is a day, a month or a sentence opener."""
    m = re.search(r"((?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*)['’]s\s+$", sentence[:start])
    if m is None:
        return None
    words = [(w.start(), w.group(0)) for w in re.finditer(r"\S+", m.group(1))]
    while words and (words[0][1] in _data().stop_words or words[0][1] in ("The", "A", "An")):
        words = words[1:]  # ("Meanwhile Apple's", "The Party's")
    if not words or words[-1][1].lower() in _NOT_OWNERS:
        return None
    return m.start(1) + words[0][0]


# ("Monday's", "January's", "Today's"): a time, not an owner
_NOT_OWNERS = frozenset("monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow "
                        "january february march april may june july august september october november "
                        "december year week month".split())


def object_phrase(sentence: str, offset: int, trigger: Trigger, actors: list[Actor], stop_at: int | None = None,
                  max_words: int = 6, keep_preposition: bool = False) -> tuple[str, int]:
    """A few words after the trigger naming what or whom it acts on, with names shortened and
    titles dropped; also the document offset where the phrase stopped."""
    end_limit = stop_at if stop_at is not None else offset + len(sentence)
    words: list[str] = []
    pos = trigger.end
    by_start = {a.start: a for a in actors}
    tokens = [(s, e, w) for s, e, w in _tokens(sentence, offset) if s >= trigger.end and e <= end_limit]
    i = 0
    while i < len(tokens) and len(words) < max_words:
        s, e, w = tokens[i]
        lw = w.lower()
        if s in by_start:
            actor = by_start[s]
            i = _skip_to(tokens, i, actor.end)
            rest = sentence[actor.end - offset:actor.end - offset + 2]
            if rest in ("'s", "’s") and _next_is_person(tokens, i, by_start):
                continue  # "El Salvador's President Nayib Bukele" -> "Bukele"
            name = short_name(actor.name, actor.kind) if actor.kind == "person" else actor.text
            words.append(name + "'s" if rest in ("'s", "’s") else name)  # "Britain's chancellor"
            pos = actor.end
            continue
        if not words and lw == "to" and i + 1 < len(tokens) and tokens[i + 1][2].islower():
            words.append(w)  # "agreed to go beyond ...": the infinitive says what was agreed
            pos = e
            i += 1
            continue
        if not words and keep_preposition and lw in ("of", "with", "on", "against", "between", "in"):
            words.append(w)  # "invasion of Kuwait", "talks with Bukele"
            keep_preposition = False
            pos = e
            i += 1
            continue
        if not words and lw == "of" and trigger.pos == "noun":
            pos = e  # "Iraq's invasion of Kuwait" -> "Iraq invades Kuwait"
            i += 1
            continue
        if not words and (lw in _DETERMINERS or lw in _DEMONSTRATIVES or (lw == "with" and trigger.sense == "meet")):
            pos = e
            i += 1
            continue
        if not words and w.islower() and lw not in _PREPOSITIONS:
            ahead = _person_after_description(tokens, i, by_start)
            if ahead is not None:
                i = ahead  # "left current chief operating officer Timothy D. Cook in charge"
                continue
        if w in _TITLE_WORDS and _next_is_person(tokens, i + 1, by_start):
            i += 2 if i + 1 < len(tokens) and tokens[i + 1][2] == "." else 1  # "Dr. Barnett Slepian"
            continue
        if not w[0].isalnum() and w not in ("-", "'", "’", "$", "%"):
            break
        if w in _CURRENCY_PREFIXES and _amount_at(tokens, i) and not _is_amount(w):
            # "C$35", "US $29": one figure, whole or not at all
            words.append(w + sentence[e - offset:tokens[i + 1][0] - offset] + tokens[i + 1][2])
            pos = tokens[i + 1][1]
            i += 2
            continue
        if (lw in _AMOUNT_PREPS or lw == "for" and _money_at(tokens, i + 1)) and _amount_at(tokens, i + 1) \
                and trigger.pos == "verb":
            words.append(w)  # "closed at $18.75", "fell 7 to 35": the figure is the news
            pos = e
            i += 1
            continue
        if lw == "in" and words and i + 1 < len(tokens) and tokens[i + 1][2] == "charge":
            words += ["in", "charge"]  # "left Timothy D. Cook in charge"
            pos = tokens[i + 1][1]
            i += 2
            continue
        if lw == "than" and words and words[-1].lower() in _COMPARATIVES and i + 1 < len(tokens) \
                and _is_amount(tokens[i + 1][2]):
            words.append(w)  # "sold more than 21 million iPod players": the figure is the news
            pos = e
            i += 1
            continue
        if lw == "of" and words and words[-1].lower() in _OF_NOUNS and trigger.pos == "verb":
            words.append(w)  # "announced the release of Apple's iLife '11": what is released
            pos = e
            i += 1
            continue
        if lw == "of" and words and words[-1].lower() in _KIND_NOUNS:
            words.append(w)  # "a rare form of cancer", "a series of strikes": the head comes after
            pos = e
            i += 1
            continue
        if lw in _STOP or lw in _PREPOSITIONS or lw in _AUXILIARIES or (
                lw.endswith("ing") and words and len(lw) > 5 and not _noun_after_ing(tokens, i)):
            break
        words.append(w)
        pos = e
        i += 1
    return tidy(" ".join(words)), pos


_AMOUNT_PREPS = frozenset("at to by from".split())
# happening nouns a verb's object names by what follows "of"
_OF_NOUNS = frozenset("release launch sale purchase acquisition closure opening recall resignation".split())
_COMPARATIVES = frozenset("more less fewer over under".split())
# Nouns that name a kind or a quantity of what follows "of" ("a form of cancer", "a wave of strikes").
_KIND_NOUNS = frozenset("form forms kind kinds type types sort series wave waves string number lot lots "
                        "pair couple set range variety host dozens hundreds thousands millions".split())


def _noun_after_ing(tokens, i: int) -> bool:
    """An -ing word inside a noun phrase ("audio recording abilities", "a rising star"): the
    next word is a plain lower-case word, not a function word ("making the cars"), a figure or an adverb."""
    if i + 1 >= len(tokens):
        return False
    nxt = tokens[i + 1][2]
    return nxt.isalpha() and nxt.islower() and nxt not in _STOP and nxt not in _PREPOSITIONS \
        and nxt not in _DETERMINERS and nxt not in _AUXILIARIES and not nxt.endswith("ly") \
        and tokens[i][1] + 1 == tokens[i + 1][0]


def _is_amount(word: str) -> bool:
    return word[:1] == "$" or word[:1].isdigit() or word in ("US$", "C$")


_CURRENCY_PREFIXES = frozenset("US U.S. C A NZ HK S".split())  # "US $29", "C $5"


def _amount_at(tokens, j: int) -> bool:
    """A figure starts at token `j`: "$29", "7.19", or a currency's country then "$" ("US $29")."""
    if j >= len(tokens):
        return False
    if _is_amount(tokens[j][2]):
        return True
    return tokens[j][2] in _CURRENCY_PREFIXES and j + 1 < len(tokens) and tokens[j + 1][2][:1] == "$"


def _money_at(tokens, j: int) -> bool:
    """A sum of money starts at token `j` ("for $5 million": a price, unlike "for 5 years")."""
    return _amount_at(tokens, j) and not tokens[j][2][:1].isdigit()


def _skip_to(tokens, i, end) -> int:
    while i < len(tokens) and tokens[i][0] < end:
        i += 1
    return i


_PARTICLES = frozenset("up down out off away back over".split())


def _person_after_description(tokens, i, by_start) -> int | None:
    """The index of a person's name that a few lowercase words of description lead up to."""
    for j in range(i, min(i + 5, len(tokens))):
        s, _, w = tokens[j]
        if s in by_start:
            return j if by_start[s].kind == "person" and j > i else None
        if not (w.islower() and w.isalpha()) or w in _PREPOSITIONS or w in _STOP or w in _PARTICLES \
                or w.endswith("ing"):
            return None  # ("sized up Saddam Hussein", "stopped providing Ritter's team")
    return None


def _next_is_person(tokens, i, by_start) -> bool:
    while i < len(tokens) and tokens[i][2] in _TITLE_WORDS | {"of", "State", "."}:
        i += 1
    return i < len(tokens) and tokens[i][0] in by_start and by_start[tokens[i][0]].kind in ("person", "name")


def place_phrase(sentence: str, offset: int, start: int, end: int, actors: list[Actor],
                 used: set[str]) -> tuple[str, str]:
    """("in El Salvador", "El Salvador") for the first place after `start` in the clause that
    a preposition introduces, countries and cities before landmarks; "from Panama to
    Colombia" is kept whole."""
    places = [a for a in actors if a.kind == "place" and start <= a.start < end and a.name not in used]
    known = _data().places
    ranked = sorted(places, key=lambda a: (a.text not in known and a.name not in known, a.start))
    for place in ranked:
        before = sentence[max(0, place.start - offset - 24):place.start - offset].lower().split()
        prep = before[-1] if before else ""
        region = ""
        if prep in _REGIONS and len(before) > 1:
            region, prep = prep, before[-2]  # "through western Germany"
        if prep == "the" and len(before) > 1:
            prep = before[-2]
        if prep not in _PLACE_PREPS or _modifies_a_noun(sentence, place.end - offset):
            continue
        if region:
            return f"{prep} {region} {place.text}", place.name
        if prep == "from":
            later = [p for p in places if p.start > place.end]
            if later:
                between = sentence[place.end - offset:later[0].start - offset].strip().lower()
                if between in ("to", "to the"):
                    return f"from {place.text} to {later[0].text}", place.name
        if prep == "at" and (place.text in known or place.name in known):
            prep = "in"
        return f"{prep} {place.text}", place.name
    return "", ""


_NOT_NOUN_AFTER_PLACE = frozenset("and or but to of in on at for from by with as when while after before that which "
                                  "who where was were is are has had have will would said says "
                                  # time words start a date, not a noun phrase ("Colombia last week")
                                  "last next this early late earlier later yesterday today tomorrow ago each "
                                  "every since until".split())


def _modifies_a_noun(sentence: str, end: int) -> bool:
    """A place name followed by a common noun is an adjective: "at the U.S. embassies in
    Nairobi" happened in Nairobi, "at the U.S. naval base at Guantanamo Bay" at the base."""
    m = re.match(r"\s+([a-z][a-z-]+)", sentence[end:])
    return bool(m) and m.group(1) not in _NOT_NOUN_AFTER_PLACE and not m.group(1).endswith("ed")


def passive_verb(participle: str, aspect: str) -> str:
    """A passive as headlines write it: "shipped", or "to be shipped" when it is scheduled."""
    return f"to be {participle}" if aspect == "future" else participle


def make_title(subject: str, verb: str, obj: str = "", place: str = "") -> str:
    """Join the pieces; a title too long for a headline (MAX_WORDS, MAX_CHARS) loses its place,
    then words from the end of its object, never its subject or verb."""
    obj = _trim(obj)
    said_twice = re.fullmatch(r"(?:for|to|of)\s+(?:public\s+)?(\w+)", obj)
    if said_twice and subject.split() and said_twice.group(1).lower() == subject.split()[-1].lower():
        obj = ""  # "Lion release scheduled for release": the subject already says it
    subject = _LEADING_ADVERB.sub("", subject)  # "Recently Apple gains rights" -> "Apple gains rights"
    title = " ".join(p for p in (subject, verb, obj, place) if p)
    if _too_long(title) and place:
        title = " ".join(p for p in (subject, verb, obj) if p)
    if _too_long(title):
        head = " ".join(p for p in (subject, verb) if p)
        words = obj.split()
        while words and _too_long(" ".join([head] + words)):
            words.pop()
        words = _close_phrase(_trim(" ".join(words)).split()) if words else []
        title = " ".join([head] + words) if words or head else title
        if _too_long(title):
            title = title[:MAX_CHARS].rsplit(" ", 1)[0].rstrip(",;:-")
    title = title.strip()
    if re.match(r"[a-z]+[A-Z]", title):
        return title  # "iPod", "eBay": a name that starts in lowercase stays so
    return title[:1].upper() + title[1:]


MAX_WORDS = 12
# ("Recently", "Separately"; not "Daily Courier", "Kelly", "Italy", "Beverly", "Polly": names ending in -ly)
_LY_ADVERB = r"(?!(?:Italy|Emily|Sicily|Daily|Lily|Riley|Apply|Supply|Family|Assembly|Rally|Beverly|Kimberly)\b)[A-Z][a-z]{2,}(?<![^au]l)ly"


def adverb_like(word: str) -> bool:
    """A capitalised word that reads as a sentence adverb, not a name."""
    return bool(re.fullmatch(_LY_ADVERB, word[:1].upper() + word[1:]))


_LEADING_ADVERB = re.compile(r"^(?:" + _LY_ADVERB + r"|Also|Then|Now|Meanwhile|However|Today|Yesterday)\s+(?=[A-Z])"
                             r"|^(?:Since|When|While|After|Before|As|Although|Though|Because|Once)\s+(?=\S)")


def _too_long(title: str) -> bool:
    return len(title) > MAX_CHARS or len(title.split()) > MAX_WORDS


_DANGLING = frozenset("within next last this due around up along".split())  # left over where a date was cut out


_BOUNDS = frozenset("end beginning start middle close".split())
_TRAILING = _PREPOSITIONS | _DETERMINERS | _STOP | _DANGLING


def _trim(words: str) -> str:
    """No dangling preposition or article at the end ("News conference on")."""
    parts = _without_trailing(words.split())
    if len(parts) >= 2 and parts[-1].lower() in _BOUNDS and parts[-2].lower() in _PREPOSITIONS | {"until"}:
        parts = _without_trailing(parts[:-2])  # "to be sold by end" (of the quarter, cut out as the date)
    return " ".join(parts)


def _without_trailing(parts: list[str]) -> list[str]:
    while parts and (parts[-1].lower() in _TRAILING or parts[-1] in ("$", "C$", "US$")):
        parts = parts[:-1]  # ("rises to $5 million from $": a figure cut off)
    return parts


def clause_text(sentence: str, offset: int, start: int, max_words: int = 9, skip=()) -> str:
    """The first words of a reported clause ("El Salvador has offered to house criminals"),
    up to a clause break; time expressions in `skip` are left out."""
    words: list[str] = []
    spans = [(t.start, t.end) for t in skip]
    resume = start
    for s, e, w in _tokens(sentence, offset):
        if s < start:
            continue
        if any(a <= s < b for a, b in spans):
            if words and words[-1].lower() in ("on", "in", "at", "late", "early", "since"):
                words.pop()  # "said on Tuesday that": the preposition goes with the date
            continue
        lw = w.lower()
        if w in ("“", "”", '"', "‘") or (not words and (lw == "that" or lw in _LEADING or w in (",", "-"))):
            continue
        if w == "." and words and words[-1] in _ABBREVIATED:
            words[-1] += "."  # "Mr. McAlpine"
            continue
        if s < resume:
            continue
        if w == "," and words and words[0].lower() in _LEAD_IN_WORDS:
            words = []  # "said according to those figures, Apple's iTunes store passes ...": what was said follows
            continue
        aside = _ASIDE.match(sentence, s - offset) if w == "," and words and words[-1][:1].isupper() else None
        if aside:
            resume = offset + aside.end()  # "Papermaster, 49, had left": an aside after a name is skipped
            continue
        if not w[0].isalnum() and w not in ("-", "'", "’", "$", "%"):
            if w == "," and re.match(r",\s*[a-z]", sentence[s - offset:]) and not re.match(
                    r",\s*(?:and|but|or|who|which|where|when|as)\b", sentence[s - offset:]):
                words = _close_phrase(words)  # "from his small, neighborhood store": broken off
            break
        if words and lw in _STOP:
            break
        words.append(w)
        if len(words) >= max_words:
            words = _close_phrase(words)
            break
    words = _trim(" ".join(words)).split()
    if words and words[0] in ("He", "She", "They", "We", "It", "The", "A", "An", "His", "Her", "Its", "Their"):
        words[0] = words[0].lower()
    return tidy(" ".join(words))


_LEAD_IN_WORDS = frozenset("according in on at after before during with for as despite following by "
                           "although though while if when because unless whereas once".split())  # (a subordinate clause first)
# ", 49," / ", a doctor at New York University," between a name and its verb
_ASIDE = re.compile(r",\s*[^,;\"“”]{1,40}?,\s*(?=(?:had|has|have|was|were|is|are|will|would|did|could|may|\w+ed)\b)")


def _close_phrase(words: list[str]) -> list[str]:
    """Cut at a word limit: drop a trailing prepositional phrase the limit broke off ("a
    detention facility at the U.S." of "... at the U.S. naval base at Guantanamo Bay")."""
    for back in range(1, 4):
        if len(words) - back > 3 and words[-back].lower() in _PREPOSITIONS:
            return words[:-back]
    return words


def _tokens(sentence: str, offset: int):
    for m in TOKEN.finditer(sentence):
        yield m.start() + offset, m.end() + offset, m.group(0)


def tidy(text: str) -> str:
    text = re.sub(r"\s+(['’])\s+(s|t|re|ve|ll|d|m)\b", r"\1\2", text)  # "It ' s" as some sources space it
    text = text.translate(_CLEAN)
    text = re.sub(r"(^|\s)'|'(?=\s|$)", r"\1", text)  # single quotes used as quotation marks
    text = re.sub(r"\s+([’',.;:!?%)])", r"\1", text)
    text = re.sub(r"([$(])\s+", r"\1", text)
    text = re.sub(r"\s*-\s*", "-", text)
    text = re.sub(r"'\s+s\b", "'s", text)
    text = re.sub(r"\s+", " ", text).strip(" ,;:")
    return text
