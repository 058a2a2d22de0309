"""The last steps every draft goes through, whichever engine wrote it: the grounding check,
one gap per placeholder, and the clarity score and rubric of the document as rendered."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.draft.gaps import default_question
from assistant.draft.grounding import element_for, ground_draft
from assistant.draft.models import Draft, Gap, ScoreSummary

if TYPE_CHECKING:
    from assistant.clarity.models import ScoreReport
    from assistant.documents.models import Document

TOP_FINDINGS = 5


def sync_gaps(draft: Draft) -> Draft:
    """Exactly the placeholders in the text, each once, each with a question."""
    known = {gap.placeholder: gap for gap in draft.gaps}
    where_first: dict[str, str] = {}
    for where, text in draft.texts():
        for placeholder in draft.placeholders():
            if placeholder in text:
                where_first.setdefault(placeholder, where)
    gaps = [known.get(p) or Gap(placeholder=p, question=default_question(p), element=element_for(where_first[p]))
            for p in draft.placeholders()]
    return draft.model_copy(update={"gaps": gaps})


def score_report(draft: Draft) -> ScoreReport | None:
    """`prfaq score` on the draft as a reader gets it; None while the clarity rules are not installed."""
    try:
        from assistant.clarity import score_document
    except ImportError:  # another part of prfaq; the draft is still useful without its score
        return None
    from assistant.documents import parse_document
    from assistant.render.markdown import render_document

    return score_document(parse_document(render_document(draft), path=draft.notes_path and f"{draft.notes_path}.draft"))


def summarise(report: ScoreReport) -> ScoreSummary:
    costly = sorted(report.clarity.findings, key=lambda f: -f.deduction)[:TOP_FINDINGS]
    return ScoreSummary(
        clarity=report.clarity.score,
        rubric_missing=list(report.rubric.missing),
        rubric_weak=list(report.rubric.weak),
        findings=len(report.clarity.findings),
        top_findings=[f"{f.rule}: {' '.join(f.text.split())[:60]} ({f.message})" for f in costly],
    )


def finish_draft(draft: Draft, notes: Document) -> Draft:
    draft = sync_gaps(ground_draft(draft, notes))
    report = score_report(draft)
    return draft.model_copy(update={"score": summarise(report) if report else None})
