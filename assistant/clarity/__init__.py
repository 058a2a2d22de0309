"""Clarity: deterministic rules and a 0-100 score whose every deduction points at words.

    from assistant.clarity import score_document
    report = score_document(doc)          # ScoreReport: clarity + rubric (+ judge, if added)
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.clarity.models import ScoreReport
    from assistant.documents.models import Document


def score_document(doc: Document, *, today: date | None = None) -> ScoreReport:
    """Score a loaded document: the clarity report and the PR/FAQ rubric. `today` fixes the date
    a dateline must be after (tests pass one; the default is the real today)."""
    from assistant.clarity.models import ScoreReport
    from assistant.clarity.score import clarity_report
    from assistant.documents.exact import recut
    from assistant.rubric import evaluate_rubric
    from assistant.safety import find_instructions, without_instructions

    flags = find_instructions(doc)
    scored = without_instructions(doc, flags)  # a payload can neither earn nor cost points
    return ScoreReport(
        path=doc.path,
        # Found on the blanked copy, quoted from the original: a finding's text is the document's words.
        clarity=recut(clarity_report(scored, today=today), doc),
        rubric=evaluate_rubric(scored, today=today),
        instruction_flags=flags,
    )


__all__ = ["score_document"]
