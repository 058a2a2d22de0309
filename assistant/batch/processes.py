"""Offline critiques on every CPU core.

The offline engine is pure Python and CPU-bound, so threads take turns on one core (the GIL).
For a folder of documents, the jobs run in a pool of worker processes instead, one per core;
the main process still hands them out and writes every line of the journal itself.

Each document gets DOC_TIME_LIMIT_S in its worker, more for a long one (`time_limit`; an interval
timer: the worker's jobs run in its main thread, where signals are delivered). The workers are
forked, and forked at once when the pool is made, before the run starts any thread of its own,
so no lock can be copied mid-use; they inherit the modules already imported and start in milliseconds. They ignore
SIGINT: Ctrl-C is the main process's to handle (it stops handing out work and keeps what
finished), and a worker killed along with it would print a traceback over the user's terminal.
Where fork is not available (Windows, macOS's default), the run keeps to threads.

A run with a model keeps its jobs in threads (they wait on the network), but hands each
document's offline parts to a PreparePool of worker processes made the same way.
"""

from __future__ import annotations

import os
import signal
import sys
from concurrent.futures import ProcessPoolExecutor
from typing import TYPE_CHECKING

from assistant.batch.job import JobOutcome, Prepared, TooSlow, crashed, prepare, run_job
from assistant.batch.models import DocSource, Part

if TYPE_CHECKING:
    from assistant.config import Settings
    from assistant.engines.offline import OfflineEngine

PROCESS_MIN_DOCS = 16  # below this, starting processes costs more than it saves
# Offline, the workers inherit what the parent loaded (`_engine_for_workers`), so they start in
# milliseconds and pay off sooner: measured 4 one-page documents 0.95 -> 0.86 s, 6: 1.02 -> 0.83 s.
OFFLINE_MIN_DOCS = 4
DOC_TIME_LIMIT_S = 60.0  # a one-page document takes a fraction of a second; this is a runaway
# A long document gets more, in proportion past the first 100 KB: a 1 MB one-line file takes about
# 25 s on a quiet core (score, questions, review) and three times that on a loaded machine, where a
# flat 60 s failed it; a runaway still gives up within minutes, not hours.
DOC_TIME_PER_MB_S = 120.0
_LIMIT_FREE_BYTES = 100_000
_limit_now = DOC_TIME_LIMIT_S  # the running job's limit, for the message when it goes off

_worker: tuple[list[Part], str, Settings, OfflineEngine] | None = None
_preparer: tuple[list[Part], Settings] | None = None
_patterns_saved = False


def collect_again() -> None:
    """Turn the garbage collector back on, if `prfaq critique`'s start-up turned it off, setting
    aside what start-up built (gc.freeze): the modules, the question bank, the compiled patterns.

    They live as long as the process, and the collector's passes over them during start-up and the
    workers' warm-up freed next to nothing: some 160 passes, ~190 ms before the first document
    (measured with gc.callbacks, on a loaded machine), all of it before the workers exist. Frozen,
    they are not scanned again, neither here nor in the forked workers (nor do those passes touch,
    and so copy, the pages the workers share with this process). Called before the fork, and
    before the documents when no worker processes are used."""
    import gc

    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class OfflinePool:
    """A fork-based process pool running offline jobs; `job` blocks until its document is done."""

    def __init__(self, parts: list[Part], key: str, settings: Settings, workers: int) -> None:
        import multiprocessing

        self.workers = workers
        engine = _engine_for_workers(parts, settings)
        collect_again()
        self.pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                                        initializer=_start_worker,
                                        initargs=(parts, key, settings, engine, os.getpid()))
        self.pool.submit(_ready).result()  # forks every worker now, while this process has one thread

    @classmethod
    def for_run(cls, documents: int, parts: list[Part], key: str, settings: Settings) -> OfflinePool | None:
        import multiprocessing

        cores = cpu_count()
        if (settings.has_endpoint or documents < OFFLINE_MIN_DOCS or cores < 2 or not sys.platform.startswith("linux")
                or "fork" not in multiprocessing.get_all_start_methods()):
            return None
        return cls(parts, key, settings, min(cores, documents))

    def job(self, source: DocSource) -> JobOutcome:
        return self.pool.submit(_run_in_worker, source).result()

    def close(self, *, cancel: bool) -> None:
        self.pool.shutdown(wait=not cancel, cancel_futures=cancel)


class PreparePool:
    """For a run with a model: the offline parts of each document (loading, the instruction check,
    the score, the review's rules) in worker processes, while the main process's threads make
    the model calls. Those threads share one GIL; at --concurrency 32 the offline parts were
    half of the CPU they spent per document, so a fast endpoint waited for the client.

    The workers are forked when the pool is made, like OfflinePool's, before the run's threads start."""

    def __init__(self, parts: list[Part], settings: Settings, workers: int) -> None:
        import multiprocessing

        self.workers = workers
        collect_again()
        self.pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                                        initializer=_start_preparer, initargs=(parts, settings, os.getpid()))
        self.pool.submit(_ready).result()

    @classmethod
    def for_run(cls, documents: int, parts: list[Part], settings: Settings) -> PreparePool | None:
        import multiprocessing

        cores = cpu_count()
        if (not settings.has_endpoint or not {"score", "review"} & set(parts) or documents < PROCESS_MIN_DOCS
                or cores < 2 or not sys.platform.startswith("linux")
                or "fork" not in multiprocessing.get_all_start_methods()):
            return None
        # One core stays with the main process: its threads turn the model's answers into results.
        return cls(parts, settings, max(1, min(cores - 1, documents)))

    def prepare(self, source: DocSource) -> Prepared | None:
        """The document's offline parts, or None if the worker could not work them out (the job
        then does them itself, and reports any error the usual way)."""
        try:
            return self.pool.submit(_prepare_in_worker, source).result()
        except Exception:  # a worker that died (BrokenProcessPool), a result that would not unpickle
            return None

    def close(self, *, cancel: bool) -> None:
        self.pool.shutdown(wait=not cancel, cancel_futures=cancel)


