"""Tagger speed, start-up time and memory, side by side with dateparser in the same run.

    python benchmarks/tag_speed.py                 # 5 MB for timeline.tag, 200 KB for dateparser
    python benchmarks/tag_speed.py --mb 10 --dateparser-kb 400

The corpus is the text of <TEXT> of every TimeBank and AQUAINT document, repeated until it
holds at least --mb megabytes (characters); each document is tagged with its DCT as the
reference date, one call per document. `timeline.tag` runs in a fresh subprocess, which also
reports its peak resident memory (getrusage ru_maxrss), so the figure covers import, rule
compilation and the whole corpus. dateparser's `search.search_dates` (the DCT as
RELATIVE_BASE) is timed twice, with languages=["en"] and with its default language detection
(much slower), each on the first documents of the same corpus totalling at least
--dateparser-kb kilobytes. Start-up is the wall time of a fresh
`python -c "import timeline; timeline.tag('Monday', '2025-02-04')"`. timeline.tag and
dateparser (en) run --repeat times, alternating, and the fastest run of each counts (the
machine may be shared); peak memory is the largest of the runs. Writes nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
from corpus import PARTS, find_timeml_dir  # benchmarks/corpus.py: the corpus as the tests find it


def corpus(root: Path) -> list[tuple[str, dt.date | None]]:
    """(text, DCT) of every document, TimeBank then AQUAINT, in file-name order."""
    from timeline.timeml import read_timeml

    docs = []
    for part in PARTS:
        for path in sorted((root / part).glob("*.tml")):
            doc = read_timeml(path)
            docs.append((doc.text, doc.dct))
    return docs


def repeated(docs, min_chars: int):
    out, total = [], 0
    while total < min_chars:
        for doc in docs:
            out.append(doc)
            total += len(doc[0])
            if total >= min_chars:
                break
    return out


# -- the subprocess that tags the big corpus ----------------------------------------------------

def _worker(root: str, min_chars: int) -> None:
    import resource

    started = time.perf_counter()
    from timeline import tag

    docs = repeated(corpus(Path(root)), min_chars)
    loaded = time.perf_counter()
    tag(docs[0][0], ref_date=docs[0][1])  # first call: lazy data loading and pattern compilation
    first = time.perf_counter() - loaded
    t0 = time.perf_counter()
    found = 0
    for text, dct in docs:
        found += len(tag(text, ref_date=dct))
    seconds = time.perf_counter() - t0
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    json.dump({"docs": len(docs), "chars": sum(len(t) for t, _ in docs), "seconds": seconds,
               "found": found, "first_call": first, "setup": loaded - started,
               "max_rss_mb": rss_kb / 1024}, sys.stdout)


def run_timeline(root: Path, min_chars: int) -> dict:
    cmd = [sys.executable, __file__, "--worker", str(root), str(min_chars)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode:
        sys.exit(f"the timeline.tag worker failed:\n{done.stderr}")
    return json.loads(done.stdout)


def run_dateparser(docs, min_chars: int, languages: list[str] | None) -> dict:
    from dateparser.search import search_dates

    sample = []
    total = 0
    for doc in docs:
        if total >= min_chars:
            break
        sample.append(doc)
        total += len(doc[0])
    search_dates("warm up on Monday", languages=languages)  # its own lazy loading, not timed
    t0 = time.perf_counter()
    found = 0
    for text, dct in sample:
        base = dt.datetime.combine(dct, dt.time()) if dct else None
        settings = {"RELATIVE_BASE": base} if base else None
        found += len(search_dates(text, languages=languages, settings=settings) or [])
    seconds = time.perf_counter() - t0
    return {"docs": len(sample), "chars": total, "seconds": seconds, "found": found}


def startup(repeats: int) -> tuple[float, float]:
    """Median wall time of a fresh interpreter that imports timeline and tags one word, and of
    a bare interpreter (`python -c pass`) for comparison."""
    def wall(code: str) -> float:
        t0 = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True)
        if done.returncode:
            sys.exit(f"start-up run failed: python -c {code!r}\n{done.stderr}")
        return time.perf_counter() - t0

    tag_code = "import timeline; timeline.tag('Monday', '2025-02-04')"
    wall(tag_code)  # warm the OS file cache; the figure is for a warm start
    return (statistics.median(wall(tag_code) for _ in range(repeats)),
            statistics.median(wall("pass") for _ in range(repeats)))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=5.0, help="corpus size for timeline.tag (default 5)")
    ap.add_argument("--dateparser-kb", type=float, default=200.0,
                    help="sample size for dateparser, each setting (default 200)")
    ap.add_argument("--no-dateparser", action="store_true", help="skip dateparser")
    ap.add_argument("--startup-runs", type=int, default=5)
    ap.add_argument("--repeat", type=int, default=3,
                    help="runs of timeline.tag and of dateparser (en); the fastest counts (default 3)")
    ap.add_argument("--worker", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        _worker(args.worker[0], int(args.worker[1]))
        return 0

    root = find_timeml_dir()
    # The machine is shared: the best of --repeat alternating runs is the least disturbed one.
    docs = corpus(root)
    kb = int(args.dateparser_kb * 1000)
    ours_runs, en_runs = [], []
    for _ in range(max(1, args.repeat)):
        ours_runs.append(run_timeline(root, int(args.mb * 1_000_000)))
        if not args.no_dateparser:
            # languages=["en"] is the fair match (we tag English only)
            en_runs.append(run_dateparser(docs, kb, ["en"]))
    ours = min(ours_runs, key=lambda r: r["seconds"])
    ours["max_rss_mb"] = max(r["max_rss_mb"] for r in ours_runs)
    rows = [("timeline.tag", ours)]
    if not args.no_dateparser:
        rows.append(("search_dates (en)", min(en_runs, key=lambda r: r["seconds"])))
        # the default call also guesses the language of every candidate, as it is usually
        # called; it is so slow that one run is enough
        rows.append(("search_dates (default)", run_dateparser(docs, kb, None)))
    tag_start, python_start = startup(args.startup_runs)

    print(f"{'tagger':28}{'docs':>7}{'chars':>12}{'found':>9}{'seconds':>10}{'chars/s':>12}{'docs/s':>9}")
    for name, r in rows:
        print(f"{name:28}{r['docs']:7d}{r['chars']:12,d}{r['found']:9,d}{r['seconds']:10.2f}"
              f"{r['chars'] / r['seconds']:12,.0f}{r['docs'] / r['seconds']:9.1f}")
    print()
    for name, r in rows[1:]:
        ratio = (ours["chars"] / ours["seconds"]) / (r["chars"] / r["seconds"])
        print(f"timeline.tag is {ratio:.1f}x dateparser {name} in chars/s")
    print(f"first call (data loading, pattern compilation): {ours['first_call']:.3f} s")
    print(f"start-up, fresh `python -c \"import timeline; timeline.tag('Monday', '2025-02-04')\"`: "
          f"{tag_start:.3f} s (bare python: {python_start:.3f} s)")
    print(f"peak memory of the process that tagged {ours['chars'] / 1e6:.1f} MB: {ours['max_rss_mb']:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
