"""Dating a document from its siblings: other documents of the same story that carry a date.

1. Same story: two documents share named people and places (capitalized names, each weighted
   by how rare it is in the corpus), with a cosine similarity above a threshold and at least two
   different names in common; one shared word is never enough.
2. Same wording, same day: news tells the time of an event relative to the publication day
   ("on Monday", "last week"). When an undated document says "Monday" about the story and a
   dated sibling also says "Monday", the sibling's "Monday" is resolved against the sibling's own
   date; the same relative wording about the same happening implies the same publication day,
   so the undated document gets the sibling's date. Votes are weighted by similarity and by how
   precise the shared wording is (a weekday pins the day, "last week" only the week).
3. Otherwise: the median of the siblings' dates, weighted by similarity and by how surely each
   date is a publication day (a caption date is the pictured event's day, a lower bound), when
   they agree within a week; a story told over months gives no date.
A yearless wire dateline ("Feb. 3 (Reuters)") keeps its month and day; siblings give the year.

The result is marked `date_source="inferred"` with the reasons in `meta["inferred_from"]`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import math
import re
import tomllib
from collections import Counter, defaultdict
from functools import lru_cache
from importlib import resources

from timeline.document import Document

logger = logging.getLogger(__name__)

_POSSESSIVE = re.compile(r"['’]s$")
_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=1)
def _config() -> dict:
    with resources.files("timeline.documents").joinpath("data/siblings.toml").open("rb") as fh:
        config = tomllib.load(fh)
    config["names"]["not_names"] = frozenset(config["names"]["not_names"])
    config["names"]["connectors"] = frozenset(config["names"]["connectors"])
    config["names"]["generic"] = frozenset(config["names"]["generic"])
    config["wording"]["ignore"] = frozenset(config["wording"]["ignore"])
    return config


def names(text: str) -> set[str]:
    """Named people/places/organisations of a text as lower-cased features: every multi-word
    capitalized name ("nayib bukele", "tren de aragua") and every capitalized word that is not
    at the start of a sentence and not a common word ("bukele")."""
    cfg = _config()["names"]
    stop, connectors, generic = cfg["not_names"], cfg["connectors"], cfg["generic"]
    found: set[str] = set()
    # the regex finds runs of capitalized words (with connectors inside); lower-case text,
    # most of any article, is skipped by the regex engine, not by Python
    for match in _runs().finditer(text):
        initial = _SENTENCE_END.search(text[max(0, match.start() - 3):match.start()]) is not None
        run: list[str] = []
        pending: list[str] = []
        for position, token in enumerate(match.group(0).split()):
            key = _POSSESSIVE.sub("", token).lower().rstrip(".")
            if key in connectors and token[:1].islower():
                if run:
                    pending.append(key)
                continue
            if key in stop or _DIGIT.match(key):
                _close(run, found)
                run, pending = [], []
                continue
            run.extend(pending)
            pending = []
            run.append(key)
            if (not (position == 0 and initial) and key not in connectors and key not in generic
                    and len(key) > 1):
                found.add(key)
        _close(run, found)
    return found


_CAP = r"(?:[A-Z]\.){2,}|[A-Z][\w'’\-]*\w\.?|[A-Z]\.?"
# A capitalized word at the very start, after a sentence end, a line break, a colon or a quote.
_SENTENCE_END = re.compile(r"(?:^|[.!?:;\"“”(\[\n]\s*|[‘’']\s)$")


@lru_cache(maxsize=1)
def _runs() -> re.Pattern:
    connectors = "|".join(sorted(_config()["names"]["connectors"], key=len, reverse=True))
    return re.compile(rf"(?<![\w'’])(?:{_CAP})(?:[ \t]+(?:(?:{connectors})[ \t]+)*(?:{_CAP}))*")


def _close(run: list[str], found: set[str]) -> None:
    if len(run) >= 2:
        found.add(" ".join(run))


def similarity(a: set[str], b: set[str], idf: dict[str, float],
               norms: tuple[float, float] | None = None) -> tuple[float, list[str]]:
    """(idf-weighted cosine, distinct shared names) of two name sets; `norms` are the two
    sets' vector lengths when already known."""
    shared = a & b
    if not shared:
        return 0.0, []
    dot = sum(idf.get(n, 1.0) ** 2 for n in shared)
    norm_a, norm_b = norms or (_norm(a, idf), _norm(b, idf))
    return (dot / (norm_a * norm_b) if norm_a and norm_b else 0.0), _distinct(shared)


