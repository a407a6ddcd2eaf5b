"""Happening words in a sentence, with their tense/aspect read off the words before them.

The word lists live in data/en/triggers.toml; this module only matches them and looks at
the few tokens around each match (auxiliaries, modals, negation, "to", "after").
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

FORM_NAMES = ("base", "3sg", "past", "pp", "ing")

TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|\d+(?:[.,]\d+)+|\w+(?:[’'\-]\w+)*|[^\w\s]")

_MODALS = frozenset("will would could can cannot may might should must shall 'll ’ll 'd ’d wo ca".split())
_HAVE = frozenset("have has had having 've ’ve".split())
_BE = frozenset("is are was were be been being am 's ’s 're ’re".split())
_NEG = frozenset("not n't n’t never no".split())
# Words that may sit between an auxiliary and its verb without changing what it means.
_SKIPPABLE = frozenset(
    "also just already briefly reportedly then still further now recently initially finally "
    "formally officially quickly later earlier first jointly previously allegedly once".split()
)
# Short words a title-case headline keeps in lowercase ("Rubio Meets Bukele in El Salvador").
_HEADLINE_SMALL = frozenset("with from into onto over that than this upon amid when".split())
_PRIOR = frozenset("after before since following upon".split())
# A base verb form right after one of these, or after one and an adjective, is a noun.
_NOUN_PREPOSITIONS = frozenset("on in of at from with about into under for".split())
# A happening noun names an earlier event only after these ("after several hours of talks").
_PRIOR_NOUN = frozenset("after before following".split())
_DETERMINERS = frozenset("the a an this that these those his her its their our my your any each every "
                         "no some such another".split())


@dataclass(frozen=True, slots=True)
class Entry:
    lemma: str
    category: str
    sense: str
    kind: str  # event | report | support | noun
    strength: float
    passive_ok: bool = True
    not_next: frozenset = frozenset()  # next words that make it another word ("declined to")
    before_figure: str = ""  # the sense it has before a figure ("added 358,000 jobs"), a market move
    quoting: bool = False  # a speech act only when it quotes ("called the software \"the most advanced\"")
    before_object_to: str = ""  # the sense it has in "added X to Y" (a happening, not a saying)


@dataclass(frozen=True, slots=True)
class Trigger:
    """A happening word in a sentence; offsets are into the sentence's document."""

    start: int
    end: int
    text: str
    lemma: str
    category: str
    sense: str
    kind: str
    strength: float
    pos: str     # verb | noun
    form: str    # base | 3sg | past | pp | ing | noun
    aspect: str  # past | pluperfect | perfect | present | progressive | future | modal |
    #              infinitive | participle | prior | noun
    negated: bool = False
    passive: bool = False
    quoted: bool = False
    token: int = 0  # index of its first token in the sentence
    headline: str = ""  # its headline present form when the word lists do not give it

    @property
    def title_verb(self) -> str:
        """The verb in headline present tense ("meets", "takes office")."""
        return self.headline or title_forms().get(self.lemma, self.lemma)


@lru_cache(maxsize=1)
def _load() -> tuple[dict, dict]:
    """(single-word form -> [(Entry, form name)], first word -> [(words, Entry, form name)])."""
    raw = _raw()
    defaults = raw["defaults"]
    single: dict[str, list] = {}
    multi: dict[str, list] = {}

    def add(form: str, entry: Entry, name: str) -> None:
        words = tuple(form.lower().split())
        if len(words) == 1:
            single.setdefault(words[0], []).append((entry, name))
        else:
            multi.setdefault(words[0], []).append((words, entry, name))

    for item in raw["verbs"]:
        kind = item.get("kind", "event")
        strength = item.get("strength", defaults[f"{kind}_strength"] if kind != "event" else defaults["strength"])
        entry = Entry(item["lemma"], item["category"], item.get("sense", item["lemma"]), kind, strength,
                      item.get("passive", True), frozenset(item.get("not_next", ())), item.get("before_figure", ""),
                      item.get("quoting", False), item.get("before_object_to", ""))
        for name, form in zip(FORM_NAMES, item["forms"].split("|")):
            if form != "-":
                add(form, entry, name)
    for item in raw["nouns"]:
        entry = Entry(item["lemma"], item["category"], item.get("sense", item["lemma"]), "noun",
                      item.get("strength", defaults["noun_strength"]))
        for form in item["forms"].split("|"):
            add(form, entry, "noun")
    return single, multi


