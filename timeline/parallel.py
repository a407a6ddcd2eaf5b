"""Run a per-document function over many items, in order, on the chosen backend.

The pipeline calls `map_ordered(fn, items, options)`; results come back in input order so a
run's output does not depend on the backend or the number of workers.

Backends (`Options.backend`):

- ``serial``: a plain loop in this process.
- ``processes``: a pool of worker processes (`Options.jobs`, 0 = every core). Items are sent in
  chunks and at most a few chunks per worker are in flight, so a streamed corpus of any size
  is never held in memory at once.
- ``dask``: Dask distributed futures, on the cluster at `Options.scheduler` or, when that is
  empty, on a LocalCluster started for the run. The same bounded, ordered window is used.

`fn` must be a picklable top-level function (use `functools.partial` to bind options); an
exception raised by `fn` reaches the caller at that item's position, after every earlier result.
"""

from __future__ import annotations

import functools
import itertools
import logging
import multiprocessing
import os
import pickle
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from timeline.errors import TimelineError, UsageError
from timeline.options import Options

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

# A chunk closes at this many items or this many characters of text, whichever comes first:
# short wire stories travel in batches (less pickling per item) while one huge document does
# not hold a whole batch of small ones hostage behind it.
CHUNK_ITEMS = 16
CHUNK_CHARS = 200_000
# chunks in flight per worker: enough to keep every worker busy while the parent consumes
# results, small enough that memory stays flat however long the input stream is
IN_FLIGHT_PER_WORKER = 3
# how long to wait for a Dask scheduler named by --scheduler before calling it unreachable
DASK_CONNECT_TIMEOUT = "20s"


def resolve_jobs(jobs: int) -> int:
    """The number of workers `jobs` asks for: 0 (or less) means every core."""
    if jobs is None or jobs <= 0:
        return os.cpu_count() or 1
    return int(jobs)


def map_ordered(fn: Callable[[T], R], items: Iterable[T], options: Options) -> Iterator[R]:
    """Yield fn(item) for each item, in input order. `fn` must be a picklable top-level
    function (it may be shipped to worker processes or a Dask cluster)."""
    backend = options.backend
    if backend == "serial":
        return _map_serial(fn, items)
    if backend == "processes":
        workers = resolve_jobs(options.jobs)
        if workers == 1:
            # a pool of one only adds pickling and start-up to the serial loop
            return _map_serial(fn, items)
        return _map_processes(fn, items, workers)
    if backend == "dask":
        return _map_dask(fn, items, options)
    raise UsageError(f"backend must be serial, processes or dask, not {backend!r}")


def _map_serial(fn, items):
    for item in items:
        yield fn(item)


# ---------------------------------------------------------------------------- chunking

def _size(item: Any) -> int:
    text = getattr(item, "text", item)
    return len(text) if isinstance(text, (str, bytes)) else 0


def chunked(items: Iterable[T], max_items: int = CHUNK_ITEMS,
            max_chars: int = CHUNK_CHARS) -> Iterator[list[T]]:
    """Group a stream into lists of at most `max_items` items or about `max_chars` of text."""
    chunk: list[T] = []
    chars = 0
    for item in items:
        chunk.append(item)
        chars += _size(item)
        if len(chunk) >= max_items or chars >= max_chars:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk


def apply_chunk(fn: Callable[[T], R], chunk: list[T]) -> list[tuple[bool, Any]]:
    """Run fn over one chunk in a worker. Each result is (ok, value); an exception is returned
    rather than raised so the results before it in the chunk are not lost."""
    out: list[tuple[bool, Any]] = []
    for item in chunk:
        try:
            out.append((True, fn(item)))
        except Exception as exc:  # noqa: BLE001 - handed back to the caller, re-raised in order
            out.append((False, _portable(exc)))
    return out


def _portable(exc: Exception) -> Exception:
    """`exc`, or a RuntimeError telling the same, when it cannot be pickled back to the parent
    (one unpicklable exception would otherwise lose the results of its whole chunk)."""
    try:
        pickle.dumps(exc)
    except Exception:  # noqa: BLE001 - any pickling failure
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc


def _unpack(results: list[tuple[bool, Any]]) -> Iterator[Any]:
    for ok, value in results:
        if not ok:
            raise value
        yield value


