"""What a question is not answered by: a word that only looks like its answer. "Does it require
manual sorting?" asks what it asks of people, not what it needs to run; "the windows" of a room of
agents are no operating system; the sleep "metrics" a patient shares with a doctor are not how the
team will measure success. Each case is a short PR/FAQ asked with
`prfaq questions --ask`, as a team would check its own question list."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.documents import parse_document
from assistant.questions.answertype import satisfies
from assistant.questions.offline import ask_offline, questions_offline
from assistant.questions.text import concepts

SORTER = """# Sorter files your research notes as you write

SEATTLE, March 3, 2027 — Today Sorter launches, a desktop notebook for researchers that files
every note under the question it answers.

## FAQ

**Does Sorter require manual organization?**
No. Sorter builds the outline while you write, and you can move any note by hand.

**How much does it cost?**
$8 per month.
"""

SORTER_WITH_REQUIREMENTS = SORTER + """
**What do I need to run it?**
Sorter requires macOS 13 or Windows 11 and 4 GB of memory.
"""

ROOM = """# Room puts your AI agents at one table

Today, you copy what one agent says into the next chat window by hand. The windows can't see each
other, so you become the message bus.

With Room, the agents share one workspace and ask you only when they disagree.
"""


def judged(text: str, question: str):
    return ask_offline(parse_document(text, path="doc.md"), [question]).questions[0]


def judged_file(path: Path, question: str):
    """`judged` of a fixture PR/FAQ file."""
    return judged(path.read_text(encoding="utf-8"), question)


def test_a_question_about_what_it_asks_of_people_is_not_the_system_requirements():
    found = judged(SORTER, "What are the system requirements?")
    assert found.status == "unanswered", found.evidence


def test_the_faq_that_gives_the_requirements_still_answers():
    found = judged(SORTER_WITH_REQUIREMENTS, "What are the system requirements?")
    assert found.status == "answered"
    assert found.evidence is not None and "macOS 13" in found.evidence.text


def test_the_windows_of_a_room_are_no_operating_system():
    found = judged(ROOM, "What are the system requirements?")
    assert found.status == "unanswered", found.evidence


def test_require_names_a_requirement_only_of_the_product():
    assert "requirement" in concepts("Requires Python 3.9 or higher.")
    assert "requirement" in concepts("Does it require an account?")
    assert "requirement" not in concepts("Most tools require everyone to create accounts.")
    assert "requirement" not in concepts("Does Sorter require manual organization?")


VITALS = """# Vitals lets patients share their sleep data with a doctor in one link

BOSTON, May 5, 2027 — Today Vitals launches, a web app for people who track their health.

With a few clicks, users select exactly which metrics to share (the last 90 days of sleep and
glucose, say) and send the link. Click Share, pick metrics and a date range, copy the link.

Vitals is free during the beta.
"""


def test_the_metrics_a_user_shares_are_not_how_success_is_measured():
    found = judged(VITALS, "How will we measure success?")
    assert found.status == "unanswered", found.evidence


def test_success_metrics_still_answer():
    found = judged(VITALS + "\nWe will call it a success when 40% of beta users share a link within 30 days.\n",
                   "How will we measure success?")
    assert found.status == "answered"
    assert found.evidence is not None and "40%" in found.evidence.text


def test_metrics_of_a_body_or_a_server_are_data_not_success():
    assert "success" not in concepts("Pick metrics and a date range.")
    assert "success" not in concepts("Users select which metrics to share.")
    assert "success" not in concepts("It exports server metrics to Grafana.")
    assert "success" in concepts("What are the success metrics?")
    assert "success" in concepts("Which metrics will we track?")


TALLY = """# Tally closes the month in three days

LONDON — 1 September 2027 — Fenwick Group's platform team today released Tally, an internal service that
matches bank lines to ledger entries and flags only the exceptions.

Tally is live for the UK subsidiaries from 1 September. Analysts sign in with their Fenwick account at
tally.fenwick.internal.

## FAQ