def happening_noun(word: str) -> bool:
    """`word` names a happening in the noun lists ("explosion", "crash", "talks")."""
    single, _ = _load()
    return any(name == "noun" for _, name in single.get(word.lower(), ()))


@lru_cache(maxsize=1)
def quoting_lemmas() -> frozenset:
    """Speech verbs that speak only with a quotation ("called X \"...\""; quoting = true in triggers.toml)."""
    single, multi = _load()
    entries = [e for options in single.values() for e, _ in options] + [e for options in multi.values()
                                                                      for _, e, _ in options]
    return frozenset(e.lemma for e in entries if e.quoting)


_IRREGULAR_THIRD = {"have": "has", "be": "is"}


def headline_form(base: str) -> str:
    """The third person singular a headline uses: "founds", "pushes", "carries", "vetoes"."""
    if base in _IRREGULAR_THIRD:
        return _IRREGULAR_THIRD[base]
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        return base + "es"
    if re.search(r"[^aeiou]y$", base):
        return base[:-1] + "ies"
    return base + "s"


@lru_cache(maxsize=1)
def _raw() -> dict:
    return tomllib.loads(resources.files("timeline.events").joinpath("data/en/triggers.toml").read_text("utf-8"))


@lru_cache(maxsize=1)
def causatives() -> frozenset:
    """Verb forms after which "X to <verb>" tells that X did it ("prompting Apple Corps to file suit")."""
    return frozenset(_raw().get("causatives", ()))


@lru_cache(maxsize=1)
def title_forms() -> dict[str, str]:
    raw = _raw()
    forms = {}
    for item in raw["verbs"]:
        third = item["forms"].split("|")[1]
        if item["lemma"].startswith("be "):
            third = item["lemma"][3:]  # "be born": a headline passive ("Jobs born in San Francisco")
        elif third == "-":  # the form is not matched ("founds" is rare), but a headline uses it
            third = headline_form(item["lemma"])
        forms.setdefault(item["lemma"], third)
    return forms


@dataclass(frozen=True)
class MergeRules:
    family: dict          # sense -> index of its family
    needs_names: frozenset
    nameless_ok: frozenset
    related: dict = None  # category -> index of its group


