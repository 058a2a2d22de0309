"""Reports as annotations: one place in one file, a check, a level and a message.

This is what `--format github` (workflow commands) and `--format sarif` (code scanning) both
render, so the two formats always say the same things about the same words. Positions are
1-based lines and columns counted in characters (code points) of the text the tool read
(`Document.line_col`); an end column is exclusive (the column after the last character), as in
SARIF. Without the document (a stored result), they come from the line and column kept with
each finding.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from assistant.batch.models import DocResult
    from assistant.clarity.models import ClarityReport, ScoreReport
    from assistant.documents.models import Document
    from assistant.personas.models import ReviewReport
    from assistant.questions.models import QuestionReport
    from assistant.rubric.models import RubricReport

Level = Literal["error", "warning", "notice"]
STDIN_NAME = "<stdin>"


@dataclass(frozen=True)
class Region:
    start_line: int
    start_column: int
    end_line: int
    end_column: int  # exclusive


@dataclass(frozen=True)
class Check:
    """What SARIF calls a rule: one kind of finding, with a short description."""

    id: str
    description: str


@dataclass(frozen=True)
class Annotation:
    path: str
    check: Check
    level: Level
    title: str
    message: str
    region: Region | None  # None: about the whole file


def region_of(doc: Document | None, start: int | None, end: int | None, *, line: int | None = None,
              column: int | None = None, text: str = "") -> Region | None:
    """The region of text[start:end]; without the text (a stored result), from the line and
    column kept with the finding and the quoted words themselves."""
    if doc is not None and start is not None and end is not None:
        line, column = doc.line_col(start)
        end_line, end_column = doc.line_col(max(start, end))
        return Region(line, column, end_line, end_column)
    if line is None:
        return None
    column = column or 1
    if "\n" in text:
        return Region(line, column, line + text.count("\n"), len(text.rsplit("\n", 1)[1]) + 1)
    return Region(line, column, line, column + len(text))


# -- checks ------------------------------------------------------------------------------------
RUBRIC_ELEMENT_NAMES = {
    "headline": "Headline", "subheading": "Sub-heading", "dateline": "Dateline (future date)",
    "problem": "Problem", "solution": "Solution", "leader_quote": "Leader quote",
    "getting_started": "Getting started", "customer_quote": "Customer quote", "call_to_action": "Call to action",
    "external_faq": "External FAQ", "internal_faq": "Internal FAQ",
}
RUBRIC_CHECK_NAMES = {
    "two_quotes": "Exactly two quotes (a leader and a customer)",
    "one_page": "The press release fits on about one page",
    "no_placeholders": "No placeholders left",
    "faq_order": "External FAQ before the internal FAQ",
}


def clarity_check(rule_id: str) -> Check:
    from assistant.clarity.rules import RULES_BY_ID

    rule = RULES_BY_ID.get(rule_id)
    return Check(f"clarity/{rule_id}", rule.description if rule else f"Clarity rule {rule_id}")


def score_checks() -> list[Check]:
    """Every check `prfaq score` runs, whether or not it found anything."""
    from assistant.clarity.rules import RULES

    checks = [Check(f"clarity/{rule.id}", rule.description) for rule in RULES]
    checks += [Check(f"rubric/{key}", f"PR/FAQ element: {name}") for key, name in RUBRIC_ELEMENT_NAMES.items()]
    checks += [Check(f"rubric/{key}", name) for key, name in RUBRIC_CHECK_NAMES.items()]
    return checks


# -- reports to annotations --------------------------------------------------------------------
def clarity_annotations(path: str, clarity: ClarityReport, doc: Document | None) -> list[Annotation]:
    notes = []
    for finding in clarity.findings:
        message = f"{finding.message} (-{finding.deduction:.2f} points)"
        if finding.suggestion:
            message += f". Suggestion: {finding.suggestion}"
        notes.append(Annotation(
            path, clarity_check(finding.rule), "warning" if finding.deduction > 0 else "notice",
            f"prfaq clarity: {finding.rule}", message,
            region_of(doc, finding.start, finding.end, line=finding.line, column=finding.column,
                      text=finding.text),
        ))
    return notes


def rubric_annotations(path: str, rubric: RubricReport, doc: Document | None) -> list[Annotation]:
    notes = []
    for element in rubric.elements:
        if element.status == "present":
            continue
        name = RUBRIC_ELEMENT_NAMES.get(element.id, element.id)
        region = region_of(doc, element.start, element.end, line=element.line)
        if doc is None and region is not None:
            region = Region(region.start_line, 1, element.line_end or region.start_line, 1)
        message = f"{name} is {element.status}" + (f": {element.reason}" if element.reason else "")
        notes.append(Annotation(path, Check(f"rubric/{element.id}", f"PR/FAQ element: {name}"), "warning",
                                f"prfaq rubric: {element.id}", message, region))
    for check in rubric.checks:
        if check.passed:
            continue
        region = region_of(doc, check.start, check.end, line=check.line)
        notes.append(Annotation(path, Check(f"rubric/{check.id}", RUBRIC_CHECK_NAMES.get(check.id, check.id)),
                                "warning", f"prfaq rubric: {check.id}", check.message, region))
    return notes


def score_annotations(report: ScoreReport, doc: Document | None = None) -> list[Annotation]:
    path = report.path or STDIN_NAME
    notes = clarity_annotations(path, report.clarity, doc) + rubric_annotations(path, report.rubric, doc)
    for flag in report.instruction_flags:
        notes.append(Annotation(
            path, Check(f"safety/{flag.kind}", "Text that reads like an instruction to an AI or a reviewer"),
            "warning", f"prfaq safety: {flag.kind}",
            "This passage reads like an instruction to an AI or a reviewer; it was not scored",
            region_of(doc, flag.span.start, flag.span.end, line=flag.span.line, column=flag.span.column,
                      text=flag.span.text),
        ))
    return notes


def question_annotations(report: QuestionReport, doc: Document | None = None) -> list[Annotation]:
    """Questions the document does not (or only partly) answer, at the words that raise them."""
    path = report.path or STDIN_NAME
    notes = []
    for question in report.questions:
        if question.status == "answered":
            continue
        span = question.why_span
        region = region_of(doc, span.start, span.end, line=span.line, column=span.column, text=span.text) \
            if span is not None else None
        if region is None and question.evidence is not None:
            evidence = question.evidence
            region = region_of(doc, evidence.start, evidence.end, line=evidence.line, text=evidence.text)
        status = "unanswered" if question.status == "unanswered" else "only partly answered"
        message = f"{question.audience} question, {status}: {question.question}"
        if question.why:
            message += f" Why: {question.why}"
        notes.append(Annotation(
            path, Check(f"questions/{question.topic}", f"Reviewer questions about {question.topic}"),
            "warning" if question.status == "unanswered" else "notice",
            f"prfaq question: {question.topic}", message, region,
        ))
    return notes


SEVERITY_LEVEL: dict[str, Level] = {"blocker": "error", "major": "warning", "minor": "notice"}


def review_annotations(report: ReviewReport, doc: Document | None = None) -> list[Annotation]:
    """Each persona's findings, at the words it quotes."""
    path = report.path or STDIN_NAME
    notes = []
    for persona in report.personas:
        for finding in persona.findings:
            quote = finding.quote
            message = f"{persona.name} ({finding.severity}): {finding.question}"
            if finding.suggestion:
                message += f" Suggestion: {finding.suggestion}"
            notes.append(Annotation(
                path, Check(f"review/{finding.check}", f"Reviewer check: {finding.check}"),
                SEVERITY_LEVEL.get(finding.severity, "warning"), f"prfaq review: {persona.name}", message,
                region_of(doc, quote.start, quote.end, line=quote.line, text=quote.text),
            ))
    return notes


def critique_annotations(result: DocResult, doc: Document | None = None) -> list[Annotation]:
    """One document's critique: its failure, or its score, questions and review."""
    path = result.path
    notes: list[Annotation] = []
    if not result.ok:
        notes.append(Annotation(path, Check("critique/error", "The document could not be critiqued"), "error",
                                "prfaq critique failed", result.error or "the critique failed", None))
    if result.clarity is not None:
        notes += clarity_annotations(path, result.clarity, doc)
    if result.rubric is not None:
        notes += rubric_annotations(path, result.rubric, doc)
    if result.questions is not None:
        notes += question_annotations(result.questions.model_copy(update={"path": path}), doc)
    if result.review is not None:
        notes += review_annotations(result.review.model_copy(update={"path": path}), doc)
    return notes


def checks_of(annotations: Iterable[Annotation], known: Sequence[Check] = ()) -> list[Check]:
    """The checks to declare: the known ones first, then any other the annotations use."""
    seen: dict[str, Check] = {check.id: check for check in known}
    for note in annotations:
        seen.setdefault(note.check.id, note.check)
    return list(seen.values())
