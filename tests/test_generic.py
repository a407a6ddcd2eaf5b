"""Happenings told with verbs the trigger lists do not know (timeline.events.generic)."""

import datetime as dt

import pytest

from timeline import tag
from timeline.events.clauses import parse_sentence
from timeline.events.generic import base_form, generic_triggers, governed, headless
from timeline.events.sentences import split_sentences


def _verbs(text, dated=False, day=dt.date(2013, 5, 6)):
    sent = split_sentences(text)[0]
    parsed = parse_sentence(sent)
    timexes = tag(text, day)
    return [(v.text, v.lemma, v.aspect, v.headline, [x.text for x in governed(sent, parsed, v, timexes)])
            for v in generic_triggers(sent, parsed, dated=dated)]


@pytest.mark.parametrize("word, base", [("started", "start"), ("closed", "close"), ("stopped", "stop"),
                                        ("carried", "carry"), ("agreed", "agree"), ("began", "begin"),
                                        ("carrying", "carry"), ("closing", "close"), ("stopping", "stop"),
                                        ("launching", "launch")])
def test_base_form(word, base):
    assert base_form(word) == base


def test_a_verb_of_being_with_its_words_is_a_happening():
    (verb,) = [v for v in _verbs("The company went public in 1980.", dated=True)]
    assert verb[:4] == ("went public", "go public", "past", "goes public") and verb[4] == ["1980"]


def test_a_relative_clause_verb_counts_only_when_dates_are_read():
    text = "The carrier will offer a new streaming service, which goes live on June 3."
    assert all(v[0] != "goes live" for v in _verbs(text))
    live = [v for v in _verbs(text, dated=True) if v[0] == "goes live"]
    assert live and live[0][2] == "present" and live[0][4] == ["June 3"]


def test_an_infinitive_passive_is_scheduled():
    text = "Samsung announced a product launch to be held in Berlin on September 18."
    held = [v for v in _verbs(text, dated=True) if v[0] == "held"]
    assert held and held[0][2] == "future" and held[0][4] == ["September 18"]


def test_a_future_perfect_is_ahead_not_done():
    text = "An analyst estimated that eight million phones will have been sold by Friday."
    assert [v[2] for v in _verbs(text, dated=True) if v[0] == "sold"] == ["future"]


def test_negated_and_modal_verbs_tell_nothing():
    assert _verbs("The company did not close the plant in 2009.", dated=True) == []
    assert [v for v in _verbs("The company could close the plant in 2009.", dated=True) if v[0] == "close"] == []


@pytest.mark.parametrize("title, bad", [("Company goes public", False), ("To be released", True),
                                        ("Announced", True), ("Also fell", True)])
def test_headless(title, bad):
    assert headless(title) is bad


def test_a_date_hung_on_a_verb_of_saying_belongs_to_the_reduced_relative_before_it():
    verbs = _verbs("The fall in sales is explained by a strike staged by dock workers in March.", dated=True)
    assert ("staged", "stage", "past", "stages", ["March"]) in verbs
    # without its doer a bare participle stays an adjective
    assert not [v for v in _verbs("The fall is explained by a strike staged in March.", dated=True)
                if v[0] == "staged"]
