"""`prfaq revise` with a model: one rewrite, briefed with the review's must-fix list (from
--from-review, else the offline panel's), the clarity findings and the unanswered questions;
then code decides what survives (assistant.revision.verify): unsupported figures, names and
quotes become placeholders, dropped sections and FAQ entries come back. One model call."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from assistant.documents import parse_document

if TYPE_CHECKING:
    from assistant.documents.models import Document
    from assistant.llm import Gateway
    from assistant.personas.models import ReviewReport
    from assistant.revision.models import RevisionReport

PROMPT = "revise.rewrite"
MAX_FINDINGS = 25
MAX_QUESTIONS = 8
_FENCE_RE = re.compile(r"\A\s*```[\w-]*\n(?P<body>.*?)\n```\s*\Z", re.S)


def _lines(items: list[str]) -> str:
    return "\n".join(f"- {item}" for item in items) or "(none)"


def brief(doc: Document, review: ReviewReport, today: date) -> dict[str, list[str]]:
    """What the model is asked to fix, each part one line per item."""
    from assistant.clarity import score_document
    from assistant.questions.offline import questions_offline

    report = score_document(doc, today=today)
    findings = [f"line {f.line}: “{' '.join(f.text.split())[:80]}”: {f.message}"
                for f in sorted(report.clarity.findings, key=lambda f: -f.deduction) if f.rule != "placeholder"]
    questions = [q.question for q in questions_offline(doc).questions if q.status == "unanswered"]
    return {"must_fix": [item.text for item in review.decision.must_fix], "findings": findings[:MAX_FINDINGS],
            "questions": questions[:MAX_QUESTIONS]}


def revise_with_llm(doc: Document, gateway: Gateway, *, review: ReviewReport | None = None,
                    notes: Document | None = None, today: date | None = None) -> RevisionReport:
    from assistant.prompts import envelope
    from assistant.revision.compare import build_report
    from assistant.revision.verify import ground, keep_structure, source_of

    today = today or date.today()
    if review is None:
        from assistant.engines.offline import OfflineEngine

        review = OfflineEngine(gateway.settings).review(doc)
    asked = brief(doc, review, today)
    variables = {name: envelope(name, _lines(items)) for name, items in asked.items()}
    variables["document"] = envelope("document", doc.text)
    variables["notes"] = envelope("notes", notes.text if notes is not None else "")
    answer = gateway.text(PROMPT, variables)
    fenced = _FENCE_RE.match(answer)
    text = fenced.group("body") if fenced else answer.strip("\n")
    text, restored = keep_structure(doc, text + "\n")
    text, unsupported = ground(text, source_of(doc, notes))
    revised = parse_document(text, path=doc.path, source_format=doc.source_format)
    return build_report(doc, revised, today=today, engine="llm", rules=[PROMPT], unsupported=unsupported,
                        restored=restored, must_fix=asked["must_fix"])
