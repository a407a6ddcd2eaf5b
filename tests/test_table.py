"""The events table: schema, exact round-trips through every format, TimelineJS3, validation."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.errors import TableError, UsageError
from timeline.table import (COLUMNS, SCHEMA, events_frame, join_list, read_events, split_list,
                            to_timelinejs, validate_events, write_events)
from timeline.timex.values import value_span

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "events_sample.csv"
FORMATS = ("csv", "json", "parquet", "xlsx")

NASTY = [
    'semi;colon; and \\;escaped\\ backslash\\',
    'quotes "double" and \'single\', a lone " and ""',
    "line one\nline two\r\nline three\rend",
    "unicode: café, Ελλάδα, العربية, 日本語, 🙂, zero\u200bwidth, nbsp\u00a0here",
    "  leading and trailing spaces  ",
    "</script><script>document.title='x'</script> <img src=x onerror=alert(1)> $x$",
    ",,commas,,",
    "#not a comment",
]


def nasty_frame() -> pd.DataFrame:
    rows = []
    for k, text in enumerate(NASTY):
        rows.append(dict(
            event_id=f"ev{k}", date="2025-02-03", start=dt.date(2025, 2, 3), end=dt.date(2025, 2, 3),
            granularity="day", title=text, description=text[::-1], actors=[text, "Rubio", ""],
            place=text, category="c;d", sources=["001;x", "002\\y", text], urls=["https://a.example/?q=1;2", "", ""],
            evidence=text, evidence_doc="001", evidence_start=k * 10, evidence_end=k * 10 + len(text),
            time_text="late on Monday", certainty="explicit", confidence=k / 7,
            mentions=[{"doc_id": "001", "evidence": text, "evidence_start": 3, "confidence": 0.25,
                       "nested": {"list": [1, 2.5, None, text]}}]))
    # the awkward cases: empty lists, a list holding one empty string, missing numbers, old and timed dates
    rows.append(dict(event_id="old", date="1492-10-12", start="1492-10-12", end="1492-10-12", granularity="day",
                     title="Columbus lands", actors=[], sources=[""], urls=[""], evidence_start=None,
                     confidence=float("nan"), mentions=[]))
    rows.append(dict(event_id="timed", date="2025-02-03T14:30", start=pd.Timestamp("2025-02-03 14:30"),
                     end=pd.Timestamp("2025-02-03 14:30"), granularity="time", title="A timed event",
                     actors=["\\"], sources=[";"], urls=[""], confidence=1.0))
    rows.append(dict(event_id="decade", date="199", start="1990-01-01", end="1999-12-31", granularity="decade",
                     title="The 1990s", confidence=0.0))
    # before AD 1: astronomical years in start/end (-0043 is 44 BC), the TIMEX3 value in date
    rows.append(dict(event_id="bc", date="BC0044-03-15", start="-0043-03-15", end="-0043-03-15",
                     granularity="day", title="Caesar is killed", confidence=0.5))
    rows.append(dict(event_id="bc-century", date="BC04", start="-0499-01-01", end="-0400-12-31",
                     granularity="century", title="Athens in the 5th century BC", confidence=0.5))
    return events_frame(rows)


def test_schema_for_zero_rows():
    frame = events_frame()
    assert list(frame.columns) == list(COLUMNS)
    assert len(frame) == 0
    assert {c: str(frame[c].dtype) for c in COLUMNS} == {
        c: str(pd.Series([], dtype=t).dtype) for c, t in SCHEMA.items()}


@pytest.mark.parametrize("fmt", FORMATS)
def test_zero_rows_round_trip(tmp_path, fmt):
    path = write_events(events_frame(), tmp_path / f"empty.{fmt}")
    pd.testing.assert_frame_equal(read_events(path), events_frame())


@pytest.mark.parametrize("fmt", FORMATS)
def test_nasty_round_trip_is_exact(tmp_path, fmt):
    frame = nasty_frame()
    back = read_events(write_events(frame, tmp_path / f"events.{fmt}"))
    pd.testing.assert_frame_equal(back, frame)
    assert back.loc[0, "actors"] == [NASTY[0], "Rubio", ""]
    assert back.loc[len(NASTY), "sources"] == [""]
    assert back.loc[len(NASTY), "start"] == pd.Timestamp("1492-10-12")
    assert back.loc[len(NASTY) + 1, "start"] == pd.Timestamp("2025-02-03 14:30")
    assert back.loc[2, "mentions"][0]["nested"] == {"list": [1, 2.5, None, NASTY[2]]}


@pytest.mark.parametrize("fmt", FORMATS)
def test_extra_columns_survive(tmp_path, fmt):
    frame = events_frame([{"title": "x", "date": "2025-01"}])
    frame["priority"] = pd.Series(["high"], dtype="string")
    back = read_events(write_events(frame, tmp_path / f"events.{fmt}"))
    assert list(back.columns) == list(COLUMNS) + ["priority"]
    assert back.loc[0, "priority"] == "high"


def test_csv_lists_are_semicolon_joined_and_readable(tmp_path):
    frame = events_frame([{"title": "x", "date": "2025-02-03", "sources": ["000_a", "001_b"], "actors": ["A;B"]}])
    text = write_events(frame, tmp_path / "e.csv").read_text(encoding="utf-8")
    assert text.startswith("\ufeffevent_id,")  # the BOM: spreadsheets then read UTF-8, not a code page
    header, row = text[1:].splitlines()
    cells = dict(zip(header.split(","), row.split(",")))
    assert cells["sources"] == "000_a;001_b"
    assert cells["actors"] == "A\\;B"


@given(st.lists(st.text(alphabet=st.sampled_from(list("ab;\\ \n\"é")), max_size=6), max_size=5))
@settings(max_examples=300, deadline=None)
def test_list_cells_are_lossless(items):
    assert split_list(join_list(items)) == items


# what spreadsheets, the list escaping and CSV quoting treat specially, so that generated texts hit them
AWKWARD = st.text(alphabet=st.sampled_from(list("=+-@'\\;\t\r\n\" ,aé_x0041\x01")), max_size=12)
TEXTS = st.one_of(st.text(max_size=30), AWKWARD, st.tuples(st.sampled_from(list("=+-@'\\;\n\t\r")),
                                                        st.text(max_size=20)).map("".join))


@given(TEXTS, st.lists(TEXTS, max_size=4), st.lists(st.sampled_from(["", "https://a.example/?q=1;2", "'x"]),
                                                    min_size=1, max_size=3), st.sampled_from(FORMATS))
@settings(max_examples=80, deadline=None)
def test_any_text_round_trips(text, items, urls, fmt):
    df = events_frame([{"event_id": text.strip() or "e1", "title": "t" + text, "description": text, "place": text,
                        "date": "2025-02-03", "start": "2025-02-03", "end": "2025-02-03", "granularity": "day",
                        "actors": items, "sources": [str(k) for k in range(len(urls))], "urls": urls,
                        "evidence": text, "mentions": [{"evidence": text, "url": urls[0], "n": len(text)}]},
                       {"event_id": "second event", "title": "empty lists", "date": "2025", "start": "2025-01-01",
                        "end": "2025-12-31", "granularity": "year", "sources": items}])
    with tempfile.TemporaryDirectory() as tmp:
        back = read_events(write_events(df, Path(tmp) / f"events.{fmt}"))
    pd.testing.assert_frame_equal(back, df)


def test_write_is_atomic_and_format_checked(tmp_path):
    with pytest.raises(UsageError, match="unknown table format"):
        write_events(events_frame(), tmp_path / "events.ods")
    with pytest.raises(UsageError):
        read_events(tmp_path / "events.txt")
    with pytest.raises(TableError, match="file not found"):
        read_events(tmp_path / "missing.csv")
    assert not list(tmp_path.iterdir())  # nothing half-written


# ---------------------------------------------------------------- the sample table

def test_sample_is_real_and_sourced(seeds_dir):
    df = read_events(SAMPLE)
    texts = {p.stem: p.read_text(encoding="utf-8") for p in seeds_dir.glob("*.txt")}
    gold = pd.read_csv(seeds_dir / "gold.csv", dtype=str, keep_default_na=False)
    assert set(gold["id"]) == set(df["event_id"])
    for g in gold.itertuples():
        row = df[df["event_id"] == g.id].iloc[0]
        assert row["date"] == g.date and row["granularity"] == g.granularity
        assert {s.split("_")[0] for s in row["sources"]} == set(g.sources.split(";"))
        first, last, _ = value_span(g.date)
        assert (row["start"].date(), row["end"].date()) == (first, last)
    for row in df.itertuples():
        text = texts[row.evidence_doc]
        assert text[row.evidence_start:row.evidence_end] == row.evidence
        assert len(row.mentions) == len(row.sources)
        for m in row.mentions:
            doc = texts[m["doc_id"]]
            assert doc[m["evidence_start"]:m["evidence_end"]] == m["evidence"]
            if m["time_text"]:
                assert doc[m["time_start"]:m["time_end"]] == m["time_text"]


# ---------------------------------------------------------------- TimelineJS3

def test_timelinejs_dates_by_granularity():
    out = to_timelinejs(read_events(SAMPLE), title="Rubio <in> El Salvador")
    events = {e["unique_id"]: e for e in out["events"]}
    assert len(events) == 12
    assert out["title"]["text"]["headline"] == "Rubio &lt;in&gt; El Salvador"
    assert events["meeting"]["start_date"] == {"year": "2025", "month": "2", "day": "3", "display_date": "3 Feb 2025"}
    assert "end_date" not in events["meeting"]
    week = events["guantanamo"]
    assert week["start_date"]["display_date"] == "week of 27 Jan 2025"
    assert (week["start_date"]["day"], week["end_date"]) == ("27", {"year": "2025", "month": "2", "day": "2"})
    month = events["gang_order"]["start_date"]
    assert (month["month"], "day" in month, month["display_date"]) == ("1", False, "January 2025")
    assert events["cecot_built"]["start_date"] == {"year": "2023", "display_date": "2023"}
    assert events["cecot_built"]["end_date"] == {"year": "2023", "month": "12", "day": "31"}
    assert events["meeting"]["group"] == "diplomacy"
    assert "Lake Coatepeque at El Salvador, February 3, 2025." in events["meeting"]["text"]["text"]


def test_timelinejs_years_before_ad_1():
    out = to_timelinejs(validate_events(pd.DataFrame({"title": ["Xerxes invades", "Caesar is killed"],
                                                      "date": ["480 BC", "-0044-03-15"]})))
    xerxes, caesar = (e["start_date"] for e in out["events"])
    # TimelineJS numbers years the reader's way (-480 for 480 BC); what it shows is our own text
    assert xerxes == {"year": "-480", "display_date": "480 BC"}
    assert caesar == {"year": "-44", "month": "3", "day": "15", "display_date": "15 Mar 44 BC"}


def test_timelinejs_escapes_everything(tmp_path):
    bad = "</script><script>document.title='x'</script><img src=x onerror=alert(1)>"
    frame = events_frame([{"title": bad, "description": bad, "evidence": bad + " more", "date": "2025-02-03",
                           "start": "2025-02-03", "end": "2025-02-03", "granularity": "day",
                           "sources": ["evil", "good"], "urls": ["javascript:alert(1)", "https://ok.example/a"]}])
    path = write_events(frame, tmp_path / "t.timelinejs.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    event = data["events"][0]
    blob = json.dumps(event)
    assert "<script" not in blob and "<img" not in blob and "javascript:" not in blob
    assert event["text"]["headline"].startswith("&lt;/script&gt;")
    assert '<a href="https://ok.example/a">good</a>' in event["text"]["text"]
    assert event["media"]["url"] == "https://ok.example/a"


# ---------------------------------------------------------------- validation

def test_validation_derives_dates_from_strings():
    df = validate_events(pd.DataFrame({
        "title": ["a", "b", "c", "d", "e", "f"],
        "date": ["2025-W05", "3 Feb 2025", "February 2025", "2023", None, "2025-Q1"],
        "start": [None, None, None, None, "2025-02-10", None],
        "end": [None, None, None, None, "2025-02-16", None],
    }))
    assert df["date"].tolist() == ["2025-W05", "2025-02-03", "2025-02", "2023", "2025-W07", "2025-Q1"]
    assert df["granularity"].tolist() == ["week", "day", "month", "year", "week", "quarter"]
    assert df["start"].dt.strftime("%Y-%m-%d").tolist() == [
        "2025-01-27", "2025-02-03", "2025-02-01", "2023-01-01", "2025-02-10", "2025-01-01"]
    assert df["end"].dt.strftime("%Y-%m-%d").tolist() == [
        "2025-02-02", "2025-02-03", "2025-02-28", "2023-12-31", "2025-02-16", "2025-03-31"]
    assert df["event_id"].is_unique and df["event_id"].str.startswith("ev-").all()
    assert str(df["start"].dtype) == "datetime64[s]"


@pytest.mark.parametrize("date,value,start,end", [
    # a minus in `date` is BC as historians write it (dateparser would drop it: AD 44)
    ("-0044-03-15", "BC0044-03-15", "-0043-03-15", "-0043-03-15"),
    ("-44", "BC0044", "-0043-01-01", "-0043-12-31"),
    ("BC0044-03-15", "BC0044-03-15", "-0043-03-15", "-0043-03-15"),
    ("15 March 44 BC", "BC0044-03-15", "-0043-03-15", "-0043-03-15"),
    ("480 BC", "BC0480", "-0479-01-01", "-0479-12-31"),
    ("the 5th century BC", "BC04", "-0499-01-01", "-0400-12-31"),
    ("AD 79", "0079", "0079-01-01", "0079-12-31"),  # (dateparser: 1979)
])
def test_validation_reads_dates_before_ad_1(date, value, start, end):
    table = validate_events(pd.DataFrame({"title": ["x"], "date": [date]}))
    assert table.loc[0, "date"] == value
    assert (table.loc[0, "start"], table.loc[0, "end"]) == (pd.Timestamp(start), pd.Timestamp(end))


def test_validation_of_signed_iso_start_end_is_astronomical_and_gives_the_bc_value():
    table = validate_events(pd.DataFrame({"title": ["x", "y", "z"], "start": ["-0479-03", "-0043-03-15", "-0479-04"],
                                          "end": ["-0479-05", None, "-0479-06"]}))
    assert table["date"].tolist() == ["BC0480-03-01", "BC0044-03-15", "BC0480-Q2"]
    assert table["granularity"].tolist() == ["range", "day", "quarter"]
    assert table.loc[0, "end"] == pd.Timestamp("-0479-05-31")


def test_validation_refuses_year_0_bc():
    with pytest.raises(TableError, match="unparseable date '-0000-01-01'"):
        validate_events(pd.DataFrame({"title": ["x"], "date": ["-0000-01-01"]}))


def test_tables_before_ad_1_sort_and_filter():
    table = validate_events(pd.DataFrame({"title": ["Plataea", "Moon landing", "Marathon", "Caesar"],
                                          "date": ["479 BC", "1969-07-20", "490 BC", "-0044-03-15"]}))
    assert table.sort_values("start")["title"].tolist() == ["Marathon", "Plataea", "Caesar", "Moon landing"]
    assert table[table["start"] < pd.Timestamp("0001-01-01")]["title"].tolist() == ["Plataea", "Marathon", "Caesar"]


def test_validation_keeps_text_exactly_and_places_timed_events():
    df = validate_events(pd.DataFrame({"title": [" spaced "], "description": ["   "], "place": [None],
                                       "date": ["2025-02-03T14:30"]}))
    assert (df.loc[0, "title"], df.loc[0, "description"], df.loc[0, "place"]) == (" spaced ", "   ", "")
    assert df.loc[0, "start"] == df.loc[0, "end"] == pd.Timestamp("2025-02-03 14:30")
    assert df.loc[0, "granularity"] == "time"


def test_validation_custom_range_and_start_only():
    df = validate_events(pd.DataFrame({"title": ["range", "day"], "start": ["2025-01-10", "2025-01-10"],
                                       "end": ["2025-01-20", None]}))
    assert df["granularity"].tolist() == ["range", "day"]
    assert df["date"].tolist() == ["2025-01-10", "2025-01-10"]
    assert df.loc[1, "end"] == pd.Timestamp("2025-01-10")


def test_validation_lists_every_problem():
    table = pd.DataFrame({
        "event_id": ["a", "b", "c", "d", "a", "f"],
        "title": ["ok", "bad date", "reversed", "too sure", "dup", ""],
        "date": ["2025-02-03", "Feb 30 2025", None, "2025-02-03", "2025-02-04", "2025-02-05"],
        "start": [None, None, "2025-02-10", None, None, None],
        "end": [None, None, "2025-02-01", None, None, None],
        "confidence": [0.5, 0.5, 0.5, 1.5, "high", 0.1],
        "granularity": ["day", "", "", "", "fortnight", ""],
    })
    with pytest.raises(TableError) as err:
        validate_events(table, source="my.csv")
    problems = err.value.problems
    assert problems == [
        "row 2 ('bad date'): unparseable date 'Feb 30 2025' (use a calendar date such as 2025-02-03, "
        "2025-W05, 2025-01, 2023 or '3 Feb 2025')",
        "row 3 ('reversed'): end 2025-02-01 is before start 2025-02-10",
        "row 4 ('too sure'): confidence 1.5 is outside [0, 1]",
        "row 5 ('dup'): unknown granularity 'fortnight' (use one of time, day, week, month, quarter, season, "
        "half, year, decade, century, millennium, range)",
        "row 5 ('dup'): confidence 'high' is not a number",
        "row 6: the title is empty",
        "event_id 'a' is used by more than one row (rows 1, 5)",
    ]
    assert str(err.value).startswith("my.csv has 7 problem(s):\n  - row 2")


def test_validation_missing_columns():
    with pytest.raises(TableError) as err:
        validate_events(pd.DataFrame({"headline": ["x"], "when": ["2025"]}))
    assert err.value.problems == [
        "missing column 'title' (a short text saying what happened); columns found: headline, when",
        "missing column 'date' (e.g. 2025-02-03, 2025-W05, 2025-01, 2023) or 'start'; "
        "columns found: headline, when"]


def test_validation_of_bad_file_names_it(tmp_path):
    path = tmp_path / "user.csv"
    path.write_text("title,date,confidence\nfine,2025-02-03,0.4\nnope,someday,0.2\n,2025-13-01,-1\n",
                    encoding="utf-8")
    with pytest.raises(TableError) as err:
        read_events(path)
    assert err.value.source == str(path)
    assert err.value.problems == [
        "row 2 ('nope'): unparseable date 'someday' (use a calendar date such as 2025-02-03, 2025-W05, "
        "2025-01, 2023 or '3 Feb 2025')",
        "row 3: the title is empty",
        "row 3: unparseable date '2025-13-01' (use a calendar date such as 2025-02-03, 2025-W05, "
        "2025-01, 2023 or '3 Feb 2025')",
        "row 3: confidence -1 is outside [0, 1]",
    ]


def test_non_calendar_timex_needs_a_start():
    with pytest.raises(TableError, match="'P3D' is not a calendar date"):
        validate_events(pd.DataFrame({"title": ["x"], "date": ["P3D"]}))
    df = validate_events(pd.DataFrame({"title": ["x"], "date": ["PRESENT_REF"], "start": ["2025-02-04"]}))
    assert df.loc[0, "date"] == "PRESENT_REF" and df.loc[0, "granularity"] == "day"


def test_validate_accepts_a_path_and_user_lists(tmp_path):
    path = tmp_path / "u.json"
    path.write_text(json.dumps([{"title": "t", "date": "2025-02-03", "actors": "Rubio;Bukele",
                                 "confidence": 1, "evidence_start": 4.0}]), encoding="utf-8")
    df = validate_events(path)
    assert df.loc[0, "actors"] == ["Rubio", "Bukele"]
    assert df.loc[0, "evidence_start"] == 4 and df.loc[0, "confidence"] == 1.0
    assert np.issubdtype(df["confidence"].dtype, np.floating)


def test_one_mistake_in_many_rows_is_one_line_of_the_message():
    """10,000 rows with the same reversed dates and one other problem: the message has a line
    per kind of problem, with its count and first rows; `problems` still lists every one."""
    n = 10_000
    table = pd.DataFrame({"title": [f"event {k}" for k in range(n)], "start": ["2025-02-10"] * n,
                          "end": ["2025-02-01"] * n, "confidence": [0.5] * (n - 1) + [3]})
    with pytest.raises(TableError) as err:
        validate_events(table, source="big.csv")
    assert len(err.value.problems) == n + 1
    assert str(err.value).splitlines() == [
        "big.csv has 10,001 problem(s) of 2 kinds:",
        "  - row 1 ('event 0'): end 2025-02-01 is before start 2025-02-10 — and 9,999 more row(s) like it "
        "(10,000 in all: rows 1, 2, 3, 4, 5, …)",
        "  - row 10000 ('event 9999'): confidence 3.0 is outside [0, 1]"]
