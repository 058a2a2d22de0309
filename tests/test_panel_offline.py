"""`prfaq panel DOC --evidence SOURCES` offline: evidence-based and labelled simulated."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_prfaq

CORPUS = Path(__file__).parent / "fixtures" / "insights" / "dev"


def test_the_offline_panel_says_which_themes_the_release_answers_in_the_sources_words() -> None:
    result = run_prfaq("panel", "press-release-cover-only.md", "--evidence", "interviews", "--evidence",
                       "tickets.csv", "--format", "json", cwd=CORPUS)
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["simulated"] is True and data["label"].startswith("SIMULATED")
    assert data["evidence_sources"] == 90
    top, second = data["themes"][0], data["themes"][1]
    assert top["addressed"] is True and top["objections"] == []
    assert second["addressed"] is False and second["objections"]
    for quote in second["objections"]:
        path, _, row = quote["source"].partition("#")
        if not row:
            from assistant.documents import load_document

            assert load_document(CORPUS / path).text[quote["start"]:quote["end"]] == quote["text"]


def test_the_markdown_panel_is_labelled_simulated() -> None:
    result = run_prfaq("panel", "press-release-cover-only.md", "--evidence", "interviews", cwd=CORPUS)
    assert result.code == 0, result.stderr
    assert "**SIMULATED" in result.stdout.splitlines()[2]
    assert "**Not addressed**" in result.stdout


def test_without_evidence_the_offline_panel_says_what_it_needs() -> None:
    result = run_prfaq("panel", "press-release-cover-only.md", cwd=CORPUS)
    assert result.code == 0, result.stderr
    assert "give --evidence SOURCES" in result.stdout and "SIMULATED" in result.stdout
