"""Happenings told with a verb the trigger lists do not know.

The word lists (data/en/triggers.toml) know the verbs news uses most; a story tells many more
("Apple Computer was started by Steve Jobs and Steve Wozniak in 1976", "Gizmodo obtained a
prototype in April"). For a sentence the lists give no event, the dependency parse
(timeline.nlp) finds its main verb: in the past tense, the present perfect, a past passive or
the future ("will ship in July", "is to be released in mid-2011": an event only with a date of its
own), not a verb of being, saying or thinking (data/en/generic.toml), not negated, modal or quoted.
That verb becomes a Trigger of category "other" whose sense is its base form, and the
sentence goes through the same dating, subject and title steps as any other.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources

from timeline.events.sentences import periods
from timeline.events.svo import is_passive
from timeline.events.titles import adverb_like
from timeline.events.triggers import Trigger, headline_form, quote_spans

_MAIN_DEPS = frozenset("ROOT conj ccomp parataxis".split())
_NOUN_MODIFIER = frozenset("compound nummod amod nmod:poss det".split())
_ON_SALE = frozenset(["available"])  # "will be available on June 24": a scheduled release
_FINITE = frozenset("has have had was were is are will".split())
_SUBORDINATE = frozenset("acl:relcl acl".split())
_SAID_BEFORE = re.compile(r"\b(?:said|says|announced|told|confirmed)\b(?:(?!\b(?:if|unless|whether)\b).)*$")
GENERIC_STRENGTH = 0.6


@lru_cache(maxsize=1)
def _data() -> tuple[frozenset, dict]:
    raw = _raw()
    return frozenset(raw["stative"]), dict(raw["irregular"])


@lru_cache(maxsize=1)
def irregular_pasts() -> frozenset:
    """Past tenses not spelt base + -ed ("began", "bought", "won")."""
    return frozenset(_data()[1])


@lru_cache(maxsize=1)
def _raw() -> dict:
    return tomllib.loads(resources.files("timeline.events").joinpath("data/en/generic.toml").read_text("utf-8"))


def _phrasal(base: str, after: str) -> str:
    """"go" + " live on July 1" -> "go live": a verb of being that tells a happening with the
    words after it, else ""."""
    for rest in _raw()["phrasal"].get(base, ()):
        if re.match(r"\s+" + re.escape(rest) + r"\b", after, re.IGNORECASE):
            return f"{base} {rest}"
    return ""


# Stems whose base form ends in a silent e (English spelling drops it before -ed).
_TAKES_E = re.compile(r"(?:[cgvzu]|[^s]s|[^aeiou]ar|[^aeiou][aiou][dkmnbl]|[^aeioul]l|[^aeiou][uio]r|[^e]at|[^aeiou][uo]t)$")


@lru_cache(maxsize=1)
def _known_verbs() -> frozenset:
    """Base forms the word lists know (triggers.toml lemmas, the verbs of being above)."""
    from timeline.events.triggers import title_forms

    return frozenset(w for w in set(title_forms()) | _data()[0] if " " not in w)


def base_form(word: str) -> str:
    """"started" -> "start", "closed" -> "close", "stopped" -> "stop", "carried" -> "carry"."""
    word = word.lower()
    irregular = _data()[1]
    if word in irregular:
        return irregular[word]
    if word.endswith("eed"):
        return word[:-1]  # "agreed", "freed"
    if word.endswith("ied") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("ed"):
        stem = word[:-2]
        if stem + "e" in _known_verbs():
            return stem + "e"  # "hoped", "acquired": a verb the word lists know ends in e
        if stem in _known_verbs():
            return stem
        if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in "dflsz":
            return stem[:-1]  # "stopped", "planned"
        if _TAKES_E.search(stem):
            return stem + "e"  # "announced", "decided", "stated", "secured", "settled", "raised"
        return stem
    if word.endswith("ing") and len(word) > 5:
        stem = word[:-3]
        if stem + "e" in _known_verbs() and stem not in _known_verbs():
            return stem + "e"  # "closing"
        if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in "dflsz":
            return stem[:-1]  # "stopping"
        return stem  # "carrying", "launching"
    return word


def generic_triggers(sent, parsed, dated: bool = False):
    """Every main-clause happening verb of the sentence the word lists do not know, in order.
    With `dated`, also the verbs that are events only with a date of their own, which the caller
    must find they govern: a relative or infinitive clause's ("iAd, which goes live on July 1",
    "a special event to be held on October 12") and the present tense's ("the phone launches on
    June 19")."""
    stative, _ = _data()
    toks = parsed.tokens
    quotes = quote_spans(sent.text)
    main = _MAIN_DEPS | _SUBORDINATE if dated else _MAIN_DEPS
    for i, tok in enumerate(toks):
        if tok.text.lower() in _ON_SALE and tok.dep in main:
            kids = [toks[c] for c in parsed.children(i)]
            if any(k.dep == "cop" for k in kids) and _scheduled("VB", [k.text.lower() for k in kids if k.dep == "aux"], []):
                start = sent.start + tok.start  # "iPhone 4 will be available on June 24": a release
                yield Trigger(start, start + len(tok.text), tok.text, "be " + tok.text.lower(), "other", "available",
                              "event", GENERIC_STRENGTH, "verb", "base", "future", token=i,
                              headline="to be " + tok.text.lower())
            continue
        tag = tok.tag
        if tag == "VBZ" and tok.text.lower().endswith("ed"):
            tag = "VBD"  # ("Jobs demoed the gyroscope": a verb the tagger has not seen)
        present = dated and tag in ("VBZ", "VBP")
        if tag not in ("VBD", "VBN", "VB", "VBG") and not present:
            continue
        kids = [toks[c] for c in parsed.children(i)]
        aux = [k.text.lower() for k in kids if k.dep in ("aux", "aux:pass")]
        marks = [k.text.lower() for k in kids if k.dep == "mark"]
        # "a special event to be held on October 12", ", to be released in mid-2011"
        planned = dated and tok.dep in ("acl", "advcl") and tag == "VBN" and "be" in aux and "to" in aux + marks
        if tok.dep not in main and not planned and not (
                tok.dep == "advcl" and any(k.dep.startswith("nsubj") for k in kids)
                and not any(k.dep == "mark" for k in kids) and any(a in _FINITE for a in aux)):
            continue  # (the parser often hangs "X has done Y, the company said" under "said")
        if any(k.dep == "neg" or k.text.lower() in ("not", "n't", "never") for k in kids):
            continue
        future = True if planned else _scheduled(tag, aux, marks)
        if future is None and dated and "would" in aux and tag in ("VB", "VBN") and \
                _SAID_BEFORE.search(sent.text[:tok.start]):
            future = True  # "the company said the first aircraft would be delivered in October 2007": a plan told
        if present:
            future = None if aux else False  # ("does", "can": no happening told)
        if future is None:
            continue
        if tag == "VBG" and not ("been" in aux and any(a in ("has", "have", "had") for a in aux)):
            continue  # only "has been battling cancer since 2004": what began then
        if tag == "VBN" and not aux and not (tok.dep == "ROOT" and any(k.dep == "nsubj" for k in kids)) and not (
                dated and tok.dep == "acl" and any(k.dep == "obl:agent" for k in kids)):
            # "the deported migrants", "founded in 1976, the company ...": an adjective; a reduced
            # relative with its doer is a happening told ("demand enjoyed by iPod players during ...")
            continue
        if any(a <= tok.start < b for a, b in quotes):
            continue
        base = (base_form(tok.text) if tag not in ("VB", "VBZ", "VBP") else
                _present_base(tok.text) if present else tok.text.lower())
        if tag == "VBG":  # "battling" -> "battled" -> "battle": the -ed spelling rules apply
            base = base_form(tok.text[:-3] + "ed") if tok.text.lower().endswith("ing") else ""
        phrase = _phrasal(base, sent.text[tok.end:]) if base in stative else ""
        if base in stative and not phrase or not base.isalpha() or len(base) < 3 and not phrase:
            continue
        passive = is_passive(parsed, i)
        aspect = ("future" if future else "present" if present else
                  "perfect" if any(a in ("has", "have") for a in aux) else
                  "pluperfect" if "had" in aux and not passive else "past")
        start = sent.start + tok.start
        end = start + len(tok.text)
        if phrase:  # the happening is the verb and its words: "went public", "goes live"
            end = start + len(tok.text) + re.match(r"\s+" + r"\s+".join(map(re.escape, phrase.split()[1:])),
                                                    sent.text[tok.end:], re.IGNORECASE).end()
        form = {"VBN": "pp" if aux else "past", "VB": "base", "VBG": "ing", "VBZ": "present",
                "VBP": "present"}.get(tag, "past")
        if phrase:  # ("goes live": the headline keeps the words that make it a happening)
            base, headline = phrase, headline_form(base) + phrase[len(base):]
        else:
            headline = headline_form(base)
        yield Trigger(start, end, sent.text[tok.start:end - sent.start], base, "other", base, "event", GENERIC_STRENGTH,
                       "verb", form, aspect, passive=passive, token=i, headline=headline)


