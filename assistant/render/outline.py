"""`prfaq outline` as text: how the tool read a document, with line numbers.

When a later check says "no customer quote", this is where a writer sees which paragraph the
tool took for what, and why the one they meant did not count.
"""

from __future__ import annotations

from assistant.documents.models import Document, FaqItem, Paragraph, Span

PREVIEW_CHARS = 80
ROLE_NAMES = {
    "summary": "summary",
    "problem": "problem",
    "solution": "solution",
    "leader_quote": "leader quote",
    "customer_quote": "customer quote",
    "getting_started": "getting started",
    "call_to_action": "call to action",
    "other": "other",
}


def preview(text: str, limit: int = PREVIEW_CHARS) -> str:
    """One line: whitespace collapsed, cut at a word boundary with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0]
    return (cut if len(cut) > limit // 2 else flat[:limit]) + "…"


def _last_line(doc: Document, span: Span) -> int:
    return doc.line_col(max(span.start, span.end - 1))[0]


def _lines(doc: Document, span: Span) -> str:
    last = _last_line(doc, span)
    return f"L{span.line}" if last == span.line else f"L{span.line}-{last}"


def _element(doc: Document, name: str, span: Span | None) -> str:
    if span is None:
        return f"{name:<12} (not found)"
    return f"{name:<12} {_lines(doc, span):<9} {preview(span.text)}"


def _paragraph(doc: Document, paragraph: Paragraph) -> str:
    role = ROLE_NAMES.get(paragraph.role or "", "?")
    where = f"L{paragraph.span.line}" if paragraph.line_end == paragraph.span.line else (
        f"L{paragraph.span.line}-{paragraph.line_end}")
    return f"- {where:<9} {role:<15} {preview(paragraph.span.text)}"


def _faq_item(doc: Document, number: int, item: FaqItem) -> list[str]:
    lines = [f"{number:>3}. Q {_lines(doc, item.question):<9} {preview(item.question.text)}"]
    if item.answer is None:
        lines.append("     A (no answer found)")
    else:
        lines.append(f"     A {_lines(doc, item.answer):<9} {preview(item.answer.text)}")
    return lines


def render_outline(doc: Document) -> str:
    """The outline as Markdown-flavoured plain text."""
    total_lines = doc.text.count("\n") + (0 if doc.text.endswith("\n") else 1)
    out = [f"# Outline of {doc.display_name}", "",
           f"{doc.source_format} · {total_lines} lines · {len(doc.text)} characters · sha256 {doc.sha256[:12]}", "",
           "## Press release", "",
           _element(doc, "headline", doc.headline),
           _element(doc, "sub-heading", doc.subheading),
           _element(doc, "dateline", doc.dateline), ""]
    if doc.paragraphs:
        out.append(f"Paragraphs ({len(doc.paragraphs)}; role '?' means the tool could not tell):")
        section: str | None = None
        for paragraph in doc.paragraphs:
            if paragraph.section != section and paragraph.section:
                out.append(f"  [{preview(paragraph.section, 60)}]")
            section = paragraph.section
            out.append(_paragraph(doc, paragraph))
    else:
        out.append("Paragraphs: none found")
    out += ["", "## FAQ", ""]
    if doc.faq_start is None:
        out.append("No FAQ found (looked for headings like 'FAQ', 'Frequently Asked Questions', "
                   "'Internal FAQ' and for Q:/A: pairs).")
    else:
        out.append(f"Starts at line {doc.line_col(doc.faq_start)[0]}.")
        for title, items in (("External", doc.external_faq), ("Internal", doc.internal_faq)):
            out += ["", f"### {title} ({len(items)})"]
            if not items:
                out.append("(none)")
            for number, item in enumerate(items, 1):
                out += _faq_item(doc, number, item)
    if doc.warnings:
        out += ["", "## Warnings", ""]
        out += [f"- {warning}" for warning in doc.warnings]
    return "\n".join(out) + "\n"