Q: What could stop this?
A: The auditors must accept automated matches as evidence. We are reviewing the matching rules with them in July.
"""


def test_what_could_stop_it_asks_for_the_risks():
    assert "risk" in concepts("What could stop this?")
    found = judged(TALLY, "What are the biggest risks, and how do we mitigate them?")
    assert found.status == "answered"
    assert found.evidence is not None
    assert "auditors" in found.evidence.text or "reviewing" in found.evidence.text


def test_evidence_for_an_auditor_is_no_evidence_of_demand():
    assert "demand" not in concepts("The auditors must accept automated matches as evidence.")
    assert "demand" in concepts("What evidence do we have that customers want it?")
    found = judged(TALLY, "What evidence do we have that customers want Tally?")
    assert found.status == "unanswered", found.evidence


def test_signing_in_at_an_address_is_how_to_get_started():
    found = judged(TALLY, "How do I get started?")
    assert found.status == "answered"
    assert found.evidence is not None and "sign in with" in found.evidence.text


@pytest.mark.parametrize("text", ["The app warns you before the battery runs out, and a replacement cap is free.",
                                  "Shipping is free across the US.", "We offer free returns for 30 days.",
                                  "Updates are always free."])
def test_the_price_of_an_extra_is_no_price_of_the_product(text):
    assert not satisfies("price", text)


@pytest.mark.parametrize("text", ["Breathe Cap is free for families on Medicaid.", "The app is free.",
                                  "It is free to use, with a free trial of the Pro plan.",
                                  "Without coverage it costs $89."])
def test_the_price_of_the_product_is_still_a_price(text):
    assert satisfies("price", text)


BREATHE_CAP = Path(__file__).parent / "fixtures" / "questions" / "breathecap.md"


def test_a_price_question_quotes_the_price_not_a_free_replacement():
    """A medical-device PR/FAQ written for these tests: its CTA gives the price ($89 without
    coverage) and its battery FAQ says a replacement cap is free."""
    from assistant.documents import load_document

    (judged,) = ask_offline(load_document(BREATHE_CAP), ["How much does Breathe Cap cost?"]).questions
    assert judged.status == "answered"
    assert judged.evidence is not None and "$89" in judged.evidence.text


PRIVACY = """# Breathe Cap warns parents before an asthma attack

Breathe Cap is a clip-on cap for rescue inhalers that tells parents when their child's rescue use climbs.

## FAQ

**Who can see my child's data?**
Only the parents on the account. We do not sell data, and we never share it with insurers or schools.
"""


def test_a_sentence_on_the_same_data_that_does_not_delete_it_does_not_answer_deletion():
    (judged,) = ask_offline(parse_document(PRIVACY, path="cap.md"), ["Can I delete my data?"]).questions
    assert judged.status != "answered", judged.evidence


def test_a_sentence_that_deletes_it_answers_deletion():
    text = PRIVACY + "You can delete your account and all of its data at any time from the settings page.\n"
    (judged,) = ask_offline(parse_document(text, path="cap.md"), ["Can I delete my data?"]).questions
    assert judged.status == "answered"
    assert judged.evidence is not None and "delete your account" in judged.evidence.text


def test_a_battery_life_does_not_answer_how_long_data_is_kept():
    """"How long does the battery last?" shares only "how long" with the bank's "What customer
    data do we keep, and for how long?": not the FAQ that asks it."""
    from assistant.documents import load_document
    from assistant.questions.offline import questions_offline

    report = questions_offline(load_document(BREATHE_CAP), top=60)
    (judged,) = [q for q in report.questions if q.question.startswith("What customer data do we keep")]
    assert judged.evidence is None or "12 months" not in judged.evidence.text, judged.status_reason


@pytest.mark.parametrize("text", ["We filed a 510(k) in March.", "FDA clearance is expected in August.",
                                  "Breathe Cap is a Class II device.", "The sensor is CE marked.",
                                  "Is this a medical device?"])
def test_a_medical_devices_route_to_market_is_regulation(text):
    assert "legal" in concepts(text)


@pytest.mark.parametrize("text", ["The device ships in May.", "Security clearance is not needed.",
                                  "Class II students sit the exam in June."])
