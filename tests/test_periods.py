"""Lengths and units relative to an anchor (timeline.timex.periods)."""

import datetime as dt

import pytest

from timeline.timex.periods import _relative_season, duration_value


@pytest.mark.parametrize("amount, unit, value", [
    (3, "Y", "P3Y"), (3, "H", "PT3H"), (30, "MIN", "PT30M"), (10, "S", "PT10S"), (2, "W", "P2W"),
    (None, "Y", "PXY"), (None, "H", "PTXH"), (2, "DE", "P20Y"), (1, "CE", "P100Y"),
    (2.5, "Y", "P2Y6M"), (1.5, "D", "P1DT12H"), (1.5, "MIN", "PT1M30S"), (0.5, "H", "PT30M"),
    (1, "Q", "P1Q"), (1, "2W", "P2W"), (1, "WE", "P1WE"),
])
def test_duration_value(amount, unit, value):
    assert duration_value(amount, unit) == value


@pytest.mark.parametrize("base, code, step, value", [
    ("2025-02-04", "WI", 0, "2024-WI"),   # February is in the winter that began in December
    ("2025-02-04", "SU", -1, "2024-SU"),
    ("2025-02-04", "SP", 0, "2025-SP"),
    ("2025-02-04", "FA", -1, "2024-FA"),
    ("2025-10-15", "WI", 0, "2025-WI"),
    ("2025-10-15", "SU", 0, "2025-SU"),
    ("2025-07-01", "SU", 1, "2026-SU"),
    ("2025-12-20", "WI", -1, "2024-WI"),
])
def test_relative_season(base, code, step, value):
    assert _relative_season(dt.date.fromisoformat(base), code, step) == value
