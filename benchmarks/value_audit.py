"""Audit of the tagger's value disagreements on TimeBank and AQUAINT, against a hand-labelled list.

Every gold TIMEX3 the tagger finds (relaxed match) but normalizes differently is a *value
disagreement*. `benchmarks/data/value_audit.tsv` labels each one: `system` (our error),
`gold-inconsistent`, `gold-malformed`, `dct-wrong` or `ambiguous` (see the TSV's header). This
script tags the corpus exactly as benchmarks/tag_quality.py does (news mode, DCT as reference),
joins the current disagreements to the TSV on (doc, gold_start, gold_end) and prints:

- the count per category of the disagreements that are still there;
- "unlabelled": disagreements with no TSV row (new errors after a tagger change), in full;
- "fixed": TSV rows that are no longer disagreements, counted per category;
- "changed": TSV rows still in disagreement whose system value is not the one labelled;
- the value F1 the tagger would reach if every current `system` error were fixed and nothing
  else changed, and if the `ambiguous` ones were fixed too.

    python benchmarks/value_audit.py                    # the summary above
    python benchmarks/value_audit.py --list system      # the rows of one category, with context
    python benchmarks/value_audit.py --write-missing    # append unlabelled rows to the TSV
    python benchmarks/value_audit.py --gold-shapes "(the )?last week"
        # evidence for `gold-inconsistent`: how the gold writes the value of every TIMEX3 whose
        # text (lower case) matches the pattern, by value shape, against the system's value

Data: $TIMELINE_TIMEML_DIR or ../shared/data/timebank-aquaint beside the checkout.
"""

from __future__ import annotations

import argparse
import collections
import csv
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from corpus import PARTS, tagged_timeml  # benchmarks/corpus.py: the corpus as the tests find it

HERE = Path(__file__).resolve().parent
TSV = HERE / "data" / "value_audit.tsv"
COLUMNS = ("doc", "gold_start", "gold_end", "text", "gold_type", "gold_value", "system_value",
           "category", "reason")
CATEGORIES = ("system", "gold-inconsistent", "gold-malformed", "dct-wrong", "ambiguous")
UNLABELLED = "unlabelled"


@dataclass
class Row:
    doc: str
    gold_start: int
    gold_end: int
    text: str
    gold_type: str
    gold_value: str
    system_value: str
    category: str
    reason: str

    @property
    def key(self) -> tuple[str, int, int]:
        return (self.doc, self.gold_start, self.gold_end)

    def tsv(self) -> str:
        cells = [self.doc, str(self.gold_start), str(self.gold_end), self.text, self.gold_type,
                 self.gold_value, self.system_value, self.category, self.reason]
        return "\t".join(_clean(c) for c in cells)


def _clean(cell: str) -> str:
    # One row per line and no stray columns: the TSV must stay readable by csv and by eye.
    return " ".join(cell.replace("\t", " ").split()) if cell.strip() else cell.replace("\t", " ")


def read_tsv(path: Path = TSV) -> list[Row]:
    """The labelled rows; `#` lines are comments, the first other line is the header."""
    if not path.exists():
        return []
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader, None)
    if header is None:
        return []
    if tuple(header) != COLUMNS:
        raise SystemExit(f"{path}: header is {header}, expected {list(COLUMNS)}")
    rows = []
    for n, cells in enumerate(reader, start=2):
        if len(cells) != len(COLUMNS):
            raise SystemExit(f"{path}: data line {n} has {len(cells)} cells, expected {len(COLUMNS)}")
        d = dict(zip(COLUMNS, cells))
        rows.append(Row(d["doc"], int(d["gold_start"]), int(d["gold_end"]), d["text"],
                        d["gold_type"], d["gold_value"], d["system_value"], d["category"],
                        d["reason"]))
    return rows


@dataclass
class Run:
    """The corpus as tag_quality.py measures it: gold, system output, texts and DCTs by doc."""

    gold: dict
    system: dict
    texts: dict
    dcts: dict


def run_tagger() -> Run:
    run = Run({}, {}, {}, {})
    for _, key, doc, found in tagged_timeml(PARTS, "news"):
        run.gold[key], run.system[key] = doc.timexes, found
        run.texts[key], run.dcts[key] = doc.text, doc.dct
    return run


