"""Before and after: the score, the findings resolved and remaining, the questions newly
answered, and the unified diff. The same for both engines."""

from __future__ import annotations

import difflib
from collections import Counter
from datetime import date
from typing import TYPE_CHECKING

from assistant.revision.models import FindingRef, QuestionChange

if TYPE_CHECKING:
    from assistant.clarity.models import ScoreReport
    from assistant.documents.models import Document
    from assistant.questions.models import QuestionReport
    from assistant.revision.models import RevisionReport



def unified_diff(before: str, after: str, *, path: str | None, output: str | None) -> str:
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                 fromfile=path or "<input>", tofile=output or "<revised>")
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def _ref(finding: object) -> FindingRef:
    return FindingRef(rule=finding.rule, line=finding.line, text=finding.text,  # type: ignore[attr-defined]
                      message=finding.message)  # type: ignore[attr-defined]


def findings_delta(before: ScoreReport, after: ScoreReport) -> tuple[list[FindingRef], list[FindingRef]]:
    """(resolved, remaining): a finding is resolved when the revision has fewer of the same rule
    on the same words."""
    left = Counter((f.rule, f.text) for f in after.clarity.findings)
    resolved = []
    for finding in sorted(before.clarity.findings, key=lambda f: f.start):
        key = (finding.rule, finding.text)
        if left[key] > 0:
            left[key] -= 1
        else:
            resolved.append(_ref(finding))
    remaining = [_ref(f) for f in sorted(after.clarity.findings, key=lambda f: f.start)]
    return resolved, remaining


def questions_delta(before: QuestionReport, after: QuestionReport) -> list[QuestionChange]:
    from assistant.questions.models import ANSWERED_ORDER

    was = {q.id: q for q in before.questions}
    changes = []
    for question in after.questions:
        old = was.get(question.id)
        old_status = old.status if old is not None else "unanswered"
        if ANSWERED_ORDER[question.status] > ANSWERED_ORDER[old_status]:
            changes.append(QuestionChange(id=question.id, question=question.question, before=old_status,
                                          after=question.status))
    return changes


def score(doc: Document, today: date) -> ScoreReport:
    from assistant.clarity import score_document

    return score_document(doc, today=today)


def build_report(doc: Document, revised: Document, *, today: date, engine: str, rules: list[str],
                 **fields: object) -> RevisionReport:
    """The report both engines return: their own fields plus the before-and-after comparison."""
    from assistant.questions.offline import questions_offline
    from assistant.revision.models import RevisionReport

    before, after = score(doc, today), score(revised, today)
    resolved, remaining = findings_delta(before, after)
    return RevisionReport.model_validate({
        "engine": engine, "path": doc.path, "rules": rules, "score_before": before.clarity.score,
        "score_after": after.clarity.score, "findings_resolved": resolved, "findings_remaining": remaining,
        "questions_newly_answered": questions_delta(questions_offline(doc), questions_offline(revised)),
        "diff": unified_diff(doc.text, revised.text, path=doc.path, output=None), "text": revised.text, **fields,
    })
