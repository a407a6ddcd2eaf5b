"""The events table on news the extractor's rules were never written from: the 24 Wikinews
articles of GUM (``../shared/data/nlp-training/gum/GUM_news_*.conllu``, texts rebuilt from
their ``# text`` lines, dated by their dateline, else their creation date), scored with the
definitions of ``../shared/data/semeval15-trial/score.py``: headline event recall (an event on
the article's day or the day before whose title shares a content word with the headline) and
name-fragment titles. GUM has no entity timelines, so no date F1 here; the titles are listed
with ``--titles`` for a hand check.

    python benchmarks/unseen_news.py [--titles] [--out events.csv]

The shipped tagger/parser was trained on GUM, so its parses of these texts are better than of
truly unseen news: the figure checks the extractor's rules, not the parser.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import importlib.util
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data"
GUM = DATA / "nlp-training" / "gum"
SCORE = DATA / "semeval15-trial" / "score.py"
_DATELINE = re.compile(r"^\w+day, (\w+ \d{1,2}, \d{4})$")


def gum_news() -> list[dict]:
    """One {"id", "title", "date", "text"} per GUM news document: paragraphs as lines, the
    headline first."""
    docs = []
    for path in sorted(GUM.glob("GUM_news_*.conllu")):
        meta, paragraphs, current = {}, [], []
        for line in path.read_text("utf-8").splitlines():
            if line.startswith("# meta::"):
                key, _, value = line[len("# meta::"):].partition(" = ")
                meta[key] = value.strip()
            elif line.startswith("# newpar"):
                if current:
                    paragraphs.append(" ".join(current))
                current = []
            elif line.startswith("# text = "):
                current.append(line[len("# text = "):].strip())
        if current:
            paragraphs.append(" ".join(current))
        date = meta.get("dateCreated", "")
        for line in paragraphs[1:3]:
            m = _DATELINE.match(line.strip())
            if m:
                date = dt.datetime.strptime(m.group(1), "%B %d, %Y").date().isoformat()
        docs.append({"id": path.stem.removeprefix("GUM_news_"), "title": paragraphs[0], "date": date,
                     "text": "\n".join(paragraphs)})
    return docs


def _score_module():
    spec = importlib.util.spec_from_file_location("semeval_score", SCORE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--titles", action="store_true", help="list every event title with its sentence")
    parser.add_argument("--out", type=Path, help="keep the events table here")
    args = parser.parse_args(argv)
    if not GUM.is_dir() or not SCORE.is_file():
        raise SystemExit(f"needs {GUM} and {SCORE}")
    docs = gum_news()
    with tempfile.TemporaryDirectory() as tmp:
        corpus, out = Path(tmp) / "gum_news.jsonl", args.out or Path(tmp) / "events.csv"
        corpus.write_text("".join(json.dumps(d) + "\n" for d in docs), "utf-8")
        # the command a user runs, and the CSV it writes
        subprocess.run([sys.executable, "-m", "timeline", "build", str(corpus), "--out", str(out)],
                       check=True, capture_output=True)
        with out.open(newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
    score = _score_module()
    lead, fragments = score.lead_and_fragments(docs, rows)
    print(json.dumps({"documents": len(docs), "events": len(rows), "headline_event_recall": round(lead, 3),
                      "name_fragment_titles": round(fragments, 3)}, indent=1))
    if args.titles:
        for row in sorted(rows, key=lambda r: (r["sources"], r["date"])):
            print(f"{row['date']:12} {row['title']}  |  {row['evidence'][:110]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
