"""Glue shared by the commands: settings from flags, the engine, output, the offline notice.

Free of typer (the options live in assistant.cli.app): `prfaq score` runs through here without
loading the command-line framework (see assistant.cli.fast)."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.errors import OutputExistsError

if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

    from pydantic import BaseModel

    from assistant.config import Settings
    from assistant.engines.base import Engine
    from assistant.render.annotations import Annotation, Check

_notice_shown = False


class OutputFormat(str, Enum):
    md = "md"
    json = "json"


class ReportFormat(str, Enum):
    """The formats of the commands whose findings point at words (score, questions, critique):
    besides Markdown and JSON, GitHub workflow-command annotations and SARIF 2.1.0."""

    md = "md"
    json = "json"
    github = "github"
    sarif = "sarif"

    @property
    def annotates(self) -> bool:
        return self in (ReportFormat.github, ReportFormat.sarif)


def settings_from_flags(
    *,
    offline: bool = False,
    base_url: str | None = None,
    model: str | None = None,
    no_cache: bool = False,
    prompts_dir: Path | None = None,
) -> Settings:
    from assistant.config import load_settings

    return load_settings(
        offline=offline or None,
        base_url=base_url,
        model=model,
        use_cache=False if no_cache else None,
        prompts_dir=prompts_dir,
    )


def say(message: str) -> None:
    """Status for the person at the terminal: stderr, so stdout stays clean for pipes."""
    print(message, file=sys.stderr)


def announce_engine(settings: Settings) -> None:
    """Say once per process which engine runs when it is the offline one."""
    global _notice_shown
    if _notice_shown:
        return
    _notice_shown = True
    if not settings.has_endpoint:
        say(f"prfaq: running on the built-in offline engine ({settings.offline_reason}).")


def engine_for(settings: Settings) -> Engine:
    from assistant.engines import get_engine

    announce_engine(settings)
    return get_engine(settings)


def emit_json(model: BaseModel) -> None:
    sys.stdout.write(model.model_dump_json(indent=2) + "\n")


def emit_text(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def emit_annotations(format: ReportFormat, annotations: Sequence[Annotation], *, checks: Sequence[Check] = (),
                     summary: Sequence[str] = (), properties: dict[str, Any] | None = None) -> None:
    """--format github (workflow commands, then the `summary` lines) or --format sarif (a log
    declaring `checks` and whatever else the annotations use)."""
    if format is ReportFormat.github:
        from assistant.render.github import render_github

        sys.stdout.write(render_github(annotations, summary))
    else:
        from assistant.render.sarif import render_sarif

        sys.stdout.write(render_sarif(annotations, checks, properties=properties))


def write_new_file(path: Path, data: bytes, *, force: bool = False) -> None:
    """Write a user-visible output file without ever clobbering one that exists (unless forced).

    The write goes to a temporary file first and is renamed into place, so an interrupted run
    never leaves half a file where the user expects a whole one.
    """
    import os
    import tempfile

    if path.exists() and not force:
        raise OutputExistsError(f"{path} already exists; choose another -o or pass --force to replace it")
    if path.is_dir():
        raise OutputExistsError(f"{path} is a directory; give a file name with -o")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        if not force and path.exists():
            raise OutputExistsError(f"{path} appeared while writing; not replacing it")
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
