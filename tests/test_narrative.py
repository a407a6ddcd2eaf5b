"""The tagger on history text in narrative mode: hand-written Wikipedia-style paragraphs
(tests/data/narrative/*.txt, British and American date styles, BC/AD years, year ranges,
relative dates told against the story's last date) against tests/data/narrative_cases.tsv."""

import csv
from collections import defaultdict
from pathlib import Path

import pytest

import timeline

DATA = Path(__file__).parent / "data"


def _expected() -> dict[str, list[tuple[str, str, str]]]:
    lines = [line for line in (DATA / "narrative_cases.tsv").read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    out = defaultdict(list)
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        out[row["file"]].append((row["text"], row["type"], row["value"]))
    return out


EXPECTED = _expected()


def test_every_fixture_has_rows():
    files = {p.name for p in (DATA / "narrative").glob("*.txt")}
    assert files == set(EXPECTED)
    assert sum(len(rows) for rows in EXPECTED.values()) >= 60


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_narrative_file_tagged_as_expected(name):
    text = (DATA / "narrative" / name).read_text(encoding="utf-8")
    found = timeline.tag(text, None, mode="narrative")
    for t in found:
        assert text[t.start:t.end] == t.text
    got = [(t.text, t.type, t.value) for t in found]
    assert got == EXPECTED[name]


@pytest.mark.parametrize("text, expected", [
    # months without a year go forward after a day told, stay in a year told alone
    ("On 5 November 1757 he won. In March he moved on.", ("March", "1758-03")),
    ("In 1943 the army retreated. In March it regrouped.", ("March", "1943-03")),
    ("Paris fell on 14 June 1940. On 10 May the attack had begun.", ("10 May", "1940-05-10")),
    # ranges and eras
    ("the war of 1939-45", ("45", "1945")),
    ("the 1990-91 season", ("91", "1991")),
    ("Caesar died in 44 BC.", ("44 BC", "BC0044")),
    ("Varus fell in AD 9.", ("AD 9", "0009")),
    ("The temple burned in 70 CE.", ("70 CE", "0070")),
    ("Athens flourished in the 5th century BC.", ("the 5th century BC", "BC04")),
    ("On the night of 14/15 April 1912 the ship sank.",
     ("the night of 14/15 April 1912", "1912-04-14TNI")),
    # day ranges with the month after them: two expressions
    ("Fighting raged on 7–8 December 1941.", ("7", "1941-12-07")),
    ("It was fought between 4 and 8 May 1942.", ("8 May 1942", "1942-05-08")),
    # month ranges before a year, and a day of the month in the month told
    ("Fighting continued from March to June 1918.", ("March", "1918-03")),
    ("The front held between December and February 1943.", ("December", "1942-12")),
    ("In mid-October 1943 rain fell. On the 14th the attack resumed.", ("the 14th", "1943-10-14")),
    ("On 20 May 1940 they met. On the 3rd they parted.", ("the 3rd", "1940-06-03")),
    # relative dates after a BC date are BC too (no year 0: 27 BC + 40 years is AD 14)
    ("The triumvirs met in 43 BC. The following year they won.", ("The following year", "BC0042")),
    ("The empire began in 27 BC; forty years later Augustus was old.",
     ("forty years later", "0014")),
    ("In 44 BC Caesar died. In March the army marched.", ("March", "BC0044-03")),
    # years before 1000 without an era, after in/by/since/until
    ("In 732 the Franks stopped the Umayyad advance.", ("732", "0732")),
    ("By 878, Alfred had won back Wessex.", ("878", "0878")),
    # "today" in a history is the writer's present; centuries with a position
    ("In 1919 the treaty was signed. Today the site is a park.", ("Today", "PRESENT_REF")),
    ("In the first half of the 20th century, Europe fought twice.",
     ("the first half of the 20th century", "19")),
    ("The 19th-century empire fell.", ("19th-century", "18")),
    # date ranges that open history articles: the first day takes the second's year
    ("The Battle of Britain (10 July – 31 October 1940) was fought in the air.",
     ("10 July", "1940-07-10")),
    ("Operation Overlord (June 6 – August 30, 1944) opened the western front.",
     ("June 6", "1944-06-06")),
    ("The offensive (21 December – 3 January 1942) failed.", ("21 December", "1941-12-21")),
    # seasons against a year told
    ("The war ended in 1945. The following spring trials opened.",
     ("The following spring", "1946-SP")),
    ("Elizabeth reigned until 1603. In the autumn the plague returned.",
     ("the autumn", "1603-FA")),
])
def test_narrative_rules(text, expected):
    got = [(t.text, t.value) for t in timeline.tag(text, None, mode="narrative")]
    assert expected in got


@pytest.mark.parametrize("text", [
    "the Seven Years' War", "the Six-Day War", "the Hundred Years War",
    "He arrived 2012-12.",  # a year and month, no range of years
    "ad 9 and bc 44 in lower case",
    "Unrest continued in the period that followed.",  # no quarter in a story
    "Units of the 3rd and 4th Panzer Armies attacked.", "He led the 7th, 8th and 9th divisions.",
    "Bloody Sunday shocked Russia.", "Black Tuesday ruined them.",
    "Napoleon's Hundred Days ended at Waterloo.", "The Winter War was short.",
    "The count rose from 200 to 300.", "He led an army of 500 men.", "They sent in 300 ships.",
])
def test_names_and_non_ranges_are_not_dates(text):
    assert timeline.tag(text, None, mode="narrative") == []
