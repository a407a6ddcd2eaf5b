"""`timeline render` accepts every table `timeline build` writes: the seeds, the Wikinews trial
corpus and the whole of TimeBank/AQUAINT, in every table format."""

import json
import re

import pandas as pd
import pytest

from timeline.cli import main
from timeline.table import read_events, write_events


def _timeml_corpus(timeml_dir, path):
    with path.open("w", encoding="utf-8") as out:
        for tml in sorted(timeml_dir.glob("*/*.tml")):
            raw = tml.read_text(encoding="utf-8")
            dct = re.search(r'<DCT>.*?value="(\d{4}-\d{2}-\d{2})', raw, re.S).group(1)
            body = re.sub(r"<[^>]+>", "", re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S).group(1)).strip()
            out.write(json.dumps({"id": tml.stem, "text": body, "date": dct}) + "\n")
    return path


@pytest.mark.slow
@pytest.mark.parametrize("corpus", ["seeds", "trial", "timebank"])
def test_render_accepts_what_build_writes(corpus, seeds_dir, trial_dir, timeml_dir, tmp_path):
    source = {"seeds": lambda: seeds_dir, "trial": lambda: trial_dir / "docs.jsonl",
              "timebank": lambda: _timeml_corpus(timeml_dir, tmp_path / "tb.jsonl")}[corpus]()
    built = tmp_path / "events.csv"
    assert main(["build", str(source), "--out", str(built), "--quiet"]) == 0
    df = read_events(built)
    assert len(df) > 0 and df["event_id"].is_unique
    assert df["importance"].between(0, 1).all()
    for suffix in (".csv", ".json", ".parquet", ".xlsx"):
        table = built if suffix == ".csv" else write_events(df, tmp_path / f"events{suffix}")
        pd.testing.assert_frame_equal(read_events(table), df, obj=f"{corpus} {suffix}")
        page = tmp_path / f"page{suffix}.html"
        assert main(["render", str(table), "--out", str(page)]) == 0, f"render refused {corpus} {suffix}"
        assert page.stat().st_size > 10_000
