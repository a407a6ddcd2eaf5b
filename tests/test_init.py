"""The one-import public API: cheap to import, every advertised name resolves."""

import subprocess
import sys

import pytest

import timeline


def test_import_timeline_loads_no_heavy_dependency():
    code = ("import sys, timeline; heavy = [m for m in ('pandas', 'plotly', 'dateparser', 'trafilatura') "
            "if m in sys.modules]; print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


@pytest.mark.parametrize("name", sorted(timeline._EXPORTS))
def test_every_exported_name_resolves(name):
    assert getattr(timeline, name) is not None


def test_submodules_are_reachable_as_attributes():
    assert timeline.report.RunReport().exit_code == 0
    assert "sources" in timeline.table.SCHEMA


def test_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
        timeline.nonsense  # noqa: B018


def test_tag_through_the_top_level_api():
    [timex] = timeline.tag("He met Bukele late on Monday.", ref_date="2025-02-04")
    assert (timex.start, timex.end, timex.text, timex.value) == (22, 28, "Monday", "2025-02-03")
