"""Entity timelines (`about`): the events one entity takes part in, under any of its names."""

import datetime as dt

import pytest

import timeline
from timeline.about import about, names_for
from timeline.document import Document
from timeline.pipeline import extract

GM_STORY = ("General Motors filed for bankruptcy protection on Monday, the company said. "
            "GM will close 14 plants by 2010, and Chrysler said on Tuesday it agreed to sell its assets to Fiat.")


@pytest.fixture(scope="module")
def gm_events():
    doc = Document("gm", GM_STORY, date=dt.date(2009, 6, 2), date_source="given")
    return extract([doc], backend="serial", quiet=True)


def test_acronym_and_full_name_are_one_entity(gm_events):
    names = names_for("General Motors", gm_events)
    assert {"general motors", "gm"} <= names
    assert names_for("GM", gm_events) >= {"general motors", "gm"}


def test_about_keeps_only_the_entitys_events(gm_events):
    kept = about(gm_events, "General Motors")
    assert kept and all("General Motors" in e.actors for e in kept)
    assert not any("Chrysler" in e.actors and "General Motors" not in e.actors for e in kept)
    assert about(gm_events, "") == gm_events


def test_build_about_on_wikinews_articles(trial_dir):
    df = timeline.build([str(trial_dir / "docs.jsonl")], about="Steve Jobs", backend="serial", quiet=True)
    assert len(df) >= 10
    assert all(any(a in ("Steve Jobs",) for a in actors) or "Jobs" in title
               for actors, title in zip(df["actors"], df["title"]))
    assert "2011-10-05" in set(df["date"])  # "has died yesterday" in the article of 2011-10-06
    assert df["event_id"].is_unique
