"""`timeline evaluate GOLD_DIR SYSTEM_DIR`: TempEval-3 entity metrics of TimeML files.

Files are paired by name (sub-folders included); each system file must have the gold file's
text with TIMEX3 tags added, as `timeline tag --format timeml` writes it.
"""

from __future__ import annotations

import collections
import json
import sys


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "evaluate", help="score TimeML time expressions against gold (TempEval-3 metrics)",
        description="Strict and relaxed span P/R/F1 and value/type attribute F1 of the TIMEX3 in "
                    "SYSTEM_DIR against the files of the same name in GOLD_DIR, as the "
                    "TempEval-3 toolkit computes them.",
        epilog="example: timeline tag gold/ --format timeml --out sys/ && "
               "timeline evaluate gold/ sys/ --errors 20")
    p.add_argument("gold_dir", metavar="GOLD_DIR", help="folder of gold TimeML files (or one file)")
    p.add_argument("system_dir", metavar="SYSTEM_DIR", help="folder of system TimeML files (or one file)")
    p.add_argument("--errors", nargs="?", type=int, const=-1, default=None, metavar="N",
                   help="also list each miss, spurious, partial span and wrong value/type "
                        "with its context (the first N when given)")
    p.add_argument("--json", action="store_true",
                   help="print the counts and figures as one JSON object instead of a table")
    p.set_defaults(run=run)


def run(args) -> int:
    from timeline.evaluate import errors, read_dirs, score

    pair = read_dirs(args.gold_dir, args.system_dir)
    for name in pair.missing:
        print(f"warning: no system file for {name}; scored as tagged with nothing", file=sys.stderr)
    for name in pair.extra:
        print(f"warning: {name} has no gold file; not scored", file=sys.stderr)
    scores = score(pair.gold, pair.system)
    if args.json:
        print(json.dumps(scores.as_dict(), indent=2))
    else:
        print(scores.report())
    if args.errors is not None:
        found = errors(pair.gold, pair.system, pair.texts)
        counts = collections.Counter(e.kind for e in found)
        print(f"\n{len(found)} disagreement(s)" + (": " if found else "")
              + ", ".join(f"{k} {n}" for k, n in counts.most_common()))
        for e in found if args.errors < 0 else found[:args.errors]:
            print(e.line())
    return 0
