"""`prfaq serve`: a local web page for writers (live score and highlights, questions, review, draft,
saved versions, export) and a JSON API, over the same Python API as the command line."""

from __future__ import annotations

__all__ = ["create_app", "serve"]


def __getattr__(name: str) -> object:
    # Starlette and uvicorn load only when the server is wanted, not with `import assistant`.
    if name in __all__:
        from assistant.serve import app

        return getattr(app, name)
    raise AttributeError(name)
