"""Note shapes the offline drafter reads (issue 15 item 6): decorated labels, property tables,
prices in words, names mid-prose and placeholders, terse launch lines, quote attributions, ideas
written as sentences. Each rule has a case it must act on and one it must leave alone."""

from __future__ import annotations

import pytest

from assistant.documents import parse_document
from assistant.draft.claims import number_claims
from assistant.draft.facts import extract_facts, label_topic, mixed_label, placeholder
from assistant.draft.money import has_money
from assistant.draft.offline import draft_offline, our_price


def _facts(notes: str):
    return extract_facts(parse_document(notes, path="n.md"))


def _release(notes: str):
    return draft_offline(parse_document(notes, path="n.md")).press_release


# -- labels ------------------------------------------------------------------------------------
@pytest.mark.parametrize(("notes", "who"), [
    ("*Who:* dispatchers at rural ambulance services\n*Problem:* calls take 4 min to route\n", "dispatchers"),
    ("👥 **For:** swim coaches at council pools\n😩 **Problem**\nLane bookings clash 2 times a week.\n",
     "swim coaches"),
    ("| Field | Value |\n|---|---|\n| Customer | beekeeping clubs |\n| Price | £3 per hive |\n", "beekeeping clubs"),
    ("quién: dueños de panaderías\nproblema: pierden 10% del pan\n", "dueños de panaderías"),
])
def test_a_decorated_or_tabled_or_foreign_label_still_labels(notes: str, who: str) -> None:
    customer = _facts(notes).customer
    assert customer is not None and who in customer


def test_a_short_line_with_a_value_does_not_head_a_section() -> None:
    notes = "[09:01] sam: working name Fernbox\n[09:02] sam: seed libraries lend 300 packets a month\n"
    assert _facts(notes).product_name == "Fernbox"
    # ... while a section line in capitals or title case still heads the lines below it
    statements = _facts("WHAT WE HEARD\n- growers lose 1 in 5 trays\n").statements
    assert statements[0].topic == "heard"


def test_a_label_naming_several_parts_leaves_each_line_to_its_cues() -> None:
    assert mixed_label("PRICE / WHEN / WHERE") and label_topic("PRICE / WHEN / WHERE") is None
    assert not mixed_label("Customer / users") and label_topic("Launch plan") == "launch"
    release = _release("Idea: Kelpie - a feed planner for sheep farmers\nPRICE / WHEN / WHERE\n- £9 a month\n"
                       "- Inverness first, May 2027\n")
    assert release.dateline.startswith("Inverness") and "£9" in release.call_to_action


# -- names -------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["TODO", "[TBD]", "tbc", "n/a", "???", "None yet"])
def test_a_placeholder_is_never_a_name(name: str) -> None:
    assert placeholder(name)
    assert _facts(f"Name: {name}\nFor: ferry freight clerks\n").product_name is None


@pytest.mark.parametrize("word", ["Tally", "Ringside", "Stagehand"])
def test_a_real_name_is_not_a_placeholder(word: str) -> None:
    assert not placeholder(word)


@pytest.mark.parametrize(("notes", "name"), [
    ("Bakers guess the morning bake. The concept: Doughcast. It reads last month's sales.\n", "Doughcast"),
    ("so the idea is Cuewise which snaps subtitles to shot changes\n", "Cuewise"),
])
def test_the_idea_named_mid_prose_is_the_name(notes: str, name: str) -> None:
    assert _facts(notes).product_name == name


def test_an_ordinary_word_after_the_idea_is_is_not_a_name() -> None:
    assert _facts("The idea is Simple, which means one screen for the owner.\n").product_name is None


# -- price -------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "money"), [
    ("about fifteen dollars a month", True), ("twenty-five euros per seat", True), ("three shops", False),
    ("forty minutes a day", False),
])
def test_a_price_in_words_is_money(text: str, money: bool) -> None:
    assert has_money(text) is money


def test_a_sentence_opening_with_an_amount_per_unit_is_the_price() -> None:
    facts = _facts("Couriers deliver the meds. R45 per delivery, paid by the patient or their medical aid.\n")
    assert our_price(facts) == "R45 per delivery"


