"""A named person's statement as news of its day (timeline/events/statements.py), on sentences
written for these tests, run through the whole extractor (tagger, actors, titles)."""

import datetime as dt

import pytest

import timeline
from timeline.document import Document
from timeline.events.statements import quoted_gist

MONDAY = dt.date(2024, 3, 4)


def statements(text, date=MONDAY):
    doc = Document(id="d", text=text, date=date)
    return [(e.date, e.title) for e in timeline.extract([doc]) if e.category == "statement"]


@pytest.mark.parametrize("text, expected", [
    # a quotation the verb closes, the speaker after it
    ('"We will rebuild every school in the valley, and we will do it this year," said Governor Ann Clark.',
     [("2024-03-04", 'Governor Ann Clark: "We will rebuild every school in the valley"')]),
    # TimeML's quotation marks, the speaker before the verb
    ("``Nobody knows what comes next, and we are worried,'' union leader Tom Baker said.",
     [("2024-03-04", 'Tom Baker: "Nobody knows what comes next"')]),
    # a lead-in phrase inside the quotation is passed over
    ('Mayor Lena Ortiz said, "With respect to the council, we consider the vote a mistake."',
     [("2024-03-04", 'Mayor Lena Ortiz: "We consider the vote a mistake"')]),
    # a "that" clause; the date next to the verb is the statement's
    ("Judge Ruth Alvarez said on Friday that the court would hear the appeal in May.",
     [("2024-03-01", "Judge Ruth Alvarez says the court would hear the appeal in May")]),
    # whom it was told to stays in the headline
    ("Prime Minister Paul Dubois told his cabinet on Sunday that the budget was too small.",
     [("2024-03-03", "Prime Minister Paul Dubois tells his cabinet the budget was too small")]),
    # a clause straight after the verb, no "that"
    ("Professor Hana Ito says the bridge needs new cables before winter.",
     [("2024-03-04", "Professor Hana Ito says the bridge needs new cables")]),  # (a title stops at "before")
])
def test_a_named_persons_statement_is_news_of_its_day(text, expected):
    assert statements(text) == expected


@pytest.mark.parametrize("text", [
    # nobody named says it
    'The new laptops are said to be four times faster than the old ones.',
    '"The plant will stay open," said a spokesman for the company.',
    'The investor, Karl Weber, plans to run the company, said a spokesman for the bank.',
    # the words said are not there
    "``I plan to respond,'' Dr. Ann Lee told reporters, and left.",
    "Senator Joe Park said so.",
    # said at the time of another clause, not on the story's day
    "When Senator Joe Park first opened the bridge, he praised its design.",
    # a possessive is not the speaker
    "Senator Joe Park's lawyers stated unambiguously that he was not aware of the payments.",
])
def test_no_statement_without_a_named_speaker_and_words_said(text):
    assert statements(text) == []


def test_a_date_inside_what_was_said_is_not_the_statements():
    assert statements("Director Omar Haddad said the business will achieve higher sales this year.") == [
        ("2024-03-04", "Director Omar Haddad says the business will achieve higher sales this year")]


def test_a_statement_stays_apart_from_the_happening_it_reports():
    text = ("Mayor Lena Ortiz announced on Monday that the city would close the old bridge. "
            '"It is a sad day," Mayor Lena Ortiz said.')
    doc = Document(id="d", text=text, date=MONDAY)
    titles = sorted((e.category, e.title) for e in timeline.build([doc]).itertuples())
    assert ("statement", 'Mayor Lena Ortiz: "It is a sad day"') in titles
    assert any(category != "statement" and "bridge" in title for category, title in titles)


@pytest.mark.parametrize("sentence, gist", [
    ('"The incidents of Aug. 7 show that terrorists know no borders," said Ann Lee.',
     "The incidents of Aug. 7 show that terrorists know no borders"),
    ('"Mr. Lortie built it, and it failed," said Ann Lee.', "Mr. Lortie built it"),
    ('"Yes," said Ann Lee.', ""),  # too short to quote
    ('Ann Lee said the plan "was a mistake."', ""),  # the quotation does not open at the verb
])
def test_quoted_gist(sentence, gist):
    start = sentence.index("said")
    assert quoted_gist(sentence, 0, start, start + 4, 12) == gist


def test_an_organisation_can_make_a_statement_and_a_person_in_its_title_is_the_speaker():
    assert statements("The Daily Courier Company reported that the mayor had been pushed out.") == [
        ("2024-03-04", "Daily Courier reports the mayor had been pushed out")]
    assert statements('"We love the old station," said Rail Corp. chief Dana Reyes.') == [
        ("2024-03-04", 'Dana Reyes: "We love the old station"')]


def test_a_name_the_lists_cannot_place_speaks_when_it_is_the_subject_but_a_plural_opening_does_not():
    assert statements("Orkem said it would fund the purchase through internal resources.") == [
        ("2024-03-04", "Orkem says it would fund the purchase through internal resources")]
    assert statements("Forecasters say the picture will get worse because more rain is coming.") == []


def test_a_report_keeps_its_reported_clause_whatever_its_content():
    # ("left" may or may not pass as a happening: either way the title says what was confirmed)
    doc = Document(id="d", text="Apple confirmed that Papermaster, 49, had left the company, but did not say why.",
                   date=MONDAY)
    assert [e.title for e in timeline.extract([doc])] == ["Apple confirms Papermaster had left the company"]


@pytest.mark.parametrize("text, expected", [
    # what the words characterise, then the words
    ('Senator Mia Reyes on Friday called the new budget "a betrayal of every family in the state".',
     [("2024-03-01", 'Senator Mia Reyes calls new budget "a betrayal of every family"')]),  # (12 words at most)
    ("Coach Dan Price described the final as `the hardest game of my life'.",
     [("2024-03-04", 'Coach Dan Price describes final as "the hardest game of my life"')]),
    # a standing characterisation (a report's view), a naming, a call with nothing quoted: none
    ('The city council describes the old bridge as "unsafe and beyond repair".', []),
    ("The new feature is called Lens, and it reads text aloud.", []),
    ("Mayor Lena Ortiz called the fire brigade on Friday.", []),
    # nothing said of anything: "what X described as" names no object
    ('Prices rose by what Governor Ann Clark described as "a shocking amount".', []),
])
def test_a_characterisation_quoted_is_a_statement(text, expected):
    assert statements(text) == expected


def test_an_instruction_told_is_a_statement():
    text = "Earlier, on March 1, Thames Water told customers to boil tap water for two minutes, or to buy bottled water."
    assert statements(text) == [("2024-03-01", "Thames Water tells customers to boil tap water for two minutes")]
