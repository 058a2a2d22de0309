"""`prfaq panel DOC`: a simulated customer panel reads the press release (labelled as simulated)."""

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

EvidenceOption = Annotated[list[str] | None, typer.Option(
    "--evidence", help="Customer sources (folders, notes, CSV/JSONL exports) the panel is drawn from; repeatable.",
    show_default=False)]
CustomersOption = Annotated[int, typer.Option("--customers", min=1, max=50, help="How many simulated customers.")]


@app.command()
def panel(
    doc: DocArgument,
    evidence: EvidenceOption = None,
    customers: CustomersOption = 8,
    format: FormatOption = OutputFormat.md,
    offline: OfflineOption = False,
    base_url: BaseUrlOption = None,
    model: ModelOption = None,
    no_cache: NoCacheOption = False,
    prompts_dir: PromptsDirOption = None,
) -> int:
    """SIMULATED customer reactions to a press release: understood? my problem? would I try it? objections."""
    from assistant import api
    from assistant.cli.common import announce_engine, emit_json, emit_text, settings_from_flags
    from assistant.render.panel import render_panel

    settings = settings_from_flags(offline=offline, base_url=base_url, model=model, no_cache=no_cache,
                                   prompts_dir=prompts_dir)
    announce_engine(settings)
    report = api.panel(doc, evidence=evidence or [], customers=customers, settings=settings)
    if format is OutputFormat.json:
        emit_json(report)
    else:
        emit_text(render_panel(report))
    return 0
