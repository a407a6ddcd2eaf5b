"""Long fuzz run over the whole pipeline: many generated texts through `timeline.build` (or the
tagger alone), checking that nothing raises and every output is sound.

    python benchmarks/fuzz_pipeline.py --cases 100000 --jobs 2

Each case is regenerated from (seed, index), so a failure prints the two numbers that reproduce
it: `python benchmarks/fuzz_pipeline.py --seed S --only INDEX --show`.

Texts come from six generators (real news sentences mutated, date-token soup, unicode noise,
absurd dates, markup, very long tokens) and reference dates from year 1 to 9999 or none.
Checks, for each case:
- no exception escapes;
- the frame has exactly the schema's columns;
- every event's evidence is the document text at its offsets, and so is each mention's
  evidence and time expression;
- every date is a well-formed TIMEX3 value and, when it names calendar days, start/end are those
  days; certainty and confidence are in range.
(`--target tag` checks the tagger alone: spans at their offsets, values well-formed.)
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import random
import re
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# the repo for `timeline`, this folder for `corpus`; also in worker processes, which import
# this file as their main module
sys.path[:0] = [str(REPO), str(Path(__file__).resolve().parent)]

from timeline.options import Options  # noqa: E402
from timeline.parallel import map_ordered  # noqa: E402

KINDS = ("news_mutation", "date_soup", "unicode_noise", "absurd_dates", "markup", "long_tokens")

DATE_TOKENS = (
    "Jan.", "January", "Feb", "February", "Sept.", "May", "may", "Monday", "Mon", "Sun", "sun",
    "today", "yesterday", "tomorrow", "tonight", "this morning", "last", "next", "this", "week",
    "month", "year", "quarter", "weekend", "spring", "winter", "ago", "earlier", "later", "since",
    "until", "from", "to", "through", "the", "of", "on", "in", "at", "by", "fiscal", "Q3",
    "1990s", "'90s", "19th century", "century", "decade", "noon", "midnight", "p.m.", "a.m.",
    "EST", "GMT", "every", "each", "daily", "hours", "days", "three", "twenty-one", "half",
    "Christmas", "Easter", "Thanksgiving", "Ramadan", "BC", "AD", "2025", "1998", "0", "00",
    "99999", "-1", "13", "31", "32", "29", "30", "1/20/2025", "2025-01-20", "20/01/2025",
    "2025-W05", "12:30", "25:61", "3:15pm", "the 20th", "1st", "2nd", "-", "/", ",", ".", "'",
    "(", ")", "–", "—", "\n", "  ",
)
ABSURD = (
    "year 0", "in the year 0000", "on Feb. 30", "February 30, 2025", "on 2025-02-30",
    "in 99999", "in the year 99999", "on 0000-00-00", "9999-12-31", "December 31, 9999",
    "next year", "the next century", "January 1, 0001", "1 BC", "the 100th century",
    "week 53 of 2025", "2025-W54", "13/13/2013", "Feb 29, 2023", "Feb 29, 2024", "the 0th",
    "the 99th of March", "in 1e9 years", "-2025-01-01", "10000 years ago", "in 123456789",
    "on Monday the 31st of February", "Q5 2025", "the 3000s", "24:00", "at 99:99",
)
UNICODE_POOL = (
    "\u0000", "\u0007", "\t", "\r", "\r\n", "\u00a0", "\u2028", "\u2029", "\u200b", "\u200d",
    "\u202e", "\ufeff", "\ufffd", "\u0301", "é", "ß", "ﬁ", "İ", "ǅ", "２０２５", "٢٠٢٥", "१९९८",
    "Ⅻ", "½", "²", "月", "年", "日本", "😀", "👩‍👩‍👧", "\U0001d7d8", "\udc80", "\ud800",
)


@functools.lru_cache(maxsize=1)
def news_sentences() -> tuple[str, ...]:
    """Sentences of the seed articles and the TimeBank/AQUAINT texts (real news)."""
    from corpus import base_documents  # benchmarks/corpus.py

    sentences: list[str] = []
    for record in base_documents():
        sentences.extend(s.strip() for s in re.split(r"(?<=[.!?])\s+", record["text"]) if s.strip())
    return tuple(sentences)


def _ref_date(rng: random.Random) -> dt.date | None:
    roll = rng.random()
    if roll < 0.15:
        return None
    if roll < 0.25:
        return rng.choice([dt.date(1, 1, 1), dt.date(9999, 12, 31), dt.date(2024, 2, 29),
                           dt.date(2000, 1, 1), dt.date(1, 12, 31), dt.date(9999, 1, 1)])
    if roll < 0.8:
        return dt.date(1990, 1, 1) + dt.timedelta(days=rng.randrange(0, 40 * 366))
    return dt.date(1, 1, 1) + dt.timedelta(days=rng.randrange(0, 3_652_058))


def _news_mutation(rng: random.Random) -> str:
    text = " ".join(rng.choice(news_sentences()) for _ in range(rng.randint(1, 6)))
    for _ in range(rng.randint(0, 6)):
        i, j = sorted(rng.randrange(len(text) + 1) for _ in range(2))
        op = rng.randrange(5)
        if op == 0:
            text = text[:i] + text[j:]                          # delete a slice
        elif op == 1:
            text = text[:i] + text[i:j] * 2 + text[j:]           # duplicate it
        elif op == 2:
            text = text[:i] + " " + rng.choice(DATE_TOKENS) + " " + text[i:]
        elif op == 3:
            text = text[:i] + text[i:j].upper() + text[j:]
        else:
            text = text[:i] + rng.choice(ABSURD) + text[i:]
    return text


def _date_soup(rng: random.Random) -> str:
    return " ".join(rng.choice(DATE_TOKENS) for _ in range(rng.randint(1, 40)))


def _unicode_noise(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(1, 30)):
        roll = rng.random()
        if roll < 0.4:
            parts.append(rng.choice(UNICODE_POOL))
        elif roll < 0.7:
            parts.append(rng.choice(DATE_TOKENS))
        else:
            parts.append(chr(rng.randrange(0x20, 0x30000)))
    return rng.choice(["", " "]).join(parts)


def _absurd_dates(rng: random.Random) -> str:
    sentence = rng.choice(news_sentences())
    picks = " and ".join(rng.choice(ABSURD) for _ in range(rng.randint(1, 3)))
    return f"{sentence} The talks were held {picks}, officials said on {rng.choice(ABSURD)}."


def _markup(rng: random.Random) -> str:
    sentence = rng.choice(news_sentences())
    tags = ["<p>", "</p>", "<b>", "<script>alert(1)</script>", "<!--", "-->", "&amp;", "&#8217;",
            "&#xZZ;", "<TIMEX3 value='2025'>", "</TIMEX3>", "]]>", "{\"id\": 1}", "\\u0000"]
    words = sentence.split(" ")
    for _ in range(rng.randint(1, 8)):
        words.insert(rng.randrange(len(words) + 1), rng.choice(tags))
    return " ".join(words)


def _long_tokens(rng: random.Random) -> str:
    unit = rng.choice(["2025", "Monday", "a", ".", "-", "1", " ", "Jan. 20, ", "\n"])
    return rng.choice(news_sentences()) + " " + unit * rng.randint(200, 4_000)


GENERATORS = dict(zip(KINDS, (_news_mutation, _date_soup, _unicode_noise, _absurd_dates,
                              _markup, _long_tokens)))
# long tokens are slow per case and find little new after a few thousand; keep them rarer
WEIGHTS = (30, 20, 18, 16, 12, 4)


def make_case(seed: int, index: int) -> tuple[str, str, dt.date | None]:
    """(kind, text, ref_date) of case `index` of a run with `seed`: always the same case."""
    rng = random.Random(f"{seed}:{index}")
    kind = rng.choices(KINDS, weights=WEIGHTS)[0]
    return kind, GENERATORS[kind](rng), _ref_date(rng)


# ------------------------------------------------------------------------------- checks

class StageFailure(Exception):
    """A pipeline stage raised on the case's document (caught and reported by build())."""


