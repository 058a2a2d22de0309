"""`prfaq insights` on the generated corpus (evals/make_insights_corpus.py): 30 interviews and 60
tickets with customer problems planted at known frequencies, each mention worded differently, and
neutral facts that recur. `dev` is what the offline engine was tuned on; `fresh` was never looked
at while tuning; `heldout` was looked at once (see the generator's docstring)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest
from conftest import run_prfaq

from assistant.config import Settings
from assistant.documents import load_document
from assistant.insights import insights
from assistant.insights.models import InsightsReport

CORPUS = Path(__file__).parent / "fixtures" / "insights"
VARIANTS = ["dev", "heldout", "fresh"]


@cache
def report_for(variant: str) -> InsightsReport:
    root = CORPUS / variant
    return insights([root / "interviews", root / "tickets.csv"], settings=Settings(),
                    against=load_document(root / "press-release-cover-only.md"))


def truth(variant: str) -> dict[str, object]:
    return json.loads((CORPUS / variant / "truth.json").read_text(encoding="utf-8"))


def relative(ids: list[str], variant: str) -> set[str]:
    prefix = str(CORPUS / variant) + "/"
    return {i.removeprefix(prefix) for i in ids}


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b)


def source_text(source_id: str) -> str:
    """The text a quote's offsets point into: the file's loaded text, or the row's text."""
    import csv

    if "#" in source_id:
        path, row_id = source_id.rsplit("#", 1)
        with open(path, encoding="utf-8", newline="") as handle:
            return next(row["description"] for row in csv.DictReader(handle) if row["id"] == row_id)
    return load_document(source_id).text


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_three_biggest_planted_themes_come_first_in_order_with_their_sources(variant: str) -> None:
    report = report_for(variant)
    planted = truth(variant)
    order = planted["order"][:3]  # type: ignore[index]
    expected = planted["truth"]  # type: ignore[index]
    assert len(report.themes) >= 3
    for theme, name in zip(report.themes[:3], order, strict=True):
        found = relative(theme.sources, variant)
        assert jaccard(found, set(expected[name])) >= 0.6, (name, theme.title, theme.count)
        assert theme.count == len(theme.sources)
        assert 1 <= len(theme.quotes) <= 3


@pytest.mark.parametrize("variant", VARIANTS)
def test_every_quote_is_verbatim_at_its_offsets(variant: str) -> None:
    report = report_for(variant)
    for theme in report.themes:
        for quote in theme.quotes:
            assert quote.source in theme.sources
            assert source_text(quote.source)[quote.start:quote.end] == quote.text


@pytest.mark.parametrize("variant", VARIANTS)
def test_recurring_neutral_facts_are_not_themes(variant: str) -> None:
    report = report_for(variant)
    words = ("founded", "2009", "office", "premises", "busiest", "hospitality for", "menu", "head chef")
    for theme in report.themes:
        assert not any(w in theme.title.lower() for w in words), theme.title


@pytest.mark.parametrize("variant", VARIANTS)
def test_against_marks_only_the_top_theme_as_addressed(variant: str) -> None:
    report = report_for(variant)
    top, second, third = report.themes[:3]
    assert top.addressed is True
    assert top.addressed_by is not None
    doc = load_document(CORPUS / variant / "press-release-cover-only.md")
    assert doc.text[top.addressed_by.start:top.addressed_by.end] == top.addressed_by.text
    assert second.addressed is False
    assert third.addressed is False


def test_counts_are_given_per_group_of_sources() -> None:
    report = report_for("dev")
    top = report.themes[0]
    assert report.totals == {"interviews": 30, "tickets": 60}
    assert report.describe_count(top) == (f"{top.by_kind['interviews']} of 30 interviews and "
                                          f"{top.by_kind['tickets']} of 60 tickets")


def test_the_command_prints_the_json_contract(tmp_path: Path) -> None:
    root = CORPUS / "dev"
    result = run_prfaq("insights", "interviews", "tickets.csv", "--against", "press-release-cover-only.md",
                       "--format", "json", cwd=root)
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema_version"] == "1"
    assert {"id", "path", "kind"} <= set(data["sources"][0])
    ids = {s["id"] for s in data["sources"]}
    assert "interviews/interview-01.md" in ids and "tickets.csv#T1000" in ids
    for theme in data["themes"]:
        assert theme["count"] == len(theme["sources"])
        assert set(theme["sources"]) <= ids
        assert {"text", "source", "start", "end"} <= set(theme["quotes"][0])
        assert isinstance(theme["addressed"], bool)
    assert data["themes"][0]["addressed_by"]["text"]


def test_without_against_the_addressed_keys_are_left_out() -> None:
    report = insights([CORPUS / "dev" / "interviews"], settings=Settings())
    data = report.model_dump_contract()
    assert all("addressed" not in theme for theme in data["themes"])  # type: ignore[attr-defined]


def test_markdown_and_html_show_the_count_and_the_quotes() -> None:
    from assistant.render.insights import render_html, render_markdown

    report = report_for("dev")
    top = report.themes[0]
    md = render_markdown(report)
    assert report.describe_count(top) in md
    assert "Not addressed by the document" in md
    page = render_html(report)
    assert "Content-Security-Policy" in page and "<script" not in page
    assert f"&ldquo;{' '.join(top.quotes[0].text.split())}".replace("'", "&#x27;") in page


def test_html_escapes_what_the_sources_say() -> None:
    from assistant.insights.models import Quote, SourceRef, Theme
    from assistant.render.insights import render_html

    evil = '<script>alert(1)</script> "quoted" & more'
    report = InsightsReport(sources=[SourceRef(id="<b>x</b>.md", path="<b>x</b>.md", kind="file")],
                            themes=[Theme(title=evil, count=1, sources=["<b>x</b>.md"],
                                          quotes=[Quote(text=evil, source="<b>x</b>.md", start=0, end=len(evil))])])
    page = render_html(report)
    assert "<script>" not in page and "<b>x</b>" not in page
    assert "&lt;script&gt;" in page
