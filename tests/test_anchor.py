"""Reference-date logic (timeline.timex.anchor): tense of a clause, calendar arithmetic, and the
day/month/year a bare weekday, month or month-day points to."""

import datetime as dt

import pytest

from timeline.timex import anchor as A
from timeline.timex.lexicon import load

EN = load("en")
TUE = dt.date(2025, 2, 4)  # the seeds' reference date, a Tuesday


def _tense(sentence: str, expression: str) -> str:
    start = sentence.index(expression)
    return A.tense(sentence, start, start + len(expression), EN)


@pytest.mark.parametrize("sentence, expression, expected", [
    ("The Trump administration on Monday removed protection for Venezuelans.", "Monday", "past"),
    ("Rubio will meet Bukele on Monday.", "Monday", "future"),
    ("Bush told a news conference on Tuesday that the barricade would stay.", "Tuesday", "past"),
    ("The monarch met the king Monday, and will meet Bush on Thursday.", "Thursday", "future"),
    ("The talks are scheduled for Sept. 22 in New York.", "Sept. 22", "future"),
    ("The vigil has been held since March.", "March", "past"),
    ("Officials said the group could arrive as early as Tuesday.", "Tuesday", "future"),
    ("The deadline is Friday.", "Friday", "future"),
    ("The office is open Friday.", "Friday", "present"),
    ("Friday.", "Friday", "unknown"),
    # a reporting verb only decides right next to the expression
    ("Officials said the talks will resume on Friday.", "Friday", "future"),
    ("The Iraqi ambassador said on Tuesday that Iraq would retaliate.", "Tuesday", "past"),
    ("Until Thursday, the border will stay closed.", "Thursday", "future"),
    # a clause boundary stops the search: the future of the next sentence does not count
    ("He arrived Monday. He will leave soon.", "Monday", "past"),
    # a quotation mark separates the quoted words from the saying
    ("``The father will leave early on Thursday,'' Castro said.", "Thursday", "future"),
    ("\u201cWe leave on Friday,\u201d he said.", "Friday", "unknown"),
    ('He said Friday "we will fight on".', "Friday", "past"),
    # an abbreviation's period does not end the clause; "next to" is a place
    ("Castro will leave at 4 a.m. Thursday.", "Thursday", "future"),
    # irregular past forms count; a passive participle does not
    ("In January, the company brought in a new chief.", "January", "past"),
    ("He may lose if the case is heard in May by the court.", "May", "present"),
    ("The bomb ripped through a building next to the U.S. embassy Friday.", "Friday", "past"),
    # a past perfect with "by" names a deadline already passed; a comma ends that reading
    ("Thirty-two members had filed compliance reports by Wednesday.", "Wednesday", "past"),
    ("The sale, which had been expected, is to pay down the loan by February.", "February",
     "future"),
    # a plain present of a meeting or a trip is what is planned; "to meet demand" is not
    ("He and Arafat meet separately Monday with Albright.", "Monday", "future"),
    ("The board did not meet on Monday.", "Monday", "past"),
    ("The board didn't meet on Monday.", "Monday", "past"),
    ("The council convenes on Friday.", "Friday", "future"),
    ("Obama spoke during his visit to Israel on Wednesday.", "Wednesday", "past"),
    ("It was difficult for Sun to meet demand well into the summer.", "the summer", "past"),
    # a participle after an article is an adjective, not a past verb
    ("The dividend is payable on an unspecified date in January.", "January", "present"),
    ("Analysts watch the expected vote in March.", "March", "unknown"),
    ("Analysts watched the vote in March.", "March", "past"),
    # irregular verbs that read the same in the present and the past
    ("The shares are near the record high set on Aug. 6.", "Aug. 6", "past"),
    ("The storm hit the coast on Aug. 30.", "Aug. 30", "past"),
    ("The Fed is expected to approve a rate cut in March.", "March", "future"),
    ("The vote is set for Aug. 6.", "Aug. 6", "future"),
    ("The talks are set to resume on Aug. 6.", "Aug. 6", "future"),
    # "until" looks ahead unless a past perfect dates the state it ends
    ("Until Thursday, they had not called Kopp a suspect.", "Thursday", "past"),
    ("Officials postponed until Tuesday morning any action on the case.", "Tuesday", "future"),
    ("The talks continue until Friday.", "Friday", "future"),
    # in business news "agreed to buy X in January" dates the agreement, not the purchase
    # ("First of America said it completed its acquisition ... announced an agreement to
    # acquire the company in January")
    ("The bank announced an agreement to acquire the company in January.", "January", "past"),
    ("The company agreed in February to sell the unit.", "February", "past"),
    # "would be leaving" reports a plan, while a bare "would" is as often a past habit
    ("The father would be traveling to the United States Thursday.", "Thursday", "future"),
    # "were planning" is a plan under way: its past auxiliary does not date what is planned
    ("Protesters planned a demonstration on Saturday and were planning to march on Monday.",
     "Saturday", "future"),
    # a plan told in the past perfect is over
    ("The offer had been scheduled to expire at midnight Friday.", "Friday", "past"),
])
def test_tense(sentence, expression, expected):
    assert _tense(sentence, expression) == expected


