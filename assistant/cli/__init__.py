"""`prfaq`: a thin command-line layer over the Python API in `assistant.api`.

The typer application (`assistant.cli.app`, with every command registered) loads on first use:
a plain `prfaq score FILE...` runs through the fast path (assistant.cli.fast) without it.
"""

from __future__ import annotations

import gc
import importlib
import os
import sys
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import typer


def _typer_app() -> typer.Typer:
    """The typer application with every command registered (each command module registers itself)."""
    from assistant.cli.app import app
    from assistant.cli import outline as _outline  # noqa: F401  isort: skip
    from assistant.cli import doctor as _doctor  # noqa: F401  isort: skip
    from assistant.cli import critique as _critique  # noqa: F401  isort: skip
    from assistant.cli import score as _score  # noqa: F401  isort: skip
    from assistant.cli import draft as _draft  # noqa: F401  isort: skip
    from assistant.cli import eval as _eval  # noqa: F401  isort: skip
    from assistant.cli import review as _review  # noqa: F401  isort: skip
    from assistant.cli import questions as _questions  # noqa: F401  isort: skip
    from assistant.cli import serve as _serve  # noqa: F401  isort: skip
    from assistant.cli import revise as _revise  # noqa: F401  isort: skip
    from assistant.cli import insights as _insights  # noqa: F401  isort: skip
    from assistant.cli import panel as _panel  # noqa: F401  isort: skip

    globals()["app"] = app  # `assistant.cli.app` names the Typer object, as before, not its module
    return app


def __getattr__(name: str) -> Any:
    if name == "app":
        return _typer_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_COMMANDS = ("score", "critique", "questions", "review", "draft", "eval", "outline", "revise", "insights", "panel",
             "serve", "doctor")


def main(*, fast: bool = True, keep_process: bool = False) -> None:
    """Entry point: user errors become one line on stderr and a documented exit code.

    `fast=False` always parses with typer (the tests compare both paths). A `prfaq score` run ends
    the process itself once its output is out (`_end_process` says why); `keep_process=True`
    returns (or raises SystemExit) instead, for a caller that goes on after it."""
    from assistant import patterncache

    command = sys.argv[1] if len(sys.argv) > 1 and sys.argv[1] in _COMMANDS else "other"
    if command == "score":
        _skip_pydantic_plugins()
        gc.disable()  # during start-up only: assistant.cli.score_run.collect_again says why
    elif command == "critique":
        gc.disable()  # during start-up and the warm-up only: assistant.batch.processes.collect_again says why
    patterncache.install(command)  # first: every module imported from here on compiles its patterns through it
    status: object = _UNFINISHED
    try:
        _main(fast=fast, ends_process=command == "score" and not keep_process and not sys.flags.inspect)
        status = 0
    except SystemExit as exc:
        status = exc.code
        raise
    finally:
        patterncache.save()
        if "assistant.datacache" in sys.modules:  # a run that looked nothing up has no memo to write
            sys.modules["assistant.datacache"].save_memos()
        if command == "score" and not keep_process:
            _end_process(status)
        elif command == "critique" and not keep_process:
            _end_process(status, exit_handlers=True)


_UNFINISHED = object()


def _end_process(status: object, *, exit_handlers: bool = False) -> None:
    """End a finished `prfaq score` run at once with its exit status, when nothing is left to do.

    `prfaq score` runs on every commit and every save. A normal exit then tears the interpreter
    down -- it frees every module, class and validator start-up built, one by one -- for ~3 ms of a
    ~150 ms run that nobody waits on for any reason (mypy ends its runs this way too). So once the
    output is flushed, os._exit ends the process with the same status. Anything a normal exit
    would still do keeps the normal exit: a run that ended in an error other than its exit status,
    a status that is not a number, an exit handler someone registered (logging's, say), a thread
    still running, an interactive session (python -i), or output that cannot be flushed (a closed
    pipe: the normal exit reports it as it always has).

    `exit_handlers` (`prfaq critique`): run the registered exit handlers first, as a normal exit
    would (multiprocessing registers one for the worker pool, which is already shut down), then
    end. A folder run leaves a large heap (the question bank, compiled patterns, numpy, every
    result): tearing it down took ~150 ms of CPU after the report was written."""
    import atexit

    if status is _UNFINISHED or not (status is None or type(status) is int) or sys.flags.inspect:
        return
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        return
    registered = getattr(atexit, "_ncallbacks", None)
    if registered is None:
        return
    if registered():
        if not exit_handlers:
            return
        atexit._run_exitfuncs()
        if registered():  # a handler that registered another: leave it to the normal exit
            return
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except Exception:  # noqa: BLE001  the normal exit flushes again and reports it
        return
    os._exit(status or 0)


