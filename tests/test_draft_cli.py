"""`prfaq draft` as a user runs it (offline): output formats, never overwriting a file without
--force, the Word file, the JSON contract, thin notes, exit codes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import FIXTURES, assert_one_line_error, run_prfaq

NOTES = FIXTURES / "notes" / "labelled-saas.md"
ONE_LINER = FIXTURES / "sample-notes" / "one-liner.md"
JSON_KEYS = {"schema_version", "engine", "notes_path", "press_release", "faq", "gaps", "grounding", "score",
             "revised", "notes_lack", "warnings", "calls"}
SECTIONS = {"headline", "subheading", "dateline", "summary", "problem", "solution", "leader_quote",
            "getting_started", "customer_quote", "call_to_action"}


def test_markdown_to_stdout_with_gaps_and_the_offline_notice():
    result = run_prfaq("draft", str(NOTES))
    assert result.code == 0, result.stderr
    assert result.stdout.startswith("# Nudge")
    for heading in ("## External FAQ", "## Internal FAQ", "## Gaps to fill", "## About this draft"):
        assert heading in result.stdout
    assert "offline engine" in result.stderr


def test_json_follows_the_documented_schema():
    result = run_prfaq("draft", str(NOTES), "--format", "json")
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == JSON_KEYS
    assert data["schema_version"] == "1" and data["engine"] == "offline" and data["calls"] == 0
    assert set(data["press_release"]) == SECTIONS
    assert set(data["faq"]) == {"external", "internal"}
    for entry in data["faq"]["external"] + data["faq"]["internal"]:
        assert set(entry) == {"question", "answer", "topic"}
    for gap in data["gaps"]:
        assert set(gap) == {"placeholder", "question", "element", "reason"}
        assert gap["placeholder"].startswith("[TBD:")
    assert {"checked", "supported", "items"} <= set(data["grounding"])
    assert data["grounding"]["checked"] == data["grounding"]["supported"] > 0
    assert {"clarity", "rubric_missing", "rubric_weak"} <= set(data["score"])


def test_output_file_is_never_overwritten_without_force(tmp_path: Path):
    out = tmp_path / "draft.md"
    out.write_text("my own work\n", encoding="utf-8")
    refused = run_prfaq("draft", str(NOTES), "-o", str(out))
    assert_one_line_error(refused, 2)
    assert "already exists" in refused.stderr and "--force" in refused.stderr
    assert out.read_text(encoding="utf-8") == "my own work\n"
    forced = run_prfaq("draft", str(NOTES), "-o", str(out), "--force")
    assert forced.code == 0, forced.stderr
    assert out.read_text(encoding="utf-8").startswith("# Nudge")
    assert forced.stdout == ""  # the draft went to the file
    assert f"wrote {out}" in forced.stderr


def test_docx_output_is_a_real_word_document_with_headings(tmp_path: Path):
    import docx

    out = tmp_path / "draft.docx"
    result = run_prfaq("draft", str(NOTES), "-o", str(out))
    assert result.code == 0, result.stderr
    document = docx.Document(str(out))
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    names = [text for _, text in headings]
    assert headings[0][0] == "Heading 1" and headings[0][1].startswith("Nudge")
    for heading in ("The problem", "How it works", "Getting started", "External FAQ", "Internal FAQ",
                    "Gaps to fill"):
        assert heading in names
    questions = [p for p in document.paragraphs if p.text.startswith("Q: ")]
    assert len(questions) >= 10 and all(p.runs[0].bold for p in questions)
    # prfaq reads its own Word file back as the same PR/FAQ.
    scored = run_prfaq("score", str(out), "--format", "json")
    assert scored.code == 0, scored.stderr
    assert json.loads(scored.stdout)["rubric"]["missing"] == []


def test_json_suffix_picks_the_format(tmp_path: Path):
    out = tmp_path / "draft.json"
    assert run_prfaq("draft", str(NOTES), "-o", str(out)).code == 0
    assert set(json.loads(out.read_text(encoding="utf-8"))) == JSON_KEYS


def test_a_one_liner_gives_a_scaffold_and_the_list_of_what_is_missing():
    result = run_prfaq("draft", str(ONE_LINER))
    assert result.code == 0, result.stderr
    gaps = result.stdout.split("## Gaps to fill", 1)[1].split("## About this draft")[0]
    items = re.findall(r"^\d+\. `\[TBD: [^\]]+\]`: .+\?", gaps, re.MULTILINE)
    assert len(items) >= 10
    assert "[TBD: price]" in gaps and "[TBD: launch date]" in gaps
    assert "the notes lack:" in result.stderr and "a price" in result.stderr


def test_stream_offline_shows_the_press_release_on_stderr():
    result = run_prfaq("draft", str(NOTES), "--stream")
    assert result.code == 0
    assert "# Nudge" in result.stderr and "## External FAQ" not in result.stderr
    assert result.stdout.startswith("# Nudge")


def test_notes_from_stdin():
    result = run_prfaq("draft", "-", input="Customer: dog walkers.\nProblem: they lose 2 hours a day to texts.\n")
    assert result.code == 0, result.stderr
    assert "dog walkers" in result.stdout and "2 hours a day" in result.stdout


@pytest.mark.parametrize("args, needle", [
    (["draft", "missing-notes.md"], "missing-notes.md"),
    (["draft", str(NOTES), "--format", "docx"], "-o FILE.docx"),
    (["draft", str(NOTES), "-o", "x.docx", "--format", "json"], "does not match"),
])
def test_bad_invocations_are_one_line_and_exit_2(args, needle, tmp_path: Path):
    result = run_prfaq(*args, cwd=tmp_path)
    assert_one_line_error(result, 2)
    assert needle in result.stderr
    assert not (tmp_path / "x.docx").exists()


def test_empty_notes_are_bad_input(tmp_path: Path):
    empty = tmp_path / "empty.md"
    empty.write_text("   \n", encoding="utf-8")
    assert_one_line_error(run_prfaq("draft", str(empty)), 2)


def test_help_names_the_options():
    result = run_prfaq("draft", "--help")
    assert result.code == 0
    for option in ("--output", "--format", "--stream", "--force", "--offline", "--base-url", "--model",
                   "--no-cache", "--prompts-dir"):
        assert option in result.stdout
