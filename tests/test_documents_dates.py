"""A document's own date: date fields, header lines, datelines and bylines, caption dates."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.documents import dates

D = dt.date


@pytest.mark.parametrize("value, expected", [
    ("2025-02-04", D(2025, 2, 4)),
    ("2025-02-04T23:10:00+05:00", D(2025, 2, 4)),     # the date as written, not moved to UTC
    ("2025-2-4", D(2025, 2, 4)),
    ("February 4, 2025", D(2025, 2, 4)),
    ("4 Feb 2025", D(2025, 2, 4)),
    ("Tue, 04 Feb 2025 10:00:00 GMT", D(2025, 2, 4)),
    (dt.datetime(2025, 2, 4, 12, 0), D(2025, 2, 4)),
    (D(1998, 12, 31), D(1998, 12, 31)),
    ("19980301", D(1998, 3, 1)),                      # TimeML DCT style
    (20250204, D(2025, 2, 4)),
    (1738627200, D(2025, 2, 4)),                      # Unix seconds (UTC)
    (1738627200000, D(2025, 2, 4)),                   # Unix milliseconds
    ("", None),
    (None, None),
])
def test_date_values(value, expected):
    assert dates.parse_date_value(value) == expected


@pytest.mark.parametrize("value, words", [
    ("0000-01-01", "year 0"),
    ("99999-01-01", "year 99999"),
    ("2025-02-30", "not a calendar date"),
    ("2025-13-01", "not a calendar date"),
    ("soon", "not a date"),
    ("Feb. 3", "not a date"),          # no year: never silently this year
    (12345, "neither YYYYMMDD nor a Unix time"),
    ("20250230", "not a calendar date"),
])
def test_absurd_date_values(value, words):
    with pytest.raises(dates.BadDate, match=words):
        dates.parse_date_value(value)


@pytest.mark.parametrize("text, expected, evidence", [
    (" date 2025-02-04 US Secretary of State Marco Rubio said late Monday", D(2025, 2, 4), "date 2025-02-04"),
    ("Date: Tue, 4 Feb 2025 10:00:00 +0000\n\nRubio met Bukele.", D(2025, 2, 4), "Date: Tue, 4 Feb 2025 10:00:00"),
    ("Published: February 4, 2025\nRubio met Bukele.", D(2025, 2, 4), "Published: February 4, 2025"),
    ("DATE=2025-02-04\nText", D(2025, 2, 4), "DATE=2025-02-04"),
])
def test_header_lines(text, expected, evidence):
    found = dates.header_date(text)
    assert found is not None and found[0] == expected
    assert found[1].startswith(evidence.split()[0]) and evidence.split()[-1] in found[1]


@pytest.mark.parametrize("text", [
    "Date night ideas for couples in Berlin.",
    "Dated buildings line the old town square.",
    "Rubio met Bukele.\ndate 2025-02-04",          # not at the very start
])
def test_no_header(text):
    assert dates.header_date(text) is None


@pytest.mark.parametrize("text, expected", [
    ("WASHINGTON, Feb. 3, 2025 (Reuters) - Secretary of State Marco Rubio said", D(2025, 2, 3)),
    ("NEW YORK, Feb. 4, 2025 /PRNewswire/ -- The company announced", D(2025, 2, 4)),
    ("SAN SALVADOR, February 3, 2025 — Rubio met Bukele", D(2025, 2, 3)),
    ("Marco Rubio in El Salvador\n\nPublished February 4, 2025\n\nRubio met Bukele.", D(2025, 2, 4)),
    ("Rubio in El Salvador\nBy Jane Doe | Feb 4, 2025\nRubio met Bukele.", D(2025, 2, 4)),
    ("Rubio in El Salvador\nBy Jane Doe, Reuters - February 4, 2025\nText.", D(2025, 2, 4)),
    ("Headline here\nTuesday, February 4, 2025 10:32 AM EST\nRubio met Bukele.", D(2025, 2, 4)),
    ("Headline\nPosted on: 4 Feb 2025 10:32\nBody text.", D(2025, 2, 4)),
    ("Headline\nLast updated 04.02.2025\nBody.", D(2025, 2, 4)),   # European day.month order
    ("Headline\nPublished Feb 4, 2025 | Updated Feb 5, 2025 10:02 AM\nBody.", D(2025, 2, 4)),
    ("Headline\nPublished 4:32 PM EST, Tue February 4, 2025\nBody.", D(2025, 2, 4)),
    ("Headline\nTuesday 4 February 2025 09.00 GMT\nBody.", D(2025, 2, 4)),
    ("Headline\nLast Modified: Tue 4 Feb 2025 12.05 GMT\nBody.", D(2025, 2, 4)),
    ("Headline\n4 February 2025 · 5 min read\nBody.", D(2025, 2, 4)),
    ("By Jane Doe\nFebruary 4, 2025 at 3:12 p.m. ET\nBody.", D(2025, 2, 4)),
    ("Headline\nUpdated: Feb 5, 2025 | Published: Feb 4, 2025\nBody.", D(2025, 2, 4)),
])
def test_datelines(text, expected):
    found = dates.dateline_date(text)
    assert found is not None and found[0] == expected


def test_yearless_wire_dateline_keeps_month_and_day():
    day, matched, month_day = dates.dateline_date(
        "WASHINGTON, Feb. 3 (Reuters) - U.S. Secretary of State Marco Rubio said on Monday")
    assert day is None and month_day == (2, 3) and matched.startswith("WASHINGTON, Feb. 3 (Reuters)")


@pytest.mark.parametrize("text", [
    "Rubio met Bukele on February 3, 2025, at his residence, officials said.",  # inside a sentence
    "the meeting, February 4, 2025 - more text follows here",                    # lower-case city
    "By the way, it was fine.",
    "By Monday, February 4, 2025, all staff must file their reports.",   # a deadline, no byline
])
def test_no_dateline(text):
    assert dates.dateline_date(text) is None


def test_caption_date_of_seed_004(seeds_dir):
    text = (seeds_dir / "004_14d3067ffab1f62e.txt").read_text(encoding="utf-8")
    day, info = dates.text_date(text)
    assert day == D(2025, 2, 3) and info["date_text"] == "February 3, 2025"


def test_text_date_prefers_the_most_frequent_then_the_latest():
    text = ("Leaders at the summit in Geneva, March 3, 2024. Photo: Reuters\n"
            "The hall before the talks, March 3, 2024.\nAn earlier round in Vienna, December 1, 2023.\n")
    assert dates.text_date(text)[0] == D(2024, 3, 3)
    text = "First round in Vienna, January 5, 2024.\nSecond round in Geneva, March 3, 2024.\n"
    assert dates.text_date(text)[0] == D(2024, 3, 3)


@pytest.mark.parametrize("text", [
    # real TimeBank/AQUAINT sentences: dates the story is about, not when it was written
    "The Aug. 7, 1998, bombings killed more than 200 people.",
    "Slepian was killed on Oct. 23, 1999 by a sniper hiding in his back yard.",
    "The company will redeem its debentures due March 1, 2011.",
])
def test_text_date_ignores_dates_inside_sentences(text):
    assert dates.text_date(text) is None


def test_text_date_ignores_partial_and_relative_dates(seeds_dir):
    text = (seeds_dir / "000_21e3754d681186f4.txt").read_text(encoding="utf-8")  # "Jan. 20", "Monday"
    assert dates.text_date(text) is None


def test_text_date_only_looks_at_the_top():
    text = "Rubio met Bukele. " * 200 + "In a footnote: March 3, 2019."
    assert dates.text_date(text) is None


def test_a_broken_tagger_loses_no_document():
    def broken(text):
        raise RuntimeError("tagger bug")
    assert dates.text_date("February 3, 2025 caption", tag=broken) is None
