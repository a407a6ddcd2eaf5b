"""Headline titles from a dependency parse: subject, verb, object of the event's clause.

"Steve Jobs, the Apple Chief Executive Officer, announced the development at a developers'
conference" -> "Steve Jobs announces development"; "The European Commission has forced Apple Inc.
to lower its prices" -> "European Commission forces Apple Inc. to lower prices"; "Apple Corps was
founded by the Beatles in 1968" -> "Apple Corps founded by Beatles". The subject is the verb's
`nsubj` (a name as the sentence writes it, a pronoun resolved by the caller), the verb is put in
headline present tense (a passive keeps its participle, a plan takes "to"), the object is the
head of its noun phrase with the words that qualify it ("6,000 job cuts"), or the verb's first
prepositional phrase ("files for bankruptcy"), or its infinitive ("agrees to buy Chrysler").
The parse comes from timeline.nlp; this module only reads it.
"""

from __future__ import annotations

import re

from timeline.events import titles
from timeline.events.actors import _COMPANY_SUFFIXES as COMPANY_SUFFIXES
from timeline.events.sentences import happened_verbs
from timeline.events.triggers import headline_form

_SUBJECTS = ("nsubj", "nsubj:pass", "nsubj:outer")
_OBJECTS = ("obj", "iobj")
# Dependents kept in a noun phrase before its head ("6,000 job cuts", "the new iOS 4").
_MODIFIERS = ("compound", "amod", "nummod", "nmod:poss", "flat", "fixed", "compound:prt")
_DROP_WORDS = frozenset("the a an its his her their our my your this that these those".split())
MAX_OBJECT_WORDS = 6


def token_at(parsed, offset: int) -> int | None:
    """The token starting at (or covering) a character offset of the parsed text."""
    for i, tok in enumerate(parsed.tokens):
        if tok.start <= offset < tok.end or tok.start == offset:
            return i
    return None


def clause_subject(parsed, verb: int) -> int | None:
    """The verb's subject; for an infinitive or a second verb ("agreed to buy", "rose and
    closed") the subject of the verb it depends on."""
    seen = set()
    while verb not in seen:
        seen.add(verb)
        tok = parsed.tokens[verb]
        for child in parsed.children(verb):
            if parsed.tokens[child].dep in _SUBJECTS:
                if parsed.tokens[child].tag in ("WDT", "WP") and tok.dep.endswith("relcl"):
                    return tok.head  # "Pixar, which was acquired": Pixar
                return child
        unmarked = tok.dep == "advcl" and not any(parsed.tokens[c].dep == "mark" for c in parsed.children(verb))
        if (tok.dep in ("xcomp", "conj", "advcl:relcl", "acl:relcl", "acl") or unmarked) and tok.head != verb:
            if tok.dep.endswith("relcl") or tok.dep == "acl":
                return tok.head  # "the company, which announced ...", "the suit, filed in 2003": the noun
            verb = tok.head
            continue
        break
    return None


def is_passive(parsed, verb: int) -> bool:
    return any(parsed.tokens[c].dep in ("aux:pass", "nsubj:pass") for c in parsed.children(verb))


