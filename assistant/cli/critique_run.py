"""`prfaq critique` without typer: what the command does once its options are parsed.

The typer command (assistant.cli.critique) and the fast path (assistant.cli.fast) both call
`run_critique_command`; the fast path spares a plain `prfaq critique FOLDER --offline ...` the
import of typer and of every other command's module (about a tenth of a second before the first
document, when the whole folder takes a couple of seconds).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from assistant.cli.common import OutputFormat, ReportFormat

if TYPE_CHECKING:
    from assistant.batch.models import CritiqueSummary, DocResult, DryRunPlan
    from assistant.documents.models import Document

DEFAULT_OUT = Path("prfaq-critique")


def run_critique_command(
    paths: list[str],
    out: Path | None = None,
    concurrency: int | None = None,
    only: str | None = None,
    dry_run: bool = False,
    resume: bool = True,
    provider_batch: bool = False,
    rpm: float | None = None,
    tpm: float | None = None,
    format: ReportFormat = ReportFormat.md,
    offline: bool = False,
    base_url: str | None = None,
    model: str | None = None,
    no_cache: bool = False,
    prompts_dir: Path | None = None,
) -> int:
    """Critique one document (a report on stdout) or many (results.jsonl, summary.md, report.html)."""
    from assistant.batch.runner import run_critique
    from assistant.cli.common import announce_engine, settings_from_flags

    settings = settings_from_flags(offline=offline, base_url=base_url, model=model, no_cache=no_cache,
                                   prompts_dir=prompts_dir)
    if concurrency is not None:
        settings = settings.model_copy(update={"max_in_flight": concurrency})
    announce_engine(settings)
    summary = run_critique([Path(p) for p in paths], out, settings, only=only, resume=resume, dry_run=dry_run,
                           provider_batch=provider_batch, rpm=rpm, tpm=tpm, default_out=DEFAULT_OUT)
    if summary.plan is not None:
        return _show_plan(summary, summary.plan, OutputFormat.json if format is ReportFormat.json else OutputFormat.md)
    if format.annotates:
        return _show_annotations(summary, format)
    if summary.out_dir is None and len(summary.results) == 1:
        return _show_one(summary, OutputFormat(format.value))
    return _show_many(summary, OutputFormat(format.value))


def _show_plan(summary: CritiqueSummary, plan: DryRunPlan, format: OutputFormat) -> int:
    from assistant.cli.common import emit_json, emit_text

    if format is OutputFormat.json:
        emit_json(summary)
        return 0
    lines = [f"Dry run: {summary.documents} documents, engine {plan.engine}"
             + (f" ({plan.model})" if plan.model else "") + ". Nothing was sent.", ""]
    for item in plan.items:
        detail = f"{item.calls} calls, ~{item.prompt_tokens + item.completion_tokens:,} tokens" \
            if item.action == "run" else item.reason
        lines.append(f"  {item.action:<4} {item.path}: {detail}")
    runs = sum(1 for i in plan.items if i.action == "run")
    cost = f"~${plan.cost_usd:.4f}" if plan.priced else "unknown (no price for this model)"
    lines += ["", f"Would run {runs}, skip {summary.skipped}: about {plan.calls} model calls, "
                  f"{plan.prompt_tokens:,} prompt + {plan.completion_tokens:,} completion tokens, cost {cost}."]
    emit_text("\n".join(lines))
    return 0


def _show_one(summary: CritiqueSummary, format: OutputFormat) -> int:
    from assistant.batch.outputs import render_document_md
    from assistant.cli.common import emit_json, emit_text
    from assistant.errors import PrfaqError

    result = summary.results[0]
    if not result.ok and result.error_kind == "input":
        raise PrfaqError(result.error or "cannot read the document")
    if format is OutputFormat.json:
        emit_json(result)
    else:
        emit_text(render_document_md(result))
    return _exit_code(summary)


def _show_many(summary: CritiqueSummary, format: OutputFormat) -> int:
    from assistant.cli.common import emit_json, emit_text

    if format is OutputFormat.json:
        # Each document's result is already a line of results.jsonl; do not print them all again.
        emit_json(summary.model_copy(update={"results": []}) if summary.out_dir else summary)
    else:
        emit_text(_totals(summary))
    return _finish_many(summary)


def _show_annotations(summary: CritiqueSummary, format: ReportFormat) -> int:
    """--format github / sarif: every document's findings at their words (each document is read
    again for its columns; one that cannot be, such as standard input, keeps its stored lines)."""
    from assistant.cli.common import emit_annotations
    from assistant.errors import PrfaqError
    from assistant.render.annotations import critique_annotations

    if summary.out_dir is None and len(summary.results) == 1:
        result = summary.results[0]
        if not result.ok and result.error_kind == "input":
            raise PrfaqError(result.error or "cannot read the document")
    notes = [note for result in summary.results for note in critique_annotations(result, _reread(result))]
    emit_annotations(format, notes, summary=_totals(summary).splitlines(),
                     properties={"scores": {r.path: r.score for r in summary.results if r.score is not None}})
    return _finish_many(summary)


def _reread(result: DocResult) -> Document | None:
    """The document a result was made from, if the file still holds the same bytes."""
    from assistant import api
    from assistant.batch.discover import file_sha256
    from assistant.errors import PrfaqError

    path = Path(result.path)
    try:
        if not path.is_file() or file_sha256(path, 1 << 62)[0] != result.sha256:
            return None
        return api.load(path)
    except (OSError, PrfaqError):
        return None


def _finish_many(summary: CritiqueSummary) -> int:
    from assistant.cli.common import say

    if summary.moved_aside:
        say(f"prfaq: the earlier results were kept in {summary.moved_aside}")
    if summary.interrupted:
        _leave_after_interrupt(summary)
    if summary.stopped_early:
        say(f"prfaq: error: {summary.stopped_early}; {summary.not_started} documents were not started. Fix the "
            f"endpoint (prfaq doctor), then resume with: {resume_command()}")
    return _exit_code(summary)


def _totals(summary: CritiqueSummary) -> str:
    lines = [f"Critiqued {summary.processed} of {summary.documents} documents in {summary.seconds:.1f} s: "
             f"{summary.ok} ok, {summary.failed} failed"
             + (f", {summary.skipped} already done (skipped)" if summary.skipped else "")
             + (f", {summary.not_started} not started" if summary.not_started else "") + "."]
    if summary.engine == "llm":
        lines.append(f"Model calls: {summary.calls} ({summary.cache_hits} answered from the cache), "
                     f"{summary.tokens:,} tokens, about ${summary.cost_usd:.4f}.")
    if summary.provider_batch:
        lines.append(f"Provider batch: {summary.provider_batch}")
    if summary.outputs:
        lines.append("Results: " + ", ".join(summary.outputs))
    return "\n".join(lines)


def resume_command() -> str:
    import shlex
    import sys

    args = [a for a in sys.argv[1:] if a not in ("--no-resume", "--resume")]
    return "prfaq " + shlex.join(args)


def _leave_after_interrupt(summary: CritiqueSummary) -> None:
    """Ctrl-C: say what was kept and how to go on, then leave without waiting for requests still
    on the wire (their documents are redone on resume; finished lines are already on disk)."""
    import os
    import sys

    where = f" in {summary.out_dir}/results.jsonl" if summary.out_dir else ""
    print(f"prfaq: interrupted; {summary.processed} documents finished this run and were kept{where}, "
          f"{summary.not_started} not started. Resume with: {resume_command()}", file=sys.stderr)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(130)


def _exit_code(summary: CritiqueSummary) -> int:
    from assistant.errors import EXIT_CHECK_FAILED, EXIT_MODEL_FAILED

    if summary.stopped_early:
        return EXIT_MODEL_FAILED
    if summary.failed:
        return EXIT_CHECK_FAILED
    return 0
