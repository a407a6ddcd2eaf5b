"""The hand-labelled value audit (benchmarks/data/value_audit.tsv) against the real gold.

Every row must point at a gold TIMEX3 of TimeBank/AQUAINT with exactly its text, offsets, type
and value, so the audit cannot drift from the corpus it describes; categories come from the
fixed set and no disagreement is labelled twice.
"""

from __future__ import annotations

import collections
import sys
from pathlib import Path

import pytest

from timeline.timeml import read_timeml
from timeline.timex.values import is_valid_value

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCH))
import value_audit  # noqa: E402  (benchmarks/ is not a package)

sys.path.remove(str(BENCH))


@pytest.fixture(scope="module")
def rows() -> list[value_audit.Row]:
    rows = value_audit.read_tsv(value_audit.TSV)
    assert rows, "the audit TSV is empty"
    return rows


@pytest.fixture(scope="module")
def gold(timeml_dir: Path, rows) -> dict[str, dict[tuple[int, int], object]]:
    """Gold TIMEX3 of every document the TSV names, by (start, end)."""
    out = {}
    for doc in sorted({r.doc for r in rows}):
        path = timeml_dir / doc
        assert path.is_file(), f"{doc}: no such document under {timeml_dir}"
        out[doc] = {(t.start, t.end): t for t in read_timeml(path).timexes}
    return out


def test_header_and_columns_are_the_documented_ones():
    text = value_audit.TSV.read_text(encoding="utf-8")
    first_data = next(ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))
    assert tuple(first_data.split("\t")) == value_audit.COLUMNS
    for category in value_audit.CATEGORIES:
        assert f"#   {category}" in text, f"the header does not explain {category}"


def test_every_row_points_at_a_gold_timex_with_its_text_type_and_value(rows, gold):
    wrong = []
    for r in rows:
        t = gold[r.doc].get((r.gold_start, r.gold_end))
        if t is None:
            wrong.append(f"{r.doc} {r.gold_start}-{r.gold_end}: no gold TIMEX3 there")
            continue
        for field, want in (("text", r.text), ("type", r.gold_type), ("value", r.gold_value)):
            if getattr(t, field) != want:
                wrong.append(f"{r.doc} {r.gold_start}-{r.gold_end}: gold {field} is "
                             f"{getattr(t, field)!r}, the TSV says {want!r}")
    assert not wrong, "\n".join(wrong)


def test_categories_are_allowed_and_every_row_has_evidence(rows):
    allowed = set(value_audit.CATEGORIES) | {value_audit.UNLABELLED}
    assert {r.category for r in rows} <= allowed
    labelled = [r for r in rows if r.category != value_audit.UNLABELLED]
    assert all(len(r.reason) >= 20 for r in labelled), "a labelled row has no real reason"
    # A disagreement means the two values differ; a row with equal values labels nothing.
    assert all(r.system_value != r.gold_value for r in rows)


def test_no_duplicate_keys(rows):
    counts = collections.Counter(r.key for r in rows)
    assert [k for k, n in counts.items() if n > 1] == []


def test_ungrammatical_gold_values_are_labelled_malformed(rows):
    # A gold value the TIMEX3 grammar rejects cannot be "right", so its row is never `system`.
    bad = [r for r in rows if not is_valid_value(r.gold_value)]
    assert bad, "the corpus has ungrammatical gold values (2000-W7, PXC, P2L); none is labelled"
    assert {r.category for r in bad} == {"gold-malformed"}
    assert all(is_valid_value(r.system_value) for r in rows)


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def test_weekday_claims_hold_on_the_calendar(rows):
    """Rows that call a gold date 'not the weekday named' are checked against the calendar, and
    so are the `system` rows that resolve a weekday: their gold value is that weekday."""
    import datetime as dt

    checked = 0
    for r in rows:
        named = [i for i, d in enumerate(WEEKDAYS) if d in r.text.lower()]
        if len(named) != 1 or len(r.gold_value) < 10 or r.gold_value[4] != "-":
            continue
        if any(w in r.text.lower() for w in ("before", "after", "earlier", "later")):
            continue  # 'the day before last Tuesday' names a Tuesday but is a Monday
        day = dt.date.fromisoformat(r.gold_value[:10]).weekday()
        if r.category == "gold-malformed" and "not the" in r.reason:
            assert day != named[0], r
            checked += 1
        elif r.category == "system":
            assert day == named[0], r
            checked += 1
    assert checked >= 8


def test_gold_shapes_counts_what_the_reasons_cite(timeml_dir, monkeypatch):
    """The evidence tool: 'last/this/next week' shapes counted over the real gold."""
    monkeypatch.setenv("TIMELINE_TIMEML_DIR", str(timeml_dir))
    sys.path.insert(0, str(BENCH))
    try:
        run = value_audit.run_tagger()
    finally:
        sys.path.remove(str(BENCH))
    import io

    shapes = value_audit.gold_shapes(run, r"((late|early) )?(last|this|next) week", out=io.StringIO())
    by_shape = collections.Counter()
    for key, n in shapes.items():
        by_shape[key.split(" (")[0]] += n
    assert by_shape["DATE nnnn-WXX"] == 14
    assert by_shape["DATE nnnn-Wnn"] == 20
    # and the summary runs end to end on the real corpus
    result = value_audit.summary(run, value_audit.read_tsv(), out=io.StringIO())
    assert 0 < result["scores"].value_f1 <= result["f1_if_system"] <= result["f1_if_ambiguous"] <= 1
