"""TempEval-3 entity metrics for time expressions, computed as the official TE3 toolkit
(UzZaman et al., 2013, `evaluate_entities.py` after `TimeML-Normalizer`) computes them:

- gold and system TIMEX3 are paired one-to-one when their extents overlap (the toolkit's
  normalizer gives overlapping entities one id); a pair is a *relaxed* match, and a *strict*
  match when both cover exactly the same characters (white space at the ends aside: the
  toolkit compares tokens);
- precision = matches / system timexes, recall = matches / gold timexes, F1 their harmonic
  mean, for strict and relaxed matching; counts are summed over all documents first (micro);
- attribute F1 (`value`, `type`) = (attribute correct over relaxed matches / relaxed matches)
  x relaxed F1, which equals 2 * correct / (gold + system).

The DCT is not scored (the toolkit skips `t0`); only TIMEX3 inside <TEXT> count.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from timeline.errors import DocumentError
from timeline.timex.model import Timex

log = logging.getLogger(__name__)

CONTEXT = 60


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Scores:
    """Summed counts over a set of documents and the TE3 figures derived from them."""

    docs: int = 0
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value_correct: int = 0
    type_correct: int = 0

    def __add__(self, other: "Scores") -> "Scores":
        return Scores(*(getattr(self, f) + getattr(other, f) for f in _COUNTS))

    @property
    def strict_precision(self) -> float:
        return self.strict / self.system if self.system else 0.0

    @property
    def strict_recall(self) -> float:
        return self.strict / self.gold if self.gold else 0.0

    @property
    def strict_f1(self) -> float:
        if not self.gold and not self.system:
            return 1.0  # nothing to find and nothing found, as the toolkit scores it
        return _f1(self.strict_precision, self.strict_recall)

    @property
    def relaxed_precision(self) -> float:
        return self.relaxed / self.system if self.system else 0.0

    @property
    def relaxed_recall(self) -> float:
        return self.relaxed / self.gold if self.gold else 0.0

    @property
    def relaxed_f1(self) -> float:
        if not self.gold and not self.system:
            return 1.0
        return _f1(self.relaxed_precision, self.relaxed_recall)

    @property
    def value_accuracy(self) -> float:
        return self.value_correct / self.relaxed if self.relaxed else 0.0

    @property
    def type_accuracy(self) -> float:
        return self.type_correct / self.relaxed if self.relaxed else 0.0

    @property
    def value_f1(self) -> float:
        if not self.gold and not self.system:
            return 1.0
        return self.value_accuracy * self.relaxed_f1

    @property
    def type_f1(self) -> float:
        if not self.gold and not self.system:
            return 1.0
        return self.type_accuracy * self.relaxed_f1

    def as_dict(self) -> dict[str, float | int]:
        out: dict[str, float | int] = {f: getattr(self, f) for f in _COUNTS}
        for name in ("strict_precision", "strict_recall", "strict_f1", "relaxed_precision",
                     "relaxed_recall", "relaxed_f1", "value_f1", "type_f1", "value_accuracy",
                     "type_accuracy"):
            out[name] = getattr(self, name)
        return out

    def report(self, title: str = "TIMEX3") -> str:
        """The figures as a small plain-text table, as `timeline evaluate` prints them."""
        return "\n".join([
            f"=== {title}: {self.docs} documents, {self.gold} gold, {self.system} system ===",
            f"{'':14}{'P':>8}{'R':>8}{'F1':>8}",
            f"{'strict':14}{self.strict_precision:8.3f}{self.strict_recall:8.3f}{self.strict_f1:8.3f}",
            f"{'relaxed':14}{self.relaxed_precision:8.3f}{self.relaxed_recall:8.3f}{self.relaxed_f1:8.3f}",
            f"{'attribute F1':14}{'value':>8}{'type':>8}",
            f"{'':14}{self.value_f1:8.3f}{self.type_f1:8.3f}",
        ])


_COUNTS = ("docs", "gold", "system", "strict", "relaxed", "value_correct", "type_correct")


def _extent(t: Timex) -> tuple[int, int]:
    # The toolkit compares tokens, so white space at either end of a span changes nothing.
    return (t.start + len(t.text) - len(t.text.lstrip()), t.end - len(t.text) + len(t.text.rstrip()))


def same_extent(a: Timex, b: Timex) -> bool:
    """True when both spans cover the same characters (a strict match), ignoring white space
    at their ends."""
    return _extent(a) == _extent(b)


def _overlap(a: Timex, b: Timex) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def match(gold: list[Timex], system: list[Timex]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, system index) of overlapping timexes: exact extents first,
    then the largest overlap, then the closest start, so one long system span that covers two
    gold spans is credited once."""
    candidates = []
    for i, g in enumerate(gold):
        for j, s in enumerate(system):
            ov = _overlap(g, s)
            if ov > 0:
                exact = same_extent(g, s)
                candidates.append((not exact, -ov, abs(g.start - s.start), i, j))
    candidates.sort()
    used_g: set[int] = set()
    used_s: set[int] = set()
    pairs = []
    for *_, i, j in candidates:
        if i not in used_g and j not in used_s:
            used_g.add(i)
            used_s.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def _consuming(timexes: list[Timex]) -> list[Timex]:
    # The toolkit ignores entities with no text; they mark nothing a reader could find.
    return [t for t in timexes if t.end > t.start and t.text.strip()]


