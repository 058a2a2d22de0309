"""The typed result of `prfaq insights`: customer problems that recur across many sources.

JSON (schema_version "1"), kept stable for scripts:
    {"schema_version", "engine",
     "sources": [{"id", "path", "kind"}],
     "themes": [{"title", "count", "sources": [ids], "quotes": [{"text", "source", "start", "end"}],
                 "segments": [...], "addressed"?: bool, "addressed_by"?: {"text", "start", "end"}}],
     "skipped": [{"path", "reason"}], "totals": {...}, "notes": [...]}

`count == len(sources)`. A file's id is its path; a CSV/JSONL row's id is `PATH#ID` when the
file has an `id` column, else `PATH#ROW` (1-based). A quote's offsets point into the file's text
(as loaded) or into the row's text: `text[start:end] == quote.text`, checked in code.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

SCHEMA_VERSION = "1"
SourceKind = Literal["file", "row"]


class SourceRef(BaseModel):
    id: str
    path: str
    kind: SourceKind


class Quote(BaseModel):
    text: str
    source: str
    start: int
    end: int


class Addressed(BaseModel):
    """The sentence of the checked document that addresses a theme: `doc.text[start:end] == text`."""

    text: str
    start: int
    end: int
    similarity: float = 0.0


class Theme(BaseModel):
    title: str
    count: int
    sources: list[str]
    quotes: list[Quote] = Field(default_factory=list)
    segments: list[str] = Field(default_factory=list)
    by_kind: dict[str, int] = Field(default_factory=dict)  # "interviews" / "tickets.csv rows" -> count
    addressed: bool | None = None
    addressed_by: Addressed | None = None


class Skipped(BaseModel):
    path: str
    reason: str


class InsightsReport(BaseModel):
    schema_version: str = SCHEMA_VERSION
    engine: Literal["offline", "llm"] = "offline"
    sources: list[SourceRef] = Field(default_factory=list)
    themes: list[Theme] = Field(default_factory=list)
    against: str | None = None
    skipped: list[Skipped] = Field(default_factory=list)
    totals: dict[str, int] = Field(default_factory=dict)  # per group of sources: how many were read
    unverified_quotes: int = 0
    notes: list[str] = Field(default_factory=list)

    def describe_count(self, theme: Theme) -> str:
        """"14 of 30 interviews and 22 of 60 tickets": the theme's count in each group of sources."""
        parts = [f"{theme.by_kind.get(group, 0)} of {total} {group}" for group, total in self.totals.items()
                 if theme.by_kind.get(group, 0)]
        if not parts:
            return f"{theme.count} of {len(self.sources)} sources"
        return " and ".join(parts) if len(parts) <= 2 else ", ".join(parts[:-1]) + " and " + parts[-1]

    def model_dump_contract(self) -> dict[str, object]:
        """The JSON contract: everything, minus the keys left unset (addressed only with --against)."""
        data = self.model_dump()
        for theme in data["themes"]:
            if theme["addressed"] is None:
                theme.pop("addressed")
                theme.pop("addressed_by")
        return data
