"""`prfaq outline` as a user runs it: the readable view, JSON, stdin, odd paths, and every bad
input answered with one line and exit code 2 (no traceback)."""

from __future__ import annotations

import json
import os
import re

import pytest
from conftest import FIXTURES, assert_one_line_error, run_prfaq
from documents_helpers import HIDDEN_PAYLOAD, rezip, word_file, zip_of

DOCS = FIXTURES / "documents"


def outline(*args: str, **kwargs):
    return run_prfaq("outline", *args, **kwargs)


def test_outline_shows_each_element_with_its_line_numbers():
    result = outline(str(DOCS / "markdown-headings.md"))
    assert result.code == 0, result.stderr
    out = result.stdout
    assert re.search(r"^headline\s+L1\s+Tally Turns One Shelf Scan", out, re.M)
    assert re.search(r"^sub-heading\s+L3\s+For independent pharmacy owners", out, re.M)
    assert re.search(r"^dateline\s+L5\s+PORTLAND, Ore\. – June 1, 2027$", out, re.M)
    assert re.search(r"^- L9\s+problem\s+Owners of small pharmacies spend about three hours", out, re.M)
    assert re.search(r"^- L15\s+leader quote\s+\"Pharmacists went to school", out, re.M)
    assert re.search(r"^- L21-23\s+getting started\s+1\. Download Tally", out, re.M)
    assert re.search(r"^- L25\s+customer quote\s+", out, re.M)
    assert "### External (3)" in out and "### Internal (2)" in out
    assert re.search(r"^\s+1\. Q L35\s+How much does Tally cost\?$", out, re.M)
    assert re.search(r"^\s+A L37\s+Tally costs \$39 per store per month\.", out, re.M)
    assert "Starts at line 31." in out


def test_outline_says_what_it_did_not_find():
    result = outline("-", input="just a few notes about an idea\nand another line\n")
    assert result.code == 0, result.stderr
    assert re.search(r"^sub-heading\s+\(not found\)", result.stdout, re.M)
    assert re.search(r"^dateline\s+\(not found\)", result.stdout, re.M)
    assert "No FAQ found" in result.stdout
    assert "<stdin>" in result.stdout


def test_outline_json_is_the_document_model_with_exact_spans():
    result = outline(str(DOCS / "bold-headings.md"), "--format", "json")
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema_version"] == "1" and data["source_format"] == "md"
    text = data["text"]
    assert data["headline"]["text"] == "Harbor Lets Small Ferry Operators Sell Tickets Online in One Afternoon"
    spans = [data["headline"], data["subheading"], data["dateline"]] + [p["span"] for p in data["paragraphs"]]
    spans += [item["question"] for item in data["faq"]] + [item["answer"] for item in data["faq"]]
    for span in spans:
        assert text[span["start"] : span["end"]] == span["text"]
    assert [item["audience"] for item in data["faq"]] == ["external"] * 3 + ["internal"] * 2
    assert text[data["faq_start"] :].startswith("**Customer FAQ**")
    assert [p["role"] for p in data["paragraphs"]][:3] == ["summary", "problem", "solution"]


