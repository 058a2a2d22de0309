"""`prfaq panel` with a model: N simulated customers from the evidence's segments, four answers each,
shares with counts and the spread; quotes from the document verified; labelled simulated."""

from __future__ import annotations

import json
from pathlib import Path

from fake_server import Reply, Request

from assistant.documents import load_document
from assistant.insights.panel import panel_llm
from assistant.llm import Gateway

CORPUS = Path(__file__).parent / "fixtures" / "insights" / "dev"
REAL = "the first to accept takes it"
FAKE = "Rota Cover is free forever for everyone"


def customer(request: Request) -> Reply:
    system = request.messages[0]["content"]
    number = int(system.split("customer number ")[1].split(")")[0])
    return Reply(content=json.dumps({
        "understands": True, "what_it_is": "An app that fills dropped shifts.",
        "my_problem": number % 2 == 1, "why": "I lose mornings to cover calls.",
        "would_try": ["yes", "maybe", "no"][number % 3], "objection": "What does it cost?",
        "objection_quote": REAL if number % 2 else FAKE}))


def test_each_customer_answers_and_the_shares_are_counted(fake_llm, llm_settings) -> None:
    fake_llm.default = customer
    doc = load_document(CORPUS / "press-release-cover-only.md")
    report = panel_llm(doc, evidence=[CORPUS / "interviews"], customers=6, settings=llm_settings,
                       gateway=Gateway(llm_settings))
    assert report.simulated and report.engine == "llm"
    assert len(report.customers) == 6 and len(fake_llm.chat_requests) == 6
    segments = {c.segment for c in report.customers}
    assert len(segments) > 1  # drawn from the evidence's segments
    shares = {s.question: s for s in report.shares}
    assert shares["understands what it is"].count == 6 and shares["understands what it is"].of == 6
    assert shares["says it is their problem"].count == 3
    assert report.would_try == {"yes": 2, "maybe": 2, "no": 2}
    assert 0.0 <= shares["says it is their problem"].spread <= 1.0
    assert report.unverified_quotes == 3
    for c in report.customers:
        if c.quote is not None:
            assert doc.text[c.quote.start:c.quote.end] == c.quote.text
        assert FAKE not in c.answer.objection_quote
    assert "<<<DOCUMENT " in fake_llm.chat_requests[0].text


def test_without_evidence_customers_come_from_the_documents_stated_customer(fake_llm, llm_settings) -> None:
    fake_llm.default = customer
    doc = load_document(CORPUS / "press-release-cover-only.md")
    report = panel_llm(doc, customers=2, settings=llm_settings, gateway=Gateway(llm_settings))
    assert all("Restaurant managers" in c.segment for c in report.customers)
