"""The eval suite as data: what a suite asks for, what one case is, what each grader found, and
what a whole run was (its configuration, its per-case results, its report).

Everything a run writes is one of these models serialised as JSON, so a run on disk can be read
back (to resume it, to report on it, or to compare another run with it).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Task = Literal["draft", "score", "questions", "judge_pairs", "clarity_pairs"]
DatasetFormat = Literal["auto", "jsonl", "yaml", "pairs_dir", "documents_dir", "onestopenglish"]
CaseStatus = Literal["ok", "error", "skipped"]

# Tasks whose output only a model can produce: offline they are skipped with a note.
ENDPOINT_TASKS: frozenset[str] = frozenset({"judge_pairs"})


class DatasetSpec(BaseModel):
    """Where a suite's cases come from. `path` is relative to the suite file, or to the repository
    (for data kept outside the package, such as ../shared/datasets/...)."""

    path: str
    format: DatasetFormat = "auto"
    limit: int | None = Field(default=None, ge=1, description="use only the first N cases (quick runs)")


class SuiteSpec(BaseModel):
    name: str
    description: str = ""
    task: Task
    datasets: list[DatasetSpec]
    graders: list[str]
    thresholds: dict[str, float] = Field(default_factory=dict,
                                         description="grader -> lowest acceptable mean over the cases")
    min_delta: dict[str, float] = Field(default_factory=dict,
                                        description="grader -> smallest drop called a regression when --repeat 1")
    k: int = Field(default=10, ge=1, description="recall@K for the questions task")
    path: str = ""  # the suite file
    sha256: str = ""  # of the suite file: a run records exactly which suite definition it used

    @model_validator(mode="before")
    @classmethod
    def _one_or_many_datasets(cls, data: object) -> object:
        # A suite names one dataset (`dataset: path`) or several (`datasets: [...]`).
        if isinstance(data, dict) and "dataset" in data:
            data = dict(data)
            single = data.pop("dataset")
            data.setdefault("datasets", [])
            data["datasets"] = [single, *data["datasets"]]
        if isinstance(data, dict) and isinstance(data.get("datasets"), list):
            data["datasets"] = [{"path": d} if isinstance(d, str) else d for d in data["datasets"]]
        return data

    @property
    def needs_endpoint(self) -> bool:
        return self.task in ENDPOINT_TASKS


# A phrase the draft must hold, or several ways of writing it ("Jan 2027" or "January 2027"): a
# reviewer accepts any faithful wording, so the case lists the ones it accepts.
Phrase = str | list[str]


class DraftExpectations(BaseModel):
    """Where a careful reviewer expects the facts of a case's notes to land in the drafted press
    release (the `slots` grader). Every field is optional: a case states only what its notes
    clearly say. Phrases match case-insensitively, as whole words."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, description="the product name: opens the headline, named in the summary")
    no_name: bool = Field(default=False, description="the notes give no name: the headline keeps a name placeholder "
                                                     "(YAML `name: null` says the same)")
    city: Phrase | None = Field(default=None, description="the dateline's city (a list: any of these)")
    city_gap: bool = Field(default=False, description="the notes name no launch city: the dateline's city stays a "
                                                      "placeholder (YAML `city: null` says the same)")
    region: Phrase | None = Field(default=None, description="where it is sold (e.g. 'US'): in the availability "
                                                         "paragraph, never the dateline's city")
    date: Phrase | None = Field(default=None, description="the launch date, in the dateline")
    customer: Phrase | None = Field(default=None, description="who it is for, in the subheading or summary")
    problem: list[Phrase] = Field(default_factory=list, description="figures and phrases The problem must hold")
    not_in_problem: list[str] = Field(default_factory=list,
                                      description="what must not be in The problem (the launch, the price, "
                                                  "a market size, a risk)")
    price: Phrase | None = Field(default=None, description="the price, in the availability paragraph")
    quote: Phrase | None = Field(default=None, description="words of the customer quote the release must quote")
    quote_by: Phrase | None = Field(default=None, description="who said it, named with the quote")

    @model_validator(mode="before")
    @classmethod
    def _null_means_a_gap(cls, data: object) -> object:
        # In YAML, `name: null` or `city: null` is the natural way to say "the notes do not give it,
        # so the placeholder is right": read it as the flag rather than as "no expectation".
        if isinstance(data, dict):
            data = dict(data)
            for key, flag in (("name", "no_name"), ("city", "city_gap")):
                if key in data and data[key] is None:
                    data.pop(key)
                    data[flag] = True
        return data

    @model_validator(mode="after")
    def _not_both(self) -> DraftExpectations:
        if self.name and self.no_name:
            raise ValueError("give `name` or `no_name`, not both")
        if self.city and self.city_gap:
            raise ValueError("give `city` or `city_gap`, not both")
        return self


class Case(BaseModel):
    """One thing to evaluate: notes to draft from, a document to score or question, or a pair of
    texts of which `better` is the clearer."""

    id: str
    source: str = ""  # the dataset it came from, for the report
    text: str | None = None
    better: str | None = None
    worse: str | None = None
    change: str | None = None  # what makes `worse` worse (labelled pairs)
    tags: list[str] = Field(default_factory=list)
    expect: DraftExpectations | None = None  # where a draft's facts belong (draft task, `slots` grader)


class LoadedSuite(BaseModel):
    spec: SuiteSpec
    cases: list[Case]
    notes: list[str] = Field(default_factory=list)  # datasets skipped and why


