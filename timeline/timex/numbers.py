"""Numbers written in words or digits: "twenty four" -> 24, "2 1/2" -> 2.5, "a few" -> None."""

from __future__ import annotations

import re

from timeline.timex.lexicon import Language

_SPLIT = re.compile(r"[\s-]+")
_DIGITS = re.compile(r"^(\d+(?:\.\d+)?)(?:\s+1/2)?$")


def parse_number(text: str, lang: Language) -> float | None:
    """The value of a number phrase, or None when it is vague ("several", "a few")."""
    text = text.strip().lower()
    if m := _DIGITS.match(text):
        value = float(m[1])
        return value + 0.5 if "1/2" in text else value
    if lang.lookup("vague_number", text) is not None:
        vague = lang.lookup("vague_number", text)
        return None if vague == "X" else float(vague)
    if text in ("a", "an"):
        return 1.0
    total = 0.0
    current = 0.0
    seen = False
    for word in _SPLIT.split(text):
        if word in ("and", "of", "", "a", "an"):
            continue
        value = lang.lookup("number", word)
        if value is None:
            if lang.lookup("vague_number", word) is not None:
                return None
            return None
        seen = True
        if value in (100, 1000):
            current = (current or 1) * value
            if value == 1000:
                total += current
                current = 0
        elif value == 0.5 and current:
            current += 0.5
        else:
            current += value
    return (total + current) if seen else None


def parse_year_words(text: str, lang: Language) -> int | None:
    """"nineteen ninety-six" -> 1996, "two thousand and one" -> 2001, "twenty ten" -> 2010."""
    words = [w for w in _SPLIT.split(text.strip().lower()) if w and w != "and"]
    if not words:
        return None
    if words[0] == "two" and len(words) > 1 and words[1] == "thousand":
        rest = parse_number(" ".join(words[2:]), lang) if len(words) > 2 else 0
        return 2000 + int(rest or 0)
    head = lang.lookup("number", words[0])
    if head not in (19, 20) or len(words) < 2:
        return None
    if words[1] == "hundred":
        rest = parse_number(" ".join(words[2:]), lang) if len(words) > 2 else 0
        return head * 100 + int(rest or 0)
    rest = parse_number(" ".join(words[1:]), lang)
    if rest is None or not 10 <= rest < 100:
        return None
    return head * 100 + int(rest)


def format_amount(value: float | None) -> str:
    """A duration amount as TIMEX3 writes it: 3 -> "3", 2.5 -> "2.5", unknown -> "X"."""
    if value is None:
        return "X"
    if value == int(value):
        return str(int(value))
    return f"{value:g}"
