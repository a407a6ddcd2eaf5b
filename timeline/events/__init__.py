"""What happened: sentences, happening words, actors and titles, and the per-document
extractor `extract_events(doc, timexes, options) -> list[Event]`."""

from timeline.events.extract import extract_events, story_date

__all__ = ["extract_events", "story_date"]