def test_a_device_or_a_class_alone_is_no_regulation(text):
    assert "legal" not in concepts(text)


def test_the_regulation_question_is_answered_by_the_medical_device_faq():
    from assistant.documents import load_document
    from assistant.questions.offline import questions_offline

    report = questions_offline(load_document(BREATHE_CAP), top=60)
    (judged,) = [q for q in report.questions if q.question.startswith("Which regulations apply")]
    assert judged.status == "answered", judged.status_reason
    assert judged.evidence is not None and "510(k)" in judged.evidence.text


TIPSPLIT = Path(__file__).parent / "fixtures" / "questions" / "tipsplit.md"


@pytest.mark.parametrize("text", [
    "We start with the 24,000 independents on Toast or Square in Colorado and Texas.",
    "We'll start with ten care homes in Leeds.",
])
def test_where_we_start_selling_is_no_getting_started(text):
    assert "getting_started" not in concepts(text)


@pytest.mark.parametrize("text", [
    "You start with a free trial.",
    "Start with the sample project.",
    "Teams start using it in an afternoon.",
])
def test_how_a_customer_starts_is_still_getting_started(text):
    assert "getting_started" in concepts(text)


@pytest.mark.parametrize("question", ["How do I get started?", "How do I sign up?"])
def test_the_beachhead_of_the_internal_faq_does_not_say_how_to_start(question):
    found = judged_file(TIPSPLIT, question)
    # (it may still touch the subject: the sentence says "start")
    assert found.status != "answered" or "We start with" not in found.evidence.text, found


@pytest.mark.parametrize(("question", "figure"), [
    ("Who pays the $0.50 fee?", "$0.50"),
    ("Is the $49 charged per restaurant or per location?", "$49"),
])
def test_a_figure_the_question_names_is_quoted_where_the_document_says_it(question, figure):
    found = judged_file(TIPSPLIT, question)
    assert found.evidence is not None and figure in found.evidence.text, found


def test_a_question_about_a_figure_of_the_document_is_at_least_touched():
    found = judged_file(TIPSPLIT, "Where does the 660,000 come from?")
    assert found.status != "unanswered" and "660,000" in found.evidence.text, found


FLAGSHIP = Path(__file__).parent / "fixtures" / "documents" / "flagship.md"


def _ask_flagship(question: str):
    return judged_file(FLAGSHIP, question)


@pytest.mark.parametrize("question", ["Which languages are supported?", "Which programming languages can I use?"])
def test_the_languages_a_service_is_written_in_answer_which_languages(question):
    found = _ask_flagship(question)
    assert found.status != "unanswered" and re.search(r"Java|Python", found.evidence.text), found


@pytest.mark.parametrize("text", ["Python support follows in Q4.", "Windows support is planned for 2028.",
                                  "SSO support ships with the enterprise plan."])
def test_support_for_a_platform_is_compatibility_not_help(text):
    found = concepts(text)
    assert "compatible" in found and "help" not in found, found


def test_help_and_support_is_not_answered_by_a_language_coming_later():
    found = _ask_flagship("Where can I get help and support?")
    assert found.evidence is None or "Python support" not in found.evidence.text, found


def test_what_the_service_costs_to_run_is_no_price_to_its_users():
    found = _ask_flagship("How much does Flagship cost?")
    assert found.evidence is not None and "$14,000" not in found.evidence.text, found
    assert "Developer Platform pays" in found.evidence.text, found
    assert found.status == "answered", found  # a "No" to "Does it cost my team anything?" is the price


def test_what_a_customer_pays_for_an_internal_service_is_not_what_it_costs_us_to_run():
    found = _ask_flagship("What does it cost to run?")
    assert found.status == "answered" and "$14,000" in found.evidence.text, found


@pytest.mark.parametrize("text", ["Who can change a flag in production?", "Changes reach production in 10 seconds.",
                                  "Anyone can turn a feature off in production."])
def test_production_as_the_place_a_change_goes_is_no_readiness(text):
    assert "reliability" not in concepts(text)


