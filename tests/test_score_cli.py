"""`prfaq score` as a user runs it: Markdown and JSON output, the JSON contract, --fail-under
exit codes, bad input, and --judge without an endpoint."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import assert_one_line_error, run_prfaq
from test_rubric_elements import COMPLETE

WEAK = (
    "# Our revolutionary new platform\n\n"
    "Our platform significantly improves many workflows and could arguably save a lot of time. "
    "The SLA is met by the OMS, which is leveraged seamlessly. Pricing is TBD and [CUSTOMER NAME] loves it.\n"
)
ELEMENT_IDS = ["headline", "subheading", "dateline", "problem", "solution", "leader_quote", "getting_started",
               "customer_quote", "call_to_action", "external_faq", "internal_faq"]


@pytest.fixture
def weak_doc(tmp_path: Path) -> Path:
    path = tmp_path / "weak.md"
    path.write_text(WEAK, encoding="utf-8")
    return path


@pytest.fixture
def complete_doc(tmp_path: Path) -> Path:
    path = tmp_path / "launch.md"
    path.write_text(COMPLETE, encoding="utf-8")
    return path


def test_json_follows_the_contract(weak_doc: Path) -> None:
    result = run_prfaq("score", str(weak_doc), "--format", "json")
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    assert {"schema_version", "path", "clarity", "rubric"} <= set(data)
    assert data["path"] == str(weak_doc)
    clarity = data["clarity"]
    assert {"score", "rule_set_version", "findings"} <= set(clarity)
    text = weak_doc.read_text(encoding="utf-8")
    for finding in clarity["findings"]:
        assert set(finding) == {"rule", "message", "start", "end", "text", "line", "column", "deduction",
                                "suggestion"}
        assert finding["text"] == text[finding["start"] : finding["end"]]
    total = sum((Decimal(str(f["deduction"])) for f in clarity["findings"]), Decimal(0))
    assert total == Decimal(100) - Decimal(str(clarity["score"]))
    assert [e["id"] for e in data["rubric"]["elements"]] == ELEMENT_IDS
    for element in data["rubric"]["elements"]:
        assert {"id", "status", "start", "end"} <= set(element)
    assert set(data["rubric"]["missing"]) <= set(ELEMENT_IDS)
    assert "internal_faq" in data["rubric"]["missing"]
    rules = {f["rule"] for f in clarity["findings"]}
    assert {"hype", "vague_quantity", "hedge", "undefined_acronym", "placeholder"} <= rules


def test_markdown_lists_costly_findings_with_line_and_column_then_the_rubric(weak_doc: Path) -> None:
    result = run_prfaq("score", str(weak_doc))
    assert result.code == 0, result.stderr
    out = result.stdout
    assert out.startswith("# Clarity score: ")
    assert "`placeholder` at 3:" in out  # rule and line:column
    assert "> TBD" in out  # the offending words
    assert "Suggestion: " in out
    assert out.index("## What cost points") < out.index("## PR/FAQ rubric")
    assert "| Internal FAQ | MISSING |" in out


def test_complete_document_scores_high_and_passes_the_rubric(complete_doc: Path) -> None:
    result = run_prfaq("score", str(complete_doc), "--format", "json")
    data = json.loads(result.stdout)
    assert data["clarity"]["score"] >= 90
    assert data["rubric"]["missing"] == []


def test_fail_under_exits_1_below_and_0_above(weak_doc: Path) -> None:
    score = json.loads(run_prfaq("score", str(weak_doc), "--format", "json").stdout)["clarity"]["score"]
    below = run_prfaq("score", str(weak_doc), "--fail-under", str(score + 1))
    assert below.code == 1
    assert "below --fail-under" in below.stderr
    assert run_prfaq("score", str(weak_doc), "--fail-under", str(score)).code == 0


def test_stdin_is_scored(weak_doc: Path) -> None:
    result = run_prfaq("score", "-", "--format", "json", input=WEAK)
    assert result.code == 0, result.stderr
    assert json.loads(result.stdout)["clarity"]["score"] == json.loads(
        run_prfaq("score", str(weak_doc), "--format", "json").stdout)["clarity"]["score"]


@pytest.mark.parametrize("args", [("score", "/no/such/file.md"), ("score", "--fail-under", "150", "x.md")])
def test_bad_input_exits_2(args: tuple[str, ...], tmp_path: Path) -> None:
    result = run_prfaq(*args, cwd=tmp_path)
    assert result.code == 2
    assert "Traceback" not in result.stderr


def test_missing_file_is_one_line(tmp_path: Path) -> None:
    assert_one_line_error(run_prfaq("score", str(tmp_path / "nope.md")), 2)


def test_judge_without_an_endpoint_says_so(weak_doc: Path) -> None:
    result = run_prfaq("score", str(weak_doc), "--judge")
    assert_one_line_error(result, 2)
    assert "endpoint" in result.stderr
