"""Sentences with character offsets, for news text as it comes (headlines, captions, quotes,
hard-wrapped wire copy, a `date 2025-02-04` header glued to the first line).

`doc.text[s.start:s.end] == s.text` holds for every sentence returned.
"""

from __future__ import annotations

import re
import statistics
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# A sentence may end after . ! ? (possibly "..." or "?!") and any closing quotes/brackets.
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)")
# Metadata header glued to the text ("date 2025-02-04 US Secretary ..."): not prose.
_HEADER = re.compile(r"^\s*(?:date|published|updated|dateline)\s*:?\s*\d{4}-\d{2}-\d{2}(?:[T ][\d:]+)?\s+",
                     re.IGNORECASE)
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_WORD_BEFORE = re.compile(r"([\w.’'-]+)$")
_NEXT_WORD = re.compile(r"\s+([\"'“‘(\[]*)(\S+)")
_TERMINAL = re.compile(r"[.!?…:][\"'”’)\]]*\s*$")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    # A line that does not end like a sentence (headline, caption credit, related-link teaser):
    # not prose a journalist would cite as a happening unless it is the document's title.
    fragment: bool = False
    index: int = 0


def happened_verbs() -> list[str]:
    """Verbs that say their subject happened ("occurred", "took place"), from sentences.toml."""
    return _data()["happened_verbs"]


def occasions() -> frozenset:
    """Nouns of an occasion a happening takes place at ("media event", "news conference")."""
    return frozenset(_data()["occasions"])


def periods() -> frozenset:
    """Nouns of a stretch of time ("the Christmas sales period", "the 2005 holiday season")."""
    return frozenset(_data()["periods"])


# after a date: another named day joined to it ("Christmas and New Year"), then lower-case words
_TO_PERIOD = re.compile(r"(?:\s+(?:and|or)(?:\s+[A-Z][\w.'’]*)+)?((?:[\s-]+[a-z]+){1,3})")


def period_after(after: str) -> bool:
    """True when one of the three words after a date is a noun of a stretch of time: "Christmas
    [and New Year sales period]", "2005 [holiday season]", "summer [months]"."""
    m = _TO_PERIOD.match(after)
    return bool(m) and any(w in periods() for w in re.split(r"[\s-]+", m.group(1).strip()))


@lru_cache(maxsize=1)
def _data() -> dict:
    return tomllib.loads(resources.files("timeline.events").joinpath("data/en/sentences.toml").read_text("utf-8"))


@lru_cache(maxsize=1)
def _abbreviations() -> tuple[frozenset[str], frozenset[str]]:
    data = _data()
    return frozenset(a.lower() for a in data["abbreviations"]), frozenset(data["sentence_starters"])


@lru_cache(maxsize=1)
def _dateline() -> re.Pattern:
    return re.compile(_data()["dateline"])


def split_sentences(text: str) -> list[Sentence]:
    """Every sentence of `text` in order, with offsets into `text`."""
    spans: list[tuple[int, int, bool]] = []
    body_start = 0
    if m := _HEADER.match(text):
        body_start = m.end()
    for block_start, block_end in _blocks(text, body_start):
        for line_start, line_end in _lines(text, block_start, block_end):
            spans.extend(_split_line(text, line_start, line_end))
    return [Sentence(s, e, text[s:e], frag, i) for i, (s, e, frag) in enumerate(spans)]


def _blocks(text: str, start: int):
    """Paragraphs: runs of text between blank lines."""
    pos = start
    for m in _BLANK_LINE.finditer(text, start):
        yield pos, m.start()
        pos = m.end()
    yield pos, len(text)


def _lines(text: str, start: int, end: int):
    """Lines of a paragraph that stand alone. Hard-wrapped copy (most lines run on without
    final punctuation and have similar lengths) is one unit; otherwise every line is one."""
    lines = []
    pos = start
    for part in text[start:end].split("\n"):
        lines.append((pos, pos + len(part)))
        pos += len(part) + 1
    lines = [(s, e) for s, e in lines if text[s:e].strip()]
    if len(lines) >= 3:
        lengths = [e - s for s, e in lines]
        open_ended = sum(1 for s, e in lines[:-1] if not _TERMINAL.search(text[s:e]))
        if open_ended >= 0.5 * (len(lines) - 1) and 40 <= statistics.median(lengths) <= 110:
            yield lines[0][0], lines[-1][1]
            return
    yield from lines


def _split_line(text: str, start: int, end: int):
    abbreviations, starters = _abbreviations()
    unit = text[start:end]
    pieces = []
    pos = 0
    for m in _END.finditer(unit):
        if _is_boundary(unit, m, abbreviations, starters):
            pieces.append((pos, m.end()))
            pos = m.end()
    pieces.append((pos, len(unit)))
    out = []
    for s, e in pieces:
        chunk = unit[s:e]
        stripped = chunk.strip()
        if not stripped:
            continue
        lead = len(chunk) - len(chunk.lstrip())
        if m := _dateline().match(stripped):
            if m.end() < len(stripped):
                lead += m.end()  # the sentence starts after "CANBERRA, Australia (AP)_"
                stripped = stripped[m.end():]
        a = start + s + lead
        b = a + len(stripped)
        out.append((a, b, not _TERMINAL.search(stripped)))
    return out


def _is_boundary(unit: str, m: re.Match, abbreviations: frozenset[str], starters: frozenset[str]) -> bool:
    nxt = _NEXT_WORD.match(unit, m.end())
    if not nxt:
        return True
    quote, word = nxt.group(1), nxt.group(2)
    first = word[0]
    if first.islower() or first in ",;:)":
        return False  # "mega-prison... in exchange", "the U.S. who are"
    punct = m.group(0)
    if punct.startswith(".") and punct.rstrip("\"'”’)]") == ".":
        before = _WORD_BEFORE.search(unit, max(0, m.start() - 40), m.start())  # a window: linear time
        token = before.group(1) if before else ""
        key = (token + ".").lower()
        if first.isdigit() and key in abbreviations:
            return False  # "Jan. 20", "No. 5"
        if key in abbreviations or re.fullmatch(r"(?:[A-Za-z]\.)*[A-Za-z]", token):
            # "Mr. Rubio", "U.S. State Department", "J. Smith": not an end, unless the next
            # word is one that only starts sentences ("the U.S. He said ...").
            return bool(quote) or word.strip("\"'“‘,") in starters
    return True
