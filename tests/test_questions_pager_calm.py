"""An internal platform-team PR/FAQ (tests/fixtures/questions/pager-calm.md, written for these
tests) asked an on-call team's list: "opt out" asks what "switch it off" answers; a risk answer
is quoted where it names the risk ("would not page"), not at the mitigation after it; "sits
between Alertmanager and PagerDuty" says what it depends on."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixture_readers import asked_of

from assistant.questions.models import Question

PAGER_CALM = Path(__file__).parent / "fixtures" / "questions" / "pager-calm.md"
ASKED = ["Who maintains it?", "Why now?", "What are the biggest risks?", "What does it depend on?",
         "How will we measure success?", "Can teams opt out?", "What does it cost us?", "Does it replace PagerDuty?",
         "Who is it for?", "How much does it save?", "Do I need to change my alerts?"]


@pytest.fixture(scope="module")
def asked() -> dict[str, Question]:
    return asked_of("pager-calm.md", ASKED)


def test_opt_out_is_answered_by_switching_it_off(asked: dict[str, Question]) -> None:
    opt = asked["Can teams opt out?"]
    assert opt.status == "answered", opt.status_reason
    assert opt.evidence is not None and "a team can switch it off" in opt.evidence.text


def test_a_risk_is_quoted_where_it_is_named(asked: dict[str, Question]) -> None:
    risk = asked["What are the biggest risks?"]
    assert risk.evidence is not None and risk.evidence.text.startswith("Two unrelated alerts on the same service")


def test_sitting_between_two_systems_is_a_dependency(asked: dict[str, Question]) -> None:
    depends = asked["What does it depend on?"]
    assert depends.status != "unanswered", depends.status_reason
    assert depends.evidence is not None and "sits between Alertmanager and PagerDuty" in depends.evidence.text
