"""FAQ items are matched to bank questions through an index of the questions' concepts
(`select.faq_matches`): only the questions sharing a concept are scored. The matches must be
exactly those of scoring every bank question."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO, SHARED

from assistant.documents import load_document
from assistant.questions.bank import load_bank
from assistant.questions.select import (
    FAQ_CLAIM_THRESHOLD,
    FAQ_MATCH_TOLERANCE,
    SAME_AUDIENCE_BONUS,
    faq_matches,
    faq_similarity,
    product_name,
)
from assistant.questions.text import concepts

# Every document with an FAQ at hand: the examples, the test fixtures, and the public PR/FAQs
# of ../shared when it is there.
DOCS = sorted(path for path in [*(REPO / "examples").rglob("*.md"), *(REPO / "tests" / "fixtures").rglob("*.md"),
                                *(SHARED / "datasets" / "prfaq-public").glob("*.md")]
              if "FAQ" in path.read_text(encoding="utf-8", errors="replace"))


def _every_question(doc, bank, aliases):  # type: ignore[no-untyped-def]
    """The matching as it was written before the index: every bank question scored."""
    matched: dict[str, list[object]] = {}
    for item in doc.faq:
        asked = concepts(item.question.text, aliases=aliases)
        if not asked:
            continue
        # (a bank question with key words, none of them in the FAQ question, is left out)
        similar = [(faq_similarity(asked, q), q) for q in bank.questions
                   if not q.for_each and (not q.keys or asked & q.key_words)]
        scores = [(s + (SAME_AUDIENCE_BONUS if q.audience == item.audience else 0.0), s, q) for s, q in similar]
        best = max((score for score, _, _ in scores), default=0.0)
        for score, alone, question in scores:
            if score >= best - FAQ_MATCH_TOLERANCE and alone >= FAQ_CLAIM_THRESHOLD:
                matched.setdefault(question.id, []).append(item)
    return matched


@pytest.mark.parametrize("path", DOCS, ids=[p.stem for p in DOCS])
def test_the_index_matches_what_scoring_every_question_matches(path: Path) -> None:
    doc = load_document(path)
    bank = load_bank()
    product = product_name(doc, bank)
    aliases = [product] if product else []
    if not doc.faq:
        pytest.skip("no FAQ pairs found")
    assert faq_matches(doc, bank, aliases) == _every_question(doc, bank, aliases)
