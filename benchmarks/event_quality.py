"""Event-extraction quality on TimeBank (dev) and AQUAINT (held-out), merge statistics on the
TimeBank+AQUAINT corpus, and the seeds gold test.

    python benchmarks/event_quality.py            # every figure
    python benchmarks/event_quality.py --part triggers|merge|seeds|speed

Figures:
- trigger precision: share of our happening candidates whose word is a gold <EVENT>; event
  precision: the same for the candidates that make an event (for reported speech, the
  happening said);
  recall: share of gold OCCURRENCE events (the class that tells a happening; TimeBank also
  tags states, reporting and aspectual words) that one of our candidates sits on, and the same
  for gold OCCURRENCE events that a TLINK ties to a time expression (the dated happenings a
  timeline needs); and the share of those tied to a DATE/TIME that become one of our events;
- date attachment: of our (candidate, time expression) attachments where the gold has the
  word as an EVENT and the expression in some TLINK, the share that TimeBank links;
- event dates against TimeBank's: for our events on a gold EVENT that a TLINK ties to a
  DATE/TIME, whether our date and that expression's value agree (one a prefix of the other),
  for dates from the sentence and for inherited (inferred) dates apart;
- events per document: extract_events on the gold time expressions;
- merge: `timeline.extract` over the JSONL corpus (TimeBank+AQUAINT, DCTs given): tellings,
  rows, rows citing several documents; the 1998 embassy bombings (Aug 7, Nairobi/Dar es
  Salaam) rows; and merges to review by eye: multi-source rows two of whose tellings name
  capitalised names and share none (how "shares closed" of two companies looked); many are
  right (a condemnation told with and without the condemner's name), so read them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

from corpus import base_documents, find_timeml_dir  # noqa: E402

from timeline.timeml import read_event_links as read_gold  # noqa: E402


def trigger_figures(folder: Path) -> dict:
    from timeline.events.extract import attached_candidates

    c = Counter()
    per_doc = []
    for path in sorted(folder.glob("*.tml")):
        doc, events, timexes, links = read_gold(path)
        tid_of = {(t.start, t.end): tid for tid, t in timexes.items()}
        linked_t = {tid for _, tid in links}
        linked_e = {eid for eid, tid in links if tid in timexes}
        covered, made = set(), set()
        for _, cands in attached_candidates(doc, timexes.values()):
            for cand in cands:
                c["candidates"] += 1
                eid = next((k for k, (s, e, _) in events.items() if s <= cand.trigger.start < e), None)
                c["on_event"] += eid is not None
                if eid is not None:
                    covered.add(eid)
                if cand.content is not None:
                    ceid = next((k for k, (s, e, _) in events.items() if s <= cand.content.start < e), None)
                    if ceid:
                        covered.add(ceid)
                tid = tid_of.get((cand.timex.start, cand.timex.end)) if cand.timex is not None else None
                if eid is not None and tid in linked_t:
                    c["judged"] += 1
                    c["agreed"] += (eid, tid) in links
        for cand, event in _made_events(doc, timexes):
            word = cand.content if cand.trigger.kind == "report" and cand.content is not None else cand.trigger
            on = [k for k, (s, e, _) in events.items() if s <= word.start < e]
            c["made"] += 1
            c["made_on_event"] += bool(on)
            made.update(on)
            gold_values = {timexes[tid].value for k in on for eid, tid in links
                           if eid == k and tid in timexes and timexes[tid].type in ("DATE", "TIME")}
            if gold_values and event.date:
                key = "inferred" if event.certainty == "inferred" else "dated"
                c[f"value_{key}"] += 1
                c[f"value_{key}_agree"] += any(event.date == v[:len(event.date)] or v == event.date[:len(v)]
                                               for v in gold_values)
        occ = {k for k, (_, _, cls) in events.items() if cls == "OCCURRENCE"}
        dated = {eid for eid, tid in links if eid in occ and tid in timexes and timexes[tid].type in ("DATE", "TIME")}
        c["occ_dated"] += len(dated)
        c["occ_dated_made"] += len(dated & made)
        c["occurrence"] += len(occ)
        c["occ_found"] += len(occ & covered)
        c["occ_linked"] += len(occ & linked_e)
        c["occ_linked_found"] += len(occ & linked_e & covered)
        c["events"] += len(events)
        c["events_found"] += len(covered)
        per_doc.append(len(_extract(doc, timexes)))
    return {
        "docs": len(per_doc),
        "candidates": c["candidates"],
        "precision": _ratio(c["on_event"], c["candidates"]),
        "event_precision": _ratio(c["made_on_event"], c["made"]),
        "recall_occurrence": _ratio(c["occ_found"], c["occurrence"]),
        "recall_occurrence_tlinked": _ratio(c["occ_linked_found"], c["occ_linked"]),
        "recall_all_events": _ratio(c["events_found"], c["events"]),
        "recall_dated_occurrence_events_made": _ratio(c["occ_dated_made"], c["occ_dated"]),
        "date_attachment": _ratio(c["agreed"], c["judged"]),
        "event_date_agrees_with_tlinked_value": _ratio(c["value_dated_agree"], c["value_dated"]),
        "inferred_date_agrees_with_tlinked_value": _ratio(c["value_inferred_agree"], c["value_inferred"]),
        "events_per_doc": round(sum(per_doc) / max(1, len(per_doc)), 2),
        "docs_without_events": sum(1 for n in per_doc if n == 0),
    }


def _made_events(doc, timexes) -> list:
    """(candidate, Event) for every event the extractor makes from `doc` and the gold time
    expressions: extract_events runs as is, its per-candidate step is only watched."""
    from timeline.events import extract as ex

    made = []
    original = ex._event

    def watched(doc_, sent, cand, *args, **kwargs):
        event = original(doc_, sent, cand, *args, **kwargs)
        if event is not None:
            made.append((cand, event))
        return event

    ex._event = watched
    try:
        kept = ex.extract_events(doc, list(timexes.values()))
    finally:
        ex._event = original
    ids = {id(e) for e in kept}
    return [(c, e) for c, e in made if id(e) in ids]


def _extract(doc, timexes):
    from timeline.events.extract import extract_events

    return extract_events(doc, list(timexes.values()))


def _ratio(a, b) -> str:
    return f"{a}/{b} = {a / b:.1%}" if b else "0/0"


_ORG = re.compile(r"\b(?:Inc|Corp|Co|Ltd|Group|Bank|Industries|Motors|Airlines|Systems|International)\b")


def merge_figures() -> dict:
    import timeline

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        records = [r for r in base_documents() if r["id"][:1] != "0"]  # TimeBank+AQUAINT, no seeds
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        started = time.perf_counter()
        events = timeline.extract([str(path)], quiet=True)
        seconds = time.perf_counter() - started
    tellings = sum(len(e.mentions) for e in events)
    multi = [e for e in events if len({m.doc_id for m in e.mentions}) > 1]
    bombing = [e for e in events if e.start and e.start <= dt.date(1998, 8, 7) <= e.end
               and (e.end - e.start).days < 31 and e.category in ("conflict", "death")
               and re.search(r"embass|Nairobi|Dar es Salaam|Kenya|Tanzania", " ".join(
                   [e.title, e.description] + [m.evidence for m in e.mentions]))]
    suspect = [e for e in multi if _disjoint_names(e)]
    return {
        "documents": len(records), "seconds": round(seconds, 1), "tellings": tellings, "rows": len(events),
        "multi_source_rows": len(multi),
        "embassy_bombing_rows": len(bombing),
        "embassy_bombing_docs": sorted({m.doc_id for e in bombing for m in e.mentions}),
        "embassy_bombing_titles": [f"{e.date} {e.title} ({len(e.mentions)})" for e in bombing][:12],
        # a list to read, not an error count: many correct merges name different people too
        "merges_to_review": len(suspect),
        "merges_to_review_titles": [f"{e.date} {e.title} [{'; '.join(m.doc_id for m in e.mentions)}]"
                                    for e in suspect][:10],
        "multi_titles": [f"{e.date} {e.title} ({len(e.mentions)})" for e in multi][:40],
    }


_NOT_NAMES = frozenset("The A An In On At But And He She It They We This That Monday Tuesday Wednesday Thursday "
                       "Friday Saturday Sunday January February March April May June July August September "
                       "October November December Jan Feb Mar Apr Aug Sept Sep Oct Nov Dec".split())


def _disjoint_names(event) -> bool:
    """A suspect merge: two of its tellings each name someone or something (capitalised words
    inside the sentence) and share no such name: likely two happenings, not one."""
    names = []
    for m in event.mentions:
        words = re.findall(r"(?<=[a-z,;] )[A-Z][\w.&'-]+", m.evidence)
        names.append({w.rstrip(".").removesuffix("'s") for w in words} - _NOT_NAMES)
    named = [n for n in names if n]
    return any(not (a & b) for i, a in enumerate(named) for b in named[i + 1:])


def speed_figures(rounds: int = 3) -> dict:
    """CPU seconds of extract_events over every TimeBank+AQUAINT document (gold time
    expressions, `rounds` times) and of merging all those tellings: the extractor's own cost,
    apart from tagging, reading and the machine's load."""
    from timeline.events.extract import extract_events
    from timeline.merge import merge_events

    docs = [read_gold(path)[::2] for path in sorted(find_timeml_dir().rglob("*.tml"))]
    started = time.process_time()
    tellings = [e for _ in range(rounds) for doc, timexes in docs for e in extract_events(doc, list(timexes.values()))]
    extracted = time.process_time()
    merge_events(tellings)
    merged = time.process_time()
    return {"documents": rounds * len(docs), "extract_cpu_s": round(extracted - started, 2),
            "ms_per_document": round(1000 * (extracted - started) / (rounds * len(docs)), 2),
            "tellings": len(tellings), "merge_cpu_s": round(merged - extracted, 2)}


def seeds_figures() -> dict:
    import subprocess

    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                          str(REPO / "tests" / "test_pipeline.py")], capture_output=True, text=True, cwd=REPO)
    return {"tests/test_pipeline.py": run.stdout.strip().splitlines()[-1] if run.stdout else run.stderr[-300:]}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--part", choices=("triggers", "merge", "seeds", "speed", "all"), default="all")
    args = parser.parse_args(argv)
    out = {}
    if args.part in ("triggers", "all"):
        root = find_timeml_dir()
        out["TimeBank (dev)"] = trigger_figures(root / "TimeBank")
        out["AQUAINT (held-out)"] = trigger_figures(root / "AQUAINT")
    if args.part in ("merge", "all"):
        out["merge"] = merge_figures()
    if args.part in ("seeds", "all"):
        out["seeds"] = seeds_figures()
    if args.part in ("speed", "all"):
        out["speed"] = speed_figures()
    print(json.dumps(out, indent=1, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
