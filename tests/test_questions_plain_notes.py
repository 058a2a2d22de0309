"""Notes pasted from a document editor (tests/fixtures/questions/fieldnote-notes.md): plain
sentence-case headings over their lines, "Working title: FieldNote", a price put up with a
question mark. `prfaq questions` of such notes, as the team writing the PR/FAQ would ask them."""

from __future__ import annotations

from fixture_readers import FIXTURES, asked_of

from assistant.documents import load_document, parse_document
from assistant.questions.bank import load_bank
from assistant.questions.select import product_name

NOTES = "fieldnote-notes.md"


def test_the_working_title_names_the_product_not_an_integration() -> None:
    assert product_name(load_document(FIXTURES / "questions" / NOTES), load_bank()) == "FieldNote"


def test_a_short_sentence_case_line_over_its_lines_is_a_heading() -> None:
    doc = parse_document("Notes\n\nWhat people said\n- \"I type it all again at night\"\n\nOpen questions\n"
                         "- who owns the record?\n\nWe met nine practices.\n\nMost of them were busy\n\nThe end.\n",
                         path="n.md")
    headings = [h.span.text for h in doc.headings]
    assert "What people said" in headings and "Open questions" in headings
    assert "Most of them were busy" not in headings  # a one-line paragraph, standing alone


def test_what_it_is_comes_from_the_idea_section_and_who_from_the_who_section() -> None:
    asked = asked_of(NOTES, ["What exactly is FieldNote?", "Who is FieldNote for?"])
    what = asked["What exactly is FieldNote?"]
    assert what.evidence is not None and what.evidence.text.startswith("Vet dictates the visit into the phone")
    who = asked["Who is FieldNote for?"]
    assert who.status == "answered" and who.evidence is not None and "What people said" not in who.evidence.text


def test_a_price_put_up_with_a_question_mark_answers_the_price_question() -> None:
    asked = asked_of(NOTES, ["How much does FieldNote cost?"])
    price = asked["How much does FieldNote cost?"]
    assert price.status == "answered" and price.evidence is not None and "£35 per vet per month" in price.evidence.text
