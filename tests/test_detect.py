"""Pass 1 (timeline.timex.detect): which spans are time expressions, on the seed articles,
TimeBank/AQUAINT and known traps."""

from __future__ import annotations

import pytest

from timeline.timex.detect import detect
from timeline.timex.lexicon import load
from timeline.timex.tagger import tag

EN = load("en")


def _spans(text: str, mode: str = "news") -> list[str]:
    return [text[c.start:c.end] for c in detect(text, EN, mode)]


@pytest.mark.parametrize("name, expected", [
    ("000_21e3754d681186f4.txt", ["almost three hours", "Jan. 20", "Monday", "last week"]),
    ("003_344faf7fb9d5f692.txt", ["2025-02-04", "late Monday"]),
    ("004_14d3067ffab1f62e.txt", ["2023", "February 3, 2025", "Last month", "2019"]),
])
def test_seed_articles_give_their_dates(seeds_dir, name, expected):
    text = (seeds_dir / name).read_text(encoding="utf-8")
    found = _spans(text)
    for span in expected:
        assert span in found, (span, found)


@pytest.mark.parametrize("trap", [
    "43 migrants", "40,000 inmates", "80,000 people", "30,000 people", "MS-13", "$2.7 million",
    "32 men and 11 women", "Boeing 747", "2,023 people", "1600 Pennsylvania Avenue",
])
def test_seed_non_dates_are_not_detected(seeds_dir, trap):
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
    texts.append(f"Officials counted {trap} on the list.")
    for text in texts:
        at = text.find(trap)
        if at < 0:
            continue
        for c in detect(text, EN):
            assert c.end <= at or c.start >= at + len(trap), (trap, text[c.start:c.end])


@pytest.mark.parametrize("text, expected", [
    ("He spoke on Monday.", ["Monday"]),                      # the sentence's period stays out
    ("The vote is on Jan. 20.", ["Jan. 20"]),
    ("It ended at 10 p.m.", ["10 p.m."]),                     # an abbreviation keeps its period
    ("Theresa May said so in May.", ["May"]),                 # the name is no month
    ("May we go? Sales rose in May 2024.", ["May 2024"]),
    ("Police arrested him at this march; last March he marched too.", ["last March"]),  # the protest
    ("Sun Microsystems rose; Sat. talks failed.", []),        # bare abbreviations are names
    ("Jan. 20-24", ["Jan. 20-24"]),
    ("from 2019 to 2021", ["2019", "2021"]),
    ("a 6-year-old boy", []),                                 # ages are not durations
    ("Mr. Reupke, 52 years old, resigned.", []),
    ("the dividend rate of $1.76 a year", []),                # a rate, not a length
    ("four flights a week", []),
    ("The year-ago quarter", ["The year-ago quarter"]),
    ("in the '90s and the 1800s", ["the '90s", "the 1800s"]),
    ("earlier this month", ["earlier this month"]),
    ("over the past two months", ["the past two months"]),   # the preposition stays out
    ("as soon as possible", ["as soon as"]),                  # consumed by an "ignore" rule
])
def test_spans(text, expected):
    assert _spans(text) == expected


def test_later_is_a_date_after_a_told_date_else_a_length():
    told = "The strike began on March 3, 1912. Two weeks later, the mills reopened."
    assert [(t.text, t.type, t.value) for t in tag(told, mode="narrative")][-1] == \
        ("Two weeks later", "DATE", "1912-W11")
    untold = "Two weeks later, the mills reopened."
    assert [(t.text, t.type, t.value) for t in tag(untold, "2025-02-04")] == \
        [("Two weeks", "DURATION", "P2W")]


def test_hours_later_is_a_length_and_never_a_day():
    # "last week" tells no day, and hours after a day are at best a time: TimeML tags the length
    found = [(t.text, t.type, t.value) for t in tag(
        "Officials last week said, and almost three hours later.", "2025-02-04")]
    assert found == [("last week", "DATE", "2025-W05"), ("almost three hours", "DURATION", "PT3H")]
    found = [(t.text, t.type, t.value) for t in tag(
        "On Feb. 1 they met. Three hours later they left.", "2025-02-04")]
    assert found[-1] == ("Three hours", "DURATION", "PT3H")
    found = [(t.text, t.type, t.value) for t in tag(
        "In 1944 they met. Three days later they left.", mode="narrative")]
    assert found[-1] == ("Three days", "DURATION", "P3D")


@pytest.mark.parametrize("text, expected", [
    ("according to the New York Sun, Feb. 3, the talks", [("Feb. 3", "2025-02-03")]),
    ("The Sun, Feb. 3 edition, said", [("Feb. 3", "2025-02-03")]),
    ("the Baltimore Sun Feb. 3 said", [("Feb. 3", "2025-02-03")]),
    ("The New York Sun reported it.", []),
    ("Sat Nam Singh spoke to the Sun.", []),
    ("On Sun, Feb. 2 they met.", [("Sun, Feb. 2", "2025-02-02")]),
    ("It rained. Sun, Feb. 2 was dry.", [("Sun, Feb. 2", "2025-02-02")]),
    ("Wed. Feb. 5 is the deadline.", [("Wed. Feb. 5", "2025-02-05")]),
])
def test_weekday_abbreviation_inside_a_name_is_not_a_date(text, expected):
    assert [(t.text, t.value) for t in tag(text, "2025-02-04")] == expected


@pytest.mark.parametrize("text, expected", [
    ("This is VOA Today.", []),
    ('Baker, speaking on ABC News\' "This Week," said the request was fair.', []),
    ("He read it in USA Today on Monday.", ["Monday"]),
    ("Today, the court rejected the appeal.", ["Today"]),
    ("The bonus is open to employees 55 years old or older.", []),
    ("The reactor ran for 55 years.", ["55 years"]),
])
def test_programme_names_and_ages_are_not_time_expressions(text, expected):
    assert [t.text for t in tag(text, "2025-02-04")] == expected


@pytest.mark.parametrize("text, expected", [
    ("The verdict came Friday.\n\nThe first witness spoke.", ["Friday"]),
    ("Prices closed lower again Friday, the fourth decline in five days.", ["Friday", "five days"]),
    ("It was Friday, the 13th.", ["Friday, the 13th"]),
])
def test_no_expression_runs_over_a_paragraph_or_into_a_noun_phrase(text, expected):
    assert [t.text for t in tag(text, "1999-01-22")] == expected


def test_candidates_do_not_overlap_and_are_in_order(timeml_dir):
    from timeline.timeml import read_timeml

    for path in sorted((timeml_dir / "TimeBank").glob("*.tml"))[:40]:
        doc = read_timeml(path)
        cands = detect(doc.text, EN)
        for a, b in zip(cands, cands[1:]):
            assert a.end <= b.start, (path.name, a, b)


def test_timebank_quality_floor(timeml_dir):
    """Relaxed-span F1 on all TimeBank documents with the TE3 scorer (0.94 when written)."""
    from timeline.evaluate import score
    from timeline.timeml import read_timeml

    gold, system = {}, {}
    for path in sorted((timeml_dir / "TimeBank").glob("*.tml")):
        doc = read_timeml(path)
        gold[doc.doc_id] = doc.timexes
        system[doc.doc_id] = tag(doc.text, doc.dct)
    s = score(gold, system)
    assert s.relaxed_f1 >= 0.92
    assert s.strict_f1 >= 0.87
    assert s.value_f1 >= 0.78
