"""`prfaq critique` over many documents: a pool of workers, the journal, resume, progress,
rate limits, the circuit breaker and a clean stop on Ctrl-C.

Threads, not processes: with an endpoint the work is waiting on the network, and the gateway's
semaphore bounds the requests in flight across all documents and personas (--concurrency).
The workers are daemon threads fed from a queue, and only the main thread writes the journal:
on Ctrl-C the main thread stops handing out documents, closes the limiter's gate (requests not
yet sent fail at once), keeps every line already written and returns without waiting for
requests still on the wire, whose documents are simply redone by the next run.
With many documents, each one's offline parts (loading, the score, the review's rules) are
worked out in a worker process (assistant.batch.processes.PreparePool), so the threads' one GIL
is left to the model calls.
"""

from __future__ import annotations

import contextlib
import queue
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.batch.gateways import ENDPOINT_KINDS
from assistant.batch.job import JobOutcome, crashed, run_job
from assistant.batch.journal import Journal
from assistant.batch.limiter import RequestLimiter
from assistant.batch.models import ALL_PARTS, CritiqueSummary, DocResult, DocSource, Part
from assistant.errors import ConfigError
from assistant.llm.errors import LLMError

if TYPE_CHECKING:
    from assistant.batch.processes import PreparePool
    from assistant.config import Settings
    from assistant.engines.base import Engine
    from assistant.llm.gateway import Gateway

BREAKER_THRESHOLD = 3  # documents in a row failing because of the endpoint
GRACE_SECONDS = 3.0  # how long a stopping run waits for documents already being worked on
PROGRESS_MIN_DOCS = 20  # below this, no progress bar unless stderr is a terminal


def parse_only(only: str | Sequence[str] | None) -> list[Part]:
    """'score,questions' (or a list) -> the parts to run, in their fixed order."""
    if only is None:
        return list(ALL_PARTS)
    names = [n.strip() for n in (only.split(",") if isinstance(only, str) else only) if n.strip()]
    unknown = [n for n in names if n not in ALL_PARTS]
    if unknown or not names:
        raise ConfigError(f"--only takes a comma-separated list of {', '.join(ALL_PARTS)} (got {','.join(names)!r})")
    return [p for p in ALL_PARTS if p in names]


def run_critique(
    paths: Sequence[Path],
    out: Path | None,
    settings: Settings,
    *,
    only: str | Sequence[str] | None = None,
    resume: bool = True,
    dry_run: bool = False,
    provider_batch: bool = False,
    rpm: float | None = None,
    tpm: float | None = None,
    progress: bool | None = None,
    default_out: Path | None = None,
) -> CritiqueSummary:
    """Critique documents; with `out`, append each result to out/results.jsonl as it finishes and
    write summary.md and report.html at the end. Without `out`, results stay in memory, unless
    there is more than one document and a `default_out` is given (the CLI's ./prfaq-critique)."""
    from assistant.batch.discover import discover
    from assistant.batch.keys import settings_key

    parts = parse_only(only)
    _check_rates(rpm, tpm)
    _check_out(out)
    sources = discover(paths, out_dir=out or default_out, max_bytes=settings.max_input_bytes)
    if out is None and len(sources) > 1:
        out = default_out
        _check_out(out)
    key = settings_key(settings, parts)
    summary = CritiqueSummary(engine=settings.engine_name, model=settings.model if settings.has_endpoint else None,
                              only=parts, out_dir=str(out) if out else None, documents=len(sources))
    if dry_run:
        from assistant.batch.estimate import plan_run

        done = _finished(Journal(out).peek(), sources, key) if (out is not None and resume) else {}
        summary.plan = plan_run(sources, done, parts, settings)
        summary.skipped = len(done)
        return summary
    if provider_batch and not settings.has_endpoint:
        raise ConfigError("--provider-batch needs an endpoint with the Batch API (set OPENAI_BASE_URL/OPENAI_API_KEY)")
    if out is None:
        return _run_in_memory(sources, parts, key, settings, summary, provider_batch, rpm, tpm, progress)
    journal = Journal(out)
    journal.lock()
    try:
        return _run_with_journal(journal, sources, parts, key, settings, summary, resume=resume,
                                 provider_batch=provider_batch, rpm=rpm, tpm=tpm, progress=progress)
    finally:
        journal.close()


def _check_out(out: Path | None) -> None:
    if out is not None and out.exists() and not out.is_dir():
        raise ConfigError(f"--out {out} is a file; give a folder for results.jsonl, summary.md and report.html")


def _check_rates(rpm: float | None, tpm: float | None) -> None:
    for name, value in (("--rpm", rpm), ("--tpm", tpm)):
        if value is not None and value <= 0:
            raise ConfigError(f"{name} must be a positive number (got {value:g})")


