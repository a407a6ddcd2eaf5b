"""`timeline build` through timeline.cli.main, on the seed articles."""

import json

import pandas as pd
import pytest

from timeline.cli import main
from timeline.table import read_events


@pytest.mark.parametrize("suffix", [".csv", ".json", ".parquet", ".xlsx"])
def test_build_writes_a_table_that_reads_back(seeds_dir, tmp_path, capsys, suffix):
    out = tmp_path / f"events{suffix}"
    assert main(["build", str(seeds_dir), "--out", str(out)]) == 0
    df = read_events(out)
    assert len(df) >= 10
    meeting = df[df["title"] == "Secretary of State Rubio meets Bukele in El Salvador"]
    assert len(meeting) == 1 and len(meeting.iloc[0]["sources"]) == 5
    err = capsys.readouterr().err
    assert f"{len(df)} events from 5 documents" in err


def test_build_html_directly_and_alongside(seeds_dir, tmp_path):
    html = tmp_path / "timeline.html"
    assert main(["build", str(seeds_dir), "--out", str(html)]) == 0
    page = html.read_text(encoding="utf-8")
    assert "Secretary of State Rubio meets Bukele in El Salvador" in page and "plotly" in page.lower()
    table, extra = tmp_path / "events.csv", tmp_path / "also.html"
    assert main(["build", str(seeds_dir), "--out", str(table), "--html", str(extra)]) == 0
    assert table.exists() and extra.exists()


def test_hostile_article_text_stays_text_in_csv_and_xlsx(tmp_path):
    """The issue's case: a sentence from the web that starts like a spreadsheet formula."""
    article = tmp_path / "evil.txt"
    article.write_text('=HYPERLINK("http://evil.example","click") Rubio met Bukele on Monday.\n', encoding="utf-8")
    tables = {fmt: tmp_path / f"events.{fmt}" for fmt in ("csv", "xlsx")}
    for path in tables.values():
        assert main(["build", str(article), "--out", str(path), "--ref-date", "2025-02-04", "-q"]) == 0
    csv_text = tables["csv"].read_text(encoding="utf-8-sig")
    assert '"\'=HYPERLINK(""http://evil.example"",""click"") Rubio met Bukele on Monday."' in csv_text
    cells = pd.read_csv(tables["csv"], dtype=str, keep_default_na=False).to_numpy().ravel()
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@"))]  # no cell starts a formula
    [csv_df, xlsx_df] = [read_events(p) for p in tables.values()]
    assert csv_df.loc[0, "evidence"].startswith("=HYPERLINK(") and csv_df.loc[0, "urls"] == [""]
    pd.testing.assert_frame_equal(csv_df, xlsx_df)
    tl = tmp_path / "t.timelinejs.json"
    assert main(["render", str(tables["xlsx"]), "--out", str(tmp_path / "t.html"), "--no-plotlyjs",
                 "--timelinejs", str(tl)]) == 0
    assert json.loads(tl.read_text(encoding="utf-8"))["events"][0]["start_date"]["day"] == "3"


def test_ref_date_and_mode_reach_the_pipeline(tmp_path):
    corpus = tmp_path / "one.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": "Secretary of State Rubio met Bukele on Monday."}) + "\n",
                      encoding="utf-8")
    out = tmp_path / "e.json"
    assert main(["build", str(corpus), "--out", str(out), "--ref-date", "2025-02-04", "--mode", "news"]) == 0
    df = read_events(out)
    assert list(df["date"]) == ["2025-02-03"] and list(df["certainty"]) == ["relative"]


@pytest.mark.parametrize("argv", [
    ["--out", "events.txt"],
    ["--out", "events.csv", "--ref-date", "yesterday"],
    ["--out", "events.csv", "--html", "chart.png"],
    ["--out", "events.csv", "--merge-threshold", "2"],
    ["--out", "events.csv", "--mode", "poetry"],
])
def test_usage_errors_exit_2(seeds_dir, tmp_path, argv, capsys):
    argv = [a if not a.startswith(("events", "chart")) else str(tmp_path / a) for a in argv]
    assert main(["build", str(seeds_dir), *argv]) == 2
    assert "error" in capsys.readouterr().err
    assert not (tmp_path / "events.csv").exists()


def test_missing_out_is_a_usage_error(seeds_dir):
    assert main(["build", str(seeds_dir)]) == 2


def test_undated_documents_keep_their_events_in_the_table_and_under_the_chart(tmp_path, capsys):
    article = tmp_path / "undated.txt"
    article.write_text("Rubio had just witnessed a deportation flight carrying 43 migrants from Panama to Colombia.\n",
                       encoding="utf-8")
    table, chart = tmp_path / "events.csv", tmp_path / "chart.html"
    assert main(["build", str(article), "--out", str(table), "--html", str(chart)]) == 0
    text = table.read_text(encoding="utf-8")
    assert "Rubio witnesses deportation flight from Panama to Colombia" in text
    page = chart.read_text(encoding="utf-8")
    assert "Rubio witnesses deportation flight from Panama to Colombia" in page and "undated" in page
    assert "1 undated event(s)" in capsys.readouterr().err
    assert main(["build", str(article), "--out", str(table), "--ref-date", "2025-02-04"]) == 0
    df = read_events(table)
    assert list(df["date"]) == ["2025-02-04"] and list(df["certainty"]) == ["inferred"]
