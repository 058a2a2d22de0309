"""`prfaq revise DOC`: the critique applied. Writes the revised document next to the input (or to
-o), never over the input, and prints what changed: each fix with its rule, line, before and
after, the score before and after, and (with --diff) the unified diff."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from assistant.cli.app import (
    BaseUrlOption,
    DocArgument,
    ModelOption,
    NoCacheOption,
    OfflineOption,
    PromptsDirOption,
    app,
)


class ReviseFormat(str, Enum):
    md = "md"
    docx = "docx"
    json = "json"


OutOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", show_default=False,
                 help="Where to write the revised document (default: DOC.revised.md, or .docx for a .docx)."),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace the output file if it exists.")]
FixOption = Annotated[
    str | None,
    typer.Option("--fix", show_default=False,
                 help="Comma-separated fix rules to run, or 'all'. Default: hedge, intensifier, hype, jargon, "
                      "initialism, run_on, passive (reported only). Opt-in: faq (FAQ entries for the top "
                      "unanswered questions) and placeholder (missing rubric elements), both as [TBD: ...]."),
]
ReviseFormatOption = Annotated[
    ReviseFormat,
    typer.Option("--format", "-f",
                 help="md: a summary on stdout; json: the whole report on stdout; docx: write a .docx."),
]
FromReviewOption = Annotated[
    Path | None,
    typer.Option("--from-review", show_default=False,
                 help="A `prfaq review --format json` file: its must-fix list briefs a model; offline, its "
                      "questions about what the document does not say become FAQ entries (the faq rule runs)."),
]
NotesOption = Annotated[
    Path | None,
    typer.Option("--notes", show_default=False,
                 help="The notes behind the document: a model's figures, names and quotes may also come from them."),
]
DiffOption = Annotated[bool, typer.Option("--diff", help="Also print the unified diff.")]


def output_path(doc: str, out: Path | None, *, docx: bool) -> Path | None:
    """-o, else DOC.revised.md (.docx) beside the input; None for standard input without -o."""
    from assistant.errors import InputError

    if out is None:
        if doc == "-":
            return None
        source = Path(doc)
        out = source.with_name(f"{source.stem}.revised{'.docx' if docx else '.md'}")
    if doc != "-" and Path(doc).exists() and out.resolve() == Path(doc).resolve():
        raise InputError(f"{out} is the input; revise never overwrites it: choose another -o")
    return out


@app.command()
def revise(
    doc: DocArgument,
    output: OutOption = None,
    force: ForceOption = False,
    fix: FixOption = None,
    format: ReviseFormatOption = ReviseFormat.md,
    from_review: FromReviewOption = None,
    notes: NotesOption = None,
    diff: DiffOption = False,
    offline: OfflineOption = False,
    base_url: BaseUrlOption = None,
    model: ModelOption = None,
    no_cache: NoCacheOption = False,
    prompts_dir: PromptsDirOption = None,
) -> int:
    """Apply the critique: safe fixes offline (like ruff --fix), or a checked rewrite with a model."""
    from assistant import api
    from assistant.cli.common import announce_engine, emit_json, emit_text, say, settings_from_flags, write_new_file
    from assistant.errors import OutputExistsError

    settings = settings_from_flags(offline=offline, base_url=base_url, model=model, no_cache=no_cache,
                                   prompts_dir=prompts_dir)
    wants_docx = format is ReviseFormat.docx or doc.lower().endswith(".docx") or (
        output is not None and output.suffix.lower() == ".docx")
    out = output_path(doc, output, docx=wants_docx)
    if out is not None and out.exists() and not force:  # fail before any work is done
        raise OutputExistsError(f"{out} already exists; choose another -o or pass --force to replace it")
    rules = fix.split(",") if fix is not None else None
    announce_engine(settings)
    source = api.load(doc, settings=settings)
    report = api.revise(source, rules=rules, from_review=from_review, notes=notes, settings=settings)
    if out is not None:
        from assistant.revision.compare import unified_diff

        report.output = str(out)
        report.diff = unified_diff(source.text, report.text, path=source.path, output=str(out))
        if wants_docx:
            from assistant.render.revise_docx import render_revised_docx

            original = Path(doc).read_bytes() if source.source_format == "docx" else None
            data = render_revised_docx(report.text, original)
        else:
            data = report.text.encode("utf-8")
        write_new_file(out, data, force=force)
    if format is ReviseFormat.json:
        emit_json(report)
        return 0
    if out is None:
        emit_text(report.text)  # standard input in, the revised document out
    else:
        from assistant.render.revise import render_revision

        emit_text(render_revision(report, diff=diff))
    if out is None and diff:
        say(report.diff)
    return 0
