"""Mending parses that break Universal Dependencies' own rules.

The shipped model is small (trained on ~250k words), and its commonest impossible output is a
``compound`` hanging on a verb: in UD a compound joins two nominals, so one of the two tags or
the attachment is wrong. Which one can be told from the verb's own relation:

- the "verb" fills a noun's slot (``obj``, ``nmod``, ...) and is not an -ed form: it is a noun
  the tagger misread ("film studios/VBN", "a trademark dispute/VB"): retag it;
- the verb fills a noun's slot and is an -ed participle: it is a reduced relative clause on the
  noun ("great demand enjoyed by ..." read as one compound): the noun takes the verb's place
  and the verb becomes its ``acl``;
- the verb heads a clause that has no subject, and the noun stands right before it: the noun
  is its subject ("Kopp vanished", "Apple's iTunes store passes Best Buy").

The possessive ending read as a verb ("the bank 's/cop profit") is put back as ``case``.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from timeline.nlp.parsed import Token

_NOMINAL_SLOTS = frozenset("nsubj nsubj:pass obj iobj obl obl:agent obl:tmod obl:unmarked nmod nmod:poss "
                           "appos compound".split())
_CLAUSE_SLOTS = frozenset("ROOT ccomp advcl conj parataxis xcomp acl acl:relcl".split())
_NOUN_TAGS = ("NN", "NNS", "NNP", "NNPS")
_SUBJECTS = ("nsubj", "nsubj:pass", "csubj", "expl")


def repair(tokens: list[Token]) -> list[Token]:
    """The tokens with the impossible relations above mended (a new list; indexes unchanged)."""
    toks = list(tokens)
    for i, t in enumerate(toks):
        if t.text in ("'s", "’s") and t.tag == "POS" and t.dep not in ("case", "ROOT") and i > 0 \
                and toks[i - 1].tag in _NOUN_TAGS and toks[i - 1].end == t.start:
            toks[i] = t._replace(dep="case", head=i - 1)
    for i, t in enumerate(tokens):
        v = t.head
        if t.dep != "compound" or v == i or not toks[v].tag.startswith("VB") or toks[i].tag not in _NOUN_TAGS:
            continue
        verb = toks[v]
        if verb.dep in _NOMINAL_SLOTS and not verb.text.lower().endswith("ed"):
            toks[v] = verb._replace(tag="NNS" if verb.text.lower().endswith("s") else "NN", pos="NOUN")
        elif verb.dep in _NOMINAL_SLOTS and i < v:
            root = verb.head == v
            toks[i] = toks[i]._replace(dep="ROOT" if root else verb.dep, head=i if root else verb.head)
            toks[v] = verb._replace(dep="acl", head=i)
            for j, c in enumerate(toks):
                if c.head == v and j < i and j != i:
                    toks[j] = c._replace(head=i)  # ("great demand enjoyed": the adjective is the noun's)
        elif verb.dep in _CLAUSE_SLOTS and i < v and all(
                toks[k].tag in _NOUN_TAGS or toks[k].tag in ("POS", "DT", "JJ") for k in range(i + 1, v)) \
                and not any(c.head == v and c.dep in _SUBJECTS for c in toks):
            toks[i] = toks[i]._replace(dep="nsubj")
    return toks
