"""Default factories for model fields.

`Field(default_factory=empty_list)` gives each instance its own new empty list, as
`default_factory=list` does. The difference is start-up time: when it builds a model, pydantic
reads the factory's signature, and for the builtin `list` the standard library parses its text
signature with tokenize, whose patterns are compiled on first use (~3 ms of `prfaq score`, which
runs on every commit and every save). A Python function's signature comes from its code object.
"""

from __future__ import annotations

from typing import Any


def empty_list() -> list[Any]:
    return []
