"""`prfaq`: a thin command-line layer over the Python API in `assistant.api`."""

from __future__ import annotations

import os
import sys

from assistant.cli.app import app

# Each command lives in its own module and registers itself on `app` when imported.
from assistant.cli import outline as _outline  # noqa: E402,F401  isort: skip
from assistant.cli import doctor as _doctor  # noqa: E402,F401  isort: skip
from assistant.cli import critique as _critique  # noqa: E402,F401  isort: skip
from assistant.cli import score as _score  # noqa: E402,F401  isort: skip
from assistant.cli import draft as _draft  # noqa: E402,F401  isort: skip
from assistant.cli import eval as _eval  # noqa: E402,F401  isort: skip
from assistant.cli import review as _review  # noqa: E402,F401  isort: skip
from assistant.cli import questions as _questions  # noqa: E402,F401  isort: skip
from assistant.cli import serve as _serve  # noqa: E402,F401  isort: skip
from assistant.cli import revise as _revise  # noqa: E402,F401  isort: skip
from assistant.cli import insights as _insights  # noqa: E402,F401  isort: skip
from assistant.cli import panel as _panel  # noqa: E402,F401  isort: skip


def main() -> None:
    """Entry point: user errors become one line on stderr and a documented exit code."""
    from assistant.errors import PrfaqError
    from assistant.logging_setup import configure_logging

    configure_logging()
    try:
        result = app(prog_name="prfaq", standalone_mode=False)
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
