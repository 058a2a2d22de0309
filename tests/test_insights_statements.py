"""Which sentences of a source voice a problem: data a customer found wrong reads like a plain
fact to the sentence encoder ("Fuel prices are wrong half the time"), and a theme of such
complaints must not be dropped as neutral."""

from __future__ import annotations

import pytest

from assistant.insights.statements import lexical_cue


@pytest.mark.parametrize("text", ["Fuel prices are wrong half the time", "fuel price at Shilshole was $1 off.",
                                  "The pump-out list is out of date", "The invoice total doesn't match the PO"])
def test_wrong_data_is_a_problem_cue(text: str) -> None:
    assert lexical_cue(text) == 1.0


@pytest.mark.parametrize("text", ["Love the tide tables", "We moved the office to Tacoma",
                                  "The switch is off in winter mode"])
def test_plain_facts_are_not(text: str) -> None:
    assert lexical_cue(text) == 0.0


def test_two_reviews_about_wrong_prices_are_a_theme(tmp_path) -> None:
    from assistant.config import Settings
    from assistant.insights import insights

    rows = ["Fuel prices are wrong half the time", "fuel price at Shilshole was $1 off. annoying",
            "Love the tide tables", "Nice map of fuel docks.", "The app looks clean and modern",
            "Could never find a slip on Saturday, every marina said call back Monday",
            "No way to know if a slip is free before you get there."]
    export = tmp_path / "reviews.csv"
    export.write_text("id,review_text\n" + "".join(f'{i},"{r}"\n' for i, r in enumerate(rows, 1)), encoding="utf-8")
    report = insights([export], settings=Settings())  # no gateway: the offline engine
    titles = [theme.title.lower() for theme in report.themes]
    assert any("fuel price" in title for title in titles), titles


def test_a_bold_speaker_label_with_a_company_is_not_part_of_the_quote() -> None:
    from assistant.insights.statements import split

    text = ("**Priya (Port Ludlow Marina):** We have 12 transient slips and 4 sit empty on a Saturday.\n\n"
            "**Tom:** Honestly the phone is the problem for us.\n")
    quotes = [s.text for s in split(text, "calls.md")]
    assert quotes == ["We have 12 transient slips and 4 sit empty on a Saturday.",
                      "Honestly the phone is the problem for us."]
    assert all(text[s.start : s.end] == s.text for s in split(text, "calls.md"))
