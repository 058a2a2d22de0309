"""Documents: load .md/.txt/.docx (or stdin) into a typed, parsed `Document`.

    >>> from assistant.documents import load_document
    >>> doc = load_document("launch.md")
    >>> doc.headline.text, [item.question.text for item in doc.external_faq]

Importing this package is cheap: python-docx loads only when a .docx is read.
"""

from __future__ import annotations

from assistant.documents.loader import load_bytes, load_document
from assistant.documents.models import Document, FaqItem, Heading, Paragraph, Span
from assistant.documents.parse import parse_document

__all__ = ["Document", "FaqItem", "Heading", "Paragraph", "Span", "load_bytes", "load_document", "parse_document"]
