"""Issue 15, item 6 (offline draft slotting), on messy notes of kinds the drafter was not tuned on.
Each test reads the draft as a reviewer would: every sentence a sentence, each note line in its
part of the PR/FAQ, and nothing said twice or in the wrong place."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.documents import parse_document
from assistant.draft.models import Draft
from assistant.draft.offline import draft_offline

NOTES = Path(__file__).parent / "fixtures" / "notes"


def _draft(text: str, path: str = "n.md") -> Draft:
    return draft_offline(parse_document(text, path=path))


def _fixture(name: str) -> Draft:
    return draft_offline(parse_document((NOTES / name).read_text(encoding="utf-8"), path=name))


def _answer(draft: Draft, words: str) -> str:
    return next(e.answer for e in [*draft.faq.external, *draft.faq.internal] if words in e.question)


# -- the name as the subject of the idea's verb ------------------------------------------------------
def test_an_idea_that_opens_with_the_name_and_its_verb_keeps_its_subject() -> None:
    # should flag: "With BinBuddy, texts tenants the night before pickup." (no subject)
    release = _fixture("name-verb-idea-bins.md").press_release
    assert "BinBuddy texts tenants the night before pickup." in release.summary
    assert release.solution.startswith("BinBuddy texts tenants the night before pickup.")
    assert "With BinBuddy, texts" not in release.summary + release.solution


@pytest.mark.parametrize("notes", [
    # should pass: a comma after the name, then people acting, stays a scene with its own subject
    "- name: ShelfSwap\n- who: students in Leeds\n- idea: ShelfSwap, students list a book and a buyer collects it",
])
def test_a_name_then_a_comma_is_no_subject_of_what_follows(notes: str) -> None:
    release = _draft(notes).press_release
    assert "ShelfSwap students list" not in release.summary + release.solution


# -- open questions: asked once, never a step ---------------------------------------------------------
@pytest.fixture(scope="module")
def freight_call() -> Draft:
    return _fixture("sales-call-freight-api.txt")


def test_each_open_question_is_asked_in_one_answer(freight_call: Draft) -> None:
    # should flag: "Does it work with CargoWise?" in the compatibility, dependencies and risks answers
    answers = [e.answer for e in [*freight_call.faq.external, *freight_call.faq.internal]]
    for question in ("Does it work with CargoWise?", "Do we need HMRC approval", "Who is liable if a code is wrong?"):
        assert sum(question in a for a in answers) == 1, question
    assert "Open questions in the notes: Does it work with CargoWise? Do we need HMRC approval" in _answer(
        freight_call, "depend on")
    assert "Who is liable" in _answer(freight_call, "risks")  # (with its capital: "... CargoWise? who is ...")


def test_two_questions_on_one_line_are_two_questions() -> None:
    notes = "- name: LockBox\n- open questions: who pays for the electricity? will landlords allow lockers?\n"
    risks = _answer(_draft(notes), "risks")
    assert "Open questions in the notes: Who pays for the electricity? Will landlords allow lockers?" in risks
    assert "the notes add" not in risks


def test_an_answer_the_notes_add_to_a_question_stays_with_it() -> None:
    # should pass: "do we vet them? probably not" is one question and the notes' answer
    risks = _answer(_draft("- name: LockBox\n- open: do we vet the couriers? probably not\n"), "risks")
    assert "(the notes add: probably not)" in risks


def test_an_open_question_is_no_step_to_get_started() -> None:
    # should flag: "To get started: Do we need approval from Transtejo to install readers?"
    draft = _fixture("open-questions-section-ferry.md")
    assert "Transtejo" not in draft.press_release.getting_started
    assert "Transtejo" not in _answer(draft, "get started")
    assert "Open questions in the notes: Do we need approval from Transtejo" in _answer(draft, "risks")


def test_what_we_pitched_is_the_idea(freight_call: Draft) -> None:
    # should flag: "what we pitched: DeclareAPI, an API that ..." was no idea, and the draft had no name
    release = freight_call.press_release
    assert release.headline.startswith("DeclareAPI")
    assert "DeclareAPI is an API that reads the shipper's commercial invoice" in release.summary


def test_an_item_after_a_question_is_its_own_not_the_questions_answer() -> None:
    # should flag: "Will clients mind reminders? (the notes add: GDPR rules for storing client emails)"
    draft = _draft("- name: Tally\n"
                   "- open questions: will clients mind reminders? GDPR rules for storing client emails\n")
    assert "the notes add" not in _answer(draft, "risks")
    assert "GDPR rules for storing client emails" in _answer(draft, "my data")
    assert "Will clients mind reminders?" in _answer(draft, "risks")


# -- several plans, each with its price ---------------------------------------------------------------
def test_every_plan_on_its_own_line_is_priced() -> None:
    # should flag: only "Solo: £12 a month for up to 5 staff" was kept, as "Pricing: Solo: £12 ..."
    draft = _fixture("price-tiers-sub-bullets-rotas.md")
    said = ("Its plans are Solo at £12 a month for up to 5 staff, Crew at £29 a month for up to 20 staff "
            "and Group at £59 a month for multi-site.")
    assert said in draft.press_release.call_to_action
    assert _answer(draft, "How much") == said
    assert "Pricing: Solo:" not in draft.press_release.call_to_action


@pytest.mark.parametrize(("price", "said"), [
    ("Starter £19/month (1 user), Team £49/month (5 users), Practice £99/month (unlimited users)",
     "Its plans are Starter at £19 a month (1 user), Team at £49 a month (5 users) and Practice at £99 a "
     "month (unlimited users)."),
    # should pass: one price, or two rates without plan names, are said as they were
    ("$9/month per building; $79/month for up to 10 buildings",
     "It costs $9 a month per building; $79 a month for up to 10 buildings."),
    ("€4 per delivery, paid by the courier", "It costs €4 per delivery, paid by the courier."),
])
def test_plans_on_one_line_are_said_as_plans(price: str, said: str) -> None:
    draft = _draft(f"- name: Tallyo\n- price: {price}\n- launch: Leeds, June 2027\n")
    assert said in draft.press_release.call_to_action


# -- a label that says what an amount is ----------------------------------------------------------------
def test_a_budget_ceiling_keeps_its_label() -> None:
    # should flag: "£40k a year per council, they said anything above needs cabinet sign-off." (whose? what?)
    draft = _fixture("council-call-budget-ceiling.md")
    economics = _answer(draft, "economics")
    assert economics.startswith("The budget ceiling is £40k a year per council; they said anything above needs "
                                "cabinet sign-off.")
    assert "£40k" not in draft.press_release.call_to_action  # a ceiling is no price


def test_a_plain_budget_label_is_no_ceiling() -> None:
    # should pass: "budget: ..." says nothing the amount does not
    economics = _answer(_draft("- name: CoverCall\n- budget: £2,000 per school per year\n"), "economics")
    assert "The budget" not in economics and "£2,000 per school per year" in economics


# -- the name the notes give, over a meeting's title ----------------------------------------------------
def test_the_idea_lines_name_beats_the_meetings_title() -> None:
    # should flag: "# Kickoff: courier lockers" made the product "Kickoff", and the idea read
    # "Kickoff gives them what the notes sum up as: LockBox, parcel lockers ..."
    draft = _fixture("kickoff-title-lockers.md")
    release = draft.press_release
    assert release.headline == "LockBox for couriers in Ghent"
    assert "LockBox gives them parcel lockers in apartment lobbies that couriers open with a one-time code." in \
        release.summary
    assert release.solution.startswith("With LockBox, couriers in Ghent get parcel lockers in apartment lobbies")
    assert _answer(draft, "How does").startswith("LockBox gives couriers in Ghent parcel lockers")
    assert "Kickoff" not in release.summary + release.solution and "sum up as" not in release.summary


@pytest.mark.parametrize(("notes", "name"), [
    # should pass: a title that is only the name still names it when the idea line names nothing
    ("# ShelfSense\n- idea: camera per shelf, counts stock\n- who: corner shops in Leeds\n", "ShelfSense"),
    ("# Interviews: laundromats\n- idea: SpinWatch, a sensor that tells the owner when a machine stops\n",
     "SpinWatch"),
])
def test_the_name_comes_from_the_right_line(notes: str, name: str) -> None:
    assert _draft(notes).press_release.headline.startswith(name)


# -- a clipped idea line, said in sentences ---------------------------------------------------------------
def test_a_clipped_idea_line_is_said_in_sentences() -> None:
    # should flag: "Roomly gives them what the notes sum up as: room sensor + auto-release after 10 min."
    # and a customer "office managers in Lyon: meeting rooms booked but empty"
    release = _fixture("clipped-idea-room-sensor.md").press_release
    assert "Roomly gives them a room sensor and auto-release after 10 minutes." in release.summary
    assert release.solution.startswith("With Roomly, office managers in Lyon get a room sensor and auto-release")
    assert release.headline == "Roomly for office managers in Lyon"
    assert "sum up as" not in release.summary + release.solution


@pytest.mark.parametrize(("idea", "said"), [
    ("embedded maturity sensor, reads strength from the slab, the super sees it on their phone",
     "Slabwise gives them an embedded maturity sensor. It reads strength from the slab. The super sees it on their "
     "phone."),
    ("solar lantern, paid in daily installments of KSh 30, owned outright after 12 months",
     "Slabwise gives them a solar lantern. It is paid in daily installments of KSh 30. It is owned outright after 12 "
     "months."),
    ("app w/ live rota, carer confirms each change w/ one tap",
     "Slabwise gives them an app with live rota. The carer confirms each change with one tap."),
])
def test_each_part_of_a_clipped_idea_is_a_sentence(idea: str, said: str) -> None:
    release = _draft(f"- name: Slabwise\n- who: site managers in Leeds\n- idea: {idea}\n").press_release
    assert said in release.summary


@pytest.mark.parametrize("idea", [
    # should pass: parts that are no thing, no doing and no clause are left as the notes say them
    "apply on a map, drop a pin on the spot, pay, permit in 48 hrs",
    "boats book a berth online, harbour master sees a live plan of the pontoons",
])
def test_a_clipped_idea_that_names_no_thing_is_not_reworded(idea: str) -> None:
    release = _draft(f"- name: Slabwise\n- who: site managers in Leeds\n- idea: {idea}\n").press_release
    assert "gives them a" not in release.summary and "gives them an" not in release.summary


# -- a support-ticket export with product notes under it ------------------------------------------------
@pytest.fixture(scope="module")
def tickets() -> Draft:
    return _fixture("ticket-export-greenhouse-sensor.md")


def test_a_versioned_name_line_is_the_idea_and_what_we_will_not_do_is_not(tickets: Draft) -> None:
    # should flag: "ThermoPatch gives them what the notes sum up as: we will not do automatic vent control in v2."
    release = tickets.press_release
    assert "ThermoPatch gives them a clip-on greenhouse sensor with a LoRa radio and a 2-year battery. It alerts by " \
           "SMS and push when temperature crosses a limit." in release.summary
    assert "will not do" not in release.summary + release.solution + _answer(tickets, "How does")
    assert "We will not do automatic vent control in v2." in _answer(tickets, "not do")


def test_one_ticket_customers_name_is_not_the_customer(tickets: Draft) -> None:
    # should flag: "ThermoPatch for de Vries Kwekerij" (a ticket's customer column, one business)
    release = tickets.press_release
    assert "Kwekerij" not in release.headline + release.subheading + release.summary


def test_where_it_ships_from_is_not_where_it_launches(tickets: Draft) -> None:
    # should flag: "Eindhoven — April 2027" from "ships to Dutch growers in April 2027 from our Eindhoven warehouse"
    release = tickets.press_release
    assert release.dateline.endswith("April 2027 —")
    assert "Eindhoven" not in release.dateline + release.call_to_action


@pytest.mark.parametrize("who", ["Dental Clinics", "small bakeries in Lisbon", "Care homes in Leeds"])
def test_a_kind_of_customer_in_capitals_is_still_the_customer(who: str) -> None:
    # should pass
    assert who.lower() in _draft(f"- name: Tally\n- customer: {who}\n").press_release.subheading.lower()


# -- a council's survey free text, and a one-pager with a table of plans -----------------------------------
def test_a_two_word_name_before_a_dash_is_the_whole_name() -> None:
    # should flag: "Permit for residents" / "Permit gives them what the notes sum up as: Permit Renew — renew ..."
    release = _fixture("survey-free-text-permits.md").press_release
    assert release.headline == "Permit Renew for residents"
    assert "With Permit Renew, you renew a resident parking permit online in 5 minutes" in release.summary
    assert "sum up as" not in release.summary


@pytest.mark.parametrize(("line", "name"), [
    # should pass: a coined name and the kind of thing it is, or a name and a plural, keep the name alone
    ("RouteLedger API — pushes every delivery to the forwarder's ERP", "RouteLedger"),
])
def test_a_coined_name_then_its_kind_is_the_coined_name(line: str, name: str) -> None:
    headline = _draft(f"- idea: {line}\n- who: freight forwarders in Pune\n").press_release.headline
    assert headline.startswith(f"{name} ") and not headline.startswith(f"{name} API")


def test_a_table_of_plans_gives_every_plan_with_its_column() -> None:
    # should flag: "It costs €9 a month." (the Pack plan lost, and what each plan covers)
    draft = _fixture("emoji-one-pager-plans-table.md")
    said = "Its plans are Solo at €9 a month (up to 5 dogs) and Pack at €19 a month (up to 15 dogs)."
    assert said in draft.press_release.call_to_action
    assert _answer(draft, "How much") == said


def test_a_table_comparing_ideas_is_no_table_of_plans() -> None:
    # should pass: rows naming the product and long cells are ideas compared, not its plans
    notes = ("| idea | price | who | verdict |\n|---|---|---|---|\n"
             "| Ledgerly | UGX 5,000 per group per month | village savings groups in northern Uganda | GO |\n"
             "| Susu Box | GHS 20 a month | susu collectors in Accra who carry cash home | killed |\n")
    assert "plans are" not in _draft(notes).press_release.call_to_action


# -- notes in Portuguese and Spanish ------------------------------------------------------------------------
@pytest.fixture(scope="module")
def vets() -> Draft:
    return _fixture("portuguese-labels-vet-reminders.md")


def test_portuguese_labels_place_each_line(vets: Draft) -> None:
    # should flag: "WhatsApp" as the name, no date ("março de 2027"), no partner, no open question,
    # and "— [TBD: customer's name], Dra. Ana, clínica em Batel"
    release = vets.press_release
    assert release.headline == "VetLembra for veterinários em Curitiba"
    assert release.dateline == "Curitiba — March 2027 —"
    assert release.customer_quote.endswith("— Dra. Ana, clínica em Batel")
    assert "Zenvia" in _answer(vets, "depend on")
    assert "Open question in the notes: As clínicas aceitam pagar por mês?" in _answer(vets, "risks")
    assert "lembretes por WhatsApp" in release.summary


def test_spanish_interview_notes_name_their_customers_and_problem() -> None:
    # should flag: "Entrevistas" as the name, no customer and no problem
    release = _fixture("spanish-interviews-laundromats.md").press_release
    assert release.headline == "SpinWatch for dueños de lavanderías en Madrid"
    assert release.problem.startswith("Dueños de lavanderías en Madrid pierden clientes cuando las máquinas fallan.")


@pytest.mark.parametrize(("text", "date"), [("lanzamiento: el 3 de mayo de 2027", "3 May 2027"),
                                            ("lançamento: março de 2027", "March 2027")])
def test_spanish_and_portuguese_dates_read_in_english(text: str, date: str) -> None:
    assert _draft(f"- name: Tally\n- {text}\n").press_release.dateline.endswith(f"{date} —")


def test_an_english_group_line_is_not_read_as_another_language() -> None:
    # should pass: "bakers in Leeds lose ..." is found as before, English words kept
    assert "For bakers in Leeds" in _draft("- bakers in Leeds lose 10% of bread\n").press_release.subheading


# -- who leads it, said in passing or under a heading ------------------------------------------------------
@pytest.mark.parametrize(("notes", "leader"), [
    # should flag: both had "— [TBD: leader's name and title]"
    ("- idea: DentaPing sends WhatsApp reminders\n- led by Marta Silva, product lead\n", "Marta Silva, product lead"),
    ("# Pawpost\n## Solution\nPawpost sends the owner a live map of the walk.\n## 👤 Owner\nFemke Jansen — founder\n",
     "Femke Jansen, founder"),
])
def test_the_leader_said_in_passing_or_under_a_heading(notes: str, leader: str) -> None:
    assert _draft(notes).press_release.leader_quote.endswith(f"— {leader}")


def test_the_rollout_notes_leader() -> None:
    assert _fixture("rollout-after-pilot-dental.md").press_release.leader_quote.endswith("— Marta Silva, product lead")


def test_a_customer_with_a_title_is_no_leader() -> None:
    # should pass: a customer quoted with a title after a dash is a customer, not who leads it
    notes = '- idea: Tally files receipts\n- "I lose a day a month to receipts" — Jo Park, founder of Park & Co\n'
    assert "Jo Park" not in _draft(notes).press_release.leader_quote


# -- a rollout after a pilot ----------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["rollout-after-pilot-dental.md", "rollout-no-launch-word-dental.md"])
def test_the_rollout_after_a_pilot_is_the_launch(name: str) -> None:
    # should flag: "Porto — March 2027" (the pilot's date, from a rollout line with no launch word) and
    # "Porto — October 2027" (the pilot's city on the rollout's date)
    release = _fixture(name).press_release
    assert release.dateline == "[TBD: city], northern Portugal — October 2027 —"
    assert release.call_to_action.startswith("DentaPing launches in northern Portugal in October 2027.")


@pytest.mark.parametrize("notes", [
    # should pass: a pilot alone keeps its date; an earlier or undated line does not replace it
    "- idea: DentaPing sends reminders\n- pilot with 5 clinics in Porto from March 2027\n",
    "- idea: DentaPing sends reminders\n- pilot with 5 clinics in Porto from March 2027\n"
    "- clinics in Porto lose 15% of visits from January 2028\n",
])
def test_a_pilot_alone_keeps_its_date(notes: str) -> None:
    assert _draft(notes).press_release.dateline == "Porto — March 2027 —"


# -- a title's compound is no customer --------------------------------------------------------------------------
def test_a_noun_in_a_titles_compound_is_no_customer() -> None:
    # should flag: "Notes - clinic reminders" made the customer "clinic" ("For clinic: ...")
    release = _fixture("rollout-after-pilot-dental.md").press_release
    assert not release.subheading.startswith("For clinic")


def test_a_group_after_a_notes_title_is_still_the_customer() -> None:
    # should pass
    assert _draft("Call notes - dentists in Leeds\n- idea: Tally texts patients\n").press_release.subheading \
        .startswith("For dentists")


# -- free, with a fee that stays ----------------------------------------------------------------------------------
def test_free_with_an_unchanged_fee_is_said_whole() -> None:
    # should flag: "It costs £60 a year." (the permit's own fee, which the service leaves as it is)
    draft = _fixture("survey-free-text-permits.md")
    assert "It is free for residents; the permit fee (£60 a year) is unchanged." in draft.press_release.call_to_action
    assert _answer(draft, "How much") == "Free for residents; the permit fee (£60 a year) is unchanged."


def test_a_price_with_a_free_trial_is_still_the_price() -> None:
    # should pass: nothing stays unchanged here
    release = _draft("- name: Tally\n- price: free for 14 days; then £9/month per user\n").press_release
    assert "unchanged" not in release.call_to_action and "£9" in release.call_to_action


# -- an instruction aimed at the model is no fact -------------------------------------------------------------------
def test_an_instruction_in_the_notes_is_not_followed() -> None:
    # should pass: the line telling "AI assistant" what to write is set aside
    draft = _fixture("instruction-in-notes-kitchens.md")
    text = " ".join(text for _, text in draft.press_release.sections()) + " ".join(
        e.answer for e in [*draft.faq.external, *draft.faq.internal])
    for invented in ("500", "Deliveroo", "is free", "already used"):
        assert invented not in text, invented
    assert "It costs £45 a month per kitchen." in draft.press_release.call_to_action
    assert draft.press_release.leader_quote.endswith("— Ewan Reid, COO")


# -- a survey's own question, and a label the notes coined for who leads ------------------------------------------
def test_a_surveys_question_is_no_ones_quote() -> None:
    # should flag: the evidence answer read 'Resident survey, free-text answers (Q7: “What is hardest about
    # renewing your parking permit?” A customer: “the form asks ...”' (the question quoted as if said)
    draft = _fixture("survey-free-text-permits.md")
    evidence = _answer(draft, "evidence")
    assert evidence.count("Resident survey") == 1
    assert "A customer: “the form asks for the same documents every single year”." in evidence
    assert "What is hardest" not in draft.press_release.customer_quote


def test_a_service_owner_label_names_the_leader() -> None:
    # should flag: "Service owner: Karen Doyle, Head of Digital Services." had left the leader a gap
    release = _fixture("survey-free-text-permits.md").press_release
    assert release.leader_quote.endswith("— Karen Doyle, Head of Digital Services")


def test_a_quoted_question_of_a_customer_is_still_a_quote() -> None:
    # should pass: a customer's own question, with who asked it, stays their words
    notes = '- idea: Tally files receipts\n- "Why do I still type every receipt by hand?" — Jo Park, bookkeeper\n'
    assert "Why do I still type" in _draft(notes).press_release.customer_quote


# -- the problem told in the customer's words -------------------------------------------------------------------
def test_a_call_whose_problem_is_only_in_quotes_says_it_in_their_words(freight_call: Draft) -> None:
    # should flag: The problem read "They handle about 1,200 declarations a month." (a volume, no problem)
    problem = freight_call.press_release.problem
    assert problem.startswith("In Dana Whitfield's words: “We re-key every customs declaration")
    assert "1,200" not in problem
    assert "we eat the demurrage" in freight_call.press_release.customer_quote


@pytest.mark.parametrize(("text", "problem"), [
    ("If a code is wrong the container sits in port and we eat the demurrage", True),
    # should pass: the right word is no problem
    ("we picked the right code for every container", False),
])
def test_an_error_and_a_cost_absorbed_name_a_problem(text: str, problem: bool) -> None:
    from assistant.draft.offline import _names_a_problem

    assert _names_a_problem(text) is problem


def test_a_first_name_quoted_is_named_as_the_notes_introduce_them(freight_call: Draft) -> None:
    # should flag: "— Dana" (the attendees line says "Dana Whitfield (Kestrel, ops director)")
    assert freight_call.press_release.customer_quote.endswith("— Dana Whitfield, Kestrel, ops director")


def test_a_first_name_nobody_introduces_stays_as_it_is() -> None:
    # should pass
    notes = '- idea: Tally files receipts\n- Jo: "I lose a whole day a month typing receipts"\n'
    assert _draft(notes).press_release.customer_quote.endswith("— Jo")


# -- a thing, then what it does: two sentences, not one run on with a comma ---------------------------------------
def test_a_thing_then_what_it_does_is_two_sentences() -> None:
    # should flag: "With Lambwatch, farmers get a thermal camera in the lambing shed, alerts the farmer's phone ..."
    draft = _draft("- name: Lambwatch\n- who: sheep farmers in Wales\n"
                   "- idea: a thermal camera in the lambing shed, alerts the farmer's phone when a lamb is down\n")
    release = draft.press_release
    said = "a thermal camera in the lambing shed. It alerts the farmer's phone when a lamb is down."
    assert f"Lambwatch gives them {said}" in release.summary
    assert release.solution.startswith(f"With Lambwatch, sheep farmers in Wales get {said}")
    assert _answer(draft, "How does").startswith(f"Lambwatch gives sheep farmers in Wales {said}")


def test_a_list_whose_last_item_follows_and_stays_one_sentence() -> None:
    # should pass: "one calendar that syncs ..., and texts the cleaner ..." is one sentence
    release = _draft("- name: Hutbook\n- who: farmers with holiday huts\n- idea: one calendar that syncs Airbnb "
                     "and the farm's site, and texts the cleaner the changeover times\n").press_release
    assert "Hutbook is one calendar that syncs Airbnb and the farm's site, and texts the cleaner the changeover " \
           "times." in release.summary


# -- "the idea is X which ..." -------------------------------------------------------------------------------------
def test_the_idea_is_name_which_does_reads_as_the_name_doing_it() -> None:
    # should flag: "Cuewise is the idea is Cuewise which snaps the subtitles ..."
    notes = ("- who: subtitle translators\n"
             "- the idea is Cuewise which snaps the subtitles to the shot changes automatically\n")
    release = _draft(notes).press_release
    assert "Cuewise snaps the subtitles to the shot changes automatically." in release.summary
    assert release.solution.startswith("Cuewise snaps the subtitles")
    assert "the idea is" not in release.summary + release.solution


# -- a voice memo's hesitations -------------------------------------------------------------------------------------
def test_a_voice_memos_um_is_no_idea_and_its_hesitations_are_dropped() -> None:
    # should flag: "Pondpulse gives them um." / "With Pondpulse, koi keepers get um."
    release = _fixture("voice-memo-hesitations-hives.txt").press_release
    assert "Pondpulse is a floating probe in the pond." in release.summary
    assert "It pings your phone when the oxygen drops." in release.solution
    assert " um" not in release.summary + release.solution
    assert "you, uh, you" not in release.problem


def test_only_hesitations_and_doubled_small_words_are_dropped() -> None:
    # should pass: a note without hesitations is left as it is
    from assistant.draft.offline import _fluent

    assert _fluent("a, um, a little sensor") == "a little sensor"
    assert _fluent("the the report") == "the report" and _fluent("a note") == "a note"


# -- the name alone, then what it does --------------------------------------------------------------------------------
def test_a_bold_name_alone_then_what_it_does() -> None:
    # should flag: "With Rotaly, head chefs get Rotaly. Chefs drag ..." (the name said as what they get)
    notes = ("Head chefs build the rota on paper; chefs swap shifts by text.\n\n"
             "Proposal: **Rotaly**. Chefs drag a shift to swap it; the app tells the head chef who is short.\n")
    release = _draft(notes).press_release
    assert release.solution.startswith("With Rotaly, chefs drag a shift to swap it.")
    assert "get Rotaly" not in release.summary + release.solution


# -- a bold lead that labels a line ------------------------------------------------------------------------------------
def test_a_bold_tldr_lead_is_no_part_of_the_sentence() -> None:
    # should flag: "... asking "is she ok?" TL;DR Dog walkers in Amsterdam lose clients ..."
    problem = _fixture("emoji-one-pager-plans-table.md").press_release.problem
    assert "Dog walkers in Amsterdam lose clients because owners don't know what happened on the walk." in problem
    assert "TL;DR" not in problem


def test_a_bold_name_at_the_start_is_kept() -> None:
    # should pass: a bold product name is no label
    from assistant.draft.offline import sentence

    assert sentence("**LessonLock** Pupils book a slot") == "LessonLock Pupils book a slot."
    assert sentence("**Summary:** Vets lose 12% of visits") == "Vets lose 12% of visits."


# -- a sentence of the product's that says its price -------------------------------------------------------------------
def test_the_products_price_sentence_is_not_its_idea() -> None:
    # should flag: "Tillcast gives them would be included in the Merchant Pro plan (£19 a month) ..."
    draft = _fixture("strategy-memo-priced-sentence-tills.md")
    release = draft.press_release
    assert "Tillcast is a next-day order forecast built from the café's own till data" in release.summary
    assert "would be included" not in release.summary + release.solution + _answer(draft, "How does")


def test_a_price_said_of_the_product_is_its_price() -> None:
    # should flag: "It costs [TBD: price]." ("Tillcast would be included in the Merchant Pro plan (£19 a month)")
    assert "It costs £19 a month." in _fixture("strategy-memo-priced-sentence-tills.md").press_release.call_to_action