def _norm(names_: set[str], idf: dict[str, float]) -> float:
    return math.sqrt(sum(idf.get(n, 1.0) ** 2 for n in names_))


def _distinct(shared: set[str]) -> list[str]:
    """Shared names with the words of a shared longer name folded into it ("nayib bukele"
    and "bukele" are one name)."""
    multi = [n for n in shared if " " in n]
    words_in_multi = {w for n in multi for w in n.split()}
    singles = [n for n in shared if " " not in n and n not in words_in_multi]
    # a shorter multi-word name inside a longer one is the same name too
    kept = [n for n in multi if not any(n != m and f" {n} " in f" {m} " for m in multi)]
    return sorted(kept + singles)


def infer_dates(docs: list[Document], tag=None) -> list[Document]:
    """The same documents, in the same order; undated ones get a date from dated siblings of
    the same story when there are any (date_source "inferred"), else stay undated ("none")."""
    docs = list(docs)
    undated = [i for i, d in enumerate(docs) if d.date is None]
    dated = [i for i, d in enumerate(docs) if d.date is not None and d.date_source != "inferred"]
    if not undated or not dated:
        return docs
    cfg = _config()["similarity"]
    features = {i: names(docs[i].text) for i in undated + dated}
    df = Counter(n for feats in features.values() for n in feats)
    total = len(features)
    idf = {n: math.log((total + 1) / (c + 1)) + 1.0 for n, c in df.items()}
    cap = total if total < cfg["small_corpus"] else max(2, int(total * cfg["max_document_share"]))
    cap = min(cap, cfg["max_postings"])
    norms = {i: _norm(feats, idf) for i, feats in features.items()}
    index: dict[str, list[int]] = defaultdict(list)
    for i in dated:
        for n in features[i]:
            if df[n] <= cap:
                index[n].append(i)
    tagger = _Tags(tag)
    for i in undated:
        # inverted-index dot products over the indexed names first (linear in the postings),
        # then the exact similarity for the best few only
        partial: dict[int, float] = defaultdict(float)
        for n in features[i]:
            if df[n] <= cap:
                weight = idf[n] ** 2
                for j in index.get(n, ()):
                    partial[j] += weight
        candidates = sorted(partial, key=lambda j: (-partial[j], j))[: 5 * cfg["max_siblings"]]
        siblings = []
        for j in candidates:
            score, shared = similarity(features[i], features[j], idf, (norms[i], norms[j]))
            if score >= cfg["threshold"] and len(shared) >= cfg["min_shared_names"]:
                siblings.append((score, j, shared))
        if not siblings:
            continue
        siblings.sort(key=lambda s: (-s[0], docs[s[1]].id))
        siblings = siblings[: cfg["max_siblings"]]
        docs[i] = _infer_one(docs[i], [(s, docs[j], shared) for s, j, shared in siblings], tagger)
    return docs


def _infer_one(doc: Document, siblings: list, tagger: "_Tags") -> Document:
    evidence = [{"id": sib.id, "date": sib.date.isoformat(), "similarity": round(score, 3),
                 "shared_names": shared[:8]} for score, sib, shared in siblings]
    month_day = doc.meta.get("dateline_month_day")
    trust = _config()["date_source_weight"]
    median = _weighted_median([(sib.date, score * trust.get(sib.date_source, 1.0))
                               for score, sib, _ in siblings])
    if month_day:
        day = _nearest_with_month_day(tuple(month_day), median)
        if day is not None:
            reason = f"dateline {doc.meta.get('dateline', '')!r} with the year of its siblings"
            return _dated(doc, day, reason, evidence)
    votes: dict[dt.date, float] = defaultdict(float)
    wordings: dict[dt.date, set[str]] = defaultdict(set)
    own = tagger.wordings(doc.text, siblings[0][1].date)
    cfg = _config()["wording"]
    if own:
        for score, sib, _ in siblings:
            theirs = tagger.wordings(sib.text, sib.date)
            shared = []
            for key in own.keys() & theirs.keys():
                # the same words must be about the same happening: their sentences overlap
                overlap = max(_overlap(a, b) for a in own[key][1] for b in theirs[key][1])
                weight = cfg["weight"].get(theirs[key][0], 0.0)
                if overlap < cfg["min_context_overlap"] or weight == 0.0:
                    continue
                votes[sib.date] += score * weight * overlap
                wordings[sib.date].add(key)
                shared.append(key)
            for entry in evidence:
                if entry["id"] == sib.id:
                    entry["shared_wording"] = sorted(shared)
    if votes:
        best = max(votes, key=lambda d: (votes[d], d))
        words = ", ".join(repr(w) for w in sorted(wordings[best]))
        reason = (f"same relative wording ({words}) about the same happening as dated siblings "
                  f"published {best.isoformat()}")
        return _dated(doc, best, reason, evidence)
    sim = _config()["similarity"]
    spread = (max(sib.date for _, sib, _ in siblings) - min(sib.date for _, sib, _ in siblings)).days
    if spread > sim["max_spread_days"]:
        # A story told over weeks: its siblings' dates say little about this one's day.
        return _undated(doc, f"siblings' dates span {spread} days", evidence)
    if len(siblings) == 1 and siblings[0][0] < sim["lone_sibling_threshold"]:
        return _undated(doc, "one loosely similar sibling only", evidence)
    return _dated(doc, median, "median date of dated siblings of the same story", evidence)