def test_a_corrected_amount_is_the_later_one() -> None:
    facts = _facts("We said we'd charge twelve dollars per box, no, sorry, fifteen dollars per box.\n")
    assert our_price(facts) == "fifteen dollars per box"


def test_a_price_after_the_idea_is_ours_before_a_cost_ahead_of_it() -> None:
    notes = ("- the laundry charges €1.10 per kg\n- idea: a tag on each towel counts them in and out\n"
             "- €0.40 per room per month\n")
    assert our_price(_facts(notes)) == "€0.40 per room per month"


def test_what_customers_pay_before_the_idea_is_not_our_price() -> None:
    notes = "Owners pay €200 a month for a cleaner.\nIdea: a rota app that texts the cleaner.\n"
    assert our_price(_facts(notes)) is None


# -- launch ------------------------------------------------------------------------------------
@pytest.mark.parametrize(("line", "city", "date"), [
    ("£30/month, Lerwick, June 2027", "Lerwick", "June 2027"),
    ("£15 a month per van, Truro, from Easter 2027.", "Truro", "Easter 2027"),
])
def test_a_terse_line_of_price_place_and_date_is_the_launch(line: str, city: str, date: str) -> None:
    release = _release(f"Idea: Kelpie - a feed planner for sheep farmers\n{line}\n")
    assert release.dateline == f"{city} — {date} —"


def test_a_feast_in_the_date_is_not_a_place() -> None:
    release = _release("Idea: Kelpie - a feed planner\nLaunch: Truro, from Easter 2027\n")
    assert "Easter in" not in release.call_to_action and "at Easter 2027" in release.call_to_action


@pytest.mark.parametrize(("text", "month"), [("marzo 2027", "3"), ("juillet 2027", "7"), ("März 2027", "3")])
def test_a_month_in_another_language_is_a_date(text: str, month: str) -> None:
    dates = [claim for claim in number_claims(f"lanzamiento: {text}") if claim.kind == "date"]
    assert dates and dates[0].date is not None and dates[0].date[1] == month


def test_an_iso_day_date_launches_on_it() -> None:
    assert "on 2027-05-03" in _release("Idea: Kelpie - a feed planner\nLaunch: Zurich, 2027-05-03\n").call_to_action


# -- quotes ------------------------------------------------------------------------------------
@pytest.mark.parametrize(("notes", "speaker"), [
    ('"I bin a third of the loaves every night," says Ada Moss, owner of Moss Bakery.\n', "Ada Moss"),
    ('"The phone never stops on a Monday morning" Omar Said said.\n', "Omar Said"),
    ('When we rode along with Priya she said: "I wait two hours at the rank for one fare."\n', "Priya"),
])
def test_who_said_a_quote_after_it_or_before_he_said(notes: str, speaker: str) -> None:
    quotes = _facts(notes).quotes
    assert quotes and quotes[0].speaker == speaker


def test_a_quote_with_no_one_named_has_no_speaker() -> None:
    quotes = _facts('- "we lose a day a week to it" (heard twice)\n').quotes
    assert quotes and quotes[0].speaker is None


# -- customer ----------------------------------------------------------------------------------
@pytest.mark.parametrize(("notes", "who"), [
    ("Kelpie - notes\n- crofting co-ops in the Highlands\n- feed runs out 1 week in 4\n", "crofting co-ops"),
    ("Had lunch with four dog groomers this week. They lose 3 hours a week to no-shows.\n", "dog groomers"),
    ("Tidecard: prepaid pass for island commuters, Orkney\n", "island commuters"),
    ("[10:07] tom: owners of small climbing gyms\n[10:08] tom: members book by text\n", "owners of small climbing"),
])
def test_who_the_customer_is_from_prose_and_terse_notes(notes: str, who: str) -> None:
    customer = _facts(notes).customer
    assert customer is not None and who in customer


