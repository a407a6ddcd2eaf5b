import datetime as dt

import pytest

from timeline.timex.values import granularity_of, is_valid_value, value_span

D = dt.date


@pytest.mark.parametrize("value,first,last,granularity", [
    ("2025-02-03", D(2025, 2, 3), D(2025, 2, 3), "day"),
    ("2025-02-03T15:00", D(2025, 2, 3), D(2025, 2, 3), "time"),
    ("2025-02-03TMO", D(2025, 2, 3), D(2025, 2, 3), "time"),
    ("2025-W05", D(2025, 1, 27), D(2025, 2, 2), "week"),
    ("2025-W05-WE", D(2025, 2, 1), D(2025, 2, 2), "week"),
    ("2025-01", D(2025, 1, 1), D(2025, 1, 31), "month"),
    ("2024-02", D(2024, 2, 1), D(2024, 2, 29), "month"),
    ("2025-Q1", D(2025, 1, 1), D(2025, 3, 31), "quarter"),
    ("2025-H2", D(2025, 7, 1), D(2025, 12, 31), "half"),
    ("2024-WI", D(2024, 12, 1), D(2025, 2, 28), "season"),
    ("2025-SU", D(2025, 6, 1), D(2025, 8, 31), "season"),
    ("2023", D(2023, 1, 1), D(2023, 12, 31), "year"),
    ("199", D(1990, 1, 1), D(1999, 12, 31), "decade"),
    ("19", D(1900, 1, 1), D(1999, 12, 31), "century"),
])
def test_value_span(value, first, last, granularity):
    assert value_span(value) == (first, last, granularity)


@pytest.mark.parametrize("value", ["PRESENT_REF", "P3Y", "XXXX-XX-XX", "2025-02-30", "2025-W54", "", "junk"])
def test_unplaceable_values_have_no_span(value):
    assert value_span(value) is None


@pytest.mark.parametrize("value,kind,granularity", [
    ("P3Y", "DURATION", "year"), ("PT3H", "DURATION", "time"), ("P2DE", "DURATION", "decade"),
    ("P1CE", "DURATION", "century"), ("P1W", "SET", "week"), ("PRESENT_REF", "DATE", "vague"),
    ("2025-01", "DATE", "month"),
    # BC values have the AD shapes after the era
    ("BC0490", "DATE", "year"), ("BC0480-SP", "DATE", "season"), ("BC0044-03-15", "DATE", "day"),
    ("BC048", "DATE", "decade"), ("BC04", "DATE", "century"),
])
def test_granularity_of(value, kind, granularity):
    assert granularity_of(value, kind) == granularity


@pytest.mark.parametrize("value", ["2025-02-03", "2025-W05-WE", "2024-WI", "PRESENT_REF", "P3Y", "PT3H",
                                   "XXXX-WXX-1", "2025-02-03T15:00", "199", "P1.5Y", "T15:00"])
def test_valid_values(value):
    assert is_valid_value(value)


@pytest.mark.parametrize("value", ["", "Monday", "2025/02/03", "P", "PT", "2025-13-X-"])
def test_invalid_values(value):
    assert not is_valid_value(value)
