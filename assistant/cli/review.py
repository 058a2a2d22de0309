"""`prfaq review DOC`: skeptical stakeholders read the document, argue, and decide."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Annotated

import typer

from assistant.cli.app import (
    BaseUrlOption,
    FormatOption,
    ModelOption,
    NoCacheOption,
    OfflineOption,
    OutputFormat,
    PromptsDirOption,
    app,
)

if TYPE_CHECKING:
    from assistant.config import Settings


class FailOn(str, Enum):
    revise = "revise"
    reject = "reject"


OptionalDoc = Annotated[
    str | None,
    typer.Argument(help="A .md, .txt or .docx file, or - for standard input.", show_default=False),
]
PersonasOption = Annotated[
    str | None,
    typer.Option("--personas", "-p", show_default=False,
                 help="Comma-separated persona ids (default: the standing panel). See --list-personas."),
]
RoundsOption = Annotated[int, typer.Option("--rounds", help="Discussion rounds where positions differ (0-5).")]
ListOption = Annotated[bool, typer.Option("--list-personas", help="List the personas available and exit.")]
FailOnOption = Annotated[
    FailOn | None,
    typer.Option("--fail-on", show_default=False,
                 help="Exit with status 1 when the verdict is this or worse (for CI)."),
]


@app.command()
def review(
    doc: OptionalDoc = None,
    personas: PersonasOption = None,
    rounds: RoundsOption = 1,
    format: FormatOption = OutputFormat.md,
    list_personas: ListOption = False,
    fail_on: FailOnOption = None,
    offline: OfflineOption = False,
    base_url: BaseUrlOption = None,
    model: ModelOption = None,
    no_cache: NoCacheOption = False,
    prompts_dir: PromptsDirOption = None,
) -> int:
    """Seat a CFO, a principal engineer, counsel, the customer and a bar raiser around the document:
    each reads it alone and quotes what they object to, they argue where they disagree, and the
    meeting ends with a decision and a must-fix list."""
    from assistant.cli.common import announce_engine, emit_json, emit_text, say, settings_from_flags
    from assistant.errors import EXIT_CHECK_FAILED, ConfigError

    settings = settings_from_flags(offline=offline, base_url=base_url, model=model, no_cache=no_cache,
                                   prompts_dir=prompts_dir)
    if list_personas:
        return _list(settings, format)
    if doc is None:
        raise ConfigError("give a document to review (a file, or - for standard input), or use --list-personas")
    from assistant import api
    from assistant.personas.models import VERDICT_RANK
    from assistant.personas.panel import check_rounds

    check_rounds(rounds)
    chosen = personas.split(",") if personas is not None else None
    announce_engine(settings)
    report = api.review(doc, personas=chosen, rounds=rounds, settings=settings)
    if format is OutputFormat.json:
        emit_json(report)
    else:
        from assistant.render.review import render_review

        emit_text(render_review(report))
    if fail_on is not None and VERDICT_RANK[report.decision.verdict] >= VERDICT_RANK[fail_on.value]:
        say(f"prfaq: the verdict is {report.decision.verdict} (--fail-on {fail_on.value})")
        return EXIT_CHECK_FAILED
    return 0


def _list(settings: Settings, format: OutputFormat) -> int:
    from assistant.cli.common import emit_json, emit_text
    from assistant.personas.loader import available_personas
    from assistant.personas.models import PersonaListing
    from assistant.prompts import builtin_prompts_dir

    folders = [str(settings.prompts_dir)] if settings.prompts_dir else []
    listing = PersonaListing(personas=available_personas(settings.prompts_dir),
                             prompts_dirs=[*folders, str(builtin_prompts_dir())])
    if format is OutputFormat.json:
        emit_json(listing)
    else:
        from assistant.render.review import render_persona_list

        emit_text(render_persona_list(listing))
    return 0
