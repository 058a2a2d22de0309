"""prfaq: the Working Backwards assistant.

The public Python API mirrors the command line; every name below is importable without
pulling in the model SDKs (they load only when a model is actually called).
"""

from __future__ import annotations

import sys as _sys
import types as _types

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


class _Api(_types.ModuleType):
    """`assistant.draft`, `assistant.questions` and `assistant.insights` are both API functions and
    subpackages. Importing a subpackage makes Python set it as an attribute of its parent, which
    would replace the function (`assistant.draft(...)` then fails with "module is not callable"
    after any `import assistant.draft.models`). The functions keep their names; the packages stay
    reachable with `from assistant.draft import models` (not `import assistant.draft.models as m`,
    which reads the attribute)."""

    def __setattr__(self, name: str, value: object) -> None:
        if name in __all__ and isinstance(value, _types.ModuleType):
            return
        super().__setattr__(name, value)


_sys.modules[__name__].__class__ = _Api
