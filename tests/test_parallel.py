"""timeline.parallel: every backend gives the serial loop's results, in input order, without
reading the whole input first, and hands a worker's error back at the right position."""

from __future__ import annotations

import itertools
import os
import re
from pathlib import Path

import pytest

from timeline import parallel
from timeline.document import Document
from timeline.errors import DocumentError, UsageError
from timeline.options import Options
from timeline.parallel import chunked, map_ordered, resolve_jobs

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_WORD = re.compile(r"\w+")


# Top-level so it can be pickled to worker processes and Dask workers.
def profile(doc: Document) -> tuple[str, int, int, tuple[str, ...]]:
    """A small real computation over one article: id, characters, words, years named."""
    return doc.id, len(doc.text), len(_WORD.findall(doc.text)), tuple(_YEAR.findall(doc.text))


def fail_on_marked(doc: Document):
    if "~bad" in doc.id:
        raise DocumentError(doc.id, "marked bad for the test", line=7)
    return doc.id


def tag_values(doc: Document) -> list[tuple[int, int, str, str]]:
    import timeline

    return [(t.start, t.end, t.text, t.value) for t in timeline.tag(doc.text, ref_date=doc.date)]


@pytest.fixture(scope="module")
def documents(timeml_dir: Path) -> list[Document]:
    paths = sorted(timeml_dir.rglob("*.tml"))
    assert len(paths) > 200
    return [Document(id=p.stem, text=p.read_text(encoding="utf-8")) for p in paths]


@pytest.fixture(scope="module")
def expected(documents):
    return [profile(d) for d in documents]


def test_serial_is_the_reference(documents, expected):
    assert list(map_ordered(profile, documents, Options(backend="serial"))) == expected
    # a known article, checked by value so the reference itself is not vacuous
    by_id = {row[0]: row for row in expected}
    embassy = by_id["APW19980807.0261"]  # the 1998 Nairobi embassy bombing report
    assert embassy[1] == 4847 and embassy[2] == 660 and embassy[3].count("1998") == 4


@pytest.mark.parametrize("jobs", [1, 2, 0])
def test_processes_match_serial_in_order(documents, expected, jobs):
    out = list(map_ordered(profile, iter(documents), Options(backend="processes", jobs=jobs)))
    assert out == expected


def test_jobs_zero_means_every_core():
    assert resolve_jobs(0) == (os.cpu_count() or 1)
    assert resolve_jobs(3) == 3


def test_streamed_input_is_not_read_ahead(documents):
    """Memory stays flat: with an endless stream, the first result arrives after at most the
    in-flight window of chunks has been read."""
    pulled = 0

    def endless():
        nonlocal pulled
        for doc in itertools.cycle(documents):
            pulled += 1
            yield doc

    results = map_ordered(profile, endless(), Options(backend="processes", jobs=2))
    first = [next(results) for _ in range(5)]
    results.close()  # stop early: the pool must shut down, not hang
    assert [row[0] for row in first] == [d.id for d in documents[:5]]
    window = 2 * parallel.IN_FLIGHT_PER_WORKER
    assert pulled <= (window + 1) * parallel.CHUNK_ITEMS


@pytest.mark.parametrize("backend", ["serial", "processes"])
def test_error_arrives_after_every_earlier_result(documents, backend):
    docs = [Document(id=d.id, text=d.text) for d in documents[:40]]
    docs[23] = Document(id=docs[23].id + "~bad", text=docs[23].text)
    seen = []
    with pytest.raises(DocumentError) as info:
        for value in map_ordered(fail_on_marked, docs, Options(backend=backend, jobs=2)):
            seen.append(value)
    assert seen == [d.id for d in docs[:23]]
    # the error crossed the process boundary with its fields intact
    assert info.value.doc == docs[23].id and info.value.line == 7
    assert "marked bad" in str(info.value)


def test_chunks_close_on_items_and_on_characters():
    small = [Document(id=str(i), text="x" * 100) for i in range(40)]
    sizes = [len(c) for c in chunked(small, max_items=16, max_chars=10_000)]
    assert sizes == [16, 16, 8]
    huge = Document(id="huge", text="a" * 300_000)
    chunks = list(chunked([small[0], huge, small[1], small[2]], max_items=16, max_chars=200_000))
    # the huge document closes its chunk at once, so it never delays more than one neighbour
    assert [[d.id for d in c] for c in chunks] == [["0", "huge"], ["1", "2"]]