def _skip_pydantic_plugins() -> None:
    """`prfaq score` runs on every commit and every save. At the first model class it builds, pydantic
    scans every installed package's entry points for its plugins (observability hooks, ~8 ms
    here with 200 packages) to wrap validators that score never shows anyone. Pydantic's own
    switch turns the scan off; a value the user set is kept (PYDANTIC_DISABLE_PLUGINS= with no
    value loads every plugin again).

    With the plugins off, pydantic's loader module is still imported at the first model class, and
    at its top it imports importlib.metadata (with email, zipfile, csv, shutil: ~13 ms of a
    ~150 ms run) only to look up entry points it is told not to look at. So, while plugins are off,
    a stand-in takes its place: its get_plugins() answers () exactly when pydantic's would (the
    switch is read at every call, as pydantic reads it); anything else, or a call once the
    switch is turned back on, loads pydantic's own module and goes there."""
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    name = "pydantic.plugin._loader"
    if _plugins_off() and name not in sys.modules:
        sys.modules[name] = _plugin_loader_stand_in(name)


def _plugins_off() -> bool:
    return os.environ.get("PYDANTIC_DISABLE_PLUGINS") in ("__all__", "1", "true")  # pydantic's own test


def _plugin_loader_stand_in(name: str) -> ModuleType:
    """A module named `name` (pydantic's plugin loader) that spares importing it while plugins are off."""
    stand_in = ModuleType(name, "Stands in for pydantic's plugin loader while plugins are off (assistant.cli).")

    def real() -> ModuleType:
        if sys.modules.get(name) is stand_in:
            del sys.modules[name]
        return importlib.import_module(name)

    def get_plugins() -> Any:
        return () if _plugins_off() else real().get_plugins()

    def __getattr__(attribute: str) -> Any:
        if attribute.startswith("__"):  # the import system asks for __path__ and the like
            raise AttributeError(attribute)
        return getattr(real(), attribute)

    vars(stand_in).update(get_plugins=get_plugins, __getattr__=__getattr__)
    return stand_in


def _main(*, fast: bool, ends_process: bool = False) -> None:
    from assistant.errors import PrfaqError

    if os.environ.get("PRFAQ_LOG_LEVEL"):  # the logging package only when asked for (start-up time)
        from assistant.logging_setup import configure_logging

        configure_logging()
    try:
        result = None
        if fast:
            from assistant.cli.fast import run_fast

            result = run_fast(sys.argv[1:], ends_process=ends_process)
        if result is None:
            result = _typer_app()(prog_name="prfaq", standalone_mode=False)
        if isinstance(result, int) and result:
            sys.exit(result)
    except PrfaqError as exc:
        print(f"prfaq: error: {exc}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        print("prfaq: interrupted", file=sys.stderr)
        sys.exit(130)
    except SystemExit:
        raise
    except Exception as exc:
        import typer

        # typer vendors click; its usage errors derive from UsageError (exit 2) and all carry show().
        if isinstance(exc, typer.Abort):
            print("prfaq: aborted", file=sys.stderr)
            sys.exit(130)
        show = getattr(exc, "show", None)
        if callable(show) and hasattr(exc, "exit_code"):
            show()
            is_usage = any(cls.__name__ == "UsageError" for cls in type(exc).__mro__)
            sys.exit(2 if is_usage else int(exc.exit_code))
        if os.environ.get("PRFAQ_DEBUG"):
            raise
        message = " ".join(str(exc).split()) or type(exc).__name__
        print(f"prfaq: internal error: {type(exc).__name__}: {message} "
              "(set PRFAQ_DEBUG=1 for a traceback, and please report it)", file=sys.stderr)
        sys.exit(70)


__all__ = ["app", "main"]
