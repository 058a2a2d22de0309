"""The offline drafter on two note shapes it was not tuned on: arrow-labelled notes about winter
storage for boatyards (tests/fixtures/notes/arrow-notes-boatyards.txt), and a call with an olive
mill owner followed by our own notes (tests/fixtures/notes/call-olive-mill.txt). Read as a
reviewer reads the draft: the place with a particle in its name is the dateline's city; the person
we called is not the product; the product we wrote down after the call is; the business the caller
owns is the customer; what the caller would pay stays in their words beside the price."""

from __future__ import annotations

import pytest
from fixture_readers import draft_of_notes

from assistant.draft.models import Draft


@pytest.fixture(scope="module")
def boatyards() -> Draft:
    return draft_of_notes("arrow-notes-boatyards.txt")


@pytest.fixture(scope="module")
def mills() -> Draft:
    return draft_of_notes("call-olive-mill.txt")


def test_a_place_with_a_particle_is_the_dateline_city(boatyards: Draft) -> None:
    assert boatyards.press_release.dateline == "Riva del Garda — autumn 2027 —"
    assert "Slipway launches in Riva del Garda in autumn 2027" in boatyards.press_release.call_to_action


def test_the_person_called_is_not_the_product(mills: Draft) -> None:
    assert mills.press_release.headline.startswith("MillSlot")
    assert "Giorgos" not in mills.press_release.headline + mills.press_release.summary


def test_the_business_the_caller_owns_is_the_customer(mills: Draft) -> None:
    assert mills.press_release.headline == "MillSlot for olive mills"


def test_what_the_caller_would_pay_is_quoted_beside_the_price(mills: Draft) -> None:
    economics = next(e.answer for e in mills.faq.internal if "economics" in e.question)
    assert "Giorgos: “if it's under 40 euros a month, yes.”" in economics
