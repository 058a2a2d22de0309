"""Run one model call per item at once, on threads kept between calls.

Each document of a batch fans out twice (the question lenses, then the personas). A new
ThreadPoolExecutor per fan-out started about ten threads per document, each thread's start
costing CPU under the GIL that all of a batch's requests share: at --concurrency 32 that was
about 3 ms of a document's 45 ms in the client. Here a thread that finishes waits a little
for the next item (any fan-out's) before it ends, so a busy batch reuses its threads and an
idle process keeps none.

No bound on the threads: a fan-out waits for its own items, and a bound shared by every
fan-out could leave all of them waiting for each other. The gateway bounds the requests in
flight. The threads are daemons: like the runner's own workers, none keeps a stopping
process alive for a request still on the wire.
"""

from __future__ import annotations

import functools
import queue
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, wait
from typing import Any, TypeVar

Item = TypeVar("Item")
R = TypeVar("R")

IDLE_SECONDS = 2.0  # how long a finished thread waits for more work before it ends

_Task = tuple["Future[Any]", Callable[[], Any]]
_tasks: queue.SimpleQueue[_Task] = queue.SimpleQueue()
# One token per thread waiting for work and not about to end: a new item takes a token, or starts a thread.
_idle = threading.Semaphore(0)


def run_all(work: Callable[[Item], R], items: Sequence[Item]) -> list[Future[R]]:
    """`work(item)` for every item concurrently; returns once all have finished, each item's
    future in the order of `items` (its result, or the exception it raised)."""
    futures: list[Future[R]] = []
    for item in items:
        future: Future[R] = Future()
        _tasks.put((future, functools.partial(work, item)))
        if not _idle.acquire(blocking=False):
            threading.Thread(target=_serve, name="prfaq-fanout", daemon=True).start()
        futures.append(future)
    wait(futures)
    return futures


def _serve() -> None:
    while True:
        try:
            future, call = _tasks.get(timeout=IDLE_SECONDS)
        except queue.Empty:
            # Nothing came. If this thread's token is still free, take it and end; if an item
            # took it meanwhile, that item is in the queue (or on its way): serve it.
            if _idle.acquire(blocking=False):
                return
            continue
        if not future.set_running_or_notify_cancel():
            _idle.release()
            continue
        result: Any = None
        try:
            result = call()
        except BaseException as exc:  # handed to the caller, who decides (as a ThreadPoolExecutor would)
            _idle.release()
            future.set_exception(exc)
        else:
            # Idle before the caller hears back: its next fan-out finds this thread, not a new one.
            _idle.release()
            future.set_result(result)
        del future, call, result  # not kept alive while waiting for the next item
