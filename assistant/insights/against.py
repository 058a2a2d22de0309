"""`--against DOC`: does the press release or its FAQ address each theme, and with which sentence?

A theme is addressed when one sentence of the document means what the theme's customers say:
its similarity to the theme's centre (the mean of its statements) reaches ADDRESSED,
and that sentence is closer to this theme than to any other (a launch about finding shift cover
also mentions "the app", which does not make it an answer to "the app logs me out").
The sentence shown is `doc.text[start:end]`, as every quote is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.documents.models import Document
from assistant.insights.models import Addressed, InsightsReport

if TYPE_CHECKING:
    import numpy as np

ADDRESSED = 0.3
MIN_WORDS = 5


def mark_addressed(report: InsightsReport, doc: Document, statements_of: list[list[str]],
                   centre: np.ndarray | None = None) -> InsightsReport:
    """Set `addressed`/`addressed_by` on every theme; `statements_of[i]` are theme i's statements.

    `centre` is what all the sources' statements share (themes.Grouper.centre): it is taken out of
    every vector, as when grouping, so that a sentence matches a theme for what sets it apart."""
    import numpy as np

    from assistant.clarity.text import Prose
    from assistant.semantic import encode

    sentences = [(s.start, s.end) for s in Prose(doc.text).sentences if s.word_count >= MIN_WORDS]
    report.against = doc.display_name
    if not sentences:
        for theme in report.themes:
            theme.addressed = False
        return report
    def vectors(texts: list[str]) -> np.ndarray:
        raw = encode(texts)
        if centre is None:
            return raw
        shifted = raw - centre
        return shifted / np.maximum(np.linalg.norm(shifted, axis=1, keepdims=True), 1e-9)

    doc_vectors = vectors([doc.text[a:b] for a, b in sentences])
    columns = []
    for statements in statements_of:
        if statements:
            mean = vectors(statements).mean(axis=0)
            columns.append(doc_vectors @ (mean / max(float(np.linalg.norm(mean)), 1e-9)))
        else:
            columns.append(np.full(len(sentences), -1.0, dtype=np.float32))
    table = np.stack(columns, axis=1)  # (sentences, themes)
    nearest = np.argmax(table, axis=1)
    for index, theme in enumerate(report.themes):
        mine = np.where(nearest == index, table[:, index], -1.0)
        best = int(np.argmax(mine))
        theme.addressed = bool(mine[best] >= ADDRESSED)
        if theme.addressed:
            start, end = sentences[best]
            theme.addressed_by = Addressed(text=doc.text[start:end], start=start, end=end,
                                           similarity=round(float(mine[best]), 3))
    return report
