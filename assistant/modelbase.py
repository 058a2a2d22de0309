"""The base of the package's data models: pydantic's, except inside a plain `prfaq score` process.

The models of a document and of its score (`assistant.documents.models`, `assistant.clarity.models`,
`assistant.rubric.models`, `assistant.safety`, `assistant.clarity.judge`) and `assistant.config`'s
`Settings` take `BaseModel`, `ConfigDict`, `Field`, `SecretStr` and `model_validator` from here.
Everywhere they are pydantic's own: `from assistant import ...`, the API, every command.

`prfaq score FILE` runs on every commit and every save, and importing pydantic with its first
model is about two thirds of that run's work (~400 of ~630 million instructions). Its Markdown,
GitHub and SARIF reports only build these objects and read their fields: no validation of outside
data, no JSON, no schema. So the command line, for exactly that run and only when it is about to
end the process (`assistant.cli.fast`), asks for `use_lite()` before any model module is imported,
and the same classes are then built on `assistant.litemodel`'s small base, which builds objects
the way pydantic does for the values these modules pass (see there). Whatever else runs in that
process never sees them.

The choice is made once per process, at the first name taken from here: `use_lite()` after that
answers False and nothing changes.
"""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import BaseModel, ConfigDict, Field, SecretStr, model_validator

_NAMES = ("BaseModel", "ConfigDict", "Field", "SecretStr", "model_validator")
_choice: list[str] = []  # "lite" or "pydantic", once chosen


def use_lite() -> bool:
    """Build the models on the lite base in this process, if nothing has taken a name from here yet."""
    if not _choice:
        _choice.append("lite")
    return _choice[0] == "lite"


def _source() -> ModuleType:
    if not _choice:
        _choice.append("pydantic")
    if _choice[0] == "lite":
        from assistant import litemodel

        return litemodel
    import pydantic

    return pydantic


def __getattr__(name: str) -> Any:
    if name not in _NAMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(_source(), name)
    globals()[name] = value
    return value


__all__ = ["BaseModel", "ConfigDict", "Field", "SecretStr", "model_validator", "use_lite"]