def _finished(lines: list[DocResult], sources: list[DocSource], key: str) -> dict[str, DocResult]:
    """The documents of this run that already have an ok line for the same content and settings."""
    wanted = {s.path: s.sha256 for s in sources if s.sha256}
    return {line.path: line for line in lines
            if line.ok and line.settings_key == key and wanted.get(line.path) == line.sha256}


def _run_with_journal(journal: Journal, sources: list[DocSource], parts: list[Part], key: str, settings: Settings,
                      summary: CritiqueSummary, *, resume: bool, provider_batch: bool, rpm: float | None,
                      tpm: float | None, progress: bool | None) -> CritiqueSummary:
    if not resume:
        moved = journal.move_aside()
        summary.moved_aside = str(moved) if moved else None
    contents = journal.read()
    done = _finished(contents.results, sources, key)
    in_run = {s.path for s in sources}
    # Lines of this run's documents that will be redone are superseded: drop them now so the file
    # never holds two lines for one document. Keep a copy first if a finished result would go.
    keep = [line for line in contents.results if line.path not in in_run or line.path in done]
    dropped = [line for line in contents.results if line.path in in_run and line.path not in done]
    if dropped or contents.duplicates or contents.unreadable:
        if any(line.ok for line in dropped) or contents.unreadable:
            aside = journal.copy_aside()
            summary.moved_aside = str(aside) if aside else summary.moved_aside
        journal.rewrite(keep)
    journal.open_for_append()
    to_run = [s for s in sources if s.path not in done]
    summary.skipped = len(sources) - len(to_run)
    written = _execute(to_run, parts, key, settings, summary, provider_batch=provider_batch, rpm=rpm, tpm=tpm,
                       progress=progress, on_result=journal.append, batch_state=journal.out_dir)
    finished = {r.path: r for r in [*done.values(), *written]}
    summary.results = [finished[s.path] for s in sources if s.path in finished]
    _tally(summary, written)
    from assistant.batch.outputs import write_outputs

    # The journal now holds exactly `keep` and then `written`: report on that without re-reading it.
    summary.outputs = write_outputs(journal.out_dir, [*keep, *written])
    return summary


def _run_in_memory(sources: list[DocSource], parts: list[Part], key: str, settings: Settings,
                   summary: CritiqueSummary, provider_batch: bool, rpm: float | None, tpm: float | None,
                   progress: bool | None) -> CritiqueSummary:
    written = _execute(sources, parts, key, settings, summary, provider_batch=provider_batch, rpm=rpm, tpm=tpm,
                       progress=progress, on_result=None, batch_state=None)
    summary.results = written
    _tally(summary, written)
    return summary


def _tally(summary: CritiqueSummary, written: list[DocResult]) -> None:
    summary.processed = len(written)
    summary.ok = sum(1 for r in summary.results if r.ok)
    summary.failed = sum(1 for r in summary.results if not r.ok)
    summary.not_started = summary.documents - summary.skipped - len(written)
    summary.calls = sum(r.calls for r in written)
    summary.cache_hits = sum(r.cache_hits for r in written)
    summary.tokens = sum(r.tokens for r in written)
    summary.cost_usd = round(sum(r.cost_usd for r in written), 6)


# -- the pool ----------------------------------------------------------------------------------
class _EngineFactory:
    """Engines for the documents: one offline engine, or an LLM engine per document on a view of
    the run's single gateway (shared client, semaphore, limiter, cache; own accounting)."""

    def __init__(self, settings: Settings, limiter: RequestLimiter) -> None:
        self.settings = settings
        self.shared: Gateway | None = None
        self.offline: Engine | None = None
        if settings.has_endpoint:
            from assistant.batch.gateways import shared_gateway

            self.shared = shared_gateway(settings, limiter)
            _warm_up_imports(settings)
        else:
            from assistant.engines.offline import OfflineEngine

            self.offline = OfflineEngine(settings)

    def for_document(self) -> tuple[Engine, list[LLMError]]:
        if self.offline is not None:
            return self.offline, []
        from assistant.batch.gateways import document_view
        from assistant.engines.llm import LLMEngine

        assert self.shared is not None
        view = document_view(self.shared)
        return LLMEngine(self.settings, gateway=view), view.failures


@contextlib.contextmanager
def _quiet_warnings(quiet: bool) -> Iterator[None]:
    """In a many-document run every failure is reported on its document's line, so the job
    modules' warnings (a lens that failed, say) would only scroll the progress bar away. Unless
    the user configured logging (PRFAQ_LOG_LEVEL), they are not printed during the run."""
    import logging

    logger = logging.getLogger("prfaq")
    if not quiet or logger.handlers or logging.getLogger().handlers:
        yield
        return
    silent = logging.NullHandler()
    logger.addHandler(silent)
    try:
        yield
    finally:
        logger.removeHandler(silent)


