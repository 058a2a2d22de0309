"""Four PR/FAQs of kinds the rules had not seen (tests/fixtures/questions/): a per-seat payroll
service for small accountancies (tallyhand.md, "###" FAQ headings), a temperature sensor for
refrigerated trucks sold through distributors (coldtrace.md, bold question lines), a city's
permit service with no price (permitpath.md, "Q:"/"A:" lines, placeholder answers) and a family
subscription for parents of teenagers (waypoint.md, a numbered FAQ). Each test asks what a
reviewer would ask in other words than the document's, and checks what `prfaq questions` shows:
the status, and the quote that answers it."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.documents import load_document
from assistant.questions.meaning import mask
from assistant.questions.models import Question
from assistant.questions.offline import ask_offline
from assistant.questions.select import product_name

FIXTURES = Path(__file__).parent / "fixtures" / "questions"
TALLYHAND = FIXTURES / "tallyhand.md"
COLDTRACE = FIXTURES / "coldtrace.md"
PERMITPATH = FIXTURES / "permitpath.md"
WAYPOINT = FIXTURES / "waypoint.md"


def ask(path: Path, *questions: str) -> dict[str, Question]:
    """`prfaq questions DOC --ask` (offline), by question text."""
    return {q.question: q for q in ask_offline(load_document(path), list(questions)).questions}


def quote(judged: Question) -> str:
    return judged.evidence.text if judged.evidence is not None else ""


@pytest.mark.parametrize(("path", "name"), [(TALLYHAND, "Tallyhand Payroll"), (COLDTRACE, "ColdTrace"),
                                            (PERMITPATH, "PermitPath"), (WAYPOINT, "Waypoint")])
def test_the_product_is_what_the_opening_launches_not_the_headlines_first_word(path, name):
    """"Riverton Residents Can Now Apply ..." opens with the city; "today opened PermitPath, an
    online service" names the product."""
    assert product_name(load_document(path)) == name


def test_a_coined_first_word_of_the_name_is_the_product_on_its_own():
    """The FAQ says "How much does Tallyhand cost?" of "Tallyhand Payroll"; an ordinary first word
    ("Tangent" of "Tangent Graph") is not the product alone."""
    assert mask("How much does Tallyhand cost?", "Tallyhand Payroll") == "How much does it cost?"
    assert mask("Is the Tangent line drawn?", "Tangent Graph") == "Is the Tangent line drawn?"
