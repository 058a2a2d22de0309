"""`prfaq revise` as a user runs it: where it writes, that it never overwrites the input or an
existing output without --force, bad input in one line with exit 2, the summary, --diff, JSON,
--from-review, and .docx in giving .docx out with its headings and styles."""

from __future__ import annotations

import io
import json
import shutil

import pytest
from conftest import FIXTURES, assert_one_line_error, run_prfaq

DOC = FIXTURES / "revise" / "shelfie.md"


@pytest.fixture
def doc(tmp_path):
    path = tmp_path / "shelfie.md"
    shutil.copy(DOC, path)
    return path


def test_writes_doc_revised_md_and_leaves_the_input_untouched(doc):
    before = doc.read_bytes()
    result = run_prfaq("revise", str(doc))
    assert result.code == 0, result.stderr
    out = doc.with_name("shelfie.revised.md")
    assert doc.read_bytes() == before
    revised = out.read_text()
    assert "leverages" not in revised and "$49" in revised
    assert "Clarity score:" in result.stdout and "->" in result.stdout
    assert "[hedge]" in result.stdout and f"Written to: {out}" in result.stdout


def test_existing_output_without_force_is_exit_2_in_one_line_and_force_replaces(doc, tmp_path):
    out = tmp_path / "out.md"
    out.write_text("mine\n")
    assert_one_line_error(run_prfaq("revise", str(doc), "-o", str(out)))
    assert out.read_text() == "mine\n"
    assert run_prfaq("revise", str(doc), "-o", str(out), "--force").code == 0
    assert "leverages" not in out.read_text()


def test_the_input_is_never_the_output_even_with_force(doc):
    before = doc.read_bytes()
    assert_one_line_error(run_prfaq("revise", str(doc), "-o", str(doc), "--force"))
    assert doc.read_bytes() == before


@pytest.mark.parametrize("args", [
    ("--fix", "spelling"),
    ("--from-review", "/nonexistent/missing.json"),
])
def test_bad_options_are_one_line_exit_2(doc, tmp_path, args):
    assert_one_line_error(run_prfaq("revise", str(doc), "-o", str(tmp_path / "o.md"), *args))


def test_a_file_that_is_not_a_review_is_one_line_exit_2(doc, tmp_path):
    bad = tmp_path / "review.json"
    bad.write_text('{"personas": 3}')
    result = run_prfaq("revise", str(doc), "-o", str(tmp_path / "o.md"), "--from-review", str(bad))
    assert_one_line_error(result)
    assert "prfaq review --format json" in result.stderr


def test_missing_document_is_one_line_exit_2(tmp_path):
    assert_one_line_error(run_prfaq("revise", str(tmp_path / "nope.md")))


def test_json_report_has_schema_diff_scores_and_fixes(doc, tmp_path):
    out = tmp_path / "o.md"
    result = run_prfaq("revise", str(doc), "-o", str(out), "--format", "json")
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema_version"] == "1" and data["engine"] == "offline" and data["output"] == str(out)
    assert data["diff"].startswith(f"--- {doc}\n+++ {out}\n")
    assert data["score_after"] > data["score_before"]
    assert {"rule", "line", "before", "after", "pass"} <= set(data["fixes"][0])
    assert data["text"] == out.read_text()
    assert data["findings_resolved"] and isinstance(data["questions_newly_answered"], list)


def test_diff_flag_prints_the_unified_diff(doc, tmp_path):
    result = run_prfaq("revise", str(doc), "-o", str(tmp_path / "o.md"), "--diff")
    assert "```diff" in result.stdout and "-SEATTLE" in result.stdout and "+SEATTLE" in result.stdout


def test_fix_selects_rules(doc, tmp_path):
    out = tmp_path / "o.md"
    assert run_prfaq("revise", str(doc), "-o", str(out), "--fix", "jargon").code == 0
    text = out.read_text()
    assert "leverages" not in text and "Ideally" in text and "very powerful" in text


def test_from_review_takes_a_review_json_file(doc, tmp_path):
    review = run_prfaq("review", str(doc), "--format", "json")
    assert review.code == 0, review.stderr
    path = tmp_path / "review.json"
    path.write_text(review.stdout)
    result = run_prfaq("revise", str(doc), "-o", str(tmp_path / "o.md"), "--from-review", str(path),
                       "--format", "json")
    assert result.code == 0, result.stderr
    must_fix = [m["text"] for m in json.loads(review.stdout)["decision"]["must_fix"]]
    assert json.loads(result.stdout)["must_fix"] == must_fix


def _docx_bytes() -> bytes:
    import docx

    document = docx.Document()
    document.add_heading("Shelfie tells grocery owners what to reorder", level=1)
    document.add_paragraph("Owners of independent grocery stores photograph each aisle once a day.")
    body = document.add_paragraph("Shelfie is a very useful app. Ideally, it leverages photos in order to predict "
                                  "which items will run out within 48 hours.", style="Quote")
    body.runs[0].font.name = "Georgia"
    document.add_heading("Problem", level=2)
    document.add_paragraph("Owners walk every aisle each evening. It takes about 90 minutes a day.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_in_gives_docx_out_with_headings_and_styles_kept(tmp_path):
    import docx

    source = tmp_path / "launch.docx"
    source.write_bytes(_docx_bytes())
    before = source.read_bytes()
    result = run_prfaq("revise", str(source))
    assert result.code == 0, result.stderr
    assert source.read_bytes() == before
    revised = docx.Document(str(tmp_path / "launch.revised.docx"))
    paragraphs = [(p.style.name, p.text) for p in revised.paragraphs]
    assert paragraphs[0] == ("Heading 1", "Shelfie tells grocery owners what to reorder")
    assert ("Heading 2", "Problem") in paragraphs
    styled = next(p for p in revised.paragraphs if p.text.startswith("Shelfie is"))
    assert styled.style.name == "Quote" and styled.runs[0].font.name == "Georgia"
    assert styled.text == "Shelfie is a useful app. It uses photos to predict which items will run out within 48 hours."
    assert "90 minutes" in "\n".join(t for _, t in paragraphs)


def test_md_in_docx_out_with_format_docx(doc, tmp_path):
    import docx

    out = tmp_path / "o.docx"
    assert run_prfaq("revise", str(doc), "-o", str(out), "--format", "docx").code == 0
    revised = docx.Document(str(out))
    assert revised.paragraphs[0].style.name == "Heading 1"
    assert any(p.style.name == "Heading 2" and p.text == "FAQ" for p in revised.paragraphs)


def test_standard_input_without_o_prints_the_revised_document(doc):
    result = run_prfaq("revise", "-", input=doc.read_text())
    assert result.code == 0, result.stderr
    assert "leverages" not in result.stdout and result.stdout.startswith("# Shelfie")


def test_the_python_api(doc):
    import assistant
    import assistant.revision.offline  # noqa: F401  (importing the package must not hide the function)

    report = assistant.revise(doc, rules=["hedge"])
    assert report.rules == ["hedge"] and "Ideally" not in report.text
    assert not doc.with_name("shelfie.revised.md").exists()  # the API writes nothing