def _warm_up_imports(settings: Settings) -> None:
    """Import what every document's job needs once, before the workers start: otherwise a dozen
    workers queue on the import lock for langchain-core and the rules' word lists at once."""
    from assistant.prompts import load_prompt

    load_prompt("system.reask", settings.prompts_dir).template()  # loads langchain-core's prompts
    warm_up_offline_data()


def warm_up_offline_data() -> None:
    """Load the rules' data once, in this process, before workers start.

    wordfreq's word list, pyphen's dictionary and the question bank are each loaded on first use
    behind an lru_cache, which does not stop two threads from loading at the same time: at
    --concurrency 32, every thread's first document loaded wordfreq's 1 MB list itself (a
    quarter of a second of CPU each, under one GIL). (Offline runs warm up differently: their
    documents go to worker processes, one per core, forked after `processes._engine_for_workers`
    has loaded the modules, the bank and the personas; the word lists are left to each worker,
    since loading them before the fork measured no faster.)"""
    from assistant.clarity import score_document
    from assistant.documents import parse_document
    from assistant.questions.bank import load_bank

    score_document(parse_document("# Warm-up\n\nA short sentence for the word lists.\n", path="warm-up.md"))
    load_bank().literal_index  # noqa: B018 - builds the cue index once


def worker_count(settings: Settings, documents: int) -> int:
    """Documents worked on at once (threads). With a model, one more than the request slots, so a
    slot freed by a document doing local work (loading, scoring) finds another request waiting.
    Offline the work is CPU-bound under the GIL: two threads; many documents go to processes."""
    wanted = settings.max_in_flight + 1 if settings.has_endpoint else 2
    return max(1, min(wanted, documents))


def _execute(to_run: list[DocSource], parts: list[Part], key: str, settings: Settings, summary: CritiqueSummary,
             *, provider_batch: bool, rpm: float | None, tpm: float | None, progress: bool | None,
             on_result: Callable[[DocResult], None] | None, batch_state: Path | None) -> list[DocResult]:
    started = time.monotonic()
    limiter = RequestLimiter(rpm, tpm)
    factory = _EngineFactory(settings, limiter)
    from assistant.batch.processes import PreparePool

    preparer = PreparePool.for_run(len(to_run), parts, settings)
    stopped = True
    try:
        written = _execute_with(to_run, parts, key, settings, summary, factory, limiter, preparer, started,
                                provider_batch=provider_batch, progress=progress, on_result=on_result,
                                batch_state=batch_state)
        stopped = summary.interrupted or summary.stopped_early is not None
        return written
    finally:
        if preparer is not None:  # a stopping run does not wait for documents not yet prepared
            preparer.close(cancel=stopped)


def _execute_with(to_run: list[DocSource], parts: list[Part], key: str, settings: Settings, summary: CritiqueSummary,
                  factory: _EngineFactory, limiter: RequestLimiter, preparer: PreparePool | None, started: float, *,
                  provider_batch: bool, progress: bool | None, on_result: Callable[[DocResult], None] | None,
                  batch_state: Path | None) -> list[DocResult]:
    if provider_batch and to_run:
        from assistant.batch.provider_batch import prefill_with_batch

        with _quiet_warnings(True):  # every call of the recording pass fails on purpose
            summary.provider_batch = prefill_with_batch(to_run, parts, key, settings, factory.shared, batch_state)

    def job(source: DocSource) -> JobOutcome:
        engine, failures = factory.for_document()
        prepared = preparer.prepare(source) if preparer is not None else None
        return run_job(source, parts, engine, settings, key, failures, prepared)

    from assistant.batch.processes import OfflinePool, collect_again

    pool = OfflinePool.for_run(len(to_run), parts, key, settings)
    collect_again()  # already done before the fork when there is a pool
    # One dispatching thread more than processes, so a worker never waits for the next document.
    workers = pool.workers + 1 if pool is not None else worker_count(settings, len(to_run))
    run = _Run(to_run, pool.job if pool is not None else job, workers, limiter, on_result,
               _progress_bar(len(to_run), progress))
    try:
        with _quiet_warnings(len(to_run) > 1):
            written = run.go()
    finally:
        if pool is not None:
            pool.close(cancel=run.stop.is_set())
    summary.interrupted = run.interrupted
    summary.stopped_early = run.stopped_early
    summary.seconds = round(time.monotonic() - started, 3)
    return written


