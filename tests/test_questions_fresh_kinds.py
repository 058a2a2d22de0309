"""Four PR/FAQs of kinds the rules had not seen (tests/fixtures/questions/): a per-seat payroll
service for small accountancies (tallyhand.md, "###" FAQ headings), a temperature sensor for
refrigerated trucks sold through distributors (coldtrace.md, bold question lines), a city's
permit service with no price (permitpath.md, "Q:"/"A:" lines, placeholder answers) and a family
subscription for parents of teenagers (waypoint.md, a numbered FAQ). Each test asks what a
reviewer would ask in other words than the document's, and checks what `prfaq questions` shows:
the status, and the quote that answers it."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.documents import load_document
from assistant.questions.answertype import kind_of, only_our_cost, satisfies
from assistant.questions.meaning import mask
from assistant.questions.models import Question
from assistant.questions.offline import ask_offline
from assistant.questions.select import product_name
from assistant.questions.text import concepts, stem

FIXTURES = Path(__file__).parent / "fixtures" / "questions"
TALLYHAND = FIXTURES / "tallyhand.md"
COLDTRACE = FIXTURES / "coldtrace.md"
PERMITPATH = FIXTURES / "permitpath.md"
WAYPOINT = FIXTURES / "waypoint.md"


def ask(path: Path, *questions: str) -> dict[str, Question]:
    """`prfaq questions DOC --ask` (offline), by question text."""
    return {q.question: q for q in ask_offline(load_document(path), list(questions)).questions}


def quote(judged: Question) -> str:
    return judged.evidence.text if judged.evidence is not None else ""


@pytest.mark.parametrize(("path", "name"), [(TALLYHAND, "Tallyhand Payroll"), (COLDTRACE, "ColdTrace"),
                                            (PERMITPATH, "PermitPath"), (WAYPOINT, "Waypoint")])
def test_the_product_is_what_the_opening_launches_not_the_headlines_first_word(path, name):
    """"Riverton Residents Can Now Apply ..." opens with the city; "today opened PermitPath, an
    online service" names the product."""
    assert product_name(load_document(path)) == name


def test_a_coined_first_word_of_the_name_is_the_product_on_its_own():
    """The FAQ says "How much does Tallyhand cost?" of "Tallyhand Payroll"; an ordinary first word
    ("Tangent" of "Tangent Graph") is not the product alone."""
    assert mask("How much does Tallyhand cost?", "Tallyhand Payroll") == "How much does it cost?"
    assert mask("Is the Tangent line drawn?", "Tangent Graph") == "Is the Tangent line drawn?"


@pytest.mark.parametrize(("question", "ours"), [
    ("What does it cost us to make each sensor?", True), ("How much did PermitPath cost the city?", True),
    ("What will it cost us to acquire a family?", True), ("What is the customer acquisition cost?", True),
    ("What did it cost to build?", True), ("What is the unit cost?", True),
    ("How much does it cost?", False), ("What does it cost to apply?", False),
    ("What does it cost to operate?", False),  # of a tool the customer runs: the customer's bill
    ("Did you consider the cost to customers?", False), ("Is there a free version?", False),
])
def test_what_the_maker_spends_is_not_what_the_customer_pays(question, ours):
    assert only_our_cost(question) is ours
    assert ("price" in concepts(question)) is not ours


def test_a_bill_of_materials_does_not_answer_how_much_it_costs():
    judged = ask(COLDTRACE, "How much does it cost?")["How much does it cost?"]
    assert judged.status == "answered", judged.status_reason
    assert quote(judged).startswith("Each sensor costs €189")


def test_what_the_city_paid_to_build_it_is_no_application_fee():
    """The FAQ says fees are the same online and at the counter, and gives no amount."""
    judged = ask(PERMITPATH, "What does it cost to apply?")["What does it cost to apply?"]
    assert judged.status == "partly", (judged.status_reason, quote(judged))
    assert "$380,000" not in quote(judged)


def test_an_honest_we_do_not_know_answers_the_acquisition_cost_only_partly():
    judged = ask(WAYPOINT, "What is the customer acquisition cost?")["What is the customer acquisition cost?"]
    assert judged.status == "partly" and quote(judged) == "We don't know yet."


@pytest.mark.parametrize(("text", "concept", "present"), [
    ("What happens to counter staff?", "risk", False),  # what becomes of someone, not a failure
    ("What happens if the site is down?", "reliability", True),
    ("What if the system goes down on a deadline?", "risk", True),
    ("Can the teenager disable it?", "switch_off", True), ("Can my teen turn Waypoint off?", "switch_off", True),
    ("What happens when my teen turns 18?", "switch_off", False),  # an age, not a switch
    ("Can I switch from Sage?", "switch_off", False), ("Can I switch from Sage?", "migrate", True),
    ("How many families could use this?", "market", True), ("Which platforms does it run on?", "platform", True),
    ("Which platforms does it run on?", "compatible", False),  # where it runs, not what it works with
    ("Do I have to register?", "account", True), ("What happens in areas without coverage?", "connectivity", True),
])
def test_words_are_read_in_their_sense(text, concept, present):
    assert (concept in concepts(text)) is present


