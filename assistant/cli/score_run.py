"""What `prfaq score DOC...` does once its options are parsed, free of typer.

Many documents at once (a pre-commit hook passes the staged files): each is scored on its own;
a document that cannot be read gets one line on stderr and the others are still scored. Exit 2
if any could not be read, else 1 if any is under --fail-under, else 0.

Two parsers lead here with the same values: the typer command (assistant.cli.score) and the
fast path for plain invocations (assistant.cli.fast), which skips loading typer.
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.cli.common import ReportFormat

if TYPE_CHECKING:
    from assistant.clarity.models import ScoreReport
    from assistant.documents.models import Document


def run_score(
    docs: list[str],
    *,
    format: ReportFormat = ReportFormat.md,
    fail_under: float | None = None,
    judge: bool = False,
    offline: bool = False,
    base_url: str | None = None,
    model: str | None = None,
    no_cache: bool = False,
    prompts_dir: Path | None = None,
) -> int:
    """Score each document, print the reports in `format`; return the exit code."""
    from assistant import api
    from assistant.cli.common import announce_engine, say, settings_from_flags
    from assistant.errors import EXIT_BAD_INPUT, EXIT_CHECK_FAILED, InputError

    if docs.count("-") > 1:
        raise InputError("standard input (-) can be given only once")
    settings = settings_from_flags(offline=offline, base_url=base_url, model=model, no_cache=no_cache,
                                   prompts_dir=prompts_dir)
    if judge:
        announce_engine(settings)
    scored: list[tuple[ScoreReport, Document]] = []
    bad = 0
    for source in docs:
        try:
            doc = api.load(source, settings=settings)
        except InputError as exc:
            if len(docs) == 1:
                raise
            say(f"prfaq: error: {exc}")
            bad += 1
            continue
        scored.append((api.score(doc, judge=judge, settings=settings), doc))
        collect_again()
    _emit(scored, format, many=len(docs) > 1)
    # The gate uses the deterministic score: a CI check must not move with a model's mood.
    below = [report for report, _ in scored if fail_under is not None and report.clarity.score < fail_under]
    for report in below:
        name = f"{report.path}: " if report.path else ""
        say(f"prfaq: {name}clarity score {report.clarity.score:.2f} is below --fail-under {fail_under:g}")
    if bad:
        return EXIT_BAD_INPUT
    return EXIT_CHECK_FAILED if below else 0


def collect_again() -> None:
    """Turn the garbage collector back on once the first document is scored, if start-up turned it off.

    `prfaq score` runs on every commit and every save. Its start-up builds some 45,000 objects that
    live as long as the process (modules, classes, pydantic's validators). With the collector on,
    about 60 passes over them during start-up find next to nothing to free (~7 ms), and the
    collection at interpreter exit walks all of them once more (~17 ms): about 24 ms of a 210 ms
    run spent freeing nothing. So `assistant.cli.main` starts `score` with it off; here what
    start-up built is set aside for good (gc.freeze: never scanned again, at exit neither) and
    collection resumes for the documents that follow."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def _emit(scored: list[tuple[ScoreReport, Document]], format: ReportFormat, *, many: bool) -> None:
    from assistant.cli.common import emit_annotations, emit_json, emit_text

    if not scored and format is not ReportFormat.sarif:
        return
    if format is ReportFormat.json:
        if many:
            from assistant.clarity.models import ScoreReports

            emit_json(ScoreReports(reports=[report for report, _ in scored]))
        elif scored:
            emit_json(scored[0][0])
    elif format.annotates:
        from assistant.render.annotations import score_annotations, score_checks

        emit_annotations(
            format, [note for report, doc in scored for note in score_annotations(report, doc)],
            checks=score_checks(),
            summary=[f"prfaq: {report.path or '<stdin>'}: clarity score {report.clarity.score:.2f} / 100"
                     for report, _ in scored],
            properties={"scores": {report.path or "<stdin>": report.clarity.score for report, _ in scored}},
        )
    else:
        from assistant.render.score import render_score

        emit_text("\n---\n\n".join(render_score(report) for report, _ in scored))
