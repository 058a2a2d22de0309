"""The offline drafter keeps each voice in its place (issue draft10): a call transcript's customer
turns are the customer's words, quoted as theirs, never printed as the release's own "we" and "I"."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.documents import parse_document
from assistant.draft.facts import extract_facts
from assistant.draft.models import Draft
from assistant.draft.offline import draft_offline

NOTES = Path(__file__).parent / "fixtures" / "notes"


def _draft(name: str) -> Draft:
    return draft_offline(parse_document((NOTES / name).read_text(encoding="utf-8"), path=name))


def _unquoted(text: str) -> str:
    return re.sub(r"“[^”]*”", " ", text)


# -- a transcript's customer turns are quoted as theirs in The problem -------------------------------
@pytest.mark.parametrize(("name", "who", "said"), [
    ("phone-call-transcript-bakery.txt", "In a caller's words:", "“Saturday we run out by 11"),
    ("call-dental-recalls.txt", "In Dana's words:", "“Half of them just never come back."),
])
def test_a_callers_first_person_problem_is_quoted_not_narrated(name: str, who: str, said: str) -> None:
    problem = _draft(name).press_release.problem
    assert who in problem and said in problem
    # the release's own sentences never speak as the caller ("We're a Berlin bakery chain", "my brother")
    assert not re.search(r"(?i)\b(?:I|I'd|I'm|we|we're|our|my)\b", _unquoted(problem)), problem
    assert "[TBD: a customer's own words" not in problem  # every quoted turn is in the notes as written


# -- a lean canvas: its title names the product, its bold boxes head their sections ------------------
@pytest.mark.parametrize(("name", "product", "customer"), [
    ("lean-canvas-gyms-bold.md", "LiftLog", "independent gyms in Manchester"),  # "Lean Canvas: LiftLog"
    ("lean-canvas-baby-kit.md", "CribShare", "new parents in Dublin"),  # "LEAN CANVAS — CribShare (v2)"
])
def test_a_canvas_title_names_the_product_and_its_boxes_head_sections(name: str, product: str,
                                                                      customer: str) -> None:
    release = _draft(name).press_release
    assert release.headline.startswith(product), release.headline
    assert "Lean" not in release.headline
    # "**Customer Segments**" on a line of its own heads the box below it, as "## Customer Segments" does
    assert customer in release.subheading, release.subheading


# -- a value proposition said as an order ("Stop losing ...") is what the customer gets ---------------
@pytest.mark.parametrize(("name", "promise"), [
    ("lean-canvas-gyms-bold.md", "stop losing members you never knew were drifting away."),
    ("lean-canvas-baby-kit.md", "rent baby kit by the month, swap it when the baby grows."),
])
def test_an_imperative_value_proposition_is_the_subheading_and_reads_as_a_sentence(name: str, promise: str) -> None:
    release = _draft(name).press_release
    assert release.subheading.endswith(f": {promise}"), release.subheading
    assert "[TBD: what they get" not in release.subheading
    assert "sum up as" not in release.summary and f"you {promise}" in release.summary  # never glued after "gives them"
    assert "sum up as" not in release.solution
    assert "Stop losing" not in release.problem  # the promise is no problem statement


# -- ... said once more in "How it works" only when the notes say nothing of how ----------------------
def test_how_it_works_says_how_not_the_subheadings_promise_again() -> None:
    gyms = _draft("lean-canvas-gyms-bold.md").press_release
    assert gyms.solution.startswith("Check-in data flags members who haven't visited in 10 days"), gyms.solution
    assert "stop losing" not in gyms.solution
    # "Value proposition: Stop spending your mornings ...": the customer stops, not the product
    cover = _draft("value-prop-your-mornings.md").press_release
    for part in (cover.headline, cover.summary, cover.solution):
        assert "CoverCall stops" not in part, part
    assert "With CoverCall, you stop spending your mornings phoning supply teachers." in cover.summary
    assert cover.solution.startswith("[TBD: what the customer does with the product"), cover.solution


# -- a canvas's CHANNELS box: how we reach the customers, in the market answer -----------------------
@pytest.mark.parametrize(("name", "reach"), [
    ("lean-canvas-gyms-bold.md",
     "We plan to reach them through gym owner Facebook groups and the UK Active trade show in March."),
    ("lean-canvas-baby-kit.md", "the Rotunda and Holles Street."),
])
def test_a_canvas_channels_box_says_how_we_reach_the_customers(name: str, reach: str) -> None:
    draft = _draft(name)
    market = next(e.answer for e in draft.faq.internal if e.topic == "market")
    assert "We plan to reach them through " in market and reach in market, market
    assert "[TBD: how many such customers there are]" in market  # the channels are no count of the market


# -- "Launch Portland, Oregon in June 2027": the launch word opens the line, the city follows ----------
def test_a_launch_word_before_the_city_leaves_the_city_in_the_dateline() -> None:
    release = _draft("launch-verb-place-kegs.md").press_release
    assert release.dateline == "Portland — June 2027 —", release.dateline
    assert "launches in Portland in June 2027" in release.call_to_action, release.call_to_action


# -- "Care homes in Leeds: night staff miss ...": the staff of those businesses --------------------
def test_a_business_kind_before_a_colon_is_where_the_staff_work() -> None:
    release = _draft("colon-lead-care-homes.md").press_release
    assert "night staff at care homes in Leeds" in release.subheading, release.subheading
    assert release.problem.startswith("At care homes in Leeds, night staff miss medication rounds"), release.problem


# -- one city, one name: "Lisboa" in the launch line, "Lisbon" in the English words ------------------
def test_a_city_written_both_ways_is_named_the_english_way_everywhere() -> None:
    release = _draft("bilingual-bakeries-lisbon.md").press_release
    assert release.dateline == "Lisbon — March 2027 —", release.dateline
    assert "launches in Lisbon in March 2027" in release.call_to_action
    assert "Lisboa" not in release.headline + release.dateline + release.summary + release.call_to_action


def test_a_city_written_one_way_is_kept_as_written() -> None:
    notes = ("padarias em Lisboa deitam fora 20% do pão\nIdea: Migalha lists leftover bread for neighbours\n"
             "Launch: Lisboa, março 2027\n")
    release = draft_offline(parse_document(notes, path="notes.md")).press_release
    assert release.dateline == "Lisboa — March 2027 —", release.dateline


# -- "Our idea, SitSafe: sitters keep ...": the name, then a sentence whose subject is the customers -----
def test_an_idea_named_after_a_comma_reads_as_a_sentence() -> None:
    release = _draft("idea-comma-name-sitters.md").press_release
    assert release.headline.startswith("SitSafe"), release.headline
    assert "With SitSafe, sitters keep their own clients and get paid by card." in release.summary, release.summary
    assert "gives them" not in release.summary and " get sitters keep" not in release.solution
    assert "our idea" not in (release.summary + release.solution).lower()


# -- "ListaYa: students tap their phone ...": the name, then a sentence of its own --------------------
def test_a_name_then_a_sentence_with_its_own_subject_is_the_idea() -> None:
    release = _draft("call-notes-language-schools.md").press_release
    assert "With ListaYa, students tap their phone on an NFC card at the door." in release.solution, release.solution
    assert "[TBD: what the customer does with the product" not in release.solution


# -- "Marta (runs 3 language schools in Valencia)": the kind of business she runs is the customer -------
@pytest.mark.parametrize(("name", "customer"), [
    ("call-notes-language-schools.md", "language schools in Valencia"),  # not "teachers"
    ("call-dental-recalls.txt", "dental practices in Cork"),  # "I manage two dental practices in Cork"
])
def test_the_businesses_a_person_runs_are_the_customer(name: str, customer: str) -> None:
    release = _draft(name).press_release
    assert release.headline.endswith(f"for {customer}") and f"For {customer}:" in release.subheading, \
        (release.headline, release.subheading)


# -- bare price lines and no idea line: a rate per quantity gives way to a price per period after it ----
def test_a_bare_rate_per_quantity_gives_way_to_a_later_price_per_period() -> None:
    draft = _draft("bare-prices-ice-crates.md")  # "€0.30 per kg" (the ice they buy), then "€12 per stall per month"
    assert "It costs €12 per stall per month." in draft.press_release.call_to_action
    price = next(e.answer for e in draft.faq.external if e.topic == "price")
    assert "€0.30" not in price and "€12" in price, price


# -- a name of two capitalised words keeps its capitals inside a sentence ------------------------------
def test_a_two_word_name_keeps_its_capitals_after_a_colon() -> None:
    draft = _draft("ticket-summary-rent.md")
    data = next(e.answer for e in draft.faq.external if e.topic == "data")
    assert "A risk the notes name: Open Banking consent expires every 90 days." in data, data


# -- "**Top theme (38% of tickets):** landlords in Glasgow can't see ...": the sentence, its figure after --
def test_a_labelled_theme_gives_its_people_and_reads_as_their_sentence() -> None:
    release = _draft("ticket-summary-rent.md").press_release
    assert release.headline == "RentRadar for landlords in Glasgow", release.headline
    assert "Landlords in Glasgow can't see which tenant paid rent late until the bank statement arrives " \
           "(38% of tickets)." in release.problem, release.problem
    assert "Top theme" not in release.problem


# -- notes in Portuguese and English: the Portuguese labels, and the English the notes give in brackets --
def test_mixed_language_notes_use_their_labels_and_their_english_gloss() -> None:
    release = _draft("mixed-portuguese-bakeries.md").press_release
    assert release.headline.startswith("PãoCerto"), release.headline  # "ideia: PãoCerto predicts ..."
    assert "For bakeries in Lisbon:" in release.subheading, release.subheading
    assert release.problem.startswith("Bakeries in Lisbon throw away 12% of bread every day."), release.problem
    assert release.dateline == "Lisbon — October 2027 —", release.dateline


def test_a_price_in_the_notes_language_keeps_its_unit() -> None:
    release = _draft("mixed-portuguese-bakeries.md").press_release  # "preço €35/mês por loja"
    assert "It costs €35 a month per loja." in release.call_to_action, release.call_to_action


# -- a Notion page: its emoji title names the product; "Who pays: X, not Y — €18 per bike per month" -------
def test_a_notion_page_names_the_product_and_its_payer_line_gives_customer_and_price() -> None:
    release = _draft("notion-kickoff-couriers.md").press_release
    assert release.headline == "Fleetfix for courier companies", release.headline  # "# 🚲 Fleetfix — kickoff"
    assert "It costs €18 per bike per month." in release.call_to_action, release.call_to_action


# -- a founder's voice memo: "what I want to do is PlotQueue, people join the list online and ..." -------
def test_a_memo_names_the_product_and_says_what_people_do_with_it() -> None:
    release = _draft("voice-memo-allotments.txt").press_release
    assert release.headline == "PlotQueue for allotment societies", release.headline
    assert "With PlotQueue, people join the list online and when a plot frees up" in release.summary, release.summary
    assert "GDPR" not in release.summary + release.solution  # an open check is no description of the product


def test_time_spent_in_evenings_is_the_problem_not_a_price() -> None:
    release = _draft("voice-memo-allotments.txt").press_release
    assert "spends two evenings a month phoning down it" in release.problem, release.problem


def test_a_founders_guess_at_what_customers_would_pay_is_the_price() -> None:
    release = _draft("voice-memo-allotments.txt").press_release  # "I reckon societies would pay forty pounds a year"
    assert "It costs forty pounds a year." in release.call_to_action, release.call_to_action


def test_a_spoken_word_after_the_price_is_no_part_of_it() -> None:
    release = _draft("phone-call-transcript-bakery.txt").press_release  # "Not more than €80 a month per shop though."
    assert "It costs €80 a month per shop." in release.call_to_action, release.call_to_action


# -- the FAQ quotes a caller's turn as theirs too --------------------------------------------------------
@pytest.mark.parametrize(("name", "said"), [
    ("phone-call-transcript-bakery.txt", "In a caller's words: “Our supplier is Rosenmühle, they'd have to take"),
    ("call-dental-recalls.txt", "In Dana's words: “I'd pay €49 a month per practice for that, easily.”"),
])
def test_a_callers_words_in_the_faq_are_quoted_as_theirs(name: str, said: str) -> None:
    draft = _draft(name)
    answers = " ".join(e.answer for e in [*draft.faq.external, *draft.faq.internal])
    assert said in answers, answers
    assert not re.search(r"(?:^|\. )(?:I'd|Our supplier|If something told me)\b", answers), answers
    assert "[TBD: a customer's own words" not in answers


def test_the_price_after_a_dash_on_the_payer_line_is_not_who_the_customer_is() -> None:
    draft = _draft("notion-kickoff-couriers.md")
    market = next(e.answer for e in draft.faq.internal if e.topic == "market")
    assert market.startswith("Courier companies, not riders.") and "€18" not in market, market


# -- a pilot's date is not the launch's when the notes give both -------------------------------------
def test_a_pilot_before_the_launch_is_not_the_launch_date() -> None:
    release = _draft("timeline-supply-cover.md").press_release
    assert release.dateline.startswith("Bristol — Sept 2027"), release.dateline
    said = "SubCover launches in Bristol in Sept 2027, after a pilot in March 2027 with 3 schools."
    assert release.call_to_action.startswith(said), release.call_to_action


def test_a_price_on_the_line_after_a_date_is_the_price() -> None:
    # "... in Sept 2027\n- $15 a month": the year and the price are two figures, not the range "2027-15"
    release = _draft("timeline-supply-cover.md").press_release
    assert "It costs $15 a month per school." in release.call_to_action, release.call_to_action


@pytest.mark.parametrize(("date", "shown"), [
    ("Sept 2027", "Sept 2027"), ("Sep. 2027", "Sep. 2027"), ("mid-Oct 2027", "mid-Oct 2027"),
    ("Apr. 2027", "Apr. 2027"),
    ("early Sept 2027", "early Sept 2027"), ("end of Mar 2027", "end of Mar 2027"),
    # a year cut to two digits is the notes' shorthand: the dateline writes it out, and asks nothing
    ("late Nov '27", "late Nov 2027"), ("Oct ’27", "Oct 2027")])
def test_an_abbreviated_or_partial_month_is_the_launch_date(date: str, shown: str) -> None:
    notes = f"# Notes\n- shop owners in Porto lose track of credit tabs\n- going live in Porto {date}\n- €9 a month\n"
    draft = draft_offline(parse_document(notes, path="notes.md"))
    assert draft.press_release.dateline.startswith(f"Porto — {shown} —"), draft.press_release.dateline
    assert "launch date" not in draft.press_release.dateline
    assert "'27" not in draft.press_release.call_to_action and "\u201927" not in draft.press_release.call_to_action
    assert all(item.supported for item in draft.grounding.items if item.kind == "date")
    assert date not in draft.press_release.problem  # "late Nov" is a date, not something running late


def test_a_target_that_opens_with_a_date_is_the_launch_not_the_customer() -> None:
    release = _draft("target-date-first-tabs.md").press_release
    assert release.dateline.startswith("Porto — mid-Oct 2027"), release.dateline
    assert "mid-Oct" not in release.subheading and "mid-Oct" not in release.headline
    assert "Opening to" not in release.problem, release.problem


# -- notes in two languages: the leader's verb and a one-risk label in the other language ------------
def test_a_leader_named_in_another_language_speaks_for_it() -> None:
    draft = _draft("mixed-pt-en-laundromats.md")  # "Inês Costa (CEO) vai liderar o projeto"
    assert draft.press_release.leader_quote.endswith("— Inês Costa, CEO"), draft.press_release.leader_quote


@pytest.mark.parametrize(("line", "name", "title"), [
    ("Inês Costa (CEO) will lead it.", "Inês Costa", "CEO"),
    ("María López, directora de operaciones, va a liderar el lanzamiento", "María López", "directora de operaciones"),
    ("Jonas Weber (Head of Ops) leitet das Projekt", "Jonas Weber", "Head of Ops"),
])
def test_a_leader_with_a_title_beside_the_name_is_found(line: str, name: str, title: str) -> None:
    notes = f"# Notes\n- shop owners in Porto lose track of credit tabs\n- {line}\n"
    leader = extract_facts(parse_document(notes, path="notes.md")).leader
    assert leader is not None and (leader.name, leader.title) == (name, title), leader


def test_one_risk_labelled_in_another_language_is_a_risk() -> None:
    draft = _draft("mixed-pt-en-laundromats.md")  # "risco: some machines are older than 20 years ..."
    risks = next(e.answer for e in draft.faq.internal if e.topic == "risks")
    assert risks.startswith("Some machines are older than 20 years and have no power port."), risks


# -- a call with one person: the interviewer's one line is the idea, the title says who the customer is
def test_an_interviewer_who_speaks_once_is_still_the_interviewer() -> None:
    release = _draft("call-head-teacher-cover.md").press_release
    for part in (release.summary, release.solution):
        assert "Interviewer" not in part, part  # never glued after "It gives them"
        assert "a tool that books supply teachers in one text message" in part, part
    # the customer's first-person turn is quoted as theirs, not narrated in the release's voice
    assert release.problem.startswith("In Tom's words: “Covering a sick teacher takes me 45 minutes"), release.problem


@pytest.mark.parametrize(("title", "customer"), [
    ("# Call notes: Tom Reyes, head teacher, Bristol", "head teachers in Bristol"),
    ("Interview with Ana Silva (café owner, Porto)", "café owners in Porto"),
    ("# Call with Dr. Mina Patel, dentist", "dentists"),
])
def test_a_title_naming_the_person_met_and_their_role_says_who_the_customer_is(title: str, customer: str) -> None:
    notes = f"{title}\n\nTom: covering a sick colleague takes me 45 minutes every morning\n"
    assert extract_facts(parse_document(notes, path="notes.md")).customer == customer


# -- what a customer would pay at most is economics, never our price nor the benefit quote -----------
@pytest.mark.parametrize("name", ["price-ceiling-quote.md", "call-head-teacher-cover.md"])
def test_a_customers_price_ceiling_is_economics_not_the_price_or_the_quote(name: str) -> None:
    draft = _draft(name)
    release = draft.press_release
    assert "$20" not in release.call_to_action and "$20" not in release.customer_quote, release.customer_quote
    assert "$20" not in release.problem, release.problem
    economics = next(e.answer for e in draft.faq.internal if e.topic == "economics")
    assert "never pay more than $20 a month" in economics, economics
    assert re.search(r"never pay more than \$20 a month[^”]*”[.]? Still open", economics) or \
        "$20 a month. Still open" in economics, economics  # a sentence ends before the placeholder


# -- notes of bare lines: the line naming a product's parts is the idea; a cost to "a salon" says who --
def test_bare_lines_give_the_idea_and_the_customer() -> None:
    release = _draft("bare-lines-grooming.md").press_release
    assert "a booking page with a €10 deposit and reminders by text the day before." in release.solution, \
        release.solution
    assert "grooming salons" in release.subheading, release.subheading
    assert "[TBD: what the customer does with the product" not in release.solution
    assert "booking page" not in release.problem  # the idea is no problem


def test_an_idea_for_the_customer_is_not_said_for_them_twice() -> None:
    release = _draft("idea-noun-phrase-fridge.md").press_release  # "Idea: a shared fridge ledger for flatmates"
    assert release.solution.startswith("With FridgeLedger, flatmates in Leeds get a shared fridge ledger."), \
        release.solution


# -- notes in Spanish and English: "Notas" is no name, "comisión" is the price ------------------------
def test_notes_titled_in_another_language_keep_the_products_name() -> None:
    release = _draft("mixed-es-climbing-ropes.md").press_release  # "Notas — mercado de segunda mano ..."
    assert release.headline.startswith("CuerdaCheck"), release.headline
    assert "Notas" not in release.summary
    assert "It costs 8% per sale." in release.call_to_action, release.call_to_action  # "comisión: 8% por venta"
    # the customers as the Spanish line names them ("escaladores en Madrid venden cuerdas ..."), never
    # "With X, [TBD: who ...] get ..."
    assert release.solution.startswith("With CuerdaCheck, escaladores en Madrid get a marketplace where each rope "
                                       "comes with"), release.solution


# -- a nonprofit's service: the name, then what it is; free, and who pays for it ----------------------
def test_a_named_thing_is_what_the_product_is_and_free_stays_the_price() -> None:
    draft = _draft("nonprofit-food-bank-shifts.md")
    release = draft.press_release
    # "What we'd build: ShiftShare, a sign-up link volunteers tap to claim a shift, ...": a noun phrase
    assert "ShiftShare is a sign-up link volunteers tap to claim a shift" in release.summary, release.summary
    assert "With ShiftShare, a sign-up link" not in release.solution, release.solution
    # "Free for food banks; funded by a £40k grant from the Co-op Foundation."
    assert "It is free for food banks." in release.call_to_action, release.call_to_action
    economics = next(e.answer for e in draft.faq.internal if e.topic == "economics")
    assert "Funded by a £40k grant from the Co-op Foundation." in economics, economics


# -- meeting minutes: agenda items head their notes; the attendee list says who the leader is ---------
def test_minutes_agenda_items_attendees_and_languages_are_read_as_such() -> None:
    release = _draft("minutes-dora-register.md").press_release
    assert "Problem recap" not in release.problem, release.problem  # "1. Problem recap" heads its sub-items
    assert "compliance officers at mid-size EU fintechs" in release.subheading, release.subheading
    # "Carla will own the launch", "Attendees: ..., Carla Mendes (VP Product)"
    assert release.leader_quote.endswith("— Carla Mendes, VP Product"), release.leader_quote
    # "launch Frankfurt, Q1 2027, German and English": the languages are no places
    assert release.call_to_action.startswith("RegLog launches in Frankfurt in Q1 2027."), release.call_to_action


# -- a gadget: its announcing words go, a supplier is a dependency, not what the customer needs -------
def test_a_gadgets_lead_in_and_its_supplier_stay_out_of_the_customers_answers() -> None:
    draft = _draft("hardware-hive-sensor.md")
    assert "HiveTemp is a coin-sized temperature and humidity sensor" in draft.press_release.summary
    assert "the gadget" not in draft.press_release.summary + draft.press_release.solution
    works_with = next(e.answer for e in draft.faq.external if e.topic == "compatibility")
    assert "Shenzhen" not in works_with, works_with
    depends = next(e.answer for e in draft.faq.internal if e.topic == "dependencies")
    assert "Shenzhen board maker quoted 8 weeks lead time." in depends, depends


def test_a_headline_stops_before_a_notes_next_item() -> None:
    release = _draft("minutes-dora-register.md").press_release
    assert release.headline == "RegLog pulls incidents from Jira and PagerDuty into a DORA-ready register", \
        release.headline  # not "..., export to the regulator's template"


# -- a chat thread: its filler words are no customer, "what if we do X" is the idea -------------------
def test_a_chats_filler_words_and_its_what_if_are_read_as_such() -> None:
    release = _draft("slack-thread-vaccine-fridges.md").press_release
    # not "For so the pharmacies ..."
    assert release.subheading.startswith("For pharmacies in Nairobi:"), release.subheading
    # "throw away vaccines when the fridge fails": the customers' loss, in The problem, not our risk
    assert release.problem.startswith("The pharmacies in Nairobi we visited throw away vaccines"), release.problem
    assert not re.search(r"(?:^|\. )(?:So|And) ", release.problem), release.problem
    # "what if we do a €15 clip-on thermometer that sends an SMS ..."
    assert "FridgeWatch is a €15 clip-on thermometer that sends an SMS" in release.summary, release.summary


# -- an e-mail: another business's price is no price of ours; the commission is ----------------------
def test_an_agencys_price_is_not_ours_and_the_commission_is() -> None:
    draft = _draft("email-tutor-marketplace.md")
    release = draft.press_release
    assert "It costs 10% of each booking." in release.call_to_action, release.call_to_action
    assert "£45" not in release.call_to_action
    assert "parents of GCSE students in Leeds" in release.subheading, release.subheading
    data = next(e.answer for e in draft.faq.external if e.topic == "data")
    assert "private tutors" not in data, data  # "private tutors" say nothing about data


def test_a_share_counted_in_the_notes_is_evidence_of_the_problem() -> None:
    draft = _draft("nonprofit-food-bank-shifts.md")  # "Last quarter 1 in 5 Saturday shifts ran short-staffed ..."
    evidence = next(e.answer for e in draft.faq.internal if e.topic == "problem")
    assert "1 in 5 Saturday shifts ran short-staffed" in evidence, evidence
    # a time of day is no share: "in 10 minutes" stays out
    notes = "- riders wait 1 in 10 minutes at the depot\n- DepotPing texts riders\n"
    assert "evidence" not in extract_facts(parse_document(notes, path="n.md")).statements[0].topics


# -- a voice memo in one breath: its sentences are placed one by one ----------------------------------
def test_a_dictated_paragraph_gives_its_idea_problem_and_customer() -> None:
    release = _draft("voice-memo-market-stalls.txt").press_release
    # "the idea is a little till app ... . we'd charge like eight pounds a month. start at the Stroud ..."
    assert "a little till app on their phone that logs each sale" in release.solution, release.solution
    assert "eight pounds" not in release.solution and "Stroud" not in release.solution
    # "they have no idea what sold": a problem, not an idea
    assert "they have no idea what sold until they count at night" in release.problem, release.problem
    assert "threw out about forty pounds of cheese" in release.problem, release.problem
    assert release.subheading.startswith("For stallholders:"), release.subheading


def test_a_target_group_labelled_in_german_is_the_customer() -> None:
    notes = ("Zielgruppe: Kfz-Werkstätten mit 2-6 Hebebühnen in München\n"
             "Idee: Werkstattplaner schickt dem Kunden automatisch eine SMS, wenn der Auftrag fertig ist\n")
    facts = extract_facts(parse_document(notes, path="n.md"))
    assert facts.customer == "Kfz-Werkstätten mit 2-6 Hebebühnen in München"
    assert [s.topic for s in facts.statements] == ["customer", "idea"]


def test_an_idea_in_another_language_is_said_in_the_notes_words_not_glued() -> None:
    release = _draft("german-labels-garages.md").press_release  # "Idee: Werkstattplaner schickt dem Kunden ..."
    for part in (release.summary, release.solution):
        assert "In the notes' words: Werkstattplaner schickt dem Kunden automatisch eine SMS" in part, part
        assert "gives them schickt" not in part and "get schickt" not in part


def test_an_argument_is_a_problem_and_the_idea_is_not_for_them_twice_in_the_summary() -> None:
    release = _draft("bullets-fridge-arguments.md").press_release
    assert "Flatmates in Leeds argue about who ate what." in release.problem, release.problem
    # "... introduces [name] for flatmates in Leeds. It is a shared fridge ledger.", not "... for flatmates" again
    assert "It is a shared fridge ledger." in release.summary, release.summary


def test_a_name_asked_once_is_no_open_question() -> None:
    draft = _draft("slack-thread-vaccine-fridges.md")  # "call it FridgeWatch? price KES 1,500/month per fridge"
    risks = next(e.answer for e in draft.faq.internal if e.topic == "risks")
    assert "call it FridgeWatch" not in risks and "Open question in the notes: price" not in risks, risks
    assert "It costs KES 1,500 a month per fridge." in draft.press_release.call_to_action
