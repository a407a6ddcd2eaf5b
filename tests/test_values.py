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


# BC values: astronomical years (480 BC is year -479, 1 BC is year 0)
@pytest.mark.parametrize("value,first,last,granularity", [
    ("BC0480", (-479, 1, 1), (-479, 12, 31), "year"),
    ("BC0001", (0, 1, 1), (0, 12, 31), "year"),
    ("BC0044-03-15", (-43, 3, 15), (-43, 3, 15), "day"),
    ("BC0480-08", (-479, 8, 1), (-479, 8, 31), "month"),
    ("BC0045-02", (-44, 2, 1), (-44, 2, 29), "month"),  # 45 BC (year -44) was a leap year
    ("BC0480-SP", (-479, 3, 1), (-479, 5, 31), "season"),
    ("BC0480-WI", (-479, 12, 1), (-478, 2, 28), "season"),  # runs into 479 BC
    ("BC048", (-488, 1, 1), (-479, 12, 31), "decade"),  # the 480s BC: 489-480 BC
    ("BC04", (-499, 1, 1), (-400, 12, 31), "century"),  # the 5th century BC: 500-401 BC
    ("BC00", (-99, 1, 1), (0, 12, 31), "century"),  # the 1st century BC: 100-1 BC
    ("BC2", (-2999, 1, 1), (-2000, 12, 31), "millennium"),  # the 3rd millennium BC
])
def test_bc_value_span(value, first, last, granularity):
    a, b, gran = value_span(value)
    assert ((a.year, a.month, a.day), (b.year, b.month, b.day), gran) == (first, last, granularity)
    assert a < D(1, 1, 1) and a <= b


@pytest.mark.parametrize("value", ["BC0000", "BC0480-W03", "BC0480-02-30"])
def test_bc_values_with_no_span(value):
    assert value_span(value) is None


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