@pytest.mark.parametrize("notes", [
    "Translators working for streaming vendors fix timecodes by hand.\n",  # who they work for
    "A sticker for printers, 3 per pack.\n",  # a thing ending in -ers
])
def test_who_they_work_for_or_a_thing_is_not_the_customer(notes: str) -> None:
    customer = _facts(notes).customer
    assert customer is None or ("vendors" not in customer and "printers" not in customer)


# -- the idea reads as a sentence ----------------------------------------------------------------
def test_an_idea_with_its_own_subject_reads_after_with() -> None:
    release = _release("Name: Pillpost\nIdea: the pharmacy packs the month's meds in a sealed bag\n")
    assert "Pillpost is the pharmacy" not in release.summary and "get the pharmacy" not in release.solution
    assert "With Pillpost, the pharmacy packs" in release.solution


def test_an_idea_that_is_a_noun_phrase_is_what_they_get() -> None:
    release = _release("Name: Tagline\nFor: hotel housekeepers\nIdea: a sensor that reports the linen count\n")
    assert "Tagline is a sensor that reports" in release.summary


def test_the_words_announcing_the_idea_are_not_repeated() -> None:
    release = _release("Bookkeepers sort receipts for hours. The idea is a photo inbox: traders snap receipts.\n")
    assert "the idea is" not in release.summary.lower() and "a photo inbox" in release.summary


def test_the_naming_sentence_that_says_what_it_does_is_the_idea() -> None:
    release = _release("The idea, which we've named Savaari, lets hotels call the nearest driver.\n"
                       "Drivers pay ₹10 per ride. Hotels pay nothing.\n")
    assert "Savaari lets hotels call the nearest driver" in release.summary
    assert "pay nothing" not in release.summary


def test_a_leader_label_is_not_the_idea() -> None:
    facts = _facts("Name: Earlink\nHead of product: Karin Lund\nIdea: batteries posted before they run out\n")
    assert facts.leader is not None and facts.leader.name == "Karin Lund" and facts.leader.title == "Head of product"


def test_a_launch_month_without_a_year_is_said_in_the_notes_words() -> None:
    release = _release("Idea: Kelpie - a feed planner for sheep farmers\nWe go live in Oban next March.\n")
    assert release.dateline == "Oban — next March [TBD: launch date] —"  # the year is asked for
    assert "in Oban next March" in release.call_to_action
    # a month with its year is the date as before
    assert _release("Idea: Kelpie - a feed planner\nWe go live in Oban in March 2027.\n").dateline == \
        "Oban — March 2027 —"


def test_a_foreign_month_is_named_in_english_in_the_release() -> None:
    release = _release("Idea: Fiado - a credit book for corner shops\nlanzamiento: Cali, marzo 2027\n")
    assert release.dateline == "Cali — March 2027 —"


@pytest.mark.parametrize(("notes", "who"), [
    ('- "Sundays go on working out who owes me" - Bev, dog groomer, Hull\n- 1 in 6 clients pay late\n',
     "dog groomers"),
    ("Beekeepers who sell at markets keep asking for the same thing.\n", "Beekeepers"),
])
def test_who_the_customer_is_from_a_quoted_role_or_a_who_clause(notes: str, who: str) -> None:
    assert _facts(notes).customer == who


def test_a_quoted_member_is_not_the_customer() -> None:
    assert _facts('- "I never get a slot" - Jo, member, Leeds\n').customer is None


def test_a_quote_labelled_as_a_quote_is_said_by_the_person_speaking_above() -> None:
    notes = ("Owner Mara Lind says the queue runs to 40 minutes. She estimates 1 in 8 walk out.\n"
             'Quote from the call: "We measure the same feet every single winter."\n')
    quotes = _facts(notes).quotes
    assert quotes and quotes[0].speaker == "Mara Lind"


def test_a_speakers_label_still_names_the_speaker() -> None:
    quotes = _facts('Dev Patel, shop owner: "we lose the whole Monday to rota changes"\n').quotes
    assert quotes and quotes[0].speaker == "Dev Patel"


def test_people_by_trade_from_the_word_list_are_a_customer() -> None:
    customer = _facts("Club secretaries are volunteers who lose 6 hours a week to fixtures.\n").customer
    assert customer is not None and customer.lower() == "club secretaries"


