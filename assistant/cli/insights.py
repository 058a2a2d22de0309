"""`prfaq insights SOURCES...`: the customer problems that recur across notes, interviews and exports."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from assistant.cli.app import BaseUrlOption, ModelOption, NoCacheOption, OfflineOption, PromptsDirOption, app


class InsightsFormat(str, Enum):
    md = "md"
    json = "json"
    html = "html"


SourcesArgument = Annotated[list[str], typer.Argument(
    help="Folders and files of notes (.md, .txt, .docx: one source each) and CSV/JSONL exports (one per row).")]
AgainstOption = Annotated[str | None, typer.Option(
    "--against", help="A PR/FAQ to check: does it address each theme?", show_default=False)]
TextColumnOption = Annotated[str | None, typer.Option(
    "--text-column", help="The column of a CSV/JSONL export that holds the customer's words (default: found).",
    show_default=False)]
DryRunOption = Annotated[bool, typer.Option(
    "--dry-run", help="Read the sources and show what a model run would send and cost; call nothing.")]


@app.command()
def insights(
    sources: SourcesArgument,
    against: AgainstOption = None,
    format: Annotated[InsightsFormat, typer.Option("--format", "-f", help="Output format.")] = InsightsFormat.md,
    text_column: TextColumnOption = None,
    dry_run: DryRunOption = False,
    offline: OfflineOption = False,
    base_url: BaseUrlOption = None,
    model: ModelOption = None,
    no_cache: NoCacheOption = False,
    prompts_dir: PromptsDirOption = None,
) -> int:
    """Themes: customer problems ranked by how many distinct sources raise them, with verbatim quotes."""
    import sys

    from assistant import api
    from assistant.cli.common import announce_engine, emit_text, say, settings_from_flags

    settings = settings_from_flags(offline=offline, base_url=base_url, model=model, no_cache=no_cache,
                                   prompts_dir=prompts_dir)
    if dry_run:
        from assistant.insights.llm import estimate

        emit_text(estimate([Path(s) for s in sources], settings=settings, text_column=text_column).describe())
        return 0
    announce_engine(settings)
    report = api.insights(sources, against=against, text_column=text_column, settings=settings,
                          progress=sys.stderr.isatty(), on_skip=lambda path, reason: say(f"prfaq: skipped: {reason}"))
    from assistant.render.insights import render_html, render_json, render_markdown

    render = {InsightsFormat.md: render_markdown, InsightsFormat.json: render_json, InsightsFormat.html: render_html}
    emit_text(render[format](report))
    if not report.sources:
        return 2
    return 0
