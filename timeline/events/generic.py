"""Happenings told with a verb the trigger lists do not know.

The word lists (data/en/triggers.toml) know the verbs news uses most; a story tells many more
("Apple Computer was started by Steve Jobs and Steve Wozniak in 1976", "Gizmodo obtained a
prototype in April"). For a sentence the lists give no event, the dependency parse
(timeline.nlp) finds its main verb: in the past tense, the present perfect or a past passive,
not a verb of being, saying or thinking (data/en/generic.toml), not negated, modal or quoted.
That verb becomes a Trigger of category "other" whose sense is its base form, and the
sentence goes through the same dating, subject and title steps as any other.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources

from timeline.events.svo import is_passive
from timeline.events.triggers import Trigger, headline_form, quote_spans

_MAIN_DEPS = frozenset("ROOT conj ccomp parataxis".split())
GENERIC_STRENGTH = 0.6


@lru_cache(maxsize=1)
def _data() -> tuple[frozenset, dict]:
    raw = tomllib.loads(resources.files("timeline.events").joinpath("data/en/generic.toml").read_text("utf-8"))
    return frozenset(raw["stative"]), dict(raw["irregular"])


# Stems whose base form ends in a silent e (English spelling drops it before -ed).
_TAKES_E = re.compile(r"(?:[cgvzu]|[^s]s|[^aeiou]ar|[^aeiou][aiou][dkmnbl]|[^aeioul]l|[^aeiou][uio]r|[^e]at|[^aeiou][uo]t)$")


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
        if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in "dflsz":
            return stem[:-1]  # "stopped", "planned"
        if _TAKES_E.search(stem):
            return stem + "e"  # "announced", "decided", "stated", "secured", "settled", "raised"
        return stem
    return word


def generic_trigger(sent, parsed) -> Trigger | None:
    """The sentence's main happening verb the word lists do not know, as a Trigger."""
    return next(generic_triggers(sent, parsed), None)


def generic_triggers(sent, parsed):
    """Every main-clause happening verb of the sentence the word lists do not know, in order."""
    stative, _ = _data()
    toks = parsed.tokens
    quotes = quote_spans(sent.text)
    for i, tok in enumerate(toks):
        if tok.dep not in _MAIN_DEPS or tok.tag not in ("VBD", "VBN"):
            continue
        kids = [toks[c] for c in parsed.children(i)]
        aux = [k.text.lower() for k in kids if k.dep in ("aux", "aux:pass")]
        if any(k.dep == "neg" or k.text.lower() in ("not", "n't", "never") for k in kids):
            continue
        if any(a in ("will", "would", "could", "should", "might", "may", "can", "must", "to") for a in aux):
            continue
        if tok.tag == "VBN" and not aux:
            continue  # "the deported migrants", "founded in 1976, the company ...": an adjective
        if any(a <= tok.start < b for a, b in quotes):
            continue
        base = base_form(tok.text)
        if base in stative or not base.isalpha() or len(base) < 3:
            continue
        passive = is_passive(parsed, i)
        aspect = ("perfect" if any(a in ("has", "have") for a in aux) else
                  "pluperfect" if "had" in aux and not passive else "past")
        start = sent.start + tok.start
        yield Trigger(start, start + len(tok.text), tok.text, base, "other", base, "event", GENERIC_STRENGTH,
                       "verb", "pp" if tok.tag == "VBN" else "past", aspect, passive=passive,
                       token=i, headline=headline_form(base))


def headless(title: str) -> bool:
    """A title with no subject before its verb: a participle, an adverb or a lone word."""
    words = title.split()
    if len(words) < 2:
        return True
    first = words[0].lower()
    return first.endswith(("ed", "ing", "ly")) or first in _data()[1] or first in ("due", "also", "then")
