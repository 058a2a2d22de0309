"""Boilerplate every row of an export carries (ticket numbers, names, a form's footer) is not what
statements are grouped by; the quotes shown stay the customer's verbatim words."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.insights import gather, theme_of
from assistant.insights.clean import MIN_ROWS, Boilerplate, grouping_text, spans_out
from assistant.insights.statements import split
from evals.make_insights_corpus import build_big, truth_path


@pytest.mark.parametrize(("text", "cleaned"), [
    ("The app logs me out every morning (Priya at site 12, ticket 4412).",
     "The app logs me out every morning."),
    ("Ticket 4412: payroll totals are wrong for night shifts.", "payroll totals are wrong for night shifts."),
    ("Order #A-1234 arrived broken again, see https://example.com/o?id=1 or write to a.b@example.com.",
     "arrived broken again, see or write to."),
    ("Since 2027-04-01 14:05 the rota will not load [ref: 99812].", "Since the rota will not load."),
    ("Call me on +44 20 7946 0958 about INC0012345, the export drops shifts.",
     "Call me on about, the export drops shifts."),
    ("The schedule is wrong again (Tom Smith).", "The schedule is wrong again."),
    ("Case no. 77812 - reminders arrive a day late.", "reminders arrive a day late."),
])
def test_ids_references_and_bracketed_metadata_are_cut(text: str, cleaned: str) -> None:
    assert spans_out(text) == cleaned


@pytest.mark.parametrize("text", [
    "The reminder texts come at 3am and wake people up (again!).",
    "We opened our doors in 2009 with 12 staff.",
    "The new app (the one from March) crashes on login.",
    "I lose 2 hours every week to covering shifts.",
    "Half the team can't log in on their mobiles since the last update.",
])
def test_what_the_customer_says_is_kept(text: str) -> None:
    assert spans_out(text) == text


def _rows(n: int, footer: str) -> list[str]:
    problems = ["the app logs me out every morning", "payroll totals are wrong for night shifts",
                "nobody picks up a dropped shift", "reminders come hours late"]
    return [f"Hello, {problems[i % 4]} and it costs me hours. {footer} {i}." for i in range(n)]


def test_a_footer_most_rows_share_is_learnt_and_left_out() -> None:
    learnt = Boilerplate()
    for text in _rows(MIN_ROWS + 20, "Submitted through the Acme help centre web form, request"):
        learnt.learn(text)
    phrases = learnt.phrases()
    assert "acme help centre" in phrases
    assert not any("payroll" in p or "logs" in p for p in phrases)  # each problem is in only a quarter
    key = grouping_text("Submitted through the Acme help centre web form: payroll totals are wrong for night shifts.",
                        phrases)
    assert key is not None and "payroll totals are wrong" in key and "Acme" not in key
    assert grouping_text("Submitted through the Acme help centre web form.", phrases) is None


def test_too_few_rows_teach_nothing() -> None:
    learnt = Boilerplate()
    for text in _rows(MIN_ROWS - 1, "Submitted through the Acme help centre web form, request"):
        learnt.learn(text)
    assert learnt.phrases() == frozenset()


def test_a_quote_keeps_the_stamp_the_grouping_does_not() -> None:
    text = "Hello support, the app logs me out every morning (Priya at site 12, ticket 4412). Thanks."
    (statement,) = split(text, "t")
    assert text[statement.start:statement.end] == statement.text
    assert statement.text == "the app logs me out every morning (Priya at site 12, ticket 4412)."
    assert statement.key == "the app logs me out every morning."


def test_a_sentence_that_is_only_ids_is_not_a_statement() -> None:
    assert split("Ticket #4412, order 99812, case INC0012345, ref AB-1234.", "t") == []


def test_planted_themes_stay_apart_when_every_sentence_is_stamped_alike(tmp_path: Path) -> None:
    """300 ticket rows, every sentence ending in a "(name at site N, ticket M)" stamp: the stamps
    are what the rows share most. Without the cleaning, all the planted themes came out as one."""
    export = build_big(300, 3, tmp_path, unique=True)
    planted = json.loads(truth_path(export).read_text(encoding="utf-8"))
    truth = {name: set(rows) for name, rows in planted["truth"].items()}
    gathered = gather([export], max_bytes=Settings().max_input_bytes, workers=0)
    found = gathered.found
    text = export.read_text(encoding="utf-8")
    for rank, name in enumerate(planted["order"][:3]):
        sources = set(found[rank].sources)
        assert len(sources & truth[name]) / len(sources | truth[name]) >= 0.6, (rank, name)
        assert sum(len(sources & rows) >= len(rows) / 2 for rows in truth.values()) == 1  # not merged
        assert all(statement.text in text and "ticket" in statement.text for statement in found[rank].examples)
        assert "ticket" not in theme_of(found[rank], gathered).title  # a title is not a quote: no stamp
