"""`prfaq questions` through the real command line: output shapes, options and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import assert_one_line_error, run_prfaq

FIXTURES = Path(__file__).parent / "fixtures" / "questions"
SHELFWISE = str(FIXTURES / "shelfwise.md")


def test_json_follows_the_documented_schema():
    result = run_prfaq("questions", SHELFWISE, "--format", "json")
    assert result.code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["schema_version"] == "1"
    assert report["engine"] == "offline"
    assert report["questions"]
    text = (FIXTURES / "shelfwise.md").read_text(encoding="utf-8")
    for question in report["questions"]:
        assert {"audience", "topic", "question", "why", "status", "evidence"} <= question.keys()
        assert question["audience"] in ("external", "internal")
        assert question["status"] in ("answered", "partly", "unanswered")
        evidence = question["evidence"]
        if evidence is not None:
            assert {"text", "start", "end"} <= evidence.keys()
            assert text[evidence["start"] : evidence["end"]] == evidence["text"]
    price = next(q for q in report["questions"] if q["topic"] == "price" and q["status"] == "answered")
    assert "$29 per month" in price["evidence"]["text"]
    assert report["counts"]["total"] == len(report["questions"])


def test_markdown_lists_external_then_internal_with_badges_and_quotes():
    result = run_prfaq("questions", SHELFWISE)
    assert result.code == 0, result.stderr
    out = result.stdout
    assert out.index("## External questions") < out.index("## Internal questions")
    assert "✅ answered" in out and "❌ unanswered" in out and "🟡 partly" in out
    assert "> Shelfwise costs $29 per month per shop, with the first month free." in out
    assert "Answered at line" in out


def test_top_and_audience_options():
    result = run_prfaq("questions", SHELFWISE, "--format", "json", "--top", "4", "--audience", "external")
    assert result.code == 0, result.stderr
    questions = json.loads(result.stdout)["questions"]
    assert len(questions) == 4
    assert {q["audience"] for q in questions} == {"external"}


def test_notes_from_standard_input():
    notes = (FIXTURES / "notes.md").read_text(encoding="utf-8")
    result = run_prfaq("questions", "-", "--format", "json", input=notes)
    assert result.code == 0, result.stderr
    report = json.loads(result.stdout)
    statuses = [q["status"] for q in report["questions"]]
    assert statuses.count("unanswered") >= 0.85 * len(statuses)
    assert "offline engine" in result.stderr


def test_missing_file_is_one_line_exit_2(tmp_path):
    assert_one_line_error(run_prfaq("questions", str(tmp_path / "nope.md")), 2)


def test_empty_file_is_one_line_exit_2(tmp_path):
    empty = tmp_path / "empty.md"
    empty.write_text("   \n", encoding="utf-8")
    assert_one_line_error(run_prfaq("questions", str(empty)), 2)


def test_top_zero_is_one_line_exit_2():
    result = run_prfaq("questions", SHELFWISE, "--top", "0")
    assert_one_line_error(result, 2)
    assert "--top" in result.stderr
