"""The words a detection rule can start with, read from its compiled regular expression.

The detector tries, at each word, only the rules that can start with that word. Indexing a
rule under every word written anywhere in its pattern is safe but loose ("the" would try every
rule that has "the" in it somewhere, ~40 of them); walking the parsed pattern gives the letters
a match can actually begin with, so most words try a handful of rules. The walk is
conservative: where it cannot tell (a character class with letters, a back-reference, a long
alternation product) it keeps the rule.
"""

from __future__ import annotations

import re
from re import _constants as C  # noqa: PLC2701 - the parse tree's opcodes
from re import _parser as P  # noqa: PLC2701

# A head is (letters, closed): the lower-case letters a match starts with and whether a
# non-letter is known to follow them (closed: the first word is exactly `letters`) or the
# walk stopped there (open prefix: the first word starts with `letters`).
Heads = set[tuple[str, bool]]
_LIMIT = 400  # prefixes followed at once before giving up on precision

_NON_LETTER_CATEGORIES = {C.CATEGORY_DIGIT, C.CATEGORY_SPACE, C.CATEGORY_NOT_WORD}


def heads(regex: re.Pattern) -> Heads:
    parsed = P.parse(regex.pattern, regex.flags)
    done, open_ = _sequence(list(parsed))
    return done | {(p, False) for p in open_}  # the pattern may end mid-word


def may_start(word: str, rule_heads: Heads) -> bool:
    """Whether a rule with these heads can match at a word (lower case) of the text."""
    for letters, closed in rule_heads:
        if (word == letters) if closed else word.startswith(letters):
            return True
    return False


def _sequence(items) -> tuple[Heads, set[str]]:
    """(finished heads, prefixes still open at the end of the sequence)."""
    done: Heads = set()
    open_ = {""}
    for op, av in items:
        item_done, item_open = _item(op, av)
        new_open = set()
        for prefix in open_:
            done.update((prefix + s, closed) for s, closed in item_done)
            new_open.update(prefix + s for s in item_open)
        open_ = new_open
        if len(open_) > _LIMIT:
            return done | {(p, False) for p in open_}, set()
        if not open_:
            break
    return done, open_


def _item(op, av) -> tuple[Heads, set[str]]:
    if op is C.LITERAL:
        ch = chr(av).lower()
        return (set(), {ch}) if ch.isalpha() else ({("", True)}, set())
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return set(), {""}  # zero width
    if op is C.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op is C.ATOMIC_GROUP:
        return _sequence(list(av))
    if op is C.BRANCH:
        done, open_ = set(), set()
        for branch in av[1]:
            d, o = _sequence(list(branch))
            done |= d
            open_ |= o
        return done, open_
    if op is C.IN:
        return _char_class(av)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, high, sub = av
        done, open_ = _sequence(list(sub))
        if high != 1:  # a second round could add letters: what is open stays an open prefix
            done = done | {(p, False) for p in open_}
            open_ = set()
        if low == 0:
            open_ = open_ | {""}
        return done, open_
    return {("", False)}, set()  # any character, back-reference...: no precision


def _char_class(items) -> tuple[Heads, set[str]]:
    letters = set()
    for op, av in items:
        if op is C.LITERAL:
            ch = chr(av).lower()
            if ch.isalpha():
                letters.add(ch)
        elif op is C.RANGE:
            if any(chr(c).isalpha() for c in range(av[0], av[1] + 1)):
                return {("", False)}, set()
        elif not (op is C.CATEGORY and av in _NON_LETTER_CATEGORIES):
            return {("", False)}, set()  # negated class, \w...
    nonletter = len(letters) < len(items)
    return ({("", True)} if nonletter else set()), letters
