"""The built-in offline engine: deterministic, no network, every job rule-based."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from assistant.errors import ConfigError

if TYPE_CHECKING:
    from assistant.clarity.judge import JudgeReport
    from assistant.config import Settings
    from assistant.documents.models import Document
    from assistant.draft.models import Draft
    from assistant.engines.base import AudienceFilter
    from assistant.insights.models import InsightsReport
    from assistant.insights.panel import PanelReport
    from assistant.personas.models import Persona, ReviewReport
    from assistant.questions.models import QuestionReport
    from assistant.revision.models import RevisionReport


class OfflineEngine:
    name: Literal["offline"] = "offline"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        # Persona files are read once per engine (one run), not once per document of a folder.
        self._seated: dict[tuple[str, ...] | None, list[Persona]] = {}

    def draft(self, notes: Document, *, stream: Callable[[str], None] | None = None) -> Draft:
        from assistant.draft.offline import draft_offline

        result = draft_offline(notes)
        if stream is not None:
            from assistant.render.markdown import render_press_release

            stream(render_press_release(result))
        return result

    def questions(
        self, doc: Document, *, audience: AudienceFilter = "all", top: int | None = None
    ) -> QuestionReport:
        from assistant.questions.offline import questions_offline

        return questions_offline(doc, audience=audience, top=top)

    def ask(self, doc: Document, questions: Sequence[str]) -> QuestionReport:
        from assistant.questions.offline import ask_offline

        return ask_offline(doc, list(questions))

    def review(
        self, doc: Document, *, personas: Sequence[str] | None = None, rounds: int = 1
    ) -> ReviewReport:
        from assistant.personas.loader import select_personas
        from assistant.personas.offline import review_offline

        key = tuple(personas) if personas is not None else None
        if key not in self._seated:
            self._seated[key] = select_personas(personas, self.settings.prompts_dir)
        return review_offline(doc, rounds=rounds, settings=self.settings, seated=self._seated[key])

    def warm_up_review(self) -> None:
        """Read the default panel's persona files and compile their keyword patterns now (before
        the fork of critique's workers: `re` keeps the compiled patterns, and the workers inherit them)."""
        from assistant.personas.checks import keyword_rule, terms
        from assistant.personas.loader import select_personas

        seated = self._seated.setdefault(None, select_personas(None, self.settings.prompts_dir))
        for persona in seated:
            if persona.seat_when:
                terms(*persona.seat_when)
            for rule in persona.rules:
                keyword_rule(rule)

    def judge(self, doc: Document) -> JudgeReport:
        raise ConfigError(
            "the LLM judge needs an endpoint: set OPENAI_BASE_URL (and OPENAI_API_KEY if it needs one), "
            "or drop --judge"
        )

    def revise(
        self, doc: Document, *, rules: Sequence[str] | None = None, review: ReviewReport | None = None,
        notes: Document | None = None,
    ) -> RevisionReport:
        from assistant.revision.offline import revise_offline

        return revise_offline(doc, rules=rules, review=review)

    def insights(
        self, sources: Sequence[str | Path], *, against: Document | None = None, text_column: str | None = None,
        progress: bool = False, on_skip: Callable[[str, str], None] | None = None,
    ) -> InsightsReport:
        from assistant.insights import insights

        return insights(sources, settings=self.settings, text_column=text_column, against=against,
                        progress=progress, on_skip=on_skip, gateway=None)

    def panel(self, doc: Document, *, evidence: Sequence[str | Path] = (), customers: int = 8) -> PanelReport:
        from assistant.insights.panel import panel_offline

        return panel_offline(doc, evidence=evidence, customers=customers, settings=self.settings)

    def usage_summary(self) -> dict[str, float]:
        return {"calls": 0, "requests": 0, "cache_hits": 0, "prompt_tokens": 0, "completion_tokens": 0,
                "cost_usd": 0.0}