def test_warnings_are_listed(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text((DOCS / "numbered-faq.md").read_text() + "\nThe price is\u200b $25\u200b.\n")
    result = outline(str(path))
    assert result.code == 0
    warnings = result.stdout.split("## Warnings", 1)[1]
    assert "HTML comment" in warnings and "2 zero-width characters" in warnings


def test_word_file_through_the_command(tmp_path):
    path = tmp_path / "crate launch.docx"
    word_file(path)
    result = outline(str(path))
    assert result.code == 0, result.stderr
    assert re.search(r"^headline\s+L1\s+Crate Lets Corner Bakeries", result.stdout, re.M)
    assert "How does a customer order?" in result.stdout
    assert HIDDEN_PAYLOAD not in result.stdout and "hidden text" in result.stdout


def test_path_with_spaces_and_non_ascii_letters(tmp_path):
    path = tmp_path / "Lancement – été ü 2027.md"
    path.write_bytes((DOCS / "plain-qa.txt").read_bytes())
    result = outline(str(path))
    assert result.code == 0, result.stderr
    assert f"# Outline of {path}" in result.stdout
    assert "Lumen Shows Apartment Renters" in result.stdout


def test_standard_input(tmp_path):
    result = outline("-", "--format", "json", input=(DOCS / "plain-qa.txt").read_bytes())
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["path"] is None and data["source_format"] == "stdin"
    assert data["headline"]["text"].startswith("Lumen Shows")


def test_word_file_on_standard_input():
    result = outline("-", "--format", "json", input=word_file())
    assert result.code == 0, result.stderr
    assert json.loads(result.stdout)["source_format"] == "docx"


def test_utf16_and_latin1_files_are_read_and_the_fallback_is_said(tmp_path):
    text = (DOCS / "plain-qa.txt").read_text()
    (tmp_path / "wide.txt").write_bytes(text.encode("utf-16-le"))
    (tmp_path / "old.txt").write_bytes(text.replace("–", "-").encode("latin-1"))
    wide = outline(str(tmp_path / "wide.txt"))
    old = outline(str(tmp_path / "old.txt"))
    assert wide.code == 0 and "UTF-16-LE" in wide.stdout and "Lumen Shows" in wide.stdout
    assert old.code == 0 and "Windows-1252" in old.stdout and "Lumen Shows" in old.stdout
    decoded = json.loads(outline(str(tmp_path / "old.txt"), "--format", "json").stdout)["text"]
    assert "Neukölln" in decoded


# --- bad input: one line on stderr, exit code 2, no traceback -------------------------------


def _bad_inputs(folder):
    """(argument, expected words in the message) for each bad input, created in `folder`."""
    cases: dict[str, tuple[str, str]] = {}

    def file(name: str, data: bytes, message: str) -> None:
        (folder / name).write_bytes(data)
        cases[name] = (str(folder / name), message)

    cases["missing"] = (str(folder / "missing.md"), "no such file")
    (folder / "a folder.md").mkdir()
    cases["directory"] = (str(folder / "a folder.md"), "is a directory")
    (folder / "zero.md").symlink_to("/dev/zero")
    cases["symlink to /dev/zero"] = (str(folder / "zero.md"), "not a regular file")
    os.mkfifo(folder / "pipe.md")
    cases["fifo"] = (str(folder / "pipe.md"), "not a regular file")
    file("empty.md", b"", "empty")
    file("blank.md", b"  \n\n\t \r\n", "empty")
    file("binary.md", os.urandom(4000).replace(b"\x00", b"") + b"\x00" * 40, "binary")
    file("noise.txt", bytes(b for b in range(1, 256) if b not in (9, 10, 13)) * 40, "not utf-8")
    file("picture.md", b"\x89PNG\r\n\x1a\n" + os.urandom(500), "png image")
    file("big.md", b"word " * 300_000, "prfaq_max_bytes")
    file("plain text.docx", b"# Not really Word\n\nJust text.\n", "not a valid .docx")
    file("truncated.docx", word_file()[:3000], "truncated")
    file("other zip.docx", zip_of({"readme.txt": b"hello"}), "word/document.xml")
    file("macro.docx", rezip(word_file(), add={"word/vbaProject.bin": b"\x00" * 100}), "macro")
    file("bomb.docx", zip_of({"word/document.xml": b"\0" * (40 * 1024 * 1024)}), "zip bomb")
    file("many.docx", zip_of({f"part{i}.xml": b"x" for i in range(2500)}), "zip bomb")
    file("scan.pdf", b"%PDF-1.7\n" + bytes(200), "pdf")
    file("old.doc", b"\xd0\xcf\x11\xe0" + bytes(200), ".doc")
    return cases


_BAD_NAMES = ["missing", "directory", "symlink to /dev/zero", "fifo", "empty.md", "blank.md", "binary.md", "noise.txt",
              "picture.md", "big.md", "plain text.docx", "truncated.docx", "other zip.docx", "macro.docx",
              "bomb.docx", "many.docx", "scan.pdf", "old.doc"]


@pytest.fixture(scope="module")
def bad_inputs(tmp_path_factory):
    return _bad_inputs(tmp_path_factory.mktemp("bad inputs"))


@pytest.mark.parametrize("name", _BAD_NAMES)
def test_bad_input_gets_one_line_and_exit_code_2(bad_inputs, name):
    argument, message = bad_inputs[name]
    result = outline(argument, env={"PRFAQ_MAX_BYTES": "1000000"}, timeout=30)
    assert_one_line_error(result, 2)
    assert message in result.stderr.lower(), result.stderr
    assert result.stdout == ""


def test_size_limit_message_names_the_limit_and_how_to_raise_it(tmp_path):
    path = tmp_path / "long.md"
    path.write_text("word " * 1000)
    result = outline(str(path), env={"PRFAQ_MAX_BYTES": "2000"})
    assert_one_line_error(result, 2)
    assert "2.0 KB limit" in result.stderr and "PRFAQ_MAX_BYTES" in result.stderr
    assert outline(str(path), env={"PRFAQ_MAX_BYTES": "10000"}).code == 0


def test_standard_input_over_the_limit_and_empty():
    too_big = outline("-", input="word " * 1000, env={"PRFAQ_MAX_BYTES": "2000"})
    assert_one_line_error(too_big, 2)
    assert "standard input" in too_big.stderr and "PRFAQ_MAX_BYTES" in too_big.stderr
    empty = outline("-", input="")
    assert_one_line_error(empty, 2)
    assert "empty" in empty.stderr


def test_unknown_format_is_a_usage_error():
    result = outline(str(DOCS / "plain-qa.txt"), "--format", "yaml")
    assert result.code == 2 and "Traceback" not in result.stderr