class GraderResult(BaseModel):
    """One grader's verdict on one case. Every value is "higher is better"; `value` is None when
    the grader could not apply (it says why in `detail`)."""

    name: str
    value: float | None
    passed: bool | None = None
    detail: str = ""
    skipped: bool = False


class Cell(BaseModel):
    """One column of the matrix: a model and a prompts folder."""

    id: str
    engine: Literal["offline", "llm"]
    model: str | None = None
    prompts_dir: str | None = None

    @property
    def label(self) -> str:
        model = self.model if self.engine == "llm" else "offline"
        return f"{model} · prompts: {self.prompts_dir or 'built-in'}"


class CaseResult(BaseModel):
    """One line of results.jsonl: one case, in one cell, in one repeat sample."""

    suite: str
    cell: str
    case_id: str
    source: str = ""  # the dataset the case came from
    sample: int = 0
    status: CaseStatus = "ok"
    error: str | None = None
    error_kind: str | None = None  # for model failures, the gateway's kind (unreachable, timeout, ...)
    graders: list[GraderResult] = Field(default_factory=list)
    output: str | None = None  # what the task produced (a draft's text), cut short, for the report
    duration_ms: int = 0

    @property
    def key(self) -> tuple[str, str, str, int]:
        return (self.suite, self.cell, self.case_id, self.sample)

    def grader(self, name: str) -> GraderResult | None:
        return next((g for g in self.graders if g.name == name), None)


class PromptVersion(BaseModel):
    name: str
    version: str
    sha256: str
    path: str


class CellUsage(BaseModel):
    """Model traffic of one cell in this invocation (a resumed or cached re-run shows its savings)."""

    cell: str
    calls: int = 0
    requests: int = 0
    cache_hits: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float = 0.0


class RunConfig(BaseModel):
    """config.json: everything that decides a run's figures, so two runs can be told apart."""

    schema_version: str = "1"
    run_id: str
    created: str
    package_version: str
    rule_set_version: str
    suites: list[str]
    suite_files: dict[str, str] = Field(default_factory=dict, description="suite -> sha256 of its file")
    cells: list[Cell]
    prompts: dict[str, list[PromptVersion]] = Field(
        default_factory=dict, description="cell -> every prompt it could use, by name, version and sha256")
    models: list[str] = Field(default_factory=list)
    endpoint: str | None = None
    prompts_dirs: list[str | None] = Field(default_factory=list)
    repeat: int = 1
    use_cache: bool = True
    dataset_override: str | None = None

    def fingerprint(self) -> dict[str, object]:
        """What must match for a folder's results to be resumed rather than started over."""
        return {"suites": self.suites, "suite_files": self.suite_files, "cells": [c.model_dump() for c in self.cells],
                "prompts": {k: [p.sha256 for p in v] for k, v in self.prompts.items()},
                "rule_set_version": self.rule_set_version, "repeat": self.repeat,
                "endpoint": self.endpoint, "dataset_override": self.dataset_override}


class GraderSummary(BaseModel):
    """One grader over one suite in one cell: the mean over cases and the noise across samples."""

    suite: str
    cell: str
    grader: str
    cases: int
    mean: float | None
    spread: float | None = Field(description="mean over cases of the standard deviation across --repeat "
                                             "samples; None with a single sample")
    minimum: float | None = None
    threshold: float | None = None
    passed: bool | None = None  # mean >= threshold (None without a threshold or without values)
    skipped: int = 0
    skip_reason: str = ""
    by_source: dict[str, float] = Field(default_factory=dict,
                                        description="mean per dataset, when the suite has more than one")


class WorstCase(BaseModel):
    suite: str
    cell: str
    grader: str
    case_id: str
    value: float
    detail: str
    output: str | None = None  # the draft that scored this low, for a reader to see why


class SuiteNote(BaseModel):
    suite: str
    note: str


class RunReport(BaseModel):
    config: RunConfig
    summaries: list[GraderSummary]
    worst: list[WorstCase]
    notes: list[SuiteNote] = Field(default_factory=list)
    usage: list[CellUsage] = Field(default_factory=list)
    errors: list[CaseResult] = Field(default_factory=list)
    results: int = 0

    def summary(self, suite: str, grader: str, cell: str | None = None) -> GraderSummary | None:
        return next((s for s in self.summaries if s.suite == suite and s.grader == grader
                     and (cell is None or s.cell == cell)), None)

    @property
    def failed_thresholds(self) -> list[GraderSummary]:
        return [s for s in self.summaries if s.passed is False]


class GraderDelta(BaseModel):
    """A grader's mean in the baseline run and in this one, and whether the drop beats the noise."""

    suite: str
    grader: str
    base_cell: str
    cell: str
    base_mean: float | None
    mean: float | None
    delta: float | None
    noise: float
    noise_source: Literal["spread", "min_delta"]
    regression: bool = False
    improvement: bool = False


class CaseDelta(BaseModel):
    suite: str
    grader: str
    case_id: str
    base_cell: str
    cell: str
    base_value: float | None
    value: float | None
    delta: float | None
    noise: float
    regression: bool = False


class Comparison(BaseModel):
    base_run: str
    run: str
    graders: list[GraderDelta]
    cases: list[CaseDelta]
    notes: list[str] = Field(default_factory=list)

    @property
    def regressions(self) -> list[GraderDelta]:
        return [g for g in self.graders if g.regression]
