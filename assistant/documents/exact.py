"""Every quote shown is the document's own words: spans cut again from the original text.

Some readings work on a copy of the document with the same offsets but some characters blanked
(`assistant.safety.without_instructions` blanks text addressed to the model). What they find is
right by offset but its `text` was cut from the copy. `recut` takes such a result and cuts every
span-like value again from the original, so `value.text == document.text[start:end]` holds for
whatever the copy was.

A span-like value is a pydantic model with integer `start` and `end` and a string `text`
(`Span`, the questions' `Evidence`, the score's `Finding`); its `line` and `column`, when it has
them, are filled in again too. Everything else is walked into and left as it is.
"""

from __future__ import annotations

import functools
from typing import Any, TypeVar

from assistant.documents.models import Document
from assistant.modelbase import BaseModel

T = TypeVar("T")


def recut(value: T, doc: Document) -> T:
    """`value` with every span-like model in it cut again from `doc.text` (a copy; `value` is not changed)."""
    result: T = _recut(value, doc)
    return result


# Values with nothing inside to cut: most of what a report holds (its messages, scores, flags),
# returned at once instead of going through the checks below (a question list walks ~700 values).
_ATOMS = frozenset({str, int, float, bool, type(None)})


def _recut(value: Any, doc: Document) -> Any:
    if type(value) in _ATOMS:
        return value
    if isinstance(value, BaseModel):
        update = {name: _recut(getattr(value, name), doc) for name in type(value).model_fields}
        update = {name: new for name, new in update.items() if new is not getattr(value, name)}
        if _is_span(value):
            # The text `doc.span` would cut (the same clamping), compared before building the Span:
            # nearly every value already holds the original's words.
            text = doc.text
            start = max(0, min(value.start, len(text)))  # type: ignore[attr-defined]
            end = max(start, min(value.end, len(text)))  # type: ignore[attr-defined]
            if text[start:end] != value.text:  # type: ignore[attr-defined]
                span = doc.span(value.start, value.end)  # type: ignore[attr-defined]
                fields = type(value).model_fields
                update["text"] = span.text
                update.update({name: getattr(span, name) for name in ("line", "column") if name in fields})
        return value.model_copy(update=update) if update else value
    if isinstance(value, list):
        items = [_recut(item, doc) for item in value]
        return items if any(new is not old for new, old in zip(items, value, strict=True)) else value
    if isinstance(value, tuple):
        items = [_recut(item, doc) for item in value]
        return tuple(items) if any(new is not old for new, old in zip(items, value, strict=True)) else value
    if isinstance(value, dict):
        entries = {key: _recut(item, doc) for key, item in value.items()}
        return entries if any(entries[key] is not value[key] for key in value) else value
    return value


def _is_span(value: BaseModel) -> bool:
    if not _has_span_fields(type(value)):
        return False
    start, end, text = getattr(value, "start"), getattr(value, "end"), getattr(value, "text")  # noqa: B009
    return isinstance(start, int) and isinstance(end, int) and isinstance(text, str)


@functools.cache
def _has_span_fields(model: type[BaseModel]) -> bool:
    return {"start", "end", "text"} <= set(model.model_fields)
