"""The typed result of `prfaq review`: each persona's findings and position, the discussion, the decision.

JSON (schema_version "1"):
    {"schema_version", "engine", "path",
     "personas": [{"id", "name", "position", "biggest_concern",
                   "findings": [{"id", "severity", "quote": {"text", "start", "end", "line"},
                                 "question", "suggestion", "check", "source"}]}],
     "discussion": [{"round", "persona", "responds_to", "point", "stance", "position_after"}],
     "decision": {"verdict", "reasons", "must_fix": [{"text", "severity", "finding_refs"}],
                  "decided_by", "model_verdict", "overruled", "overruled_because", "guard"},
     "guard_findings": [finding, id "guard-<n>"],
     "dropped_unverified", "calls", "call_budget", "instruction_flags", "notes"}
`quote.text == document.text[quote.start:quote.end]` always: every quote is verified against the document.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from assistant.documents.models import Span

SCHEMA_VERSION = "1"

Severity = Literal["blocker", "major", "minor"]
Position = Literal["approve", "iterate", "reject"]
Verdict = Literal["approve", "revise", "reject"]
Stance = Literal["challenge", "concede", "hold", "agree", "disagree", "partly"]
FindingSource = Literal["rule", "model"]

SEVERITY_RANK: dict[Severity, int] = {"blocker": 3, "major": 2, "minor": 1}
POSITION_RANK: dict[Position, int] = {"approve": 0, "iterate": 1, "reject": 2}
VERDICT_RANK: dict[Verdict, int] = {"approve": 0, "revise": 1, "reject": 2}
MAX_MUST_FIX = 5
GUARD = "guard"  # the id prefix of findings about text addressed to the reader of the review


class Persona(BaseModel):
    """A seat at the table, read from prompts/personas/<id>.yaml (built-in or the user's folder)."""

    id: str
    name: str
    lens: str
    always_checks: list[str] = Field(default_factory=list)
    voice: str = ""
    version: str = "0"
    path: str = ""
    builtin: bool = True
    default: bool = False  # seated when --personas is not given
    order: int = 100
    checks: list[str] = Field(default_factory=list, description="ids of the offline checks this persona runs")
    rules: list[KeywordRule] = Field(default_factory=list, description="declarative offline checks from the file")
    seat_when: list[str] = Field(default_factory=list, description="seated by default when the document mentions "
                                 "one of these words (stems end in *); empty when seated on request")

    @property
    def prompt_name(self) -> str:
        return f"personas/{self.id}"


class KeywordRule(BaseModel):
    """A check a user can write in a persona file without Python.

    With `when`: flag when the document mentions one of those words and none of `unless`.
    Without `when`: flag when the document mentions none of `unless` (something missing).
    """

    id: str
    severity: Severity = "major"
    when: list[str] = Field(default_factory=list)
    unless: list[str] = Field(default_factory=list)
    question: str
    suggestion: str = ""


class Quote(BaseModel):
    """The exact words a finding is about; `text == document.text[start:end]`."""

    text: str
    start: int
    end: int
    line: int

    @classmethod
    def of(cls, span: Span) -> Quote:
        return cls(text=span.text, start=span.start, end=span.end, line=span.line)

    def overlaps(self, other: Quote) -> bool:
        return self.start < other.end and other.start < self.end


class Finding(BaseModel):
    id: str = Field(default="", description="'<persona>-<n>': what must-fix items and discussion turns refer to")
    severity: Severity
    quote: Quote
    question: str = Field(description="what this persona would ask in the room")
    suggestion: str = Field(description="a concrete change to the document")
    check: str = Field(description="the offline check that raised it, or 'model'")
    gap: bool = Field(default=False, description="about something the document does not say; the quote is "
                      "the sentence that raises the question, not words that are wrong")
    source: FindingSource = "rule"


class PersonaVerdict(BaseModel):
    id: str
    name: str
    lens: str = ""
    position: Position
    biggest_concern: str
    findings: list[Finding] = Field(default_factory=list)
    initial_position: Position | None = Field(default=None, description="before the discussion, if it changed")

    def blockers(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "blocker"]


class DiscussionTurn(BaseModel):
    round: int = 1
    persona: str
    responds_to: str
    point: str
    stance: Stance
    finding_refs: list[str] = Field(default_factory=list)
    position_after: Position | None = None


class MustFix(BaseModel):
    text: str
    severity: Severity
    finding_refs: list[str] = Field(min_length=1, description="ids of the findings behind this item")


class Decision(BaseModel):
    verdict: Verdict
    reasons: list[str] = Field(default_factory=list)
    must_fix: list[MustFix] = Field(default_factory=list, max_length=MAX_MUST_FIX)
    decided_by: Literal["rules", "model"] = "rules"
    model_verdict: Verdict | None = Field(default=None, description="the chair's verdict, when a model decided")
    overruled: bool = Field(default=False, description="the rules made the verdict stricter than the model's")
    overruled_because: list[str] = Field(default_factory=list, description="why the model's verdict was not allowed")
    guard: list[str] = Field(default_factory=list, description="what the guard did about text addressed to the "
                             "reader of the review (never a claim about what a model did with it)")


class InstructionNotice(BaseModel):
    """Text in the document that tries to instruct the reviewers: detected, shown to the user, and a must-fix."""

    kind: str
    quote: Quote


class ReviewReport(BaseModel):
    schema_version: str = SCHEMA_VERSION
    engine: Literal["offline", "llm"] = "offline"
    path: str | None = None
    personas: list[PersonaVerdict] = Field(default_factory=list)
    discussion: list[DiscussionTurn] = Field(default_factory=list)
    decision: Decision
    rounds: int = 1
    dropped_unverified: int = Field(default=0, description="model findings whose quote is not in the document")
    calls: int = Field(default=0, description="model calls this review made")
    call_budget: int = Field(default=0, description="the most calls it could have made")
    instruction_flags: list[InstructionNotice] = Field(default_factory=list)
    guard_findings: list[Finding] = Field(default_factory=list, description="text addressed to the reader of the "
                                          "review, each a must-fix blocker quoting it ('guard-<n>')")
    notes: list[str] = Field(default_factory=list)

    def persona(self, persona_id: str) -> PersonaVerdict:
        return next(p for p in self.personas if p.id == persona_id)

    def findings(self) -> list[Finding]:
        return [f for p in self.personas for f in p.findings]


class PersonaListing(BaseModel):
    """`prfaq review --list-personas --format json`."""

    schema_version: str = SCHEMA_VERSION
    personas: list[Persona]
    prompts_dirs: list[str] = Field(default_factory=list)


Persona.model_rebuild()
