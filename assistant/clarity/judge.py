"""The optional LLM judge: anchored 1-5 scores per clarity criterion, each with its reasoning
and quotes as evidence. Quotes are checked against the document; those that are not in it are
dropped and counted. The judge never sets the score: `ScoreReport.with_judge` moves the
deterministic score by a bounded amount computed in code."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from assistant.defaults import empty_list
from assistant.modelbase import BaseModel, ConfigDict, Field, model_validator

if TYPE_CHECKING:
    from assistant.documents.models import Document
    from assistant.llm import Gateway

PROMPT_NAME = "judge.clarity"
MAX_QUOTES_PER_CRITERION = 5  # more are ignored: evidence, not a copy of the document

Criterion = Literal[
    "simplicity", "active_voice", "specificity", "jargon_acronyms", "customer_benefit", "structure"
]
CRITERIA: tuple[Criterion, ...] = (
    "simplicity", "active_voice", "specificity", "jargon_acronyms", "customer_benefit", "structure"
)


# The judge's verdict and what the model answers are validated only when `prfaq score --judge` asks
# for them; `prfaq score` alone, which runs on every commit, imports these classes without building
# their validators (ScoreReport still knows their shape: it builds their schema into its own).
_BUILT_WHEN_USED = ConfigDict(defer_build=True)


class Evidence(BaseModel):
    """A quote from the document, verified: `text == document.text[start:end]`."""

    model_config = _BUILT_WHEN_USED

    text: str
    start: int
    end: int
    line: int


class CriterionScore(BaseModel):
    model_config = _BUILT_WHEN_USED

    criterion: Criterion
    reasoning: str
    score: int = Field(ge=1, le=5)
    evidence: list[Evidence] = Field(default_factory=empty_list)


class JudgeReport(BaseModel):
    model_config = _BUILT_WHEN_USED

    criteria: list[CriterionScore]
    dropped_quotes: int = 0  # quotes the model gave that are not in the document
    model: str | None = None
    prompt: str | None = None  # prompt name@version

    def mean_score(self) -> float | None:
        if not self.criteria:
            return None
        return sum(c.score for c in self.criteria) / len(self.criteria)


# -- what the model is asked to return (reasoning before the score, quotes before both) ------


class CriterionAnswer(BaseModel):
    model_config = _BUILT_WHEN_USED

    criterion: Criterion
    quotes: list[str] = Field(default_factory=empty_list)
    reasoning: str
    score: int = Field(ge=1, le=5)


class JudgeAnswer(BaseModel):
    model_config = _BUILT_WHEN_USED

    criteria: list[CriterionAnswer]

    @model_validator(mode="after")
    def _each_criterion_once(self) -> JudgeAnswer:
        named = [c.criterion for c in self.criteria]
        if sorted(named) != sorted(CRITERIA):
            raise ValueError(f"give exactly one entry for each of {', '.join(CRITERIA)}; got {', '.join(named)}")
        return self


def verify(answer: JudgeAnswer, doc: Document) -> tuple[list[CriterionScore], int]:
    """Keep only quotes that are really in the document (doc.find), with their offsets; count the rest."""
    dropped = 0
    scores: list[CriterionScore] = []
    by_name = {c.criterion: c for c in answer.criteria}
    for name in CRITERIA:
        item = by_name[name]
        evidence: list[Evidence] = []
        for quote in item.quotes[:MAX_QUOTES_PER_CRITERION]:
            span = doc.find(quote)
            if span is None:
                dropped += 1
                continue
            evidence.append(Evidence(text=span.text, start=span.start, end=span.end, line=span.line))
        scores.append(CriterionScore(criterion=name, reasoning=item.reasoning, score=item.score, evidence=evidence))
    return scores, dropped


def judge_with_llm(doc: Document, gateway: Gateway) -> JudgeReport:
    """Ask the model (temperature 0, cached by the gateway) and verify its quotes. The document
    travels inside an envelope it cannot close."""
    from assistant.prompts import envelope, load_prompt

    answer = gateway.structured(PROMPT_NAME, {"document": envelope("document", doc.text)}, JudgeAnswer,
                                temperature=0.0)
    criteria, dropped = verify(answer, doc)
    spec = load_prompt(PROMPT_NAME, gateway.settings.prompts_dir)
    return JudgeReport(criteria=criteria, dropped_quotes=dropped, model=gateway.settings.model,
                       prompt=f"{spec.name}@{spec.version}")
