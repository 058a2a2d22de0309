"""The typer application object and the options every command shares.

Kept free of heavy imports: `prfaq --help` must stay instant, so the openai SDK and
langchain-core load only inside the commands that call a model.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from assistant.cli.common import OutputFormat, ReportFormat

app = typer.Typer(
    name="prfaq",
    help="The Working Backwards assistant: draft, question, review and score Amazon-style PR/FAQs.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")]
OfflineOption = Annotated[
    bool, typer.Option("--offline", help="Use the built-in offline engine even if an endpoint is set.")
]
BaseUrlOption = Annotated[
    str | None,
    typer.Option("--base-url", help="OpenAI-compatible endpoint (default: $OPENAI_BASE_URL).", show_default=False),
]
ModelOption = Annotated[
    str | None, typer.Option("--model", "-m", help="Model name (default: $PRFAQ_MODEL).", show_default=False)
]
NoCacheOption = Annotated[bool, typer.Option("--no-cache", help="Do not read or write the response cache.")]
PromptsDirOption = Annotated[
    Path | None,
    typer.Option("--prompts-dir", help="Folder of prompt files that override the built-in ones by name.",
                 show_default=False),
]
DocArgument = Annotated[str, typer.Argument(help="A .md, .txt or .docx file, or - for standard input.")]
ReportFormatOption = Annotated[
    ReportFormat,
    typer.Option("--format", "-f", help="Output format: md, json, github (workflow-command annotations for "
                 "GitHub Actions) or sarif (SARIF 2.1.0 for code scanning)."),
]


def _show_version(value: bool) -> None:
    if value:
        from assistant import __version__

        print(f"prfaq {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_show_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Turn customer notes into a PR/FAQ worth reviewing, and hear the hard questions first.

    Runs on any OpenAI-compatible endpoint (OPENAI_BASE_URL, OPENAI_API_KEY, PRFAQ_MODEL) or,
    with none configured, on the built-in offline engine.
    """
