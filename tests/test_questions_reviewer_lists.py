"""A reviewer's own question lists (`--ask`), in their words, against four PR/FAQs written by
someone else (tests/fixtures/questions/ledgerlark.md, pathcast.md, clinicqueue.md, ferrymate.md).

What a reviewer notices first is a question marked answered by an answer to another question:
"Can I run it on Windows?" answered by "Will it work with GitLab CI or Jenkins?", a question on git
submodules by "Does it send my code anywhere?". Each test asks the whole list at once, as `--ask`
does, and checks the one question it is about."""

from __future__ import annotations

import pytest
from fixture_readers import asked_of

from assistant.questions.text import concepts

PATHCAST = ["Is there some enterprise edition where the good features are locked away?",
            "Does it phone home or upload anything about our repo?",
            "How much CI time are we realistically going to save?",
            "Can I run it on our developers' Windows machines?",
            "We're on Jenkins, not GitHub. Is this only useful for GitHub shops?",
            "If a test loads a fixture file from disk, will changing that fixture cause the test to be picked?",
            "What happens to the project if Fernbrook stops paying two of the maintainers?",
            "How long does the very first scan take on a big repo?",
            "Our repo pulls in code through git submodules. Does pathcast follow those?",
            "Can a change to our Terraform or Helm charts trigger the right deploy jobs?",
            "If I find a security hole, is there a private way to report it?",
            "Are you going to rename flags in a point release and break our pipeline?"]

LEDGERLARK = ["Do my clients need their own paid login just to send me receipts?",
              "Half our clients are on Sage. Are we out of luck?",
              "If a bank connection breaks in the middle of close, is there a person I can actually phone?",
              "Will the matching hold up for clients who aren't restaurants or tradespeople?",
              "Can I kick the tires without handing over a credit card?",
              "What stops the tool from quietly rewriting a client's ledger behind my back?",
              "Once clients get used to the Friday email, won't they start ignoring it like everything else?",
              "How do we bring our existing clients and their history over when we sign up?",
              "If we leave, how long before you wipe our data?",
              "What's your plan if Intuit just builds this into QuickBooks?",
              "After Plaid and hosting, how much of the $49 do you actually keep?",
              "Can we send the Friday email on a different day, or in Spanish for some clients?"]


def _pathcast(question: str):
    return asked_of("pathcast.md", PATHCAST)[question]


def _ledgerlark(question: str):
    return asked_of("ledgerlark.md", LEDGERLARK)[question]


def _answered_with(name: str, question: str, words: str) -> None:
    """`question`, asked alone of tests/fixtures/questions/NAME, is answered by a quote holding `words`."""
    asked = asked_of(name, [question])[question]
    assert asked.status == "answered" and asked.evidence is not None, asked
    assert words in asked.evidence.text, asked


def _not_quoting(name: str, question: str, words: str) -> None:
    """`question`, asked alone of tests/fixtures/questions/NAME, quotes nothing holding `words`."""
    asked = asked_of(name, [question])[question]
    assert asked.evidence is None or words not in asked.evidence.text, asked


# -- where it runs is not what it works with ------------------------------------------------------
def test_windows_is_not_answered_by_the_ci_systems_faq() -> None:
    windows = _pathcast("Can I run it on our developers' Windows machines?")
    assert windows.status != "answered", windows
    assert windows.evidence is None or "CI system" not in windows.evidence.text


def test_a_platform_is_its_own_concept_kin_to_compatibility() -> None:
    assert "platform" in concepts("Does it run on Windows?") and "compatible" not in concepts("Does it run on Windows?")
    assert "compatible" in concepts("Will it work with GitLab CI or Jenkins?")
    assert "platform" in concepts("Which platforms are supported?")


# -- a question that says many things is not the FAQ question that shares one of them -------------
def test_submodules_are_not_answered_by_where_the_code_goes() -> None:
    submodules = _pathcast("Our repo pulls in code through git submodules. Does pathcast follow those?")
    assert submodules.evidence is None or "no network calls" not in submodules.evidence.text, submodules


