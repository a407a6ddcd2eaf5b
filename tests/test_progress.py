"""timeline.progress: a bar only when someone can see it, items always passed through unchanged."""

from __future__ import annotations

import io
from pathlib import Path

from timeline.progress import progress, wants_bar


class Terminal(io.StringIO):
    """A stderr that says it is a terminal, recording what the bar draws."""

    def isatty(self) -> bool:
        return True


def _articles(seeds_dir: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]


def test_no_bar_when_stderr_is_not_a_terminal(seeds_dir):
    stream = io.StringIO()
    articles = _articles(seeds_dir)
    assert list(progress(articles, total=len(articles), stream=stream)) == articles
    assert stream.getvalue() == ""
    assert not wants_bar(stream=stream)


def test_bar_on_a_terminal_shows_count_and_unit(seeds_dir):
    stream = Terminal()
    articles = _articles(seeds_dir)
    out = list(progress(articles, total=len(articles), desc="building", stream=stream))
    assert out == articles
    drawn = stream.getvalue()
    assert drawn.startswith("\rbuilding:   0%|") and f"0/{len(articles)}" in drawn and "doc/s" in drawn
    # the finished bar erases its own line so the closing summary starts clean
    assert drawn.endswith("\r") and drawn.rsplit("\r", 2)[-2].strip() == ""


def test_quiet_wins_over_a_terminal(seeds_dir):
    stream = Terminal()
    articles = _articles(seeds_dir)
    assert list(progress(articles, quiet=True, stream=stream)) == articles
    assert stream.getvalue() == ""
    assert not wants_bar(quiet=True, stream=stream)


def test_streamed_input_without_total_counts_up(seeds_dir):
    stream = Terminal()
    articles = _articles(seeds_dir)
    out = list(progress((a for a in articles), stream=stream, unit="doc"))
    assert out == articles
    assert stream.getvalue().startswith("\rdocuments: 0doc")


def test_closed_stream_means_no_bar():
    stream = io.StringIO()
    stream.close()
    assert not wants_bar(stream=stream)


def test_stopping_early_closes_the_bar(seeds_dir):
    stream = Terminal()
    articles = _articles(seeds_dir)
    bar = progress(articles, total=len(articles), stream=stream)
    assert next(bar) == articles[0]
    before = stream.getvalue()
    bar.close()  # the consumer gave up (error, Ctrl-C): the bar's line is cleared, no exception
    after = stream.getvalue()
    assert "\r" not in before[1:] and after.endswith("\r") and after[len(before):].strip() == ""


def test_a_note_during_a_bar_keeps_both_readable(seeds_dir):
    stream = Terminal()
    articles = _articles(seeds_dir)
    from timeline.progress import note

    for i, _ in enumerate(progress(articles, total=len(articles), stream=stream)):
        if i == 2:
            note("skipped corpus.jsonl, line 3: broken JSON line", stream=stream)
    drawn = stream.getvalue()
    # the bar's line is cleared, the note gets its own line, then the bar is drawn again
    assert "\rskipped corpus.jsonl, line 3: broken JSON line\n" in drawn.replace(" " * 10, "")
    assert drawn.count("documents:") >= 2


def test_a_note_without_a_bar_is_a_plain_line():
    from timeline.progress import note

    stream = io.StringIO()
    note("skipped empty.txt: empty file", stream=stream)
    assert stream.getvalue() == "skipped empty.txt: empty file\n"
