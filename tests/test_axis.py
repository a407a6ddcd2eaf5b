"""Tick labels of a chart reaching before AD 1 (timeline/chart/axis.py)."""

import numpy as np
import pytest

from timeline.chart.axis import era_ticks, reaches_before_ad


def days(iso: str) -> float:
    return float(np.datetime64(iso, "D").astype(np.int64))


def test_only_tables_before_ad_1_get_their_own_ticks():
    assert reaches_before_ad(days("0000-12-31")) and not reaches_before_ad(days("0001-01-01"))


@pytest.mark.parametrize("lo,hi,width,expected", [
    # round years counted the reader's way: 500 BC is astronomical -499, and there is no year 0
    ("-0500-06-01", "0600-01-01", 1100, ["500 BC", "400 BC", "300 BC", "200 BC", "100 BC", "AD 100", "AD 200",
                                        "AD 300", "AD 400", "AD 500", "AD 600"]),
    ("-2999-01-01", "2024-06-01", 1100, ["3000 BC", "2500 BC", "2000 BC", "1500 BC", "1000 BC", "500 BC",
                                        "AD 500", "1000", "1500", "2000"]),
    ("-0490-07-01", "-0477-06-01", 700, ["490 BC", "488 BC", "486 BC", "484 BC", "482 BC", "480 BC", "478 BC"]),
    ("-0479-01-15", "-0479-12-20", 600, ["Mar 480 BC", "May 480 BC", "Jul 480 BC", "Sep 480 BC", "Nov 480 BC"]),
])
def test_era_ticks(lo, hi, width, expected):
    values, texts = era_ticks(days(lo), days(hi), width)
    assert texts == expected
    assert len(values) == len(texts) and values == sorted(values, key=lambda v: np.datetime64(v, "D"))
    assert all(days(lo) <= days(v) <= days(hi) for v in values)
    assert values[0].startswith("-")  # signed four-digit ISO years, as plotly.js reads
