"""Properties of the whole pipeline over generated text (hypothesis): no exception escapes
`timeline.build` for any text and any reference date, every event's evidence is the document text
at its offsets, and every date is a valid TIMEX3 value whose days are the row's start/end.

The long run (>= 100,000 cases) is benchmarks/fuzz_pipeline.py; this keeps to a few hundred
examples so the suite stays fast.
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import timeline
from timeline.document import Document
from timeline.errors import UsageError
from timeline.event import CERTAINTIES
from timeline.report import RunReport
from timeline.table import SCHEMA
from timeline.timex.values import is_valid_value, value_span

FUZZ = settings(max_examples=120, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.fixture(scope="module")
def sentences(seeds_dir) -> list[str]:
    out = []
    for path in sorted(seeds_dir.glob("*.txt")):
        out.extend(s for s in re.split(r"(?<=[.!?])\s+", path.read_text(encoding="utf-8")) if s.strip())
    assert len(out) > 50
    return out


# Words that steer the tagger and the extractor into their date and event rules, plus the
# absurd dates of the bad-input list.
DATE_WORDS = st.sampled_from([
    "Monday", "late on Monday", "Jan. 20", "January 20, 2025", "last week", "Last month",
    "in 2023", "next year", "yesterday", "the 1990s", "Feb. 30", "February 30, 2025", "year 0",
    "in 99999", "0000-00-00", "2025-02-30", "9999-12-31", "three hours ago", "every Monday",
    "met", "signed", "said", "deported", "took office", "Rubio", "Bukele", "El Salvador",
    "43 migrants", "$2.7 million", "MS-13", ",", ".", "\n", "–", "\u00a0", "\u200b", "٢٠٢٥",
])
NEWSY = st.lists(st.one_of(DATE_WORDS, st.text(max_size=12)), max_size=40).map(" ".join)
ANY_TEXT = st.one_of(st.text(max_size=400), NEWSY)
REF_DATES = st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
                      st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)))


def _build(text: str, ref_date) -> pd.DataFrame:
    # build() turns a failure on one document into a reported skip, so the run goes on; here
    # every such report is a bug that would otherwise hide behind that safety net
    report = RunReport(echo=lambda message: None)
    frame = timeline.build([Document(id="fuzz", text=text)], ref_date=ref_date,
                           backend="serial", quiet=True, report=report)
    assert report.errors == [], report.errors
    assert report.processed == 1
    return frame


def _check(frame: pd.DataFrame, text: str) -> None:
    assert list(frame.columns) == list(SCHEMA)
    for row in frame.itertuples(index=False):
        assert row.evidence_doc == "fuzz"
        assert text[row.evidence_start:row.evidence_end] == row.evidence
        assert row.certainty in CERTAINTIES and 0.0 <= row.confidence <= 1.0
        if row.date:
            assert is_valid_value(row.date), row.date
            span = value_span(row.date)
            if span is not None:
                assert (row.start, row.end) == (pd.Timestamp(span[0]), pd.Timestamp(span[1]))
        if not pd.isna(row.start) and not pd.isna(row.end):
            assert row.start <= row.end
        for mention in row.mentions:
            assert text[mention["evidence_start"]:mention["evidence_end"]] == mention["evidence"]
            if mention.get("time_start", -1) >= 0:
                assert text[mention["time_start"]:mention["time_end"]] == mention["time_text"]


@FUZZ
@given(text=ANY_TEXT, ref_date=REF_DATES)
def test_any_text_builds_a_sound_frame(text, ref_date):
    _check(_build(text, ref_date), text)


@FUZZ
@given(data=st.data(), ref_date=REF_DATES)
def test_mutated_news_builds_a_sound_frame(sentences, data, ref_date):
    picked = data.draw(st.lists(st.sampled_from(sentences), min_size=1, max_size=5))
    text = " ".join(picked)
    # splice date words and noise into real sentences at drawn positions
    for _ in range(data.draw(st.integers(0, 4))):
        at = data.draw(st.integers(0, len(text)))
        text = text[:at] + " " + data.draw(ANY_TEXT.filter(lambda s: len(s) < 60)) + " " + text[at:]
    _check(_build(text, ref_date), text)


@FUZZ
@given(text=ANY_TEXT, ref_date=REF_DATES)
def test_plain_string_input_never_raises(text, ref_date):
    """A str with a line break is read as a text (never a path); the loader may reject it
    (empty, binary-looking) but nothing escapes and evidence comes from the input."""
    try:
        frame = timeline.build([text + "\n"], ref_date=ref_date, backend="serial", quiet=True)
    except UsageError as exc:
        # the loader accepts reference dates of years 1000-2999 only: a usage error about the
        # option, never about the text
        assert str(exc).startswith("ref_date:") and not 1000 <= ref_date.year <= 2999
        return
    assert list(frame.columns) == list(SCHEMA)
    for row in frame.itertuples(index=False):
        assert row.evidence in text + "\n"


def test_the_absurd_dates_of_the_bad_input_list(sentences):
    """Year 0, 99999 and Feb 30 never become event dates."""
    text = ("Rubio met Bukele on Feb. 30, 2025. The talks were held in the year 0 and again in "
            "99999. " + sentences[0])
    frame = _build(text, dt.date(2025, 2, 4))
    _check(frame, text)
    assert not frame["date"].isin(["2025-02-30", "0000", "99999"]).any()


@pytest.mark.parametrize("ref_date", [dt.date(1, 1, 1), dt.date(1, 1, 20), dt.date(9999, 12, 31)])
def test_reference_dates_at_the_ends_of_the_calendar(ref_date):
    text = "Rubio met Bukele on Monday. The talks were held on Jan. 20 and last week."
    _check(_build(text, ref_date), text)
