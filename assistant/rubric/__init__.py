"""The PR/FAQ structure rubric: which elements are present, weak or missing, and where.

    from assistant.rubric import evaluate_rubric
    report = evaluate_rubric(doc, today=date(2026, 1, 1))
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.documents.models import Document
    from assistant.rubric.models import RubricReport


def evaluate_rubric(doc: Document, *, today: date | None = None) -> RubricReport:
    """Judge the document against the rubric. `today` is the date a dateline must be after
    (a parameter so that tests are stable; defaults to the real today)."""
    from assistant.rubric.checks import run_checks
    from assistant.rubric.elements import evaluate_elements
    from assistant.rubric.models import RubricReport

    elements = evaluate_elements(doc, today or date.today())
    return RubricReport(
        elements=elements,
        missing=[e.id for e in elements if e.status == "missing"],
        weak=[e.id for e in elements if e.status == "weak"],
        checks=run_checks(doc),
    )


__all__ = ["evaluate_rubric"]
