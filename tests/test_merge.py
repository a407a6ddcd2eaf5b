"""Merging tellings of one happening across documents, from real seed sentences."""

import datetime as dt

from timeline.document import Document
from timeline.events.extract import extract_events
from timeline.merge import dates_compatible, event_id, merge_events
from timeline.timex.model import Timex


def _events(doc_id, text, phrase=None, value=None, date=dt.date(2025, 2, 4), anchored="document"):
    doc = Document(doc_id, text, date=date, date_source="given")
    timexes = []
    if phrase:
        start = text.index(phrase)
        gran = {10: "day", 8: "week", 7: "month", 4: "year"}[len(value)]
        timexes.append(Timex(start, start + len(phrase), phrase, "DATE", value, gran, "", anchored))
    return extract_events(doc, timexes)


OFFER_001 = ("Secretary of State Marco Rubio said late on Monday that El Salvador has offered to house criminals "
             "who are American citizens and those being deported from the U.S. who are citizens of other nations.")
OFFER_003 = ("US Secretary of State Marco Rubio said late Monday that El Salvador's president has offered to accept "
             "deportees from the US of any nationality, including violent American criminals now imprisoned in the "
             "United States, the AP reports.")
CAPTION = ("Secretary of State Rubio meets with President Bukele at his residence at Lake Coatepeque at El Salvador, "
           "February 3, 2025.")
MET_000 = ("He met with El Salvador's President Nayib Bukele and senior officials at Bukele's residence on Lake "
           "Coatepeque outside the capital for almost three hours.")


def test_two_tellings_become_one_event_with_both_sources():
    a = _events("001_x", OFFER_001, "late on Monday", "2025-02-03")
    b = _events("003_y", OFFER_003, "late Monday", "2025-02-03")
    merged = merge_events(a + b)
    assert len(merged) == 1
    event = merged[0]
    assert [m.doc_id for m in event.mentions] == ["001_x", "003_y"]
    assert {m.time_text for m in event.mentions} == {"late on Monday", "late Monday"}
    assert event.confidence > max(e.confidence for e in a + b)  # two sources agree
    first = event.mentions[0]
    where = f"{first.doc_id}:{first.evidence_start}:{first.trigger_start}"
    assert event.event_id == event_id(event.date, event.title, ["001_x", "003_y"], where)


def test_an_inferred_telling_joins_the_explicit_one():
    explicit = _events("004_c", CAPTION, "February 3, 2025", "2025-02-03", dt.date(2025, 2, 3), "absolute")
    # "He" resolves to nobody in a one-sentence document; the other actors carry the match
    inferred = _events("000_a", MET_000, date=dt.date(2025, 2, 3))
    assert inferred[0].certainty == "inferred" and inferred[0].date == "2025-02-03"
    merged = merge_events(inferred + explicit)
    meetings = [e for e in merged if e.category == "meeting"]
    assert len(meetings) == 1
    assert meetings[0].certainty == "explicit" and meetings[0].title == "Secretary of State Rubio meets Bukele in El Salvador"
    assert sorted({m.doc_id for m in meetings[0].mentions}) == ["000_a", "004_c"]


def test_two_meetings_on_different_days_stay_apart():
    feb3 = _events("004_c", CAPTION, "February 3, 2025", "2025-02-03", dt.date(2025, 2, 3), "absolute")
    other_day = CAPTION.replace("February 3, 2025", "February 10, 2025")
    feb10 = _events("005_d", other_day, "February 10, 2025", "2025-02-10", dt.date(2025, 2, 10), "absolute")
    assert len(merge_events(feb3 + feb10)) == 2


def test_same_day_but_other_people_stay_apart():
    feb3 = _events("004_c", CAPTION, "February 3, 2025", "2025-02-03", dt.date(2025, 2, 3), "absolute")
    text = "Secretary of State Rubio met Indian External Affairs Minister Subrahmanyam Jaishankar on Monday."
    other = _events("006_e", text, "Monday", "2025-02-03")
    assert other and other[0].category == "meeting"
    assert len(merge_events(feb3 + other)) == 2


