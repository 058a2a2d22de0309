"""`prfaq serve`: a local page for writing a PR/FAQ with the score, questions and review beside it."""

from __future__ import annotations

from typing import Annotated

import typer

from assistant.cli.app import BaseUrlOption, ModelOption, NoCacheOption, OfflineOption, PromptsDirOption, app


@app.command()
def serve(
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8765,
    host: Annotated[str, typer.Option("--host", help="Address to bind; keep 127.0.0.1 unless you know why "
                                      "(the page holds your settings).")] = "127.0.0.1",
    no_browser: Annotated[bool, typer.Option("--no-browser", help="Do not open the default browser.")] = False,
    offline: OfflineOption = False,
    base_url: BaseUrlOption = None,
    model: ModelOption = None,
    no_cache: NoCacheOption = False,
    prompts_dir: PromptsDirOption = None,
) -> int:
    """Open a local page: write or paste a PR/FAQ, see the clarity score and its highlights as you type,
    ask the hard questions, seat the reviewers, draft from notes, keep versions, export .md/.docx."""
    from assistant.cli.common import announce_engine, say, settings_from_flags
    from assistant.errors import ConfigError

    try:
        import starlette  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError:
        raise ConfigError("prfaq serve needs starlette and uvicorn: pip install 'prfaq'") from None
    settings = settings_from_flags(offline=offline, base_url=base_url, model=model, no_cache=no_cache,
                                   prompts_dir=prompts_dir)
    announce_engine(settings)
    if host not in ("127.0.0.1", "localhost", "::1"):
        say(f"prfaq: warning: binding {host}; other machines may reach this page and the model it uses")
    from assistant.serve.app import serve as run

    run(settings, host=host, port=port, open_browser=not no_browser)
    return 0