def score_document(gold: list[Timex], system: list[Timex]) -> Scores:
    gold, system = _consuming(gold), _consuming(system)
    s = Scores(docs=1, gold=len(gold), system=len(system))
    for i, j in match(gold, system):
        g, t = gold[i], system[j]
        s.relaxed += 1
        s.strict += same_extent(g, t)
        s.value_correct += g.value == t.value
        s.type_correct += g.type == t.type
    return s


def score(gold: dict[str, list[Timex]], system: dict[str, list[Timex]]) -> Scores:
    """TE3 scores of `system` against `gold`, both keyed by document id. A document missing
    from `system` counts as tagged with nothing; one missing from `gold` is an error (its
    system timexes could be neither right nor wrong)."""
    extra = sorted(set(system) - set(gold))
    if extra:
        raise DocumentError(extra[0], f"system output for {len(extra)} document(s) with no gold "
                                      "annotation; score the same set of documents")
    total = Scores()
    for doc_id, g in gold.items():
        total = total + score_document(g, system.get(doc_id, []))
    return total


@dataclass(frozen=True)
class Error:
    """One disagreement: kind is "missed" (gold not found), "spurious" (system not in gold),
    "span" (overlap, not the same extent), "value" or "type" (relaxed match, wrong attribute)."""

    kind: str
    doc_id: str
    gold: Timex | None
    system: Timex | None
    context: str = ""

    def line(self) -> str:
        def show(t: Timex | None) -> str:
            return f"{t.text!r} {t.type} {t.value}" if t else "-"
        return f"{self.kind:9} {self.doc_id}  gold: {show(self.gold)}  system: {show(self.system)}" + (
            f"\n          …{self.context}…" if self.context else "")


