"""Number words and spelled-out years (timeline.timex.numbers)."""

import pytest

from timeline.timex.lexicon import load
from timeline.timex.numbers import format_amount, parse_number, parse_year_words

EN = load("en")


@pytest.mark.parametrize("text, value", [
    ("3", 3), ("2.5", 2.5), ("2 1/2", 2.5), ("one", 1), ("a", 1), ("an", 1), ("twelve", 12),
    ("twenty four", 24), ("twenty-four", 24), ("forty", 40), ("a hundred", 100),
    ("two hundred", 200), ("two thousand", 2000), ("a dozen", 12), ("a couple of", 2),
    ("three hundred and sixty-five", 365),
])
def test_parse_number(text, value):
    assert parse_number(text, EN) == value


@pytest.mark.parametrize("text", ["several", "a few", "few", "many", "numerous", "wombat", ""])
def test_vague_or_unknown_counts_are_none(text):
    assert parse_number(text, EN) is None


@pytest.mark.parametrize("text, year", [
    ("nineteen ninety-six", 1996), ("nineteen seventy-nine", 1979), ("two thousand", 2000),
    ("two thousand and one", 2001), ("twenty ten", 2010), ("nineteen hundred", 1900),
])
def test_parse_year_words(text, year):
    assert parse_year_words(text, EN) == year


@pytest.mark.parametrize("text", ["nineteen", "seventy nine", "nineteen five", "hello"])
def test_non_years(text):
    assert parse_year_words(text, EN) is None


@pytest.mark.parametrize("amount, text", [(3, "3"), (3.0, "3"), (2.5, "2.5"), (None, "X")])
def test_format_amount(amount, text):
    assert format_amount(amount) == text