def _start_preparer(parts: list[Part], settings: Settings, parent: int) -> None:
    global _preparer
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent(parent)
    _preparer = (parts, settings)


def _prepare_in_worker(source: DocSource) -> Prepared | None:
    """`prepare`, under the same time limit as an offline job; None if it fails or runs out of time."""
    assert _preparer is not None, "worker not initialised"
    parts, settings = _preparer
    signal.signal(signal.SIGALRM, _out_of_time)
    try:
        _start_clock(source)
        try:
            return prepare(source, parts, settings)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except Exception:  # TooSlow included
        return None


def _engine_for_workers(parts: list[Part], settings: Settings) -> OfflineEngine:
    """The offline engine every worker inherits, with what each would otherwise load on its first
    document loaded once here, before the fork: the modules of the questions and the review (whose
    patterns compile on import), the question bank and its questions' concepts, the personas and their
    keyword patterns. The workers share it copy-on-write instead of each building it again (about
    0.2 s of CPU per worker). No document is read here: that would open the sentence-vector store,
    whose SQLite connection must not cross a fork."""
    from assistant.engines.offline import OfflineEngine

    engine = OfflineEngine(settings)
    if "questions" in parts:
        _warm_up_questions()
    if "review" in parts:
        engine.warm_up_review()
    return engine


def _warm_up_questions() -> None:
    from assistant import semantic
    from assistant.questions.bank import load_asked_rates, load_bank
    from assistant.questions.offline import questions_offline  # noqa: F401  imports the judging modules
    from assistant.questions.ranker import load_weights
    from assistant.questions.select import _faq_index

    semantic.enabled()  # imports the model's package (and numpy); loads no model
    bank = load_bank()
    bank.literal_index  # noqa: B018
    bank.context_patterns  # noqa: B018
    for question in bank.questions:
        question.subject, question.key_concepts  # noqa: B018
    _faq_index(bank)
    load_asked_rates()
    load_weights()


def _start_worker(parts: list[Part], key: str, settings: Settings, engine: OfflineEngine, parent: int) -> None:
    global _worker

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent(parent)
    _worker = (parts, key, settings, engine)


def _die_with_parent(parent: int) -> None:
    """If the main process is killed (kill -9, a test's timeout), its workers must not live on:
    their task pipe is held open by their siblings, so they would never see it close. The kernel
    kills them when the parent dies (PR_SET_PDEATHSIG); a parent already gone is checked after."""
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG = 1
    except (OSError, AttributeError):
        pass  # not Linux: processes are only used on Linux anyway
    if os.getppid() != parent:
        os._exit(1)


def _ready() -> None:
    """A no-op: submitting it makes the pool fork its workers."""


def _run_in_worker(source: DocSource) -> JobOutcome:
    """One document, with a time limit: a pathological input (a 1 MB line, a 10,000-row table)
    must not hold a core for many minutes while the rest of the folder waits. The alarm raises
    TooSlow inside the job, which becomes the document's error line."""
    assert _worker is not None, "worker not initialised"
    parts, key, settings, engine = _worker
    signal.signal(signal.SIGALRM, _out_of_time)
    try:
        _start_clock(source)
        try:
            return run_job(source, parts, engine, settings, key)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            _save_patterns()
    except TooSlow as exc:  # went off outside run_job's own try (setting up, or building the line)
        return crashed(source, exc)


def _save_patterns() -> None:
    """A worker compiles the question bank's patterns on its first document: keep them for the
    next run (the worker ends without running the main process's exit code). Only after the
    first: later documents add only patterns made from their own words. The memos go with them
    (`assistant.datacache`: the review's and the questions' pattern literals, the words' syllables
    and frequencies), which only workers fill in a run over a folder: without this, every run's
    workers parsed the same patterns and syllabified the same words again on their first document."""
    global _patterns_saved
    if _patterns_saved:
        return
    _patterns_saved = True
    from assistant import datacache, patterncache

    patterncache.save()
    datacache.save_memos()


def time_limit(source: DocSource) -> float:
    """How long one document may take in a worker: DOC_TIME_LIMIT_S, and more for a long one."""
    extra = max(0, (source.size or 0) - _LIMIT_FREE_BYTES) / 1_000_000 * DOC_TIME_PER_MB_S
    return DOC_TIME_LIMIT_S + extra


def _start_clock(source: DocSource) -> None:
    global _limit_now
    _limit_now = time_limit(source)
    signal.setitimer(signal.ITIMER_REAL, _limit_now)


def _out_of_time(signum: int, frame: object) -> None:
    raise TooSlow(f"gave up after {_limit_now:g} s: the offline analysis of this document is too slow "
                  "(it is probably far longer or more repetitive than a PR/FAQ); split or shorten it")