@pytest.mark.parametrize(("word", "stemmed"), [("counter", "counter"), ("trailers", "trailer"), ("family", "family"),
                                               ("families", "family"), ("supply", "supply"), ("weekly", "week")])
def test_a_noun_is_not_cut_to_another_word(word, stemmed):
    """A permit "counter" is no "count", a refrigerated "trailer" no "trail", "family" no "fami"."""
    assert stem(word) == stemmed


@pytest.fixture(scope="module")
def waypoint() -> dict[str, Question]:
    return ask(WAYPOINT, "Why would teenagers accept being tracked?", "How large is the market?",
               "Can the teenager disable it?", "Is there a free tier?")


def test_the_faq_answer_to_the_same_question_in_other_words_is_quoted(waypoint):
    judged = waypoint["Why would teenagers accept being tracked?"]
    assert judged.status == "answered", judged.status_reason
    assert quote(judged).startswith("Because they choose the places")  # not the problem paragraph


def test_how_many_families_could_use_it_is_the_market_size(waypoint):
    judged = waypoint["How large is the market?"]
    assert judged.status == "answered", judged.status_reason
    assert "17 million" in quote(judged)


def test_disable_is_turn_off(waypoint):
    assert quote(waypoint["Can the teenager disable it?"]).startswith("The teen can pause sharing")


def test_a_yes_no_question_quotes_the_yes_and_what_follows(waypoint):
    assert quote(waypoint["Is there a free tier?"]) == "Yes. A free plan covers arrival alerts for one place."


@pytest.fixture(scope="module")
def permitpath() -> dict[str, Question]:
    return ask(PERMITPATH, "What happens if the site is down?", "Do I have to register?",
               "Will any city employees be laid off?", "How will success be measured?")


def test_a_tbd_answer_to_the_same_question_is_unanswered_and_said_so(permitpath):
    """"What if the system goes down on a deadline?" A: "TBD." -- not "No one loses their job"."""
    judged = permitpath["What happens if the site is down?"]
    assert judged.status == "unanswered" and judged.evidence is None
    assert "its FAQ asks this (line 40)" in judged.status_reason


def test_a_placeholder_answer_is_no_content(permitpath):
    judged = permitpath["How will success be measured?"]
    assert judged.status == "unanswered" and judged.evidence is None


def test_register_is_needing_an_account(permitpath):
    judged = permitpath["Do I have to register?"]
    assert judged.status == "answered"
    assert quote(judged) == "Yes. You create one with an e-mail address or phone number."


def test_the_fate_of_counter_staff_answers_the_layoff_question(permitpath):
    assert quote(permitpath["Will any city employees be laid off?"]).startswith("No one loses their job")


def test_no_mobile_signal_answers_without_coverage():
    judged = ask(COLDTRACE, "What happens in areas without coverage?")["What happens in areas without coverage?"]
    assert judged.status == "answered" and quote(judged).startswith("The sensor stores up to 30 days")


@pytest.mark.parametrize(("path", "question", "start"), [
    (TALLYHAND, "What is the launch date?", "Tallyhand Payroll is available today across the UK"),
    (COLDTRACE, "When does it launch?", "ColdTrace is sold through refrigeration service distributors"),
])
def test_the_call_to_action_says_when_not_an_faq_aside_that_mentions_a_launch(path, question, start):
    """Not "Not at launch." (pensions) nor "The 14 launch countries are ..." (coverage)."""
    judged = ask(path, question)[question]
    assert judged.status == "answered", (judged.status_reason, quote(judged))
    assert quote(judged).startswith(start)


@pytest.mark.parametrize(("text", "compatible"), [
    ("Which file formats does Tallyhand Payroll support?", True), ("Does it support Windows?", True),
    ("It supports Postgres and MySQL.", True), ("Is there support for Windows?", True),
    ("Where can I get help and support?", False), ("Can I get support by phone?", False),
    ("Support is the largest cost: we plan one support person per 400 seats.", False),
    ("Other rejections go to our support team, who answer within four working hours.", False),
])
def test_support_the_verb_is_compatibility_support_the_noun_is_help(text, compatible):
    assert ("compatible" in concepts(text)) is compatible


def test_customer_support_staffing_does_not_say_which_formats_or_integrations_it_supports():
    from assistant.questions.offline import questions_offline

    generated = {q.question: q for q in questions_offline(load_document(TALLYHAND)).questions}
    for question in ("Which file formats does Tallyhand Payroll support?",
                     "Which integrations and platforms are supported at launch?"):
        judged = generated[question]
        assert not quote(judged).startswith("Support is the largest cost"), question
        assert quote(judged) != "Not at launch.", question  # about pensions: "at launch" dates the question


@pytest.mark.parametrize(("question", "kind"), [
    ("Who are the competitors, and why will customers choose us?", "any"), ("Who competes with ColdTrace?", "any"),
    ("Who is it for?", "who"), ("Who are the target customers?", "who"),
    ("When does the investment pay back?", "when"), ("How much do I pay?", "price"),
])
def test_rivals_are_not_whom_it_is_for_and_a_payback_is_not_a_price(question, kind):
    assert kind_of(question) == kind


