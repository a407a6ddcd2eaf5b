"""What a named person or organisation said, as news of its day: 'Steve Jobs: "We love the Beatles"',
"Judge Martin Mann states he owns an iPod".

A speech act with no happening in it was commentary and made no event; but who said what, on
which day, is part of a story's timeline (the annotated entity timelines of news count "said"
among a person's events). Such a statement is kept only when both ends are sure: a speaker
named right next to the verb (not a possessive, not a clause away), and words
said that a headline can quote or report (a quotation, a "that" clause, a clause straight
after the verb). Anything less makes no event: "Reno says" tells nothing.
"""

from __future__ import annotations

import re

from timeline.events.triggers import QUOTES_NEXT, quoting_lemmas
from timeline.events.titles import _ABBREVIATED, MAX_WORDS, _close_phrase, _trim, clause_text, make_title, tidy

# '" We love the Beatles, " said Apple CEO Steve Jobs' / '``They are coming,'' said Armando
# Sanjurjo': the verb closes a quotation and its speaker follows it
_OPEN = r"(?:\"|“|``)"
_CLOSE = r"(?:\"|”|'')"
_AFTER_QUOTE = re.compile(r"[,.!?]?\s*" + _CLOSE + r"\s*$")
_QUOTE_AFTER = re.compile(r"\s*[,:]?\s*" + _OPEN + r"\s*(?P<q>(?:(?!" + _CLOSE + r"|“|``).)+)")
_QUOTE_BEFORE = re.compile(r"^\s*(?:[A-Z][\w,' ]{0,40},\s*)?" + _OPEN + r"\s*(?P<q>(?:(?!" + _CLOSE + r"|“|``).)+?)\s*"
                           + _CLOSE + r"\s*(?:[\w.'’-]+\s+){0,6}$")
# clause breaks inside a quotation; a period after "Mr", "U.S" or an initial is no break
_CLAUSE_BREAK = re.compile(r"\s*(?:[,;:!?()]+|\.+|\s-\s|—|--)\s*")
_ABBREVIATION = re.compile(r"\b(" + "|".join(sorted(_ABBREVIATED)) + r"|No|Jan|Feb|Mar|Apr|"
                           r"Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z])\.")
_LEAD_IN = re.compile(r"(?:with|in|for|as|at|on|after|before|since|of|to|by|from|frankly|honestly|well|now|so|and|but)\b",
                      re.IGNORECASE)
# between a speaker and the verb: auxiliaries, adverbs, an apposition (", a doctor at NYU,")
_NEXT_TO = re.compile(r"\s*(?:,[^,;\"“”]*,\s*)?(?:(?:has|have|had|also|then|later|again|once|further|\w+ly|"
                      r"(?:on\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|yesterday|today))\s+)*")
_PRONOUN_NEXT_TO = re.compile(r"(?:^|[\s,\"”'`])(?:he|she|He|She)\s+(?:(?:has|had|also|then|later|\w+ly)\s+)*$")
# "are said to be", "as I said": no person's statement
_CLAUSE_WORD = re.compile(r"\b(?:he|she|it|they|we|I|is|are|was|were|will|would|has|have|had)\b")
_QUOTE_MARK = re.compile(r"[\"“”]|``|''")
_BE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?$")
# "When Jobs first introduced iPhone 4, he praised ...": said then, not on the story's day
_WHEN_CLAUSE = re.compile(r"\s*(?:When|While|After|Before|As|Once|Until|Since)\b")
_THAT = re.compile(r"\s*(?!(?:the|a|an)\s)(?:[\w.]+\s+){0,4}?that\s+")  # ("told reporters that"; not "the issues that")
_TOLD = re.compile(r"\s*((?:(?:his|her|their|the)\s+)?[A-Za-z]+)\s+(?:(?:in|at|on|during)\s+[^,;]{0,40}?\s+)?that\s")
_TOLD_TO = re.compile(r"\s*((?:(?:his|her|their|its|the|all)\s+)?[a-z]+)\s+(?:not\s+)?to\s+(?:either\s+)?(?=[a-z])")
_TOLD_LEMMAS = frozenset("tell assure inform warn remind promise".split())  # verbs that name whom it was said to
_UNNAMED_AFTER = re.compile(r"\s+(?:a|an|the|one|another)\s")
# a reported clause with no "that": its subject straight after the speech verb
_BARE_CLAUSE = re.compile(r"\s+(?:the|a|an|his|her|its|their|he|she|it|they|we|[A-Z][\w.'’-]*)\s+[a-z`'\"“]")
_MIN_WORDS = 3
# "called the new software \"the most advanced ...\"": whom or what the words characterise, then them
_CHARACTERISED = re.compile(QUOTES_NEXT + r"(?P<q>(?:(?!" + _CLOSE + r"|“|``|').)+)")
_SPEAKERS = ("person", "org")  # ("The Wall Street Journal reported that ...", "NPD said ...")


