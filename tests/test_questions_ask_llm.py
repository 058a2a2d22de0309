"""`prfaq questions --ask` with a model: the model judges each asked question, code verifies each quote."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import run_prfaq
from fake_server import Reply, Request

FIXTURE = Path(__file__).parent / "fixtures" / "questions" / "scopebox.md"
REAL = "Scheduling meetings, transcribing audio, and editing the notes."
INVENTED = "ScopeBox ships with a hosted version for enterprises."


def judge(request: Request) -> Reply:
    assert "You check a PR/FAQ" in request.messages[0]["content"]  # only the judge is asked: no lens runs
    numbers = {text.strip(): int(n) for n, text in re.findall(r"^(\d+)\. (.+)$", request.text, re.MULTILINE)}
    return Reply(json.dumps({"judgements": [
        {"index": numbers["What does ScopeBox not do yet?"], "status": "answered", "quote": REAL},
        {"index": numbers["Is there a hosted version?"], "status": "answered", "quote": INVENTED},
        {"index": numbers["Why now?"], "status": "unanswered", "quote": ""},
    ]}))


def test_ask_on_the_llm_engine_keeps_order_and_verifies_quotes(fake_llm, llm_env, tmp_path):
    fake_llm.default = judge
    asked = tmp_path / "asked.txt"
    asked.write_text("What does ScopeBox not do yet?\nIs there a hosted version?\nWhy now?\n", encoding="utf-8")
    result = run_prfaq("questions", str(FIXTURE), "--ask", str(asked), "--format", "json", env=llm_env)
    assert result.code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["engine"] == "llm"
    assert [q["question"] for q in report["questions"]] == ["What does ScopeBox not do yet?",
                                                            "Is there a hosted version?", "Why now?"]
    not_yet, hosted, why_now = report["questions"]
    assert not_yet["status"] == "answered" and not_yet["evidence"]["text"] == REAL
    assert hosted["status"] == "unanswered" and hosted["evidence"] is None  # the quote is not in the document
    assert why_now["status"] == "unanswered"
    assert report["counts"]["unverified_quotes"] == 1
    assert len(fake_llm.chat_requests) == 1
