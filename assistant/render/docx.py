"""A draft as a Word document (python-docx): the headline and sub-heading as headings, the press
release's sections under their headings, the FAQ as question/answer pairs, then the gaps.

The layout matches the Markdown one, so `prfaq score draft.docx` reads the same document.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from assistant.draft.models import Draft, FaqEntry
from assistant.render.markdown import GAPS_HEADING, SECTION_HEADINGS

if TYPE_CHECKING:
    from docx.document import Document as WordDocument


def _faq(document: WordDocument, title: str, entries: list[FaqEntry]) -> None:
    document.add_heading(title, level=2)
    for entry in entries:
        question = document.add_paragraph()
        question.add_run(f"Q: {' '.join(entry.question.split())}").bold = True
        document.add_paragraph(entry.answer.strip())


def render_docx(draft: Draft) -> bytes:
    """The .docx file's bytes."""
    import docx

    pr = draft.press_release
    document = docx.Document()
    document.core_properties.title = " ".join(pr.headline.split())
    document.add_heading(" ".join(pr.headline.split()), level=1)
    document.add_heading(" ".join(pr.subheading.split()), level=2)
    document.add_paragraph(" ".join(f"{pr.dateline} {pr.summary}".split()))
    document.add_heading(SECTION_HEADINGS["problem"], level=3)
    document.add_paragraph(pr.problem)
    document.add_heading(SECTION_HEADINGS["solution"], level=3)
    document.add_paragraph(pr.solution)
    document.add_paragraph(pr.leader_quote)
    document.add_heading(SECTION_HEADINGS["getting_started"], level=3)
    document.add_paragraph(pr.getting_started)
    document.add_paragraph(pr.customer_quote)
    document.add_heading(SECTION_HEADINGS["call_to_action"], level=3)
    document.add_paragraph(pr.call_to_action)
    _faq(document, "External FAQ", draft.faq.external)
    _faq(document, "Internal FAQ", draft.faq.internal)
    document.add_heading(GAPS_HEADING, level=2)
    for gap in draft.gaps:
        item = document.add_paragraph(style="List Number")
        item.add_run(gap.placeholder).bold = True
        item.add_run(f": {gap.question}")
    if draft.warnings or draft.notes_lack:
        document.add_heading("About this draft", level=2)
        if draft.notes_lack:
            document.add_paragraph(f"The notes lack: {'; '.join(draft.notes_lack)}.", style="List Bullet")
        for warning in draft.warnings:
            document.add_paragraph(warning, style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def render_text_docx(text: str) -> bytes:
    """A Markdown or plain-text document as .docx: `#` lines become headings of their level, `**Q:**`
    and bold-only lines stay bold, "- " and "1. " lines become list items, the rest paragraphs
    (lines of one paragraph joined). What `prfaq serve` exports."""
    import re

    import docx

    document = docx.Document()
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            _add_inline(document.add_paragraph(), " ".join(paragraph))
            paragraph.clear()

    for raw in text.splitlines():
        line = raw.strip()
        heading = re.match(r"^(#{1,6})\s+(.*)$", line)
        bullet = re.match(r"^[-*+]\s+(.*)$", line)
        numbered = re.match(r"^\d+[.)]\s+(.*)$", line)
        if not line:
            flush()
        elif heading:
            flush()
            document.add_heading(heading.group(2).strip("# "), level=min(len(heading.group(1)), 9))
        elif bullet or numbered:
            flush()
            item = (bullet or numbered)
            assert item is not None
            _add_inline(document.add_paragraph(style="List Bullet" if bullet else "List Number"), item.group(1))
        else:
            paragraph.append(line)
    flush()
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _add_inline(paragraph: object, text: str) -> None:
    """Runs for **bold** stretches and plain text (the Markdown markers themselves are dropped)."""
    import re

    for index, part in enumerate(re.split(r"\*\*(.+?)\*\*", text)):
        if part:
            run = paragraph.add_run(part)  # type: ignore[attr-defined]
            run.bold = index % 2 == 1
