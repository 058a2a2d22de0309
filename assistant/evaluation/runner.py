"""Run suites over a matrix of models and prompt folders, `--repeat` samples each, into a run folder.

A run folder holds config.json (what decides the figures), results.jsonl (one line per case,
cell and sample, appended as each finishes) and the reports. Giving `--out` an existing run
folder resumes it: lines already there are not redone (errors are), so an interrupted run
loses at most the cases that were in flight. Each cell has one Gateway, so its calls share
the HTTP client, the in-flight bound and the response cache: a re-run of an unchanged prompt
and model costs no requests.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, cast

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assistant.config import Settings
from assistant.errors import InputError, PrfaqError
from assistant.evaluation.models import (
    CaseResult,
    Cell,
    CellUsage,
    Comparison,
    LoadedSuite,
    PromptVersion,
    RunConfig,
    RunReport,
    SuiteNote,
)
from assistant.llm.gateway import Gateway
from assistant.prompts import PromptSpec

if TYPE_CHECKING:
    from assistant.engines.base import Engine
    from assistant.evaluation.tasks import CellContext

CONFIG_NAME = "config.json"
RESULTS_NAME = "results.jsonl"
OUTPUT_CHARS = 6000  # how much of a produced draft a results line keeps, for the report's worst cases
ENDPOINT_FAILURE_KINDS = frozenset({"unreachable", "auth", "timeout", "rate_limited", "server_error"})
MAX_ENDPOINT_FAILURES_IN_A_ROW = 3
DETERMINISTIC_CELL = "det"


class EvalGateway(Gateway):
    """A Gateway whose cache keys also name the repeat sample: sample 0 shares the ordinary cache
    (what `prfaq draft` stored is reused), samples 1..K-1 each get their own entries, so K samples
    are K answers, and re-running the same K samples is still free."""

    sample: int = 0

    def _cache_key(self, spec: PromptSpec, messages: list[dict[str, str]], schema: type[BaseModel] | None,
                   temperature: float) -> str:
        key = super()._cache_key(spec, messages, schema, temperature)
        if self.sample == 0:
            return key
        return hashlib.sha256(f"{key}:eval-sample:{self.sample}".encode()).hexdigest()


class RunOptions(BaseModel):
    model_config = ConfigDict(arbitrary_types_allowed=True)

    suites: list[str] = Field(default_factory=list)  # names or suite files; empty = every shipped suite
    models: list[str] = Field(default_factory=list)
    prompts_dirs: list[Path] = Field(default_factory=list)
    repeat: int = Field(default=1, ge=1)
    out: Path | None = None
    compare: str | None = None
    dataset: Path | None = None
    settings: Settings


class EvalOutcome(BaseModel):
    out_dir: Path
    report: RunReport
    comparison: Comparison | None = None
    resumed: int = 0  # results reused from an earlier, interrupted invocation


Say = Callable[[str], None]


# -- the results file ----------------------------------------------------------------------------
class ResultsFile:
    """results.jsonl: each line written whole in one append, so a killed run leaves at most one
    torn last line, which the next run cuts off before reading."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()

    def read(self) -> list[CaseResult]:
        """Every readable line; for a key seen twice (an error redone), the last line wins."""
        if not self.path.exists():
            return []
        self._repair()
        latest: dict[tuple[str, str, str, int], CaseResult] = {}
        for line in self.path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            try:
                result = CaseResult.model_validate_json(line)
            except ValidationError:
                continue
            latest[result.key] = result
        return list(latest.values())

    def _repair(self) -> None:
        data = self.path.read_bytes()
        if data and not data.endswith(b"\n"):
            with open(self.path, "r+b") as handle:
                handle.truncate(data.rfind(b"\n") + 1)

    def append(self, result: CaseResult) -> None:
        line = (result.model_dump_json() + "\n").encode("utf-8")
        with self._lock:
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            try:
                os.write(fd, line)
            finally:
                os.close(fd)


def write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


# -- planning ------------------------------------------------------------------------------------
def resolve_run_dir(run: str) -> Path:
    """A run given as a folder, or as an id under evals/runs/."""
    from assistant.evaluation.suites import runs_dir

    for candidate in (Path(run).expanduser(), runs_dir() / run):
        if (candidate / CONFIG_NAME).is_file():
            return candidate
    raise InputError(f"no eval run at {run!r} (need a folder with {CONFIG_NAME}, or a run id under {runs_dir()})")


def read_config(run_dir: Path) -> RunConfig:
    try:
        return RunConfig.model_validate_json((run_dir / CONFIG_NAME).read_text(encoding="utf-8"))
    except (OSError, ValidationError) as exc:
        raise InputError(f"{run_dir / CONFIG_NAME}: not a readable eval run config ({type(exc).__name__})") from None