def own_date(sent, t, timex) -> bool:
    """"said Monday", "on Tuesday said": a date next to the speech verb is the statement's; one
    further on ("said the business will achieve higher sales this year") is what was said."""
    lo, hi = sorted((t.end, timex.start)) if t.end <= timex.start else (timex.end, t.start)
    between = sent.text[lo - sent.start:hi - sent.start]
    # ('"... this year," said', "said he is approaching next year with caution": what was said)
    return len(between.split()) <= 3 and not _QUOTE_MARK.search(between) and not _CLAUSE_WORD.search(between)


def may_state(sent, t) -> bool:
    """A speech verb that can carry a person's statement: not passive, not inside a quotation;
    a characterisation only as said once ("described the prisons as \"harsh\"", not a standing
    "describes": a report's view, not the day's news)."""
    if t.lemma in quoting_lemmas() and t.aspect not in ("past", "perfect"):
        return False
    return not (t.quoted or t.passive or _BE_BEFORE.search(sent.text[:t.start - sent.start]))


def speaker(sent, t, actors, subject, dated: bool):
    """The named person or organisation who makes the statement, or None: after a quotation
    the verb closes, else the subject right before the verb (or "he"/"she" right before it,
    resolved)."""
    head = sent.text[:t.start - sent.start]
    if head.rstrip().endswith(",") and _UNNAMED_AFTER.match(sent.text, t.end - sent.start):
        return None  # "The investor, Donald A. Wright, plans to run the company, said a spokesman for Kyle."
    if _AFTER_QUOTE.search(head):
        after = [a for a in actors if a.start >= t.end and a.kind in _SPEAKERS
                 and len(sent.text[t.end - sent.start:a.start - sent.start].split()) <= 4]
        # ("said Apple Inc. CEO Steve Jobs": the person, not the company in his title)
        return next((a for a in after if a.kind == "person"), after[0] if after else None)
    # a name the lists cannot place ("Apple", "NPD") speaks only as the subject right before the
    # verb, and not as a capitalised plural opening the sentence ("Experts say", "Forecasters say")
    if subject is None or subject.kind not in _SPEAKERS + ("name",) or subject.kind == "name" and (
            subject.start == sent.start and " " not in subject.text and subject.text.endswith("s")):
        return None
    if not dated and t.aspect == "past" and _WHEN_CLAUSE.match(sent.text):
        return None
    own = sent.start <= subject.start and subject.end <= t.start
    if own and _NEXT_TO.fullmatch(sent.text[subject.end - sent.start:t.start - sent.start]):
        return subject
    if not own and _PRONOUN_NEXT_TO.search(head) and subject.kind == "person":
        return subject
    return None