def test_unknown_backend_is_a_usage_error():
    with pytest.raises(UsageError):
        list(map_ordered(profile, [], Options(backend="threads")))  # bypasses from_kwargs checks


def test_dask_on_a_scheduler_address(documents, expected):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None) as cluster:
        options = Options(backend="dask", scheduler=cluster.scheduler_address)
        assert list(map_ordered(profile, documents, options)) == expected


@pytest.mark.slow
def test_dask_starts_its_own_local_cluster(documents, expected):
    pytest.importorskip("distributed")
    out = list(map_ordered(profile, documents[:60], Options(backend="dask", jobs=2)))
    assert out == expected[:60]


def test_dask_unreachable_scheduler_is_a_usage_error(monkeypatch):
    pytest.importorskip("distributed")
    monkeypatch.setattr(parallel, "DASK_CONNECT_TIMEOUT", "1s")
    with pytest.raises(UsageError, match="cannot reach the Dask scheduler"):
        list(map_ordered(profile, [], Options(backend="dask", scheduler="tcp://127.0.0.1:9")))


def test_tagger_output_identical_across_backends(timeml_dir):
    """The real per-document stage: the tagger's spans and values do not depend on the backend."""
    from timeline.timeml import read_timeml

    paths = sorted(timeml_dir.rglob("*.tml"))[::8]
    sample = [Document(id=p.stem, text=d.text, date=d.dct) for p in paths for d in [read_timeml(p)]]
    serial = list(map_ordered(tag_values, sample, Options(backend="serial")))
    assert sum(len(spans) for spans in serial) > 100
    assert list(map_ordered(tag_values, sample, Options(backend="processes", jobs=2))) == serial


def worker_pid(doc: Document) -> int:
    return os.getpid()


def test_a_handful_runs_in_process_and_a_corpus_in_workers(documents):
    """One chunk cannot be shared out, so no pool is started for it; more chunks go to workers."""
    options = Options(backend="processes", jobs=2)
    few = list(map_ordered(worker_pid, documents[:5], options))
    assert few == [os.getpid()] * 5
    many = list(map_ordered(worker_pid, documents[:80], options))
    assert os.getpid() not in many and len(set(many)) >= 1


def test_build_on_dask_writes_what_a_serial_build_writes(timeml_dir, seeds_dir, tmp_path):
    """The whole pipeline on a Dask cluster (reached by address): same table as the serial run."""
    distributed = pytest.importorskip("distributed")
    import timeline
    from timeline.report import RunReport

    inputs = [seeds_dir, *sorted(timeml_dir.rglob("*.tml"))[:30:3]]
    serial = timeline.build(inputs, backend="serial")
    report = RunReport()
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=":0") as cluster:
        on_dask = timeline.build(inputs, backend="dask", scheduler=cluster.scheduler_address,
                                 report=report)
    assert report.processed == 15 and report.skipped == 0
    assert len(serial) > 10
    timeline.write_events(serial, tmp_path / "serial.csv")
    timeline.write_events(on_dask, tmp_path / "dask.csv")
    assert (tmp_path / "serial.csv").read_bytes() == (tmp_path / "dask.csv").read_bytes()


class Unpicklable(Exception):
    def __reduce__(self):
        raise TypeError("cannot pickle this")


def fail_unpicklably(doc: Document):
    if doc.id == "marked":
        raise Unpicklable("a lock inside")
    return doc.id


def die_on_marked(doc: Document):
    if doc.id == "marked":
        os._exit(3)  # what the out-of-memory killer does to a worker
    return doc.id


def _with_marked(documents, at: int) -> list[Document]:
    docs = [Document(id=d.id, text=d.text) for d in documents[:60]]
    docs[at] = Document(id="marked", text=docs[at].text)
    return docs


def test_an_unpicklable_error_still_arrives_in_order(documents):
    docs = _with_marked(documents, 30)
    seen = []
    with pytest.raises(RuntimeError, match="Unpicklable: a lock inside"):
        for value in map_ordered(fail_unpicklably, docs, Options(backend="processes", jobs=2)):
            seen.append(value)
    assert seen == [d.id for d in docs[:30]]


def test_a_killed_worker_is_a_plain_error_not_a_hang(documents):
    from timeline.errors import TimelineError

    docs = _with_marked(documents, 40)
    with pytest.raises(TimelineError, match="worker process died"):
        list(map_ordered(die_on_marked, docs, Options(backend="processes", jobs=2)))