@pytest.mark.parametrize("text", ["Is Flagship ready for production use?", "It runs in production at three banks.",
                                  "Is it production ready?"])
def test_production_use_is_still_readiness(text):
    assert "reliability" in concepts(text)


def test_a_who_can_change_it_faq_does_not_say_whether_it_is_ready():
    found = _ask_flagship("Is Flagship ready for production use?")
    assert found.evidence is None or "owning team" not in found.evidence.text, found


@pytest.mark.parametrize("question", ["How is Flagship kept secure?", "How does Flagship keep changes safe?"])
def test_a_leaders_adjective_in_a_quote_does_not_say_how(question):
    found = _ask_flagship(question)
    assert not (found.status == "answered" and "audited and safe" in found.evidence.text), found


def test_a_quote_still_answers_who_it_is_for():
    found = _ask_flagship("Who is Flagship for?")
    assert found.status == "answered", found


@pytest.mark.parametrize("question", ["What does Flagship not do yet?"])
def test_support_that_follows_later_says_what_it_does_not_do_yet(question):
    found = _ask_flagship(question)
    assert found.status != "unanswered" and "Python support follows in Q4" in found.evidence.text, found


HOTSPOT = Path(__file__).parent / "fixtures" / "documents" / "hotspot.md"


def test_who_can_borrow_it_says_who_it_is_for():
    found = judged_file(HOTSPOT, "Who is it for?")
    assert found.status == "answered" and "resident" in found.evidence.text, found


@pytest.mark.parametrize("question", ["What exactly is it?", "What is it?"])
def test_what_it_is_of_an_unnamed_service_is_its_summary(question):
    found = judged_file(HOTSPOT, question)
    assert found.status == "answered" and "lends mobile Wi-Fi hotspots" in found.evidence.text, found


def test_what_a_free_service_costs_is_not_its_replacement_fee_nor_its_funding():
    found = judged_file(HOTSPOT, "How much does it cost?")
    assert found.evidence is not None, found
    assert "$45" not in found.evidence.text and "$190,000" not in found.evidence.text, found
    assert "free" in found.evidence.text, found


@pytest.mark.parametrize("text", [
    # an extra's amount, the maker's funding, a rate of something else
    "The first loss is forgiven; after that, a replacement costs $45.",
    "The library starts with 600 hotspots, funded for two years by a $410,000 state grant.",
    "We will ask the city council for $190,000 a year in the 2029 budget.",
    "At least 85% of the hotspots on loan, and fewer than 5% lost per year.",
    "Nurses make three visits per month.",
])
def test_an_amount_or_a_rate_that_is_not_the_products_is_no_price(text):
    assert not satisfies("price", text)


@pytest.mark.parametrize("text", [
    "It costs $49 per month.", "Plans are $5 per seat, and we raised $2M.", "Funded by donations, it costs $3 a month.",
    "It is billed per month.", "Plans are priced per seat.", "Subscriptions renew per year at the same price.",
])
def test_the_products_own_amount_or_rate_is_still_a_price(text):
    assert satisfies("price", text)


def test_a_customer_losing_the_device_is_not_the_product_getting_it_wrong():
    found = judged_file(HOTSPOT, "What happens when it gets it wrong?")
    assert found.evidence is None or "replacement costs $45" not in found.evidence.text, found


LATCHKEY = Path(__file__).parent / "fixtures" / "questions" / "latchkey.md"


@pytest.mark.parametrize(("text", "concept", "not_concept"), [
    ("Do you share my location data?", "privacy", "collaboration"),
    ("Who do you share my data with?", "privacy", "collaboration"),
    ("Can a thief just remove the tracker?", None, "retention"),
])
def test_handing_data_over_is_privacy_and_taking_a_part_off_is_no_deletion(text, concept, not_concept):
    found = concepts(text)
    assert (concept is None or concept in found) and not_concept not in found, found


@pytest.mark.parametrize(("text", "concept"), [
    ("Can I share the board with my team?", "collaboration"),
    ("Can I remove my account?", "retention"),
    ("Remove all my data.", "retention"),
])
def test_sharing_with_a_team_and_removing_an_account_keep_their_sense(text, concept):
    assert concept in concepts(text)


