"""Bad input never loses work: through the real command, `timeline build`, a corpus that mixes
the seed articles with every kind of bad item still processes and counts every good document,
names each bad one (and its line), lists it in `--errors`, and exits 1; an interrupted or
crashed run never leaves half an output file behind."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from timeline.cli import main

SEED_IDS = ("000_21e3754d681186f4", "001_bbdadd3923b1f46e", "002_8a95150cd3a16d36",
            "003_344faf7fb9d5f692", "004_14d3067ffab1f62e")
MEETING = "Rubio met with El Salvador's President Nayib Bukele on Monday, Feb. 3, 2025, at his residence."


def _jsonl(*rows) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows)


# name -> (file name, content bytes, skipped documents, (line, words of the message) per problem,
#          documents processed from the file). One entry per item of the bad-input list.
BAD_ITEMS = {
    "empty file": ("empty.txt", b"", 1, [(None, "empty")], 0),
    "binary file": ("scan.txt", bytes(range(256)) * 40, 1, [(None, "binary")], 0),
    "invalid UTF-8": ("latin.txt", (MEETING + "\n\nLe président a reçu le secrétaire d'État.\n").encode("latin-1")
                      + b"\xff\xfe\x80\n", 0, [], 1),
    "UTF-16 with BOM": ("wide.txt", MEETING.encode("utf-16"), 0, [], 1),
    "malformed HTML": ("page.html", ("<html><head><title>Rubio in El Salvador</title><body><div><p>"
                                     + MEETING + "<p><b>They agreed to take deportees.<div></span>"
                                     "<table><td>unclosed").encode(), 0, [], 1),
    "broken JSONL lines": ("feed.jsonl", _jsonl(
        {"id": "wire-1", "text": MEETING, "date": "2025-02-04"},
        '{"id": "wire-2", "text": "half a line',
        "not json at all",
        {"id": "wire-3", "text": "Bukele offered his prisons on Monday.", "date": "2025-02-04"},
    ).encode(), 2, [(2, "json"), (3, "json")], 2),
    "broken CSV rows": ("feed.csv", (
        "id,text,date\n"
        f'csv-1,"{MEETING}",2025-02-04\n'
        "csv-2,a row,with,too many,fields\n"
        'csv-3,"Rubio flew to Costa Rica on Tuesday.",2025-02-04\n').encode(), 1, [(3, "csv")], 2),
    "absurd dates": ("dates.jsonl", _jsonl(
        {"id": "year-0", "text": MEETING, "date": "0000-01-01"},
        {"id": "year-99999", "text": MEETING, "date": "99999-01-01"},
        {"id": "feb-30", "text": MEETING, "date": "2025-02-30"},
    ).encode(), 0, [(1, "year"), (2, "year"), (3, "2025-02-30")], 3),
}


@pytest.fixture()
def corpus(tmp_path, seeds_dir) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in seeds_dir.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    return folder


def _build(capsys, *argv) -> tuple[int, str]:
    code = main(["build", *map(str, argv), "--quiet"])
    return code, capsys.readouterr().err


def _summary_counts(err: str) -> tuple[int, int]:
    found = re.search(r"([\d,]+) documents? read, ([\d,]+) skipped", err)
    assert found, f"no closing summary in stderr:\n{err}"
    return int(found[1].replace(",", "")), int(found[2].replace(",", ""))


def _sources(out: Path) -> set[str]:
    """Every document id cited by the written events table (CSV: `a;b`, JSON: lists)."""
    if out.suffix == ".json":
        rows = json.loads(out.read_text(encoding="utf-8"))
        rows = rows.get("events", rows) if isinstance(rows, dict) else rows
        return {s for row in rows for s in row["sources"]}
    frame = pd.read_csv(out)
    return {s for cell in frame["sources"].dropna() for s in str(cell).split(";")}


def test_good_seeds_alone_exit_zero(corpus, tmp_path, capsys):
    out, errors = tmp_path / "events.csv", tmp_path / "errors.jsonl"
    code, err = _build(capsys, corpus, "--out", out, "--errors", errors)
    assert code == 0, err
    assert _summary_counts(err) == (5, 0)
    assert set(SEED_IDS) <= _sources(out)
    assert errors.read_text() == ""


@pytest.mark.parametrize("item", list(BAD_ITEMS))
def test_each_bad_item_is_named_and_the_rest_is_processed(item, corpus, tmp_path, capsys):
    name, content, skipped, problems, processed = BAD_ITEMS[item]
    (corpus / name).write_bytes(content)
    out, errors = tmp_path / "events.csv", tmp_path / "errors.jsonl"
    code, err = _build(capsys, corpus, "--out", out, "--errors", errors)

    assert code == (1 if skipped else 0), err
    assert _summary_counts(err) == (5 + processed + skipped, skipped)
    # every seed article still told its events
    assert set(SEED_IDS) <= _sources(out)
    # each problem: a message on stderr naming the file (and line), and a line in --errors
    records = [json.loads(line) for line in errors.read_text().splitlines()]
    assert len(records) == len(problems)
    for record, (line, words) in zip(records, problems):
        assert record["doc"].endswith(name) and record["line"] == line
        assert words.lower() in record["reason"].lower()
        where = f"{record['doc']}, line {line}" if line is not None else record["doc"]
        assert where in err
    if processed and item != "absurd dates":
        # a readable file's document is processed and, here, tells the meeting
        stem = Path(name).stem
        assert any(s == stem or s.startswith(("wire-", "csv-")) for s in _sources(out))


def test_every_bad_item_at_once(corpus, tmp_path, capsys):
    for name, content, *_ in BAD_ITEMS.values():
        (corpus / name).write_bytes(content)
    out, errors = tmp_path / "events.json", tmp_path / "errors.jsonl"
    code, err = _build(capsys, corpus, "--out", out, "--errors", errors)
    skipped = sum(v[2] for v in BAD_ITEMS.values())
    processed = 5 + sum(v[4] for v in BAD_ITEMS.values())
    assert code == 1
    assert _summary_counts(err) == (processed + skipped, skipped)
    assert len(errors.read_text().splitlines()) == sum(len(v[3]) for v in BAD_ITEMS.values())
    assert set(SEED_IDS) <= _sources(out)


def test_huge_document_is_refused_by_name_not_by_crash(corpus, tmp_path, capsys):
    """A 50 MB document (a dump, not an article) is skipped with a message saying how to
    proceed; memory and the other documents are unaffected."""
    article = (corpus / f"{SEED_IDS[3]}.txt").read_text(encoding="utf-8")
    with open(corpus / "dump.txt", "w", encoding="utf-8") as f:
        for _ in range(50 * 2**20 // len(article) + 1):
            f.write(article + "\n\n")
    out, errors = tmp_path / "events.csv", tmp_path / "errors.jsonl"
    code, err = _build(capsys, corpus, "--out", out, "--errors", errors)
    assert code == 1
    assert _summary_counts(err) == (6, 1)
    (record,) = [json.loads(line) for line in errors.read_text().splitlines()]
    assert record["doc"].endswith("dump.txt") or record["doc"] == "dump"
    assert "--max-chars" in record["reason"]
    assert set(SEED_IDS) <= _sources(out)


def test_the_same_corpus_through_two_processes_gives_the_same_bytes(corpus, tmp_path, capsys, timeml_dir):
    from timeline.timeml import read_timeml

    for name, content, *_ in BAD_ITEMS.values():
        (corpus / name).write_bytes(content)
    # enough real articles that the work is split into several chunks over the two workers
    news = [read_timeml(p) for p in sorted(timeml_dir.rglob("*.tml"))[:60]]
    (corpus / "news.jsonl").write_text(_jsonl(*[
        {"id": d.doc_id, "text": d.text, "date": d.dct.isoformat()} for d in news]), encoding="utf-8")
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    code_one, _ = _build(capsys, corpus, "--out", one, "--backend", "serial")
    code_two, _ = _build(capsys, corpus, "--out", two, "--backend", "processes", "--jobs", "2")
    assert code_one == code_two == 1
    assert one.read_bytes() == two.read_bytes()


def test_crash_while_writing_leaves_the_old_output(corpus, tmp_path, capsys, monkeypatch):
    import timeline.atomic

    out = tmp_path / "events.csv"
    out.write_text("previous run\n")
    real = timeline.atomic.os.replace

    def failing_replace(src, dst):
        raise KeyboardInterrupt  # Ctrl-C at the worst moment: the file is written, not moved

    monkeypatch.setattr(timeline.atomic.os, "replace", failing_replace)
    code, err = _build(capsys, corpus, "--out", out)
    monkeypatch.setattr(timeline.atomic.os, "replace", real)
    assert code == 130 and "interrupted" in err
    assert out.read_text() == "previous run\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "events.csv"]


def test_usage_errors_exit_two(corpus, tmp_path, capsys):
    code, err = _build(capsys, corpus, "--out", tmp_path / "x.csv", "--backend", "threads")
    assert code == 2 and "backend" in err
    code, err = _build(capsys, corpus, "--out", tmp_path / "x.csv", "--jobs", "many")
    assert code == 2 and "--jobs" in err
    code, err = _build(capsys, corpus, "--out", tmp_path / "x.csv", "--jobs", "-2")
    assert code == 2 and "0 or more" in err
    code, err = _build(capsys, corpus, "--out", tmp_path / "x.csv", "--scheduler", "tcp://h:8786")
    assert code == 2 and "--backend dask" in err
    assert not (tmp_path / "x.csv").exists()


@pytest.mark.slow
def test_ctrl_c_during_a_parallel_run(tmp_path, timeml_dir):
    """SIGINT to a real `timeline build --jobs 2` run over a large corpus: exit 130 at once,
    no output file, no temporary file, no worker process left behind."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    try:
        from corpus import write_corpus
    finally:
        sys.path.pop(0)
    write_corpus(tmp_path / "corpus.jsonl", 8000, timeml_dir)
    out = tmp_path / "out" / "events.csv"
    proc = subprocess.Popen([sys.executable, "-m", "timeline", "build", str(tmp_path / "corpus.jsonl"),
                             "--out", str(out), "--jobs", "2", "--quiet"],
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    # interrupt once the worker processes are busy (parent, fork server and two workers)
    deadline = time.time() + 60
    while time.time() < deadline and proc.poll() is None:
        group = subprocess.run(["pgrep", "-g", str(proc.pid)], capture_output=True, text=True)
        if len(group.stdout.split()) >= 4:
            break
        time.sleep(0.1)
    time.sleep(1.0)
    assert proc.poll() is None, proc.stderr.read()
    os.killpg(proc.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the whole group
    started = time.time()
    proc.wait(timeout=60)
    assert proc.returncode == 130, proc.stderr.read()
    assert time.time() - started < 30
    assert not out.exists()
    assert not out.parent.exists() or list(out.parent.iterdir()) == []
    # the workers, the fork server and the resource tracker follow their parent out
    deadline = time.time() + 10
    while True:
        leftover = subprocess.run(["pgrep", "-g", str(proc.pid)], capture_output=True, text=True)
        if not leftover.stdout.strip() or time.time() > deadline:
            break
        time.sleep(0.2)
    assert leftover.stdout.strip() == ""
