"""The one interface every command runs on. The offline engine and the LLM engine both
implement it, so commands never know (or care) which one is underneath."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol

if TYPE_CHECKING:
    from assistant.clarity.judge import JudgeReport
    from assistant.documents.models import Document
    from assistant.draft.models import Draft
    from assistant.insights.models import InsightsReport
    from assistant.insights.panel import PanelReport
    from assistant.personas.models import ReviewReport
    from assistant.questions.models import QuestionReport
    from assistant.revision.models import RevisionReport

AudienceFilter = Literal["external", "internal", "all"]


class Engine(Protocol):
    @property
    def name(self) -> Literal["offline", "llm"]: ...

    def draft(self, notes: Document, *, stream: Callable[[str], None] | None = None) -> Draft: ...

    def questions(
        self, doc: Document, *, audience: AudienceFilter = "all", top: int | None = None
    ) -> QuestionReport: ...

    def ask(self, doc: Document, questions: Sequence[str]) -> QuestionReport:
        """Exactly these questions, in this order, each judged against the document."""
        ...

    def review(
        self, doc: Document, *, personas: Sequence[str] | None = None, rounds: int = 1
    ) -> ReviewReport: ...

    def judge(self, doc: Document) -> JudgeReport: ...

    def revise(
        self, doc: Document, *, rules: Sequence[str] | None = None, review: ReviewReport | None = None,
        notes: Document | None = None,
    ) -> RevisionReport: ...

    def insights(
        self, sources: Sequence[str | Path], *, against: Document | None = None, text_column: str | None = None,
        progress: bool = False, on_skip: Callable[[str, str], None] | None = None,
    ) -> InsightsReport: ...

    def panel(self, doc: Document, *, evidence: Sequence[str | Path] = (), customers: int = 8) -> PanelReport: ...

    def usage_summary(self) -> dict[str, float]: ...
