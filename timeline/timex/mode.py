"""`mode="auto"`: whether a text is news (relative dates count from its publication date) or a
narrative (they count from the story's own last date), per document and per paragraph.

A history names many years far from the day it was published and few of the words a news report
anchors on its own day ("yesterday", "on Tuesday", "last week"); a news story names few years,
mostly near its date. A news story that turns to history for a paragraph ("In 1953, the
armistice ...") is read as a narrative there. The words are data: mode_sign in context.toml [story].
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from timeline.timex.lexicon import Language

# A year further than this from the reference date is "far": news names this year and last.
NEAR_YEARS = 1
# A whole text is a narrative when it names at least this many far years ...
STORY_YEARS = 20
# ... and more of them than years near its date and words anchored on the publication day. (On
# TimeBank/AQUAINT no article names more than 12 far years; a WikiWars history 10 to 115, and
# the history of a recent war, Iraq 2003-2009, 77 far against 44 near.)
# A text, or a paragraph of a news story, that names this many far years and nothing near
# its date is told as a story.
PARAGRAPH_YEARS = 2

_PARAGRAPH = re.compile(r"\n\s*\n|\n(?=\S)")


@lru_cache(maxsize=8)
def _lower_case(pattern: str) -> re.Pattern:
    return re.compile(pattern)


def _signs(text: str, ref: dt.date, lang: Language) -> list[tuple[int, bool]]:
    """(offset, far) of every year named (far: BC, or more than NEAR_YEARS from the reference
    date), then, if some are far, of every word anchored on the publication day (never far)."""
    lower = text.lower()
    out = []
    for m in _lower_case(lang.markers["mode_year"].pattern).finditer(lower):
        year = m.group("year")  # None for a BC year: all far
        out.append((m.start(), year is None or abs(int(year) - ref.year) > NEAR_YEARS))
    if sum(far for _, far in out) >= PARAGRAPH_YEARS:  # else news whatever the words say
        out += [(m.start(), False) for m in _lower_case(lang.markers["mode_word"].pattern).finditer(lower)]
    return out


def segments(text: str, ref: dt.date | None, lang: Language) -> list[tuple[int, int, str]]:
    """The text cut into runs told in one mode: [(start, end, "news" | "narrative"), ...]."""
    if ref is None:
        return [(0, len(text), "narrative")]  # no publication date to count from
    signs = _signs(text, ref, lang)
    far = sum(is_far for _, is_far in signs)
    near = len(signs) - far
    if far >= STORY_YEARS and far > near or far >= PARAGRAPH_YEARS and near == 0:
        return [(0, len(text), "narrative")]
    if far < PARAGRAPH_YEARS:
        return [(0, len(text), "news")]
    runs: list[tuple[int, int, str]] = []
    start = 0
    for end in [m.end() for m in _PARAGRAPH.finditer(text)] + [len(text)]:
        if end <= start:
            continue
        here = [is_far for at, is_far in signs if start <= at < end]
        mode = "narrative" if sum(here) >= PARAGRAPH_YEARS and all(here) else "news"
        if runs and runs[-1][2] == mode:
            runs[-1] = (runs[-1][0], end, mode)
        else:
            runs.append((start, end, mode))
        start = end
    return runs


def summary(runs: list[tuple[int, int, str]]) -> str:
    """"news", "narrative", or "mixed" when a news story turns to history somewhere."""
    modes = {mode for _, _, mode in runs}
    return modes.pop() if len(modes) == 1 else "mixed"
