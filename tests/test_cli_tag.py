"""`timeline tag` and `timeline evaluate` through timeline.cli.main, on the seed articles and
real TimeBank/AQUAINT files."""

from __future__ import annotations

import io
import json
import re
import shutil

import pytest

from timeline.cli import main
from timeline.timeml import read_timeml

SEED_000 = "000_21e3754d681186f4.txt"  # Jan. 20, on Monday, last week; no date of its own
SEED_004 = "004_14d3067ffab1f62e.txt"  # built in 2023, 40,000 inmates, Last month
_GOLD_TAGS = re.compile(r"</?(?:TIMEX3|EVENT|SIGNAL)\b[^>]*>")

TE3_INPUT = """<?xml version="1.0" ?>
<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">

<DOCID>seed_te3</DOCID>

<DCT><TIMEX3 tid="t0" type="DATE" value="2025-02-04" temporalFunction="false" functionInDocument="CREATION_TIME">February 4, 2025</TIMEX3></DCT>

<TEXT>
Rubio met Bukele on Monday &amp; they talked for almost three hours.
</TEXT>

</TimeML>
"""


def _jsonl(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def _find(rows: list[dict], phrase: str) -> dict:
    hits = [r for r in rows if phrase in r["text"]]
    assert hits, f"no expression containing {phrase!r} in {[r['text'] for r in rows]}"
    return hits[0]


def test_jsonl_to_stdout(seeds_dir, capsys):
    path = seeds_dir / SEED_000
    assert main(["tag", str(path), "--ref-date", "2025-02-04"]) == 0
    captured = capsys.readouterr()
    rows = _jsonl(captured.out)
    source = path.read_text(encoding="utf-8")
    assert rows
    for r in rows:
        assert set(r) >= {"doc_id", "start", "end", "text", "type", "value", "granularity"}
        assert r["doc_id"] == SEED_000.removesuffix(".txt")
        assert source[r["start"]:r["end"]] == r["text"]
    assert _find(rows, "Jan. 20")["value"] == "2025-01-20"
    assert _find(rows, "last week")["value"] == "2025-W05"
    assert _find(rows, "Monday")["value"] == "2025-02-03"
    assert "tagged 1 document(s)" in captured.err


def test_non_dates_are_not_tagged(seeds_dir, capsys):
    assert main(["tag", str(seeds_dir / SEED_004), "--ref-date", "2025-02-04"]) == 0
    rows = _jsonl(capsys.readouterr().out)
    texts = " | ".join(r["text"] for r in rows)
    assert _find(rows, "2023")["value"] == "2023"
    assert _find(rows, "Last month")["value"] == "2025-01"
    for trap in ("40,000", "000 inmates", "$2.7"):
        assert trap not in texts


def test_timeml_out_dir_from_text_file(seeds_dir, tmp_path, capsys):
    src = tmp_path / "in" / "story.txt"
    src.parent.mkdir()
    shutil.copy(seeds_dir / SEED_000, src)
    out = tmp_path / "out"
    assert main(["tag", str(src), "--ref-date", "2025-02-04", "--format", "timeml", "--out", str(out)]) == 0
    assert [p.name for p in out.iterdir()] == ["story.tml"]
    doc = read_timeml(out / "story.tml")
    assert doc.text == src.read_text(encoding="utf-8")
    assert str(doc.dct) == "2025-02-04"
    capsys.readouterr()
    # the same expressions as the jsonl output
    assert main(["tag", str(src), "--ref-date", "2025-02-04"]) == 0
    rows = _jsonl(capsys.readouterr().out)
    assert [(t.start, t.end, t.value) for t in doc.timexes] == [(r["start"], r["end"], r["value"]) for r in rows]


def test_tml_input_uses_its_dct(tmp_path, capsys):
    path = tmp_path / "seed_te3.tml"
    path.write_text(TE3_INPUT, encoding="utf-8")
    # --ref-date is only a fallback: the DCT (Tuesday 2025-02-04) anchors "Monday"
    assert main(["tag", str(path), "--ref-date", "2019-06-01"]) == 0
    rows = _jsonl(capsys.readouterr().out)
    assert _find(rows, "Monday")["value"] == "2025-02-03"
    dur = _find(rows, "three hours")
    assert (dur["type"], dur["value"]) == ("DURATION", "PT3H")
    text = read_timeml(path).text
    assert "&amp;" not in text and "Bukele on Monday & they" in text
    for r in rows:
        assert text[r["start"]:r["end"]] == r["text"]


def test_tml_to_timeml_keeps_every_other_character(timeml_dir, tmp_path, capsys):
    src = timeml_dir / "AQUAINT" / "APW19980807.0261.tml"
    out = tmp_path / "out"
    assert main(["tag", str(src), "--format", "timeml", "--out", str(out)]) == 0
    written = (out / src.name).read_text(encoding="utf-8")
    original = src.read_text(encoding="utf-8")
    assert _GOLD_TAGS.sub("", written) == _GOLD_TAGS.sub("", original)
    assert "<EVENT" not in written
    assert re.search(r"<DCT>.*?</DCT>", written, re.S)[0] == re.search(r"<DCT>.*?</DCT>", original, re.S)[0]
    friday = [t for t in read_timeml(out / src.name).timexes if t.text == "Friday"]
    assert friday and friday[0].value == "1998-08-07"


def test_broken_jsonl_line_is_reported_and_others_tagged(tmp_path, capsys):
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "a", "text": "The talks ended on Monday.", "date": "2025-02-04"}),
        '{"id": "b", "text": "broken',
        json.dumps({"id": "c", "text": "Rubio flew home last week.", "date": "2025-02-04"}),
        json.dumps({"id": "d", "title": "no text here"}),
        json.dumps({"id": "e", "text": "It opened in 2023.", "date": "next Tuesday"}),
        "",
    ]), encoding="utf-8")
    assert main(["tag", str(path)]) == 1
    captured = capsys.readouterr()
    rows = _jsonl(captured.out)
    # line 5's date is unreadable: reported, and the document is still tagged without it
    assert {r["doc_id"] for r in rows} == {"a", "c", "e"}
    assert _find(rows, "Monday")["value"] == "2025-02-03"
    assert _find(rows, "last week")["value"] == "2025-W05"
    assert _find(rows, "2023")["value"] == "2023"
    err = captured.err
    assert re.search(rf"{re.escape(str(path))}, line 2: .*JSON", err)
    assert re.search(rf"{re.escape(str(path))}, line 4: .*'text'", err)
    assert re.search(rf"{re.escape(str(path))}, line 5: .*next Tuesday", err)
    assert "3 problem(s)" in err
    assert "line 1:" not in err and "line 3:" not in err


