"""A team's own question, in its own words, finds the FAQ answer that answers it: "How do refunds
work when weather cancels a crossing?" is the FAQ's "What happens if the ferry is cancelled?", not
its price question; "What if I do not have a phone?" is "Do I need a smartphone?", not "What could
go wrong?"; "Who is it for?" is answered by a summary that "lets the 2,300 people who commute ...".
Each case is asked with `prfaq questions --ask` of one short PR/FAQ written for these tests."""

from __future__ import annotations

import pytest

from assistant.documents import parse_document
from assistant.questions.offline import ask_offline
from assistant.questions.text import concepts, stem

FERRY = """# Harbourline lets island commuters book the 7:40 ferry in two taps

KIRKWALL, Orkney — 3 March 2027 — Orkney Ferries today launched Harbourline, a phone app that lets
the 2,300 people who commute between the islands and Kirkwall buy a ticket and hold a car space.

Harbourline is free on iOS and Android from today. Fares are unchanged.

## FAQ

**How much does it cost to use?**
Nothing. The app is free; you pay the same fare as at the kiosk, with no booking fee.

**Do I need a smartphone?**
No. You can still buy at the kiosk, or book by phone. The kiosk stays open.

**What happens if the ferry is cancelled?**
You get a push notification and an automatic refund to your card within 24 hours.

## Internal FAQ

**What could go wrong?**
The biggest risk is double-booking car spaces when crews also sell at the pier.
"""


def asked(*questions: str):
    return ask_offline(parse_document(FERRY, path="ferry.md"), list(questions)).questions


@pytest.mark.parametrize(("question", "answer_words"), [
    ("How do refunds work when weather cancels a crossing?", "automatic refund"),
    ("What if I do not have a phone?", "still buy at the kiosk"),
    # the questions each FAQ answer was written for still find it
    ("Is there a booking fee?", "no booking fee"),
    ("What are the risks?", "double-booking"),
])
def test_a_question_in_other_words_finds_its_faq_answer(question, answer_words):
    found = asked(question)[0]
    assert found.status == "answered"
    assert found.evidence is not None and answer_words in found.evidence.text, found.evidence


def test_who_it_is_for_is_answered_by_the_people_the_summary_names():
    found = asked("Who is it for?")[0]
    assert found.status == "answered"
    assert found.evidence is not None and "people who commute" in found.evidence.text


def test_a_batch_of_questions_gives_each_its_own_answer():
    refunds, phone, risks = asked("How do refunds work when weather cancels a crossing?",
                                  "What if I do not have a phone?", "What are the risks?")
    assert "refund" in refunds.evidence.text
    assert "kiosk" in phone.evidence.text
    assert "double-booking" in risks.evidence.text


def test_what_if_i_lack_something_asks_what_it_needs():
    assert "requirement" in concepts("What if I do not have a phone?")
    assert "requirement" in concepts("What happens if we don't have internet at the site?")
    assert "requirement" not in concepts("What if the ferry is late?")


@pytest.mark.parametrize("forms", [
    ("cancelled", "cancels", "cancelling", "cancel"),
    ("scanning", "scans", "scanned"),
    ("logging", "logged", "logs"),
    ("embedded", "embeds"),
    ("submitted", "submitting", "submit"),
])
def test_a_doubled_consonant_folds_with_its_word(forms):
    assert len({stem(form) for form in forms}) == 1, [stem(form) for form in forms]


@pytest.mark.parametrize(("word", "expected"), [("pressed", "press"), ("staffed", "staff"), ("spelled", "spell"),
                                                ("filled", "fill"), ("called", "call"), ("buzzed", "buzz")])
def test_a_word_that_ends_doubled_keeps_its_letters(word, expected):
    assert stem(word) == expected


# The answers without their question lines: the team's question must find the paragraph by meaning.
RECEIPTS = """# Ledgerly turns a month of receipts into an expense report in ten minutes

SEATTLE, March 3, 2027 — Ledgerly today launched an app for freelance designers who spend a day
each month sorting receipts for their accountant. Ledgerly reads photos of receipts, matches them to
card transactions and exports a report the accountant can file.

Ledgerly is free for up to 50 receipts a month and costs $9 a month beyond that.

## FAQ

Everything is processed on the phone. Receipt photos and card data stay on your device; only the
finished report is sent, and only to the address you choose.

Ledgerly reads receipts in English, Spanish and French, and handles amounts in any currency,
converting them at the card issuer's rate on the day of the purchase.
"""


@pytest.mark.parametrize("question", ["Is it private?", "Who sees my card details?", "Does my data leave my phone?"])
def test_a_privacy_question_finds_what_stays_on_the_device(question):
    (found,) = ask_offline(parse_document(RECEIPTS, path="ledgerly.md"), [question]).questions
    assert found.status == "answered"
    assert found.evidence is not None
    assert "on the phone" in found.evidence.text or "stay on your device" in found.evidence.text


@pytest.mark.parametrize("text", ["Receipt photos stay on your device.", "Everything is processed on the phone.",
                                  "Your notes never leave your laptop.", "Transcription runs on-device.",
                                  "The index is kept on each machine."])
def test_kept_on_the_device_is_local_and_private(text):
    assert {"local", "privacy"} <= concepts(text)


@pytest.mark.parametrize("text", ["Drivers pick up parcels on the phone's map.", "Tap the card on the phone.",
                                  "Orders arrive on the device list at the till.", "The device ships in May."])
def test_a_phone_or_device_alone_is_not_privacy(text):
    assert "privacy" not in concepts(text)


@pytest.mark.parametrize("question", ["Who sees my data?", "Who can read my notes?", "Who has access to the logs?"])
def test_who_sees_asks_about_privacy(question):
    assert "privacy" in concepts(question)