@pytest.mark.parametrize(("question", "not_quoted"), [
    ("Can I delete my data?", "shackle"),
    ("What happens when Latchkey gets it wrong?", "warns at 20%"),
    ("Can I share Latchkey with my team?", "Northgate"),
    ("How much does Latchkey cost?", "carrier"),
])
def test_an_faq_pair_or_an_internal_answer_that_only_shares_words_does_not_answer(question, not_quoted):
    found = judged_file(LATCHKEY, question)
    assert found.evidence is None or not_quoted not in found.evidence.text, found


def test_deleting_data_is_answered_where_the_document_deletes_it():
    found = judged_file(LATCHKEY, "Can I delete my data?")
    assert found.status != "unanswered" and "delete it after that" in found.evidence.text, found


def generated_of(path: Path):
    """The questions `prfaq questions` raises of a fixture PR/FAQ, on its own list."""
    from assistant.questions.offline import questions_offline

    return questions_offline(parse_document(path.read_text(encoding="utf-8"), path=path.name)).questions


def test_the_price_is_the_products_not_a_suppliers_in_the_internal_faq():
    found = next(q for q in generated_of(LATCHKEY) if q.question == "How much does Latchkey cost?")
    assert found.status == "answered" and re.search(r"\$129|\$2\.99 a month", found.evidence.text), found


def test_sharing_data_is_answered_by_the_faq_that_asks_it():
    found = judged_file(LATCHKEY, "Who do you share my location with?")
    assert found.status == "answered" and found.evidence.line == 31, found  # "Do you share my location data?"


def test_a_what_if_about_a_mistake_still_matches_the_faq_about_getting_it_wrong():
    text = ("# Sorter files your notes\n\nToday Sorter launches, a notebook that files every note.\n\n## FAQ\n\n"
            "**What happens if Sorter makes a mistake?**\n"
            "It shows why it filed each note, and one click moves it back.\n")
    found = judged(text, "What happens when Sorter gets it wrong?")
    assert found.status == "answered" and "one click moves it back" in found.evidence.text, found


def test_a_group_that_opens_the_subheading_says_who_it_is_for():
    found = judged_file(LATCHKEY, "Who is Latchkey for?")
    assert found.status == "answered" and found.evidence.text.startswith("Commuters in Portland"), found


@pytest.mark.parametrize("text", ["Servers can restart themselves.", "Sensors can report every minute.",
                                  "Containers now start in a second."])
def test_things_that_can_do_something_are_no_group_of_people(text):
    assert not satisfies("who", text)


@pytest.mark.parametrize(("text", "absent"), [
    ("What could stop us?", "stop"),  # what threatens the plan, not when we would call it off
    ("Can we back up every claim in the press release?", "availability"),  # the document, not a launch
    ("Owners are paid if they file a claim.", "claim"),  # an insurance claim, not the release's claims
])
def test_a_word_inside_a_set_phrase_keeps_the_phrases_sense(text, absent):
    assert absent not in concepts(text), concepts(text)


@pytest.mark.parametrize(("text", "present"), [
    ("When is the next release?", "availability"),
    ("Which claims can we back up?", "claim"),
])
def test_the_word_alone_keeps_its_own_sense(text, present):
    assert present in concepts(text), concepts(text)


def test_our_decision_to_stop_is_one_sense_whether_asked_or_said():
    """"What result would make us stop?" is answered where we say we would stop, not where a
    thing of the product stops ("Jobs stop, as they would with cron")."""
    assert "kill-decision" in concepts("What result would make us stop?")
    assert "kill-decision" in concepts("If fewer than 100 teams use it by June, we will stop.")
    assert "kill-decision" not in concepts("What could stop us?")


def test_a_threat_to_the_plan_does_not_say_when_we_would_stop():
    found = next(q for q in generated_of(LATCHKEY) if q.question == "What result would make us stop?")
    assert found.evidence is None or "three-year rate" not in found.evidence.text, found


