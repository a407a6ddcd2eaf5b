"""Tagger quality on TimeBank, AQUAINT and WikiWars with the TempEval-3 entity metrics.

Each document's <TEXT> (tags removed) is tagged with `timeline.tag`, its DCT as the reference
date, and scored against the gold TIMEX3: the news parts in news mode, WikiWars (the shared
development half of the Wikipedia war histories) in narrative mode, unless --mode says otherwise.
Prints one table row per part and, with --errors, the disagreements. Writes nothing.

    python benchmarks/tag_quality.py                      # TimeBank, AQUAINT, all
    python benchmarks/tag_quality.py --part WikiWars      # narratives (add --mode auto to compare)
    python benchmarks/tag_quality.py --part AQUAINT --errors 40
    python benchmarks/tag_quality.py --errors --kinds value,missed
    python benchmarks/tag_quality.py --by-type --top 10   # where the errors concentrate

Data: $TIMELINE_TIMEML_DIR or ../shared/data/timebank-aquaint beside the checkout.
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

from corpus import PART_MODES, PARTS, tagged_timeml  # benchmarks/corpus.py: the corpus as the tests find it

REPO = Path(__file__).resolve().parent.parent




def print_by_type(gold: dict, system: dict) -> None:
    """Per gold type: how many were found (relaxed) and how many of those got the right value
    and type; system timexes that match no gold are counted under their own type."""
    from timeline.evaluate import match

    rows = collections.defaultdict(lambda: collections.Counter())
    for doc_id, g_list in gold.items():
        s_list = system.get(doc_id, [])
        pairs = match(g_list, s_list)
        for g in g_list:
            rows[g.type]["gold"] += 1
        for i, j in pairs:
            g, s = g_list[i], s_list[j]
            rows[g.type]["found"] += 1
            rows[g.type]["value"] += g.value == s.value
            rows[g.type]["type"] += g.type == s.type
        matched = {j for _, j in pairs}
        for j, s in enumerate(s_list):
            if j not in matched:
                rows[s.type]["spurious"] += 1
    print(f"\n{'gold type':10}{'gold':>6}{'found':>7}{'recall':>8}{'value ok':>10}{'type ok':>9}{'spurious':>10}")
    for name in sorted(rows):
        c = rows[name]
        found = c["found"] or 1
        print(f"{name:10}{c['gold']:6d}{c['found']:7d}{c['found'] / (c['gold'] or 1):8.3f}"
              f"{c['value'] / found:10.3f}{c['type'] / found:9.3f}{c['spurious']:10d}")


def print_top(found, n: int) -> None:
    """Which expressions go wrong most often, per kind of error (case folded): where a rule
    change would pay off most."""
    by_kind = collections.defaultdict(collections.Counter)
    for e in found:
        if e.kind in ("missed", "spurious"):
            label = (e.gold or e.system).text.lower()
        elif e.kind == "span":
            label = f"{e.gold.text.lower()} -> {e.system.text.lower()}"
        else:  # value, type: gold expression, gold attribute -> system attribute
            label = f"{e.gold.text.lower()}: {getattr(e.gold, e.kind)} -> {getattr(e.system, e.kind)}"
        by_kind[e.kind][label] += 1
    for kind in ("missed", "spurious", "span", "value", "type"):
        if by_kind[kind]:
            common = ", ".join(f"{label!r} {count}" for label, count in by_kind[kind].most_common(n))
            print(f"\ntop {kind}: {common}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--part", choices=tuple(PART_MODES), action="append",
                    help="only this part (repeatable); default TimeBank and AQUAINT")
    ap.add_argument("--errors", nargs="?", type=int, const=-1, default=None, metavar="N",
                    help="list the first N disagreements (all when N is omitted)")
    ap.add_argument("--kinds", default="missed,spurious,span,value,type",
                    help="error kinds to list, comma-separated (default: all)")
    ap.add_argument("--mode", default=None, choices=("news", "narrative", "auto"),
                    help="tagger mode for every part (default: news for the news parts, "
                         "narrative for WikiWars)")
    ap.add_argument("--top", type=int, default=0, metavar="N",
                    help="the N most frequent expressions behind each kind of error")
    ap.add_argument("--by-type", action="store_true",
                    help="also break recall and value accuracy down by gold TIMEX3 type")
    args = ap.parse_args(argv)

    from timeline.evaluate import Scores, errors, score

    parts = args.part or list(PARTS)
    per_part: dict[str, tuple[dict, dict]] = {part: ({}, {}) for part in parts}
    all_gold, all_system, all_texts = {}, {}, {}
    started = time.perf_counter()
    chars = 0
    for part, key, doc, found in tagged_timeml(parts, args.mode):
        gold, system = per_part[part]
        gold[key], system[key] = doc.timexes, found
        all_texts[key] = doc.text
        chars += len(doc.text)
    rows: list[tuple[str, Scores]] = [(part, score(*per_part[part])) for part in parts]
    news = [part for part in parts if part in PARTS]  # "all" is the news figure HeidelTime's is
    for part in parts:
        all_gold.update(per_part[part][0])
        all_system.update(per_part[part][1])
    elapsed = time.perf_counter() - started
    if len(news) > 1:
        rows.append(("all", score({k: v for p in news for k, v in per_part[p][0].items()},
                                  {k: v for p in news for k, v in per_part[p][1].items()})))

    head = (f"{'part':10}{'docs':>6}{'gold':>6}{'sys':>6} | {'strict P':>8}{'R':>7}{'F1':>7} | "
            f"{'relax P':>8}{'R':>7}{'F1':>7} | {'value F1':>8}{'type F1':>8}")
    print(head)
    print("-" * len(head))
    for name, s in rows:
        print(f"{name:10}{s.docs:6d}{s.gold:6d}{s.system:6d} | {s.strict_precision:8.3f}"
              f"{s.strict_recall:7.3f}{s.strict_f1:7.3f} | {s.relaxed_precision:8.3f}"
              f"{s.relaxed_recall:7.3f}{s.relaxed_f1:7.3f} | {s.value_f1:8.3f}{s.type_f1:8.3f}")
    print(f"\n{chars:,} characters tagged in {elapsed:.2f} s (reading and scoring included)")
    if args.by_type:
        print_by_type(all_gold, all_system)
    if args.top:
        print_top(errors(all_gold, all_system, all_texts), args.top)

    if args.errors is not None:
        kinds = {k.strip() for k in args.kinds.split(",") if k.strip()}
        found = [e for e in errors(all_gold, all_system, all_texts) if e.kind in kinds]
        counts = collections.Counter(e.kind for e in found)
        print(f"\n{len(found)} disagreements: " + ", ".join(f"{k} {n}" for k, n in counts.most_common()))
        shown = found if args.errors < 0 else found[:args.errors]
        for e in shown:
            print(e.line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
