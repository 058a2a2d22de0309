"""The LLM engine: each job runs as a pipeline of prompt files through the model gateway."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from assistant.clarity.judge import JudgeReport
    from assistant.config import Settings
    from assistant.documents.models import Document
    from assistant.draft.models import Draft
    from assistant.engines.base import AudienceFilter
    from assistant.insights.models import InsightsReport
    from assistant.insights.panel import PanelReport
    from assistant.llm import Gateway
    from assistant.personas.llm import ReviewPrep
    from assistant.personas.models import ReviewReport
    from assistant.questions.models import QuestionReport
    from assistant.revision.models import RevisionReport


class LLMEngine:
    name: Literal["llm"] = "llm"

    def __init__(self, settings: Settings, gateway: Gateway | None = None) -> None:
        from assistant.llm import Gateway

        self.settings = settings
        self.gateway = gateway or Gateway(settings)

    def draft(self, notes: Document, *, stream: Callable[[str], None] | None = None) -> Draft:
        from assistant.draft.pipeline import draft_with_llm

        return draft_with_llm(notes, self.gateway, stream=stream)

    def questions(
        self, doc: Document, *, audience: AudienceFilter = "all", top: int | None = None
    ) -> QuestionReport:
        from assistant.questions.llm import questions_with_llm

        return questions_with_llm(doc, self.gateway, audience=audience, top=top)

    def ask(self, doc: Document, questions: Sequence[str]) -> QuestionReport:
        from assistant.questions.llm import ask_with_llm

        return ask_with_llm(doc, self.gateway, list(questions))

    def review(
        self, doc: Document, *, personas: Sequence[str] | None = None, rounds: int = 1, prep: ReviewPrep | None = None
    ) -> ReviewReport:
        from assistant.personas.llm import review_with_llm

        return review_with_llm(doc, self.gateway, persona_ids=personas, rounds=rounds, prep=prep)

    def judge(self, doc: Document) -> JudgeReport:
        from assistant.clarity.judge import judge_with_llm

        return judge_with_llm(doc, self.gateway)

    def revise(
        self, doc: Document, *, rules: Sequence[str] | None = None, review: ReviewReport | None = None,
        notes: Document | None = None,
    ) -> RevisionReport:
        from assistant.revision.llm import revise_with_llm

        return revise_with_llm(doc, self.gateway, review=review, notes=notes)

    def insights(
        self, sources: Sequence[str | Path], *, against: Document | None = None, text_column: str | None = None,
        progress: bool = False, on_skip: Callable[[str, str], None] | None = None,
    ) -> InsightsReport:
        from assistant.insights import insights

        return insights(sources, settings=self.settings, text_column=text_column, against=against,
                        progress=progress, on_skip=on_skip, gateway=self.gateway)

    def panel(self, doc: Document, *, evidence: Sequence[str | Path] = (), customers: int = 8) -> PanelReport:
        from assistant.insights.panel import panel_llm

        return panel_llm(doc, evidence=evidence, customers=customers, settings=self.settings, gateway=self.gateway)

    def usage_summary(self) -> dict[str, float]:
        return self.gateway.usage.as_dict()