HANDOFF = Path(__file__).parent / "fixtures" / "questions" / "handoff.md"


def _handoff_questions() -> list[str]:
    return [q.question for q in generated_of(HANDOFF)]


@pytest.mark.parametrize("question", ["How big is the market for Handoff?", "What is the go-to-market plan?",
                                      "What are the financial projections, and when do we break even?"])
def test_a_change_inside_one_company_is_not_asked_for_its_market(question):
    assert question not in _handoff_questions()


def test_an_internal_change_is_read_as_internal():
    from assistant.questions.bank import load_bank

    kinds = load_bank().contexts_of(HANDOFF.read_text(encoding="utf-8"))
    assert "internal" in kinds and "commercial" not in kinds, kinds


@pytest.mark.parametrize("text", ["Handoffs can mention customer accounts.", "We never sell customer data.",
                                  "It reads customer records from the CRM."])
def test_what_a_system_holds_about_customers_is_not_whom_it_is_for(text):
    assert "customer" not in concepts(text) and not satisfies("who", text)


@pytest.mark.parametrize("text", ["Built for customers who run their own servers.", "Who are the customers?"])
def test_customers_themselves_are_still_whom_it_is_for(text):
    assert "customer" in concepts(text) and satisfies("who", text)


@pytest.mark.parametrize(("text", "migrates"), [
    ("The pager does not move until the incoming engineer acknowledges a handoff.", False),
    ("Can I move my existing clients over?", True),
    ("How do I move from Trello?", True),
])
def test_moving_is_migration_only_with_what_moves(text, migrates):
    assert ("migrate" in concepts(text)) == migrates


def test_a_pager_that_moves_is_no_migration_of_data():
    found = judged_file(HANDOFF, "How do I migrate my existing data into Handoff?")
    assert found.evidence is None or "pager" not in found.evidence.text, found


def test_the_product_erring_is_not_answered_by_a_person_forgetting():
    found = judged_file(HANDOFF, "What happens when Handoff gets it wrong?")
    assert found.evidence is None or "pager does not move" not in found.evidence.text, found


PERSONAS = """# Smallhold runs a social server for thirty people from one file

Today Smallhold launches: one binary that runs a small social server.

## FAQ

**Can I run several Smallhold servers for different personas?**
Yes, and that is the approach we recommend when you need real separation between identities, for example a
public professional account and a pseudonymous personal account. Each server has its own domain.

**How many accounts can one server hold?**
A few dozen. There is no hard limit.
"""


def test_a_yes_to_another_faq_question_does_not_answer_this_one():
    found = judged(PERSONAS, "Is my data secure and private?")
    assert found.evidence is None or not found.evidence.text.startswith("Yes"), found


def test_a_yes_still_answers_its_own_question_asked_in_other_words():
    found = judged(PERSONAS, "Can I run more than one Smallhold server, one per persona?")
    assert found.status == "answered" and found.evidence.text.startswith("Yes"), found


LEDGERLINE = Path(__file__).parent / "fixtures" / "questions" / "ledgerline.md"


def test_an_engineer_is_a_developer():
    found = judged_file(LEDGERLINE, "Do I need an engineer to use it?")
    assert found.status == "answered" and found.evidence.text.startswith("Not yet."), found


def test_a_free_plan_answers_whether_there_is_a_free_tier():
    found = judged_file(LEDGERLINE, "Is there a free tier?")
    assert found.status == "answered" and "Starter plan is free" in found.evidence.text, found


def test_a_price_without_free_does_not_say_whether_there_is_a_free_tier():
    text = ("# Tally counts your stock\n\nToday Tally launches, an app that counts shelves for corner shops.\n\n"
            "Tally costs $12 a month per shop.\n")
    assert judged(text, "Is there a free tier?").status != "answered"


@pytest.mark.parametrize("question", ["How much time does it save?",
                                      "How much better is Ledgerline than what I do today, in numbers?"])
def test_how_much_it_saves_is_answered_by_the_before_and_the_after(question):
    found = judged_file(LEDGERLINE, question)
    assert found.status == "answered" and "two days instead of nine" in found.evidence.text, found