def test_a_wanted_target_figure_is_not_glued_after_who_want() -> None:
    release = _release("Repairs take 9 days from report to fix, owners want under 5.\n")
    assert "want under 5" not in release.subheading
    assert "who want a text when" in _release("Owners want a text when the plumber is booked.\n").subheading


def test_a_bare_subject_in_shorthand_gets_its_article_after_with() -> None:
    release = _release("Name: Tallyvan\nIdea: driver photographs the docs in the cab, the office gets the invoice\n")
    assert "With Tallyvan, the driver photographs the docs" in release.summary


@pytest.mark.parametrize(("notes", "described"), [
    ("So the idea, we said we'd call it Coldmark, is a little logger that beeps. Okay that's it, call you later.\n",
     "Coldmark is a little logger that beeps"),
    ("We pitched the idea we've been calling Pickwise internally: the scanner reorders the list by aisle.\n",
     "With Pickwise, the scanner reorders the list by aisle"),
    ("PR/FAQ idea: Glovebag, keeps your MOT and tax dates in one place.\n", "Glovebag keeps your MOT"),
])
def test_the_naming_sentence_describes_the_product(notes: str, described: str) -> None:
    summary = _release(notes).summary
    assert described in summary and "call you later" not in summary


def test_a_sign_off_is_not_the_idea() -> None:
    release = _release("We're calling it Coldmark: a logger for cool boxes.\nOkay that's it, call you later.\n")
    assert "call you later" not in release.summary + release.solution


def test_it_would_be_an_amount_is_our_price() -> None:
    assert our_price(_facts("Traders snap receipts. It would be £6 a month per trader, billed to the bookkeeper.\n")) \
        == "£6 a month per trader"


def test_the_situation_after_a_name_label_and_before_the_idea_is_the_problem() -> None:
    notes = ("Name: Earbud\nAt the clinic in Uppsala, 35% of incoming calls are about batteries.\n"
             "Earbud sends the clinic a low-battery alert.\n")
    assert "35%" in _release(notes).problem


def test_a_european_dotted_date_and_a_lowercase_city_known_elsewhere_fill_the_dateline() -> None:
    notes = ("Problem: riders at bike-share schemes in Lyon find empty docks 1 time in 3\n"
             "Idea: DockSense predicts empty docks 20 min ahead\nLaunch: lyon, 05.03.2027\n")
    release = _release(notes)
    assert release.dateline == "Lyon — 5 March 2027 —"
    assert "riders at bike-share schemes in Lyon" in release.summary and "20 minutes ahead" in release.summary
    # a lowercase word that is no place named elsewhere stays out of the dateline
    assert _release("Idea: DockSense predicts empty docks\nLaunch: pilot, 05.03.2027\n").dateline.startswith("[TBD")


def test_a_value_proposition_label_is_the_idea() -> None:
    release = _release("Product name: Chairly\nValue prop: two-way SMS reminders that rebook cancellations\n")
    assert "value prop" not in release.summary.lower() and "two-way SMS reminders" in release.summary


_MEETING = ("Product sync 14/11\nAttendees: Raj, Mei, Tom\n"
            "- Raj: customers (independent gyms) keep asking for a way to freeze memberships\n"
            "- Mei: 30% of cancellations are people who only wanted a pause\n"
            "- agreed to call it PauseButton\n- members pause for 1-3 months from the app\n"
            "- target launch: end of June 2027, Austin\n")


def test_meeting_notes_read_past_the_attendees_names() -> None:
    facts = _facts(_MEETING)
    assert facts.customer == "independent gyms"
    assert not any(s.text.startswith(("Raj:", "Mei:")) for s in facts.statements)
    release = _release(_MEETING)
    assert "30% of cancellations" in release.problem
    assert "With PauseButton, members pause for 1-3 months" in release.summary


def test_a_name_label_that_is_no_attendee_still_labels() -> None:
    facts = _facts("Attendees: Raj, Mei\nShelfSense: a camera per shelf, counts stock\n")
    assert facts.product_name == "ShelfSense"


