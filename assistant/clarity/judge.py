"""The optional LLM judge: anchored 1-5 scores per clarity criterion, each with its reasoning
and quotes as evidence. Quotes are checked against the document; those that are not in it are
dropped and counted. The judge never sets the score: `ScoreReport.with_judge` moves the
deterministic score by a bounded amount computed in code."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Criterion = Literal[
    "simplicity", "active_voice", "specificity", "jargon_acronyms", "customer_benefit", "structure"
]
CRITERIA: tuple[Criterion, ...] = (
    "simplicity", "active_voice", "specificity", "jargon_acronyms", "customer_benefit", "structure"
)


class Evidence(BaseModel):
    """A quote from the document, verified: `text == document.text[start:end]`."""

    text: str
    start: int
    end: int
    line: int


class CriterionScore(BaseModel):
    criterion: Criterion
    reasoning: str
    score: int = Field(ge=1, le=5)
    evidence: list[Evidence] = Field(default_factory=list)


class JudgeReport(BaseModel):
    criteria: list[CriterionScore]
    dropped_quotes: int = 0  # quotes the model gave that are not in the document
    model: str | None = None
    prompt: str | None = None  # prompt name@version

    def mean_score(self) -> float | None:
        if not self.criteria:
            return None
        return sum(c.score for c in self.criteria) / len(self.criteria)
