"""Pass 2 (timeline.timex.normalize): values for detected expressions, including what needs the
text around them (the last quarter named, the last date told, narrative anchoring)."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.timex.lexicon import load
from timeline.timex.normalize import Context, normalize
from timeline.timex.tagger import tag

EN = load("en")
REF = "2025-02-04"


def _value(text: str, expression: str, ref=REF, mode="news") -> tuple[str, str, str]:
    for t in tag(text, ref, mode=mode):
        if t.text == expression:
            return t.type, t.value, t.mod
    raise AssertionError(f"{expression!r} not tagged in {text!r}: {tag(text, ref, mode=mode)}")


@pytest.mark.parametrize("text, expression, expected", [
    # quarters, halves and fiscal years (business news)
    ("Profit rose in the third quarter.", "the third quarter", ("DATE", "2024-Q3", "")),
    ("Sales fell in the fourth quarter of 2023.", "the fourth quarter of 2023", ("DATE", "2023-Q4", "")),
    ("Deliveries fell 9 percent in Q3 2024.", "Q3 2024", ("DATE", "2024-Q3", "")),
    ("Sales should recover in the second half of the year.", "the second half of the year",
     ("DATE", "2025-H2", "")),
    ("Earnings will fall in fiscal 1990.", "fiscal 1990", ("DATE", "1990", "")),
    ("Profit fell in the quarter.", "the quarter", ("DATE", "2024-Q4", "")),
    # decades, centuries
    ("The city grew in the 1990s.", "the 1990s", ("DATE", "199", "")),
    ("The city grew in the late 1980s.", "the late 1980s", ("DATE", "198", "END")),
    ("It was built in the 19th century.", "the 19th century", ("DATE", "18", "")),
    ("Trade has run since the 1800s.", "the 1800s", ("DATE", "18", "")),
    ("The nineties were calm.", "The nineties", ("DATE", "199", "")),
    # durations
    ("He talked for almost three hours.", "almost three hours", ("DURATION", "PT3H", "APPROX")),
    ("They waited for 2 1/2 years.", "2 1/2 years", ("DURATION", "P2Y6M", "")),
    ("Crime fell for two decades.", "two decades", ("DURATION", "P20Y", "")),
    ("The talks lasted more than four hours.", "more than four hours", ("DURATION", "PT4H", "MORE_THAN")),
    ("It takes several years.", "several years", ("DURATION", "PXY", "")),
    ("It was a 10-year plan.", "10-year", ("DURATION", "P10Y", "")),
    ("The hearing was suspended for half an hour.", "half an hour", ("DURATION", "PT30M", "")),
    # relative to the reference date
    ("Rubio said late on Monday that the deal was done.", "Monday", ("DATE", "2025-02-03", "")),
    ("He spoke early Tuesday.", "early Tuesday", ("DATE", "2025-02-04", "START")),
    ("Shares fell last week.", "last week", ("DATE", "2025-W05", "")),
    ("Shares fell earlier this month.", "earlier this month", ("DATE", "2025-02", "START")),
    ("It was signed a year ago.", "a year ago", ("DATE", "2024", "")),
    ("It was signed a few years ago.", "a few years ago", ("DATE", "202X", "")),
    ("Fuel shortages are likely this winter.", "this winter", ("DATE", "2024-WI", "")),
    ("The drought last summer hurt.", "last summer", ("DATE", "2024-SU", "")),
    ("They met last weekend.", "last weekend", ("DATE", "2025-W05-WE", "")),
    ("He arrived this morning.", "this morning", ("TIME", "2025-02-04TMO", "")),
    ("The plane took off at 5:45 this morning.", "5:45 this morning", ("TIME", "2025-02-04T05:45", "")),
    ("Polls close at 9 o'clock tonight.", "9 o'clock tonight", ("TIME", "2025-02-04T21:00", "")),
    ("They left last night.", "last night", ("TIME", "2025-02-03TNI", "")),
    # holidays
    ("The pope will lead Mass at Easter.", "Easter", ("DATE", "2025-04-20", "")),
    ("Stores closed on Thanksgiving Day 2024.", "Thanksgiving Day 2024", ("DATE", "2024-11-28", "")),
    # sets and vague references
    ("The market opens every Monday.", "every Monday", ("SET", "XXXX-WXX-1", "")),
    ("The market opens every weekend.", "every weekend", ("SET", "XXXX-WXX-WE", "")),
    ("Pilgrims arrive every summer.", "every summer", ("SET", "XXXX-SU", "")),
    ("The report comes out weekly.", "weekly", ("SET", "P1W", "")),
    ("The border is now closed.", "now", ("DATE", "PRESENT_REF", "")),
    ("Prices rose recently.", "recently", ("DATE", "PAST_REF", "")),
    ("No one knows the future.", "the future", ("DATE", "FUTURE_REF", "")),
])
def test_values(text, expression, expected):
    assert _value(text, expression) == expected


def test_year_earlier_compares_the_quarter_just_named():
    text = ("Net income rose in the third quarter. A year earlier, the company lost money. "
            "The year-ago results included a charge.")
    assert _value(text, "A year earlier", "1989-10-26")[1] == "1988-Q3"
    assert _value(text, "year-ago", "1989-10-26")[1] == "1988-Q3"


def test_the_latest_quarter_is_the_one_the_report_leads_with():
    text = ("Acme posted third-quarter profit of $5 million. The earthquake will result in a "
            "fourth-quarter charge. Earnings fell 59% in the latest quarter, compared with "
            "$6.1 million a year ago.")
    assert _value(text, "the latest quarter", "1989-11-02")[1] == "1989-Q3"
    assert _value(text, "a year ago", "1989-11-02")[1] == "1988-Q3"


def test_the_period_a_year_back_is_one_expression():
    text = ("Profit rose in the third quarter. For the quarter a year ago, it earned $5 million. "
            "Sales were $3 million for the corresponding period last year. U.K. sales for last "
            "year's quarter were $3 million. Last year profit fell.")
    found = [(t.text, t.value) for t in tag(text, "1989-10-26")]
    assert found == [("the third quarter", "1989-Q3"), ("the quarter a year ago", "1988-Q3"),
                     ("the corresponding period last year", "1988-Q3"),
                     ("last year's quarter", "1988-Q3"), ("Last year", "1988")]


def test_weekday_and_day_of_month_agree():
    assert _value("It was Friday, the 13th.", "Friday, the 13th", "1999-01-22")[1] == "1998-11-13"
    assert _value("They will meet Friday, the 13th.", "Friday, the 13th", "1999-01-22")[1] == \
        "1999-08-13"
    assert _value("on Thursday, the 21st", "Thursday, the 21st", "1999-01-22")[1] == "1999-01-21"


def test_a_bare_clock_time_is_on_the_day_last_told():
    text = "The shooting happened on Oct. 23. Police arrived at 10 p.m. and left."
    assert _value(text, "10 p.m.", "1999-04-19")[1] == "1998-10-23T22:00"
    assert _value("Police arrived at 10 p.m. and left.", "10 p.m.", "1999-04-19")[1] == \
        "1999-04-19T22:00"
    # a week or a month told is no day
    assert _value("Last week police arrived at 10 p.m.", "10 p.m.", "1999-04-19")[1] == \
        "1999-04-19T22:00"


def test_earlier_that_day_is_the_day_told():
    text = "A sniper killed him on Oct. 23. Earlier that day, the family sent a fax."
    assert _value(text, "Earlier that day", "1998-10-26")[1:] == ("1998-10-23", "START")
    assert [t.text for t in tag("On that day we won.", REF)] == []


@pytest.mark.parametrize("text, expression, value", [
    ("Prices were cut in recent quarters.", "recent quarters", "PXQ"),
    ("It bodes ill for coming quarters.", "coming quarters", "FUTURE_REF"),
    ("It will cut taxes in future quarters.", "future quarters", "FUTURE_REF"),
    ("The challenges of the near term are large.", "the near term", "FUTURE_REF"),
])
def test_vague_periods(text, expression, value):
    assert _value(text, expression)[1] == value


def test_the_previous_weekday_counts_from_the_day_told():
    text = "The Dow closed Friday at 2082.1, down 4.5% from the previous Friday."
    assert _value(text, "the previous Friday", "1989-10-30")[1] == "1989-10-20"
    text = "They met on Jan. 10. The following Monday, talks resumed."
    assert _value(text, "The following Monday")[1] == "2025-01-13"
    assert _value("See you next Friday.", "next Friday", "1989-10-30")[1] == "1989-11-03"


def test_the_week_alone_leaves_the_week_open():
    text = "The index fell 1.2% on Friday. For the week, it lost 3%, the most since spring."
    assert _value(text, "the week", "1989-10-30")[1] == "1989-WXX"
    assert _value("Prices rose this week.", "this week", "1989-10-30")[1] == "1989-W44"
    assert _value("It rose over the weekend.", "the weekend", "1989-10-30")[1] == "1989-W43-WE"
    assert _value("He left this summer.", "this summer", "1989-10-30")[1] == "1989-SU"


def test_anaphora_counts_from_the_last_date_told():
    text = "The treaty was signed on May 22, 1995. The following year, it took effect."
    assert _value(text, "The following year", "1998-04-18")[1] == "1996"
    text = "The ship sailed on April 10, 1912. The day before, the crew had boarded."
    assert _value(text, "The day before", None, "narrative")[1] == "1912-04-09"


def test_narrative_mode_anchors_on_the_latest_date_told():
    text = "In 1944 the allies landed. That June, Rome fell. In August, Paris was freed."
    values = {t.text: t.value for t in tag(text, mode="narrative")}
    assert values["1944"] == "1944"
    assert values["That June"] == "1944-06"
    assert values["August"] == "1944-08"
    assert {t.anchored_by for t in tag(text, mode="narrative") if t.text != "1944"} == {"text"}


# Hand-made history-style passages (narrative mode, no reference date): the anchor is the last
# date told, a later count needs a told date at least as fine as its unit.
NARRATIVE = (
    "In 1944 the Allies prepared the invasion of France. On June 6, troops landed in Normandy. "
    "The next day, they took Bayeux. By August, Paris had been freed. Three weeks later, the "
    "Allies reached the Seine. On December 16, the offensive began, and ten days later it "
    "stalled. The war in Europe ended in May 1945. Two years later, the plan was announced. "
    "On 25 June 1950 the North invaded; within three days the capital fell. In September the "
    "UN landed. The armistice was signed on July 27, 1953. That summer, prisoners were "
    "exchanged. Later that year, the last troops left. The following spring, the talks ended.")


@pytest.mark.parametrize("expression, type_, value", [
    ("1944", "DATE", "1944"),
    ("June 6", "DATE", "1944-06-06"),
    ("The next day", "DATE", "1944-06-07"),
    ("August", "DATE", "1944-08"),
    ("Three weeks", "DURATION", "P3W"),          # weeks after a month: no day to count from
    ("December 16", "DATE", "1944-12-16"),
    ("ten days later", "DATE", "1944-12-26"),
    ("May 1945", "DATE", "1945-05"),
    ("Two years later", "DATE", "1947"),
    ("25 June 1950", "DATE", "1950-06-25"),
    ("three days", "DURATION", "P3D"),
    ("September", "DATE", "1950-09"),
    ("July 27, 1953", "DATE", "1953-07-27"),
    ("That summer", "DATE", "1953-SU"),
    ("Later that year", "DATE", "1953"),
    ("The following spring", "DATE", "1954-SP"),
])
def test_narrative_passage(expression, type_, value):
    found = {t.text: (t.type, t.value) for t in tag(NARRATIVE, mode="narrative")}
    assert found[expression] == (type_, value)


def test_a_century_does_not_date_what_follows_and_split_winters():
    text = ("On 6 June 1944 the Allies landed. In the 18th century Prussia rose. On May 8 the war "
            "ended. The winter of 1941-42 was harsh.")
    found = {t.text: t.value for t in tag(text, mode="narrative")}
    assert found == {"6 June 1944": "1944-06-06", "the 18th century": "17", "May 8": "1944-05-08",
                     "The winter of 1941-42": "1941-WI"}


def test_a_story_goes_forward_from_its_last_date():
    text = ("Germany attacked on Friday, 10 May 1940. On Monday, Dutch forces collapsed. In June "
            "1941 Germany invaded the Soviet Union; during the winter the Red Army struck back.")
    values = {t.text: t.value for t in tag(text, mode="narrative")}
    assert values == {"Friday, 10 May 1940": "1940-05-10", "Monday": "1940-05-13",
                      "June 1941": "1941-06", "the winter": "1941-WI"}


def test_without_a_reference_date_relative_expressions_get_placeholders():
    values = {t.text: (t.value, t.anchored_by) for t in tag(
        "He left on Monday, returned in March and met on Jan. 20 and on February 3, 2025.")}
    assert values["Monday"] == ("XXXX-WXX-1", "")
    assert values["March"] == ("XXXX-03", "")
    assert values["Jan. 20"] == ("XXXX-01-20", "")
    assert values["February 3, 2025"] == ("2025-02-03", "absolute")


def test_anchored_by():
    text = "On February 3, 2025, he said last week was hard, and now it lasted three hours."
    found = {t.text: t.anchored_by for t in tag(text, REF)}
    assert found == {"February 3, 2025": "absolute", "last week": "document", "now": "document",
                     "three hours": "absolute"}
    assert {t.text: t.anchored_by for t in tag(text)}["now"] == ""


def test_weekday_and_date_are_one_expression():
    found = [(t.text, t.value) for t in tag("The cabinet met on Tuesday, Jan. 28.", REF)]
    assert found == [("Tuesday, Jan. 28", "2025-01-28")]


def test_day_ranges_become_two_expressions():
    found = [(t.text, t.value) for t in tag("The fair runs Jan. 20-24.", REF)]
    assert found == [("Jan. 20", "2025-01-20"), ("24", "2025-01-24")]


@pytest.mark.parametrize("text", [
    "He left as soon as possible.", "Iraq imports about three-quarters of its food.",
    "They met soon after the war.",
])
def test_phrases_with_time_words_that_are_no_time(text):
    assert tag(text, REF) == []


@pytest.mark.parametrize("written", ["2025/01/20", "20-Jan-2025", "Jan-20-2025", "20/Jan/25"])
def test_other_explicit_formats_go_through_dateparser(written):
    assert [(t.text, t.value, t.anchored_by) for t in tag(f"It was filed {written}.", REF)] == \
        [(written, "2025-01-20", "absolute")]


def test_impossible_dates_are_dropped():
    assert tag("It happened on Feb. 30, 2024 and on 2025-13-01.", REF) == []


@pytest.mark.parametrize("kind, groups, expected", [
    ("date", {"month": "Sept.", "day": "22", "year": "2024"}, ("DATE", "2024-09-22", "", False)),
    ("year", {"year": "'99"}, ("DATE", "1999", "", False)),
    ("numeric_date", {"a": "20", "b": "1", "sep": "/", "year": "2025"}, ("DATE", "2025-01-20", "", False)),
    ("numeric_date", {"a": "1", "b": "20", "sep": "/", "year": "2025"}, ("DATE", "2025-01-20", "", False)),
    ("numeric_date", {"a": "2", "b": "30", "sep": "/", "year": "2025"}, None),
    ("century", {"century": "twentieth"}, ("DATE", "19", "", False)),
    ("vague", {"vague": "Nowadays"}, ("DATE", "PRESENT_REF", "", True)),
])
def test_normalizers_directly(kind, groups, expected):
    ctx = Context(EN, dt.date(2025, 2, 4), "past", None)
    assert normalize(kind, groups, ctx) == expected


@pytest.mark.parametrize("kwargs, message", [
    ({"ref_date": "yesterday"}, "reference date 'yesterday' is not a date"),
    ({"mode": "poem"}, "mode must be one of news, narrative"),
    ({"lang": "xx"}, "no temporal tagger data for language 'xx'"),
])
def test_bad_arguments_are_usage_errors(kwargs, message):
    from timeline.errors import UsageError

    with pytest.raises(UsageError, match=message):
        tag("Monday", **kwargs)


@pytest.mark.parametrize("ref", ["2025-02-04", "20250204", "2025-02-04T18:30:00Z",
                                 dt.date(2025, 2, 4), dt.datetime(2025, 2, 4, 23, 59)])
def test_reference_date_forms(ref):
    assert [t.value for t in tag("He left on Monday.", ref)] == ["2025-02-03"]
