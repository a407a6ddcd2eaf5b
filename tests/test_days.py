import datetime as dt

import numpy as np
import pytest

from timeline.days import EarlyDay, day, from_datetime64, from_ordinal, iso_texts, to_datetime64, year_text


def test_a_day_before_ad_1_is_an_early_day_and_after_it_a_date():
    assert isinstance(day(-479, 1, 1), EarlyDay)
    assert isinstance(day(0, 12, 31), EarlyDay)
    assert day(1, 1, 1) == dt.date(1, 1, 1)
    with pytest.raises(ValueError):
        day(-44, 2, 30)


@pytest.mark.parametrize("ordinal", [1, 0, -1, -365, -366, -175000, -3652059, 738000])
def test_ordinals_and_datetime64_agree_with_numpy(ordinal):
    d = from_ordinal(ordinal)
    assert d.toordinal() == ordinal
    value = to_datetime64(d, "D")
    assert from_datetime64(value) == d
    # numpy counts the same proleptic Gregorian calendar
    assert value == np.datetime64("0001-01-01") + np.timedelta64(ordinal - 1, "D")
    assert np.datetime64(d.isoformat(), "D") == value


def test_early_days_compare_and_count_with_dates():
    marathon, today = day(-489, 9, 12), dt.date(2024, 1, 1)
    assert marathon < today and today > marathon and marathon != today
    assert sorted([today, day(-479, 1, 1), marathon]) == [marathon, day(-479, 1, 1), today]
    assert (today - marathon).days == today.toordinal() - marathon.toordinal()
    assert marathon + dt.timedelta(days=1) == day(-489, 9, 13)
    assert day(0, 12, 31) + dt.timedelta(days=1) == dt.date(1, 1, 1)  # 1 BC runs into AD 1
    assert {day(-479, 1, 1): "x"}[day(-479, 1, 1)] == "x"


def test_iso_texts_pad_years_before_0():
    values = np.array(["-0479-01-01", "2024-05-01T12:30:00", "NaT"], dtype="datetime64[s]")
    assert iso_texts(values) == ["-0479-01-01", "2024-05-01T12:30:00", ""]
    assert day(-43, 3, 15).isoformat() == "-0043-03-15"


def test_year_text_counts_as_readers_do():
    assert [year_text(-479), year_text(0), year_text(1), year_text(2024)] == ["480 BC", "1 BC", "AD 1", "2024"]
    assert year_text(79) == "AD 79" and year_text(1500) == "1500"


def test_days_after_9999_are_early_days_too():
    # a chart padded past 9999-12-31 still has a day to name
    assert from_datetime64(np.datetime64("9999-12-31", "D")) == dt.date(9999, 12, 31)
    later = from_datetime64(np.datetime64("10000-01-01", "D"))
    assert (later.year, later.month, later.day) == (10000, 1, 1) and later > dt.date(9999, 12, 31)