def test_paying_the_maintainers_is_answered_by_who_maintains_it() -> None:
    funding = _pathcast("What happens to the project if Fernbrook stops paying two of the maintainers?")
    assert funding.evidence is not None and "two are employed by Fernbrook Logistics" in funding.evidence.text, funding


def test_a_private_way_to_report_a_hole_is_not_the_privacy_faq() -> None:
    report = _pathcast("If I find a security hole, is there a private way to report it?")
    assert report.evidence is None or "network calls" not in report.evidence.text, report


def test_hold_up_for_other_clients_is_not_the_approval_faq() -> None:
    matching = _ledgerlark("Will the matching hold up for clients who aren't restaurants or tradespeople?")
    assert matching.evidence is not None, matching
    assert "pilot firms were all in Colorado" in matching.evidence.text, matching


def test_a_sentence_that_meets_a_long_question_on_one_word_only_touches_it() -> None:
    for question in ("Can we send the Friday email on a different day, or in Spanish for some clients?",
                     "Once clients get used to the Friday email, won't they start ignoring it like everything else?"):
        asked = _ledgerlark(question)
        assert asked.status != "answered", asked


def test_a_union_question_is_not_answered_by_the_training_plan() -> None:
    question = "Has anyone talked to the union that represents front-desk staff?"
    union = asked_of("clinicqueue.md", [question, "Do we have to hire anyone for this?",
                                        "What opt-in rate would count as good enough?"])[question]
    assert union.status != "answered", union


# -- what a question asks, in the reviewer's words --------------------------------------------------
def test_a_person_to_phone_is_help_and_the_bank_faq_does_not_answer_it() -> None:
    question = "If a bank connection breaks in the middle of close, is there a person I can actually phone?"
    assert "help" in concepts(question)
    assert _ledgerlark(question).status == "unanswered"


@pytest.mark.parametrize(("question", "concept"), [
    ("Does it send my code anywhere?", "privacy"),
    ("Does it phone home or upload anything about our repo?", "privacy"),
    ("Can I talk to a human?", "help"),
    ("Is there phone support?", "help"),
    ("Is there some enterprise edition where the good features are locked away?", "price"),
    ("Is it open-core?", "price"),
])
def test_reviewer_phrasings_carry_their_concept(question: str, concept: str) -> None:
    assert concept in concepts(question)


@pytest.mark.parametrize("text", ["We send invoices every Friday.", "Upload a photo of the receipt.",
                                  "Talk to your accountant first."])
def test_everyday_sends_and_talks_carry_no_such_concept(text: str) -> None:
    assert not {"privacy", "help"} & concepts(text)


def test_the_enterprise_and_phone_home_questions_find_their_faq() -> None:
    locked = _pathcast("Is there some enterprise edition where the good features are locked away?")
    assert locked.status != "unanswered" and locked.evidence is not None
    assert "no open-core split" in locked.evidence.text, locked
    home = _pathcast("Does it phone home or upload anything about our repo?")
    assert home.status == "answered" and home.evidence is not None and "no network calls" in home.evidence.text, home


# -- "their visit" is no call to action ------------------------------------------------------------
@pytest.mark.parametrize(("paragraph", "role"), [
    ("Patients who are immunocompromised have told us that the waiting room is the worst part of their visit.",
     None),
    ("Each clinic visit starts at the front desk, and the visit takes ten minutes.", None),
    ("ClinicQueue is available today. Visit clinicqueue.example to learn more.", "call_to_action"),
])
def test_visit_is_a_call_to_action_only_as_a_verb(paragraph: str, role: str | None) -> None:
    from assistant.documents.roles import cue_role

    assert cue_role(paragraph) == role


def test_the_problem_paragraph_of_an_internal_release_answers_what_problem_it_solves() -> None:
    from fixture_readers import FIXTURES

    from assistant.documents import load_document

    doc = load_document(FIXTURES / "questions" / "clinicqueue.md")
    problem = next(p for p in doc.paragraphs if p.span.text.startswith("Outpatient waiting rooms"))
    assert problem.role == "problem"
    question = "What problem does ClinicQueue solve?"
    solved = asked_of("clinicqueue.md", [question])[question]
    assert solved.status == "answered" and solved.evidence is not None, solved
    assert doc.text.index("Outpatient waiting rooms") <= solved.evidence.start < doc.text.index("With ClinicQueue,")