def _context(text: str | None, a: int, b: int, width: int = CONTEXT) -> str:
    if not text:
        return ""
    left = text[max(0, a - width // 2):a]
    right = text[b:b + width // 2]
    snippet = f"{left}[{text[a:b]}]{right}"
    return " ".join(snippet.split())


def errors(gold: dict[str, list[Timex]], system: dict[str, list[Timex]],
           texts: dict[str, str] | None = None) -> list[Error]:
    """Every miss, spurious timex, partial span and wrong value/type, in document and text
    order, each with about 60 characters of context when `texts` (doc id -> text) is given.
    A pair with a wrong span and a wrong value is listed once per problem."""
    texts = texts or {}
    out: list[Error] = []
    for doc_id in gold:
        g_list, s_list = _consuming(gold[doc_id]), _consuming(system.get(doc_id, []))
        text = texts.get(doc_id)
        pairs = match(g_list, s_list)
        found = []
        for i, j in pairs:
            g, s = g_list[i], s_list[j]
            a, b = min(g.start, s.start), max(g.end, s.end)
            ctx = _context(text, a, b)
            if not same_extent(g, s):
                found.append((a, Error("span", doc_id, g, s, ctx)))
            if g.value != s.value:
                found.append((a, Error("value", doc_id, g, s, ctx)))
            if g.type != s.type:
                found.append((a, Error("type", doc_id, g, s, ctx)))
        matched_g = {i for i, _ in pairs}
        matched_s = {j for _, j in pairs}
        found += [(g.start, Error("missed", doc_id, g, None, _context(text, g.start, g.end)))
                  for i, g in enumerate(g_list) if i not in matched_g]
        found += [(s.start, Error("spurious", doc_id, None, s, _context(text, s.start, s.end)))
                  for j, s in enumerate(s_list) if j not in matched_s]
        out += [e for _, e in sorted(found, key=lambda x: x[0])]
    return out


@dataclass
class DirPair:
    """Gold and system annotations read from two folders of TimeML files matched by name."""

    gold: dict[str, list[Timex]] = field(default_factory=dict)
    system: dict[str, list[Timex]] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)  # gold files with no system file
    extra: list[str] = field(default_factory=list)    # system files with no gold file (unscored)


def read_dirs(gold_dir: str | os.PathLike, system_dir: str | os.PathLike) -> DirPair:
    """Read every `*.tml` in `gold_dir` and the file of the same name in `system_dir`. A gold
    file with no system file is scored as tagged with nothing and listed in `missing`; a
    system file whose text differs from the gold text is an error, as in the TE3 toolkit.
    Two files (gold, system) are read as one pair whatever their names."""
    from timeline.timeml import read_timeml

    gdir, sdir = Path(gold_dir), Path(system_dir)
    if gdir.is_file() and sdir.is_file():
        return _read_file_pair(gdir, sdir)
    for d, what in ((gdir, "gold"), (sdir, "system")):
        if not d.is_dir():
            raise DocumentError(str(d), f"the {what} folder does not exist")
    gold_files = sorted(p for p in gdir.rglob("*") if p.is_file() and p.suffix.lower() in (".tml", ".xml"))
    if not gold_files:
        raise DocumentError(str(gdir), "no .tml files in the gold folder")
    pair = DirPair()
    for gpath in gold_files:
        rel = gpath.relative_to(gdir)
        key = str(rel)
        g = read_timeml(gpath)
        pair.gold[key] = g.timexes
        pair.texts[key] = g.text
        spath = sdir / rel
        if not spath.is_file():
            log.warning("no system file for %s", rel)
            pair.missing.append(key)
            continue
        s = read_timeml(spath)
        if s.text != g.text:
            raise DocumentError(str(spath), f"its <TEXT> differs from the gold file {gpath}; the "
                                            "system may only add TIMEX3 tags")
        pair.system[key] = s.timexes
    pair.extra = sorted(str(p.relative_to(sdir)) for p in sdir.rglob("*")
                        if p.is_file() and p.suffix.lower() in (".tml", ".xml")
                        and str(p.relative_to(sdir)) not in pair.gold)
    for name in pair.extra:
        log.warning("system file %s has no gold file; not scored", name)
    return pair


def _read_file_pair(gpath: Path, spath: Path) -> DirPair:
    from timeline.timeml import read_timeml

    g, s = read_timeml(gpath), read_timeml(spath)
    if s.text != g.text:
        raise DocumentError(str(spath), f"its <TEXT> differs from the gold file {gpath}; the "
                                        "system may only add TIMEX3 tags")
    return DirPair(gold={gpath.name: g.timexes}, system={gpath.name: s.timexes},
                   texts={gpath.name: g.text})


def score_dirs(gold_dir: str | os.PathLike, system_dir: str | os.PathLike) -> Scores:
    """TE3 scores of the TimeML files in `system_dir` against those of the same name in
    `gold_dir` (see `read_dirs`)."""
    pair = read_dirs(gold_dir, system_dir)
    return score(pair.gold, pair.system)