def noun_phrase(parsed, head: int, max_words: int = MAX_OBJECT_WORDS) -> str:
    """The head noun with the words that qualify it, without articles and possessive pronouns;
    a short "of" phrase after it stays ("version of its iPhone" -> "version of iPhone")."""
    keep = {head}
    toks = parsed.tokens
    for child in parsed.children(head):
        dep = toks[child].dep
        if dep in _MODIFIERS and child < head:
            lo, hi = parsed.subtree(child)
            keep.update(range(lo, hi))
        elif dep == "nummod" and toks[head].tag == "$" and child > head:
            lo, hi = parsed.subtree(child)
            keep.update(range(lo, hi))  # "$ 5 million": the sign heads the figure written after it
        elif dep in ("flat", "compound", "fixed") and child == max(keep) + 1:
            keep.add(child)  # "Steve Jobs" as flat: only words right after the head
        elif dep == "nmod" and child > head:
            lo, hi = parsed.subtree(child)
            words = [toks[k] for k in range(lo, hi)]
            if words and words[0].text.lower() == "of" and len(words) <= 4 and not any(
                    w.text in (",", "(", ")") for w in words):
                keep.update(range(lo, hi))
    k = min(keep)
    if k > 0 and toks[k - 1].tag in ("NN", "NNS") and toks[k - 1].head == head:
        keep.add(k - 1)  # "death toll" the parse read as two subjects: a noun right before its head
    k = min(keep)
    if k > 1 and toks[k - 1].text in ("'s", "’s") and toks[k - 2].end == toks[k - 1].start \
            and toks[k - 2].tag in ("NN", "NNS", "NNP", "NNPS"):
        keep.update((k - 2, k - 1))  # "the bank's profit", whatever the parse made of the "'s"
    if toks[head].tag in ("NNP", "NNPS"):  # a name is whole whatever the parse made of it
        k = min(keep)
        while k > 0 and toks[k - 1].tag in ("NNP", "NNPS") and toks[k - 1].dep not in _SUBJECTS + _OBJECTS:
            k -= 1
            keep.add(k)
        k = max(keep)
        while k + 1 < len(toks) and toks[k + 1].tag in ("NNP", "NNPS"):
            k += 1
            keep.add(k)
    changed = True
    while changed:  # words written together stay together ("Wal-Mart", "$5.41", "U.S.-based")
        changed = False
        for k in range(len(toks) - 1):
            if toks[k].end == toks[k + 1].start and ((k in keep) != (k + 1 in keep)):
                keep.update((k, k + 1))
                changed = True
    ordered = sorted(keep)
    lo, hi = ordered[0], ordered[-1] + 1
    # a contiguous stretch reads as written; drop articles, possessive pronouns, punctuation
    words = []
    for k in range(lo, hi):
        tok = toks[k]
        if k not in keep and tok.text not in ("'s", "’s", "&", "-"):
            continue
        if tok.text.lower() in _DROP_WORDS or (tok.tag in ("PRP$", "DT") and k != head):
            continue
        if tok.tag in (",", ".", "-LRB-", "-RRB-", "``", "''", ":") and not (
                k > lo and toks[k - 1].end == tok.start and k + 1 < hi and tok.end == toks[k + 1].start):
            continue
        words.append(k)
    words = [k for i, k in enumerate(words) if not (i > 0 and toks[k].text.rstrip(".,") in COMPANY_SUFFIXES
                                                    and toks[words[i - 1]].tag in ("NNP", "NNPS"))]  # "Corp.", "Inc."
    if len(words) > max_words:
        cut = len(words) - max_words  # the head and what is nearest to it, never half a name
        while cut > 0 and toks[words[cut]].tag in ("NNP", "NNPS") and toks[words[cut - 1]].tag in ("NNP", "NNPS"):
            cut -= 1
        words = words[cut:]
        while words and toks[words[0]].tag == "POS":
            words = words[1:]  # never the possessive ending of a name cut off ("'s board")
    return _join(parsed, words)


def named_happening(parsed, head: int, date_span: tuple[int, int] = (0, 0)) -> str:
    """A happening noun as a headline of its own: the noun with the words that qualify it and
    the phrase that says where or of whom ("last month's explosion at an Alabama women's
    clinic" -> "Explosion at Alabama women's clinic"), never its date (`date_span`, offsets into
    the parsed text); "" when that leaves the bare noun ("Friday's ceremony")."""
    toks = parsed.tokens
    a, b = date_span
    dated = {k for k, tok in enumerate(toks) if a <= tok.start < b}
    first = head
    while first > 0 and first - 1 not in dated and toks[first - 1].tag in _NAMING_TAGS:
        first -= 1
    while first < head and toks[first].tag in ("POS", "HYPH"):
        first += 1
    words = list(range(first, head + 1))
    for child in parsed.children(head):
        if child > head and toks[child].dep == "nmod":
            case = [c for c in parsed.children(child) if toks[c].dep == "case"]
            lo, hi = parsed.subtree(child)
            if case and toks[case[0]].text.lower() in _NAMING_PREPOSITIONS and not dated & set(range(lo, hi)):
                place = noun_phrase(parsed, child, 5)
                if not place.endswith(("'s", "’s")):
                    phrase = f"{_join(parsed, words)} {toks[case[0]].text.lower()} {place}"
                    return phrase[:1].upper() + phrase[1:]
            break
    phrase = _join(parsed, words)
    return phrase[:1].upper() + phrase[1:] if len(words) > 1 else ""


# the words of a noun's own name before it ("the fireworks warehouse explosion", "a $50.9 million loss")
_NAMING_TAGS = frozenset("NN NNS NNP NNPS JJ CD $ HYPH POS".split())
# a happening's place or patient after it ("explosion at ...", "invasion of Kuwait"); not "with",
# "to", "for": those are as often the verb's ("violated the 1991 agreement with its store")
_NAMING_PREPOSITIONS = frozenset("at in of on".split())


def _join(parsed, indexes: list[int]) -> str:
    """The tokens at `indexes` as text: neighbours in the sentence keep the spacing written
    between them, others are joined by a space."""
    toks = parsed.tokens
    out = ""
    for n, k in enumerate(indexes):
        if n:
            prev = indexes[n - 1]
            out += parsed.text[toks[prev].end:toks[k].start] if k == prev + 1 and \
                toks[k].start - toks[prev].end <= 1 else " "
        out += toks[k].text
    return titles.tidy(out)