def test_same_people_same_day_but_another_happening_stay_apart():
    meeting = _events("004_c", CAPTION, "February 3, 2025", "2025-02-03", dt.date(2025, 2, 3), "absolute")
    offer = _events("001_x", OFFER_001, "late on Monday", "2025-02-03")
    assert len(merge_events(meeting + offer)) == 2


def test_threshold_is_configurable():
    a = _events("001_x", OFFER_001, "late on Monday", "2025-02-03")
    b = _events("003_y", OFFER_003, "late Monday", "2025-02-03")
    assert len(merge_events(a + b, threshold=1.01)) == 2
    assert len(merge_events(a + b, threshold=0.5)) == 1


def test_dates_compatible():
    d = dt.date
    assert dates_compatible(d(2025, 2, 3), d(2025, 2, 3), d(2025, 2, 3), d(2025, 2, 3))
    assert dates_compatible(d(2025, 1, 27), d(2025, 2, 2), d(2025, 1, 30), d(2025, 1, 30))  # day in its week
    assert dates_compatible(d(2025, 1, 1), d(2025, 1, 31), d(2025, 1, 20), d(2025, 1, 20))  # day in its month
    assert not dates_compatible(d(2025, 2, 3), d(2025, 2, 3), d(2025, 1, 1), d(2025, 12, 31))  # a year: too wide
    assert dates_compatible(d(2023, 1, 1), d(2023, 12, 31), d(2023, 1, 1), d(2023, 12, 31))
    assert not dates_compatible(d(2025, 2, 3), d(2025, 2, 3), d(2025, 1, 27), d(2025, 2, 2))
    assert not dates_compatible(None, None, d(2025, 2, 3), d(2025, 2, 3))


def test_merge_is_deterministic_and_keeps_every_mention():
    events = (_events("001_x", OFFER_001, "late on Monday", "2025-02-03")
              + _events("003_y", OFFER_003, "late Monday", "2025-02-03")
              + _events("004_c", CAPTION, "February 3, 2025", "2025-02-03", dt.date(2025, 2, 3), "absolute"))
    first = merge_events(events)
    second = merge_events(list(reversed(events)))
    assert [e.event_id for e in first] == [e.event_id for e in second]
    assert sum(len(e.mentions) for e in first) == len(events)


def test_a_city_and_its_country_are_one_place():
    """Two wire stories on the 1998 embassy bombings (AQUAINT), one naming the countries and one
    the cities, tell one event."""
    a = "The embassy bombings, on Aug. 7, killed 247 people in Kenya and 10 in Tanzania."
    b = ("Officials in Tanzania and Kenya, where she arrived next, also hoped she would produce new aid for their "
         "countries, where the Aug. 7 terrorist blasts killed 257 people in Nairobi and Dar es Salaam.")
    ea = _events("APW19980820", a, "Aug. 7", "1998-08-07", dt.date(1998, 8, 20))
    eb = _events("APW19980818", b, "Aug. 7", "1998-08-07", dt.date(1998, 8, 18))
    assert [e.actors for e in ea + eb] == [["Kenya", "Tanzania"], ["Nairobi", "Dar es Salaam"]]
    assert len(merge_events(ea + eb)) == 1
    assert len(merge_events(eb + ea)) == 1


# Sentences from TimeBank/AQUAINT (the 1998 embassy bombings, told by many wires; Wall Street
# Journal market boilerplate about two different companies).
AUG7 = dt.date(1998, 8, 20)


