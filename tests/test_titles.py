"""Headline titles from real seed sentences."""

import datetime as dt

import pytest

from timeline.document import Document
from timeline.events.extract import extract_events
from timeline.events.titles import MAX_CHARS, make_title
from timeline.timex.model import Timex


def _titles(text, timexes=(), date=dt.date(2025, 2, 4)):
    doc = Document("t", text, date=date, date_source="given")
    return [e.title for e in extract_events(doc, list(timexes))]


def _timex(text, phrase, value, anchored="document"):
    start = text.index(phrase)
    return Timex(start, start + len(phrase), phrase, "DATE", value, "day", "", anchored)


@pytest.mark.parametrize("text, phrase, value, title", [
    ("Secretary of State Rubio meets with President Bukele at his residence at Lake Coatepeque at El Salvador, "
     "February 3, 2025.", "February 3, 2025", "2025-02-03", "Rubio meets Bukele in El Salvador"),
    ("He briefly imposed sanctions on Colombia last week after it initially refused two flights.",
     "last week", "2025-W05", "Imposed sanctions on Colombia"),  # "He" unknown without context
    ("Last month, President Trump signed an executive order labelling the two criminal gangs as foreign terror "
     "groups.", "Last month", "2025-01", "Trump signs executive order"),
    ("Secretary of State Marco Rubio said late on Monday that El Salvador has offered to house criminals who are "
     "American citizens.", "late on Monday", "2025-02-03", "Rubio says El Salvador has offered to house criminals"),
    ("The Trump administration on Monday removed protection against deportation from hundreds of thousands of "
     "Venezuelans in the U.S.", "Monday", "2025-02-03", "Trump administration removes protection in U.S."),
])
def test_titles_from_seed_sentences(text, phrase, value, title):
    titles = _titles(text, [_timex(text, phrase, value)])
    assert titles == [title]


def test_inferred_event_title_and_places():
    text = "Rubio had just witnessed a U.S.-funded deportation flight carrying 43 migrants from Panama to Colombia."
    assert _titles(text) == ["Rubio witnesses U.S.-funded deportation flight from Panama to Colombia"]


def test_passive_subject_from_relative_clause():
    text = "The country has a ‘mega jail’ that was built in 2023 and can house 40,000 inmates."
    start = text.index("2023")
    timex = Timex(start, start + 4, "2023", "DATE", "2023", "year", "", "absolute")
    assert _titles(text, [timex]) == ["Mega jail built"]


def test_make_title_cuts_long_titles_at_a_word():
    title = make_title("Rubio", "says", "El Salvador's president has offered to accept deportees of any "
                       "nationality including violent criminals", "in San Salvador")
    assert len(title) <= MAX_CHARS + 1 and title.endswith("…") and " " in title
    assert make_title("", "built", "") == "Built"


def test_agent_of_a_passive_and_names_with_of():
    text = ("They said they would appeal the decision, announced Wednesday by INS Commissioner Doris Meissner, "
            "that the boy should go home.")
    start = text.index("Wednesday")
    wed = Timex(start, start + 9, "Wednesday", "DATE", "2000-01-05", "day", "", "document")
    assert _titles(text, [wed], dt.date(2000, 1, 6)) == ["INS announces"]
    text = ("At the Harry Truman Library in Independence, the three foreign ministers of Bronislaw Geremek of "
            "Poland, Janos Martonyi of Hungary and Jan Kavan of Czech Republic signed formal documents.")
    assert _titles(text, [], dt.date(1999, 3, 12)) == ["Kavan signs formal documents"]


@pytest.mark.parametrize("text, title", [
    ("Last Friday a sniper shot and killed Dr. Barnett Slepian in his home in suburban Buffalo.",
     "Sniper kills Slepian"),
    ("Separately, Esselte Business Systems reported third-quarter net income fell 5.9% to $9.5 million.",
     "Esselte Business Systems reports net income fell 5.9% to $9.5 million"),
])
def test_coordinated_verbs_titles_and_decimals(text, title):
    phrase = "Last Friday" if text.startswith("Last") else "third-quarter"
    value = "1999-01-15" if phrase == "Last Friday" else "1989-Q3"
    start = text.index(phrase)
    timex = Timex(start, start + len(phrase), phrase, "DATE", value, "day", "", "document")
    assert _titles(text, [timex], dt.date(1999, 1, 22)) == [title]


@pytest.mark.parametrize("text, titles_expected", [
    ("Slepian, 52, was shot with a rifle.", ["Slepian shot"]),
    ("The decision was met with outrage by Cuban-Americans.", []),  # a passive "met" is no meeting
    ("Rubio, who is on his first tour, met Bukele.", ["Rubio meets Bukele"]),
    ("Bukele, whom Rubio praised, said he offered his jails.", ["Bukele says he offered his jails"]),
])
def test_asides_between_subject_and_verb(text, titles_expected):
    assert _titles(text, [], dt.date(1999, 1, 22)) == titles_expected


def test_the_saying_date_stays_out_of_the_reported_clause():
    text = "Tanzanian police said on Tuesday they had arrested 14 foreigners in their investigation."
    start = text.index("Tuesday")
    tue = Timex(start, start + 7, "Tuesday", "DATE", "1998-08-11", "day", "", "document")
    assert _titles(text, [tue], dt.date(1998, 8, 12)) == ["Tanzanian police say they had arrested 14 foreigners in their…"]