def object_words(parsed, verb: int, skip: set[int]) -> str:
    toks = parsed.tokens
    children = [c for c in parsed.children(verb) if c not in skip]
    for child in children:
        if toks[child].dep in _OBJECTS and toks[child].text.lower() in ("itself", "themselves"):
            head = toks[verb].head
            to = _prepositional(parsed, children, verb, ("to",)) or \
                _prepositional(parsed, [c for c in parsed.children(head) if c > child], head, ("to",))
            return " ".join(p for p in (toks[child].text.lower(), to) if p)  # "sell itself to Elon Musk"
        if toks[child].dep in _OBJECTS and toks[child].tag not in ("PRP", "WP", "WDT"):
            of = [c for c in parsed.children(child) if toks[c].dep in ("nmod", "obl") and c > child
                  and any(toks[k].text.lower() == "of" for k in parsed.children(c))
                  ] if toks[child].tag in ("DT", "CD", "JJ", "JJS", "PDT") else []
            if of and toks[of[0]].tag.startswith("NN"):
                return noun_phrase(parsed, of[0])  # "demonstrated some of the features of ...": the features
            return noun_phrase(parsed, child)
    for child in children:
        if toks[child].dep == "ccomp" and child > verb:
            lo, hi = parsed.subtree(child)
            words = [k for k in range(lo, hi) if k not in skip and toks[k].text.lower() != "that"
                     and toks[k].tag not in ("``", "''")]
            said = _join(parsed, words[:11])
            return re.split(r"\s*[,;:]\s*", said)[0]  # "Jobs states his desire was to remain chairman"
    for child in children:
        if toks[child].dep in ("xcomp", "advcl") and child > verb:  # "agreed on Sunday to buy X"
            marker = [c for c in parsed.children(child) if toks[c].dep == "mark" and toks[c].text.lower() == "to"]
            if toks[child].tag == "VB" and marker:
                inner = object_words(parsed, child, skip)
                return " ".join(p for p in ("to", toks[child].text, inner) if p)
    return _prepositional(parsed, children, verb, ("for", "to", "against", "with", "into", "on", "of", "from"))


def _prepositional(parsed, children, verb: int, prepositions) -> str:
    """The verb's first prepositional phrase with one of `prepositions` ("files for bankruptcy")."""
    toks = parsed.tokens
    for child in children:
        if toks[child].dep == "obl" and child > verb:
            case = [c for c in parsed.children(child) if toks[c].dep == "case"]
            if case and toks[case[0]].text.lower() in prepositions:
                return f"{toks[case[0]].text.lower()} {noun_phrase(parsed, child, 4)}"
    return ""


def agent_words(parsed, verb: int) -> str:
    toks = parsed.tokens
    for child in parsed.children(verb):
        if toks[child].dep == "obl:agent" or (toks[child].dep == "obl" and any(
                toks[c].text.lower() == "by" and toks[c].dep == "case" for c in parsed.children(child))):
            return "by " + noun_phrase(parsed, child, 5)
    return ""


def svo_title(sent, parsed, trigger, subject_words: str, verb_form: str, skip_spans=()) -> str:
    """A headline for the happening `trigger` (offsets into the document) of sentence `sent`:
    `subject_words` is the caller's name for the doer ("" to take the parse's subject noun
    phrase), `verb_form` its headline verb ("announces", "to meet"). "" when the parse gives
    no subject."""
    verb = token_at(parsed, trigger.start - sent.start)
    if verb is None:
        return ""
    skip = {k for k, tok in enumerate(parsed.tokens) for a, b in skip_spans
            if a - sent.start <= tok.start < b - sent.start}
    tok = parsed.tokens[verb]
    passive = trigger.pos == "verb" and (is_passive(parsed, verb) or trigger.passive
                                         or tok.tag == "VBN" and tok.dep == "acl")
    subj = subject_words
    if not subj:
        s = clause_subject(parsed, verb)
        if s is None or parsed.tokens[s].tag in ("PRP", "WP", "WDT", "EX"):
            return ""
        subj = noun_phrase(parsed, s, 5)
        if parsed.tokens[s].tag in ("NNS", "NNPS") and not verb_form.startswith("to ") and " " not in verb_form:
            from timeline.events.generic import base_form

            verb_form = base_form(trigger.text) if trigger.text.lower().endswith("ed") else trigger.lemma
    if not subj or not re.search(r"[A-Za-z]", subj):
        return ""
    if passive:
        verb_text = titles.passive_verb(trigger.text, trigger.aspect) if trigger.text.lower() != "been" else ""
        rest = " ".join(p for p in (object_words(parsed, verb, skip), agent_words(parsed, verb)) if p)
        return titles.make_title(subj, verb_text.lower(), rest)
    obj = object_words(parsed, verb, skip)
    if " " in verb_form and obj.split()[:1] == verb_form.split()[-1:]:
        obj = " ".join(obj.split()[1:])  # "takes office": the phrase already holds its object
    return titles.make_title(subj, verb_form, obj)


