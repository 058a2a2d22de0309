"""`prfaq doctor`: which engine would run, with what endpoint, and whether it answers."""

from __future__ import annotations

from assistant.cli.app import BaseUrlOption, FormatOption, ModelOption, OfflineOption, OutputFormat, app


@app.command()
def doctor(
    format: FormatOption = OutputFormat.md,
    offline: OfflineOption = False,
    base_url: BaseUrlOption = None,
    model: ModelOption = None,
) -> int:
    """Say which engine runs, the endpoint and its structured-output mode, and whether it answers."""
    from assistant.cli.common import emit_json, emit_text
    from assistant.doctor import diagnose, render_doctor

    report = diagnose(offline=offline, base_url=base_url, model=model)
    if format is OutputFormat.json:
        emit_json(report)
    else:
        emit_text(render_doctor(report))
    return 1 if report.reachable is False else 0
