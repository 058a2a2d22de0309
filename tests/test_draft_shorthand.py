"""Note shorthand written out as prose in offline drafts: each rule with its should-change and
should-not-change fixtures, and the promise that figures and quoted words never change."""

from __future__ import annotations

import re

import pytest

from assistant.draft.shorthand import RULES, expand


@pytest.mark.parametrize(("notes", "prose"), [
    ("Front desk spends 1-2 hrs/day phoning people", "Front desk spends 1-2 hours a day phoning people"),
    ("They pay $150-300/mo for scheduling", "They pay $150-300 a month for scheduling"),
    ("It costs $250/store/month.", "It costs $250 per store a month."),
    ("A missed 45 min physio slot = ~$120 lost.", "A missed 45-minute physio slot means about $120 lost."),
    ("It takes 1 hr per store and 30 mins to print", "It takes 1 hour per store and 30 minutes to print"),
    ("avg ~12% of appointments missed", "an average of about 12% of appointments missed"),
    ("the avg owner", "the average owner"),
    ("No-shows are the #1 complaint", "No-shows are the top complaint"),
    ("Integrate w/ top 3 scheduling systems", "Integrate with top 3 scheduling systems"),
    ("works w/o internet", "works without internet"),
    ("call with 6 managers (dental + physio), oct 2026", "call with 6 managers (dental and physio), October 2026"),
    ("one clinic said 20% on mondays", "one clinic said 20% on Mondays"),
    ("v1 = replacement valve head, AA batteries", "The first version is replacement valve head, AA batteries"),
    ("ppl heat empty rooms -> up to 20% of gas wasted", "people heat empty rooms, so up to 20% of gas wasted"),
    ("patients confirm/reschedule in 2 taps", "patients confirm or reschedule in 2 taps"),
    ("invoices >90 days overdue", "invoices more than 90 days overdue"),
    ("latency <200 ms", "latency under 200 ms"),
    ("sales & support", "sales and support"),
    ("talked to 3 mgrs and 40 ppl", "talked to 3 managers and 40 people"),
    ("replies come 2 hrs later", "replies come 2 hours later"),  # a length of time, not "2-hour"
    ("we throw food out bc nobody checks", "we throw food out because nobody checks"),
    ("$9/mo after a 30 day trial", "$9 a month after a 30-day trial"),
    ("a 3 week pilot in 2 stores", "a 3-week pilot in 2 stores"),
])
def test_shorthand_is_written_out(notes, prose):
    assert expand(notes) == prose


@pytest.mark.parametrize("text", [
    "R&D and P&L",  # names, not "and"
    "and/or, TCP/IP, I/O, 24/7, client/server",  # fixed pairs and figures
    "It may ship in march 3 weeks later.",  # "may" and "march" are words before they are months
    "x->5 and a<b",  # arrows and comparisons between words
    "C++ + Rust",  # a plus between symbols
    "Vancouver, BC is first",  # British Columbia, not "because"
    "we met 1 day a week and 2 weeks later",  # lengths of time, not modifiers
    "abc def",  # inside a word
])
def test_what_is_not_shorthand_stays(text):
    assert expand(text) == text


def test_quoted_words_are_the_speakers_and_never_change():
    text = 'Kim said "I spend 2 hrs/day w/ the phone" and we heard it again: \u201c~$120 gone = a bad day\u201d'
    assert expand(text).startswith('Kim said "I spend 2 hrs/day w/ the phone"')
    assert expand(text).endswith("\u201c~$120 gone = a bad day\u201d")


@pytest.mark.parametrize("text", [
    "1-2 hrs/day, ~$120 = lost, avg ~12%, >90 days, <200 ms, $250/store/month, 45 min slot, 1,200 ppl, 3.5 hrs",
    "$19/mo per seat; 2 wks; 1 yr; 30 secs; 6 mos",
])
def test_every_figure_survives(text):
    def figures(value: str) -> list[str]:
        return re.findall(r"[$€£%]|\d[\d,.]*", value)

    assert figures(expand(text)) == figures(text)


def test_every_rule_has_a_name_and_changes_something_here():
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))
    samples = ("v1 = a head; 1-2 hrs/day $250/store ~$5 avg 3 avg = 1 the #1 a + b c & d w/ e mgrs mondays oct 2026 "
               "a/bcd confirm/reschedule >9 <9 45 min slot bc we 30 day trial, rooms -> gas")
    for rule in RULES:
        assert rule.pattern.search(samples), rule.name