@pytest.mark.parametrize("sentence", ["A late frost can cut supply by half in a week.",
                                      "We expect to grow from 10 to 40 stores next year."])
def test_what_might_happen_or_a_plan_is_no_saving(sentence):
    text = ("# Tally counts your stock\n\nToday Tally launches, an app that counts shelves for corner shops.\n\n"
            f"{sentence}\n")
    found = judged(text, "How much time does it save?")
    assert found.status != "answered", found


@pytest.mark.parametrize(("question", "term"), [
    ("What is the uptime SLA?", None), ("What is the SLA?", None),  # its value, not a definition
    ("What is the Research Compass?", "Research Compass"), ('What is the "sandbox"?', "sandbox"),
    ("What is SOC 2?", "SOC 2"),
])
def test_the_value_of_an_attribute_is_no_term_to_define(question, term):
    from assistant.questions.answertype import defined_term

    assert defined_term(question) == term


@pytest.mark.parametrize("question", ["What is the uptime SLA?", "Is it SOC 2 compliant?"])
def test_a_stated_sla_or_certification_answers_it(question):
    found = judged_file(LEDGERLINE, question)
    assert found.status == "answered", found


NAMED = """# Wayfarer plans a road trip around where you want to stop

DENVER, May 4, 2027 — Today Wayfarer launches, a trip planner that builds a route from the places
you want to see, not from the fastest road.

Families plan road trips in three apps and a spreadsheet. Wayfarer puts the stops, the drive times
and the bookings in one plan.

## FAQ

**How much does it cost?**
Wayfarer is free for one trip a year and $4 a month after that.

**Where does the name come from?**
The name is an old word for someone who travels on foot, because we plan trips around the stops
and not the road.
"""


@pytest.mark.parametrize("question", ["Why is it called Wayfarer?", "Why the name?", "Naming?"])
def test_a_question_about_the_name_is_answered_where_the_document_speaks_of_it(question):
    found = judged(NAMED.replace("**Where does the name come from?**\n", ""), question)
    assert found.status == "answered", found.evidence
    assert found.evidence is not None and found.evidence.text.startswith("The name is an old word")


def test_a_document_that_never_speaks_of_its_name_does_not_answer_why_it_is_called_so():
    unnamed = NAMED.split("**Where does the name come from?**")[0]
    found = judged(unnamed, "Why is it called Wayfarer?")
    assert found.status == "unanswered", found.evidence


def test_a_mitigation_answers_a_question_about_risks():
    doc = NAMED + """
Adoption is the hard part: families keep their old apps. We mitigate it with an import from the
three apps they use most.
"""
    found = judged(doc, "Biggest risks and mitigations?")
    assert found.status in {"answered", "partly"}, found.evidence
    assert found.evidence is not None and "We mitigate it" in found.evidence.text


FORMATS = NAMED + """
Every plan can leave Wayfarer whenever you like:

- **GPX** for your car's navigation
- **CSV** for a spreadsheet
- **PDF** to print
"""


@pytest.mark.parametrize("question", ["What export formats are available?", "Which file formats can I save to?"])
def test_a_list_of_format_names_answers_which_formats(question):
    found = judged(FORMATS, question)
    assert found.status in {"answered", "partly"}, found.evidence
    assert found.evidence is not None and re.search(r"\b(?:GPX|CSV|PDF)\b", found.evidence.text)


def test_a_quoted_list_item_keeps_the_emphasis_it_closes():
    found = judged(FORMATS, "What export formats are available?")
    assert found.evidence is not None
    assert re.fullmatch(r"\*\*(?:GPX|CSV|PDF)\*\* [\w ']+", found.evidence.text), found.evidence.text
    assert FORMATS[found.evidence.start:found.evidence.end] == found.evidence.text


def test_no_format_named_leaves_the_formats_question_unanswered():
    found = judged(NAMED, "What export formats are available?")
    assert found.status == "unanswered", found.evidence


