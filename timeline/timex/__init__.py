"""Time expressions: find them (patterns kept as data per language) and normalize them to
TIMEX3 values against a reference date."""

from timeline.timex.model import GRANULARITIES, TIMEX_TYPES, Timex


def tag(text, ref_date=None, mode="auto", lang="en"):
    """Every time expression in `text` as a list of Timex, in text order.

    `ref_date` (date, datetime or ISO string) anchors relative expressions; `mode` is
    "news" (anchor = ref_date), "narrative" (anchor = latest fully specified date in the text)
    or "auto" (chosen per document and paragraph, see `mode_runs`).
    """
    from timeline.timex.tagger import tag as _tag

    return _tag(text, ref_date=ref_date, mode=mode, lang=lang)


def mode_runs(text, ref_date=None, lang="en"):
    """How `mode="auto"` reads `text`: [(start, end, "news" | "narrative"), ...] covering it."""
    from timeline.timex.lexicon import load
    from timeline.timex.mode import segments
    from timeline.timex.tagger import _as_date

    return segments(text, _as_date(ref_date), load(lang))


def mode_of(text, ref_date=None, lang="en"):
    """The mode `mode="auto"` chooses for `text`: "news", "narrative" or "mixed" (a news story
    with a paragraph of history)."""
    from timeline.timex.mode import summary

    return summary(mode_runs(text, ref_date, lang))


__all__ = ["tag", "mode_of", "mode_runs", "Timex", "TIMEX_TYPES", "GRANULARITIES"]
