"""One document's critique: load, score, questions, review (or the --only subset).

A failure never escapes: it becomes an `error` result that says which step failed and why, and
keeps what finished before it. A document whose model calls partly failed even though the job
carried on (a persona that could not answer, say) is also an error: its results are incomplete,
and the next run redoes it, the cache serving the calls that did succeed.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

from assistant.batch.models import DocResult, DocSource, Excerpt, Part
from assistant.errors import PrfaqError
from assistant.llm.errors import LLMError

if TYPE_CHECKING:
    from assistant.clarity.models import ClarityReport
    from assistant.config import Settings
    from assistant.documents.models import Document
    from assistant.engines.base import Engine
    from assistant.personas.llm import ReviewPrep
    from assistant.personas.models import ReviewReport
    from assistant.rubric.models import RubricReport

MAX_INSTRUCTION_WARNINGS = 3
CONTEXT_CHARS = 80  # shown on each side of a quote
MAX_QUOTE_CHARS = 400


class TooSlow(PrfaqError):
    """Raised inside a job that ran past its time limit (see assistant.batch.processes).

    The alarm can go off anywhere in the job, before or after its try block too, so the kind
    travels with the exception: `crashed` reports it as too slow, not as a set-up failure."""

    kind = "too_slow"


class JobOutcome:
    """A result plus what the runner needs beyond the line: the kinds of model failures seen."""

    def __init__(self, result: DocResult, failure_kinds: list[str]) -> None:
        self.result = result
        self.failure_kinds = failure_kinds


class Prepared:
    """A document's offline parts of a model run, worked out in a worker process: the document,
    its warnings, its score (if asked for) and what the review's rules found (if asked for)."""

    def __init__(self, doc: Document, warnings: list[str], score: tuple[ClarityReport, RubricReport] | None,
                 review: ReviewPrep | None) -> None:
        self.doc = doc
        self.warnings = warnings
        self.score = score
        self.review = review


def prepare(source: DocSource, parts: Sequence[Part], settings: Settings) -> Prepared:
    """What `run_job` would work out before and between its model calls, with the same functions.
    Any error is raised: the caller then runs the whole job itself, which reports it as usual."""
    from assistant.clarity import score_document
    from assistant.personas.llm import prepare_review

    doc = load_source(source, settings)
    warnings = _warnings(doc)
    score = None
    if "score" in parts:
        report = score_document(doc)
        score = (report.clarity, report.rubric)
    review = prepare_review(doc, None, settings.prompts_dir) if "review" in parts else None
    return Prepared(doc, warnings, score, review)


def load_source(source: DocSource, settings: Settings) -> Document:
    if source.stdin_doc is not None:
        return source.stdin_doc
    from assistant.documents import load_document

    assert source.file is not None
    return load_document(source.file, max_bytes=settings.max_input_bytes)


def run_job(source: DocSource, parts: Sequence[Part], engine: Engine, settings: Settings,
            key: str, failures: list[LLMError] | None = None, prepared: Prepared | None = None) -> JobOutcome:
    """Critique one document with `engine`; `failures` is the engine's gateway's list of failed calls;
    `prepared` is `prepare(source, parts, settings)`, worked out elsewhere."""
    started = time.monotonic()
    result = DocResult(path=source.path, sha256=source.sha256, status="ok", settings_key=key, engine=engine.name)
    step = "reading"
    doc: Document | None = None
    try:
        doc = prepared.doc if prepared is not None else load_source(source, settings)
        result.warnings = prepared.warnings if prepared is not None else _warnings(doc)
        if "score" in parts:
            step = "score"
            if prepared is not None and prepared.score is not None:
                result.clarity, result.rubric = prepared.score
                result.score = result.clarity.score
            else:
                _score(doc, result)
        if "questions" in parts:
            step = "questions"
            result.questions = engine.questions(doc)
        if "review" in parts:
            step = "review"
            result.review = _review(engine, doc, prepared)
    except TooSlow as exc:
        _fail(result, exc.kind, f"{step}: {exc}")
    except LLMError as exc:
        _fail(result, exc.kind, f"{step}: {exc}")
    except PrfaqError as exc:
        _fail(result, "input" if step == "reading" else "config", str(exc) if step == "reading" else f"{step}: {exc}")
    except Exception as exc:  # a bug in one step must not end the whole batch
        message = " ".join(str(exc).split())[:300] or type(exc).__name__
        _fail(result, "internal", f"{step}: internal error: {type(exc).__name__}: {message} (please report it)")
    if doc is not None:
        result.excerpts = excerpts_for(doc, _quoted_spans(result))
    failed = list(failures or [])
    _account(result, engine)
    if result.ok and failed:
        # The job carried on without these calls (a persona kept to its rules, say): incomplete.
        last = failed[-1]
        _fail(result, last.kind, f"{len(failed)} model call(s) failed, so "
                                 f"the results are incomplete (last: {last}); re-run to retry them (finished "
                                 "calls come from the cache)")
    kinds = [exc.kind for exc in failed]
    result.seconds = round(time.monotonic() - started, 3)
    return JobOutcome(result, kinds)


