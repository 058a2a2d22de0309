"""`prfaq critique PATH...`: score, questions and review for one document or a whole folder."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from assistant.cli.app import (
    BaseUrlOption,
    ModelOption,
    NoCacheOption,
    OfflineOption,
    OutputFormat,
    PromptsDirOption,
    ReportFormatOption,
    app,
)
from assistant.cli.common import ReportFormat

if TYPE_CHECKING:
    from assistant.batch.models import CritiqueSummary, DocResult, DryRunPlan
    from assistant.documents.models import Document

DEFAULT_OUT = Path("prfaq-critique")

PathsArgument = Annotated[
    list[str], typer.Argument(help="Documents (.md, .txt, .docx), folders (searched recursively) or - for stdin.")
]
OutOption = Annotated[
    Path | None,
    typer.Option("--out", "-o", show_default=False,
                 help=f"Folder for results.jsonl, summary.md and report.html (default for many documents: "
                      f"./{DEFAULT_OUT}). Re-running with the same folder resumes."),
]
ConcurrencyOption = Annotated[
    int | None,
    typer.Option("--concurrency", "-j", min=1, max=256, show_default=False,
                 help="At most this many model requests in flight across the whole run (default 8)."),
]
OnlyOption = Annotated[
    str | None, typer.Option("--only", show_default=False, help="A subset of score,questions,review.")
]
DryRunOption = Annotated[
    bool, typer.Option("--dry-run", help="List what would run and estimate calls, tokens and cost; spend nothing.")
]
ResumeOption = Annotated[
    bool, typer.Option("--resume/--no-resume",
                       help="Skip documents already done with the same content and settings (--no-resume "
                            "moves the old results.jsonl aside and starts over).")
]
ProviderBatchOption = Annotated[
    bool, typer.Option("--provider-batch",
                       help="Send the first round of model calls through the provider's Batch API (OpenAI files "
                            "+ batches: about half the price, up to 24 hours), then finish as usual.")
]
RpmOption = Annotated[
    float | None, typer.Option("--rpm", show_default=False, help="At most this many model requests per minute.")
]
TpmOption = Annotated[
    float | None, typer.Option("--tpm", show_default=False, help="At most this many prompt tokens per minute.")
]


@app.command()
def critique(
    paths: PathsArgument,
    out: OutOption = None,
    concurrency: ConcurrencyOption = None,
    only: OnlyOption = None,
    dry_run: DryRunOption = False,
    resume: ResumeOption = True,
    provider_batch: ProviderBatchOption = False,
    rpm: RpmOption = None,
    tpm: TpmOption = None,
    format: ReportFormatOption = ReportFormat.md,
    offline: OfflineOption = False,
    base_url: BaseUrlOption = None,
    model: ModelOption = None,
    no_cache: NoCacheOption = False,
    prompts_dir: PromptsDirOption = None,
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
