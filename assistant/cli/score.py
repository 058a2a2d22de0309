"""`prfaq score DOC...`: the clarity score with every deduction tied to words, plus the rubric.

The options as typer declares them (they make `prfaq score --help`); the work is done by
assistant.cli.score_run, which the fast path (assistant.cli.fast) calls with the same values.
"""

from __future__ import annotations

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

DocsArgument = Annotated[
    list[str], typer.Argument(help="One or more .md, .txt or .docx files, or - for standard input.")
]
FailUnderOption = Annotated[
    float | None,
    typer.Option("--fail-under", min=0, max=100, show_default=False,
                 help="Exit with status 1 when the deterministic clarity score of any document is below this "
                      "(for CI and pre-commit)."),
]
JudgeOption = Annotated[
    bool, typer.Option("--judge", help="Also ask the LLM judge (needs an endpoint); its share is bounded.")
]


@app.command()
def score(
    docs: DocsArgument,
    format: ReportFormatOption = ReportFormat.md,
    fail_under: FailUnderOption = None,
    judge: JudgeOption = False,
    offline: OfflineOption = False,
    base_url: BaseUrlOption = None,
    model: ModelOption = None,
    no_cache: NoCacheOption = False,
    prompts_dir: PromptsDirOption = None,
) -> int:
    """Score clarity 0-100 (every deduction tied to words) and check the PR/FAQ structure rubric."""
    from assistant.cli.score_run import run_score

    return run_score(docs, format=format, fail_under=fail_under, judge=judge, offline=offline, base_url=base_url,
                     model=model, no_cache=no_cache, prompts_dir=prompts_dir)
