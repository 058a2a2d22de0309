"""Money in any currency (assistant/draft/money.py) and the prices the offline draft takes from it."""

from __future__ import annotations

import pytest

from assistant.documents import parse_document
from assistant.draft.facts import extract_facts
from assistant.draft.money import has_money, money_re, starts_with_money
from assistant.draft.offline import our_price


@pytest.mark.parametrize(("text", "amount"), [
    ("₹499 per store per month", "₹499"),
    ("KSh 30 a day", "KSh 30"),
    ("A$85 per permit", "A$85"),
    ("NZ$18 a month", "NZ$18"),
    ("MXN 2,500 per scanner", "MXN 2,500"),
    ("89 zł / truck / month", "89 zł"),
    ("DKK 350 per quote", "DKK 350"),
    ("Rp 99.000 per month", "Rp 99.000"),
    ("R45 per teacher per month", "R45"),
    ("¥800 per machine", "¥800"),
    ("CLP 1.2M a month", "CLP 1.2M"),
    ("XOF 1,000 per member", "XOF 1,000"),
    ("$40k up front", "$40k"),
])
def test_an_amount_is_found_whole_in_its_currency(text: str, amount: str) -> None:
    found = money_re().search(text)
    assert found is not None and found.group() == amount


@pytest.mark.parametrize("text", [
    "TOP 10 stores by revenue",  # an ISO code that is an English word
    "ALL 3 stores",
    "launch in 2027",
    "3 hrs a week",
    "route 66",
    "mxn 40",  # codes only in capitals
])
def test_words_and_bare_figures_are_not_money(text: str) -> None:
    assert not has_money(text)


def test_an_amount_at_the_start_of_a_price() -> None:
    assert starts_with_money("₦4,500 per kit")
    assert not starts_with_money("free for 3 users, then ₦4,500 per kit")


def _price(notes: str) -> str | None:
    return our_price(extract_facts(parse_document(notes, path="notes.md")))


def test_a_price_in_a_local_currency_reaches_availability() -> None:
    notes = ("Name: Kitbag\nProblem: clinics lose 3 hours a week re-ordering stock\n"
             "Launch: Pune, 1 Dec 2027\nPrice: ₹499 per store per month\n")
    assert _price(notes) == "₹499 per store per month"


def test_priced_at_in_a_launch_sentence_is_our_price() -> None:
    notes = ("Pickers walk 14 km a shift. If the pilot goes well, launch is Monterrey in October 2027, "
             "priced at MXN 2,500 per scanner per month.\n")
    assert _price(notes) == "MXN 2,500 per scanner per month"


def test_a_price_we_would_earn_inside_a_problem_paragraph() -> None:
    notes = ("Why we should build this: flatmates split bills across four apps and 64% paid a bill late. "
             "It's free for flatmates; we'd earn €2.99 a month per flat for the rent payment.\n")
    assert _price(notes) == "€2.99 a month per flat"


def test_what_customers_pay_someone_else_today_is_not_our_price() -> None:
    notes = ("Problem: kerosene lamps cost a household about KSh 1,200 a month\n"
             "Idea: a solar lantern\n")
    assert _price(notes) is None


def test_a_price_label_that_points_elsewhere_gives_way_to_a_price() -> None:
    notes = ("Price: see comments\nLaunch: Aarhus, 1 Sep 2027\n"
             "Idea: drafts the quote without a visit\nPricing we agreed: DKK 350 per quote sent\n")
    assert _price(notes) == "DKK 350 per quote sent"