def load_suites(options: RunOptions) -> list[LoadedSuite]:
    from assistant.evaluation.suites import available_suites, find_suite, load_suite, load_suite_spec

    names = options.suites
    if not names and options.compare:
        names = read_config(resolve_run_dir(options.compare)).suites
    if not names:
        names = list(available_suites())
    if not names:
        raise InputError("no eval suites found; give a suite file")
    if options.dataset is not None and not options.dataset.exists():
        raise InputError(f"--dataset {options.dataset} does not exist")
    paths = list(dict.fromkeys(find_suite(n) for n in names))
    return [load_suite(load_suite_spec(p), options.dataset) for p in paths]


def plan_cells(options: RunOptions) -> tuple[list[Cell], list[str]]:
    settings = options.settings
    for folder in options.prompts_dirs:
        if not folder.is_dir():
            raise InputError(f"--prompts-dir {folder} is not a folder")
    if not settings.has_endpoint:
        notes = []
        if options.models or options.prompts_dirs:
            notes.append("offline engine: --model and --prompts-dir do not change it, so the matrix is one cell "
                         f"({settings.offline_reason})")
        return [Cell(id="c0", engine="offline")], notes
    models = list(dict.fromkeys(options.models)) or [settings.model]
    folders: list[str | None] = [str(p.resolve()) for p in dict.fromkeys(options.prompts_dirs)] or [None]
    cells = [Cell(id=f"c{i}", engine="llm", model=m, prompts_dir=f)
             for i, (m, f) in enumerate((m, f) for m in models for f in folders)]
    return cells, []


def prompt_versions(prompts_dir: str | None) -> list[PromptVersion]:
    """Every prompt a cell could load, the user's folder winning over the built-ins by name."""
    from assistant.prompts import builtin_prompts_dir, load_prompt

    folders = [builtin_prompts_dir()] + ([Path(prompts_dir)] if prompts_dir else [])
    names: dict[str, None] = {}
    for folder in folders:
        for path in sorted(folder.rglob("*.yaml")):
            names[path.relative_to(folder).with_suffix("").as_posix()] = None
    versions = []
    for name in sorted(names):
        try:
            spec = load_prompt(name, Path(prompts_dir) if prompts_dir else None)
        except PrfaqError:
            continue  # not a prompt file (or unreadable): the run would fail on it where it is used
        versions.append(PromptVersion(name=name, version=spec.version, sha256=spec.sha256, path=spec.path))
    return versions


def build_config(options: RunOptions, suites: list[LoadedSuite], cells: list[Cell]) -> RunConfig:
    from assistant import __version__
    from assistant.clarity.rules import RULE_SET_VERSION

    settings = options.settings
    now = datetime.now(timezone.utc)
    run_id = f"{now:%Y%m%d-%H%M%S}-{secrets.token_hex(2)}"
    return RunConfig(
        run_id=run_id, created=now.isoformat(timespec="seconds"), package_version=__version__,
        rule_set_version=RULE_SET_VERSION, suites=[s.spec.name for s in suites],
        suite_files={s.spec.name: s.spec.sha256 for s in suites}, cells=cells,
        prompts={c.id: prompt_versions(c.prompts_dir) for c in cells if c.engine == "llm"},
        models=sorted({c.model for c in cells if c.model}),
        endpoint=settings.effective_base_url if settings.has_endpoint else None,
        prompts_dirs=[c.prompts_dir for c in cells if c.engine == "llm"] or [None],
        repeat=options.repeat, use_cache=settings.use_cache,
        dataset_override=str(options.dataset.resolve()) if options.dataset else None,
    )


def open_run_dir(options: RunOptions, config: RunConfig) -> tuple[Path, RunConfig]:
    """The run folder: new, or an earlier run of the same configuration to resume."""
    from assistant.evaluation.suites import runs_dir

    out = options.out or runs_dir() / config.run_id
    if out.exists() and not out.is_dir():
        raise InputError(f"--out {out} is a file; give a folder")
    existing = out / CONFIG_NAME
    if existing.is_file():
        earlier = read_config(out)
        if earlier.fingerprint() != config.fingerprint():
            changed = [k for k, v in config.fingerprint().items() if earlier.fingerprint().get(k) != v]
            raise InputError(f"{out} holds a different eval run (changed: {', '.join(changed)}); choose another "
                             "--out to keep both")
        config = config.model_copy(update={"run_id": earlier.run_id, "created": earlier.created})
    elif out.is_dir() and (out / RESULTS_NAME).exists():
        raise InputError(f"{out} has {RESULTS_NAME} but no {CONFIG_NAME}; choose another --out")
    out.mkdir(parents=True, exist_ok=True)
    write_atomic(out / CONFIG_NAME, config.model_dump_json(indent=2) + "\n")
    return out, config