def test_a_company_described_before_it_launches_is_the_launcher_and_its_product_opens_the_solution() -> None:
    from fixture_readers import FIXTURES

    from assistant.documents import load_document
    from assistant.documents.roles import launchers

    summary = ("Skerry Ferries, which operates year-round sailings from Oban to Craignure on Mull, to Lismore and "
               "to Coll, today launched FerryMate, a free mobile app.")
    assert launchers(summary) == {"Skerry Ferries", "FerryMate"}
    doc = load_document(FIXTURES / "questions" / "ferrymate.md")
    roles = {p.span.text[:20]: p.role for p in doc.paragraphs}
    assert roles["For islanders and vi"] == "problem"
    # (it tells the delays and cancellations it handles: still what it does)
    assert roles["FerryMate brings eve"] == "solution"


# -- a harbour, a next sailing and a minimum version are no migration, plan or roadmap ---------------
@pytest.mark.parametrize(("text", "concept", "present"), [
    ("Can I still buy a ticket at the port?", "migrate", False),
    ("How do I port my data over?", "migrate", True),
    ("From the notification you can move to the next available sailing.", "roadmap", False),
    ("What's next?", "roadmap", True),
    ("What is on the roadmap after launch?", "availability", False),
    ("When will it launch?", "availability", True),
])
def test_words_in_their_sense(text: str, concept: str, present: bool) -> None:
    assert (concept in concepts(text)) is present


def test_a_minimum_version_is_no_plan() -> None:
    from assistant.questions.meaning import _answer_concepts

    assert "roadmap" not in _answer_concepts("It works on iPhones running iOS 16 or later.")
    assert "roadmap" in _answer_concepts("Android support comes later this year.")


def test_migrating_data_is_not_answered_by_buying_at_the_port() -> None:
    question = "How do I migrate my existing data into FerryMate?"
    migrate = asked_of("ferrymate.md", [question, "What is on the roadmap after launch?"])[question]
    assert migrate.evidence is None or "compulsory" not in migrate.evidence.text, migrate
    roadmap = asked_of("ferrymate.md", [question, "What is on the roadmap after launch?"])[
        "What is on the roadmap after launch?"]
    assert roadmap.evidence is None or "iOS 16" not in roadmap.evidence.text, roadmap


# -- the catch of a free tool -----------------------------------------------------------------------
def test_the_catch_of_a_free_tool_is_answered_by_its_licence_faq() -> None:
    _answered_with("pathcast.md", "If pathcast is free, what is the catch?", "no open-core split")


def test_help_is_not_where_to_buy_and_desktop_support_is_no_help() -> None:
    assert "availability" not in concepts("Where can I get help and support?")
    assert "availability" in concepts("Where can I buy it?")
    assert "help" not in concepts("Why not build QuickBooks Desktop support?")
    assert "compatible" in concepts("Why not build QuickBooks Desktop support?")
    assert "help" in concepts("Customer support is our biggest cost.")
    _not_quoting("ledgerlark.md", "Where can I get help and support?", "Desktop")


def test_what_is_not_needed_is_no_requirement() -> None:
    assert "requirement" not in concepts("No changes are required.")
    assert "account" in concepts("No account is required to view the link.")
    assert "requirement" in concepts("Python 3.9 or later is required.")
    _not_quoting("pathcast.md", "What are the system requirements?", "No changes are required")


# -- a marketplace's release (kilnbook.md) -----------------------------------------------------------
def test_a_problem_with_prices_in_it_before_a_quote_and_the_solution_is_the_problem() -> None:
    from fixture_readers import FIXTURES

    from assistant.documents import load_document

    doc = load_document(FIXTURES / "questions" / "kilnbook.md")
    roles = {p.span.text[:24]: p.role for p in doc.paragraphs}
    assert roles["Today, finding studio ti"] == "problem"  # "$150 to $280" made it the call to action


