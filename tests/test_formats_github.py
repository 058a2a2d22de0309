"""`--format github` as a GitHub Actions job would print it, and `prfaq score` over many files."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import run_prfaq
from test_rubric_elements import COMPLETE
from test_score_cli import WEAK

from assistant.render.annotations import Annotation, Check, Region
from assistant.render.github import escape_data, escape_property, workflow_command

COMMAND = re.compile(r"^::(error|warning|notice) (?P<props>[^:]*)::(?P<message>.*)$")
SHELFWISE = Path(__file__).parent / "fixtures" / "questions" / "shelfwise.md"


def parse(line: str) -> tuple[str, dict[str, str], str]:
    """A workflow command as the runner reads it: the level, the properties (unescaped), the message."""
    match = COMMAND.match(line)
    assert match, line
    props = {}
    for pair in match["props"].split(","):
        key, value = pair.split("=", 1)
        props[key] = value.replace("%2C", ",").replace("%3A", ":").replace("%0A", "\n").replace("%0D", "\r") \
            .replace("%25", "%")
    message = match["message"].replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%")
    return match.group(1), props, message


@pytest.fixture
def weak(tmp_path: Path) -> Path:
    path = tmp_path / "weak.md"
    path.write_text(WEAK, encoding="utf-8")
    return path


@pytest.fixture
def complete(tmp_path: Path) -> Path:
    path = tmp_path / "launch.md"
    path.write_text(COMPLETE, encoding="utf-8")
    return path


def test_escaping_follows_the_workflow_command_rules() -> None:
    assert escape_data("50% off\r\nnow: a, b") == "50%25 off%0D%0Anow: a, b"
    assert escape_property("docs/a,b:c%.md") == "docs/a%2Cb%3Ac%25.md"
    note = Annotation("dir, v2/x:y.md", Check("clarity/hedge", "Hedges"), "warning", "prfaq clarity: hedge",
                      "line one\nline two, 100%", Region(3, 5, 3, 9))
    line = workflow_command(note)
    assert "\n" not in line
    assert line.startswith("::warning file=dir%2C v2/x%3Ay.md,line=3,endLine=3,col=5,endColumn=8,")
    level, props, message = parse(line)
    assert (level, props["file"], props["title"], message) == (
        "warning", "dir, v2/x:y.md", "prfaq clarity: hedge", "line one\nline two, 100%")


def test_score_annotations_point_at_the_words(weak: Path) -> None:
    result = run_prfaq("score", str(weak), "--format", "github")
    assert result.code == 0, result.stderr
    findings = json.loads(run_prfaq("score", str(weak), "--format", "json").stdout)["clarity"]["findings"]
    lines = WEAK.split("\n")
    commands = [parse(line) for line in result.stdout.splitlines() if line.startswith("::")]
    clarity = [(props, message) for _, props, message in commands if props["title"].startswith("prfaq clarity")]
    assert len(clarity) == len(findings)
    for (props, message), finding in zip(clarity, findings, strict=True):
        assert props["file"] == str(weak)
        assert props["title"] == f"prfaq clarity: {finding['rule']}"
        assert message.startswith(finding["message"])
        line, col, end = int(props["line"]), int(props["col"]), int(props["endColumn"])
        assert lines[line - 1][col - 1 : end] == finding["text"]  # GitHub's end column is inclusive
    rubric = [props for _, props, _ in commands if props["title"] == "prfaq rubric: internal_faq"]
    assert rubric and "line" not in rubric[0]  # missing: about the whole file
    assert f"prfaq: {weak}: clarity score " in result.stdout


def test_questions_annotate_what_is_not_answered() -> None:
    result = run_prfaq("questions", str(SHELFWISE), "--format", "github")
    assert result.code == 0, result.stderr
    report = json.loads(run_prfaq("questions", str(SHELFWISE), "--format", "json").stdout)
    open_questions = [q for q in report["questions"] if q["status"] != "answered"]
    commands = [parse(line) for line in result.stdout.splitlines()]
    assert len(commands) == len(open_questions)
    for (level, props, message), question in zip(commands, open_questions, strict=True):
        assert level == ("warning" if question["status"] == "unanswered" else "notice")
        assert question["question"] in message
        assert props["title"] == f"prfaq question: {question['topic']}"


def test_critique_of_one_document_annotates_score_questions_and_review(weak: Path) -> None:
    result = run_prfaq("critique", str(weak), "--format", "github")
    assert result.code == 0, result.stderr
    titles = {parse(line)[1]["title"].split(":")[0] for line in result.stdout.splitlines() if line.startswith("::")}
    assert {"prfaq clarity", "prfaq rubric", "prfaq question", "prfaq review"} <= titles
    assert "Critiqued 1 of 1 documents" in result.stdout


# -- many files --------------------------------------------------------------------------------
def test_score_takes_many_files(weak: Path, complete: Path) -> None:
    result = run_prfaq("score", str(weak), str(complete), "--format", "json")
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema_version"] == "1"
    assert [r["path"] for r in data["reports"]] == [str(weak), str(complete)]
    markdown = run_prfaq("score", str(weak), str(complete)).stdout
    assert markdown.count("# Clarity score: ") == 2


def test_many_files_fail_under_names_each_document_below(weak: Path, complete: Path) -> None:
    scores = {r["path"]: r["clarity"]["score"] for r in json.loads(
        run_prfaq("score", str(weak), str(complete), "--format", "json").stdout)["reports"]}
    threshold = (scores[str(weak)] + scores[str(complete)]) / 2
    result = run_prfaq("score", str(weak), str(complete), "--fail-under", f"{threshold:.2f}")
    assert result.code == 1
    assert result.stderr.count("below --fail-under") == 1
    assert str(weak) in result.stderr and str(complete) not in result.stderr
    assert run_prfaq("score", str(complete), str(complete), "--fail-under", f"{threshold:.2f}").code == 0


def test_a_bad_file_is_one_line_and_the_others_are_still_scored(weak: Path, complete: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.md"
    empty.write_text("  \n", encoding="utf-8")
    missing = tmp_path / "missing.md"
    result = run_prfaq("score", str(weak), str(missing), str(empty), str(complete), "--fail-under", "100",
                       "--format", "github")
    assert result.code == 2  # bad input wins over a failed threshold
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("prfaq: error:")]
    assert len(errors) == 2
    assert str(missing) in errors[0] and str(empty) in errors[1]
    assert f"prfaq: {weak}: clarity score" in result.stdout
    assert f"prfaq: {complete}: clarity score" in result.stdout


def test_stdin_only_once() -> None:
    result = run_prfaq("score", "-", "-", input=WEAK)
    assert result.code == 2
    assert "only once" in result.stderr