# -- running -------------------------------------------------------------------------------------
def cell_settings(base: Settings, cell: Cell) -> Settings:
    if cell.engine != "llm":
        return base.model_copy(update={"offline": True})
    return base.model_copy(update={"model": cell.model or base.model,
                                   "prompts_dir": Path(cell.prompts_dir) if cell.prompts_dir else None})


def make_context(base: Settings, cell: Cell) -> CellContext:
    from assistant.evaluation.tasks import CellContext

    settings = cell_settings(base, cell)
    if cell.engine != "llm":
        from assistant.engines.offline import OfflineEngine

        return CellContext(cell, settings, cast("Engine", OfflineEngine(settings)), None)
    from assistant.engines.llm import LLMEngine

    gateway = EvalGateway(settings)
    return CellContext(cell, settings, cast("Engine", LLMEngine(settings, gateway=gateway)), gateway)


def evaluate_case(loaded: LoadedSuite, case_index: int, ctx: CellContext, sample: int) -> CaseResult:
    from assistant.evaluation.graders import grade_case
    from assistant.evaluation.tasks import run_task

    suite, case = loaded.spec, loaded.cases[case_index]
    started = time.monotonic()
    base = CaseResult(suite=suite.name, cell=ctx.cell.id, case_id=case.id, source=case.source, sample=sample)
    try:
        output = run_task(suite, case, ctx)
    except PrfaqError as exc:
        return base.model_copy(update={"status": "error", "error": f"{type(exc).__name__}: {exc}",
                                       "error_kind": getattr(exc, "kind", type(exc).__name__),
                                       "duration_ms": _ms(started)})
    graders = grade_case(case, output, suite)
    status = "skipped" if output.skip_reason and all(g.skipped for g in graders) else "ok"
    keep = output.text[:OUTPUT_CHARS] if suite.task == "draft" and output.text else None
    return base.model_copy(update={"status": status, "error": output.skip_reason or None, "graders": graders,
                                   "output": keep, "duration_ms": _ms(started)})


def _ms(started: float) -> int:
    return int((time.monotonic() - started) * 1000)


class _Breaker:
    """Stops the run when the endpoint itself keeps failing, instead of failing every case."""

    def __init__(self) -> None:
        self.in_a_row = 0

    def record(self, result: CaseResult, out: Path) -> None:
        from assistant.llm.errors import LLMError

        failed_at_endpoint = result.status == "error" and result.error_kind in ENDPOINT_FAILURE_KINDS
        self.in_a_row = self.in_a_row + 1 if failed_at_endpoint else 0
        if self.in_a_row >= MAX_ENDPOINT_FAILURES_IN_A_ROW:
            raise LLMError(f"stopped: {self.in_a_row} cases in a row failed at the endpoint "
                           f"({result.error}); fix it and resume with --out {out}")


def _pending(loaded: LoadedSuite, cell: Cell, sample: int, done: set[tuple[str, str, str, int]]) -> Iterator[int]:
    for index, case in enumerate(loaded.cases):
        if (loaded.spec.name, cell.id, case.id, sample) not in done:
            yield index


def run_cell_sample(loaded: LoadedSuite, ctx: CellContext, sample: int, pending: list[int],
                    results: ResultsFile, out: Path) -> None:
    breaker = _Breaker()
    if ctx.gateway is None:
        for index in pending:
            result = evaluate_case(loaded, index, ctx, sample)
            results.append(result)
        return
    if isinstance(ctx.gateway, EvalGateway):
        ctx.gateway.sample = sample
    workers = max(1, min(ctx.settings.max_in_flight, len(pending)))
    # Cases run concurrently; the gateway's own semaphore bounds the requests in flight.
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="prfaq-eval") as pool:
        queue = iter(pending)
        running: set[Future[CaseResult]] = set()
        try:
            for index in queue:
                running.add(pool.submit(evaluate_case, loaded, index, ctx, sample))
                if len(running) >= workers:
                    finished, running = _drain(running, results, breaker, out)
            while running:
                finished, running = _drain(running, results, breaker, out)
        except BaseException:
            for future in running:
                future.cancel()
            raise


def _drain(running: set[Future[CaseResult]], results: ResultsFile, breaker: _Breaker, out: Path
           ) -> tuple[set[Future[CaseResult]], set[Future[CaseResult]]]:
    finished, still = wait(running, return_when=FIRST_COMPLETED)
    for future in finished:
        result = future.result()
        results.append(result)
        breaker.record(result, out)
    return finished, set(still)