class _Run:
    def __init__(self, to_run: list[DocSource], job: Callable[[DocSource], JobOutcome], workers: int,
                 limiter: RequestLimiter, on_result: Callable[[DocResult], None] | None, bar: _Progress) -> None:
        self.tasks: queue.Queue[DocSource] = queue.Queue()
        for source in to_run:
            self.tasks.put(source)
        self.outcomes: queue.Queue[JobOutcome] = queue.Queue()
        self.job = job
        self.workers = workers
        self.limiter = limiter
        self.on_result = on_result
        self.bar = bar
        self.stop = threading.Event()
        self.started = 0
        self.received = 0
        self.written: list[DocResult] = []
        self.interrupted = False
        self.stopped_early: str | None = None
        self._count_lock = threading.Lock()
        self._endpoint_failures_in_a_row = 0

    def go(self) -> list[DocResult]:
        total = self.tasks.qsize()
        threads = [threading.Thread(target=self._work, name=f"prfaq-critique-{i}", daemon=True)
                   for i in range(self.workers)]
        for thread in threads:
            thread.start()
        try:
            while self.received < total and not self.stop.is_set():
                self._take(timeout=0.2)
            if self.stop.is_set():
                self._drain()
        except KeyboardInterrupt:
            self._halt("interrupted by Ctrl-C")
            self.interrupted = True
            with contextlib.suppress(KeyboardInterrupt):  # a second Ctrl-C: leave now
                self._drain()
        finally:
            self.bar.close()
        return self.written

    def _work(self) -> None:
        while not self.stop.is_set():
            try:
                source = self.tasks.get_nowait()
            except queue.Empty:
                return
            with self._count_lock:
                self.started += 1
            try:
                outcome = self.job(source)
            except Exception as exc:  # run_job catches its own; this is the engine set-up failing
                outcome = crashed(source, exc)
            self.outcomes.put(outcome)

    def _take(self, timeout: float) -> bool:
        try:
            outcome = self.outcomes.get(timeout=timeout)
        except queue.Empty:
            return False
        self.received += 1
        self._record(outcome)
        return True

    def _record(self, outcome: JobOutcome) -> None:
        result = outcome.result
        if "stopped" in outcome.failure_kinds or result.error_kind == "stopped":
            return  # cut short by the stop: not a result, the next run redoes it
        if self.on_result is not None:
            self.on_result(result)
        self.written.append(result)
        self.bar.update(result)
        self._breaker(outcome)

    def _breaker(self, outcome: JobOutcome) -> None:
        result = outcome.result
        kinds = {result.error_kind, *outcome.failure_kinds}
        if result.ok:
            self._endpoint_failures_in_a_row = 0
        elif kinds & ENDPOINT_KINDS:
            self._endpoint_failures_in_a_row += 1
            if self._endpoint_failures_in_a_row >= BREAKER_THRESHOLD and not self.stop.is_set():
                self.stopped_early = (f"stopped early: the endpoint failed on {BREAKER_THRESHOLD} documents in a row "
                                      f"(last: {result.error})")
                self._halt("the endpoint keeps failing")

    def _halt(self, reason: str) -> None:
        self.stop.set()
        self.limiter.stop(f"not sent: the run is stopping ({reason})")

    def _drain(self) -> None:
        """Collect documents already being worked on, for a short grace period."""
        deadline = time.monotonic() + GRACE_SECONDS
        while self.received < self.started and time.monotonic() < deadline:
            self._take(timeout=0.1)


class _Progress:
    """tqdm on stderr: documents done, failed, tokens, estimated cost, and tqdm's time left."""

    def __init__(self, total: int, show: bool) -> None:
        self.failed = 0
        self.tokens = 0
        self.cost = 0.0
        self.bar = None
        if show and total:
            from tqdm import tqdm

            tty = sys.stderr.isatty()
            self.bar = tqdm(total=total, unit="doc", file=sys.stderr, dynamic_ncols=tty, mininterval=0.2 if tty else 5,
                            desc="critique", leave=True)

    def update(self, result: DocResult) -> None:
        if self.bar is None:
            return
        self.failed += 0 if result.ok else 1
        self.tokens += result.tokens
        self.cost += result.cost_usd
        self.bar.set_postfix_str(f"failed {self.failed}, {self.tokens:,} tokens, ~${self.cost:.4f}", refresh=False)
        self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            _stop_tqdm_monitor()


def _stop_tqdm_monitor() -> None:
    """tqdm's monitor thread (it refreshes a bar left without updates) outlives the last bar; with
    it alive the command cannot end at once (`assistant.cli._end_process`) and tears down its heap
    instead. Stopped here once no bar is left; tqdm starts another with the next bar."""
    from tqdm import tqdm

    monitor = getattr(tqdm, "monitor", None)
    if monitor is not None and not tqdm._instances:
        monitor.exit()
        tqdm.monitor = None


def _progress_bar(total: int, progress: bool | None) -> _Progress:
    show = progress if progress is not None else (sys.stderr.isatty() or total >= PROGRESS_MIN_DOCS)
    return _Progress(total, show and total > 1)