def _present_base(word: str) -> str:
    """"launches" -> "launch", "goes" -> "go", "carries" -> "carry", "ends" -> "end"."""
    word = word.lower()
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes", "zes", "oes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def governed(sent, parsed, trigger: Trigger, timexes) -> list:
    """The time expressions of `timexes` whose nearest verb up the parse is `trigger`'s: "iOS will
    support iAd, which goes live on July 1" gives July 1 to "goes", not to "support"."""
    toks = parsed.tokens
    out = []
    for x in timexes:
        inside = [i for i, tok in enumerate(toks)
                  if x.start <= sent.start + tok.start < x.end]
        top = next((i for i in inside if toks[i].head not in inside or toks[i].head == i), None)
        if top is None:
            continue
        k, seen = toks[top].head, set()
        if toks[top].dep in _NOUN_MODIFIER and toks[k].tag.startswith("NN") and not (toks[top].dep in ("compound", "amod") and _period_noun(toks, k)):
            continue  # "violated the 1991 agreement": the year is the agreement's
        while k not in seen and k != trigger.token and not _heads_clause(toks[k]) and k != toks[k].head:
            seen.add(k)
            k = toks[k].head
        if k != trigger.token and _closes_late(parsed, k, trigger.token, top):
            k = trigger.token
        if k == trigger.token or not toks[k].tag.startswith("VB") and toks[trigger.token].dep == "ROOT":
            out.append(x)  # (a date the parse left outside every clause is the main verb's)
    return out


