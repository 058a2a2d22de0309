"""`prfaq critique PATH...`: score, questions and review for one document or a whole folder."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from assistant.cli.app import (
    BaseUrlOption,
    ModelOption,
    NoCacheOption,
    OfflineOption,
    PromptsDirOption,
    ReportFormatOption,
    app,
)
from assistant.cli.common import ReportFormat
from assistant.cli.critique_run import DEFAULT_OUT, resume_command, run_critique_command

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
    return run_critique_command(paths, out, concurrency, only, dry_run, resume, provider_batch, rpm, tpm, format,
                                offline, base_url, model, no_cache, prompts_dir)


__all__ = ["DEFAULT_OUT", "critique", "resume_command"]
