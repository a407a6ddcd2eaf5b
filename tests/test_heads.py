"""heads.py: the words a detection rule can start with, read from its parsed pattern."""

import re

import pytest

from timeline.timex.heads import heads, may_start
from timeline.timex.lexicon import load


@pytest.mark.parametrize("pattern, starts, never", [
    (r"(?:last|next) (?:week|month)", ["last", "next"], ["week", "the", "lastly"]),
    (r"(?:the (?:end|start) of )?(?:\d{4})", ["the"], ["end", "of"]),
    (r"(?P<w>monday|tuesday)s?", ["monday", "mondays", "tuesdays"], ["sunday"]),
    (r"mid-\d{4}", ["mid"], ["midnight"]),
    (r"(?<![\w$])(?-i:Now)(?=,)", ["now"], ["no"]),
    (r"[a-z]+ ago", ["anything"], []),  # a letter class: no precision, always tried
    (r"(?:early|late)? ?(?:spring|fall)", ["early", "spring", "fall"], ["summer"]),
])
def test_heads_admit_exactly_the_possible_first_words(pattern, starts, never):
    h = heads(re.compile(pattern, re.IGNORECASE))
    for word in starts:
        assert may_start(word, h), word
    for word in never:
        assert not may_start(word, h), word


def test_the_index_never_drops_a_word_a_rule_matches_at():
    # Every rule, at a sample of phrases it matches, is indexed under its first word.
    lang = load("en")
    starts, _ = lang.index["news"]
    phrases = ["the end of the year", "last week", "three days later", "the 1990s",
               "early next month", "the following day", "mid-1943", "the spring of 1940",
               "every Monday", "this morning", "a decade ago", "the past decade", "Christmas"]
    for phrase in phrases:
        first = re.match(r"[^\W\d_]+", phrase)[0].lower()
        matching = [r for r in lang.rules if "news" in r.modes and r.regex.match(phrase)]
        assert matching, phrase
        for rule in matching:
            assert rule in starts.get(first, ()), (phrase, rule.name)
