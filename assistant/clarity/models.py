"""The clarity report as data. `ScoreReport` is what `prfaq score --format json` prints.

Points are fixed-point with two decimals: the scorer works in integer hundredths of a point, so
the deductions of the findings add up to exactly `100 - score` (sum them as decimals, or round
the float sum to two places).
"""

from __future__ import annotations

from assistant.clarity.judge import JudgeReport
from assistant.defaults import empty_list
from assistant.modelbase import BaseModel, ConfigDict, Field
from assistant.rubric.models import RubricCheck, RubricElement, RubricReport
from assistant.safety import InstructionFlag

SCORE_SCHEMA_VERSION = "1"
JUDGE_MAX_ADJUSTMENT = 10.0  # the most points the LLM judge can add to or take from the score


class Finding(BaseModel):
    """One place in the document that cost points. `text == document.text[start:end]`."""

    rule: str
    message: str
    start: int
    end: int
    text: str
    line: int
    column: int
    deduction: float
    suggestion: str | None = None


class CategoryScore(BaseModel):
    """How much one habit (a category of rules) cost, and whether its cap was reached."""

    id: str
    cap: float
    deduction: float
    findings: int
    capped: bool


class ClarityReport(BaseModel):
    score: float
    rule_set_version: str
    findings: list[Finding]
    categories: list[CategoryScore] = Field(default_factory=empty_list)
    words: int = 0
    sentences: int = 0
    grade: float = 0.0  # Flesch-Kincaid grade of the whole text


class OverallScore(BaseModel):
    """The deterministic score moved by the judge, within a bound computed in code."""

    model_config = ConfigDict(defer_build=True)  # built on first use: only `--judge` makes one

    score: float
    deterministic: float
    judge_adjustment: float
    max_adjustment: float = JUDGE_MAX_ADJUSTMENT


class ScoreReport(BaseModel):
    schema_version: str = SCORE_SCHEMA_VERSION
    path: str | None = None
    clarity: ClarityReport
    rubric: RubricReport
    judge: JudgeReport | None = None
    overall: OverallScore | None = None
    # Passages that read like instructions to an AI or a reviewer; they are not scored.
    instruction_flags: list[InstructionFlag] = Field(default_factory=empty_list)

    def with_judge(self, judge_report: JudgeReport) -> ScoreReport:
        """This report plus the judge's verdict. The judge moves the score by at most
        JUDGE_MAX_ADJUSTMENT points, so a judge talked into a 5/5 by the document itself can move
        it only that far; the deterministic score stays as it was, beside it."""
        adjustment = judge_adjustment(judge_report)
        combined = min(100.0, max(0.0, self.clarity.score + adjustment))
        overall = OverallScore(score=round(combined, 2), deterministic=self.clarity.score,
                               judge_adjustment=adjustment)
        return self.model_copy(update={"judge": judge_report, "overall": overall})


class ScoreReports(BaseModel):
    """`prfaq score A B ... --format json`: one report per document that could be read, in the
    order given (one document alone prints its `ScoreReport`)."""

    model_config = ConfigDict(defer_build=True)  # built on first use: a single document never needs it

    schema_version: str = SCORE_SCHEMA_VERSION
    reports: list[ScoreReport] = Field(default_factory=empty_list)


def judge_adjustment(judge_report: JudgeReport) -> float:
    """Map the judge's mean criterion score (1-5, 3 neutral) onto +-JUDGE_MAX_ADJUSTMENT points."""
    mean = judge_report.mean_score()
    if mean is None:
        return 0.0
    share = (mean - 3.0) / 2.0  # -1 .. +1
    return round(max(-1.0, min(1.0, share)) * JUDGE_MAX_ADJUSTMENT, 2)


__all__ = [
    "SCORE_SCHEMA_VERSION",
    "CategoryScore",
    "ClarityReport",
    "Finding",
    "JudgeReport",
    "OverallScore",
    "RubricCheck",
    "RubricElement",
    "RubricReport",
    "ScoreReport",
    "ScoreReports",
]
