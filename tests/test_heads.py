"""heads.py: the words a detection rule can start with, read from its parsed pattern."""

import re

import pytest

from timeline.timex.heads import NON_LETTER, heads, may_follow, may_start
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


def test_the_narrowed_index_keeps_every_rule_that_matches():
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
        rest = phrase[len(first):]
        for rule in matching:
            assert rule in starts[first].at(phrase, len(first)), (phrase, rule.name, rest)


@pytest.mark.parametrize("pattern, word, follows, admitted", [
    (r"the (?:following|next) (?:day|week)", "the", "following", True),
    (r"the (?:following|next) (?:day|week)", "the", "nextday", False),
    (r"the (?:following|next) (?:day|week)", "the", "house", False),
    (r"the (?:following|next) (?:day|week)", "the", None, False),
    (r"the (?:\d{4})s", "the", NON_LETTER, True),
    (r"the (?:\d{4})s", "the", "year", False),
    (r"(?:the )?(?:end|start)", "the", "end", True),
    (r"(?:the )?(?:end|start)", "the", "ending", True),  # an open prefix: "end" then anything
    (r"the\w+ day", "the", "day", True),  # \w: no precision, always tried
    (r"jan\. \d+", "jan", None, True),  # "Jan." : the dot follows the word
])
def test_second_word_narrows_the_rules(pattern, word, follows, admitted):
    h = heads(re.compile(pattern, re.IGNORECASE))
    assert may_follow(word, follows, h) is admitted


class _Every(tuple):
    def at(self, text, end):
        return self


class _EveryRule(dict):
    """An index that tries every rule at every word: what the narrowed index must equal."""

    def __init__(self, rules):
        super().__init__()
        self.rules = _Every(rules)

    def get(self, word, default=None):
        return self.rules


def test_narrowed_index_finds_what_trying_every_rule_finds(timeml_dir):
    import dataclasses
    from pathlib import Path

    from timeline.timeml import read_timeml
    from timeline.timex.detect import detect

    lang = load("en")
    paths = sorted(Path(timeml_dir).glob("*/*.tml"))[::6]
    narrative = Path(__file__).parent / "data" / "narrative"
    texts = [read_timeml(p).text for p in paths] + [p.read_text() for p in narrative.glob("*.txt")]
    assert len(texts) > 40
    for mode in ("news", "narrative"):
        every = [r for r in lang.rules if mode in r.modes]
        brute = dataclasses.replace(lang, index={mode: (_EveryRule(every), lang.index[mode][1])})
        for text in texts:
            fast = [(c.start, c.end, c.rule.name) for c in detect(text, lang, mode)]
            slow = [(c.start, c.end, c.rule.name) for c in detect(text, brute, mode)]
            assert fast == slow
