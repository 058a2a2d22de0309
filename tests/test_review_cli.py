"""`prfaq review` as a user runs it: formats, persona selection and listing, a persona of the
user's own, bad invocations (one line, exit 2), --fail-on, and the LLM path end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import assert_one_line_error, run_prfaq

FIXTURES = Path(__file__).parent / "fixtures" / "review"
GAPS = str(FIXTURES / "gaps.md")
STRONG = str(FIXTURES / "strong.md")

SECURITY_PERSONA = """\
name: Security lead
version: "1"
lens: secrets, authentication and who can reach the data
always_checks:
  - Where are credentials kept, and who can use them?
voice: Terse. Assumes breach.
rules:
  - id: security.secrets
    severity: blocker
    when: [Apple Health, password, api key]
    unless: [token rotation, least privilege]
    question: Which credentials does the Apple Health sync hold, and who can use them?
    suggestion: Add an internal FAQ on how tokens are stored, scoped and rotated.
messages:
  - role: system
    content: "You are the {name}. Your lens: {lens}. {voice}"
  - role: user
    content: "{reading_rules}\\n{checklist}\\n{document}"
"""


@pytest.fixture
def user_prompts(tmp_path: Path) -> Path:
    folder = tmp_path / "my-prompts"
    (folder / "personas").mkdir(parents=True)
    (folder / "personas" / "security.yaml").write_text(SECURITY_PERSONA, encoding="utf-8")
    return folder


def test_markdown_review_shows_decision_must_fix_personas_quotes_and_discussion():
    result = run_prfaq("review", GAPS)
    assert result.code == 0, result.stderr
    out = result.stdout
    assert "**Decision: REJECT**" in out
    assert "## Must fix" in out and "1. **blocker**" in out
    for name in ("CFO", "Principal engineer", "Counsel", "The customer", "Bar raiser"):
        assert f"### {name}: " in out
    assert "> Pricing will be announced later." in out and "line 15" in out
    assert "## Discussion" in out and "(challenge)" in out and "I read the same point as a minor" in out
    assert "offline engine" in result.stderr


def test_json_review_has_the_documented_schema():
    result = run_prfaq("review", STRONG, "--format", "json")
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema_version"] == "1" and data["engine"] == "offline"
    assert {"personas", "discussion", "decision", "dropped_unverified", "calls"} <= set(data)
    assert data["decision"]["verdict"] == "approve"
    assert [p["id"] for p in data["personas"]] == ["cfo", "engineer", "counsel", "customer", "bar-raiser"]


def test_personas_option_picks_and_orders_the_panel():
    result = run_prfaq("review", GAPS, "--personas", "counsel, cfo", "--format", "json")
    assert result.code == 0, result.stderr
    assert [p["id"] for p in json.loads(result.stdout)["personas"]] == ["counsel", "cfo"]


def test_standard_input_is_reviewed():
    result = run_prfaq("review", "-", "--format", "json", input=Path(GAPS).read_text(encoding="utf-8"))
    assert result.code == 0, result.stderr
    assert json.loads(result.stdout)["decision"]["verdict"] == "reject"


@pytest.mark.parametrize("args, words", [
    (("review", GAPS, "--personas", "cfo,astrologer"), "unknown persona 'astrologer'"),
    (("review", GAPS, "--personas", " , "), "--personas is empty"),
    (("review", GAPS, "--rounds", "9"), "--rounds must be between 0 and 5"),
    (("review",), "give a document to review"),
    (("review", "no-such-file.md"), ""),
])
def test_bad_invocations_are_one_line_and_exit_2(args, words):
    result = run_prfaq(*args)
    assert_one_line_error(result, 2)
    assert words in result.stderr


def test_list_personas_works_without_a_document():
    result = run_prfaq("review", "--list-personas")
    assert result.code == 0, result.stderr
    for persona_id in ("cfo", "engineer", "counsel", "customer", "bar-raiser"):
        assert f"**{persona_id}**" in result.stdout
    listing = json.loads(run_prfaq("review", "--list-personas", "--format", "json").stdout)
    assert [p["id"] for p in listing["personas"]] == ["cfo", "engineer", "counsel", "customer", "bar-raiser", "ethics"]
    assert all(p["builtin"] and p["default"] and p["lens"] for p in listing["personas"][:5])
    ethics = listing["personas"][5]
    assert not ethics["default"] and "AI" in ethics["seat_when"] and "fairness" in ethics["lens"]
    assert "seated when the document mentions" in result.stdout


def test_a_users_persona_file_is_listed_and_usable(user_prompts):
    listing = json.loads(run_prfaq("review", "--list-personas", "--format", "json", "--prompts-dir",
                                   str(user_prompts)).stdout)
    security = next(p for p in listing["personas"] if p["id"] == "security")
    assert security["name"] == "Security lead" and not security["builtin"] and not security["default"]

    result = run_prfaq("review", GAPS, "--personas", "security,customer", "--prompts-dir", str(user_prompts),
                       "--format", "json")
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    security_verdict = data["personas"][0]
    assert security_verdict["id"] == "security" and security_verdict["position"] == "iterate"
    finding = security_verdict["findings"][0]
    assert finding["check"] == "security.secrets" and finding["severity"] == "blocker"
    assert "syncs with Apple Health every night" in finding["quote"]["text"]
    assert any("security-1" in item["finding_refs"] for item in data["decision"]["must_fix"])


def test_a_broken_persona_file_is_one_clear_error(tmp_path):
    folder = tmp_path / "prompts" / "personas"
    folder.mkdir(parents=True)
    (folder / "oracle.yaml").write_text("name: Oracle\nversion: '1'\nmessages: []\n", encoding="utf-8")
    result = run_prfaq("review", GAPS, "--personas", "oracle", "--prompts-dir", str(tmp_path / "prompts"))
    assert_one_line_error(result, 2)
    assert "oracle.yaml" in result.stderr and "lens" in result.stderr


def test_fail_on_exits_1_when_the_verdict_is_that_bad():
    assert run_prfaq("review", GAPS, "--fail-on", "reject").code == 1
    assert run_prfaq("review", STRONG, "--fail-on", "revise").code == 0


def test_llm_review_through_the_cli_reports_its_calls(fake_llm, llm_env):
    from fake_server import schema_echo

    fake_llm.default = schema_echo
    env = {**llm_env, "PRFAQ_STRUCTURED_MODE": "json_schema"}  # schema_echo answers the schema sent
    result = run_prfaq("review", GAPS, "--format", "json", "--no-cache", env=env)
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["engine"] == "llm"
    assert data["calls"] == len(fake_llm.chat_requests) <= data["call_budget"]
    # The echoing model approves with nothing to say; the rule blockers still decide.
    assert data["decision"]["verdict"] in ("revise", "reject")
