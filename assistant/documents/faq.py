"""Find the FAQ and its question/answer pairs.

Question formats seen in real PR/FAQs, all handled here:
    ## What does it cost?            (a heading ending in '?'; also "#### Q: ...")
    **Q: What does it cost?**        (bold, with or without a Q:/Q1./C1. label, may wrap)
    **Q:** What does it cost?        (only the label bold)
    Q: What does it cost? A: $9.     (question and answer on one line)
    Question: ... / Q1. ...          (labels)
    1. What does it cost?            (a numbered question)
and, only when none of those appear, plain lines ending in '?' that open a paragraph.

An answer runs from the end of its question to the next question, heading or rule.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from typing import NamedTuple

from assistant.documents.models import Audience, FaqItem, Span
from assistant.documents.structure import Line, trim_markup, word_count

_FAQ_WORD = re.compile(r"\b(?:faqs?|frequently\s+asked\s+questions|questions\s+(?:and|&)\s+answers|q\s*&\s*a)\b",
                       re.IGNORECASE)
_PR_FAQ = re.compile(r"\bpr\s*[/\-–—&]?\s*faqs?\b|\bprfaqs?\b|press\s+release\s*[/&\-–—]\s*faq", re.IGNORECASE)
_AUDIENCE_WORDS = (r"(?:customer|external|internal|stakeholder|business|strategic|technical|user|public|general|"
                   r"product|partner|investor|developer|engineering|team)s?")
_FAQ_STRICT = re.compile(
    rf"^(?:part\s+\w+\s*[-—–:.]?\s*)?(?:{_AUDIENCE_WORDS}(?:\s*(?:/|&|and|,)\s*{_AUDIENCE_WORDS})*\s+)?"
    r"(?:faqs?|frequently\s+asked\s+questions|questions\s+(?:and|&)\s+answers|q\s*&\s*a)"
    r"(?:\s+section|\s*\([^)]*\))?\s*:?$",
    re.IGNORECASE,
)
_AUDIENCE_QUESTIONS = re.compile(r"^(?:customer|external|internal|stakeholder)s?\s+questions\s*:?$", re.IGNORECASE)
_INTERNAL = re.compile(r"\binternal\b", re.IGNORECASE)
_EXTERNAL = re.compile(r"\bexternal\b", re.IGNORECASE)
_INTERNAL_CUES = re.compile(r"\b(?:stakeholders?|business|strategic|strategy|investors?|executives?|leadership|"
                            r"deciding|decide|decision|funding)\b", re.IGNORECASE)
_EXTERNAL_CUES = re.compile(r"\b(?:customers?|users?|adopters?|public|press|clients?|buyers?|using it)\b",
                            re.IGNORECASE)

_LABEL = r"(?:Q(?:uestion)?[ \t]*\d{0,3}|[A-Z]{1,2}\d{1,3})[ \t]*[:.)]"
_LABEL_AT = re.compile(_LABEL + r"[ \t]*")
_LABEL_ONLY = re.compile(r"[ \t]*" + _LABEL + r"[ \t]*$")  # used with match(pos): no ^
_Q_LABEL_LINE = re.compile(r"^[ \t]*(?:[-+][ \t]+|\*[ \t]+)?Q(?:uestion)?[ \t]*\d{0,3}[ \t]*[:.)][ \t]*", re.IGNORECASE)
_BOLD_START = re.compile(r"^[ \t]*(?:[-+][ \t]+|\*[ \t]+)?(?=\*\*|__)")
_BOLD = re.compile(r"(\*\*|__)((?:(?!\1)[^\n]|\n(?![ \t]*\n))+?)\1")
_INLINE_ANSWER = re.compile(r"\?[ \t]*(?:\*\*|__)?[ \t]+(?:\*\*|__)?A(?:nswer)?[ \t]*[:.)](?:\*\*|__)?[ \t]*")
_NUMBERED = re.compile(r"^[ \t]*\d{1,3}[.)][ \t]+(.+\?)[ \t]*(?:\*\*|__)?[ \t]*$")
_ANSWER_MARK = re.compile(r"\s*(?:\*\*|__)?A(?:nswer)?[ \t]*\d{0,3}[ \t]*[:.)](?:\*\*|__)?[ \t]*")
MAX_BOLD_QUESTION = 600
MAX_PLAIN_QUESTION_WORDS = 30

MakeSpan = Callable[[int, int], Span]


class Question(NamedTuple):
    line: int  # index of the line the question starts on
    last_line: int  # index of the line the question markup ends on
    start: int  # offsets of the question's words (markup and labels excluded)
    end: int
    body_start: int  # where its answer may begin


def _clean(text: str) -> str:
    return re.sub(r"^[^\w(]+|[^\w)?]+$", "", text).strip()


def is_faq_heading(line: Line) -> bool:
    """A heading (or a plain line standing for one) that opens an FAQ or one of its parts."""
    if line.kind not in ("heading", "text"):
        return False
    text = _clean(line.content)
    if not text or text.endswith("?") or word_count(text) > 8 or _PR_FAQ.search(text):
        return False
    if _AUDIENCE_QUESTIONS.match(text):
        return True
    if line.is_heading:
        return bool(_FAQ_WORD.search(text))
    return bool(_FAQ_STRICT.match(text))


def names_an_faq_part(text: str) -> bool:
    """Is this line the title of an FAQ or of one of its parts ("Customer FAQ", "Internal
    questions"), whatever its markup? Such a title answers no question."""
    cleaned = _clean(text)
    return bool(cleaned) and (_FAQ_STRICT.match(cleaned) is not None or _AUDIENCE_QUESTIONS.match(cleaned) is not None)


def audience_of(heading: str, current: Audience) -> Audience:
    """Which FAQ a heading opens: internal under Internal/Stakeholder/Business headings."""
    if _INTERNAL.search(heading):
        return "internal"
    if _EXTERNAL.search(heading):
        return "external"
    if _INTERNAL_CUES.search(heading):
        return "internal"
    if _EXTERNAL_CUES.search(heading):
        return "external"
    return current


def find_faq_start(text: str, lines: list[Line]) -> int | None:
    """Index of the line where the FAQ begins: its heading, else the first of several questions."""
    for line in lines:
        if is_faq_heading(line):
            return line.number
    first: int | None = None
    count = 0
    for line in lines:
        if question_at(text, lines, line.number, plain=False, strict_labels=True):
            first = line.number if first is None else first
            count += 1
            if count >= 2:
                return first
    return None


def _question_from(text: str, start: int, end: int) -> tuple[int, int] | None:
    start, end = trim_markup(text, start, end)
    label = _LABEL_AT.match(text, start, end)
    if label:
        start, end = trim_markup(text, label.end(), end)
    if end <= start:
        return None
    if label or text[start:end].rstrip("*_ ").endswith("?"):
        return start, end
    return None


def question_at(text: str, lines: list[Line], i: int, *, plain: bool, strict_labels: bool = False) -> Question | None:
    """The question that starts on line i, if any."""
    line = lines[i]
    if line.kind == "heading" and line.heading_level:
        found = _question_from(text, line.content_start, line.content_end)
        return Question(i, i, *found, body_start=line.end) if found else None
    if line.kind not in ("text", "list"):
        return None
    if _BOLD_START.match(line.text):
        return _bold_question(text, lines, i)
    label = _Q_LABEL_LINE.match(line.text)
    if label:
        return _labelled_question(text, line, line.start + label.end())
    if strict_labels:
        return None
    numbered = _NUMBERED.match(line.text)
    if numbered:
        start, end = trim_markup(text, line.start + numbered.start(1), line.start + numbered.end(1))
        return Question(i, i, start, end, line.end)
    if plain and line.kind == "text" and _opens_paragraph(lines, i):
        stripped = line.text.strip()
        if stripped.endswith("?") and word_count(stripped) <= MAX_PLAIN_QUESTION_WORDS:
            start, end = trim_markup(text, line.start, line.end)
            return Question(i, i, start, end, line.end)
    return None


def _opens_paragraph(lines: list[Line], i: int) -> bool:
    return i == 0 or lines[i - 1].kind in ("blank", "hr", "heading") or lines[i - 1].is_heading


def _bold_question(text: str, lines: list[Line], i: int) -> Question | None:
    line = lines[i]
    lead = _BOLD_START.match(line.text)
    assert lead is not None
    start = line.start + lead.end()
    # Bounded window: a line of "**" with no closing mark must not scan the rest of the text.
    bold = _BOLD.match(text, start, min(len(text), start + MAX_BOLD_QUESTION))
    if bold is None:
        return None
    inner_start, inner_end = bold.start(2), bold.end(2)
    last_line = i + text.count("\n", line.start, bold.end())
    if _LABEL_ONLY.match(text, inner_start, inner_end):
        # "**Q:** What does it cost?": the label alone is bold; the question follows it.
        end_of_line = lines[last_line].end
        return _labelled_question(text, lines[last_line], bold.end(), end_of_line=end_of_line, line_index=i)
    found = _question_from(text, inner_start, inner_end)
    if not found:
        return None
    return Question(i, last_line, *found, body_start=bold.end())


def _labelled_question(text: str, line: Line, start: int, *, end_of_line: int | None = None,
                       line_index: int | None = None) -> Question | None:
    end = line.end if end_of_line is None else end_of_line
    inline = _INLINE_ANSWER.search(text, start, end)
    body_start = end
    if inline:
        body_start = inline.end()
        end = inline.start() + 1  # keep the '?'
    q_start, q_end = trim_markup(text, start, end)
    if q_end <= q_start:
        return None
    index = line.number if line_index is None else line_index
    return Question(index, line.number, q_start, q_end, body_start)


def _is_answer_boundary(text: str, lines: list[Line], line: Line, plain: bool) -> bool:
    """Headings end an answer; a bold or colon label line does only when it introduces
    questions or names an FAQ part (otherwise it is part of the answer)."""
    if line.kind == "hr" or (line.kind == "heading" and line.heading_level):
        return True
    if not line.is_heading:
        # "Stakeholder FAQ" on a plain line of its own opens the next part, in a document whose
        # other headings are bold lines (a plain line is a heading only where nothing is marked up)
        return is_faq_heading(line)
    if is_faq_heading(line) or _INTERNAL.search(line.content) or _EXTERNAL.search(line.content):
        return True
    for following in lines[line.number + 1 : line.number + 4]:
        if following.kind != "blank":
            return question_at(text, lines, following.number, plain=plain) is not None
    return False


def parse_faq(text: str, lines: list[Line], faq_line: int, make_span: MakeSpan) -> list[FaqItem]:
    """Question/answer pairs from line `faq_line` to the end of the document."""
    items = _sweep(text, lines, faq_line, make_span, plain=False)
    return items or _sweep(text, lines, faq_line, make_span, plain=True)


def _sweep(text: str, lines: list[Line], faq_line: int, make_span: MakeSpan, *, plain: bool) -> list[FaqItem]:
    opening = lines[faq_line]
    audience: Audience = audience_of(opening.content, "external") if is_faq_heading(opening) else "external"
    found: list[tuple[Question, Audience]] = []
    stops: list[int] = []
    i = faq_line + (1 if is_faq_heading(opening) else 0)
    while i < len(lines):
        line = lines[i]
        if line.kind == "table":
            row = _table_row_question(text, line)
            if row is not None:
                # "| How much does Plus cost? | £3.99 a month ... |": a row is a question and its answer
                asked, answer_end = row
                found.append((asked, audience))
                stops.extend([line.start, answer_end])
            i += 1
            continue
        if line.kind in ("blank", "code"):
            i += 1
            continue
        question = question_at(text, lines, i, plain=plain)
        if question is not None:
            found.append((question, audience))
            stops.append(line.start)
            i = question.last_line + 1
            continue
        if _is_answer_boundary(text, lines, line, plain):
            stops.append(line.start)
            audience = audience_of(line.content, audience)
        i += 1
    items: list[FaqItem] = []
    for question, item_audience in found:
        answer_end = _next_stop(stops, question.body_start, len(text))
        items.append(FaqItem(audience=item_audience, question=make_span(question.start, question.end),
                             answer=_answer_span(text, question.body_start, answer_end, make_span)))
    return items


_TABLE_CELL = re.compile(r"[^|\n]+")


def _table_row_question(text: str, line: Line) -> tuple[Question, int] | None:
    """A table row whose first cell asks a question and whose next cells answer it, with where
    the answer ends (before the row's closing bar); None for the header, the rule and other rows."""
    cells = [m for m in _TABLE_CELL.finditer(text, line.start, line.end) if m.group().strip()]
    if len(cells) < 2:
        return None
    q_start, q_end = trim_markup(text, cells[0].start(), cells[0].end())
    if q_end <= q_start or not text[q_start:q_end].rstrip("*_ ").endswith("?"):
        return None
    answer_end = cells[-1].end()
    return Question(line.number, line.number, q_start, q_end, cells[1].start()), answer_end


def _next_stop(stops: list[int], after: int, default: int) -> int:
    index = bisect.bisect_left(stops, after)
    return stops[index] if index < len(stops) else default


def _answer_span(text: str, start: int, end: int, make_span: MakeSpan) -> Span | None:
    mark = _ANSWER_MARK.match(text, start, end)
    if mark:
        start = mark.end()
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return make_span(start, end) if end > start else None