def test_an_emails_open_in_a_city_a_comma_before_said_and_a_library_town() -> None:
    notes = ("Quick summary. Cafés throw away about 8% of milk each week. One owner, Ben Ode of Ode Coffee, said "
             "\"I only find out we're out of oat milk when a customer asks for it.\"\n"
             "We're calling it 'Tally': staff tap what they used at closing.\nWe open in Bristol in Q2 2027.\n")
    release = _release(notes)
    assert release.dateline == "Bristol — Q2 2027 —" and "Ben Ode" in release.customer_quote
    assert _release("Idea: Fernbox - a seed kiosk\nPilot at Portland Public Library, spring 2027.\n").dateline \
        .startswith("Portland —")
    # "open in the evening" is no launch
    assert _release("Idea: Fernbox - a seed kiosk\nLibraries open in the evening.\n").dateline.startswith("[TBD")


def test_a_template_of_labels_headline_customer_quote_how_and_available_from() -> None:
    notes = ("Headline: Tessera helps tile installers quote a bathroom in ten minutes\n"
             "Customer quote: \"I used to spend Sunday evenings measuring photos\" - Luca Bianchi, tile installer\n"
             "Who: self-employed tile installers in Belgium\n"
             "How: the installer walks the room with the phone camera\n"
             "Available from 1 March 2027 in Ghent and Bruges\n")
    facts = _facts(notes)
    assert facts.customer == "self-employed tile installers in Belgium"  # not the quote
    release = _release(notes)
    assert release.dateline == "Ghent — 1 March 2027 —" and "Available" not in release.call_to_action
    assert "[TBD" in release.getting_started  # "tile installers" is no "install" step


def test_a_question_labels_its_answer() -> None:
    notes = ("Q: Who did we talk to?\nA: 14 wedding photographers in Lisbon.\nQ: What hurts?\n"
             "A: Culling 3,000 photos takes about 6 hours.\nQ: What would we build?\n"
             "A: Culla, an app that picks the sharpest shots.\nQ: Price?\nA: €19 a month.\n"
             "Q: When?\nA: Lisbon, June 2027.\n")
    facts = _facts(notes)
    assert facts.customer == "wedding photographers in Lisbon" and facts.product_name == "Culla"
    release = _release(notes)
    assert "6 hours" in release.problem and release.dateline == "Lisbon — June 2027 —"
    assert "What hurts" not in release.problem


@pytest.mark.parametrize("label", ["GTM", "Go-to-market", "ETA", "Release date"])
def test_go_to_market_and_eta_label_the_launch(label: str) -> None:
    release = _release(f"Codename: Birch\nSolution: staff log a special order once\n{label}: Melbourne bookshops "
                       "first, from February 2027\n")
    assert release.dateline == "Melbourne — February 2027 —"


def test_outside_a_launch_line_a_capitalised_first_word_is_not_a_place() -> None:
    release = _release("Idea: Birch - special orders for bookshops\nPilot: Facilitator picks Birch, May 2027\n")
    assert not release.dateline.startswith("Facilitator")


# -- a kickoff page's labels (written after heldout3's aggregate was last read) ------------------
KICKOFF = (
    '## Kickoff — "Tidewater" (working title)\n\n'
    "Attendees: Mara (PM), Jonas (eng), Lee (sales)\n\n"
    "Context: harbour masters at small marinas track berth bookings on paper + phone. Peak season they "
    "double-book ~1 in 20 berths (Lee's survey of 14 marinas in Maine).\n\n"
    "What we'd build: a booking page per marina, boaters pick a berth on a map, harbour master approves "
    "from phone.\n\n"
    "Money: $60/month per marina, first season free\n"
    "Target: launch in Portland, Maine for May 2028 season opening\n"
)


def test_a_quoted_name_before_working_title_is_the_name_not_the_meeting() -> None:
    assert _facts(KICKOFF).product_name == "Tidewater"
    assert _facts("## Kickoff notes\n\nVowbook (working name) keeps wedding vows in one place.\n").product_name \
        == "Vowbook"


