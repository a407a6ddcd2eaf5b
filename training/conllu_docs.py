"""Read the training treebanks (CoNLL-U) into spaCy Docs.

GUM marks every mention (named or not, with coreference) in MISC as
``Entity=(id-type-infstat-...``; an entity recogniser wants only *names*, so a
mention counts when its syntactic head is a proper noun, and its name is the
run of capitalised words (and the few joiners names contain: "of", "&", "'s")
around that head.  EWT carries no entities, so its NER annotation is left
*missing* (not "O"): the recogniser learns nothing about names from it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

# GUM entity types -> the labels the package exposes; the rest are dropped.
LABELS = {"person": "PERSON", "organization": "ORG", "place": "PLACE"}
# Words that may sit inside a name without a capital ("Bank of America",
# "Standard & Poor's 500", "Ludwig van Beethoven").
JOINERS = {"of", "&", "'s", "’s", "and", "de", "du", "van", "von", "der", "la", "-", "."}
_MENTION = re.compile(r"\((\d+)-([a-z]+)-([^()]*)(\))?|(\d+)\)")


@dataclass
class Sentence:
    words: list[str] = field(default_factory=list)
    spaces: list[bool] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    pos: list[str] = field(default_factory=list)
    heads: list[int] = field(default_factory=list)  # absolute index, self for root
    deps: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int, str]] = field(default_factory=list)  # start, end (excl.), type


def read_conllu(path: Path) -> list[list[Sentence]]:
    """Documents (``# newdoc``) of ``path``, each a list of sentences."""
    docs: list[list[Sentence]] = []
    sent: Sentence | None = None
    open_mentions: dict[str, list[tuple[int, str]]] = {}
    mwt_end, mwt_space = 0, True
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newdoc") or (not docs and line.startswith("#")):
            if line.startswith("# newdoc") or not docs:
                docs.append([])
            continue
        if line.startswith("#"):
            continue
        if not line.strip():
            if sent is not None and sent.words:
                docs[-1].append(sent)
            sent, open_mentions, mwt_end = None, {}, 0
            continue
        cols = line.split("\t")
        if sent is None:
            sent = Sentence()
        if "." in cols[0]:  # empty node of enhanced UD
            continue
        misc = cols[9]
        if "-" in cols[0]:  # multiword token: words split it, spacing from the range
            mwt_end = int(cols[0].split("-")[1])
            mwt_space = "SpaceAfter=No" not in misc
            continue
        i = int(cols[0])
        if i <= mwt_end:
            space = mwt_space if i == mwt_end else False
        else:
            space = "SpaceAfter=No" not in misc
        sent.words.append(cols[1])
        sent.spaces.append(space)
        sent.tags.append(cols[4])
        sent.pos.append(cols[3])
        sent.heads.append(int(cols[6]) - 1 if cols[6] != "0" else i - 1)
        sent.deps.append("ROOT" if cols[7] == "root" else cols[7])
        for item in misc.split("|"):
            if item.startswith("Entity="):
                _read_mentions(item[7:], i - 1, sent, open_mentions)
    if sent is not None and sent.words:
        docs[-1].append(sent)
    return [d for d in docs if d]


def _read_mentions(value: str, index: int, sent: Sentence, open_: dict) -> None:
    for m in _MENTION.finditer(value):
        if m.group(1):
            if m.group(4):
                sent.mentions.append((index, index + 1, m.group(2)))
            else:
                open_.setdefault(m.group(1), []).append((index, m.group(2)))
        elif open_.get(m.group(5)):
            start, etype = open_[m.group(5)].pop()
            sent.mentions.append((start, index + 1, etype))


def name_spans(sent: Sentence) -> list[tuple[int, int, str]]:
    """Named mentions of the kept types, outermost first, not overlapping."""
    found = []
    for start, end, etype in sent.mentions:
        if etype not in LABELS:
            continue
        heads = [i for i in range(start, end) if not start <= sent.heads[i] < end or sent.heads[i] == i]
        if len(heads) != 1 or sent.pos[heads[0]] != "PROPN":
            continue
        found.append((*_name_run(sent, heads[0], start, end, etype == "organization"), LABELS[etype]))
    found.sort(key=lambda s: (s[0] - s[1], s[0]))
    kept: list[tuple[int, int, str]] = []
    for s in found:
        if all(s[1] <= k[0] or s[0] >= k[1] for k in kept):
            kept.append(s)
    return sorted(kept)


def _name_run(sent: Sentence, head: int, start: int, end: int, org: bool) -> tuple[int, int]:
    # "and" joins words of an organisation's name ("Aeronautics and Space"), but
    # two people or places elsewhere ("Paul Menzies and Alexander Livingston").
    joiners = JOINERS if org else JOINERS - {"and"}

    def part(i: int) -> bool:
        w = sent.words[i]
        return (w[:1].isupper() or w[:1].isdigit() or w in joiners) and sent.pos[i] != "DET"

    lo = head
    # a possessive before the name belongs to another one ("London 's Academy")
    while lo - 1 >= start and part(lo - 1) and sent.words[lo - 1] not in ("'s", "’s"):
        lo -= 1
    hi = head + 1
    while hi < end and part(hi):
        hi += 1
    while lo < head and sent.words[lo] in JOINERS:
        lo += 1
    while hi - 1 > head and sent.words[hi - 1] in JOINERS - {"."}:
        hi -= 1
    return lo, hi


def to_doc(vocab: Vocab, sents: list[Sentence], with_entities: bool) -> Doc:
    """One Doc of a whole document; entities set (others "O") only if ``with_entities``."""
    words, spaces, tags, pos, heads, deps, starts = [], [], [], [], [], [], []
    ents = []
    for s in sents:
        off = len(words)
        words += s.words
        spaces += s.spaces
        spaces[-1] = True
        tags += s.tags
        pos += s.pos
        heads += [h + off for h in s.heads]
        deps += s.deps
        starts += [True] + [False] * (len(s.words) - 1)
        ents += [(a + off, b + off, label) for a, b, label in name_spans(s)] if with_entities else []
    doc = Doc(vocab, words=words, spaces=spaces, tags=tags, pos=pos, heads=heads, deps=deps,
              sent_starts=starts)
    if with_entities:
        doc.set_ents([Span(doc, a, b, label=label) for a, b, label in ents], default="outside")
    return doc
