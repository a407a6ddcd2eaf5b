"""Holiday dates computed by timeline.timex.holidays, checked against published calendars."""

import pytest

from timeline.timex.holidays import easter, holiday_date, nth_weekday


@pytest.mark.parametrize("year, expected", [
    (1998, "1998-04-12"), (2000, "2000-04-23"), (2008, "2008-03-23"), (2011, "2011-04-24"),
    (2019, "2019-04-21"), (2024, "2024-03-31"), (2025, "2025-04-20"), (2038, "2038-04-25"),
])
def test_easter_matches_published_dates(year, expected):
    assert easter(year).isoformat() == expected


@pytest.mark.parametrize("rule, year, expected", [
    ("4:4:11", 2025, "2025-11-27"),   # Thanksgiving
    ("4:4:11", 1998, "1998-11-26"),
    ("-1:1:05", 2025, "2025-05-26"),  # Memorial Day: last Monday of May
    ("-1:1:05", 2021, "2021-05-31"),
    ("1:1:09", 2025, "2025-09-01"),   # Labor Day
    ("3:1:01", 2025, "2025-01-20"),   # Martin Luther King Day
    ("2:7:05", 2025, "2025-05-11"),   # Mother's Day
    ("4:4:11+1", 2025, "2025-11-28"),  # Black Friday
    ("easter-2", 2025, "2025-04-18"),  # Good Friday
    ("easter-46", 2025, "2025-03-05"),  # Ash Wednesday
    ("12-25", 1776, "1776-12-25"),
    ("election", 2024, "2024-11-05"),
    ("election", 2020, "2020-11-03"),
    ("election", 1998, "1998-11-03"),
])
def test_holiday_rules(rule, year, expected):
    assert holiday_date(rule, year).isoformat() == expected


def test_unknown_rule_gives_none():
    assert holiday_date("full moon", 2025) is None


@pytest.mark.parametrize("year, month, weekday, n, expected", [
    (2025, 2, 1, 1, "2025-02-03"),    # first Monday of February 2025
    (2024, 12, 7, -1, "2024-12-29"),  # last Sunday of December 2024
    (2024, 2, 4, -1, "2024-02-29"),   # last Thursday of a leap February
    (2023, 1, 3, 4, "2023-01-25"),
])
def test_nth_weekday(year, month, weekday, n, expected):
    day = nth_weekday(year, month, weekday, n)
    assert day.isoformat() == expected
    assert day.isoweekday() == weekday
