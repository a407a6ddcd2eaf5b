"""timeline.tag: the spec table (tests/data/timex_cases.tsv) and property tests.

Each table row names one expression the tagger must return with exactly that span, type and
value (or, with type "-", a phrase no time expression may touch). Rows are independent: other
expressions in the same sentence are neither required nor forbidden here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.timex.model import GRANULARITIES, TIMEX_TYPES
from timeline.timex.values import is_valid_value

CASES = Path(__file__).resolve().parent / "data" / "timex_cases.tsv"
COLUMNS = ["text", "ref_date", "mode", "expected_text", "type", "value"]


@dataclass(frozen=True)
class Case:
    line: int
    text: str
    ref_date: dt.date | None
    mode: str
    expected_text: str
    type: str
    value: str

    @property
    def start(self) -> int:
        m = re.search(rf"(?<!\w){re.escape(self.expected_text)}(?!\w)", self.text)
        return m.start() if m else -1

    @property
    def is_trap(self) -> bool:
        return self.type == "-"


@lru_cache(maxsize=1)
def load_cases() -> tuple[Case, ...]:
    cases = []
    header_seen = False
    for n, raw in enumerate(CASES.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cells = raw.split("\t")
        if not header_seen:
            assert cells == COLUMNS, f"{CASES.name}:{n}: header must be {COLUMNS}"
            header_seen = True
            continue
        assert len(cells) == len(COLUMNS), f"{CASES.name}:{n}: {len(cells)} cells"
        text, ref, mode, expected, typ, value = cells
        ref_date = dt.date.fromisoformat(ref) if ref else None
        cases.append(Case(n, text, ref_date, mode, expected, typ, value))
    return tuple(cases)


def _tag(text, ref_date=None, mode="news"):
    from timeline import tag

    return tag(text, ref_date=ref_date, mode=mode)


# -- the table itself ---------------------------------------------------------------------------

def test_spec_table_is_well_formed():
    cases = load_cases()
    assert len(cases) >= 300
    assert sum(c.is_trap for c in cases) >= 30
    for c in cases:
        where = f"{CASES.name}:{c.line}"
        assert c.mode in ("news", "narrative"), where
        assert c.ref_date is not None or c.mode == "narrative", where
        # one whole-word occurrence, so the expected offsets are unambiguous
        hits = re.findall(rf"(?<!\w){re.escape(c.expected_text)}(?!\w)", c.text)
        assert len(hits) == 1, f"{where}: {c.expected_text!r} occurs {len(hits)} times"
        if not c.is_trap:
            assert c.type in TIMEX_TYPES, where
            assert is_valid_value(c.value), f"{where}: {c.value!r}"
        else:
            assert c.value == "-", where


def test_spec_table_covers_every_category():
    values = {c.value for c in load_cases()}
    types = {c.type for c in load_cases()}
    assert {"DATE", "TIME", "DURATION", "SET", "-"} <= types
    patterns = {
        "ISO week": r"^\d{4}-W\d{2}$", "weekend": r"-WE$", "quarter": r"-Q[1-4]$",
        "season": r"-(SP|SU|FA|WI)$", "decade": r"^\d{3}$", "century": r"^\d{2}$",
        "half": r"-H[12]$", "time of day": r"T\d{2}:\d{2}$", "part of day": r"T(MO|AF|EV|NI)$",
        "vague": r"_REF$", "duration": r"^P", "weekday set": r"^XXXX-WXX-\d",
    }
    for name, pattern in patterns.items():
        assert any(re.search(pattern, v) for v in values), f"no {name} row"
    assert any(c.mode == "narrative" for c in load_cases())


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAY_WORDS = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0, "last night": -1,
              "this morning": 0, "this afternoon": 0, "this evening": 0}
_WEEK_WORDS = {"last week": -1, "this week": 0, "next week": 1, "last weekend": -1,
               "this weekend": 0}
_NUMBERS = {"two": 2, "three": 3, "four": 4, "ten": 10}


def _iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _holiday(phrase: str, year: int) -> dt.date | None:
    """The movable feasts the table uses, computed independently of the tagger's tables."""
    from dateutil.easter import easter

    november = dt.date(year, 11, 1)
    if "good friday" in phrase:
        return easter(year) - dt.timedelta(2)
    if "easter" in phrase:
        return easter(year)
    if "thanksgiving" in phrase:  # fourth Thursday of November
        return november + dt.timedelta((3 - november.weekday()) % 7 + 21)
    if "election day" in phrase:  # the Tuesday after the first Monday of November
        return november + dt.timedelta((0 - november.weekday()) % 7 + 1)
    return None


