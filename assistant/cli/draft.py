"""`prfaq draft NOTES`: a first-draft PR/FAQ from customer notes, with every gap marked."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from assistant.cli.app import (
    BaseUrlOption,
    ModelOption,
    NoCacheOption,
    OfflineOption,
    PromptsDirOption,
    app,
)


class DraftFormat(str, Enum):
    md = "md"
    json = "json"
    docx = "docx"


NotesArgument = Annotated[list[str], typer.Argument(
    help="Customer notes: a .md, .txt or .docx file, or - for stdin; or many sources (files, folders, CSV/JSONL).")]
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", show_default=False,
                 help="Write the draft to this file (the format follows its suffix: .md, .json, .docx)."),
]
DraftFormatOption = Annotated[
    DraftFormat | None,
    typer.Option("--format", "-f", show_default=False, help="md, json or docx (default: from -o's suffix, else md)."),
]
StreamOption = Annotated[
    bool, typer.Option("--stream", help="Show the press release as the model writes it.")
]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace the -o file if it exists.")]


def _format_for(output: Path | None, given: DraftFormat | None) -> DraftFormat:
    from assistant.errors import ConfigError

    suffixes = {".docx": DraftFormat.docx, ".json": DraftFormat.json}
    inferred = suffixes.get(output.suffix.lower(), DraftFormat.md) if output else DraftFormat.md
    chosen = given or inferred
    if chosen is DraftFormat.docx and output is None:
        raise ConfigError("--format docx writes a Word file: give -o FILE.docx")
    if given is not None and output is not None and output.suffix.lower() in suffixes and given is not inferred:
        raise ConfigError(f"--format {given.value} does not match -o {output}; drop --format or change the suffix")
    return chosen


@app.command()
def draft(
    notes: NotesArgument,
    output: OutputOption = None,
    format: DraftFormatOption = None,
    stream: StreamOption = False,
    force: ForceOption = False,
    offline: OfflineOption = False,
    base_url: BaseUrlOption = None,
    model: ModelOption = None,
    no_cache: NoCacheOption = False,
    prompts_dir: PromptsDirOption = None,
) -> int:
    """Draft a PR/FAQ from customer notes. Invents nothing: gaps are marked [TBD: ...] and listed."""
    import sys

    from assistant import api
    from assistant.cli.common import announce_engine, emit_text, say, settings_from_flags, write_new_file
    from assistant.errors import OutputExistsError

    chosen = _format_for(output, format)
    if output is not None and output.exists() and not force:  # before any model call is spent
        raise OutputExistsError(f"{output} already exists; choose another -o or pass --force to replace it")
    settings = settings_from_flags(offline=offline, base_url=base_url, model=model, no_cache=no_cache,
                                   prompts_dir=prompts_dir)
    announce_engine(settings)
    # Streamed text goes where it does not mix with the result: stderr when the draft goes to stdout.
    sink = sys.stdout if output is not None else sys.stderr

    def show(token: str) -> None:
        sink.write(token)
        sink.flush()

    result = api.draft(notes, settings=settings, stream=show if stream else None)
    if stream:
        show("\n")
    data = _render(result, chosen)
    if output is not None:
        write_new_file(output, data if isinstance(data, bytes) else data.encode("utf-8"), force=force)
        say(f"prfaq: wrote {output} ({len(result.gaps)} gaps to fill)")
    else:
        emit_text(data if isinstance(data, str) else data.decode("utf-8"))
    for warning in result.warnings:
        if "instruction" in warning:
            say(f"prfaq: warning: {warning}")
    if result.notes_lack:
        say(f"prfaq: the notes lack: {'; '.join(result.notes_lack)} (see Gaps to fill)")
    return 0


def _render(result: object, chosen: DraftFormat) -> str | bytes:
    from assistant.draft.models import Draft

    assert isinstance(result, Draft)
    if chosen is DraftFormat.json:
        return result.model_dump_json(indent=2) + "\n"
    if chosen is DraftFormat.docx:
        from assistant.render.docx import render_docx

        return render_docx(result)
    from assistant.render.markdown import render_draft

    return render_draft(result)
