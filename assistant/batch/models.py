"""The results of `prfaq critique` as data.

`DocResult` is one line of results.jsonl (schema_version "1"):
    {"schema_version", "path", "sha256", "status": "ok"|"error", "error", "error_kind",
     "score", "clarity", "rubric", "questions", "review", "calls", "cache_hits", "tokens",
     "cost_usd", "settings_key", "engine", "seconds", "warnings"}
`score` is the 0-100 clarity score; `clarity` holds its findings. A document that failed keeps
whatever finished before the failure (for instance its score when the model was down), so the
line is useful on its own; the next run with the same --out retries it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.clarity.models import ClarityReport
from assistant.documents.models import Document
from assistant.personas.models import ReviewReport
from assistant.questions.models import QuestionReport
from assistant.rubric.models import RubricReport

RESULT_SCHEMA_VERSION = "1"

Part = Literal["score", "questions", "review"]
ALL_PARTS: tuple[Part, ...] = ("score", "questions", "review")
Status = Literal["ok", "error"]


class DocSource(BaseModel):
    """A document found on the command line: where it is and what its bytes hash to."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    path: str  # as shown to the user and written in results.jsonl
    file: Path | None = None  # None for standard input
    sha256: str = ""  # of the raw bytes; "" when the file cannot be read as a regular file
    size: int | None = None
    stdin_doc: Document | None = None  # standard input is read once, at discovery

    @property
    def is_stdin(self) -> bool:
        return self.file is None


class Excerpt(BaseModel):
    """The words around a quoted span (`text` is document.text[start:end]), so a report can show
    the quote in context without the whole document."""

    start: int
    end: int
    before: str
    text: str
    after: str


class DocResult(BaseModel):
    """One document's critique: one line of results.jsonl."""

    schema_version: str = RESULT_SCHEMA_VERSION
    path: str
    sha256: str
    status: Status
    error: str | None = None
    error_kind: str | None = Field(default=None, description="input, internal, or the model error's kind")
    score: float | None = None
    clarity: ClarityReport | None = None
    rubric: RubricReport | None = None
    questions: QuestionReport | None = None
    review: ReviewReport | None = None
    calls: int = Field(default=0, description="model requests sent for this document (cache hits excluded)")
    cache_hits: int = 0
    tokens: int = 0
    cost_usd: float = 0.0
    settings_key: str = ""
    engine: str = ""
    seconds: float = 0.0
    warnings: list[str] = Field(default_factory=list, description="what the loader repaired, instruction-like text")
    excerpts: list[Excerpt] = Field(default_factory=list, description="the line around each quoted span")

    @property
    def ok(self) -> bool:
        return self.status == "ok"


class DryRunItem(BaseModel):
    path: str
    action: Literal["run", "skip", "fail"]
    reason: str = ""
    calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0


class DryRunPlan(BaseModel):
    engine: str
    model: str | None
    items: list[DryRunItem]
    calls: int
    prompt_tokens: int
    completion_tokens: int
    cost_usd: float
    priced: bool = Field(description="whether the model has a known price (unknown models are estimated at 0)")


class CritiqueSummary(BaseModel):
    """What `run_critique` returns and `prfaq critique --format json` prints for many documents."""

    schema_version: str = RESULT_SCHEMA_VERSION
    engine: str
    model: str | None = None
    only: list[Part] = Field(default_factory=lambda: list(ALL_PARTS))
    out_dir: str | None = None
    documents: int = 0  # found on the command line
    processed: int = 0  # critiqued in this run
    skipped: int = 0  # already done with the same content and settings (resume)
    ok: int = 0  # of all documents of this run, ok now
    failed: int = 0
    not_started: int = 0  # left for the next run (interrupted or stopped early)
    calls: int = 0
    cache_hits: int = 0
    tokens: int = 0
    cost_usd: float = 0.0
    seconds: float = 0.0
    interrupted: bool = False
    stopped_early: str | None = None  # the circuit breaker's message
    provider_batch: str | None = None  # what ran through the provider's Batch API
    moved_aside: str | None = None  # where an earlier results.jsonl was kept
    outputs: list[str] = Field(default_factory=list)
    results: list[DocResult] = Field(default_factory=list, description="in the CLI's JSON: empty when the "
                                     "results went to --out (they are the lines of results.jsonl)")
    plan: DryRunPlan | None = None

