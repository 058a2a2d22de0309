"""Understand the sources batch by batch, on every core: statements, their meaning, the problems kept.

Embedding is nearly all the offline time of `prfaq insights` (a few milliseconds a sentence on one
core, with the model's numpy on one BLAS thread), so the batches of a big input go to a pool of
forked worker processes, one per core, which inherit the model the parent loaded (forked pages are
shared, nothing loads twice). Results come back in the order the batches went out, so the themes
are the same with workers or without; at most IN_FLIGHT_PER_WORKER batches per worker are out at
once, so memory does not grow with the input. Inputs under POOL_MIN_BYTES, no second core, no
fork (Windows, macOS's default), or a process already running threads (`prfaq serve`: a fork
there could copy a lock mid-use) keep to this process.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.insights.statements import Statement

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    import numpy as np

log = logging.getLogger(__name__)

POOL_MIN_BYTES = 256_000  # about 1,000 ticket rows: below this, forking costs more than it saves
IN_FLIGHT_PER_WORKER = 2

@dataclass
class Batch:
    """Sources to understand together: (source id, source text) pairs, and the boilerplate word
    runs of the input (clean.py), learnt in the parent before the first batch went out."""

    sources: list[tuple[str, str]]
    boilerplate: frozenset[str] = frozenset()


@dataclass
class Understood:
    """A batch's problem statements (scored) and their unit vectors, row for row."""

    statements: list[Statement]
    vectors: np.ndarray


def understand(batch: Batch) -> Understood:
    """Split a batch of sources into statements, embed them together, keep those that voice a problem."""
    import numpy as np

    from assistant.insights.statements import problem_scores, split
    from assistant.semantic import DIMENSIONS, encode

    statements = [statement for source, text in batch.sources for statement in split(text, source, batch.boilerplate)]
    if not statements:
        return Understood([], np.zeros((0, DIMENSIONS), dtype=np.float32))
    vectors = encode([s.key or s.text for s in statements])  # the same key twice is embedded once
    scores = problem_scores(statements, vectors)
    keep = scores > 0
    kept = [s for s, k in zip(statements, keep, strict=True) if k]
    for statement, score in zip(kept, scores[keep], strict=True):
        statement.score = float(score)
    return Understood(kept, vectors[keep])


def workers_for(paths: Sequence[str | Path]) -> int:
    """How many worker processes the input deserves: one per core for a big input, else none."""
    import multiprocessing

    from assistant.batch.processes import cpu_count
    from assistant.insights.sources import expand
    from assistant.semantic import enabled

    cores = cpu_count()
    if cores < 2 or not sys.platform.startswith("linux") or "fork" not in multiprocessing.get_all_start_methods() \
            or threading.active_count() > 1 or not enabled():
        return 0
    size = 0
    for path in expand(paths):
        try:
            size += path.stat().st_size
        except OSError:
            continue
    return cores if size >= POOL_MIN_BYTES else 0


class Understanding:
    """`understand` over a stream of batches, in worker processes when `workers` >= 2.

    Make it before starting any thread (a progress bar's monitor): the workers are forked at once."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.pool: ProcessPoolExecutor | None = None
        if workers >= 2:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            from assistant.insights.statements import _anchor_vectors
            from assistant.semantic import warm_up

            warm_up()  # the model and the anchors' vectors, loaded once here, shared by every worker
            _anchor_vectors()
            self.pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                                            initializer=_start_worker, initargs=(os.getpid(),))
            self.pool.submit(_ready).result()  # forks every worker now

    def map(self, batches: Iterable[Batch]) -> Iterator[Understood]:
        if self.pool is None:
            for batch in batches:
                yield understand(batch)
            return
        from concurrent.futures.process import BrokenProcessPool

        pending: deque[tuple[Batch, Future[Understood]]] = deque()
        stream = iter(batches)
        unsent: Batch | None = None
        try:
            for batch in stream:
                unsent = batch
                future = self.pool.submit(understand, batch)
                unsent = None
                pending.append((batch, future))
                if len(pending) >= self.workers * IN_FLIGHT_PER_WORKER:
                    yield pending[0][1].result()
                    pending.popleft()
            while pending:
                yield pending[0][1].result()
                pending.popleft()
        except BrokenProcessPool:  # a worker was killed (out of memory, a signal): go on in this process
            log.warning("insights: a worker process died; going on in one process")
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = None
            for batch, _ in pending:
                yield understand(batch)
            if unsent is not None:
                yield understand(unsent)
            for batch in stream:
                yield understand(batch)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None

    def __enter__(self) -> Understanding:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _start_worker(parent: int) -> None:
    from assistant.batch.processes import _die_with_parent

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    _die_with_parent(parent)


def _ready() -> None:
    """A no-op: submitting it makes the pool fork its workers."""
