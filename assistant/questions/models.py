"""The typed result of `prfaq questions`: ranked questions, each with its status and evidence.

JSON (schema_version "1"):
    {"schema_version", "engine", "path",
     "questions": [{"audience", "topic", "question", "why", "why_span", "status",
                    "evidence": {"text", "start", "end", "line"} | null, "score", ...}],
     "counts": {...}}
`evidence.text == document.text[evidence.start:evidence.end]` always: every quote is verified.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from assistant.documents.models import Audience, Span

SCHEMA_VERSION = "1"

Status = Literal["answered", "partly", "unanswered"]
# How far each status goes towards an answer: the better of two verdicts is the higher.
ANSWERED_ORDER: dict[Status, int] = {"unanswered": 0, "partly": 1, "answered": 2}
Source = Literal["bank", "llm", "asked"]  # asked: a question the user gave (--ask)


class Evidence(BaseModel):
    """A sentence of the document that answers the question, verified to be in it."""

    text: str
    start: int
    end: int
    line: int

    @classmethod
    def of(cls, span: Span) -> Evidence:
        return cls(text=span.text, start=span.start, end=span.end, line=span.line)


class Question(BaseModel):
    id: str = Field(description="bank id, or lens-numbered id for generated questions")
    audience: Audience
    topic: str
    question: str
    why: str = Field(description="why this document will be asked it")
    why_span: Span | None = Field(default=None, description="the words in the document that raise it")
    status: Status = "unanswered"
    evidence: Evidence | None = None
    status_reason: str = Field(default="", description="how the status was decided, for the curious reader")
    priority: float = Field(default=0.0, description="0-100: how much it matters for this document, whatever "
                            "the document answers (topic weight and how strongly the document raises it)")
    score: float = Field(default=0.0, description="rank score: priority lowered when answered; higher is first")
    source: Source = "bank"
    lenses: list[str] = Field(default_factory=list, description="stakeholder lenses that asked it (LLM engine)")
    also_asked_as: list[str] = Field(default_factory=list, description="near-duplicate phrasings merged into it")


class QuestionCounts(BaseModel):
    total: int = 0
    external: int = 0
    internal: int = 0
    answered: int = 0
    partly: int = 0
    unanswered: int = 0
    merged_duplicates: int = 0
    unverified_quotes: int = Field(default=0, description="model quotes not found in the document, dropped")
    failed_lenses: int = 0


class QuestionReport(BaseModel):
    schema_version: str = SCHEMA_VERSION
    engine: Literal["offline", "llm"] = "offline"
    path: str | None = None
    product: str | None = Field(default=None, description="the product name the document seems to be about")
    questions: list[Question] = Field(default_factory=list)
    counts: QuestionCounts = Field(default_factory=QuestionCounts)
    notes: list[str] = Field(default_factory=list, description="what the reader should know about this run")

    def of(self, audience: Audience) -> list[Question]:
        return [q for q in self.questions if q.audience == audience]

    def by_id(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)
