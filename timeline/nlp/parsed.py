"""``parse()``: spaCy's analysis turned into plain data."""
from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from timeline.nlp.model_io import load, upos_table
from timeline.nlp.repair import repair


class Token(NamedTuple):
    start: int
    end: int
    text: str
    tag: str  # Penn Treebank
    pos: str  # Universal POS
    dep: str  # Universal Dependencies label, "ROOT" for a root
    head: int  # index of the head token; a root is its own head
    ent_iob: str  # "B", "I" or "O"
    ent_type: str  # "PERSON", "ORG", "PLACE" or ""


class Entity(NamedTuple):
    start: int  # character offsets
    end: int
    label: str
    first: int  # token indexes: tokens[first:last]
    last: int


@dataclass(frozen=True, slots=True)
class Parsed:
    text: str
    tokens: tuple[Token, ...]
    entities: tuple[Entity, ...]

    def children(self, i: int) -> list[int]:
        return [j for j, t in enumerate(self.tokens) if t.head == i and j != i]

    def subtree(self, i: int) -> tuple[int, int]:
        """Token range ``(first, last)`` (exclusive) covered by ``i`` and its dependents."""
        lo = hi = i
        todo = [i]
        while todo:
            k = todo.pop()
            lo, hi = min(lo, k), max(hi, k)
            todo.extend(self.children(k))
        return lo, hi + 1


def parse(texts: list[str], batch_size: int = 256, names: bool = True) -> list[Parsed]:
    """Tag, parse and find names in each text (one sentence each, ideally). `names=False`
    skips the name finder and the UPOS rules (``entities`` empty, ``pos`` ""): twice as fast,
    for callers that read only tags and dependencies."""
    nlp = load()
    if names:
        return [_plain(doc) for doc in nlp.pipe(texts, batch_size=batch_size)]
    skip = [name for name in ("ner", "attribute_ruler") if name in nlp.pipe_names]
    with nlp.select_pipes(disable=skip):
        return [_plain(doc) for doc in nlp.pipe(texts, batch_size=batch_size)]


def _plain(doc) -> Parsed:
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, LENGTH, TAG

    strings = doc.vocab.strings
    rows = doc.to_array([IDX, LENGTH, TAG, DEP, HEAD, ENT_IOB, ENT_TYPE]).tolist()
    text = doc.text
    # spaCy makes a token of extra whitespace ("two  spaces", a line break); callers
    # want words only, so those go and heads/entities are renumbered.
    keep = [i for i, (s, n, *_) in enumerate(rows) if not text[s:s + n].isspace()]
    new = {old: i for i, old in enumerate(keep)}
    iob = ("O", "I", "O", "B")
    tokens = []
    for old in keep:
        s, n, tag, dep, head, e_iob, e_type = rows[old]
        h, seen = old + _signed(head), {old}
        while h not in new and h not in seen:  # a head on a space token: climb past it
            seen.add(h)
            h += _signed(rows[h][4])
        head_new = new.get(h, new[old])
        dep_name = "ROOT" if head_new == new[old] else _name(strings, dep)
        word, tag = text[s:s + n], _name(strings, tag)
        tokens.append(Token(s, s + n, word, tag, _upos(tag, word), dep_name, head_new, iob[e_iob],
                            _name(strings, e_type)))
    tokens = repair(tokens)
    entities = []
    for e in doc.ents:
        inside = [new[i] for i in range(e.start, e.end) if i in new]
        entities.append(Entity(tokens[inside[0]].start, tokens[inside[-1]].end, e.label_, inside[0], inside[-1] + 1))
    return Parsed(text, tuple(tokens), tuple(entities))


def _upos(tag: str, word: str) -> str:
    by_tag, by_word = upos_table()
    return by_word.get(f"{tag} {word.lower()}") or by_tag.get(tag, "X")


def _name(strings, key: int) -> str:
    return strings[key] if key else ""


def _signed(value: int) -> int:
    # to_array gives uint64; HEAD is a signed offset from the token
    return value - (1 << 64) if value >= 1 << 63 else value


# Dependency labels of a noun phrase's head (UD), as spaCy's English chunker
# uses for its own label set.
_CHUNK_DEPS = frozenset({
    "nsubj", "nsubj:pass", "nsubj:outer", "obj", "iobj", "obl", "obl:agent", "obl:tmod",
    "obl:npmod", "obl:unmarked", "nmod", "nmod:poss", "appos", "ROOT", "dislocated", "vocative",
})
_CHUNK_POS = frozenset({"NOUN", "PROPN", "PRON"})
# In UD the preposition, conjunction and punctuation hang on the noun; a chunk leaves them out.
_NOT_IN_CHUNK = frozenset({"case", "cc", "punct", "mark"})
# A name's later words hang on its first ("McDonnell" <-flat- "Douglas").
_NAME_TAIL = frozenset({"flat", "fixed", "goeswith"})


def noun_chunks(parsed: Parsed) -> list[tuple[int, int]]:
    """Base noun phrases as token ranges ``(first, last)`` (exclusive), left to right.

    A chunk is a noun with what depends on it from the left ("the Standard &
    Poor's 500", "6,000 job cuts") and the rest of a name after it ("McDonnell
    Douglas"); a phrase after the noun ("of America") is a chunk of its own, as
    in spaCy's English chunker.
    """
    toks = parsed.tokens
    left: list[list[int]] = [[] for _ in toks]
    tail: list[list[int]] = [[] for _ in toks]
    for j, t in enumerate(toks):
        if t.head > j and t.dep not in _NOT_IN_CHUNK:
            left[t.head].append(j)
        elif t.head < j and t.dep in _NAME_TAIL:
            tail[t.head].append(j)

    def left_edge(i: int) -> int:
        while left[i]:
            i = min(left[i])
        return i

    def right_edge(i: int) -> int:
        while tail[i] and max(tail[i]) > i:
            i = max(tail[i])
        return i

    chunks: list[tuple[int, int]] = []
    prev_end = -1
    for i, t in enumerate(toks):
        if t.pos not in _CHUNK_POS:
            continue
        if t.dep in _CHUNK_DEPS or (t.dep == "conj" and toks[t.head].dep in _CHUNK_DEPS):
            first = left_edge(i)
            if first <= prev_end:
                continue
            prev_end = right_edge(i)
            chunks.append((first, prev_end + 1))
    return chunks