def test_attack_and_kill_tellings_of_one_bombing_merge():
    attacks = _events("APW19980813.1117", "The almost simultaneous attacks Aug. 7 at the U.S. embassies in Nairobi, "
                      "Kenya, and Dar es Salaam, Tanzania, killed 257 people and injured more than 5,500.",
                      "Aug. 7", "1998-08-07", AUG7)
    killed = _events("APW19980820.1428", "The embassy bombings, on Aug. 7, killed 247 people in Kenya and 10 in "
                     "Tanzania.", "Aug. 7", "1998-08-07", AUG7)
    nameless = _events("APW19980930.0425", "The bombings on Aug. 7 killed 259 people, including 12 Americans, and "
                       "injured more than 5,500.", "Aug. 7", "1998-08-07", AUG7)
    assert attacks and killed and nameless
    merged = merge_events(attacks + killed + nameless)
    assert len(merged) == 1
    assert sorted({m.doc_id for m in merged[0].mentions}) == ["APW19980813.1117", "APW19980820.1428",
                                                              "APW19980930.0425"]


def test_a_nameless_killing_on_another_day_stays_apart():
    a = _events("a", "The bombings on Aug. 7 killed 259 people, including 12 Americans.", "Aug. 7", "1998-08-07", AUG7)
    b = _events("b", "The bombings on Aug. 8 killed 259 people, including 12 Americans.", "Aug. 8", "1998-08-08", AUG7)
    assert len(merge_events(a + b)) == 2


def test_market_boilerplate_of_two_companies_stays_apart():
    nov1 = dt.date(1989, 11, 2)
    williams = _events("wsj_0150", "Williams shares, which were to be delisted from the New York Stock Exchange after "
                       "the close of composite trading yesterday, closed at $23.25, off 12.5 cents.",
                       "yesterday", "1989-11-01", nov1)
    ralston = _events("wsj_0189", "Ralston shares closed yesterday at $80.50, off $1, in New York Stock Exchange "
                      "composite trading.", "yesterday", "1989-11-01", nov1)
    assert williams and ralston
    assert len(merge_events(williams + ralston)) == 2
    earned_a = _events("wsj_0610", "In 1988, the company earned $480.4 million, or $3.90 a share, on sales of "
                       "$4.3 billion.", "1988", "1988", nov1)
    earned_b = _events("wsj_0973", "In 1988, the company earned $822.8 million, or $5.66 a share, on sales of "
                       "$12.49 billion.", "1988", "1988", nov1)
    assert earned_a and earned_b
    assert len(merge_events(earned_a + earned_b)) == 2


def test_two_companies_losses_stay_apart():
    oct25 = dt.date(1989, 10, 25)
    # as TimeBank writes them ("amp" is its "&"): both names end in "Loan Association"
    columbia = _events("wsj_1013", "Columbia Savings amp Loan Association announced a third-quarter loss of "
                       "$226.4 million.",
                       "third-quarter", "1989-Q3", oct25)
    franklin = _events("wsj_1038", "Benjamin Franklin Federal Savings amp Loan Association said it plans to "
                       "restructure in "
                       "the wake of a third-quarter loss of $226.4 million.", "third-quarter", "1989-Q3", oct25)
    assert columbia and franklin
    assert len(merge_events(columbia + franklin)) == 2  # same figure, other company

    # one day, one regulator named by both: only the subject rule (routine business needs the
    # same subject) keeps two companies' filings apart
    ralston = _events("a", "Ralston Purina Co. posted a loss of $5 million yesterday in a filing with the Securities "
                      "and Exchange Commission.", "yesterday", "1989-10-24", oct25)
    crossland = _events("b", "Crossland Savings posted a loss of $8 million yesterday in a filing with the "
                        "Securities and Exchange Commission.", "yesterday", "1989-10-24", oct25)
    assert ralston and crossland
    assert len(merge_events(ralston + crossland)) == 2