def check_tag(text: str, ref_date) -> list[str]:
    import timeline
    from timeline.timex.model import TIMEX_TYPES
    from timeline.timex.values import is_valid_value

    problems = []
    for t in timeline.tag(text, ref_date=ref_date):
        if text[t.start:t.end] != t.text:
            problems.append(f"timex {t.text!r} not at [{t.start}:{t.end}]")
        if t.type not in TIMEX_TYPES:
            problems.append(f"timex {t.text!r} has type {t.type!r}")
        if not is_valid_value(t.value):
            problems.append(f"timex {t.text!r} has invalid value {t.value!r}")
    return problems


def check_build(text: str, ref_date) -> list[str]:
    import pandas as pd

    import timeline
    from timeline.document import Document
    from timeline.event import CERTAINTIES
    from timeline.report import RunReport
    from timeline.table import SCHEMA
    from timeline.timex.values import is_valid_value, value_span

    doc = Document(id="fuzz", text=text)
    report = RunReport(echo=lambda message: None)
    frame = timeline.build([doc], ref_date=ref_date, backend="serial", quiet=True, report=report)
    if report.errors:
        # build() reports a stage's exception on one document instead of raising it: for the
        # fuzz run that is a crash all the same
        raise StageFailure("; ".join(str(e) for e in report.errors))
    problems = []
    if list(frame.columns) != list(SCHEMA):
        problems.append(f"columns {list(frame.columns)}")
    for row in frame.itertuples(index=False):
        where = f"event {row.event_id!r}"
        if text[row.evidence_start:row.evidence_end] != row.evidence:
            problems.append(f"{where}: evidence not at [{row.evidence_start}:{row.evidence_end}]")
        if row.date and not is_valid_value(row.date):
            problems.append(f"{where}: invalid date {row.date!r}")
        span = value_span(row.date) if row.date else None
        if span and not (pd.Timestamp(span[0]) == row.start and pd.Timestamp(span[1]) == row.end):
            problems.append(f"{where}: date {row.date} but start/end {row.start}/{row.end}")
        if not pd.isna(row.start) and not pd.isna(row.end) and row.start > row.end:
            problems.append(f"{where}: start {row.start} after end {row.end}")
        if row.certainty not in CERTAINTIES or not 0.0 <= row.confidence <= 1.0:
            problems.append(f"{where}: certainty {row.certainty!r} confidence {row.confidence}")
        for m in row.mentions:
            if text[m["evidence_start"]:m["evidence_end"]] != m["evidence"]:
                problems.append(f"{where}: mention evidence not at its offsets")
            if m.get("time_start", -1) >= 0 and text[m["time_start"]:m["time_end"]] != m["time_text"]:
                problems.append(f"{where}: mention time {m['time_text']!r} not at its offsets")
    return problems


