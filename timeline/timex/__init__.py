"""Time expressions: find them (patterns kept as data per language) and normalize them to
TIMEX3 values against a reference date."""

from timeline.timex.model import GRANULARITIES, TIMEX_TYPES, Timex


def tag(text, ref_date=None, mode="news", lang="en"):
    """Every time expression in `text` as a list of Timex, in text order.

    `ref_date` (date, datetime or ISO string) anchors relative expressions; `mode` is
    "news" (anchor = ref_date) or "narrative" (anchor = latest fully specified date in the text).
    """
    from timeline.timex.tagger import tag as _tag

    return _tag(text, ref_date=ref_date, mode=mode, lang=lang)


__all__ = ["tag", "Timex", "TIMEX_TYPES", "GRANULARITIES"]
