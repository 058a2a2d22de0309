"""The parser on real, varied PR/FAQs from public repositories (../shared/datasets/prfaq-public/).

Read from the shared folder, never copied into the repository; skipped where it is absent.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import SHARED, need_shared
from documents_helpers import assert_spans_exact

from assistant.documents import load_document

PUBLIC = SHARED / "datasets" / "prfaq-public"
FILES = sorted(PUBLIC.glob("*.md")) if PUBLIC.is_dir() else []
pytestmark = pytest.mark.shared


def test_the_public_corpus_is_here():
    """Skips (with the reason) in a fresh clone, fails in CI: the tests below need the corpus."""
    assert len(sorted(need_shared("datasets", "prfaq-public").glob("*.md"))) >= 18

# Judged independently of the parser: a line that names an FAQ section, not a "PR/FAQ" title.
_FAQ_LINE = re.compile(r"^[#*\s❓]*.*\b(?:FAQs?|Frequently Asked Questions)\b", re.IGNORECASE | re.MULTILINE)
_TITLE = re.compile(r"PR\s*[/\-]?\s*FAQ|PRFAQ|Press Release / FAQ", re.IGNORECASE)


def has_faq_section(text: str) -> bool:
    return any(not _TITLE.search(m.group(0)) for m in _FAQ_LINE.finditer(text))


def load(name_part: str):
    need_shared("datasets", "prfaq-public")
    path = next((p for p in FILES if name_part in p.name), None)
    if path is None:
        pytest.skip(f"no file matching {name_part}")
    return load_document(path)


@pytest.mark.parametrize("path", FILES, ids=[p.name[:40] for p in FILES])
def test_every_public_prfaq_has_a_headline_and_its_faq(path: Path):
    doc = load_document(path)
    assert doc.headline is not None and doc.headline.text.strip()
    assert "source:" not in doc.headline.text and "PR/FAQ" not in doc.headline.text
    assert doc.paragraphs, "no press-release paragraphs"
    if has_faq_section(doc.text):
        assert doc.faq_start is not None
        assert len(doc.faq) >= 1
        answered = [item for item in doc.faq if item.answer is not None]
        assert len(answered) >= len(doc.faq) * 0.8, "most questions should have answers"
        assert all(item.question.text.strip() for item in doc.faq)
    assert_spans_exact(doc)


def test_public_set_as_a_whole():
    need_shared("datasets", "prfaq-public")
    docs = [load_document(p) for p in FILES]
    assert sum(len(d.faq) for d in docs) >= 250
    assert sum(1 for d in docs if d.internal_faq) == 9  # the nine with an Internal/Stakeholder/Business heading
    assert sum(1 for d in docs if d.dateline) >= 13
    roles = {p.role for d in docs for p in d.paragraphs}
    assert roles >= {"summary", "problem", "solution", "leader_quote", "customer_quote", "getting_started",
                     "call_to_action"}


def test_labelled_c1_and_i1_questions_split_into_external_and_internal():
    doc = load("awslabs-dsql")
    assert len(doc.external_faq) == 10 and len(doc.internal_faq) == 8
    assert doc.external_faq[0].question.text == "Which sources and targets are supported?"
    assert doc.dateline.text == "SEATTLE, WA — [TARGET GA DATE]"
    roles = [p.role for p in doc.paragraphs]
    assert roles.count("leader_quote") == 1 and roles.count("customer_quote") == 1
    assert not any(p.section and "Tenets" in p.section for p in doc.paragraphs), "tenets are not the release"


def test_question_and_answer_on_one_line():
    doc = load("vswami78-wwwn")
    first = doc.external_faq[0]
    assert first.question.text == "What is WWWN?"
    assert first.answer.text.startswith("A standalone web app")
    assert len(doc.internal_faq) == 9


def test_plain_text_prfaq_with_emoji_faq_heading():
    doc = load("vinayarun-tangent")
    assert doc.headline.text.startswith("Introducing Tangent")
    assert doc.dateline.text == "Luxembourg — February 2026"
    assert len(doc.faq) == 12 and doc.faq[0].answer.text.startswith("Tangent is an AI conversation workspace")


def test_audience_from_descriptive_faq_headings():
    doc = load("jennyf19-the-workshop")
    assert len(doc.external_faq) == 4  # "For the person using it"
    assert len(doc.internal_faq) == 8  # "For the people deciding whether to build it"
