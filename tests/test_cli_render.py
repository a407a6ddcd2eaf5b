"""`timeline render` through timeline.cli.main(argv): outputs, exit codes, messages."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from timeline.cli import main
from timeline.table import read_events, write_events

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "events_sample.csv"


def test_render_sample_to_page(tmp_path, capsys):
    out = tmp_path / "site" / "timeline.html"
    code = main(["render", str(SAMPLE), "--out", str(out), "--title", "Rubio <visit>", "--lanes", "actors"])
    assert code == 0
    page = out.read_text(encoding="utf-8")
    assert "<h1>Rubio &lt;visit&gt;</h1>" in page
    assert page.count('<li class="tl-event">') == 12
    assert '"ticktext":["Donald Trump"' in page
    assert f"wrote {out} (12 events" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["csv", "json", "parquet", "xlsx"])
def test_render_reads_every_format(tmp_path, fmt):
    table = write_events(read_events(SAMPLE), tmp_path / f"events.{fmt}")
    out = tmp_path / "t.html"
    assert main(["render", str(table), "--out", str(out), "--no-plotlyjs", "--lanes", "category",
                 "--color", "none"]) == 0
    assert out.read_text(encoding="utf-8").count('<li class="tl-event">') == 12


def test_fragment_and_timelinejs(tmp_path):
    out, tl = tmp_path / "frag.html", tmp_path / "t.json"
    assert main(["render", str(SAMPLE), "--out", str(out), "--fragment", "--no-plotlyjs",
                 "--timelinejs", str(tl)]) == 0
    assert out.read_text(encoding="utf-8").startswith('<div class="tl-root"')
    data = json.loads(tl.read_text(encoding="utf-8"))
    # no --title: the table's main actors and period, not the file's name
    assert len(data["events"]) == 12
    assert data["title"]["text"]["headline"] == "Donald Trump, Marco Rubio · 2019–2025"


def test_build_table_with_undated_events_renders(tmp_path, seeds_dir, capsys):
    """Seed 000 alone has no date of its own, so `timeline build` writes its events undated; the
    table reads back and renders, every event listed, none on the axis."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "000.txt").write_text((seeds_dir / "000_21e3754d681186f4.txt").read_text(encoding="utf-8"),
                                  encoding="utf-8")
    table, out = tmp_path / "events.json", tmp_path / "t.html"
    assert main(["build", str(docs), "--out", str(table)]) == 0
    rows = json.loads(table.read_text(encoding="utf-8"))
    undated = sum(not e["date"] for e in rows)
    assert undated >= 3
    assert main(["render", str(table), "--out", str(out), "--no-plotlyjs"]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.count('<li class="tl-event">') == len(rows)
    assert page.count('<span class="tl-undated">undated</span>') == undated
    assert f"{undated} undated events" in page


def test_bad_table_exits_1_with_every_problem(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("title,date,end\nok,2025-02-03,\nlate,2025-02-10,2025-02-01\n,soon,\n", encoding="utf-8")
    out = tmp_path / "t.html"
    assert main(["render", str(bad), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"error: {bad} has 3 problem(s):" in err
    assert "row 2 ('late'): end 2025-02-01 is before start 2025-02-10" in err
    assert "row 3: the title is empty" in err and "row 3: unparseable date 'soon'" in err
    assert "Traceback" not in err
    assert not out.exists()


def test_missing_columns_exit_1(tmp_path, capsys):
    bad = tmp_path / "cols.json"
    bad.write_text(json.dumps([{"headline": "x"}]), encoding="utf-8")
    assert main(["render", str(bad)]) == 1
    assert "missing column 'title'" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [
    ["render"],                                                     # no EVENTS
    ["render", "x.csv", "--lanes", "place"],                        # bad choice
    ["render", "x.csv", "--bogus"],                                 # unknown option
    ["render", "events.txt"],                                       # not a table format
    ["render", str(SAMPLE), "--color", "nonexistent", "--out", "/dev/null"],
])
def test_usage_errors_exit_2(argv, capsys):
    assert main(argv) == 2
    assert capsys.readouterr().err.startswith("error: ")


def test_missing_file_exits_1(tmp_path, capsys):
    assert main(["render", str(tmp_path / "nope.csv")]) == 1
    assert "file not found" in capsys.readouterr().err


def test_help_lists_render(capsys):
    assert main(["render", "--help"]) == 0
    assert "--fragment" in capsys.readouterr().out


def test_png_without_browser_exits_1(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("BROWSER_PATH", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert main(["render", str(SAMPLE), "--out", str(tmp_path / "t.html"), "--no-plotlyjs",
                 "--png", str(tmp_path / "t.png")]) == 1
    assert "apt-get install chromium" in capsys.readouterr().err
    assert (tmp_path / "t.html").exists() and not (tmp_path / "t.png").exists()


@pytest.mark.skipif(shutil.which("chromium") is None and not os.environ.get("CI"),
                    reason="needs Debian's chromium (in CI its absence is a failure)")
@pytest.mark.browser
def test_svg_export(tmp_path):
    svg = tmp_path / "t.svg"
    assert main(["render", str(SAMPLE), "--out", str(tmp_path / "t.html"), "--no-plotlyjs",
                 "--svg", str(svg)]) == 0
    text = svg.read_text(encoding="utf-8")
    assert text.startswith("<svg") and "Trump takes office" in text


def test_whole_range_opens_on_every_event(tmp_path):
    focused, whole = tmp_path / "focused.html", tmp_path / "whole.html"
    assert main(["render", str(SAMPLE), "--out", str(focused), "--no-plotlyjs"]) == 0
    assert main(["render", str(SAMPLE), "--out", str(whole), "--no-plotlyjs", "--whole-range"]) == 0
    # ranges in the figure: the range slider's always spans every event (from 2018's padding),
    # the x axis's is the first view
    starts = lambda page: sorted(re.findall(r'"range":\["(\d{4})-', page))  # noqa: E731
    assert starts(focused.read_text(encoding="utf-8")) == ["2018", "2024"]
    assert starts(whole.read_text(encoding="utf-8")) == ["2018", "2018"]
    assert "outside that view" in focused.read_text(encoding="utf-8")
    assert "outside that view" not in whole.read_text(encoding="utf-8")
