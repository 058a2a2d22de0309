"""`prfaq questions` on notes written as a brief, a heading per part with its text right under it
(tests/fixtures/notes/product-brief-rentwise.md): each heading is a sentence of its own, so the
first line under it can answer; a notes-style heading says what its section answers ("Background"
the problem, "Proposed solution" what it is, "Launch" when and where)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.documents import load_document
from assistant.questions.models import Question
from assistant.questions.offline import ask_offline
from assistant.questions.text import sentences

BRIEF = Path(__file__).parent / "fixtures" / "notes" / "product-brief-rentwise.md"
ASKED = ["What exactly is Rentwise?", "How much does Rentwise cost?", "What problem does Rentwise solve?",
         "When and where will Rentwise be available?", "What is explicitly out of scope?"]


@pytest.fixture(scope="module")
def asked() -> dict[str, Question]:
    return {q.question: q for q in ask_offline(load_document(BRIEF), ASKED).questions}


def test_a_heading_is_a_sentence_of_its_own() -> None:
    text = "## Launch\nBeta in Manchester from 1 February 2027.\n"
    assert [s.text for s in sentences(text)] == ["Launch", "Beta in Manchester from 1 February 2027."]


def test_a_comment_in_a_code_block_is_no_heading() -> None:
    text = "Like this:\n\n```bash\n# the dashboards\nkubectl port-forward svc/grafana 3000:3000\n```\n"
    said = [s.text for s in sentences(text)]
    assert "the dashboards" not in said and any("# the dashboards\nkubectl port-forward" in s for s in said)


@pytest.mark.parametrize(("question", "quoted"), [
    ("What exactly is Rentwise?", "Rentwise matches incoming bank payments to tenants automatically"),
    ("How much does Rentwise cost?", "£4 per unit per month."),
    ("What problem does Rentwise solve?", "chase late payers"),
    ("When and where will Rentwise be available?", "Beta in Manchester from 1 February 2027"),
    ("What is explicitly out of scope?", "Deposit protection, maintenance requests, tenant referencing."),
])
def test_each_section_answers_what_its_heading_says(asked: dict[str, Question], question: str, quoted: str) -> None:
    judged = asked[question]
    assert judged.status == "answered", judged.status_reason
    assert judged.evidence is not None and quoted in judged.evidence.text, judged.evidence