def test_jsonl_record_without_date_uses_ref_date(tmp_path, capsys):
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps({"id": "x", "text": "They met on Monday."}) + "\n", encoding="utf-8")
    assert main(["tag", str(path), "--ref-date", "2025-02-04"]) == 0
    assert _find(_jsonl(capsys.readouterr().out), "Monday")["value"] == "2025-02-03"


def test_missing_file_is_skipped_and_the_rest_tagged(seeds_dir, tmp_path, capsys):
    missing = tmp_path / "nowhere.txt"
    code = main(["tag", str(missing), str(seeds_dir / SEED_004), "--ref-date", "2025-02-04"])
    assert code == 1
    captured = capsys.readouterr()
    assert f"{missing}: no such file" in captured.err
    assert {r["doc_id"] for r in _jsonl(captured.out)} == {SEED_004.removesuffix(".txt")}


def test_date_found_in_the_document_when_no_ref_date(seeds_dir, capsys):
    # 003 opens with a "date 2025-02-04" line: no --ref-date needed
    path = seeds_dir / "003_344faf7fb9d5f692.txt"
    assert main(["tag", str(path)]) == 0
    assert _find(_jsonl(capsys.readouterr().out), "Monday")["value"] == "2025-02-03"


def test_folder_with_timeml_and_text(seeds_dir, timeml_dir, tmp_path, capsys):
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(timeml_dir / "AQUAINT" / "APW19980807.0261.tml", folder)
    shutil.copy(seeds_dir / SEED_004, folder)
    out = tmp_path / "out"
    assert main(["tag", str(folder), "--ref-date", "2025-02-04", "--format", "timeml", "--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["004_14d3067ffab1f62e.tml", "APW19980807.0261.tml"]
    assert "tagged 2 document(s)" in capsys.readouterr().err


def test_stdin_input(monkeypatch, capsys):
    stdin = io.TextIOWrapper(io.BytesIO("The jail was built in 2023.".encode()), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", stdin)
    assert main(["tag", "-", "--ref-date", "2025-02-04"]) == 0
    row = _find(_jsonl(capsys.readouterr().out), "2023")
    assert (row["doc_id"], row["value"], row["granularity"]) == ("stdin", "2023", "year")


@pytest.mark.parametrize("argv", [
    ["tag"],                                                     # no input
    ["tag", "x.txt", "--format", "timeml"],                      # timeml needs --out
    ["tag", "x.txt", "--out", "somewhere"],                      # --out without timeml
    ["tag", "x.txt", "--ref-date", "04/02/2025"],                # not ISO
    ["tag", "x.txt", "--mode", "history"],                       # unknown mode
    ["tag", "x.txt", "--format", "csv"],                         # unknown format
])
def test_usage_errors_exit_2(argv, capsys):
    assert main(argv) == 2
    assert "error:" in capsys.readouterr().err


def test_evaluate_command(timeml_dir, tmp_path, capsys):
    gold = tmp_path / "gold"
    gold.mkdir()
    for p in sorted((timeml_dir / "AQUAINT").glob("*.tml"))[:5]:
        shutil.copy(p, gold / p.name)
    out = tmp_path / "sys"
    assert main(["tag", str(gold), "--format", "timeml", "--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in gold.iterdir())
    capsys.readouterr()
    assert main(["evaluate", str(gold), str(out), "--errors", "5"]) == 0
    report = capsys.readouterr().out
    assert re.search(r"=== TIMEX3: 5 documents, \d+ gold, \d+ system ===", report)
    assert re.search(r"^relaxed\s+[01]\.\d{3}\s+[01]\.\d{3}\s+[01]\.\d{3}$", report, re.M)
    assert "disagreement" in report
    # gold against itself: every figure is 1.000
    assert main(["evaluate", str(gold), str(gold)]) == 0
    perfect = capsys.readouterr().out
    assert perfect.count("1.000") == 8
    assert main(["evaluate", str(gold), str(out), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["docs"] == 5 and 0 < figures["value_f1"] <= figures["relaxed_f1"] <= 1


def test_nested_gold_folders_round_trip_through_tag_and_evaluate(timeml_dir, tmp_path, capsys):
    gold = tmp_path / "gold"
    for part in ("TimeBank", "AQUAINT"):
        (gold / part).mkdir(parents=True)
        for p in sorted((timeml_dir / part).glob("*.tml"))[:2]:
            shutil.copy(p, gold / part / p.name)
    out = tmp_path / "sys"
    assert main(["tag", str(gold), "--format", "timeml", "--out", str(out)]) == 0
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.tml")) == \
        sorted(p.relative_to(gold).as_posix() for p in gold.rglob("*.tml"))
    capsys.readouterr()
    assert main(["evaluate", str(gold), str(out)]) == 0
    captured = capsys.readouterr()
    assert "=== TIMEX3: 4 documents" in captured.out and "warning" not in captured.err


def test_evaluate_missing_folder_exits_1(tmp_path, capsys):
    assert main(["evaluate", str(tmp_path / "nope"), str(tmp_path)]) == 1
    assert "does not exist" in capsys.readouterr().err