@pytest.mark.parametrize("sentence", ["Wayfarer plans each route with the maps provider you choose.",
                                      "Every plan is stored with one cloud provider."])
def test_a_service_provider_it_runs_on_answers_what_it_depends_on(sentence):
    found = judged(NAMED + "\n" + sentence + "\n", "What does it depend on?")
    assert found.status in {"answered", "partly"}, found.evidence
    assert found.evidence is not None and found.evidence.text == sentence


def test_the_people_who_provide_care_are_no_dependency():
    sentence = "Wayfarer is also built for healthcare providers who plan home visits."
    found = judged(NAMED + "\n" + sentence + "\n", "What does it depend on?")
    assert found.evidence is None or found.evidence.text != sentence


HARBOR = Path(__file__).parent / "fixtures" / "questions" / "harbor-ledger.md"  # written for these tests


@pytest.mark.parametrize("question", ["Can I use it without internet?", "Does it work with no signal?"])
def test_without_internet_asks_what_does_it_work_offline_asks(question):
    found = judged_file(HARBOR, question)
    assert found.status in {"answered", "partly"}, found.evidence
    assert found.evidence is not None and "without signal" in found.evidence.text


def test_a_payout_says_nothing_of_what_data_is_kept():
    found = judged_file(HARBOR, "What data do you keep about boaters?")
    assert found.evidence is None or "Stripe" not in found.evidence.text, found.evidence


@pytest.mark.parametrize("question", ["What problem does it solve?", "What problem does Harbor Ledger solve?"])
def test_a_problem_told_as_a_loss_answers_what_problem_it_solves(question):
    # no "problem" in the paragraph, and a £ amount: it was read as the call to action
    found = judged_file(HARBOR, question)
    assert found.status == "answered", found
    assert found.evidence is not None and "loses about £38,000" in found.evidence.text


def test_the_teams_own_data_question_does_not_swallow_the_customers():
    release = ("# Vitalink shares your health records with your doctor\n\n"
               "LONDON — Vitalink lets patients share their health data, lab results and medication history with "
               "a clinic in one tap. Records are stored in the UK and every share is logged. "
               "Customers pay £4 a month.\n")
    asked = [q.question for q in questions_offline(parse_document(release, path="r.md"), order="asked").questions]
    assert "Is my data private, and where is it stored?" in asked


@pytest.mark.parametrize("question", ["What could kill this?", "What is the biggest risk?"])
def test_the_risk_itself_is_quoted_before_the_test_of_it(question):
    found = judged_file(HARBOR, question)
    assert found.status == "answered", found
    assert found.evidence is not None and found.evidence.text.startswith("Marinas may not trust residents")


@pytest.mark.parametrize(("closing", "status"), [
    ("Piloting now with early users; broader availability to follow.", "partly"),
    ("Harbor Ledger is piloting now; general availability is coming soon.", "partly"),
    ("Piloting now with early users; open to every UK marina from March 2027.", "answered"),
])
def test_a_launch_put_off_without_a_date_partly_answers_when(closing, status):
    text = HARBOR.read_text(encoding="utf-8").replace(
        "It is available today in the UK and Ireland at harborledger.example.", closing)
    assert judged(text, "When will it be available?").status == status


@pytest.mark.parametrize(("sentence", "status"), [
    ("A working instance on a $6/month VPS is a ten-minute exercise.", "partly"),  # the server's price
    ("Harbor Ledger runs on a £200 tablet at the harbour office.", "partly"),
    ("Harbor Ledger is a $6/month subscription per marina.", "answered"),
    ("Harbor Ledger costs a £3 monthly fee per berth.", "answered"),
])
def test_an_amount_before_another_things_name_is_not_its_price(sentence, status):
    text = HARBOR.read_text(encoding="utf-8").replace(
        "Harbor Ledger costs £3 per berth per month, with no booking fee for boaters. ", "").replace(
        "About £0.40 per berth per month in hosting and payments, so the margin is 87%.", "")
    text = text.replace("## FAQ", sentence + "\n\n## FAQ")
    found = judged(text, "How much does it cost?")
    assert found.status == status, found
