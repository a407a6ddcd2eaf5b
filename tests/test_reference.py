"""Dates that are reference points, not a happening's (timeline.events.reference)."""

import datetime as dt

import pytest

from timeline import tag
from timeline.events.reference import reference_point
from timeline.events.sentences import split_sentences


def _reference(text, date_text):
    sent = split_sentences(text)[0]
    (timex,) = [t for t in tag(text, dt.date(2009, 3, 2)) if t.text == date_text]
    return reference_point(sent, timex)


@pytest.mark.parametrize("text, date_text", [
    ("The index posted its worst fall since 1987.", "1987"),
    ("Congress passed the Gold Reserve Act of 1934.", "1934"),
    ("Sales rose to $7.1 billion from $5.8 billion in 2005.", "2005"),
    ("Analysts praised last week's figures.", "last week"),
])
def test_a_yardstick_a_name_or_a_thing_is_a_reference(text, date_text):
    assert _reference(text, date_text)


@pytest.mark.parametrize("text, date_text", [
    # a possessed happening noun of the trigger lists is dated by it
    ("Last month's explosion at the plant killed two workers.", "Last month"),
    ("Investors recalled last week's collapse of the bank.", "last week"),
    ("The firm has been fighting the claim since 2004.", "2004"),
    ("Delegates attended this year's summit.", "this year"),
])
def test_a_happening_s_own_date_is_no_reference(text, date_text):
    assert not _reference(text, date_text)


def test_a_superlative_inside_a_name_is_no_yardstick():
    assert not _reference("Apple's iTunes store passed Best Buy in 2007.", "2007")
    assert _reference("Shares hit their highest level since 2007.", "2007")
