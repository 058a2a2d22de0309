"""`prfaq score DOC`: the clarity score with every deduction tied to words, plus the rubric."""

from __future__ import annotations

from typing import Annotated

import typer

from assistant.cli.app import (
    BaseUrlOption,
    DocArgument,
    FormatOption,
    ModelOption,
    NoCacheOption,
    OfflineOption,
    OutputFormat,
    PromptsDirOption,
    app,
)

FailUnderOption = Annotated[
    float | None,
    typer.Option("--fail-under", min=0, max=100, show_default=False,
                 help="Exit with status 1 when the deterministic clarity score is below this (for CI)."),
]
JudgeOption = Annotated[
    bool, typer.Option("--judge", help="Also ask the LLM judge (needs an endpoint); its share is bounded.")
]


@app.command()
def score(
    doc: DocArgument,
    format: FormatOption = OutputFormat.md,
    fail_under: FailUnderOption = None,
    judge: JudgeOption = False,
    offline: OfflineOption = False,
    base_url: BaseUrlOption = None,
    model: ModelOption = None,
    no_cache: NoCacheOption = False,
    prompts_dir: PromptsDirOption = None,
) -> int:
    """Score clarity 0-100 (every deduction tied to words) and check the PR/FAQ structure rubric."""
    from assistant import api
    from assistant.cli.common import announce_engine, emit_json, emit_text, say, settings_from_flags
    from assistant.errors import EXIT_CHECK_FAILED

    settings = settings_from_flags(offline=offline, base_url=base_url, model=model, no_cache=no_cache,
                                   prompts_dir=prompts_dir)
    if judge:
        announce_engine(settings)
    report = api.score(doc, judge=judge, settings=settings)
    if format is OutputFormat.json:
        emit_json(report)
    else:
        from assistant.render.score import render_score

        emit_text(render_score(report))
    # The gate uses the deterministic score: a CI check must not move with a model's mood.
    if fail_under is not None and report.clarity.score < fail_under:
        say(f"prfaq: clarity score {report.clarity.score:.2f} is below --fail-under {fail_under:g}")
        return EXIT_CHECK_FAILED
    return 0
