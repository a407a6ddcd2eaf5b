"""Group folding and shared word lookups of pass 2 (timeline.timex.context)."""

import datetime as dt
import re

import pytest

from timeline.timex.context import (
    Context, direction, groups, iso_day, position, quantity_mod, unit_of, year_of,
)
from timeline.timex.lexicon import load

EN = load("en")
CTX = Context(EN, dt.date(2025, 2, 4), "past", None)


def test_groups_fold_role_suffixes_and_drop_unmatched():
    m = re.match(r"(?P<pos>x)?(?P<pos_2>early) (?P<unit>week)(?P<year>\d+)?", "early week")
    assert groups(m) == {"pos": "early", "unit": "week"}


@pytest.mark.parametrize("raw, year", [("1998", 1998), ("'99", 1999), ("'25", 2025), ("'34", 2034),
                                       ("'36", 1936), ("FY", None)])
def test_two_digit_years_pivot_ten_years_after_the_anchor(raw, year):
    assert year_of({"year": raw}, CTX) == year


def test_year_words():
    assert year_of({"yearword": "nineteen ninety-six"}, CTX) == 1996


@pytest.mark.parametrize("text, step", [("last", -1), ("the previous", -1), ("this", 0),
                                         ("The Coming", 1), ("next", 1), ("that", None)])
def test_direction(text, step):
    assert direction({"dir": text}, CTX) == step


@pytest.mark.parametrize("text, code", [("weeks", "W"), ("Hours", "H"), ("decade", "DE"),
                                         ("fortnight", "2W"), ("wombats", None)])
def test_unit_of(text, code):
    assert unit_of({"unit": text}, CTX) == code


def test_mods():
    assert position({"pos": "early"}, CTX) == "START"
    assert position({"pos": "latter part"}, CTX) == "END"
    assert position({"pos": "end"}, CTX) == "END"
    assert quantity_mod({"qmod": "more  than"}, CTX) == "MORE_THAN"
    assert quantity_mod({}, CTX) == ""


def test_iso_day_rejects_impossible_days():
    assert iso_day(2024, 2, 29) == "2024-02-29"
    assert iso_day(2025, 2, 29) is None
