"""Build a JSONL news corpus for the benchmarks: the TimeBank+AQUAINT articles with their
document creation dates and the five seed articles (dated 2025-02-04), repeated with new ids
until the corpus holds the requested number of documents.

    python benchmarks/corpus.py /tmp/corpus.jsonl --docs 2000

Each line is `{"id", "text", "date", "title"}`, the format `timeline build` reads. Repeats get
ids `<id>~r<k>` so no two lines share an id; their text is unchanged (real news, not synthetic).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEEDS_DIR = REPO / "examples" / "seeds"
SEEDS_DATE = "2025-02-04"
DEFAULT_DOCS = 2000
PARTS = ("TimeBank", "AQUAINT")
# The narrative half of the development data: Wikipedia war histories, tagged in narrative mode.
WIKIWARS = "WikiWars"
PART_MODES = {"TimeBank": "news", "AQUAINT": "news", WIKIWARS: "narrative"}


def find_timeml_dir() -> Path:
    """The TimeBank+AQUAINT folder, found as the test suite finds it."""
    sys.path.insert(0, str(REPO / "tests"))
    try:
        from conftest import TIMEML_DIR  # type: ignore[import-not-found]
    finally:
        sys.path.pop(0)
    if TIMEML_DIR is None or not TIMEML_DIR.is_dir():
        raise SystemExit("TimeBank+AQUAINT not found: set TIMELINE_TIMEML_DIR")
    return TIMEML_DIR




def find_wikiwars_dir() -> Path:
    """The gold half of WikiWars shared for development ($TIMELINE_WIKIWARS_DIR overrides)."""
    import os

    env = os.environ.get("TIMELINE_WIKIWARS_DIR")
    if env:
        return Path(env)
    for parent in REPO.parents:
        candidate = parent / "shared" / "data" / "wikiwars-dev" / "gold"
        if candidate.is_dir():
            return candidate
    raise SystemExit("wikiwars-dev not found: set TIMELINE_WIKIWARS_DIR")


def _part_files(part: str) -> list[Path]:
    root = find_wikiwars_dir() if part == WIKIWARS else find_timeml_dir() / part
    return sorted(root.glob("*.tml"))


def _read_tml(path: Path) -> tuple[str, str | None]:
    """(plain text of <TEXT>, DCT as YYYY-MM-DD)."""
    from timeline.timeml import read_timeml

    doc = read_timeml(path)
    return doc.text, (doc.dct.isoformat() if doc.dct else None)


def tagged_timeml(parts=PARTS, mode: str | None = "news"):
    """Every document of the parts (TimeBank, AQUAINT, WikiWars) read and tagged as the quality
    benchmarks score it (its DCT as the reference date; `mode` None = the part's own mode):
    (part, "Part/file.tml", TimeMLDoc, the tagger's timexes)."""
    from timeline.timeml import read_timeml
    from timeline.timex import tag

    for part in parts:
        for path in _part_files(part):
            doc = read_timeml(path)
            yield part, f"{part}/{path.name}", doc, tag(doc.text, ref_date=doc.dct,
                                                        mode=mode or PART_MODES[part])


def base_documents(timeml_dir: Path | None = None) -> list[dict]:
    """One record per real article: TimeBank, AQUAINT, then the seeds, in file-name order."""
    timeml_dir = timeml_dir or find_timeml_dir()
    records = []
    for path in sorted(timeml_dir.rglob("*.tml")):
        text, dct = _read_tml(path)
        text = text.strip()
        if not text:
            continue
        title = text.split("\n", 1)[0].strip()[:120]
        records.append({"id": path.stem, "text": text, "date": dct, "title": title})
    for path in sorted(SEEDS_DIR.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        records.append({"id": path.stem, "text": text, "date": SEEDS_DATE,
                        "title": text.strip().split("\n", 1)[0][:120]})
    return records


def corpus(n_docs: int = DEFAULT_DOCS, timeml_dir: Path | None = None) -> Iterator[dict]:
    """Yield `n_docs` records, cycling over the real articles with a new id each round."""
    base = base_documents(timeml_dir)
    for i in range(n_docs):
        record = dict(base[i % len(base)])
        round_ = i // len(base)
        if round_:
            record["id"] = f"{record['id']}~r{round_}"
        yield record


def write_corpus(path: str | Path, n_docs: int = DEFAULT_DOCS, timeml_dir: Path | None = None) -> dict:
    """Write the corpus as JSONL; returns {"docs", "chars", "path"}."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    docs = chars = 0
    with open(path, "w", encoding="utf-8") as out:
        for record in corpus(n_docs, timeml_dir):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            docs += 1
            chars += len(record["text"])
    return {"docs": docs, "chars": chars, "path": str(path)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", help="JSONL file to write")
    parser.add_argument("--docs", type=int, default=DEFAULT_DOCS, help=f"documents (default {DEFAULT_DOCS})")
    args = parser.parse_args(argv)
    info = write_corpus(args.out, args.docs)
    print(f"wrote {info['docs']:,} documents, {info['chars']:,} characters to {info['path']}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
