"""A costume-lending PR/FAQ (tests/fixtures/questions/costume-hire-hub.md, written for these
tests) whose words are ordinary English and trip substring matches ("Costume", "accountants",
"shipyard", "freedom", "priceless"). Read as a reviewer reads it: the product is "Costume Hire
Hub", three capitalised words written so twice, not "Hire Hub"; the paragraph after the summary
that a £ figure made look like a call to action is the problem, and the next one the solution."""

from __future__ import annotations

from pathlib import Path

from assistant.documents import load_document
from assistant.questions.bank import load_bank
from assistant.questions.offline import ask_offline
from assistant.questions.select import product_name

HUB = Path(__file__).parent / "fixtures" / "questions" / "costume-hire-hub.md"


def test_a_name_of_three_ordinary_capitalised_words_is_the_product() -> None:
    assert product_name(load_document(HUB), load_bank()) == "Costume Hire Hub"


def test_a_paragraph_misread_as_a_call_to_action_is_the_problem() -> None:
    doc = load_document(HUB)
    roles = [p.role for p in doc.paragraphs]
    assert roles[:3] == ["summary", "problem", "solution"]
    judged = ask_offline(doc, ["What problem does it solve?"]).questions[0]
    assert judged.status == "answered", judged.status_reason
    assert judged.evidence is not None and judged.evidence.line == 7
