"""Dates that are reference points, not the date of anything the sentence tells.

"its worst fall since 1987", "the lowest level since October 1982": a comparison's yardstick;
"the Gold Reserve Act of 1934", "the Class of 2010": part of a name; "at this year's
conference", "last week's figures": a date describing a thing. A happening dated by one of
these would be put in 1987 or 1934; the sentence's happening keeps its own date, or the story's.
The words are data: [reference] in data/en/sentences.toml.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources

from timeline.events.triggers import happening_noun


@lru_cache(maxsize=1)
def _words() -> dict:
    raw = tomllib.loads(resources.files("timeline.events").joinpath("data/en/sentences.toml").read_text("utf-8"))
    return {key: frozenset(value) for key, value in raw["reference"].items()}


# "has been fighting cancer since 2004": a happening going on since then, which began then
_ONGOING = re.compile(r"\b(?:has|have|had)\s+(?:\w+ly\s+)?been\s+\w+ing\b[^,;:]*$", re.I)


# "from $5.8 billion in 2005", "from 81 cents a share a year earlier", "compared with 4.1% in December"
_FROM_FIGURE = re.compile(r"\b(?:from|versus|compared\s+with|against)\s+(?:about\s+|nearly\s+|a\s+)?"
                          r"(?:C?\$|US\s*\$)?\d[\d.,]*\s*(?:%|percent|million|billion|cents?)?"
                          r"(?:\s+(?:a|per)\s+share)?(?:,?\s+or\s+[^,;]{1,25})?\s*,?\s*(?:in\s+|on\s+|at\s+)?$",
                          re.IGNORECASE)


def reference_point(sent, timex) -> bool:
    """True when `timex` (in sentence `sent`) only measures or names something."""
    words = _words()
    before = sent.text[:timex.start - sent.start]
    after = sent.text[timex.end - sent.start:]
    prev = re.findall(r"[\w'’-]+", before)[-3:]
    if prev and prev[-1].lower() == "since" and re.fullmatch(r"\d{4}", timex.text) and not _ONGOING.search(before):
        return True  # "its steepest fall since 2008", "has run the company since 2009": a yardstick or a state's start
    if prev and prev[-1].lower() in words["yardstick_prepositions"] and any(
            w[:1].islower() and (w in words["comparison_words"] or w.endswith("est")) for w in prev[-3:-1]):
        # (lower-case: "passed Best Buy in 2007" names a shop, not a superlative)
        return True  # "since 1987" one or two words after a superlative or a level ("the worst fall since")
    if prev and prev[-1].lower() == "by" and not re.search(r"\b(?:will|would|must|should|plans?|expects?|"
                                                          r"scheduled|due|aims?|promised|pledged)\b", before):
        return bool(re.search(r"\b(?:promise|pledge|target|goal|deadline|plan|aim)\w*\b", before))
    if len(prev) >= 2 and prev[-1] == "of" and prev[-2][:1].isupper() and re.fullmatch(r"\d{4}", timex.text):
        return True  # "the Gold Reserve Act of 1934"
    if _FROM_FIGURE.search(before):
        return True  # "rose to $7.1 billion from $5.8 billion in 2005": the figure compared with, not the rise
    owner = re.match(r"['’]s?\s+([A-Za-z][\w-]+)", after)
    if owner and owner.group(1).lower() not in words["possessed_happenings"] and not happening_noun(owner.group(1)):
        return True  # "at this year's conference": the conference's year, not a happening's
    edition = re.match(r"\s+([A-Z][a-z]+)", after)
    if re.fullmatch(r"\d{4}", timex.text) and edition and edition.group(1) not in words["not_names"] and \
            prev and (prev[-1].lower() in ("the", "a", "its", "their", "his", "her") or prev[-1].endswith(("'s", "’s"))):
        return True  # "at the company's 2010 Worldwide Developers Conference": a name's edition
    return False
