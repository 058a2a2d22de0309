"""`prfaq outline DOC`: how the tool reads a document (headline, roles, FAQ pairs, line numbers)."""

from __future__ import annotations

from assistant.cli.app import DocArgument, FormatOption, OutputFormat, app


@app.command()
def outline(doc: DocArgument, format: FormatOption = OutputFormat.md) -> None:
    """Show the detected headline, sub-heading, dateline, paragraph roles and FAQ pairs, with line numbers."""
    from assistant import api
    from assistant.cli.common import emit_json, emit_text, settings_from_flags

    document = api.outline(doc, settings=settings_from_flags())
    if format == OutputFormat.json:
        emit_json(document)
        return
    from assistant.render.outline import render_outline

    emit_text(render_outline(document))