@lru_cache(maxsize=1)
def merge_rules() -> MergeRules:
    """The [merge] table of triggers.toml: sense families and the categories merging treats apart."""
    raw = _raw()
    rules = raw.get("merge", {})
    family = {sense: i for i, group in enumerate(rules.get("families", [])) for sense in group}
    related = {c: i for i, group in enumerate(rules.get("related_categories", [])) for c in group}
    return MergeRules(family, frozenset(rules.get("needs_names", ())), frozenset(rules.get("nameless_ok", ())),
                      related)


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans (relative to `text`) inside quotation marks; straight quotes pair up in order."""
    spans = []
    open_at = None
    for m in re.finditer(r"``|''|[“”\"]", text):  # (`` '' are the treebanks' curly quotes)
        ch = {"``": "“", "''": "”"}.get(m.group(0), m.group(0))
        if ch == "“" or (ch == '"' and open_at is None):
            open_at = m.start() if open_at is None else open_at
        elif open_at is not None:
            spans.append((open_at, m.end()))
            open_at = None
    if open_at is not None:  # a quote running to the end of the sentence (multi-sentence quote)
        spans.append((open_at, len(text)))
    elif not spans and text.rstrip().endswith(("”", '"', "''")) and not text.lstrip().startswith(("“", '"', "``")):
        # the closing half of a quote opened in an earlier sentence
        close = max(text.rfind("”"), text.rfind('"'), text.rfind("''") + 1)
        spans.append((0, close + 1))
    return spans


def tokenize(text: str, offset: int = 0) -> list[tuple[int, int, str]]:
    return [(m.start() + offset, m.end() + offset, m.group(0)) for m in TOKEN.finditer(text)]


def find_triggers(text: str, offset: int = 0) -> list[Trigger]:
    """Every trigger in `text` (a sentence starting at `offset` in its document), in order."""
    single, multi = _load()
    tokens = tokenize(text, offset)
    lowered = [t[2].lower() for t in tokens]
    quotes = [(a + offset, b + offset) for a, b in quote_spans(text)]
    words = [t[2] for t in tokens if t[2][:1].isalpha()]
    # In a title-case headline every word is capitalised; elsewhere a capitalised word inside a
    # sentence is part of a name ("Secretary of State", "Operation Rolling Thunder").
    title_case = len(words) > 2 and not any(w[0].islower() and (len(w) > 3 or w in single) and w.lower() not in _HEADLINE_SMALL
                                            for w in words)  # ("Jon Rahm won the U.S. Open": "won" is a sentence's)
    found: list[Trigger] = []
    i = 0
    while i < len(tokens):
        match = None
        for words, entry, name in multi.get(lowered[i], ()):
            if tuple(lowered[i:i + len(words)]) == words:
                match = (len(words), entry, name)
                break
        if i and not title_case and tokens[i][2][:1].isupper():
            i += 1
            continue
        if match is None and lowered[i] in single:
            entry, name = _choose(single[lowered[i]], lowered, i, tokens)
            if entry is not None:
                match = (1, entry, name)
        if match is None:
            i += 1
            continue
        width, entry, name = match
        start, end = tokens[i][0], tokens[i + width - 1][1]
        aspect, negated, passive = _aspect(lowered, i, name, entry, lowered[i + width] if i + width < len(tokens) else "")
        following = lowered[i + width] if i + width < len(tokens) else ""
        if (passive and not entry.passive_ok) or following in entry.not_next or (
                name == "noun" and _modifies_next(tokens, lowered, i + width, single)):
            i += width
            continue
        if text[start - offset - 1:start - offset] == "(" and text[end - offset:end - offset + 1] == ")":
            i += width
            continue  # "Braverman (left) and Sunak (right)": a caption's place in the picture
        if entry.quoting and not _QUOTES_NEXT.match(text, end - offset):
            i += width
            continue  # ("a feature called FaceTime", "called the police")
        if entry.before_figure and (following[:1].isdigit() or following[:1] == "$"):
            entry = Entry(entry.lemma, "economy", entry.before_figure, "event", 0.5)
        elif entry.before_object_to and _OBJECT_TO.match(text, end - offset):
            entry = Entry(entry.lemma, "business", entry.before_object_to, "event", 0.6)
        found.append(Trigger(
            start, end, text[start - offset:end - offset], entry.lemma, entry.category, entry.sense,
            entry.kind, entry.strength, "noun" if name == "noun" else "verb", name, aspect,
            negated, passive, any(a <= start < b for a, b in quotes), i,
        ))
        i += width
    return _shared_auxiliaries(found, lowered)


# a quotation opening within a few words: "called the new software \"the most advanced ...\"",
# "described the range as `one of the seven wonders'"
QUOTES_NEXT = r"\s+(?P<obj>(?!as\s)(?:(?![\"“`'])[\w'’.,-]+\s+){1,7}?)(?P<as>as\s+)?(?:\"|“|``|`|')\s*"
_QUOTES_NEXT = re.compile(QUOTES_NEXT)


# "added audio recording abilities to its Macintosh computers": a thing put into another, with
# no verb in between ("added the company would move to ..." reports a saying)
_OBJECT_TO = re.compile(r"\s+(?:(?!(?:that|to|will|would|could|is|was|are|were|has|had|have|he|she|they|it|we)\b)"
                        r"[a-z][\w'’-]*(?<!ed)\s+){1,5}to\s+(?:the|its|his|her|their|a|an)\s")


# the aspects a base form after "and" takes from the verb it is coordinated with
_SHARED_ASPECTS = frozenset(["future", "modal", "infinitive"])


def _shared_auxiliaries(found: list[Trigger], lowered: list[str]) -> list[Trigger]:
    """"will close its plant and cut 1,200 jobs", "agreed to buy X and sell Y": a base form
    right after "and" shares the auxiliary of the verb before it ("cut" is no past tense here)."""
    out: list[Trigger] = []
    for t in found:
        before = next((o for o in reversed(out) if o.pos == "verb"), None)
        if (t.pos == "verb" and before is not None and t.token and lowered[t.token - 1] == "and"
                and t.text.lower() == t.lemma and before.aspect in _SHARED_ASPECTS and t.aspect != before.aspect):
            t = replace(t, aspect=before.aspect, passive=False, negated=before.negated)
        out.append(t)
    return out


def _modifies_next(tokens, lowered: list[str], j: int, single: dict) -> bool:
    """A happening noun used as a modifier of a plain noun after it ("takeover speculation",
    "loan loss reserves", "merger alternatives") names no happening itself."""
    if j >= len(lowered):
        return False
    nxt = lowered[j]
    if not nxt.isalpha() or not tokens[j][2][0].islower() or nxt in _not_modified():
        return False
    if nxt in single:
        # "talks collapsed": a verb follows; "deportation flight", "takeover bid": the first
        # noun says what kind of happening the second is, keep it
        return False
    if nxt.endswith(("ing", "ed", "ly")):
        return False  # "a bombing carrying ...", "talks ended": a verb form, not a noun
    return not nxt.endswith("s") or nxt.endswith("ss")


@lru_cache(maxsize=1)
def _not_modified() -> frozenset:
    """Words after a noun that do not make it a modifier (data/en/triggers.toml [after_noun])."""
    raw = _raw()
    return frozenset(raw.get("after_noun", {}).get("words", "").split())


def _choose(options: list, lowered: list[str], i: int, tokens=()):
    """Pick verb or noun reading of a word that can be both ("offer", "attack", "order")."""
    prev = lowered[i - 1] if i else ""
    nouns = [o for o in options if o[1] == "noun"]
    verbs = [o for o in options if o[1] != "noun"]
    before_prev = lowered[i - 2] if i >= 2 else ""
    after_determiner = prev in _DETERMINERS or prev.endswith(("'s", "’s")) or (
        (before_prev in _DETERMINERS or before_prev.endswith(("'s", "’s")) or before_prev in ("'s", "’s"))
        and prev.replace("-", "").replace(".", "").isalpha() and prev not in _BE and prev not in _HAVE)
    # ("a semi-regular release pattern", "Apple Computer's home state", "a U.S. release": a noun)
    if nouns and (after_determiner or not verbs):
        return nouns[0]
    if verbs:
        entry, name = verbs[0]
        counted = prev in _NUMBER_WORDS or prev.replace(",", "").isdigit() or (
            name == "base" and prev[:1].isdigit())  # "the iPhone 4 return rate": a model number, then a noun
        names = {n for _, n in verbs}
        if after_determiner and not counted and "past" in names and i and tokens and tokens[i - 1][2][:1].isupper():
            return entry, "past"  # "The Fed cut its rate", "The Times hit back": a name, then its verb
        if (after_determiner or counted) and name in ("base", "3sg", "ing"):
            # "the 1987 crash", "two attacks": a noun; "the state", "nine states", "the
            # building": a noun we do not track
            return nouns[0] if nouns else (None, None)
        after_preposition = prev in _NOUN_PREPOSITIONS or (
            i >= 2 and lowered[i - 2] in _NOUN_PREPOSITIONS and prev.isalpha() and not prev.endswith("ly"))
        if after_preposition and name in ("base", "3sg"):
            return nouns[0] if nouns else (None, None)  # "on medical leave", "in return": a noun
        if name in ("base", "3sg") and _noun_group_before(lowered, i):
            return nouns[0] if nouns else (None, None)  # "two terrorist bomb attacks"
        if name == "3sg" and _plural_after_infinitive_or_preposition(lowered, i, tokens):
            return nouns[0] if nouns else (None, None)  # "to address reports", "of signal reception issues"
        # past and participle share a form for most verbs: call it past, _aspect sorts it out
        return entry, "past" if "past" in names else name
    return None, None


# Words before a bare past participle that make it an adjective ("only convicted criminals",
# "its own deported citizens").
_ADJECTIVAL = _DETERMINERS | frozenset("only own newly recently all many some more most other including of for "
                                       "with against from".split())
_REDUCED_RELATIVE_NEXT = frozenset("by of in from at for on under".split())
_NOT_BEFORE_NOUN = frozenset("to the a an in on at for from by with of and or but that".split())
_FINITE = frozenset("said says will would could can may might".split())
_NOT_NOUNS = frozenset("has was is as us this its his hers yours ours theirs whereas".split())


_NUMBER_WORDS = frozenset("two three four five six seven eight nine ten dozens hundreds thousands several many "
                          "few".split())


def _object_noun_phrase(lowered: list[str], i: int) -> bool:
    """The nouns before token i follow a preposition in their clause ("said of migrants of all
    nationalities detained in the U.S."): they are an object, the participle describes them.
    At the head of a clause ("Earlier Sunday, police and Protestants clashed in") they are its
    subject and the verb is the clause's own."""
    for j in range(i - 1, max(-1, i - 7), -1):
        w = lowered[j]
        if w in (",", ";", ":") or w in _BE or w in _HAVE:
            return False
        if w in _OBJECT_PREPOSITIONS:
            return True
    return False


_OBJECT_PREPOSITIONS = frozenset("of for to with on against from about among".split())


def _plural_after_infinitive_or_preposition(lowered: list[str], i: int, tokens) -> bool:
    """An -s word two words after "to" ("to address reports", "according to police reports")
    or after a preposition and plain nouns ("of signal reception issues"): a plural noun."""
    def plain(k: int) -> bool:  # a lower-case word ("Secretary of State Rubio meets": a name's end)
        return tokens[k][2].isalpha() and tokens[k][2].islower() and lowered[k] not in _NOT_BEFORE_NOUN \
            and lowered[k] not in _BE and lowered[k] not in _HAVE

    if i >= 2 and lowered[i - 2] == "to" and plain(i - 1):
        return True
    return any(i - back >= 0 and lowered[i - back] in _NOUN_PREPOSITIONS and all(plain(k) for k in range(i - back + 1, i))
               for back in (2, 3))


def _noun_group_before(lowered: list[str], i: int) -> bool:
    """A determiner or number two or three words back with only plain words between
    ("the two attacks", "two terrorist bomb attacks"): the word ends a noun phrase."""
    for back in range(2, 4):
        j = i - back
        if j < 0:
            return False
        between = lowered[j + 1:i]
        if not all(w.isalpha() and w not in _BE and w not in _HAVE and w not in _MODALS for w in between):
            return False
        if between[-1:] == ["to"] and lowered[j - 1:j] and lowered[j - 1] in causatives():
            # ("forced the minister to resign": an infinitive that tells what was done)
            return False
        if lowered[j] in _DETERMINERS or lowered[j] in _NUMBER_WORDS or lowered[j].isdigit():
            return True
    return False


# verbs of beginning and going on, with their form names, before an -ing happening
_ASPECTUAL = {"begin": "base", "begins": "3sg", "began": "past", "begun": "pp", "start": "base", "starts": "3sg",
              "started": "past", "continue": "base", "continues": "3sg", "continued": "past", "resume": "base",
              "resumes": "3sg", "resumed": "past"}  # (not "stopped paying": that tells the end)


def _aspect(lowered: list[str], i: int, form: str, entry: Entry, next_word: str = "") -> tuple[str, bool, bool]:
    """Tense/aspect of the trigger at token i from the auxiliaries before it."""
    if form == "noun":
        window = lowered[max(0, i - 5):i]
        return ("prior" if any(w in _PRIOR_NOUN for w in window) else "noun"), False, False
    if form == "ing" and i >= 1 and lowered[i - 1] in _ASPECTUAL:
        # "is to begin issuing", "began selling": the happening is told with the tense of its start
        return _aspect(lowered, i - 1, _ASPECTUAL[lowered[i - 1]], entry, lowered[i])
    aux = []
    j = i - 1
    negated = False
    while j >= 0 and len(aux) < 4:
        w = lowered[j]
        if w in _NEG:
            negated = True
        elif w == "cannot":
            negated = True
            aux.append(w)
        elif w.endswith(("n't", "n’t")) and len(w) > 3:
            negated = True  # "didn't return", "won't ship", "hasn't agreed": one token
            aux.append({"wo": "will", "ca": "can", "sha": "shall"}.get(w[:-3], w[:-3]))
        elif w in _SKIPPABLE or w.endswith("ly") and w not in ("only",):
            pass
        elif w in _MODALS or w in _HAVE or w in _BE or w in ("to", "did", "does", "do"):
            aux.append(w)
        else:
            break
        j -= 1
    prev_word = lowered[j] if j >= 0 else ""
    first = aux[0] if aux else ""
    passive = form in ("past", "pp") and first in _BE  # "will be offered", "is to be released"
    if any(a in _MODALS for a in aux):
        return ("future" if any(a in ("will", "'ll", "’ll") for a in aux) else "modal"), negated, passive
    if "to" in aux and aux[-1] in ("is", "are"):
        return "future", negated, passive  # "is to be released", "are to meet": scheduled
    if first == "to":
        if not negated and any(w in causatives() for w in lowered[max(0, j - 5):j + 1]):
            return "past", negated, False  # "prompting Apple Corps to file suit again in 1989"
        return "infinitive", negated, False
    if form == "ing":
        if first in _BE:
            return "progressive", negated, False
        if prev_word in _PRIOR or (aux == [] and i >= 1 and lowered[i - 1] in _PRIOR):
            return "prior", negated, False
        return "participle", negated, False
    if form in ("past", "pp"):
        if first in _BE:
            passive = True
            if any(a in ("was", "were") for a in aux):
                return "past", negated, passive
            if any(a in _HAVE for a in aux):
                return ("pluperfect" if "had" in aux else "perfect"), negated, passive
            if first in ("been", "being", "be"):
                return "participle", negated, passive
            return "present", negated, passive  # "is seen", headline "Rubio confirmed as ..."
        if first in _HAVE:
            return ("pluperfect" if first == "had" else "perfect"), negated, False
        if first in ("did", "does", "do"):
            return "past", negated, False
        if form == "pp":
            return "participle", negated, False
        if not aux and prev_word in _ADJECTIVAL and next_word[:1].isalpha() and next_word not in _NOT_BEFORE_NOUN:
            return "participle", negated, False  # "the deported migrants" (not "all voted to")
        if (not aux and entry.lemma != "say" and next_word in _REDUCED_RELATIVE_NEXT and prev_word.endswith("s") and len(prev_word) > 3
                and prev_word.isalpha() and prev_word not in _NOT_NOUNS
                and (next_word == "by" or any(w in _BE or w in _HAVE or w in _FINITE for w in lowered[i + 1:])
                     or _object_noun_phrase(lowered, i))):
            # "migrants detained by Panamanian authorities", "migrants detained in Panama were
            # sent home"; not "Protestants clashed in north Belfast." nor "The United States said on
            # Monday it would ..." (nothing is "said on Monday" but a saying)
            return "participle", negated, False
        return "past", negated, False
    if first in ("did",):
        return "past", negated, False
    return "present", negated, False
