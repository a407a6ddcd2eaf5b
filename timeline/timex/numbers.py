"""Numbers written in words or digits: "twenty four" -> 24, "2 1/2" -> 2.5, "a few" -> None."""

from __future__ import annotations

import re

from timeline.timex.lexicon import Language

_SPLIT = re.compile(r"[\s-]+")
_DIGITS = re.compile(r"^(\d+(?:\.\d+)?)(?:\s+1/2)?$")


def parse_number(text: str, lang: Language) -> float | None:
    """The value of a number phrase, or None when it is vague ("several", "a few").
    Words come from the language's [number] table; [number_glue] words ("and", "a") are
    skipped; 100 and 1000 multiply what precedes them ("two hundred", "a thousand")."""
    text = text.strip().lower()
    if m := _DIGITS.match(text):
        value = float(m[1])
        return value + 0.5 if "1/2" in text else value
    vague = lang.lookup("vague_number", text)
    if vague is not None:
        return None if vague == "X" else float(vague)
    glue = lang.tables.get("number_glue", {})
    words = [w for w in _SPLIT.split(text) if w]
    if words and all(w in glue for w in words):
        return 1.0 if any(glue[w] == 1 for w in words) else None  # "a", "an"
    total = current = 0.0
    seen = False
    for word in words:
        if word in glue:
            continue
        value = lang.lookup("number", word)
        if value is None:
            return None
        seen = True
        if value in (100, 1000):
            current = (current or 1) * value
            if value == 1000:
                total, current = total + current, 0.0
        else:
            current += value
    return (total + current) if seen else None


def parse_year_words(text: str, lang: Language) -> int | None:
    """"nineteen ninety-six" -> 1996, "two thousand and one" -> 2001, "twenty ten" -> 2010,
    "nineteen hundred" -> 1900: the whole phrase as a number when it is a year, else a
    century part (10-21) followed by a number 10-99."""
    whole = parse_number(text, lang)
    if whole is not None and 1000 <= whole < 2200 and whole == int(whole):
        return int(whole)
    words = [w for w in _SPLIT.split(text.strip().lower()) if w]
    if len(words) < 2:
        return None
    head = lang.lookup("number", words[0])
    rest = parse_number(" ".join(words[1:]), lang)
    if head is None or not 10 <= head <= 21 or rest is None or not 10 <= rest < 100:
        return None
    return int(head * 100 + rest)


def format_amount(value: float | None) -> str:
    """A duration amount as TIMEX3 writes it: 3 -> "3", 2.5 -> "2.5", unknown -> "X"."""
    if value is None:
        return "X"
    if value == int(value):
        return str(int(value))
    return f"{value:g}"