def test_a_row_shows_the_day_two_documents_agree_on():
    # the surest telling says only "October 1998"; two others say "Oct. 23": the row is that day
    month = _events("a", "Slepian was shot to death in October 1998 in Amherst.", "October 1998", "1998-10",
                    dt.date(1999, 1, 5), anchored="absolute")
    day1 = _events("b", "Slepian was shot to death last Oct. 23 at his home in suburban Amherst.", "last Oct. 23",
                   "1998-10-23", dt.date(1999, 4, 19))
    day2 = _events("c", "Slepian was shot to death on the night of Oct. 23 in Amherst.", "Oct. 23", "1998-10-23",
                   dt.date(1999, 5, 5))
    assert month[0].certainty == "explicit"
    merged = merge_events(month + day1 + day2)
    assert len(merged) == 1 and merged[0].date == "1998-10-23"
    # told by one document only, the narrower day may be a reaction's: the surest telling stays
    assert merge_events(month + day1)[0].date == "1998-10"


RECALL_JUNE = "Toyota recalled 2.3 million cars in the United States on Thursday over sticking accelerator pedals."
RECALL_LATER = "Toyota recalled millions of cars over sticking accelerator pedals and paid a record fine."


def test_an_undated_telling_in_a_later_article_takes_the_date_another_article_tells():
    dated = _events("a", RECALL_JUNE, "Thursday", "2010-01-21", dt.date(2010, 1, 22))
    later = [e for e in _events("b", RECALL_LATER, date=dt.date(2010, 4, 6)) if "recall" in e.senses]
    assert later and later[0].certainty == "inferred" and later[0].date == "2010-04-06"
    merged = [e for e in merge_events(dated + later) if "recall" in e.senses]
    assert len(merged) == 1
    assert merged[0].date == "2010-01-21" and sorted({m.doc_id for m in merged[0].mentions}) == ["a", "b"]


def test_an_undated_telling_does_not_join_a_dated_one_after_it_or_years_before():
    dated = _events("a", RECALL_JUNE, "Thursday", "2010-01-21", dt.date(2010, 1, 22))
    for day in (dt.date(2009, 12, 1), dt.date(2013, 5, 2)):  # told before it happened; years on
        later = [e for e in _events("b", RECALL_LATER, date=day) if "recall" in e.senses]
        assert len([e for e in merge_events(dated + later) if "recall" in e.senses]) == 2


def _tagged(doc_id, text, date):
    from timeline import tag

    doc = Document(doc_id, text, date=date, date_source="given")
    return extract_events(doc, tag(text, date))


def test_a_year_telling_joins_the_day_telling_of_the_same_happening():
    day = _tagged("a", "Nokia opened its Ovi music store on March 3, 2008, in Helsinki.", dt.date(2008, 3, 4))
    year = _tagged("b", "Nokia opened the Ovi music store in 2008 and closed it two years later.", dt.date(2011, 1, 9))
    assert [e.date for e in day] == ["2008-03-03"] and "2008" in [e.date for e in year]
    merged = merge_events(day + year)
    opening = [e for e in merged if "open" in e.senses]
    assert len(opening) == 1
    assert opening[0].date == "2008-03-03" and sorted({m.doc_id for m in opening[0].mentions}) == ["a", "b"]


def test_a_year_telling_stays_when_two_days_fit_or_the_doer_differs():
    first = _tagged("a", "Nokia opened a store in Paris on March 3, 2008.", dt.date(2008, 3, 4))
    second = _tagged("b", "Nokia opened a store in Rome on May 5, 2008.", dt.date(2008, 5, 6))
    year = _tagged("c", "Nokia opened a store in 2008.", dt.date(2011, 1, 9))
    assert len(merge_events(first + second + year)) == 3  # which of the two? the year stays a year
    other = _tagged("d", "Siemens opened a store in 2008.", dt.date(2011, 1, 9))
    assert len(merge_events(first + other)) == 2


def test_two_clauses_of_one_sentence_stay_two_happenings():
    text = "Shares of Nokia rose $5.41 yesterday, continuing their trend of having risen 23 percent this year."
    events = _tagged("a", text, dt.date(2010, 6, 9))
    assert len(merge_events(events)) == len(events) == 2