def _closes_late(parsed, verb: int, clause: int, date: int) -> bool:
    """A date the parse hung on a verb of being or saying belongs to the reduced relative clause
    written right before it ("is explained by great demand enjoyed by iPod players during the
    Christmas sales period": the demand was enjoyed then; the explaining has no date)."""
    toks = parsed.tokens
    stative, _ = _data()
    if not (verb < clause < date and toks[clause].dep in _SUBORDINATE and toks[clause].tag == "VBN"):
        return False
    if base_form(toks[verb].text) not in stative and toks[verb].text.lower() not in _FINITE:
        return False
    lo, hi = parsed.subtree(clause)
    first = min(parsed.subtree(date)[0], date)
    return hi == first and not any(toks[k].text in (",", ";", ":") for k in range(clause, first))


def _period_noun(toks, k: int) -> bool:
    """The noun at `k`, or the noun its compound chain ends on, names a stretch of time ("the
    Christmas [sales] period")."""
    while toks[k].dep == "compound" and toks[k].head != k:
        k = toks[k].head
    return toks[k].text.lower() in periods()


def _heads_clause(tok) -> bool:
    """A verb whose dates are its own: not one that completes another ("is set to begin on
    Wednesday") nor a present participle that only describes a noun ("its new operating system")."""
    return tok.tag.startswith("VB") and tok.dep != "xcomp" and not (tok.tag == "VBG" and tok.dep in ("acl", "amod"))


def _scheduled(tag: str, aux: list[str], marks: list[str]) -> bool | None:
    """True for a verb told as scheduled ("will ship", "will be shipped", "is to be released"),
    False for one told as done, None for one that is neither (a modal, a bare infinitive): a
    scheduled happening is an event only with a date of its own (extract drops the rest)."""
    if any(a in ("would", "could", "should", "might", "may", "can", "must") for a in aux):
        return None
    if any(a in ("will", "'ll", "’ll", "shall") for a in aux):
        return tag in ("VB", "VBN")  # ("will be shipped", "will have been sold": ahead too)
    if "to" in aux + marks:
        return True if tag == "VBN" and "be" in aux and any(a in ("is", "are") for a in aux) else None
    return False if tag != "VB" else None


def headless(title: str) -> bool:
    """A title with no subject before its verb: a participle, an adverb or a lone word."""
    words = title.split()
    if len(words) < 2:
        return True
    first = words[0].lower()
    return first.endswith(("ed", "ing")) or adverb_like(words[0]) or first in _data()[1] or first in ("due", "also", "then", "only", "to")