def test_context_money_what_wed_build_and_a_launch_target_are_labels() -> None:
    release = _release(KICKOFF)
    assert release.headline.startswith("Tidewater")
    assert "Portland" in release.dateline and "2028" in release.dateline
    assert "launch" not in release.subheading.lower()  # "Target:" here is the launch, not the customer
    assert "$60" in release.call_to_action
    assert "paper" in release.problem


def test_a_target_label_naming_people_is_still_the_customer() -> None:
    assert label_topic("Target") == "customer"
    customer = _facts("Target: harbour masters at small marinas\nProblem: double bookings in peak season\n").customer
    assert customer is not None and "harbour masters" in customer


EMAIL = (
    "Subject: Re: vet clinic reminder idea\n\nHi all,\n\n"
    "Following up on Tuesday. The short version: small vet clinics lose a lot of revenue to missed vaccine "
    "boosters. At Riverside Vets about 35% of boosters are more than a month late.\n\n"
    "What I'd propose is PawPing, a WhatsApp reminder that goes out 2 weeks before a booster is due.\n\n"
    "We could charge £79 a month per clinic. I'd like to pilot in Leeds from September 2027.\n\n"
    'Dr. Amira Shah at Riverside told me: "If it fills even half the booster gaps it pays for itself."\n\n'
    "Cheers,\nTom\n"
)


def test_an_email_proposal_names_describes_and_quotes() -> None:
    facts = _facts(EMAIL)
    assert facts.product_name == "PawPing"  # not WhatsApp, a technology it uses
    assert facts.customer is not None and "vet clinics" in facts.customer  # not "boosters", a thing
    release = _release(EMAIL)
    assert "PawPing is a WhatsApp reminder" in release.solution
    assert release.customer_quote.endswith("— Dr. Amira Shah, Riverside")  # "Dr." does not end a sentence


@pytest.mark.parametrize(("text", "parts"), [
    ("Dr. Amira Shah told me. It works.", 2), ("We met Jo. Then we left.", 2), ("He is in St. Louis. Yes.", 2),
])
def test_a_title_or_abbreviation_does_not_end_a_sentence(text: str, parts: int) -> None:
    from assistant.draft.facts import _sentence_spans

    assert len(_sentence_spans(text, 0, len(text))) == parts


CALLS = (
    "# customer calls — laundromat owners\n\n"
    "- 9 owners interviewed (Ohio, Indiana)\n"
    "- machines break and owners find out when a customer complains, sometimes 2-3 days later\n"
    "- idea: clip-on sensor per machine + text alert when it stops drawing power during a paid cycle\n"
    "- $12/machine/month, sensor free\n"
    "- partner w/ a laundry distributor for installs (talked to Dexter Laundry rep)\n"
    "- launch Columbus OH, Feb 2028\n"
)


def test_the_title_says_whom_the_calls_were_with() -> None:
    assert _facts(CALLS).customer == "laundromat owners"  # not "9 owners interviewed"


def test_a_partner_who_installs_is_a_dependency_not_how_to_get_started() -> None:
    draft = draft_offline(parse_document(CALLS, path="n.md"))
    assert "distributor" not in draft.press_release.getting_started
    started = next(entry for entry in draft.faq.external if entry.topic == "getting_started")
    assert "distributor" not in started.answer


PITCH = (
    "Every Saturday, youth football coaches in Bristol spend the morning texting parents to find out who can "
    "play. Rostr lets a coach post the match once; parents tap in or out, and the coach sees a live squad count "
    "by Thursday night. Clubs would pay £5 per team per month. We want to open it to the 40 clubs in the league "
    "for the spring 2028 season. The league secretary, Gareth Owen, said \"if it stops one forfeit a month the "
    "clubs will sign up tomorrow.\"\n"
)


def test_a_one_paragraph_pitch_keeps_its_price_its_whole_idea_and_no_remark_as_a_first_step() -> None:
    release = _release(PITCH)
    assert "£5 per team per month" in release.call_to_action  # with no idea line, what clubs would pay
    assert "parents tap in or out" in release.solution.lower()  # the semicolon does not cut the idea
    assert "Gareth" not in release.getting_started  # "the clubs will sign up tomorrow" is a remark
