"""The PR/FAQ structure rubric, as data: which elements are present, weak or missing, and where."""

from __future__ import annotations

from typing import Literal, get_args

from assistant.defaults import empty_list
from assistant.modelbase import BaseModel, Field

ElementId = Literal[
    "headline",
    "subheading",
    "dateline",
    "problem",
    "solution",
    "leader_quote",
    "getting_started",
    "customer_quote",
    "call_to_action",
    "external_faq",
    "internal_faq",
]
ELEMENT_IDS: tuple[ElementId, ...] = get_args(ElementId)
ElementStatus = Literal["present", "weak", "missing"]
CheckId = Literal["two_quotes", "one_page", "no_placeholders", "faq_order"]


class RubricElement(BaseModel):
    """One element of the PR/FAQ. `start`/`end` index the document text (None when missing);
    `reason` says why it is weak or missing, or how it was recognised."""

    id: ElementId
    status: ElementStatus
    start: int | None = None
    end: int | None = None
    line: int | None = None
    line_end: int | None = None
    reason: str = ""


class RubricCheck(BaseModel):
    """A whole-document check (exactly two quotes, under about a page, ...)."""

    id: CheckId
    passed: bool
    message: str
    start: int | None = None
    end: int | None = None
    line: int | None = None


class RubricReport(BaseModel):
    elements: list[RubricElement]
    missing: list[ElementId] = Field(default_factory=empty_list)
    weak: list[ElementId] = Field(default_factory=empty_list)
    checks: list[RubricCheck] = Field(default_factory=empty_list)

    def element(self, element_id: ElementId) -> RubricElement:
        return next(e for e in self.elements if e.id == element_id)

    def check(self, check_id: CheckId) -> RubricCheck:
        return next(c for c in self.checks if c.id == check_id)
