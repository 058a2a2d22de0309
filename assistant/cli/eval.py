"""`prfaq eval`: score prompts and models on datasets, report, and catch regressions."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from assistant.cli.app import BaseUrlOption, NoCacheOption, OfflineOption, app

SuitesArgument = Annotated[
    list[str] | None,
    typer.Argument(help="Suites to run, by name (evals/suites/NAME.yaml) or file; default: all.",
                   show_default=False),
]
ModelsOption = Annotated[
    list[str] | None,
    typer.Option("--model", "-m", help="Model to evaluate; repeat for a matrix (default: $PRFAQ_MODEL).",
                 show_default=False),
]
PromptsDirsOption = Annotated[
    list[Path] | None,
    typer.Option("--prompts-dir", help="Prompt folder overriding the built-ins; repeat for a matrix.",
                 show_default=False),
]
RepeatOption = Annotated[
    int, typer.Option("--repeat", min=1, max=50, help="Samples per case, to measure noise across model answers.")
]
CompareOption = Annotated[
    str | None,
    typer.Option("--compare", help="An earlier run (folder or id) to compare with, per grader and per case.",
                 show_default=False),
]
FailOnRegressionOption = Annotated[
    bool, typer.Option("--fail-on-regression", help="Exit with status 1 when --compare finds a regression.")
]
CheckThresholdsOption = Annotated[
    bool, typer.Option("--check-thresholds", help="Exit with status 1 when a suite's figure misses its threshold.")
]
OutOption = Annotated[
    Path | None,
    typer.Option("--out", "-o", help="Run folder (default evals/runs/<id>); an existing run folder is resumed.",
                 show_default=False),
]
DatasetOption = Annotated[
    Path | None,
    typer.Option("--dataset", help="Use this file or folder of cases instead of the suites' own datasets.",
                 show_default=False),
]
ListOption = Annotated[bool, typer.Option("--list", help="List the suites and their datasets, then exit.")]


@app.command(name="eval")
def eval_command(
    suites: SuitesArgument = None,
    model: ModelsOption = None,
    prompts_dir: PromptsDirsOption = None,
    repeat: RepeatOption = 1,
    compare: CompareOption = None,
    fail_on_regression: FailOnRegressionOption = False,
    check_thresholds: CheckThresholdsOption = False,
    out: OutOption = None,
    dataset: DatasetOption = None,
    list_suites: ListOption = False,
    offline: OfflineOption = False,
    base_url: BaseUrlOption = None,
    no_cache: NoCacheOption = False,
) -> int:
    """Run eval suites (drafts, clarity validation, questions recall, judge agreement) and report.

    Writes config.json, results.jsonl, report.md and report.html to the run folder. With several
    --model or --prompts-dir values every combination runs; --compare RUN marks regressions
    beyond the noise measured across --repeat samples.
    """
    from assistant.cli.common import announce_engine, emit_text, say, settings_from_flags
    from assistant.errors import EXIT_CHECK_FAILED

    if list_suites:
        from assistant.evaluation.listing import render_suite_list

        emit_text(render_suite_list())
        return 0
    if fail_on_regression and not compare:
        from assistant.errors import InputError

        raise InputError("--fail-on-regression needs --compare RUN")
    from assistant.evaluation.runner import RunOptions, run_eval

    settings = settings_from_flags(offline=offline, base_url=base_url, no_cache=no_cache)
    announce_engine(settings)
    options = RunOptions(suites=suites or [], models=model or [], prompts_dirs=prompts_dir or [], repeat=repeat,
                         out=out, compare=compare, dataset=dataset, settings=settings)
    outcome = run_eval(options, say=say)
    from assistant.evaluation.report import render_markdown

    emit_text(render_markdown(outcome.report, outcome.comparison))
    say(f"prfaq eval: wrote {outcome.out_dir}/report.md and report.html"
        + (f" ({outcome.resumed} results resumed from the earlier run)" if outcome.resumed else ""))
    code = 0
    if check_thresholds and outcome.report.failed_thresholds:
        missed = ", ".join(f"{s.suite}/{s.grader}" for s in outcome.report.failed_thresholds)
        say(f"prfaq eval: below threshold: {missed}")
        code = EXIT_CHECK_FAILED
    if fail_on_regression and outcome.comparison is not None and outcome.comparison.regressions:
        found = ", ".join(f"{d.suite}/{d.grader} ({d.delta:+.3f})" for d in outcome.comparison.regressions)
        say(f"prfaq eval: regression against {outcome.comparison.base_run}: {found}")
        code = EXIT_CHECK_FAILED
    return code
