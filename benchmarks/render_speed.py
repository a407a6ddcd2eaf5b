"""How long an events table takes to become a standalone HTML timeline (target: 10,000 events < 3 s).

    python benchmarks/render_speed.py [--sizes 1 1000 10000] [--repeat 3] [--lanes actors] [--io]

The events are synthetic but shaped like real extractions: ten years of news, mostly day events
with some weeks, months and years, titles and evidence sentences of realistic length (built from
the seed articles' sentences), several actors and sources each, some URLs. Prints, per size, the
best wall time of render()+to_html() and the file size; with --io also the time to write and
to read back (with validation) the table as CSV, JSON, Parquet and XLSX, checking the round trip.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from timeline.chart import to_html  # noqa: E402
from timeline.table import events_frame, read_events, write_events  # noqa: E402
from timeline.timex.values import value_span  # noqa: E402

ACTORS = ["Marco Rubio", "Nayib Bukele", "Donald Trump", "Elon Musk", "State Department", "USAID",
          "Panama", "Colombia", "Venezuela", "José Raúl Mulino", "Gustavo Petro", "Congress"]
CERTAINTY = [("explicit", 0.9), ("relative", 0.75), ("inferred", 0.45)]


def sentences() -> list[str]:
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted((REPO / "examples" / "seeds").glob("*.txt")))
    out = [s.strip() for s in text.replace("\n", " ").split(". ") if 40 < len(s.strip()) < 400]
    return out or ["Rubio met Bukele at his lakeside residence outside San Salvador."]


def synthetic_events(n: int, seed: int = 7):
    rng = random.Random(seed)
    pool = sentences()
    rows = []
    for k in range(n):
        year = rng.randint(2015, 2025)
        kind = rng.random()
        if kind < 0.75:
            date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        elif kind < 0.87:
            date = f"{year}-W{rng.randint(1, 52):02d}"
        elif kind < 0.97:
            date = f"{year}-{rng.randint(1, 12):02d}"
        else:
            date = str(year)
        first, last, gran = value_span(date)
        sentence = rng.choice(pool)
        certainty, confidence = rng.choice(CERTAINTY)
        sources = [f"doc{rng.randint(0, 3000):05d}" for _ in range(rng.randint(1, 4))]
        rows.append(dict(
            event_id=f"ev{k:06d}", date=date, start=first, end=last, granularity=gran,
            title=" ".join(sentence.split()[: rng.randint(4, 9)]), description=sentence,
            actors=rng.sample(ACTORS, rng.randint(0, 3)), place="", category="",
            sources=sources, urls=[f"https://news.example/{s}" if rng.random() < 0.6 else "" for s in sources],
            evidence=sentence, evidence_doc=sources[0], evidence_start=0, evidence_end=len(sentence),
            time_text="", certainty=certainty, confidence=confidence, mentions=[]))
    return events_frame(rows)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 1000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--lanes", default=None)
    parser.add_argument("--io", action="store_true", help="also time table writes and reads")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            df = synthetic_events(n)
            best = float("inf")
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                html = to_html(df, Path(tmp) / f"t{n}.html", lanes=args.lanes)
                best = min(best, time.perf_counter() - t0)
            size = (Path(tmp) / f"t{n}.html").stat().st_size
            print(f"{n:>6} events: {best:6.2f} s  (best of {args.repeat})  {size / 1e6:6.1f} MB  "
                  f"{'OK' if n < 10000 or best < 3 else 'SLOWER THAN 3 s'}")
            del html
            if args.io:
                for fmt in ("csv", "json", "parquet", "xlsx"):
                    path = Path(tmp) / f"events.{fmt}"
                    t0 = time.perf_counter()
                    write_events(df, path)
                    t1 = time.perf_counter()
                    back = read_events(path)
                    t2 = time.perf_counter()
                    exact = back.equals(df)
                    print(f"{'':>6}  {fmt:>7}: write {t1 - t0:5.2f} s, read+validate {t2 - t1:5.2f} s, "
                          f"{path.stat().st_size / 1e6:5.1f} MB, round trip {'exact' if exact else 'DIFFERS'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