def value_errors(run: Run) -> dict:
    """(doc, gold_start, gold_end) -> Error for every relaxed match with a different value."""
    from timeline.evaluate import errors

    return {(e.doc_id, e.gold.start, e.gold.end): e
            for e in errors(run.gold, run.system, run.texts) if e.kind == "value"}


def f1_with(scores, extra_correct: int) -> float:
    """Value F1 when `extra_correct` more relaxed matches get the right value: the TE3 value
    F1 is 2 * correct / (gold + system), so spans and counts stay as they are."""
    total = scores.gold + scores.system
    return 2 * (scores.value_correct + extra_correct) / total if total else 1.0


def _row_of(e, category: str = UNLABELLED, reason: str = "") -> Row:
    g, s = e.gold, e.system
    return Row(e.doc_id, g.start, g.end, g.text, g.type, g.value, s.value, category, reason)


def summary(run: Run, rows: list[Row], out=sys.stdout) -> dict:
    from timeline.evaluate import score

    current = value_errors(run)
    by_key = {r.key: r for r in rows}
    labelled = {k: by_key[k] for k in current if k in by_key and by_key[k].category != UNLABELLED}
    unlabelled = [e for k, e in current.items() if k not in labelled]
    fixed = [r for r in rows if r.key not in current]
    changed = [(r, current[r.key]) for r in rows
               if r.key in current and current[r.key].system.value != r.system_value]
    per_cat = collections.Counter(r.category for r in labelled.values())
    fixed_cat = collections.Counter(r.category for r in fixed)
    s = score(run.gold, run.system)

    p = lambda *a: print(*a, file=out)  # noqa: E731 - one short name for many prints
    p(f"value F1 now {s.value_f1:.3f}  ({s.value_correct} of {s.relaxed} relaxed matches right; "
      f"{s.gold} gold, {s.system} system)")
    per_part = {part: collections.Counter(r.category for r in labelled.values()
                                          if r.doc.startswith(part + "/")) for part in PARTS}
    p(f"{len(current)} value disagreements now, {len(labelled)} labelled:"
      f"{'':4}" + "".join(f"{part:>10}" for part in PARTS))
    for cat in CATEGORIES:
        p(f"  {cat:18}{per_cat[cat]:5d}" + "".join(f"{per_part[part][cat]:10d}" for part in PARTS))
    for cat in sorted(set(per_cat) - set(CATEGORIES)):
        p(f"  {cat:18}{per_cat[cat]:5d}   (not an allowed category)")
    p(f"  {UNLABELLED:18}{len(unlabelled):5d}")
    if_system = f1_with(s, per_cat["system"])
    if_ambiguous = f1_with(s, per_cat["system"] + per_cat["ambiguous"])
    p(f"\nvalue F1 if every `system` error were fixed:           {if_system:.3f}")
    p(f"value F1 if the `ambiguous` ones were fixed as well:    {if_ambiguous:.3f}")
    gold_side = per_cat["gold-inconsistent"] + per_cat["gold-malformed"] + per_cat["dct-wrong"]
    p(f"value F1 against a gold with its {gold_side} inconsistent/malformed/dct-wrong values "
      f"corrected: {f1_with(s, gold_side):.3f} (system errors left as they are)")
    p(f"\nfixed since labelling (TSV rows no longer in disagreement): {len(fixed)}"
      + ("  (" + ", ".join(f"{c} {n}" for c, n in fixed_cat.most_common()) + ")" if fixed else ""))
    for r in fixed:
        p(f"  {r.category:18}{r.doc} {r.gold_start}-{r.gold_end} {r.text!r} gold {r.gold_value} "
          f"(was {r.system_value})")
    if changed:
        p(f"\nchanged: {len(changed)} rows still disagree, with another system value")
        for r, e in changed:
            p(f"  {r.doc} {r.gold_start}-{r.gold_end} {r.text!r} gold {r.gold_value}: "
              f"labelled with {r.system_value} ({r.category}), now {e.system.value}")
    if unlabelled:
        p(f"\nunlabelled: {len(unlabelled)}")
        for e in unlabelled:
            p(f"  {e.doc_id} {e.gold.start}-{e.gold.end} DCT {run.dcts.get(e.doc_id)}  "
              f"{e.gold.text!r} gold {e.gold.type} {e.gold.value}  system {e.system.type} "
              f"{e.system.value} ({e.system.text!r})\n      …{e.context}…")
    return {"current": current, "labelled": labelled, "unlabelled": unlabelled, "fixed": fixed,
            "changed": changed, "per_category": per_cat, "scores": s,
            "f1_if_system": if_system, "f1_if_ambiguous": if_ambiguous,
            "f1_gold_corrected": f1_with(s, gold_side)}


