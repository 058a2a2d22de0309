"""`--format github`: GitHub Actions workflow commands, one annotation per line.

    ::warning file=launch.md,line=3,endLine=3,col=5,endColumn=9,title=prfaq clarity: hedge::hedge: ...

GitHub shows them on the pull request's changed lines. Escaping follows the workflow-command
rules: in the message `%`, `\\r` and `\\n` become `%25`, `%0D` and `%0A`; in a property value
`:` and `,` also become `%3A` and `%2C`.
"""

from __future__ import annotations

from collections.abc import Iterable

from assistant.render.annotations import Annotation


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def workflow_command(note: Annotation) -> str:
    props = [("file", note.path)]
    region = note.region
    if region is not None:
        props += [("line", str(region.start_line)), ("endLine", str(region.end_line))]
        if region.start_line == region.end_line:  # GitHub uses columns only within one line
            end_column = max(region.start_column, region.end_column - 1)  # GitHub's end column is inclusive
            props += [("col", str(region.start_column)), ("endColumn", str(end_column))]
    props.append(("title", note.title))
    rendered = ",".join(f"{key}={escape_property(value)}" for key, value in props)
    return f"::{note.level} {rendered}::{escape_data(note.message)}"


def render_github(annotations: Iterable[Annotation], summary: Iterable[str] = ()) -> str:
    """The annotations, then plain lines (a score, a total) that show in the job's log."""
    lines = [workflow_command(note) for note in annotations]
    lines += list(summary)
    return "\n".join(lines) + "\n" if lines else ""
