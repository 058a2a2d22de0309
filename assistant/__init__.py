"""prfaq: the Working Backwards assistant.

The public Python API mirrors the command line; every name below is importable without
pulling in the model SDKs (they load only when a model is actually called).
"""

from __future__ import annotations

__version__ = "0.1.0"

from assistant.api import (  # noqa: E402
    critique,
    draft,
    insights,
    load,
    outline,
    panel,
    questions,
    review,
    revise,
    score,
)

__all__ = ["__version__", "critique", "draft", "insights", "load", "outline", "panel", "questions", "review",
           "revise", "score"]
