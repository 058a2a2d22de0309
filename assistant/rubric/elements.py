"""Detect each PR/FAQ element and judge it present, weak or missing, with where it was found.

The parser (assistant.documents) finds the headline, sub-heading, dateline, paragraph roles and
FAQ pairs; this module judges them against the rubric in the brief, and falls back on its own
cues when the parser gave no paragraph a role.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import NamedTuple

from assistant.clarity.text import Prose
from assistant.documents.models import Document, FaqItem, Paragraph, Span
from assistant.rubric import detect
from assistant.rubric.dates import find_date
from assistant.rubric.models import ElementId, ElementStatus, RubricElement

HEADLINE_MAX_WORDS = 20
SUBHEADING_MAX_WORDS = 40
DATELINE_WINDOW = 300  # characters into the summary paragraph where a dateline may sit
MIN_FAQ_ITEMS = 3


class Found(NamedTuple):
    status: ElementStatus
    start: int | None
    end: int | None
    reason: str


MISSING = Found("missing", None, None, "")


def _words(text: str) -> int:
    return len(text.split())


def _element(doc: Document, element_id: ElementId, found: Found, why_missing: str) -> RubricElement:
    if found.status == "missing" or found.start is None or found.end is None:
        return RubricElement(id=element_id, status="missing", reason=found.reason or why_missing)
    line, _ = doc.line_col(found.start)
    line_end, _ = doc.line_col(max(found.start, found.end - 1))
    return RubricElement(id=element_id, status=found.status, start=found.start, end=found.end, line=line,
                         line_end=line_end, reason=found.reason)


def _span_found(span: Span | None, weak_reason: str | None, ok_reason: str) -> Found:
    if span is None:
        return MISSING
    if weak_reason:
        return Found("weak", span.start, span.end, weak_reason)
    return Found("present", span.start, span.end, ok_reason)


def headline(doc: Document) -> Found:
    span = doc.headline
    if span is None:
        return MISSING
    words = _words(span.text)
    weak = f"{words} words; a headline names the product and the benefit in about {HEADLINE_MAX_WORDS}" \
        if words > HEADLINE_MAX_WORDS else ("too short to name a product and a benefit" if words < 3 else None)
    return _span_found(span, weak, "names the launch")


def subheading(doc: Document) -> Found:
    span = doc.subheading
    if span is None:
        return MISSING
    words = _words(span.text)
    sentences = len(Prose(span.text).sentences)
    weak = None
    if words > SUBHEADING_MAX_WORDS:
        weak = f"{words} words; one sentence on who the customer is and what they get"
    elif sentences > 1:
        weak = "more than one sentence; the sub-heading is one sentence"
    return _span_found(span, weak, "one sentence under the headline")


def dateline(doc: Document, today: date) -> Found:
    span = doc.dateline
    if span is not None:
        start, end = span.start, span.end
    else:
        found = None
        for paragraph in _paragraphs(doc)[:2]:
            found = find_date(doc.text, paragraph.span.start,
                              min(paragraph.span.end, paragraph.span.start + DATELINE_WINDOW))
            if found is not None:
                break
        if found is None:
            return MISSING
        start, end = found.start, found.end
    when = find_date(doc.text, start, end + 40)
    if when is None:
        return Found("weak", start, end, "no date a reader can check (city, then the launch date)")
    if when.value <= today:
        return Found("weak", start, end,
                     f"the date {when.value.isoformat()} is not in the future; date the launch ahead")
    return Found("present", start, end, f"launch date {when.value.isoformat()}")


def _paragraphs(doc: Document) -> list[Paragraph]:
    """Press-release paragraphs, in order."""
    limit = doc.faq_start if doc.faq_start is not None else len(doc.text)
    return [p for p in doc.paragraphs if p.span.start < limit]


def _by_role(doc: Document, role: str, cue: Callable[[str], bool]) -> Paragraph | None:
    """The paragraph the parser gave this role; else the first unlabelled one whose words fit."""
    paragraphs = _paragraphs(doc)
    with_role = [p for p in paragraphs if p.role == role]
    if with_role:
        return with_role[0]
    return next((p for p in paragraphs if p.role in (None, "other") and cue(p.span.text)), None)


def problem(doc: Document) -> Found:
    paragraph = _by_role(doc, "problem", lambda t: len(detect.PROBLEM_CUES.findall(t)) >= 2)
    if paragraph is None:
        return _problem_in_passing(doc)
    weak = None if detect.measures(paragraph.span.text) else \
        "not quantified: how much time or money does the problem cost the customer?"
    return _span_found(paragraph.span, weak, "the customer's problem, quantified")


def _problem_in_passing(doc: Document) -> Found:
    """No paragraph of its own, but a sentence of another says what customers do until now
    ("Until now, a commuter queued at a kiosk ..."): the problem is there, in passing."""
    from assistant.clarity.text import Prose

    limit = doc.faq_start if doc.faq_start is not None else len(doc.text)
    for sentence in Prose.of(doc.text).sentences:
        if sentence.start < limit and detect.BEFORE_NOW.search(doc.text[sentence.start : sentence.end]):
            return _span_found(doc.span(sentence.start, sentence.end),
                               "stated only in passing: give the customer's problem its own paragraph, "
                               "with a figure for what it costs them", "")
    return MISSING


def solution(doc: Document) -> Found:
    paragraph = _by_role(doc, "solution", lambda t: bool(detect.SOLUTION_CUES.search(t)))
    if paragraph is not None:
        return _span_found(paragraph.span, None, "what the customer experiences")
    summary = next((p for p in _paragraphs(doc) if p.role == "summary"), None)
    return _span_found(summary.span if summary else None,
                       "only the summary describes it: give the customer's experience its own paragraph", "")


def getting_started(doc: Document) -> Found:
    paragraph = _by_role(doc, "getting_started", lambda t: bool(detect.START_CUES.search(t)))
    if paragraph is None:
        return MISSING
    text = paragraph.span.text
    steps = len(detect.STEP_RE.findall(text))
    actions = {m.group(0).lower().rstrip("s") for m in detect.ACTION_RE.finditer(text)}
    weak = None if steps >= 1 or text.count(".") >= 2 or len(actions) >= 2 else "no steps a customer can follow"
    return _span_found(paragraph.span, weak, "how a customer starts")


def call_to_action(doc: Document) -> Found:
    paragraph = _by_role(doc, "call_to_action", lambda t: len(detect.CTA_CUES.findall(t)) >= 2)
    if paragraph is None:
        return MISSING
    text = paragraph.span.text
    has_where = bool(detect.CTA_CUES.search(text))
    has_price = bool(detect.NUMBER_RE.search(text)) or "free" in text.lower()
    weak = None if has_where and has_price else "say where, when and how much"
    return _span_found(paragraph.span, weak, "where, when and how much")


def quotes(doc: Document) -> list[detect.Quote]:
    end = doc.faq_start if doc.faq_start is not None else len(doc.text)
    return detect.quotes_in(doc.text, 0, end)


def _quote_paragraph(doc: Document, role: str) -> Paragraph | None:
    return next((p for p in _paragraphs(doc) if p.role == role), None)


def _company(doc: Document) -> str | None:
    """The company that announces ("Acme introduces ..."), or None (a gap, "[TBD: company name]")."""
    announced = detect.ANNOUNCER_RE.search(doc.text, 0, doc.faq_start if doc.faq_start is not None else len(doc.text))
    return announced.group("company") if announced else None


def leader_quote(doc: Document) -> Found:
    found = quotes(doc)
    company = _company(doc)
    leaders = [q for q in found if q.leader_of(company)]
    quote = leaders[0] if leaders else (found[0] if len(found) >= 2 else None)
    if quote is None:
        paragraph = _quote_paragraph(doc, "leader_quote")
        return _span_found(paragraph.span if paragraph else None, None, "a leader's quote")
    weak = None if quote.leader_of(company) else "no title says who the leader is (name and role)"
    return Found("weak" if weak else "present", quote.paragraph_start, quote.paragraph_end,
                 weak or "a leader says why we built it")


def customer_quote(doc: Document) -> Found:
    found = quotes(doc)
    company = _company(doc)
    customers = [q for q in found if not q.leader_of(company)]
    if len(found) >= 2 and not any(q.leader_of(company) for q in found):
        customers = found[1:]
    if not customers:
        paragraph = _quote_paragraph(doc, "customer_quote")
        return _span_found(paragraph.span if paragraph else None, None, "a customer's quote")
    quote = customers[0]
    weak = None if quote.named else "not a named, specific person: give the name and who they are"
    return Found("weak" if weak else "present", quote.paragraph_start, quote.paragraph_end,
                 weak or "a named customer describes the benefit")


def _faq(doc: Document, items: list[FaqItem], audience: str) -> Found:
    if not items:
        return MISSING
    start = items[0].question.start
    last = items[-1]
    end = last.answer.end if last.answer is not None else last.question.end
    unanswered = sum(1 for item in items if item.answer is None or not item.answer.text.strip())
    if unanswered:
        return Found("weak", start, end, f"{unanswered} of {len(items)} questions have no answer")
    if len(items) < MIN_FAQ_ITEMS:
        return Found("weak", start, end, f"only {len(items)} {audience} question(s)")
    return Found("present", start, end, f"{len(items)} {audience} questions, all answered")


def evaluate_elements(doc: Document, today: date) -> list[RubricElement]:
    missing_why: dict[ElementId, str] = {
        "headline": "no headline found at the top",
        "subheading": "no one-sentence sub-heading under the headline",
        "dateline": "no dateline (city and launch date) opening the summary",
        "problem": "no paragraph states the customer's problem",
        "solution": "no paragraph describes the solution from the customer's side",
        "leader_quote": "no quote from a leader",
        "getting_started": "no paragraph says how to get started",
        "customer_quote": "no quote from a customer",
        "call_to_action": "no call to action (where, when, how much)",
        "external_faq": "no external (customer) FAQ",
        "internal_faq": "no internal FAQ",
    }
    detectors: list[tuple[ElementId, Callable[[], Found]]] = [
        ("headline", lambda: headline(doc)),
        ("subheading", lambda: subheading(doc)),
        ("dateline", lambda: dateline(doc, today)),
        ("problem", lambda: problem(doc)),
        ("solution", lambda: solution(doc)),
        ("leader_quote", lambda: leader_quote(doc)),
        ("getting_started", lambda: getting_started(doc)),
        ("customer_quote", lambda: customer_quote(doc)),
        ("call_to_action", lambda: call_to_action(doc)),
        ("external_faq", lambda: _faq(doc, doc.external_faq, "external")),
        ("internal_faq", lambda: _faq(doc, doc.internal_faq, "internal")),
    ]
    return [_element(doc, element_id, detect_(), missing_why[element_id]) for element_id, detect_ in detectors]