def test_spec_table_calendar_is_consistent():
    """Recompute what can be recomputed from the reference date, so a hand edit that gets the
    calendar wrong fails here and not in the tagger."""
    checked = 0
    for c in load_cases():
        if c.is_trap or c.ref_date is None or c.mode != "news":
            continue
        phrase = c.expected_text.lower()
        if phrase.startswith(("the day before ", "the day after ")):
            continue  # the day named is moved: "the day before last Tuesday" is a Monday
        where = f"{CASES.name}:{c.line} {c.expected_text!r}"
        day = re.match(r"^(\d{4}-\d{2}-\d{2})", c.value)
        named = [i for i, name in enumerate(_WEEKDAYS) if re.search(rf"\b{name}\b", phrase)]
        if day and named:
            assert dt.date.fromisoformat(day[1]).weekday() == named[0], where
            checked += 1
        if phrase in _DAY_WORDS:
            assert day and dt.date.fromisoformat(day[1]) == c.ref_date + dt.timedelta(_DAY_WORDS[phrase]), where
            checked += 1
        if phrase in _WEEK_WORDS:
            assert c.value.removesuffix("-WE") == _iso_week(c.ref_date + dt.timedelta(7 * _WEEK_WORDS[phrase])), where
            checked += 1
        if day and (holiday := _holiday(phrase, int(day[1][:4]))):
            assert dt.date.fromisoformat(day[1]) == holiday, where
            checked += 1
        if m := re.fullmatch(r"(\d+|two|three|four|ten) days ago", phrase):
            n = int(m[1]) if m[1].isdigit() else _NUMBERS[m[1]]
            assert c.value == (c.ref_date - dt.timedelta(n)).isoformat(), where
            checked += 1
    assert checked >= 60


# -- the tagger against the table ---------------------------------------------------------------

@pytest.mark.parametrize("case", load_cases(), ids=lambda c: f"L{c.line}-{c.expected_text[:30]}")
def test_case(case: Case):
    timexes = _tag(case.text, case.ref_date, case.mode)
    for t in timexes:
        assert case.text[t.start:t.end] == t.text
    start = case.start
    end = start + len(case.expected_text)
    found = [(t.text, t.type, t.value) for t in timexes]
    if case.is_trap:
        touching = [t for t in timexes if t.start < end and start < t.end]
        assert not touching, f"{case.expected_text!r} must not be tagged; got {found}"
        return
    same_span = [t for t in timexes if (t.start, t.end) == (start, end)]
    assert same_span, f"expected span {case.expected_text!r} at {start}; got {found}"
    t = same_span[0]
    assert (t.type, t.value) == (case.type, case.value), f"{case.expected_text!r}: got {t.type} {t.value}"


# -- the seed articles (examples/seeds/gold.csv) ------------------------------------------------

SEED_REF = dt.date(2025, 2, 4)
# The seeds README's non-dates; "almost three hours" may be a DURATION, never a date.
SEED_NON_DATES = ("43 migrants", "40,000 inmates", "80,000 people", "30,000 people", "MS-13",
                  "$2.7 million", "32 men and 11 women", "almost three hours")


