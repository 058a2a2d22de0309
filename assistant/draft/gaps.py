"""Placeholders and the questions that fill them.

A draft never guesses: where the notes are silent it writes a visible `[TBD: ...]` and asks the
question whose answer belongs there. `GapBook` hands out placeholders while a draft is composed
and keeps one gap per placeholder.
"""

from __future__ import annotations

from assistant.draft.models import Gap, GapElement


class GapBook:
    def __init__(self) -> None:
        self._gaps: dict[str, Gap] = {}

    def tbd(self, label: str, question: str, element: GapElement | None = None) -> str:
        """The placeholder `[TBD: label]`, recorded with its question (once per label)."""
        placeholder = f"[TBD: {label}]"
        self._gaps.setdefault(placeholder, Gap(placeholder=placeholder, question=question, element=element))
        return placeholder

    @property
    def gaps(self) -> list[Gap]:
        return list(self._gaps.values())


def default_question(placeholder: str) -> str:
    """For a placeholder nobody explained (a model wrote it without saying why)."""
    what = placeholder.removeprefix("[TBD:").removesuffix("]").strip() or "this"
    return f"What should replace this placeholder ({what})? The notes do not say."
