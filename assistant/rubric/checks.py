"""Whole-document rubric checks: exactly two quotes, about one page, no placeholders, external FAQ
before internal."""

from __future__ import annotations

from assistant.documents.models import Document
from assistant.rubric.elements import quotes
from assistant.rubric.models import RubricCheck

PAGE_WORDS = 750  # "under one page (about 400-700 words)", with a little slack


def two_quotes(doc: Document) -> RubricCheck:
    found = quotes(doc)
    count = len(found)
    first = found[0] if found else None
    line = doc.line_col(first.start)[0] if first else None
    if count == 2:
        return RubricCheck(id="two_quotes", passed=True, message="two quotes: a leader's and a customer's",
                           start=first.start if first else None, end=first.end if first else None, line=line)
    return RubricCheck(id="two_quotes", passed=False,
                       message=f"{count} quote(s) in the press release; it should have exactly two",
                       start=first.start if first else None, end=first.end if first else None, line=line)


def one_page(doc: Document) -> RubricCheck:
    words = len(doc.press_release_text.split())
    if words <= PAGE_WORDS:
        return RubricCheck(id="one_page", passed=True, message=f"press release is {words} words (about one page)")
    return RubricCheck(id="one_page", passed=False,
                       message=f"press release is {words} words; keep it under about one page ({PAGE_WORDS})")


def no_placeholders(doc: Document) -> RubricCheck:
    from assistant.clarity.rules.placeholder import find_placeholders

    found = find_placeholders(doc.text)
    if not found:
        return RubricCheck(id="no_placeholders", passed=True, message="no placeholders left")
    start, end = found[0]
    return RubricCheck(id="no_placeholders", passed=False,
                       message=f"{len(found)} placeholder(s) left, first '{doc.text[start:end]}'",
                       start=start, end=end, line=doc.line_col(start)[0])


def faq_order(doc: Document) -> RubricCheck:
    external, internal = doc.external_faq, doc.internal_faq
    if not external or not internal:
        return RubricCheck(id="faq_order", passed=True, message="only one FAQ part: nothing to order")
    first_external = min(item.question.start for item in external)
    first_internal = min(item.question.start for item in internal)
    if first_external < first_internal:
        return RubricCheck(id="faq_order", passed=True, message="external FAQ comes before internal")
    item = min(internal, key=lambda i: i.question.start)
    return RubricCheck(id="faq_order", passed=False, message="internal FAQ comes before the external FAQ",
                       start=item.question.start, end=item.question.end, line=item.question.line)


def run_checks(doc: Document) -> list[RubricCheck]:
    return [two_quotes(doc), one_page(doc), no_placeholders(doc), faq_order(doc)]