def test_a_sub_heading_that_names_the_customer_does_not_name_the_competitors():
    from assistant.questions.offline import questions_offline

    generated = {q.question: q for q in questions_offline(load_document(TALLYHAND)).questions}
    judged = generated["Who are the competitors, and why will customers choose us?"]
    assert judged.status == "unanswered", (judged.status_reason, quote(judged))


def test_a_choice_between_two_channels_is_no_competitor():
    """"Why sell through distributors instead of directly?" compares, but names no rival."""
    judged = ask(COLDTRACE, "Who competes with ColdTrace?")["Who competes with ColdTrace?"]
    assert judged.status == "unanswered", (judged.status_reason, quote(judged))


@pytest.mark.parametrize("path", [TALLYHAND, COLDTRACE, WAYPOINT])
def test_the_company_that_launches_the_product_is_not_jargon(path):
    """"Brightwater Software today launched ...": no "What is Brightwater Software?"."""
    from assistant.questions.offline import questions_offline

    asked = [q.question for q in questions_offline(load_document(path)).questions if q.topic == "jargon"]
    assert not any(company in text for text in asked
                   for company in ("Brightwater", "Polarline", "Hearthside")), asked


@pytest.mark.parametrize(("path", "roles"), [
    # "a single rejected pallet can cost €40,000" is the problem, not a price; the call to action follows
    (COLDTRACE, ["summary", "problem", "solution", "leader_quote", "customer_quote", "call_to_action"]),
    # "must visit the permit counter" is the problem; "said Mayor Angela Brooks" a leader;
    # "open now at permits.riverton.gov" the call to action
    (PERMITPATH, ["summary", "problem", "solution", "leader_quote", "customer_quote", "call_to_action"]),
])
def test_outline_reads_the_press_release_in_its_order(path, roles):
    assert [p.role for p in load_document(path).paragraphs] == roles


@pytest.mark.parametrize(("path", "figure"), [(TALLYHAND, "7.5 hours"), (COLDTRACE, "3%"), (WAYPOINT, "68%")])
def test_the_cost_of_the_problem_is_sized_in_the_problem_paragraph_not_by_the_price(path, figure):
    from assistant.questions.offline import questions_offline

    generated = {q.question: q for q in questions_offline(load_document(path)).questions}
    judged = generated["How much does the problem cost customers today?"]
    assert judged.status == "answered", judged.status_reason
    assert figure in quote(judged)


def test_the_distributors_margin_is_not_what_the_sensor_costs_us_to_make():
    judged = ask(COLDTRACE, "What margin do distributors make?")["What margin do distributors make?"]
    assert quote(judged).startswith("Distributors earn a 25% margin"), (judged.status_reason, quote(judged))


@pytest.mark.parametrize(("text", "duration"), [
    ("Most practices finish the import in under an hour.", True),
    ("Five years at one reading every five minutes.", True),
    ("We aim to decide within 7 working days.", True), ("LEEDS, UK — 3 March 2027 — Brightwater launched it.", False),
    ("It ships in 2027 to 14 countries.", False),
])
def test_how_long_wants_a_length_of_time_which_a_date_is_not(text, duration):
    assert kind_of("How long does it take to switch from our current payroll software?") == "duration"
    assert satisfies("duration", text) is duration


@pytest.mark.parametrize(("path", "question", "answer"), [
    (TALLYHAND, "How long does it take to switch from our current payroll software?",
     "Most practices finish the import in under an hour."),  # not the dateline, for its date
    (COLDTRACE, "How long does the battery last?", "Five years at one reading every five minutes."),
])
def test_the_faq_answer_that_says_how_long_is_quoted(path, question, answer):
    judged = ask(path, question)[question]
    assert judged.status == "answered", judged.status_reason
    assert quote(judged) == answer


@pytest.mark.parametrize("question", ["How much is the subscription?", "How much does it cost?"])
def test_a_yes_about_a_free_tier_is_not_the_amount(question):
    """"Is there a free version?" / "Yes. A free plan ... Driving reports need the paid plan." says
    no amount; the call to action does."""
    judged = ask(WAYPOINT, question)[question]
    assert judged.status == "answered"
    assert "$7.99 per month" in quote(judged), quote(judged)


def test_certified_asks_what_the_regulatory_requirements_answer():
    question = "Is it certified for pharmaceutical transport?"
    judged = ask(COLDTRACE, question)[question]
    assert judged.status != "unanswered", judged.status_reason
    assert judged.evidence is not None and judged.evidence.line == 41  # the regulatory-requirements answer


def test_willingness_to_pay_and_support_cost_are_not_the_price():
    report = ask_offline(load_document(TALLYHAND), ["Is the quoted customer a real person who would pay?",
                                                    "Who supports customers after launch, and at what cost?"])
    real, support = report.questions
    assert real.evidence is None or "£29" not in real.evidence.text, real.status_reason
    assert support.evidence is not None and "support person per 400 seats" in support.evidence.text