def run_eval(options: RunOptions, say: Say | None = None) -> EvalOutcome:
    """Run (or resume) the suites over the matrix, then write the reports (and the comparison)."""
    from assistant.evaluation.tasks import uses_model

    tell = say or (lambda message: None)
    suites = load_suites(options)
    cells, matrix_notes = plan_cells(options)
    model_free = [s for s in suites if not any(uses_model(s.spec, c) for c in cells)]
    if cells[0].engine == "llm" and model_free:
        cells = [*cells, Cell(id=DETERMINISTIC_CELL, engine="offline")]
    config = build_config(options, suites, cells)
    out, config = open_run_dir(options, config)
    results = ResultsFile(out / RESULTS_NAME)
    earlier = results.read()
    done = {r.key for r in earlier if r.status != "error"}
    notes = [SuiteNote(suite="(matrix)", note=n) for n in matrix_notes]
    usage: list[CellUsage] = []
    contexts = {c.id: make_context(options.settings, c) for c in cells}
    tell(f"prfaq eval: run folder {out}" + (f" (resuming: {len(done)} results kept)" if done else ""))
    try:
        for loaded in suites:
            notes.extend(_run_suite(loaded, cells, contexts, options.repeat, done, results, out, tell))
    except KeyboardInterrupt:
        tell(f"prfaq eval: interrupted; finished cases are kept in {out / RESULTS_NAME}. Resume with the same "
             f"command plus --out {out}")
        raise
    for cell_id, ctx in contexts.items():
        if ctx.gateway is not None:
            u = ctx.gateway.usage
            usage.append(CellUsage(cell=cell_id, calls=u.calls, requests=u.requests, cache_hits=u.cache_hits,
                                   prompt_tokens=u.prompt_tokens, completion_tokens=u.completion_tokens,
                                   cost_usd=round(u.cost_usd, 6)))
    return finish_run(out, config, suites, notes, usage, options.compare, resumed=len(done))


def _run_suite(loaded: LoadedSuite, cells: list[Cell], contexts: dict[str, CellContext], repeat: int,
               done: set[tuple[str, str, str, int]], results: ResultsFile, out: Path, tell: Say) -> list[SuiteNote]:
    from assistant.evaluation.tasks import uses_model

    spec = loaded.spec
    notes = [SuiteNote(suite=spec.name, note=n) for n in loaded.notes]
    for cell in _cells_for(loaded, cells):
        ctx = contexts[cell.id]
        if spec.needs_endpoint and not ctx.has_model:
            notes.append(SuiteNote(suite=spec.name, note=f"{spec.task} needs an endpoint (set OPENAI_BASE_URL or "
                                                         "pass --base-url); skipped on the offline engine"))
            continue
        samples = repeat if uses_model(spec, cell) else 1
        if samples < repeat:
            notes.append(SuiteNote(suite=spec.name, note=f"deterministic in {cell.label}: one sample, not --repeat"))
        for sample in range(samples):
            pending = list(_pending(loaded, cell, sample, done))
            tell(f"prfaq eval: {spec.name} [{cell.label}] sample {sample + 1}/{samples}: "
                 f"{len(pending)} of {len(loaded.cases)} cases to run")
            run_cell_sample(loaded, ctx, sample, pending, results, out)
    return notes


def _cells_for(loaded: LoadedSuite, cells: list[Cell]) -> list[Cell]:
    from assistant.evaluation.tasks import uses_model

    model_cells = [c for c in cells if c.id != DETERMINISTIC_CELL]
    if any(uses_model(loaded.spec, c) for c in model_cells):
        return model_cells
    det = [c for c in cells if c.id == DETERMINISTIC_CELL]
    return det or model_cells[:1]


def finish_run(out: Path, config: RunConfig, suites: list[LoadedSuite], notes: list[SuiteNote],
               usage: list[CellUsage], compare: str | None, resumed: int = 0) -> EvalOutcome:
    from assistant.evaluation.compare import compare_runs, load_run
    from assistant.evaluation.report import build_report, render_html, render_markdown

    results = ResultsFile(out / RESULTS_NAME).read()
    specs = {s.spec.name: s.spec for s in suites}
    report = build_report(config, specs, results, notes, usage)
    comparison = None
    if compare:
        base_dir = resolve_run_dir(compare)
        base_config, base_results = load_run(base_dir)
        comparison = compare_runs(base_config, base_results, config, results, specs)
        write_atomic(out / "compare.json", comparison.model_dump_json(indent=2) + "\n")
    write_atomic(out / "report.json", report.model_dump_json(indent=2) + "\n")
    write_atomic(out / "report.md", render_markdown(report, comparison))
    write_atomic(out / "report.html", render_html(report, comparison))
    return EvalOutcome(out_dir=out, report=report, comparison=comparison, resumed=resumed)

