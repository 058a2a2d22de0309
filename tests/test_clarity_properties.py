"""Property tests: for any text (built from words that trigger every rule, markup, numbers and
odd characters), findings quote the text exactly, deductions add up exactly to 100 - score, the
score stays in 0-100, and scoring twice gives the same report."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.clarity.score import clarity_report
from assistant.documents.models import Document

WORDS = [
    "significantly", "faster", "many", "could", "revolutionary", "very", "SLA", "API", "idempotent",
    "implementation", "of", "was", "built", "TBD", "[NAME]", "XX%", "the", "store", "manager", "orders",
    "milk", "in", "two", "taps", "90", "minutes", "$49", "e.g.", "U.S.", "Dr.", "Q:", "A:", "**bold**",
    "`code`", "https://example.com/x.y", "—", "“quoted”", "é", "\u200b", "#", "-", "1.", "|", "Seattle",
]
SEPARATORS = [" ", " ", " ", ". ", "? ", "! ", ", ", "\n", "\n\n", "\n# ", "\n- "]

texts = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), min_size=1, max_size=250).map(
    lambda parts: "".join(word + sep for word, sep in parts))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_any_text_gives_an_exact_explainable_score(text: str) -> None:
    doc = Document(text=text)
    report = clarity_report(doc)
    assert 0 <= report.score <= 100
    for finding in report.findings:
        assert finding.text == text[finding.start : finding.end]
        assert finding.deduction >= 0
    total = sum((Decimal(str(f.deduction)) for f in report.findings), Decimal(0))
    assert total == Decimal(100) - Decimal(str(report.score))
    assert clarity_report(Document(text=text)) == report
