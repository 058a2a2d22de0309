"""The typed shape of a loaded document. Every element carries character offsets into
`Document.text`, so any finding can point at `text[start:end]` and at a line and column."""

from __future__ import annotations

import bisect
import re
from functools import cached_property
from typing import Literal

from assistant.defaults import empty_list
from assistant.modelbase import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1"

SourceFormat = Literal["md", "txt", "docx", "stdin"]
Audience = Literal["external", "internal"]
ParagraphRole = Literal[
    "summary",
    "problem",
    "solution",
    "leader_quote",
    "customer_quote",
    "getting_started",
    "call_to_action",
    "other",
]


class Span(BaseModel):
    """A stretch of the document: `text == document.text[start:end]`. Lines and columns are 1-based."""

    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    text: str
    line: int = 1
    column: int = 1


class Paragraph(BaseModel):
    span: Span
    line_end: int
    role: ParagraphRole | None = None
    section: str | None = None  # the heading it sits under, if any


class Heading(BaseModel):
    span: Span
    level: int


class FaqItem(BaseModel):
    audience: Audience
    question: Span
    answer: Span | None = None


class Document(BaseModel):
    """A document read for analysis. Build one with `assistant.documents.load` or `parse`."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    schema_version: str = SCHEMA_VERSION
    path: str | None = None
    source_format: SourceFormat = "md"
    text: str
    sha256: str = ""
    headline: Span | None = None
    subheading: Span | None = None
    dateline: Span | None = None
    headings: list[Heading] = Field(default_factory=empty_list)
    paragraphs: list[Paragraph] = Field(default_factory=empty_list)  # press-release body paragraphs
    faq: list[FaqItem] = Field(default_factory=empty_list)
    faq_start: int | None = None  # offset where the FAQ begins; the press release is text[:faq_start]
    warnings: list[str] = Field(default_factory=empty_list)  # what the loader stripped or repaired

    @cached_property
    def _line_starts(self) -> list[int]:
        starts = [0]
        starts.extend(match.end() for match in re.finditer("\n", self.text))  # per line, not per character
        return starts

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1

    def span(self, start: int, end: int) -> Span:
        """A Span for text[start:end], with its line and column filled in."""
        start = max(0, min(start, len(self.text)))
        end = max(start, min(end, len(self.text)))
        line, column = self.line_col(start)
        return Span(start=start, end=end, text=self.text[start:end], line=line, column=column)

    @property
    def press_release_text(self) -> str:
        return self.text[: self.faq_start] if self.faq_start is not None else self.text

    @property
    def display_name(self) -> str:
        return self.path or "<stdin>"

    def find(self, quote: str) -> Span | None:
        """Locate a quote in the text (exact first, then whitespace- and case-insensitive).

        This is how every quote shown as evidence is verified: a quote that cannot be found
        here is not in the document.
        """
        from assistant.documents.locate import locate_quote

        found = locate_quote(self.text, quote)
        return self.span(*found) if found else None

    @property
    def external_faq(self) -> list[FaqItem]:
        return [item for item in self.faq if item.audience == "external"]

    @property
    def internal_faq(self) -> list[FaqItem]:
        return [item for item in self.faq if item.audience == "internal"]
