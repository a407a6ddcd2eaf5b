"""Pass 1: find candidate time expressions with the language's rules in one scan.

One pass over the words of the text: at a word that can start some rule (an index built from
the patterns, narrowed by the word that follows: lexicon.RuleSet, heads.py), those rules are
tried and the longest match wins (earlier rules win ties); the scan resumes after it. Trying
only the few rules a word can start is far faster than one big alternation tried at every
position (Python's regex engine does not index alternatives) or every rule at every word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from timeline.timex.lexicon import Language, Rule

@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    rule: Rule
    match: re.Match


_PARAGRAPH = re.compile(r"\n[^\S\n]*\n")


def _longest(text: str, pos: int, rules, end: int) -> Candidate | None:
    best = None
    for rule in rules:
        m = rule.regex.match(text, pos, end)
        if m and m.end() > m.start() and (best is None or m.end() > best.end):
            best = Candidate(m.start(), m.end(), rule, m)
    return best


def _acceptable(text: str, cand: Candidate, lang: Language, mode: str = "news") -> bool:
    """Filters whose words live in the language's context.toml [filters]."""
    span = text[cand.start:cand.end]
    word = span.strip().rstrip(".")
    lower = word.lower()
    f = lang.markers
    role = lang.tables.get("ambiguous", {}).get(lower)
    first = span.split(None, 1)[0].rstrip(".,").lower()
    if first != lower and first in lang.tables.get("abbreviation", {}) and \
            lang.tables.get("ambiguous", {}).get(first) == "weekday" and \
            _name_before(text, cand.start, lang):
        return False  # "New York Sun, Feb. 3": the date is read from the next word on
    last = span.split()[-1].rstrip(".") if span.split() else ""
    last_role = lang.tables.get("ambiguous", {}).get(last) if last != word and last.islower() else None
    if last_role == "modal" and f["modal_after"].match(text, cand.end):
        return False  # "this may have a large impact": the modal verb after a pronoun
    if last_role in ("month", "modal") and not any(c.isdigit() for c in span):
        return False  # "arrested at this march": a month is written with a capital
    if role:
        # "may", "march", "sun" alone: the capitalised month, not the verb, noun or name
        if not word[0].isupper() or lower in lang.tables.get("abbreviation", {}):
            return False
        if role == "modal" and f["modal_after"].match(text, cand.end) and not \
                f["date_preposition_before"].search(text, max(0, cand.start - 12), cand.start):
            return False  # "May the force be with you"; "In May the army attacked" is a month
        if cand.start > 0 and text[cand.start - 1] == "-":
            return False
        if role in ("month", "modal") and not f["month_word_before"].search(
                text, max(0, cand.start - 30), cand.start):
            return False
    if f["title_span"].match(span) and f["title_before"].search(text, max(0, cand.start - 12), cand.start):
        return False  # the name of a programme or a paper
    if cand.rule.kind == "duration":
        if f["duration_name_after"].match(text, cand.end):
            return False
        if f["title_case_span"].match(span) and not _sentence_start(text, cand.start):
            return False  # "the Hundred Days"
        if f["rate_span"].match(span) and f["rate_before"].search(text, max(0, cand.start - 40), cand.start):
            return False  # a rate, not a length of time
        if f["age_after"].match(text, cand.end) and \
                f["apposition_before"].search(text, max(0, cand.start - 12), cand.start):
            return False  # an age
    if cand.rule.name in ("bare_month", "holiday") and f["name_after"].match(text, cand.end) \
            and not _date_word_after(text, cand.end, lang) \
            and not f["date_preposition_before"].search(text, max(0, cand.start - 12), cand.start):
        return False  # a name, not a date
    if mode == "narrative" and cand.rule.name == "weekday" and f["weekday_name_before"].search(
            text, max(0, cand.start - 20), cand.start):
        return False  # "Bloody Sunday" (news writes "Clinton Friday ordered")
    if cand.rule.name in ("weekday", "weekday_daypart") and _named_weekday(text, cand, lang):
        return False  # "The Sunday Times", "Mr. Friday"
    if cand.rule.name == "the_season" and f["name_after"].match(text, cand.end):
        return False  # "the Winter War"
    if cand.rule.name in ("year", "year_range", "early_year") and \
            not _plausible_year(text, cand, lang):
        return False
    return True


def _sentence_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 4):pos].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?\n:;"


def _name_before(text: str, pos: int, lang: Language) -> bool:
    # Only the words of the same sentence count: "... said. Sun, Feb. 2" is a dateline.
    before = text[max(0, pos - 40):pos]
    cut = max(before.rfind(". "), before.rfind("\n"))
    if cut >= 0:
        before = before[cut + 1:]
    return bool(before.strip()) and bool(lang.markers["name_before"].search(before))


def _named_weekday(text: str, cand: Candidate, lang: Language) -> bool:
    m = lang.markers["weekday_title_before"].search(text, max(0, cand.start - 6), cand.start)
    if m is None:
        return False
    if not m.group().lower().startswith("the"):
        return True  # after a title: a surname
    return bool(lang.markers["name_after"].match(text, cand.end)) and \
        not _date_word_after(text, cand.end, lang)


def _date_word_after(text: str, pos: int, lang: Language) -> bool:
    word = text[pos:pos + 20].split()[0].rstrip(".,;:") if text[pos:pos + 20].split() else ""
    return any(lang.lookup(table, word) is not None for table in ("month", "weekday", "holiday"))


def _plausible_year(text: str, cand: Candidate, lang: Language) -> bool:
    after = text[cand.end:cand.end + 40]
    before = text[max(0, cand.start - 30):cand.start]
    if lang.markers["not_after_year"].match(after):
        return False
    if lang.markers["not_before_year"].search(before):
        return False
    return True


_LAST_TOKEN = re.compile(r"([\w.]+)\.$")


def _trim_period(text: str, cand: Candidate, lang: Language) -> Candidate:
    # A final period belongs to the sentence unless it ends an abbreviation (Jan., p.m.).
    span = text[cand.start:cand.end]
    if not span.endswith("."):
        return cand
    m = _LAST_TOKEN.search(span)
    if m and m[1].lower() in lang.tables.get("abbreviation", {}):
        return cand
    return Candidate(cand.start, cand.end - 1, cand.rule, cand.match)


_TOKEN = re.compile(r"[^\W\d_]+|\d+")
_APOSTROPHES = "'’"


def detect(text: str, lang: Language, mode: str = "news") -> list[Candidate]:
    """Non-overlapping candidates in text order."""
    out = []
    covered = 0
    starts, digit_rules = lang.index[mode]
    brk_start = brk_end = -1
    for tok in _TOKEN.finditer(text):
        pos = tok.start()
        if pos < covered:
            continue
        word = tok.group()
        if word[0].isdigit():
            rules = digit_rules
            if pos and text[pos - 1] in _APOSTROPHES:  # "the '90s"
                pos -= 1
        else:
            rules = starts.get(word.lower())
            if rules is None:
                continue
            rules = rules.at(text, tok.end())
            if not rules:
                continue
        if pos >= brk_end:  # no expression runs over a paragraph break ("Friday.\n\nThe first")
            brk = _PARAGRAPH.search(text, pos)
            brk_start, brk_end = (brk.start(), brk.end()) if brk else (len(text), len(text) + 1)
        cand = _longest(text, pos, rules, brk_start)
        if cand is None and pos != tok.start():
            cand = _longest(text, tok.start(), rules, brk_start)
        if cand is None:
            continue
        cand = _trim_period(text, cand, lang)
        if _acceptable(text, cand, lang, mode):
            out.append(cand)
            covered = cand.end
    return out
