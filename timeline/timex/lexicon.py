"""Language data for the temporal tagger: word tables and detection rules, read from
`data/<lang>/*.toml` on first use and cached (nothing is read at import time)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from timeline.errors import UsageError
from timeline.timex.heads import NON_LETTER, NextWords, heads

DATA_DIR = Path(__file__).resolve().parent / "data"
_MACRO = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Rule:
    name: str
    kind: str
    type: str
    pattern: str  # fully expanded, with named groups
    regex: re.Pattern
    value: str = ""  # a fixed TIMEX3 value, for rules that need no normalizer
    modes: tuple = ("news", "narrative")
    fallback: str = ""  # kind to re-read the span with (cut after `unit`) when `kind` fails


@dataclass(frozen=True)
class Language:
    code: str
    tables: dict  # table name -> {lower-cased word (dots kept) -> meaning}
    rules: tuple
    # mode -> (lower-cased word -> the rules that may start with it, in rule order;
    #          the rules that may start with a digit)
    index: dict
    markers: dict  # tense marker regexes and negative-context words
    settings: dict  # e.g. {"date_order": "MDY"} for dateparser

    def lookup(self, table: str, word: str):
        """Meaning of `word` in `table`, tolerant of case, dots, curly apostrophes and blank
        runs; None when absent."""
        key = _key(word).replace("\u2019", "'")
        entries = self.tables[table]
        found = entries.get(key)
        if found is None:
            found = entries.get(key.replace(".", ""))
        return found


def _key(word: str) -> str:
    return " ".join(word.lower().split())


def _alternation(words) -> str:
    # Longest first so that "sept" wins over "sep" and "the day after tomorrow" over "tomorrow".
    escaped = []
    for word in sorted(words, key=len, reverse=True):
        escaped.append(r"\s+".join(re.escape(part) for part in word.split(" ")))
    return "(?:" + "|".join(escaped) + ")"


def _expand(text: str, macros: dict, tables: dict, depth: int = 0) -> str:
    if depth > 10:
        raise ValueError(f"macro recursion too deep in {text[:60]!r}")

    def replace(m: re.Match) -> str:
        name = m[1]
        if name in macros:
            return _expand(macros[name], macros, tables, depth + 1)
        if name in tables:
            return _alternation(tables[name])
        return m[0]  # a regex quantifier such as {2}

    return _MACRO.sub(replace, text)


def _spaces(pattern: str) -> str:
    # A literal space in a rule means "a run of blanks" (text may wrap lines mid-expression).
    return pattern.replace(" ?", r"\s*").replace(" ", r"\s+")


def available_languages() -> list[str]:
    return sorted(p.name for p in DATA_DIR.iterdir() if (p / "patterns.toml").exists())


@lru_cache(maxsize=8)
def load(lang: str = "en") -> Language:
    folder = DATA_DIR / lang
    if not folder.is_dir():
        raise UsageError(f"no temporal tagger data for language {lang!r} (expected the folder "
                         f"{folder}); available: {', '.join(available_languages()) or 'none'}")
    tables: dict = {}
    for name in ("lexicon.toml", "holidays.toml"):
        path = folder / name
        if path.exists():
            with path.open("rb") as fh:
                for table, entries in tomllib.load(fh).items():
                    tables.setdefault(table, {}).update({_key(k): v for k, v in entries.items()})
    with (folder / "patterns.toml").open("rb") as fh:
        spec = tomllib.load(fh)
    with (folder / "context.toml").open("rb") as fh:
        context = tomllib.load(fh)
    macros = spec.get("macros", {})
    rules = []
    for r in spec["rule"]:
        body = _spaces(_expand(r["pattern"], macros, tables))
        full = _expand("{b}", macros, tables) + "(?:" + body + ")" + _expand("{e}", macros, tables)
        regex = re.compile(full, re.IGNORECASE)
        modes = tuple(r.get("modes", ("news", "narrative")))
        rules.append(Rule(r["name"], r["kind"], r["type"], full, regex, r.get("value", ""), modes,
                          r.get("fallback", "")))
    index = {mode: _start_index([r for r in rules if mode in r.modes])
             for mode in ("news", "narrative")}
    markers = {
        "future": re.compile(context["tense"]["future"], re.IGNORECASE),
        "past": re.compile(context["tense"]["past"], re.IGNORECASE),
        "present": re.compile(context["tense"]["present"], re.IGNORECASE),
        "before_past": re.compile(context["tense"]["before_past"], re.IGNORECASE),
        "before_future": re.compile(context["tense"]["before_future"], re.IGNORECASE),
        "weak_future": re.compile(context["tense"]["weak_future"], re.IGNORECASE),
        "past_perfect": re.compile(context["tense"]["past_perfect"], re.IGNORECASE),
        "reporting": re.compile(context["tense"]["reporting"], re.IGNORECASE),
        "abbreviation_end": re.compile(context["tense"]["abbreviation_end"], re.IGNORECASE),
        "not_after_year": re.compile(_spaces(context["negative"]["after_year"]), re.IGNORECASE),
        "not_before_year": re.compile(_spaces(context["negative"]["before_year"]), re.IGNORECASE),
        "month_word_before": re.compile(context["ambiguous_month"]["before"], re.IGNORECASE),
        **{name: re.compile(pattern, re.IGNORECASE) for name, pattern in context["filters"].items()},
        **{name: re.compile(pattern, re.IGNORECASE) for name, pattern in context["story"].items()},
    }
    return Language(lang, tables, tuple(rules), index, markers, context.get("dateparser", {}))


_WORD = re.compile(r"[a-z]+")
# "an?", "days?": the word without its optional last letter can start a match too ("a week")
_OPTIONAL_LAST = re.compile(r"([a-z]+)[a-z]\?")
_DIGIT_CONSTRUCT = re.compile(r"\\d|\[[0-9]")


def _start_index(rules: list) -> tuple[dict, tuple]:
    """Which rules to try at a word: a rule can only start with a word written somewhere in its
    expanded pattern (or with a digit, if its pattern has digit classes); each word's set is
    narrowed further on first use (RuleSet). The index is computed from the data, so a new
    language needs no code for it."""
    starts: dict = {}
    digit_rules = []
    rule_heads: dict = {}  # rule id -> heads, parsed on first need and shared by the sets
    for rule in rules:
        lower = rule.pattern.lower()
        for word in set(_WORD.findall(lower)) | set(_OPTIONAL_LAST.findall(lower)):
            starts.setdefault(word, []).append(rule)
        if _DIGIT_CONSTRUCT.search(rule.pattern):
            digit_rules.append(rule)
    order = {id(rule): i for i, rule in enumerate(rules)}
    return ({w: RuleSet(w, sorted(rs, key=lambda r: order[id(r)]), rule_heads)
             for w, rs in starts.items()}, tuple(digit_rules))


_NEXT_WORD = re.compile(r"\s+([^\W\d_]*)")


class RuleSet(tuple):
    """The rules written with one word, in rule order. `at(text, end)` gives the fewer that
    can start at that word given the word after it (heads.py): "the" is written in ~40
    rules, can start ~35, and "the following" a handful. The rules' patterns are parsed for
    this on the first use of a word (parsing all of them would cost start-up time), and the
    narrowed sets are kept."""

    def __new__(cls, word: str, rules, rule_heads: dict):
        self = super().__new__(cls, rules)
        self.word = word
        self._heads = rule_heads
        self._next = None
        self._narrowed: dict = {}
        return self

    def _prepare(self) -> None:
        for rule in self:
            if id(rule) not in self._heads:
                self._heads[id(rule)] = heads(rule.regex)
        self._next = tuple(NextWords(self.word, self._heads[id(rule)]) for rule in self)
        # Only worth reading the next word when some rule needs a particular one.
        if all(n.always for n in self._next):
            self._narrowed = None
        self.first = tuple(r for r, h in zip(self, self._next) if h.always)

    def at(self, text: str, end: int) -> tuple:
        """The rules that may match at this word, which ends at text[end]."""
        if self._next is None:
            self._prepare()
        if self._narrowed is None:
            return self.first
        m = _NEXT_WORD.match(text, end)
        key = None if m is None else (m[1].lower() or NON_LETTER)
        found = self._narrowed.get(key)
        if found is None:
            found = self._narrowed[key] = tuple(
                rule for rule, n in zip(self, self._next) if n.admit(key))
        return found
