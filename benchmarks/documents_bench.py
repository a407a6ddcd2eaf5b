"""How well and how fast documents are dated and loaded, on real news (TimeBank+AQUAINT).

    python benchmarks/documents_bench.py             # dating accuracy + loading speed
    python benchmarks/documents_bench.py --big-mb 300 # also stream a JSONL of ~300 MB

1. Own-date steps: every article without its creation date (DCT); how often the header,
   dateline and explicit-date steps find a date, and how often it is the DCT.
2. Sibling inference: the DCT of every other article (in id order) hidden; how many hidden
   ones get an inferred date and how close it is to the real DCT.
3. Loading speed of a JSONL corpus, and peak memory while streaming a large one.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.corpus import find_timeml_dir  # noqa: E402
from timeline.document import Document  # noqa: E402
from timeline.documents import iter_documents  # noqa: E402
from timeline.documents.siblings import infer_dates  # noqa: E402
from timeline.timeml import read_timeml  # noqa: E402


def articles() -> list[tuple[str, str, object]]:
    out = []
    for path in sorted(find_timeml_dir().rglob("*.tml")):
        doc = read_timeml(path)
        if doc.dct is not None and doc.text.strip():
            out.append((doc.doc_id, doc.text, doc.dct))
    return out


def own_dates(corpus) -> None:
    docs = list(iter_documents([Document(i, t) for i, t, _ in corpus], on_error=lambda e: None))
    found = [(d, dct) for d, (_, _, dct) in zip(docs, corpus) if d.date is not None]
    by_source: dict[str, list[int]] = {}
    for doc, dct in found:
        by_source.setdefault(doc.date_source, []).append(int(doc.date == dct))
    print(f"own-date steps on {len(corpus)} articles without their DCT: {len(found)} dated")
    for source, hits in sorted(by_source.items()):
        print(f"  {source:10s} {len(hits):4d} dated, {sum(hits):4d} equal to the DCT "
              f"({sum(hits) / len(hits):.0%})")


def siblings(corpus) -> None:
    docs, hidden = [], {}
    for k, (doc_id, text, dct) in enumerate(corpus):
        if k % 2:
            hidden[doc_id] = dct
            docs.append(Document(doc_id, text))
        else:
            docs.append(Document(doc_id, text, date=dct, date_source="given"))
    start = time.perf_counter()
    out = infer_dates(docs)
    took = time.perf_counter() - start
    errors = [abs((d.date - hidden[d.id]).days) for d in out if d.id in hidden and d.date is not None]
    print(f"sibling inference: {len(hidden)} hidden DCTs, {len(errors)} inferred in {took:.1f} s")
    if errors:
        print(f"  exact {sum(e == 0 for e in errors)}, within 1 day {sum(e <= 1 for e in errors)}, "
              f"within 7 days {sum(e <= 7 for e in errors)}, median error {statistics.median(errors)} days")


def loading(corpus, big_mb: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for doc_id, text, dct in corpus:
                fh.write(json.dumps({"id": doc_id, "text": text, "date": dct.isoformat()}) + "\n")
        chars = sum(len(t) for _, t, _ in corpus)
        start = time.perf_counter()
        n = sum(1 for _ in iter_documents(path))
        took = time.perf_counter() - start
        print(f"load JSONL with dates: {n} docs, {n / took:,.0f} docs/s, {chars / took / 1e6:.1f} M chars/s")
        start = time.perf_counter()
        n = sum(1 for _ in iter_documents([Document(i, t) for i, t, _ in corpus]))
        took = time.perf_counter() - start
        print(f"date undated texts (header, dateline, tagger on the top): {n / took:,.0f} docs/s")
        if big_mb:
            big = Path(tmp) / "big.jsonl"
            line = "".join(json.dumps({"text": t, "date": d.isoformat()}) + "\n" for _, t, d in corpus)
            with big.open("w", encoding="utf-8") as fh:
                while fh.tell() < big_mb * 1024 * 1024:
                    fh.write(line)
            before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            start = time.perf_counter()
            n = sum(1 for _ in iter_documents(big))
            took = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"stream {big.stat().st_size / 1e6:.0f} MB JSONL: {n} docs in {took:.1f} s; "
                  f"peak RSS {before:.0f} MB before, {after:.0f} MB after")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--big-mb", type=int, default=0, help="also stream a JSONL of this size")
    args = parser.parse_args()
    corpus = articles()
    own_dates(corpus)
    siblings(corpus)
    loading(corpus, args.big_mb)


if __name__ == "__main__":
    main()
