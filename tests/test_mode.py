"""mode="auto" (timeline/timex/mode.py): news or narrative per document and paragraph, on the
WikiWars histories, TimeBank/AQUAINT news and hand-written mixed texts; the mode reported by
`timeline tag` and on the events' mentions."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import timeline
from timeline.cli import main
from timeline.errors import UsageError
from timeline.timeml import read_timeml
from timeline.timex import mode_of, mode_runs

PERSIAN_WARS = ("In 490 BC, the Persians landed at Marathon. In 480 BC, Xerxes invaded Greece. "
                "In 479 BC, the Greeks defeated the Persians at Plataea.")
NEWS_WITH_HISTORY = (
    "SEOUL, South Korea (AP) - North and South Korean officials met on Tuesday, the first talks "
    "in two years. They will meet again next week.\n\n"
    "The two Koreas fought a war from 1950 to 1953. It ended in an armistice in July 1953, and "
    "in 1991 both joined the United Nations. In June they met for the first time.\n\n"
    "Officials said on Wednesday that the talks would resume in March.")


def test_every_wikiwars_history_is_a_narrative(wikiwars_dir):
    docs = [read_timeml(p) for p in sorted(wikiwars_dir.glob("*.tml"))]
    assert len(docs) == 11
    assert all(mode_of(d.text, d.dct) == "narrative" for d in docs)


def test_news_articles_are_news(timeml_dir):
    docs = [read_timeml(p) for p in sorted((timeml_dir / "TimeBank").glob("*.tml"))]
    modes = [mode_of(d.text, d.dct) for d in docs]
    assert modes.count("narrative") <= 1  # one 900-character note about two old years
    assert modes.count("news") >= len(docs) - 5


def test_auto_tags_a_history_as_narrative_mode_does(wikiwars_dir):
    doc = read_timeml(wikiwars_dir / "01_WW2.tml")
    auto = timeline.tag(doc.text, doc.dct)  # auto is the default
    assert auto == timeline.tag(doc.text, doc.dct, mode="narrative")
    assert auto != timeline.tag(doc.text, doc.dct, mode="news")


def test_bc_history_with_a_reference_date_is_a_narrative():
    assert mode_of(PERSIAN_WARS, "2024-01-01") == "narrative"
    assert mode_of(PERSIAN_WARS) == "narrative"  # no date to count from
    values = [t.value for t in timeline.tag(PERSIAN_WARS, "2024-01-01")]
    assert values == ["BC0490", "BC0480", "BC0479"]


def test_a_news_story_turns_to_history_for_a_paragraph():
    runs = mode_runs(NEWS_WITH_HISTORY, "1998-04-14")
    assert [m for _, _, m in runs] == ["news", "narrative", "news"]
    history = NEWS_WITH_HISTORY[runs[1][0]:runs[1][1]]
    assert history.startswith("The two Koreas") and history.endswith("first time.\n\n")
    assert mode_of(NEWS_WITH_HISTORY, "1998-04-14") == "mixed"
    got = {t.text: t.value for t in timeline.tag(NEWS_WITH_HISTORY, "1998-04-14")}
    assert got["Tuesday"] == "1998-04-14"  # news: the week of the report
    assert got["June"] == "1991-06"  # the history paragraph: the story's year
    assert got["March"] == "1999-03"  # news again: the next March after the report
    news = {t.text: t.value for t in timeline.tag(NEWS_WITH_HISTORY, "1998-04-14", mode="news")}
    assert news["June"] != "1991-06"


def test_a_paragraph_keeps_the_dates_told_before_it():
    # one sentence per line, as wire copy and Wikinews are often saved: the story's last year
    # is in the paragraph before, and "One year later" counts from it, not from nothing
    text = ("PARIS - The museum's founder died on Sunday, aged 81.\n"
            "She opened the first gallery in 1969, and in 1975 the museum moved to the river.\n"
            "One year later it was flooded and she rebuilt it.\n")
    got = {t.text: (t.type, t.value) for t in timeline.tag(text, "2003-03-11")}
    assert got["One year later"] == ("DATE", "1976")
    assert got["Sunday"] == ("DATE", "2003-03-09")


def test_mode_must_be_known():
    with pytest.raises(UsageError):
        timeline.tag("in May", None, mode="story")
    with pytest.raises(UsageError):
        timeline.Options.from_kwargs(mode="story")
    assert timeline.Options().mode == "auto"


def test_cli_tag_reports_the_mode_of_each_expression(tmp_path, capsys):
    path = tmp_path / "docs.jsonl"
    path.write_text(json.dumps({"id": "k", "text": NEWS_WITH_HISTORY, "date": "1998-04-14"}) + "\n",
                    encoding="utf-8")
    assert main(["tag", str(path)]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    mode = {line["text"]: line["mode"] for line in lines}
    assert mode["Tuesday"] == "news" and mode["1950"] == "narrative" and mode["March"] == "news"
    assert main(["tag", str(path), "--mode", "news"]) == 0
    assert {json.loads(line)["mode"] for line in capsys.readouterr().out.splitlines()} == {"news"}


def test_events_mentions_say_how_their_document_was_read():
    docs = [timeline.Document(id="persian", text=PERSIAN_WARS, date=None),
            timeline.Document(id="korea", text=NEWS_WITH_HISTORY, date=None)]
    events = timeline.extract(docs, ref_date=dt.date(2024, 1, 1), jobs=1, backend="serial")
    modes = {m.doc_id: m.mode for e in events for m in e.mentions}
    assert modes["persian"] == "narrative"
    assert modes.get("korea") in (None, "news", "mixed", "narrative")