@pytest.mark.parametrize("weekday, direction, when, expected", [
    (1, None, "past", "2025-02-03"),     # "on Monday removed"
    (1, None, "future", "2025-02-10"),   # "will meet on Monday"
    (2, None, "past", "2025-02-04"),     # the reference day itself
    (2, None, "future", "2025-02-04"),
    (5, None, "unknown", "2025-01-31"),  # news reports the week gone by
    (5, -1, "past", "2025-01-31"),       # "last Friday"
    (2, -1, "past", "2025-01-28"),       # "last Tuesday" on a Tuesday is a week ago
    (5, 1, "future", "2025-02-07"),      # "next Friday"
    (7, 0, "future", "2025-02-09"),      # "this Sunday"
])
def test_resolve_weekday(weekday, direction, when, expected):
    assert A.resolve_weekday(TUE, weekday, direction, when).isoformat() == expected


@pytest.mark.parametrize("month, when, expected", [
    (1, "past", 2025), (1, "unknown", 2025), (11, "future", 2025), (11, "past", 2024),
    (5, "unknown", 2024),   # untensed, news looks back: last May rather than the next (nearer)
    (8, "past", 2024),      # "in August, the ministry said" (6 months back)
    (12, "unknown", 2024),  # nearest December
    (3, "future", 2025),
])
def test_resolve_month_year(month, when, expected):
    assert A.resolve_month_year(TUE, month, when) == expected


@pytest.mark.parametrize("month, day, when, expected", [
    (1, 20, "past", 2025), (12, 18, "past", 2024), (9, 22, "future", 2025),
    (9, 9, "unknown", 2024), (3, 1, "unknown", 2025), (11, 30, "past", 2024),
    (2, 30, "past", 2025),  # impossible days keep the reference year (the caller rejects them)
])
def test_resolve_day_year(month, day, when, expected):
    assert A.resolve_day_year(TUE, month, day, when) == expected


@pytest.mark.parametrize("day, unit, n, expected", [
    ("2025-02-04", "W", -1, "2025-W05"),
    ("2025-02-04", "M", -1, "2025-01"),
    ("2025-02-04", "Q", 0, "2025-Q1"),
    ("2025-02-04", "Q", -1, "2024-Q4"),
    ("2025-02-04", "Y", 1, "2026"),
    ("2025-03-31", "M", -1, "2025-02"),      # clamped to 28 Feb, still February
    ("2021-01-03", "W", 0, "2020-W53"),      # ISO week-numbering year differs from the calendar
    ("2024-12-30", "W", 0, "2025-W01"),
    ("2025-02-04", "WE", -1, "2025-W05-WE"),
    ("1994-06-15", "DE", 0, "199"),
    ("1876-01-01", "CE", 0, "18"),
    ("2025-02-04", "H", 1, "2025-H2"),
])
def test_shift_and_format(day, unit, n, expected):
    moved = A.shift(dt.date.fromisoformat(day), unit, n)
    assert A.format_unit(moved, unit) == expected


def test_clause_is_bounded_by_sentences():
    text = "Prices fell. On Monday the bank cut rates; traders said later."
    start = text.index("Monday")
    before, after = A.clause(text, start, start + 6)
    assert before == "On "
    assert after == " the bank cut rates"


@pytest.mark.parametrize("ref, month, day, step, expected", [
    ("1999-04-19", 10, 23, -1, 1998),   # "last Oct. 23": the latest one before
    ("1999-04-19", 4, 19, -1, 1998),    # the reference day itself is not "last"
    ("1999-04-19", 4, 19, 1, 2000),
    ("1999-04-19", 3, 3, 1, 2000),      # "next March 3" in April: next year's
    ("1999-04-19", 1, 20, 0, 1999),     # "this Jan. 20"
    ("1999-04-19", 2, 29, 1, 2000),     # the next Feb. 29 that exists
    ("1999-04-19", 2, 29, -1, 1996),
])
def test_year_of_day(ref, month, day, step, expected):
    assert A.year_of_day(dt.date.fromisoformat(ref), month, day, step) == expected