def _undated(doc: Document, why: str, evidence: list) -> Document:
    logger.info("%s: left undated (%s)", doc.id, why)
    return dataclasses.replace(doc, meta={**doc.meta, "not_inferred": why, "siblings": evidence})


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _dated(doc: Document, day: dt.date, reason: str, evidence: list) -> Document:
    meta = {**doc.meta, "inferred_from": evidence, "inference": reason}
    logger.info("%s: date %s inferred (%s)", doc.id, day, reason)
    return dataclasses.replace(doc, date=day, date_source="inferred", meta=meta)


def _weighted_median(pairs: list[tuple[dt.date, float]]) -> dt.date:
    pairs = sorted(pairs)
    half = sum(w for _, w in pairs) / 2
    running = 0.0
    for day, weight in pairs:
        running += weight
        if running >= half:
            return day
    return pairs[-1][0]


def _nearest_with_month_day(month_day: tuple[int, int], near: dt.date) -> dt.date | None:
    month, day = month_day
    options = []
    for year in (near.year - 1, near.year, near.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:  # Feb 29 in a common year
            continue
    return min(options, key=lambda d: (abs((d - near).days), d)) if options else None


class _Tags:
    """Relative time wordings of a text resolved against a date, tagged once per text."""

    def __init__(self, tag=None):
        self._tag = tag
        self._cache: dict[tuple[int, dt.date], dict[str, str]] = {}

    def wordings(self, text: str, ref: dt.date) -> dict[str, tuple[str, list[frozenset[str]]]]:
        """{normalized wording: (granularity, [content words of each sentence using it])} of
        the expressions resolved against `ref` (anchored_by "document"); wordings with digits
        ("Jan. 20") say nothing of the publication day."""
        key = (id(text), ref)
        if key not in self._cache:
            self._cache[key] = self._compute(text, ref)
        return self._cache[key]

    def _compute(self, text: str, ref: dt.date) -> dict:
        tag = self._tag
        if tag is None:
            from timeline.timex import tag
        try:
            timexes = tag(text, ref_date=ref)
        except Exception as exc:  # a tagger bug must not lose the corpus
            logger.warning("tagging failed during date inference: %s", exc)
            return {}
        ignore = _config()["wording"]["ignore"]
        out: dict[str, tuple[str, list[frozenset[str]]]] = {}
        for timex in timexes:
            if timex.anchored_by != "document" or timex.type not in ("DATE", "TIME"):
                continue
            if _DIGIT.search(timex.text):
                continue
            words = [w for w in re.findall(r"[a-z]+", timex.text.lower()) if w not in ignore]
            if words:
                entry = out.setdefault(" ".join(words), (timex.granularity, []))
                entry[1].append(_context(text, timex.start, timex.end))
        return out


def _context(text: str, start: int, end: int) -> frozenset[str]:
    """Content words of the sentence around text[start:end], the time words left out."""
    left = max(text.rfind(". ", max(0, start - 300), start), text.rfind("\n", max(0, start - 300), start))
    right_candidates = [i for i in (text.find(". ", end, end + 300), text.find("\n", end, end + 300)) if i >= 0]
    right = min(right_candidates) if right_candidates else min(len(text), end + 300)
    sentence = text[max(left, start - 300, 0):start] + " " + text[end:right]
    stop = _config()["names"]["not_names"]
    return frozenset(w for w in re.findall(r"[a-z][a-z'’-]{3,}", sentence.lower()) if w not in stop)
