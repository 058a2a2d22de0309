"""`prfaq draft SOURCES...`: a draft from many sources leads its problem section with the top theme
and its count, and its customer quote is a verbatim quote from a source."""

from __future__ import annotations

from pathlib import Path

from conftest import run_prfaq

from assistant.config import Settings
from assistant.draft.sources import draft_from_sources, is_multi_source, notes_text
from assistant.insights import insights

CORPUS = Path(__file__).parent / "fixtures" / "insights" / "dev"


def test_which_notes_are_many_sources(tmp_path: Path) -> None:
    assert is_multi_source([CORPUS / "interviews"]) and is_multi_source(str(CORPUS / "tickets.csv"))
    assert is_multi_source(["a.md", "b.md"])
    assert not is_multi_source("notes.md") and not is_multi_source(["notes.md"]) and not is_multi_source("-")


def test_the_draft_cites_the_top_themes_count_and_a_verbatim_quote() -> None:
    paths = [CORPUS / "interviews", CORPUS / "tickets.csv"]
    report = insights(paths, settings=Settings())
    top = report.themes[0]
    count = report.describe_count(top)
    assert count.endswith("of 30 interviews and " + f"{top.by_kind['tickets']} of 60 tickets")
    draft = draft_from_sources(paths, settings=Settings())
    assert count in draft.press_release.problem
    assert draft.press_release.problem.index(count) < 200  # it leads the section
    quotes = [" ".join(q.text.split()) for q in top.quotes]
    assert any(q in draft.press_release.customer_quote for q in quotes)


def test_the_notes_hold_only_counts_computed_in_code() -> None:
    report = insights([CORPUS / "interviews"], settings=Settings())
    text = notes_text(report)
    top = report.themes[0]
    assert f"Problem: {top.title}" in text.replace("..", ".")
    assert f"{top.count} of 30 interviews raise it." in text


def test_the_command_drafts_from_a_folder_and_an_export() -> None:
    result = run_prfaq("draft", "interviews", "tickets.csv", cwd=CORPUS)
    assert result.code == 0, result.stderr
    assert "of 30 interviews and" in result.stdout and "of 60 tickets" in result.stdout