_CUT_ENDINGS = frozenset("most more some many several all both its his her their our initial public first new "
                         "former next last those these this that".split())


def weak(rule_title: str, verb: str = "") -> bool:
    """A word-rules title that does not read as a headline: no subject ("Launched iTunes
    Store", "Medical leaves"), or a name and a verb with nothing after it ("Apple announces")."""
    words = rule_title.split()
    if not words:
        return True
    if verb and " " not in verb and verb.lower() in (words[-1].lower(), words[0].lower()):
        return True  # "Apple announces", or "Took $50.9 million loss" with no subject
    if re.fullmatch(r"\$?[\d.,]+", words[-1]) and not (len(words) > 2 and words[-2].lower() in ("to", "at", "by")) \
            or words[-1].lower() in _CUT_ENDINGS:  # ("rises to 12" is whole)
        return True  # "completes $44", "buys most", "prices its initial public": an object cut short
    if words[0].lower().endswith(("ed", "ing")) or words[0][:1].islower() or words[0] == "To":
        return True  # a participle, a fragment or a bare plan ("To be closed") where the subject should be
    return len(words) <= 2


def better(parsed_title: str, rule_title: str) -> bool:
    """Whether the parse's title reads more like a headline than a weak word-rules one."""
    rule_words = rule_title.split()
    if not rule_words or rule_words[0].lower().endswith(("ed", "ing")) or rule_words[0][:1].islower():
        return True
    parsed_words = parsed_title.split()
    if rule_words[-1].lower() in _CUT_ENDINGS and parsed_words[-1].lower() not in _CUT_ENDINGS \
            and len(parsed_words) >= len(rule_words):
        return True  # "Company sells most" -> "Company sells stake"
    return len(parsed_words) > len(rule_words)


def _says_it_happened(toks, verb: int) -> bool:
    """"occurred", "took (place)", "broke (out)": a verb whose subject is the happening."""
    word = toks[verb].text.lower()
    nxt = toks[verb + 1].text.lower() if verb + 1 < len(toks) else ""
    return word in happened_verbs() or f"{word} {nxt}" in happened_verbs()


def root_title(sent, parsed, skip_spans=(), setting: int | None = None) -> str:
    """A headline from the sentence's main verb, its subject and object ("In a July 16 press
    conference, Jobs said that all iPhone 4 buyers would get a free case" -> "Jobs says all
    iPhone 4 buyers would get a free case"); "" when the main verb has no subject."""
    from timeline.events.generic import base_form  # generic reads this module: imported when used

    toks = parsed.tokens
    root = next((i for i, t in enumerate(toks) if t.dep == "ROOT" and t.tag.startswith("VB")), None)
    if setting is not None:
        noun = token_at(parsed, setting)
        if noun is None:
            return ""
        head = toks[noun].head
        if toks[noun].dep in ("obj", "obl") and toks[head].tag.startswith("VB"):
            while toks[head].dep == "xcomp" and toks[head].head != head:
                head = toks[head].head  # "voted to leave ... in a referendum": the vote
            root = head  # "completed his takeover of Twitter": the verb that tells it
        elif head == root and toks[noun].dep == "nsubj" and _says_it_happened(toks, root):
            pass  # "the bombings occurred on Friday": the happening is the subject
        elif head != root or toks[noun].dep not in ("nmod", "obl:tmod"):
            return ""  # only a happening the verb tells, or the setting of the main verb
    if root is None:
        return ""
    skip = {k for k, tok in enumerate(toks) for a, b in skip_spans if a - sent.start <= tok.start < b - sent.start}
    s = clause_subject(parsed, root)
    if s is None or toks[s].tag in ("PRP", "WP", "WDT", "EX"):
        return ""
    subj = noun_phrase(parsed, s, 5)
    if is_passive(parsed, root) and not _says_it_happened(toks, root):
        rest = " ".join(p for p in (object_words(parsed, root, skip), agent_words(parsed, root)) if p)
        return titles.make_title(subj, toks[root].text.lower(), rest)
    verb = toks[root].text.lower()
    plural = toks[s].tag in ("NNS", "NNPS") and not any(toks[c].text.lower() == "of" for c in parsed.children(s))
    base = base_form(verb) if toks[root].tag in ("VBD", "VBN", "VBZ", "VBP", "VBG") else verb
    form = base if plural else headline_form(base)
    if _says_it_happened(toks, root):  # "Car bombings occur", "Fighting breaks out": nothing more to say
        rest = "" if toks[root].text.lower() in happened_verbs() else toks[root + 1].text.lower()
        return titles.make_title(subj, form, rest)
    return titles.make_title(subj, form, object_words(parsed, root, skip))