def _seed_gold_dates(seeds_dir: Path) -> list[tuple[str, str, str, str]]:
    """(event id, seed file, value, granularity) for every required event whose date is
    written in the article (not inferred from the story)."""
    import csv

    out = []
    with (seeds_dir / "gold.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["required"] != "yes" or "inference" in row["note"]:
                continue
            for prefix in row["sources"].split(";"):
                (path,) = seeds_dir.glob(f"{prefix}_*.txt")
                out.append((row["id"], path.name, row["date"], row["granularity"]))
    return out


def test_every_written_seed_date_is_found(seeds_dir):
    expected = _seed_gold_dates(seeds_dir)
    assert len(expected) >= 10
    missing = []
    for event, name, value, granularity in expected:
        found = _tag((seeds_dir / name).read_text(encoding="utf-8"), SEED_REF)
        if not any((t.value, t.granularity) == (value, granularity) for t in found):
            missing.append(f"{event} in {name}: {value} ({granularity})")
    assert not missing, missing


def test_no_seed_non_date_is_tagged_as_a_date(seeds_dir):
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        timexes = _tag(text, SEED_REF)
        _check_output(text, timexes)
        for phrase in SEED_NON_DATES:
            for m in re.finditer(re.escape(phrase), text):
                hits = [t for t in timexes if t.start < m.end() and m.start() < t.end]
                dates = [t for t in hits if t.type in ("DATE", "TIME")]
                assert not dates, f"{path.name}: {phrase!r} tagged as {dates}"
                if phrase != "almost three hours":
                    assert not hits, f"{path.name}: {phrase!r} tagged as {hits}"


# -- properties ---------------------------------------------------------------------------------

_DATEISH = [
    "Monday", "last week", "Jan. 20", "2025", "2,023", "$2.7 million", "MS-13", "the 1990s",
    "3 p.m.", "every Monday", "almost three hours", "now", "yesterday", "from 2019 to 2021",
    "Jan. 20-24", "the 20th", "Q3", "fiscal 2024", "Easter", "12/31/2024", "2025-01-20",
    "99999999999999999999", "-1", "0/0/0", "31/31/31", "2025-13-45", "Feb. 30", "9999",
    "the 0th", "10000 BC", "week 53", "1e309", "\u0661\u0662", "Ⅻ", "\x00", "\r\n", "\u200b",
    "mid-", "late", "the", ".", ",", "-", "'", "\u2019s",
]
_texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(st.sampled_from(_DATEISH), st.text(max_size=8),
                       st.integers(-10**40, 10**40).map(str)),
             max_size=40).map(" ".join),
)
_refs = st.one_of(st.none(), st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2200, 12, 31)))
_SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check_output(text: str, timexes) -> None:
    assert isinstance(timexes, list)
    last_end = 0
    for t in timexes:
        assert 0 <= t.start < t.end <= len(text), t
        assert text[t.start:t.end] == t.text, t
        assert t.start >= last_end, f"overlapping or unsorted: {timexes}"
        last_end = t.end
        assert t.type in TIMEX_TYPES, t
        assert is_valid_value(t.value), t
        assert t.granularity in GRANULARITIES, t


@_SETTINGS
@given(text=_texts, ref=_refs, mode=st.sampled_from(["news", "narrative"]))
def test_never_raises_and_output_is_well_formed(text, ref, mode):
    _check_output(text, _tag(text, ref, mode))


@pytest.mark.parametrize("ref", [dt.date(1, 1, 1), dt.date(9999, 12, 31), "2025-02-04",
                                 dt.datetime(2025, 2, 4, 23, 59)])
def test_extreme_and_string_reference_dates(ref):
    text = ("Yesterday, last week and next year; on Monday, in the 1990s, the 20th, "
            "three days ago, in 9999 and 10000 years, this winter, next quarter, tomorrow.")
    _check_output(text, _tag(text, ref))


def test_every_table_sentence_gives_well_formed_output():
    for c in load_cases():
        _check_output(c.text, _tag(c.text, c.ref_date, c.mode))
