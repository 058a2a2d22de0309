"""The typed result of `prfaq revise`: what was fixed (rule, line, before, after), what was only
reported, what the grounding check removed (model engine), the score before and after, the
findings resolved and remaining, the questions newly answered, and the unified diff.

JSON (schema_version "1"):
    {"schema_version", "engine", "path", "output", "rules",
     "fixes": [{"rule", "line", "column", "before", "after", "pass"}],
     "not_applied": [{"rule", "line", "text", "reason"}],
     "unsupported": [{"kind", "text", "replaced_by"}],
     "score_before", "score_after", "findings_resolved", "findings_remaining",
     "questions_newly_answered", "must_fix", "diff", "text"}
`before` is the exact text where the fix was made: the input's own words for pass-1 fixes.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

SCHEMA_VERSION = "1"


class Fix(BaseModel):
    """One change made to the document: `before` is the text where the fix was made (the input's
    own words on pass 1; a later pass works on the earlier passes' result), `after` what replaced it."""

    rule: str
    line: int
    column: int = 1
    before: str
    after: str
    pass_number: int = Field(default=1, alias="pass", description="the pass that made it")

    model_config = {"populate_by_name": True, "serialize_by_alias": True}


class NotApplied(BaseModel):
    """A problem a rule saw but could not fix safely: reported for the writer, text unchanged."""

    rule: str
    line: int
    text: str
    reason: str


class Unsupported(BaseModel):
    """A figure, name or quote the model wrote that neither the document nor its notes support."""

    kind: str
    text: str
    replaced_by: str


class FindingRef(BaseModel):
    rule: str
    line: int
    text: str
    message: str


class QuestionChange(BaseModel):
    id: str
    question: str
    before: str
    after: str


class RevisionReport(BaseModel):
    schema_version: str = SCHEMA_VERSION
    engine: Literal["offline", "llm"] = "offline"
    path: str | None = None
    output: str | None = Field(default=None, description="where the revised document was written")
    rules: list[str] = Field(default_factory=list, description="the fix rules that ran")
    fixes: list[Fix] = Field(default_factory=list)
    not_applied: list[NotApplied] = Field(default_factory=list)
    unsupported: list[Unsupported] = Field(default_factory=list,
                                           description="model claims replaced by placeholders")
    restored: list[str] = Field(default_factory=list,
                                description="sections or FAQ entries the model dropped, put back")
    score_before: float
    score_after: float
    findings_resolved: list[FindingRef] = Field(default_factory=list)
    findings_remaining: list[FindingRef] = Field(default_factory=list)
    questions_newly_answered: list[QuestionChange] = Field(default_factory=list)
    must_fix: list[str] = Field(default_factory=list, description="the review's must-fix list, when given")
    passes: int = Field(default=1, description="offline passes until nothing more changed")
    diff: str = ""
    text: str = Field(default="", description="the revised document")

    @property
    def changed(self) -> bool:
        return bool(self.diff)