def _windowed(submit: Callable[[list], Any], result: Callable[[Any], list], cancel: Callable[[Any], Any],
              chunks: Iterable[list], window: int) -> Iterator:
    """Submit chunks while at most `window` are pending; yield results in submission order."""
    pending: deque = deque()
    try:
        for chunk in chunks:
            pending.append(submit(chunk))
            if len(pending) >= window:
                yield from _unpack(result(pending.popleft()))
        while pending:
            yield from _unpack(result(pending.popleft()))
    finally:
        # reached on normal end (nothing left), on an error, on Ctrl-C and when the consumer
        # stops early: drop work nobody will read
        for future in pending:
            cancel(future)


# ---------------------------------------------------------------------------- processes

def _ignore_sigint() -> None:
    # Ctrl-C goes to the whole process group; the parent handles it (cancels and cleans up),
    # workers would only add a traceback each
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _module_of(fn) -> str | None:
    while isinstance(fn, functools.partial):
        fn = fn.func
    module = getattr(fn, "__module__", None)
    return module if module and module != "__main__" else None


def _mp_context(fn):
    # forkserver: workers start from a clean server process, which is safe even when the
    # parent runs threads (progress bar, Dask) and does not copy the parent's memory.
    # The server imports the module that defines `fn` (and what it imports: pandas, for
    # the pipeline) once, so the workers forked from it start with it loaded.
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        preload = ["timeline.options", "timeline.parallel"]
        if _module_of(fn):
            preload.append(_module_of(fn))
        ctx.set_forkserver_preload(preload)
        return ctx
    return multiprocessing.get_context("spawn")


def _map_processes(fn, items, workers: int):
    chunks = chunked(items)
    first = next(chunks, None)
    second = next(chunks, None)
    if second is None:
        # one chunk is all there is (a handful of articles): a pool could not share it out
        yield from _map_serial(fn, first or [])
        return
    executor = ProcessPoolExecutor(max_workers=workers, mp_context=_mp_context(fn),
                                   initializer=_ignore_sigint)
    log.info("processing on %d worker processes", workers)
    try:
        yield from _windowed(
            submit=lambda chunk: executor.submit(apply_chunk, fn, chunk),
            result=lambda future: future.result(),
            cancel=lambda future: future.cancel(),
            chunks=itertools.chain((first, second), chunks), window=workers * IN_FLIGHT_PER_WORKER,
        )
    except BrokenProcessPool as exc:
        # a worker was killed (the system ran out of memory, or a crash below Python): the
        # caller gets a plain message instead of a traceback, and writes nothing
        raise TimelineError(f"a worker process died ({exc}); the system may be out of memory: "
                            "rerun with fewer --jobs, or --jobs 1") from exc
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


# ---------------------------------------------------------------------------- dask

def _dask_client(options: Options):
    """A distributed Client on `options.scheduler`, or on a LocalCluster made for this run.
    Returns (client, cluster or None); the caller closes both."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise UsageError("the dask backend needs dask.distributed: pip install 'timeline[cluster]'") from exc
    if options.scheduler:
        try:
            return Client(options.scheduler, timeout=DASK_CONNECT_TIMEOUT), None
        except (OSError, TimeoutError) as exc:
            raise UsageError(f"cannot reach the Dask scheduler at {options.scheduler}: {exc}") from exc
    # one single-threaded worker process per job: the per-document work is pure Python and
    # holds the GIL, so threads would not run it in parallel
    # Dask logs every worker start and stop at INFO; those lines would bury the run's own
    # messages unless the user asked for detail (-v)
    level = logging.INFO if log.isEnabledFor(logging.INFO) else logging.WARNING
    logging.getLogger("distributed").setLevel(level)
    cluster = LocalCluster(n_workers=resolve_jobs(options.jobs), threads_per_worker=1,
                           processes=True, silence_logs=level, dashboard_address=":0",
                           scheduler_kwargs={"dashboard": False})
    return Client(cluster), cluster


def _map_dask(fn, items, options: Options):
    client, cluster = _dask_client(options)  # raises a UsageError when Dask is missing
    from distributed import KilledWorker

    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        log.info("processing on Dask at %s with %d worker(s)", client.scheduler_info().get("address"), workers)
        yield from _windowed(
            # pure=False: two equal chunks are still two pieces of work with their own results
            submit=lambda chunk: client.submit(apply_chunk, fn, chunk, pure=False),
            result=lambda future: future.result(),
            cancel=lambda future: future.cancel(),
            chunks=chunked(items), window=workers * IN_FLIGHT_PER_WORKER,
        )
    except KilledWorker as exc:
        # Dask already retried the chunk on other workers; every one of them died on it
        raise TimelineError(f"Dask workers died running a chunk of documents ({exc}); they may "
                            "be out of memory: give them more, or lower --max-chars") from exc
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