def write_missing(unlabelled, path: Path = TSV) -> int:
    """Append unlabelled disagreements as `unlabelled` rows (skipping keys already present)."""
    present = {r.key for r in read_tsv(path)}
    new = [_row_of(e) for e in unlabelled]
    new = [r for r in new if r.key not in present]
    if not path.exists():
        path.write_text("\t".join(COLUMNS) + "\n", encoding="utf-8")
    with open(path, "a", encoding="utf-8") as f:
        for r in new:
            f.write(r.tsv() + "\n")
    return len(new)


def _shape(value: str) -> str:
    # Digits stand for any digit, so '1989-W43' and '1998-W02' count as one convention.
    return re.sub(r"\d", "n", value)


def _relation(value: str, dct) -> str:
    from timeline.timex.values import value_span

    span = value_span(value) if dct else None
    if span is None:
        return ""
    first, last, _ = span
    return "before DCT" if last < dct else "after DCT" if first > dct else "holds DCT"


def gold_shapes(run: Run, pattern: str, out=sys.stdout, examples: int = 3) -> collections.Counter:
    """How the gold normalizes every TIMEX3 whose lower-cased text fully matches `pattern`:
    counts by value shape (and relation to the DCT), and how often the system agrees."""
    from timeline.evaluate import match

    rx = re.compile(pattern)
    shapes: collections.Counter = collections.Counter()
    agree: collections.Counter = collections.Counter()
    seen: dict = collections.defaultdict(list)
    for doc, g_list in run.gold.items():
        s_list = run.system.get(doc, [])
        pairs = dict(match(g_list, s_list))
        for i, g in enumerate(g_list):
            text = " ".join(g.text.lower().split()).strip(" .,;:'\"`")
            if not rx.fullmatch(text):
                continue
            rel = _relation(g.value, run.dcts.get(doc))
            key = f"{g.type} {_shape(g.value)}" + (f" ({rel})" if rel else "")
            shapes[key] += 1
            j = pairs.get(i)
            agree[key] += j is not None and s_list[j].value == g.value
            if len(seen[key]) < examples:
                seen[key].append(f"{doc} {g.start} {g.text!r}={g.value}")
    total = sum(shapes.values())
    print(f"{total} gold TIMEX3 match {pattern!r}:", file=out)
    for key, n in shapes.most_common():
        print(f"  {n:4d}x {key:40} system agrees {agree[key]}/{n}   e.g. "
              + "; ".join(seen[key]), file=out)
    return shapes


def list_category(rows: list[Row], category: str, current: dict, out=sys.stdout) -> None:
    for r in rows:
        if r.category != category:
            continue
        e = current.get(r.key)
        now = f"now {e.system.value}" if e else "FIXED"
        print(f"{r.doc} {r.gold_start}-{r.gold_end} {r.text!r} gold {r.gold_value} system "
              f"{r.system_value} ({now})\n    {r.reason}", file=out)
        if e:
            print(f"    …{e.context}…", file=out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tsv", type=Path, default=TSV, help=f"labels (default {TSV})")
    ap.add_argument("--write-missing", action="store_true",
                    help="append unlabelled disagreements to the TSV as `unlabelled` rows")
    ap.add_argument("--list", metavar="CATEGORY", help="print the rows of one category")
    ap.add_argument("--gold-shapes", metavar="REGEX",
                    help="value shapes the gold gives to TIMEX3 whose lower-cased text matches")
    args = ap.parse_args(argv)

    run = run_tagger()
    if args.gold_shapes:
        gold_shapes(run, args.gold_shapes)
        return 0
    rows = read_tsv(args.tsv)
    if args.list:
        list_category(rows, args.list, value_errors(run))
        return 0
    result = summary(run, rows)
    if args.write_missing:
        n = write_missing(result["unlabelled"], args.tsv)
        print(f"\nappended {n} unlabelled rows to {args.tsv}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