def crashed(source: DocSource, exc: Exception) -> JobOutcome:
    """An error result for a document whose job could not even start."""
    result = DocResult(path=source.path, sha256=source.sha256, status="ok")
    message = " ".join(str(exc).split())[:300] or type(exc).__name__
    if isinstance(exc, PrfaqError):
        _fail(result, getattr(exc, "kind", "config"), message)
    else:
        _fail(result, "internal", f"internal error: {type(exc).__name__}: {message} (please report it)")
    return JobOutcome(result, [])


def _fail(result: DocResult, kind: str, message: str) -> None:
    result.status = "error"
    result.error_kind = kind
    result.error = " ".join(message.split())


def _score(doc: Document, result: DocResult) -> None:
    from assistant.clarity import score_document

    report = score_document(doc)
    result.score = report.clarity.score
    result.clarity = report.clarity
    result.rubric = report.rubric


def _review(engine: Engine, doc: Document, prepared: Prepared | None) -> ReviewReport:
    from assistant.engines.llm import LLMEngine

    if prepared is not None and prepared.review is not None and isinstance(engine, LLMEngine):
        return engine.review(doc, prep=prepared.review)
    return engine.review(doc)


def _warnings(doc: Document) -> list[str]:
    from assistant.safety import find_instructions

    warnings = list(doc.warnings)
    flags = find_instructions(doc)
    for flag in flags[:MAX_INSTRUCTION_WARNINGS]:
        quote = " ".join(flag.span.text.split())[:80]
        warnings.append(f"instruction-like content ({flag.kind}) at line {flag.span.line}: {quote!r}")
    if len(flags) > MAX_INSTRUCTION_WARNINGS:
        warnings.append(f"{len(flags) - MAX_INSTRUCTION_WARNINGS} more instruction-like passage(s)")
    return warnings


def _account(result: DocResult, engine: Engine) -> None:
    usage = engine.usage_summary()
    result.calls = int(usage.get("requests", 0))
    result.cache_hits = int(usage.get("cache_hits", 0))
    result.tokens = int(usage.get("prompt_tokens", 0) + usage.get("completion_tokens", 0))
    result.cost_usd = round(float(usage.get("cost_usd", 0.0)), 6)


def _quoted_spans(result: DocResult) -> list[tuple[int, int]]:
    """Every span a report may show: clarity findings, failed checks, evidence, persona quotes."""
    spans: list[tuple[int, int]] = []
    if result.clarity is not None:
        spans += [(f.start, f.end) for f in result.clarity.findings]
    if result.rubric is not None:
        spans += [(c.start, c.end) for c in result.rubric.checks if c.start is not None and c.end is not None]
    if result.questions is not None:
        for question in result.questions.questions:
            if question.evidence is not None:
                spans.append((question.evidence.start, question.evidence.end))
            if question.why_span is not None:
                spans.append((question.why_span.start, question.why_span.end))
    if result.review is not None:
        spans += [(f.quote.start, f.quote.end) for f in result.review.findings()]
        spans += [(n.quote.start, n.quote.end) for n in result.review.instruction_flags]
    return sorted(set(spans))


def excerpts_for(doc: Document, spans: list[tuple[int, int]]) -> list[Excerpt]:
    """The rest of the line around each span (up to CONTEXT_CHARS each side)."""
    text = doc.text
    excerpts = []
    for start, end in spans:
        if not 0 <= start <= end <= len(text):
            continue  # not a span of this document: nothing to show in context
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        before = text[max(line_start, start - CONTEXT_CHARS):start]
        after = text[end:min(line_end, end + CONTEXT_CHARS)]
        quote = text[start:end]
        if len(quote) > MAX_QUOTE_CHARS:
            quote = quote[:MAX_QUOTE_CHARS] + "…"
        excerpts.append(Excerpt(start=start, end=end, before=before, text=quote, after=after))
    return excerpts
