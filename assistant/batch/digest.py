"""What the summary table and the HTML report say about each document, computed in one place."""

from __future__ import annotations

from collections import Counter

from pydantic import BaseModel

from assistant.batch.models import DocResult, Excerpt


class Row(BaseModel):
    """One document in the ranked table."""

    path: str
    status: str
    score: float | None
    verdict: str | None
    blockers: int | None
    open_questions: int | None
    top_open_question: str | None
    error: str | None


def row(result: DocResult) -> Row:
    return Row(path=result.path, status=result.status, score=result.score, verdict=verdict(result),
               blockers=blockers(result), open_questions=open_questions(result),
               top_open_question=top_open_question(result), error=result.error)


def verdict(result: DocResult) -> str | None:
    return result.review.decision.verdict if result.review is not None else None


def blockers(result: DocResult) -> int | None:
    """Blocker-severity findings the stakeholders raised."""
    if result.review is None:
        return None
    return sum(1 for f in result.review.findings() if f.severity == "blocker")


def open_questions(result: DocResult) -> int | None:
    if result.questions is None:
        return None
    return sum(1 for q in result.questions.questions if q.status != "answered")


def top_open_question(result: DocResult) -> str | None:
    """The highest-ranked question the document does not answer (else one it answers partly)."""
    if result.questions is None:
        return None
    for status in ("unanswered", "partly"):
        for question in result.questions.questions:
            if question.status == status:
                return question.question
    return None


def ranked(results: list[DocResult]) -> list[DocResult]:
    """Finished documents, best score first (documents without a score last), then by path."""
    done = [r for r in results if r.ok]
    return sorted(done, key=lambda r: (r.score is None, -(r.score or 0.0), r.path))


def failures(results: list[DocResult]) -> list[DocResult]:
    return sorted((r for r in results if not r.ok), key=lambda r: r.path)


def common_findings(results: list[DocResult], limit: int = 12) -> list[tuple[str, int]]:
    """How many documents each kind of finding appears in, most common first."""
    counts: Counter[str] = Counter()
    for result in results:
        kinds: set[str] = set()
        if result.clarity is not None:
            kinds |= {f"clarity: {f.rule}" for f in result.clarity.findings}
        if result.rubric is not None:
            kinds |= {f"missing: {m}" for m in result.rubric.missing}
            kinds |= {f"weak: {w}" for w in result.rubric.weak}
            kinds |= {f"check failed: {c.id}" for c in result.rubric.checks if not c.passed}
        if result.review is not None:
            kinds |= {f"review: {f.check}" for f in result.review.findings() if f.check != "model"}
        counts.update(kinds)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]


def score_histogram(results: list[DocResult], bins: int = 10) -> list[int]:
    """Documents per score band: [0,10), [10,20), ..., [90,100]."""
    counts = [0] * bins
    for result in results:
        if result.score is None:
            continue
        index = min(bins - 1, max(0, int(result.score // (100 / bins))))
        counts[index] += 1
    return counts


def excerpt_at(result: DocResult, start: int, end: int) -> Excerpt | None:
    return next((e for e in result.excerpts if e.start == start and e.end == end), None)
