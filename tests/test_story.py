"""The story's running date in narrative mode (timeline/timex/story.py): hand-written cases in
tests/data/narrative_story_cases.tsv (the story so far, the sentence, an expression of it and
its value), covering what moves the story and what does not, years taken from a coordinated
date, and BC stories."""

import csv
from pathlib import Path

import pytest

import timeline

CASES = Path(__file__).parent / "data" / "narrative_story_cases.tsv"


def _rows() -> list[dict]:
    lines = [line for line in CASES.read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


ROWS = _rows()


def test_the_table_is_large_enough():
    assert len(ROWS) >= 150
    assert all(row["expression"] in row["text"] for row in ROWS)


@pytest.mark.parametrize("row", ROWS, ids=[f"{i}:{r['expression']}" for i, r in enumerate(ROWS)])
def test_story_case(row):
    story = row["story"] + " " if row["story"] else ""
    text = story + row["text"]
    found = [t for t in timeline.tag(text, None, mode="narrative") if t.start >= len(story)]
    got = {t.text: t.value for t in found}
    if row["value"] == "-":
        assert row["expression"] not in got, f"{row['expression']!r} tagged in {text!r}"
    else:
        assert got.get(row["expression"]) == row["value"], f"{text!r}: {got}"
