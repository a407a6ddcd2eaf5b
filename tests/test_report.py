"""timeline.report: counts add up, the summary says what happened, the errors file lists every
skipped document with its line and reason."""

from __future__ import annotations

import json

import pytest

from timeline.errors import DocumentError
from timeline.report import RunReport, error_record, write_errors


def _failures():
    return [
        DocumentError("corpus.jsonl", "broken JSON line (Expecting ',' delimiter at column 9); skipped", line=3),
        DocumentError("scan.pdf", "binary file, not text"),
        DocumentError("corpus.jsonl", "broken JSON line (Unterminated string at column 2); skipped", line=9),
        DocumentError("été.txt", "empty document"),
    ]


def test_clean_run_exits_zero_and_says_so():
    report = RunReport()
    report.document_done(5)
    report.finish(events=12)
    assert (report.read, report.processed, report.skipped, report.exit_code) == (5, 5, 0, 0)
    assert report.summary().startswith("5 documents read, 0 skipped, 12 events in ")
    assert report.summary().endswith(" s")


def test_skipped_documents_are_counted_and_set_exit_code_one():
    lines = []
    report = RunReport(echo=lines.append)
    report.document_done(2000)
    for error in _failures():
        report.on_error(error)
    report.finish(events=1512)
    assert (report.read, report.processed, report.skipped, report.exit_code) == (2004, 2000, 4, 1)
    summary = report.summary()
    assert summary.startswith("2,004 documents read, 4 skipped, 1,512 events in ")
    # the commonest reasons, without the per-line detail
    assert "skipped for: broken JSON line (2), binary file, not text (1), empty document (1)" in summary
    # each failure was echoed as it happened, naming the document and the line
    assert lines[0] == "skipped corpus.jsonl, line 3: broken JSON line (Expecting ',' delimiter at column 9); skipped"
    assert lines[1] == "skipped scan.pdf: binary file, not text"
    assert len(lines) == 4


def test_a_problem_the_document_survived_is_a_warning_not_a_skip(tmp_path):
    lines = []
    report = RunReport(echo=lines.append)
    report.document_done(3)
    report.on_error(DocumentError("corpus.jsonl", "date '2025-02-30' is no real date", 4, kept=True))
    report.finish(events=7)
    assert (report.read, report.skipped, report.warnings, report.exit_code) == (3, 0, 1, 0)
    assert report.summary().startswith("3 documents read, 0 skipped, 1 with warnings, 7 events in ")
    assert lines == ["warning corpus.jsonl, line 4: date '2025-02-30' is no real date"]
    rows = write_errors(tmp_path / "e.jsonl", report.errors).read_text().splitlines()
    assert json.loads(rows[0])["kept"] is True


def test_without_echo_failures_are_logged(caplog):
    report = RunReport()
    with caplog.at_level("WARNING", logger="timeline.report"):
        report.on_error(_failures()[0])
    assert "corpus.jsonl, line 3" in caplog.text


def test_a_foreign_exception_is_still_recorded():
    report = RunReport(echo=lambda _: None)
    report.on_error(ValueError("boom"))  # a careless callback caller: never lose the record
    assert report.skipped == 1 and report.errors[0].reason == "boom"


def test_singular_words():
    report = RunReport()
    report.document_done()
    report.finish(events=1)
    assert report.summary().startswith("1 document read, 0 skipped, 1 event in ")


def test_seconds_grow_until_finished():
    report = RunReport()
    first = report.seconds
    report.finish()
    frozen = report.seconds
    assert frozen >= first and report.seconds == frozen
    assert set(report.as_dict()) == {"read", "processed", "skipped", "warnings", "events", "seconds"}


def test_errors_file_has_one_json_line_per_failure(tmp_path):
    path = write_errors(tmp_path / "out" / "errors.jsonl", _failures())
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert rows == [error_record(e) for e in _failures()]
    assert rows[0] == {"doc": "corpus.jsonl", "line": 3, "kept": False,
                       "reason": "broken JSON line (Expecting ',' delimiter at column 9); skipped"}
    assert rows[1]["line"] is None and rows[3]["doc"] == "été.txt"


def test_no_failures_gives_an_empty_file(tmp_path):
    path = write_errors(tmp_path / "errors.jsonl", [])
    assert path.exists() and path.read_text() == ""


def test_errors_file_is_written_atomically(tmp_path):
    path = tmp_path / "errors.jsonl"
    path.write_text("previous run\n")

    class Exploding(DocumentError):
        @property
        def reason(self):
            raise KeyboardInterrupt

        @reason.setter
        def reason(self, value):
            pass

    with pytest.raises(KeyboardInterrupt):
        write_errors(path, [_failures()[0], Exploding("x", "y")])
    # interrupted half way: the old file is untouched and no temporary file is left behind
    assert path.read_text() == "previous run\n"
    assert [p.name for p in tmp_path.iterdir()] == ["errors.jsonl"]