def statement_title(sent, t, who: str, timexes) -> str:
    """'Who: "quotation"' or "Who says what", or "" when the words said are not there. Only the
    statement's own date is left out: one in what was said ("in May") is part of it."""
    offset = sent.start
    timexes = [x for x in timexes if own_date(sent, t, x)]
    text = sent.text.replace("``", "  ").replace("''", "  ")  # (TimeML's quotation marks, same offsets)
    characterised = _CHARACTERISED.match(sent.text, t.end - offset) if t.lemma in quoting_lemmas() else None
    if characterised:  # 'Jobs calls new software "the most advanced mobile operating system"'
        obj = tidy(characterised.group("obj").strip(" ,"))
        obj = re.sub(r"^(?:the|a|an|its|his|her|their)\s+", "", obj, flags=re.IGNORECASE)
        room = MAX_WORDS - len(who.split()) - len(obj.split()) - 1 - bool(characterised.group("as"))
        quoted = _gist(characterised.group("q"), max(3, room))
        if not obj or not quoted:
            return ""
        said = " ".join(p for p in (obj, "as" if characterised.group("as") else "", f'"{quoted[:1].lower() + quoted[1:]}"') if p)
        return f"{who} {t.title_verb} {said}"
    quoted = quoted_gist(sent.text, offset, t.start, t.end, max(4, MAX_WORDS - len(who.split())))
    if quoted:
        return f'{who}: "{quoted}"'
    rest = text[t.end - offset:]
    for x in timexes:  # "said Monday that ...": the date is the row's own column
        if x.start >= t.end and not text[t.end - offset:x.start - offset].strip(" ,"):
            rest = text[x.end - offset:]
    begin = offset + len(text) - len(rest)
    that = _THAT.match(rest)
    told_to = _TOLD_TO.match(rest) if t.lemma in _TOLD_LEMMAS and not that else None
    if told_to:  # "told customers to either hold the phone ... or use a case": an instruction
        said = clause_text(text, offset, begin + told_to.end(), skip=timexes)
        if len(said.split()) < 2:
            return ""
        return make_title(who, t.title_verb, f"{told_to.group(1)} to {said}")
    if that:
        said = clause_text(text, offset, begin + that.end(), skip=timexes)
        told = _TOLD.match(rest) if t.lemma in _TOLD_LEMMAS else None  # "told reporters in San Salvador that ..."
        if told and len(said.split()) >= _MIN_WORDS:
            said = f"{told.group(1)} {said}"
    elif _BARE_CLAUSE.match(rest):
        said = clause_text(text, offset, begin, skip=timexes)
    else:
        return ""
    return make_title(who, t.title_verb, said) if len(said.split()) >= _MIN_WORDS else ""


def quoted_gist(sentence: str, offset: int, start: int, end: int, max_words: int = 9) -> str:
    """The opening clause of the quotation a speech verb opens or closes, as a headline quotes
    it ("We love the Beatles"); a lead-in phrase ("with great respect to the trial judge,") is
    passed over. Empty when the verb has no quotation next to it."""
    m = _QUOTE_AFTER.match(sentence, end - offset) or _QUOTE_BEFORE.match(sentence[:start - offset])
    return _gist(m.group("q"), max_words) if m else ""


def _gist(quotation: str, max_words: int) -> str:
    """A quotation's opening clause, at most `max_words` words; "" when it is too short."""
    # a period after "Mr", "Aug" or an initial ends no clause: hidden while splitting
    quotation = _ABBREVIATION.sub("\\1\0", quotation)
    clauses = [c.replace("\0", ".") for c in _CLAUSE_BREAK.split(quotation) if c.strip()]
    while len(clauses) > 1 and (_LEAD_IN.match(clauses[0]) or len(clauses[0].split()) < _MIN_WORDS):
        clauses.pop(0)
    words = clauses[0].split() if clauses else []
    if len(words) < _MIN_WORDS:
        return ""
    if len(words) > max_words:
        words = _trim(" ".join(_close_phrase(words[:max_words]))).split()  # ("... far and" -> "... far")
    gist = tidy(" ".join(words)).strip("'` ")
    return gist[:1].upper() + gist[1:]