def run_case(seed: int, target: str, index: int) -> tuple[int, str, str, str, float]:
    """(index, kind, status, detail, seconds); status is ok, invalid or exception."""
    kind, text, ref_date = make_case(seed, index)
    check = check_build if target == "build" else check_tag
    started = time.perf_counter()
    try:
        problems = check(text, ref_date)
    except Exception as exc:  # noqa: BLE001 - that is what we are looking for
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        where = f"{Path(frame.filename).name}:{frame.lineno}"
        return index, kind, "exception", f"{type(exc).__name__} at {where}: {exc}"[:300], time.perf_counter() - started
    elapsed = time.perf_counter() - started
    if problems:
        return index, kind, "invalid", "; ".join(problems)[:300], elapsed
    return index, kind, "ok", "", elapsed


def _failure_kind(detail: str) -> str:
    """Failures that differ only in numbers, quoted text or event ids are one kind."""
    detail = re.sub(r"'[^']*'|\"[^\"]*\"", "'…'", detail)
    return re.sub(r"\d+", "N", detail)[:120]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Fuzz the timeline pipeline.")
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=20250204)
    parser.add_argument("--jobs", type=int, default=0, help="worker processes (0 = every core)")
    parser.add_argument("--target", choices=("build", "tag"), default="build")
    parser.add_argument("--only", type=int, help="run just this case index")
    parser.add_argument("--show", action="store_true", help="print the case's text")
    parser.add_argument("--max-report", type=int, default=20, help="failures to list")
    args = parser.parse_args(argv)

    if args.only is not None:
        kind, text, ref_date = make_case(args.seed, args.only)
        if args.show:
            print(f"kind={kind} ref_date={ref_date}\n{text!r}")
        print(run_case(args.seed, args.target, args.only))
        return 0

    news_sentences()  # load once here so a fork-free worker start does not hide a bad corpus
    started = time.perf_counter()
    counts: Counter = Counter()
    failures: list[tuple] = []
    slowest = (0.0, -1)
    worker = functools.partial(run_case, args.seed, args.target)
    options = Options(backend="processes" if args.jobs != 1 else "serial", jobs=args.jobs)
    for done, (index, kind, status, detail, seconds) in enumerate(
            map_ordered(worker, range(args.cases), options), start=1):
        counts[(kind, status)] += 1
        slowest = max(slowest, (seconds, index))
        if status != "ok":
            failures.append((index, kind, status, detail))
        if done % 10_000 == 0:
            print(f"  {done:,} cases, {len(failures):,} failures, "
                  f"{time.perf_counter() - started:.0f} s", file=sys.stderr)
    elapsed = time.perf_counter() - started

    print(f"fuzz {args.target}: {args.cases:,} cases, seed {args.seed}, {elapsed:.0f} s "
          f"({args.cases / elapsed:,.0f} cases/s), slowest case {slowest[1]} at {slowest[0]:.2f} s")
    print(f"{'kind':<15}{'cases':>9}{'ok':>9}{'invalid':>9}{'exception':>11}")
    for kind in KINDS:
        row = [counts[(kind, s)] for s in ("ok", "invalid", "exception")]
        print(f"{kind:<15}{sum(row):>9,}{row[0]:>9,}{row[1]:>9,}{row[2]:>11,}")
    total = [sum(counts[(k, s)] for k in KINDS) for s in ("ok", "invalid", "exception")]
    print(f"{'total':<15}{sum(total):>9,}{total[0]:>9,}{total[1]:>9,}{total[2]:>11,}")
    if failures:
        groups: dict[str, list] = {}
        for failure in failures:
            groups.setdefault(_failure_kind(failure[3]), []).append(failure)
        print(f"\n{len(failures):,} failures, {len(groups)} distinct; most common:")
        ranked = sorted(groups.values(), key=len, reverse=True)
        for group in ranked[:args.max_report]:
            index, kind, status, detail = group[0]
            print(f"  {len(group):>6,} x {status} e.g. case {index} ({kind}): {detail}")
        return 1
    print("\nno failures")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
