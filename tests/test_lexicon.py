"""Language data loading (timeline.timex.lexicon): every data file parses, every rule compiles,
lookups are tolerant, and the first-word index reaches every rule."""

import re

import pytest

from timeline.timex import lexicon
from timeline.timex.lexicon import load


def test_english_loads_and_is_cached():
    first = load("en")
    assert load("en") is first
    assert len(first.rules) >= 40
    assert {"month", "weekday", "unit", "vague", "holiday", "number"} <= set(first.tables)


def test_unknown_language_is_a_clear_error():
    with pytest.raises(ValueError, match="no temporal tagger data for language 'xx'"):
        load("xx")


def test_table_keys_are_lower_case_and_single_spaced():
    for name, table in load("en").tables.items():
        for key in table:
            assert key == " ".join(key.lower().split()), (name, key)


@pytest.mark.parametrize("table, word, meaning", [
    ("month", "Sept.", 9), ("month", "JANUARY", 1), ("weekday", "Thurs", 4),
    ("unit", "years", "Y"), ("holiday", "Christmas  Eve", "12-24"), ("vague", "Now", "PRESENT_REF"),
    ("month", "Smarch", None),
])
def test_lookup_ignores_case_dots_and_blank_runs(table, word, meaning):
    assert load("en").lookup(table, word) == meaning


def test_every_rule_has_a_known_kind_and_type():
    from timeline.timex.normalize import NORMALIZERS

    for rule in load("en").rules:
        assert rule.kind in NORMALIZERS or rule.kind in ("fixed", "ignore"), rule.name
        assert rule.type in ("DATE", "TIME", "DURATION", "SET"), rule.name
        assert rule.kind != "fixed" or rule.value, rule.name


def test_no_macro_is_left_unexpanded():
    for rule in load("en").rules:
        for name in re.findall(r"\{([a-z_]+)\}", rule.pattern):
            pytest.fail(f"{rule.name}: unexpanded {{{name}}}")


def test_every_rule_can_be_reached_from_the_word_index():
    lang = load("en")
    for mode in ("news", "narrative"):
        starts, digit_rules = lang.index[mode]
        reachable = {id(r) for rules in starts.values() for r in rules} | {id(r) for r in digit_rules}
        for rule in lang.rules:
            if mode in rule.modes:
                assert id(rule) in reachable, (mode, rule.name)


@pytest.mark.parametrize("phrase", [
    "a week from Thursday", "A week from Thursday", "two weeks from Monday", "a year ago",
    "an hour later", "the day before last Tuesday", "the week of March 6", "Easter week",
])
def test_a_rule_that_matches_is_tried_at_its_first_word(phrase):
    # The word index is read off the patterns' text: "an?" must list the rule under "a" too,
    # or "a week from Thursday" is never tried though its pattern matches.
    lang = load("en")
    starts, _ = lang.index["news"]
    first = re.match(r"[a-z]+", phrase.lower())[0]
    matching = [r.name for r in lang.rules if r.regex.fullmatch(phrase)]
    assert matching, phrase
    tried = {r.name for r in starts.get(first, ())}
    assert set(matching) <= tried, (phrase, set(matching) - tried)


def test_mode_limited_rules_stay_out_of_the_other_mode(tmp_path, monkeypatch):
    """A rule with `modes = ["narrative"]` is not tried on news text (checked on a copy of the
    English data with one rule limited)."""
    import shutil

    shutil.copytree(lexicon.DATA_DIR / "en", tmp_path / "en")
    patterns = tmp_path / "en" / "patterns.toml"
    text = patterns.read_text(encoding="utf-8")
    text = text.replace('name = "later"\n', 'name = "later"\nmodes = ["narrative"]\n', 1)
    patterns.write_text(text, encoding="utf-8")
    monkeypatch.setattr(lexicon, "DATA_DIR", tmp_path)
    lexicon.load.cache_clear()
    try:
        lang = load("en")
        later = [r for r in lang.rules if r.name == "later"][0]
        assert later.modes == ("narrative",)
        news = {id(r) for rules in lang.index["news"][0].values() for r in rules}
        narrative = {id(r) for rules in lang.index["narrative"][0].values() for r in rules}
        assert id(later) not in news and id(later) in narrative
    finally:
        lexicon.load.cache_clear()


def test_a_space_in_a_pattern_matches_a_line_break():
    assert lexicon._spaces("last week") == r"last\s+week"
    assert lexicon._spaces("Feb ?3") == r"Feb\s*3"