def test_the_cut_a_marketplace_takes_is_its_price() -> None:
    assert "price" in concepts("So what cut are you taking from the studio owners on every booking?")
    assert "price" in concepts("What is the take rate?")
    question = "So what cut are you taking from the studio owners on every booking?"
    cut = asked_of("kilnbook.md", [question])[question]
    assert cut.evidence is not None and ("15% commission" in cut.evidence.text or "$20.40" in cut.evidence.text), cut


def test_when_can_i_book_is_answered_where_it_says_when_and_where() -> None:
    question = "When can I actually book something, and where?"
    when = asked_of("kilnbook.md", [question])[question]
    assert when.evidence is not None and "Now I book a wheel" not in when.evidence.text, when
    assert "Portland" in when.evidence.text, when


# -- an FAQ written as a table (pawpatrol-vet.md) ------------------------------------------------------
def test_an_faq_table_gives_one_pair_per_row() -> None:
    from fixture_readers import FIXTURES

    from assistant.documents import load_document

    doc = load_document(FIXTURES / "questions" / "pawpatrol-vet.md")
    asked = [item.question.text for item in doc.faq]
    assert "How much does Plus cost?" in asked and "Question" not in asked, asked
    cost = next(item for item in doc.faq if item.question.text == "How much does Plus cost?")
    assert cost.answer is not None and cost.answer.text.startswith("£3.99 a month or £36 a year")
    assert "|" not in cost.answer.text and doc.text[cost.answer.start:cost.answer.end] == cost.answer.text


def test_money_back_is_a_refund_and_making_money_is_revenue() -> None:
    assert "economics" in concepts("How does it make money?") and "price" not in concepts("How does it make money?")
    assert "refund" in concepts("Can I get my money back?")
    _answered_with("pawpatrol-vet.md", "If I pay for the whole year and hate it after a week, can I get my money back?",
                   "refunded in full within 14 days")


def test_a_licensed_institution_is_regulation_not_a_software_licence() -> None:
    assert "opensource" not in concepts("OpenLedger is a library, not a licensed institution.")
    assert "legal" in concepts("OpenLedger is a library, not a licensed institution.")
    assert "opensource" in concepts("It is free to use under the MIT licence.")
    _not_quoting("openledger-sdk.md", "Can I actually ship this inside our closed-source product, or does the licence "
                 "force me to open-source my code?", "licensed institution")


def test_a_vendor_bought_by_someone_else_is_its_acquisition_faq() -> None:
    assert "acquisition" in concepts("What if Halyard gets bought by someone we don't trust?")
    assert "acquisition" not in concepts("Tickets are bought in the app.")
    _answered_with("gridwise.md", "What's our way out if Halyard gets bought by someone we don't want to be in "
                   "business with?", "terminate without penalty on change of control")


def test_a_document_that_says_it_is_internal_is_an_internal_proposal() -> None:
    from fixture_readers import FIXTURES

    from assistant.documents import load_document
    from assistant.questions.bank import load_bank
    from assistant.questions.select import document_kinds

    for name in ("clinicqueue.md", "gridwise.md"):  # "Internal PR/FAQ", "internal only", "SEATTLE (internal)"
        assert "internal" in document_kinds(load_document(FIXTURES / "questions" / name), load_bank()), name
    assert "internal" not in document_kinds(load_document(FIXTURES / "questions" / "ledgerlark.md"), load_bank())


def test_the_cfo_does_not_ask_an_internal_pilot_to_size_a_market() -> None:
    from fixture_readers import FIXTURES

    from assistant.config import Settings
    from assistant.documents import load_document
    from assistant.engines.offline import OfflineEngine

    review = OfflineEngine(Settings(offline=True)).review(load_document(FIXTURES / "questions" / "clinicqueue.md"))
    checks = [finding.check for persona in review.personas for finding in persona.findings]
    assert checks and "cfo.market_size" not in checks, checks
