"""The typed result of `prfaq draft`: a PR/FAQ draft, its gaps, and how well it is grounded.

JSON (schema_version "1"):
    {"schema_version", "engine", "notes_path",
     "press_release": {"headline", "subheading", "dateline", "summary", "problem", "solution",
                       "leader_quote", "getting_started", "customer_quote", "call_to_action"},
     "faq": {"external": [{"question", "answer", "topic"}], "internal": [...]},
     "gaps": [{"placeholder", "question", "element", "reason"}],
     "grounding": {"checked", "supported", "items": [{"kind", "text", "where", "supported",
                   "source": {"text", "start", "end", "line"} | null, "replaced_by"}]},
     "score": {"clarity", "rubric_missing", "rubric_weak", "findings", "top_findings"} | null,
     "revised", "notes_lack", "warnings", "calls"}

Every `[TBD: ...]` placeholder in the text is listed once in `gaps`, with the question that fills
it. Every number, price, date, percentage, quoted sentence and quoted speaker in the text was
checked against the notes (`grounding`); what could not be found was replaced by a placeholder.
"""

from __future__ import annotations

import re
from typing import Literal, get_args

from pydantic import BaseModel, Field

from assistant.rubric.models import ElementId

SCHEMA_VERSION = "1"

SectionId = Literal[
    "headline",
    "subheading",
    "dateline",
    "summary",
    "problem",
    "solution",
    "leader_quote",
    "getting_started",
    "customer_quote",
    "call_to_action",
]
SECTION_IDS: tuple[SectionId, ...] = get_args(SectionId)
# The rubric element each gap stands in for.
GapElement = ElementId
InternalTopic = Literal["market", "problem", "economics", "dependencies", "risks", "not_doing", "other"]
ExternalTopic = Literal["price", "availability", "how_it_works", "compatibility", "data", "getting_started",
                        "other"]
ClaimKind = Literal["number", "price", "percentage", "date", "duration", "quote", "speaker", "name", "place"]
Engine = Literal["offline", "llm"]

PLACEHOLDER_RE = re.compile(r"\[TBD:[^\]\n]*\]")


class PressRelease(BaseModel):
    """The ten parts of an Amazon-style press release, in reading order. Text may hold `[TBD: ...]`."""

    headline: str
    subheading: str
    dateline: str
    summary: str
    problem: str
    solution: str
    leader_quote: str
    getting_started: str
    customer_quote: str
    call_to_action: str

    def sections(self) -> list[tuple[SectionId, str]]:
        return [(section, getattr(self, section)) for section in SECTION_IDS]


class FaqEntry(BaseModel):
    question: str
    answer: str
    topic: str = "other"


class Faq(BaseModel):
    external: list[FaqEntry] = Field(default_factory=list)
    internal: list[FaqEntry] = Field(default_factory=list)


class Gap(BaseModel):
    """A visible placeholder in the draft and the question whose answer replaces it."""

    placeholder: str = Field(description="exactly as it appears in the draft, e.g. [TBD: price per month]")
    question: str
    element: GapElement | None = Field(default=None, description="the rubric element it stands in for")
    reason: str = Field(default="not in the notes", description="why it is a gap")


class Evidence(BaseModel):
    """Where in the notes a claim was found: `text == notes.text[start:end]`."""

    text: str
    start: int
    end: int
    line: int


class GroundingItem(BaseModel):
    kind: ClaimKind
    text: str = Field(description="the claim as the draft wrote it")
    where: str = Field(description="the part of the draft, e.g. press_release.problem or faq.internal[2].answer")
    supported: bool
    source: Evidence | None = None
    replaced_by: str | None = Field(default=None, description="the placeholder put in its place")


class GroundingReport(BaseModel):
    checked: int = 0
    supported: int = 0
    items: list[GroundingItem] = Field(default_factory=list)

    @property
    def unsupported(self) -> list[GroundingItem]:
        return [item for item in self.items if not item.supported]


class ScoreSummary(BaseModel):
    """What `prfaq score` says about the draft (placeholders count against it, as they should)."""

    clarity: float
    rubric_missing: list[str] = Field(default_factory=list)
    rubric_weak: list[str] = Field(default_factory=list)
    findings: int = 0
    top_findings: list[str] = Field(default_factory=list)


class Draft(BaseModel):
    schema_version: str = SCHEMA_VERSION
    engine: Engine
    notes_path: str | None = None
    press_release: PressRelease
    faq: Faq
    gaps: list[Gap] = Field(default_factory=list)
    grounding: GroundingReport = Field(default_factory=GroundingReport)
    score: ScoreSummary | None = None
    revised: bool = Field(default=False, description="whether a self-critique pass revised the draft")
    notes_lack: list[str] = Field(default_factory=list, description="kinds of fact the notes did not give")
    warnings: list[str] = Field(default_factory=list)
    calls: int = Field(default=0, description="model calls made (0 offline)")

    @property
    def gap_elements(self) -> list[str]:
        """Rubric elements the draft openly marks as gaps."""
        return sorted({gap.element for gap in self.gaps if gap.element is not None})

    def texts(self) -> list[tuple[str, str]]:
        """Every piece of text in the draft with where it sits, in reading order."""
        out = [(f"press_release.{section}", text) for section, text in self.press_release.sections()]
        for audience in ("external", "internal"):
            for index, entry in enumerate(getattr(self.faq, audience)):
                out.append((f"faq.{audience}[{index}].question", entry.question))
                out.append((f"faq.{audience}[{index}].answer", entry.answer))
        return out

    def placeholders(self) -> list[str]:
        """Every distinct placeholder in the text, in reading order."""
        seen: dict[str, None] = {}
        for _, text in self.texts():
            for match in PLACEHOLDER_RE.finditer(text):
                seen.setdefault(match.group(), None)
        return list(seen)
