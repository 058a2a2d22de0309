"""`prfaq questions DOC_OR_NOTES`: the hard questions a reviewer will ask, and which ones the
document already answers (with the sentence that answers each)."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from assistant.cli.app import (
    BaseUrlOption,
    DocArgument,
    ModelOption,
    NoCacheOption,
    OfflineOption,
    PromptsDirOption,
    ReportFormatOption,
    app,
)
from assistant.cli.common import ReportFormat


class AudienceChoice(str, Enum):
    external = "external"
    internal = "internal"
    all = "all"


AudienceOption = Annotated[
    AudienceChoice,
    typer.Option("--audience", "-a", help="Only external (customer) or internal (review room) questions."),
]
AskOption = Annotated[
    str | None,
    typer.Option("--ask", show_default=False, metavar="FILE",
                 help="Check your own questions instead: one per line (- reads stdin; blank lines and # comments "
                      "are skipped). Shows exactly these, in order, each with its status and evidence."),
]
TopOption = Annotated[
    int | None,
    typer.Option("--top", "-n", show_default=False,
                 help="Show only the N most pressing questions (split between external and internal)."),
]


@app.command()
def questions(
    doc: DocArgument,
    format: ReportFormatOption = ReportFormat.md,
    audience: AudienceOption = AudienceChoice.all,
    top: TopOption = None,
    offline: OfflineOption = False,
    base_url: BaseUrlOption = None,
    model: ModelOption = None,
    no_cache: NoCacheOption = False,
    prompts_dir: PromptsDirOption = None,
    ask: AskOption = None,
) -> int:
    """List the hard questions this document (or these notes) will be asked, external first, ranked,
    each marked answered, partly or unanswered with the quote that answers it."""
    from assistant import api
    from assistant.cli.common import announce_engine, emit_json, emit_text, settings_from_flags
    from assistant.errors import InputError

    if top is not None and top < 1:
        raise InputError(f"--top must be at least 1 (got {top})")
    asked = None
    if ask is not None:
        from assistant.questions.asklist import read_asked

        if ask == "-" and doc == "-":
            raise InputError("--ask - and DOC - cannot both read standard input; give one of them as a file")
        asked = read_asked(ask)
    settings = settings_from_flags(offline=offline, base_url=base_url, model=model, no_cache=no_cache,
                                   prompts_dir=prompts_dir)
    announce_engine(settings)
    document = api.load(doc, settings=settings)
    report = api.questions(document, audience=audience.value, top=top, settings=settings, ask=asked)
    if format is ReportFormat.json:
        emit_json(report)
    elif format.annotates:
        from assistant.cli.common import emit_annotations
        from assistant.render.annotations import question_annotations

        emit_annotations(format, question_annotations(report, document))
    else:
        from assistant.render.questions import render_questions

        emit_text(render_questions(report))
    return 0
