"""The first two words a detection rule can start with, read from its compiled pattern.

The detector tries, at each word, only the rules that can start there. Indexing a rule under
every word written anywhere in its pattern is safe but loose: "the" would try every rule that
has "the" somewhere, ~40 of them. Walking the parsed pattern gives what a match can actually
begin with, up to its second word ("the following", "the 1990s"), so most positions try a
handful of rules. The walk is conservative: where it cannot tell (a character class with
letters, a back-reference, a long alternation product) it keeps the rule.
"""

from __future__ import annotations

import re
from re import _constants as C  # noqa: PLC2701 - the parse tree's opcodes
from re import _parser as P  # noqa: PLC2701

# A head is (text, closed). text is lower-case letters, at most one blank (" ", a run of
# blanks) between a first and a second word, and closed says that a non-letter is known to
# follow (the word is exactly that); an open head is a prefix where the walk stopped.
Heads = frozenset
_SPACE, _OTHER = " ", "#"  # a blank; any other non-letter
_LIMIT = 400  # prefixes followed at once before giving up on precision
NON_LETTER = _OTHER  # the `next_word` of a blank followed by a digit or a sign

_NON_LETTER_CATEGORIES = {C.CATEGORY_DIGIT, C.CATEGORY_NOT_WORD}


def heads(regex: re.Pattern) -> Heads:
    parsed = P.parse(regex.pattern, regex.flags)
    done, open_ = _sequence(list(parsed), {""})
    return frozenset(done | {(p, False) for p in open_})  # the pattern may end mid-word


def may_start(word: str, rule_heads: Heads) -> bool:
    """Whether a rule can match at a word (lower case) of the text, whatever follows it."""
    for text, closed in rule_heads:
        first, blank, _ = text.partition(_SPACE)
        if blank or closed:
            if word == first:
                return True
        elif word.startswith(first):
            return True
    return False


class NextWords:
    """What may follow `word` for a rule to match there, for the detector's quick check:
    anything, exact next words, next-word prefixes, or a non-letter after the blanks."""

    __slots__ = ("always", "exact", "prefixes", "non_letter")

    def __init__(self, word: str, rule_heads: Heads):
        self.always, self.non_letter = False, False
        self.exact, prefixes = set(), set()
        for text, closed in rule_heads:
            first, blank, second = text.partition(_SPACE)
            if not blank:
                if word == first if closed else word.startswith(first):
                    self.always = True
            elif word == first:
                if not second:
                    if closed:
                        self.non_letter = True
                    else:
                        self.always = True
                elif closed:
                    self.exact.add(second)
                else:
                    prefixes.add(second)
        self.prefixes = tuple(prefixes)

    def admit(self, next_word: str | None) -> bool:
        """Whether the rule may match when `next_word` follows after blanks (NON_LETTER when
        a digit or a sign follows them, None when no blank follows the word)."""
        if self.always:
            return True
        if next_word is None:
            return False
        if next_word == NON_LETTER:
            return self.non_letter
        return next_word in self.exact or any(next_word.startswith(p) for p in self.prefixes)


def may_follow(word: str, next_word: str | None, rule_heads: Heads) -> bool:
    return NextWords(word, rule_heads).admit(next_word)


def _settle(text: str) -> tuple[str, bool] | None:
    """A finished head if `text` (from the start of the match) went past what is indexed,
    else None (still open)."""
    cut = text.find(_OTHER)
    if cut >= 0:
        return text[:cut], True
    if text.startswith(_SPACE):
        return "", True  # starts with a blank: never at a word
    first_blank = text.find(_SPACE)
    if first_blank > 0:
        second_blank = text.find(_SPACE, first_blank + 1)
        if second_blank > 0:
            return text[:second_blank], True
    return None


def _extend(prefixes: set[str], pieces: set[str], done: set) -> set[str]:
    """Every prefix followed by every piece; what goes past the index is moved to `done`."""
    out = set()
    for prefix in prefixes:
        for piece in pieces:
            text = prefix + piece
            if piece == _SPACE and prefix.endswith(_SPACE):
                text = prefix  # a run of blanks is one blank
            settled = _settle(text)
            if settled:
                done.add(settled)
            else:
                out.add(text)
    return out


def _sequence(items, prefixes: set[str]) -> tuple[set, set[str]]:
    """(finished heads, prefixes still open) after `items`, starting from `prefixes`."""
    done: set = set()
    open_ = prefixes
    for op, av in items:
        item_done, open_ = _item(op, av, open_)
        done |= item_done
        if len(open_) > _LIMIT:
            return done | {(p, False) for p in open_}, set()
        if not open_:
            break
    return done, open_


def _item(op, av, prefixes: set[str]) -> tuple[set, set[str]]:
    done: set = set()
    if op is C.LITERAL:
        ch = chr(av).lower()
        piece = ch if ch.isalpha() else _SPACE if ch.isspace() else _OTHER
        return done, _extend(prefixes, {piece}, done)
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return done, prefixes  # zero width
    if op is C.SUBPATTERN:
        return _sequence(list(av[-1]), prefixes)
    if op is C.ATOMIC_GROUP:
        return _sequence(list(av), prefixes)
    if op is C.BRANCH:
        open_: set[str] = set()
        for branch in av[1]:
            d, o = _sequence(list(branch), prefixes)
            done |= d
            open_ |= o
        return done, open_
    if op is C.IN:
        pieces = _char_class(av)
        if pieces is None:
            return {(p, False) for p in prefixes}, set()
        return done, _extend(prefixes, pieces, done)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, high, sub = av
        if _blank(sub):  # a run of blanks is one blank
            open_ = _extend(prefixes, {_SPACE}, done)
        else:
            done, open_ = _sequence(list(sub), prefixes)
            if high != 1:  # a second round could add letters: what is open stays a prefix
                done = done | {(p, False) for p in open_}
                open_ = set()
        if low == 0:
            open_ = open_ | prefixes
        return done, open_
    return {(p, False) for p in prefixes}, set()  # any character, back-reference...


def _blank(sub) -> bool:
    items = list(sub)
    if len(items) != 1:
        return False
    op, av = items[0]
    if op is C.LITERAL:
        return chr(av).isspace()
    return op is C.IN and _char_class(av) == {_SPACE}


def _char_class(items) -> set[str] | None:
    """The pieces a character class stands for, or None when it may be a letter we cannot
    list (a range of letters, a negated class, \\w)."""
    out = set()
    for op, av in items:
        if op is C.LITERAL:
            ch = chr(av).lower()
            out.add(ch if ch.isalpha() else _SPACE if ch.isspace() else _OTHER)
        elif op is C.RANGE:
            if any(chr(c).isalpha() for c in range(av[0], av[1] + 1)):
                return None
            out.add(_OTHER)
        elif op is C.CATEGORY and av is C.CATEGORY_SPACE:
            out.add(_SPACE)
        elif op is C.CATEGORY and av in _NON_LETTER_CATEGORIES:
            out.add(_OTHER)
            if av is C.CATEGORY_NOT_WORD:  # \\W also holds blanks
                out.add(_SPACE)
        else:
            return None
    return out
