"""Issue 15, item 6: each note line goes where it belongs, in note shapes the drafter was not tuned
on (bracket tags, key=value dumps, an e-mail with a signature, council minutes, interview notes).
Each test reads the draft as a reviewer would: the headline's name, the dateline's city and date,
the section a fact lands in, and sentences that read as sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.documents import parse_document
from assistant.draft.claims import number_claims
from assistant.draft.facts import extract_facts
from assistant.draft.grounding import placeholder_for
from assistant.draft.models import Draft
from assistant.draft.offline import draft_offline

NOTES = Path(__file__).parent / "fixtures" / "notes"


def _draft(text: str, path: str = "n.md") -> Draft:
    return draft_offline(parse_document(text, path=path))


@pytest.fixture(scope="module")
def interpreters() -> Draft:
    name = "bracket-tags-clinic-interpreters.md"
    return draft_offline(parse_document((NOTES / name).read_text(encoding="utf-8"), path=name))


# -- bracket tags ("[WHO]", "[PAIN]") are labels ---------------------------------------------------
def test_bracket_tags_place_each_line(interpreters: Draft) -> None:
    release = interpreters.press_release
    assert release.headline.startswith("Tolkly for small GP practices in Rotterdam")
    assert release.dateline == "Rotterdam — 1 October 2027 —"  # "[WHEN] ..., 1. October 2027", the city from [WHO]
    assert "1 in 5" in release.problem and "€3" not in release.problem
    assert release.call_to_action.startswith("Tolkly launches in Rotterdam on 1 October 2027. It costs €3 per call")
    risks = next(e.answer for e in interpreters.faq.internal if "risks" in e.question)
    assert "doctors may not trust" in risks.lower() and "GGD" in risks
    depends = next(e.answer for e in interpreters.faq.internal if "depend" in e.question)
    assert "Globe Talk" in depends  # "[x] partner: ...": a checklist's ticked box is a bullet, its label read


# -- where it launches, when the launch line names no place ----------------------------------------
@pytest.mark.parametrize(("notes", "city"), [
    # another line says where it starts
    ("- name: Ferrybox\n- launch: early Q2 '27\n- start in Cork, then Galway\n- price: €9/month", "Cork"),
    # the customers' city, when nothing else says where
    ("Q: who\nA: small dental practices in Tartu\nQ: when\nA: 3 May 2027\nQ: name\nA: Hambu", "Tartu"),
    # a key=value dump's "launch_city"
    ("product=Hambu\nlaunch_city=Tartu\nlaunch_date=3.5.2027\nprice=€9/month", "Tartu"),
])
def test_the_dateline_city_comes_from_another_line(notes: str, city: str) -> None:
    assert _draft(notes).press_release.dateline.startswith(f"{city} — ")


def test_no_city_is_taken_when_the_notes_say_there_is_none() -> None:
    notes = ("- who: bus operators in Tartu\n- launch: 3 May 2027, nationwide, no single launch city\n"
             "- name: Hambu")
    assert extract_facts(parse_document(notes, path="n.md")).launch_places == []


def test_a_company_after_at_is_no_fallback_city() -> None:
    facts = extract_facts(parse_document("- launch: May 2027\n- pilot at Walmart first\n", path="n.md"))
    assert facts.launch_places == []


# -- dates as notes write them ----------------------------------------------------------------------
@pytest.mark.parametrize(("text", "date"), [
    ("launch: early Q2 '27", "early Q2 '27"), ("start Zürich, 1. September 2027", "1. September 2027"),
    ("go-live Sept '27", "Sept '27")])
def test_short_years_and_dotted_days_are_dates(text: str, date: str) -> None:
    assert [c.text for c in number_claims(text) if c.kind == "date"] == [date]


def test_a_numbered_item_is_not_a_day() -> None:
    assert [c.text for c in number_claims("1. March 2027: launch in Leeds") if c.kind == "date"] == ["March 2027"]


# -- a gap's label keeps the notes' letters -----------------------------------------------------------
def test_a_gap_label_keeps_non_ascii_letters() -> None:
    text = "It costs €30 for each Kühlschrank."
    claim = next(c for c in number_claims(text) if c.kind == "price")
    assert placeholder_for(claim, text) == "[TBD: price of kühlschrank, with its source]"


# -- who said a quote, however the notes attribute it ---------------------------------------------
@pytest.mark.parametrize(("notes", "speaker"), [
    ('Q: quote (from Inês, director at Escola Ribeira)\nA: "we lose the whole first week reshuffling"', "Inês"),
    ('- 🗣️ "metade da minha manhã é WhatsApp" (= half my morning is WhatsApp) — Bruno, owns a surf school',
     "Bruno"),
    ('- q (Hạnh, owner of a tailor shop): "half my remakes are for customers abroad"', "Hạnh"),
    ('Customer quote (Lika, owner of a pet hotel): "I became a photographer instead of a carer"', "Lika"),
    ('Nok: quote from Ploy (owner, Baan Yoga): "my punch cards are a trust exercise"', "Ploy"),
    ('- refunds tracked by hand in Excel, Regula: "das kostet mich einen ganzen Sonntag"', "Regula"),
    ('One of our testers, Mel from Crumb & Co, put it better than I can: "I stopped baking for the worst case."',
     "Mel"),
    ('- Don Ramiro at El Norte told us he loses "al menos 10 clientes cada sábado" to the line.', "Don Ramiro"),
])
def test_the_speaker_is_found_in_any_attribution(notes: str, speaker: str) -> None:
    quotes = extract_facts(parse_document(notes, path="n.md")).quotes
    assert [q.speaker for q in quotes] == [speaker]


def test_a_label_word_or_pronoun_is_no_speaker() -> None:
    notes = 'Comments:\nDan: launch first\nShe told us it hurts: "we lose a whole day every week to this"'
    assert [q.speaker for q in extract_facts(parse_document(notes, path="n.md")).quotes] == [None]


# -- the name the notes end on heads the release --------------------------------------------------
@pytest.mark.parametrize(("notes", "name"), [
    ("mon: working name ToolShed, for makerspaces\nwed: ToolShed is taken. renamed -> Tally.\n"
     "launch Tally in Tucson, 12 April 2027", "Tally"),
    ("1. Ana proposed the name RoomRelease; agreed.\n2. Launch: Ljubljana, 1 February 2027.", "RoomRelease"),
    ("🏄 surf school booking thing — name: TideSlot\n👥 for: surf school owners in Floripa", "TideSlot"),
    ("we said yes to building BásculaPay: a scale connected to a tablet.", "BásculaPay"),
    ("### Summary\nShip **ClearCheck**: a conflict search for small law firms.", "ClearCheck"),
])
def test_the_headline_opens_with_the_name_the_notes_settle_on(notes: str, name: str) -> None:
    assert _draft(notes).press_release.headline.startswith(name)


def test_a_ruled_out_name_is_not_the_final_one() -> None:
    notes = "- renamed -> Keepsake (already taken)\n- idea: Farewell Board, a memory wall for funerals"
    assert extract_facts(parse_document(notes, path="n.md")).product_name != "Keepsake"


# -- prose, minutes and e-mails: each line in its place, each sentence a sentence --------------------
def _read(name: str) -> Draft:
    return draft_offline(parse_document((NOTES / name).read_text(encoding="utf-8"), path=name))


def test_a_meeting_header_is_neither_the_problem_nor_the_customer() -> None:
    draft = _read("council-minutes-streetlights.md")
    release = draft.press_release
    assert "minutes" not in release.problem and "3 Nov 2026" not in release.problem
    assert "meeting" not in release.headline and "minutes" not in release.summary
    assert release.problem.startswith("40 faults") or "Residents of Ward 7" in release.problem
    assert release.dateline == "Leicester — 1 April 2027 —"
    assert release.leader_quote.endswith("— Sarah Jones, Head of Housing")


def test_an_email_signature_and_greeting_stay_out_of_the_draft() -> None:
    draft = _read("email-signature-care-homes.txt")
    text = " ".join([*(part for _, part in draft.press_release.sections()),
                     *(e.answer for e in [*draft.faq.external, *draft.faq.internal])])
    for stray in ("Best,", "Head of Ops", "Hi all", "Following up"):
        assert stray not in text
    assert draft.press_release.summary.startswith(
        "[TBD: company name] introduces MedRound") and "MedRound is a tablet checklist" in draft.press_release.summary
    # the price said in the launch sentence's own clause
    assert "It costs £2 per bed per month." in draft.press_release.call_to_action


def test_a_country_adjective_keeps_its_capital_and_the_concept_reads_as_a_sentence() -> None:
    release = _read("prose-kenyan-dairy.md").press_release
    assert release.headline == "MaziwaTrack for Kenyan dairy farmers"
    assert "MaziwaTrack is an SMS alert that tells the farmer" in release.summary
    assert "what the notes sum up as" not in release.summary + release.solution
    assert release.dateline == "Nakuru — June 2027 —"
    assert "It costs KSh 100 a month." in release.call_to_action


def test_free_to_someone_is_the_price_when_no_money_is_named() -> None:
    assert "It is free to residents." in _read("council-minutes-streetlights.md").press_release.call_to_action


def test_a_region_with_no_launch_city_is_no_dateline_city() -> None:
    notes = "- name: Skafo\n- launch across Pomorskie 1 March 2027, no single launch city\n- price 149 zł / month"
    assert _draft(notes).press_release.dateline.startswith("[TBD: city], Pomorskie")


# -- shorthand labels ("nm:", "px:", "lnch:") are the labels they abbreviate ----------------------------
def test_shorthand_labels_place_each_line() -> None:
    release = _read("shorthand-labels-bookshops.md").press_release
    assert release.headline.startswith("Shelfie for independent bookshops")
    assert release.dateline == "Bristol — Oct 2027 —"
    assert "It costs £15 a month per shop." in release.call_to_action


@pytest.mark.parametrize(("notes", "topic"), [
    ("nm: Shelfie", "name"), ("px: £15/mo", "price"), ("lnch: Oct 2027", "launch"), ("cust: bookshops", "customer"),
    ("dep: Gardners API", "dependencies"), ("probs: stocktake takes 2 days", "problem")])
def test_a_shorthand_label_is_read(notes: str, topic: str) -> None:
    assert extract_facts(parse_document(notes, path="n.md")).statements[0].topic == topic


# -- a bare noun phrase of shorthand takes its article ---------------------------------------------------
@pytest.mark.parametrize(("idea", "said"), [
    ("tablet on the med trolley that shows who is due what", "Pillo is a tablet on the med trolley that shows"),
    ("repairs app where residents report with a photo", "Pillo is a repairs app where residents report"),
    ("order app for the counter staff", "Pillo is an order app for the counter staff"),
])
def test_a_bare_noun_idea_takes_its_article(idea: str, said: str) -> None:
    release = _draft(f"- name: Pillo\n- idea: {idea}\n- who: care homes in Leeds").press_release
    assert said in release.summary and "gives them what the notes" not in release.summary


@pytest.mark.parametrize("idea", ["nurses scan the wristband before each dose", "scan spine, shows days on shelf",
                                  "sends a text when the slot frees up"])
def test_a_sentence_or_shorthand_gets_no_article(idea: str) -> None:
    release = _draft(f"- name: Pillo\n- idea: {idea}\n- who: care homes in Leeds").press_release
    assert "is a " + idea.split()[0] not in release.summary and "an " + idea.split()[0] not in release.summary


def test_an_outline_with_bare_labels_places_each_bullet() -> None:
    draft = _read("outline-care-homes.md")
    release = draft.press_release
    assert release.headline.startswith("DoseRound for care homes in Leeds")
    assert release.problem.startswith("Night staff miss 1 in 12 evening doses")
    assert "DoseRound is a tablet on the med trolley" in release.summary
    assert release.dateline == "Leeds — 1 March 2027 —"
    assert release.leader_quote.endswith("— Priya Shah, Head of Care Services")
    risks = next(e.answer for e in draft.faq.internal if "risks" in e.question)
    assert "wifi" in risks and "CQC" in risks


# -- customers named as ordinary nouns or places ----------------------------------------------------
def test_residents_of_a_numbered_ward_are_the_customer_and_the_ward_is_no_speaker() -> None:
    draft = _read("ward-residents-repairs.md")
    assert draft.press_release.headline.startswith("FixSlot for residents of Ward 7")  # was "for free to tenants"
    assert "Ward" not in draft.press_release.customer_quote.split("—")[-1]
    assert "FixSlot is a repairs app where residents report" in draft.press_release.summary


@pytest.mark.parametrize(("notes", "who"), [
    ("- Care homes in Leeds lose 2 hours a night on paper MAR charts\n- name: Pillo", "care homes in Leeds"),
    ("- free to tenants\n- Residents of Ward 7 wait 3 weeks for a repair", "residents of Ward 7"),
])
def test_a_group_named_by_an_ordinary_noun_is_the_customer(notes: str, who: str) -> None:
    assert extract_facts(parse_document(notes, path="n.md")).customer == who


@pytest.mark.parametrize("notes", ['- a student from Leipzig said "I just eat a Snickers in the lecture"',
                                   '- her flat is in Ward 7 — she said: "I take a day off work to wait"'])
def test_a_place_before_said_is_no_speaker(notes: str) -> None:
    assert [q.speaker for q in extract_facts(parse_document(notes, path="n.md")).quotes] == [None]


# -- a second place-like word is no launch city ---------------------------------------------------------
def test_a_term_of_the_year_is_no_launch_city() -> None:
    release = _read("semester-canteen-dresden.md").press_release
    assert release.dateline == "Dresden — Oct 2027 —"  # "Herbstsemester 2027 (Oct 2027), Dresden"
    assert release.headline.startswith("MensaQ")  # "Projekt: MensaQ"
    assert "Herbstsemester" not in release.call_to_action and "Leipzig" not in release.call_to_action


@pytest.mark.parametrize("line", ["- launch: Wintersemester 2027, Graz", "- launch: Spring term 2027 in Graz",
                                  "- launch: Sommersaison 2027, Graz"])
def test_a_season_word_before_a_year_is_no_place(line: str) -> None:
    facts = extract_facts(parse_document(line + "\n- name: Hambu", path="n.md"))
    assert [p.text for p in facts.launch_places] == ["Graz"]


# -- a phone call written turn by turn ---------------------------------------------------------------
def test_a_call_transcript_places_each_turn() -> None:
    draft = _read("phone-call-transcript-bakery.txt")
    release = draft.press_release
    assert release.headline == "BackPlan for Berlin bakery chains"  # "Caller: We're a Berlin bakery chain"
    assert release.dateline == "Berlin — May 2027 —"  # "Me:" is no place
    assert "BackPlan is a forecast that reads the tills" in release.summary  # "Me: we're thinking of a forecast"
    assert release.customer_quote.endswith("caller")  # the caller's words, no name to print
    risks = next(e.answer for e in draft.faq.internal if "risks" in e.question)
    assert "How often do you get it wrong" not in risks  # the interviewer's questions are no open questions


def test_a_team_chat_is_no_transcript() -> None:
    from assistant.draft.facts import transcript_sides

    assert transcript_sides("Dan: launch in Leeds\nMaya: price £9\nDan: ok\nMaya: agreed") == (set(), set())
    assert transcript_sides("Me: what hurts?\nSam: the rota\nMe: how often?\nSam: every week") == ({"Me"}, {"Sam"})


# -- the rubric: a customer's title at their own organisation is no leader of ours ---------------------
def test_a_customer_who_is_a_director_elsewhere_is_the_customer_quote() -> None:
    from assistant.draft.finish import score_report

    draft = _read("quote-director-schools.md")
    assert draft.press_release.customer_quote.endswith("— Inês, director at Escola Ribeira")
    assert "[TBD: company name]" in draft.press_release.summary  # the company a gap: no "director at" it
    report = score_report(draft)
    assert report is not None and "customer_quote" not in report.rubric.missing + report.rubric.weak


# -- bilingual notes: the English half, when the notes give one ----------------------------------------
def test_bilingual_lines_read_in_their_english_half() -> None:
    release = _read("bilingual-bakeries-lisbon.md").press_release
    assert release.headline == "Migalha for small bakeries in Lisbon"
    assert "Migalha is an app that lists leftover bread and sells it to neighbours" in release.summary
    assert release.problem.startswith("Small bakeries in Lisbon throw away 20% of bread at closing")
    assert "8% de comissão" in release.call_to_action  # its English has no figure: the line stays whole


@pytest.mark.parametrize(("line", "kept"), [
    ("- who: allotment societies (volunteer-run) in South Yorkshire", "allotment societies (volunteer-run)"),
    ("- Working name: Dampwise — a £30 humidity sensor per room that texts the landlord", "Dampwise — a £30"),
    ("- Launch: Limerick — 22 March 2027", "Limerick — 22 March 2027"),
    ("- Preço: 8% de comissão por venda (commission per sale)", "8% de comissão por venda (commission"),
])
def test_a_line_in_one_language_stays_whole(line: str, kept: str) -> None:
    assert kept in extract_facts(parse_document(line, path="n.md")).statements[0].text


# -- a spreadsheet pasted as TSV: field, value, notes ---------------------------------------------------
def test_a_field_value_notes_sheet_places_each_row() -> None:
    draft = _read("sheet-tsv-mountain-huts.tsv")
    release = draft.press_release
    assert release.headline == "TrailMate for mountain hut wardens in the Dolomites"  # was "for lead"
    assert release.dateline == "Bolzano — June 2027 —"  # the notes column: "Bolzano first"
    assert "TrailMate is a booking page that takes a deposit" in release.summary  # was "TrailMate is an idea"
    assert release.leader_quote.endswith("— Marco Ferrari, Head of Product")
    assert "No-shows 1 in 10 nights" in release.problem and "Problem." not in release.problem
    risks = next(e.answer for e in draft.faq.internal if "risks" in e.question)
    assert risks.startswith("No mobile signal at many huts") and not risks.startswith("Risk.")


# -- an idea that is a plural noun and its participle ---------------------------------------------------
def test_a_noun_and_participle_idea_reads_as_a_sentence() -> None:
    release = _read("outline-laundry-halls.md").press_release
    assert "With Spinly, pickup bags are collected from each hall at 6pm" in release.summary
    assert "sum up as" not in release.summary + release.solution
    assert release.headline == "Spinly for residents of student halls at Newcastle University"


# -- a Slack thread pasted with its headers ----------------------------------------------------------------
def test_a_pasted_slack_thread_places_each_message() -> None:
    draft = _read("slack-paste-vet-reminders.md")
    release = draft.press_release
    assert release.headline == "Jabby for vet clinics in Cork"  # after "ok so summarising the calls ...:"
    assert "summarising" not in release.problem
    assert "Jabby gives them WhatsApp reminders with a one-tap rebook button." in release.summary  # "what if we ...?"
    assert release.dateline == "Cork — March 2027 —"  # "launch with 10 clinics in Cork, March 2027?"
    assert release.leader_quote.endswith("— Aoife Walsh, GM")  # "I can own it as GM"
    assert release.customer_quote.endswith("— Gráinne, Douglas Vets")  # "one manager (Gráinne, Douglas Vets) said"
    customers = next(e.answer for e in draft.faq.internal if "customer" in e.question)
    assert "Launch with 10 clinics" not in customers


@pytest.mark.parametrize(("line", "topic"), [
    ("how about we send a text the night before?", "idea"), ("launch in Leeds in May 2027?", "launch"),
    ("should we charge per clinic?", None), ("what do owners pay today?", None)])
def test_a_proposal_or_a_launch_asked_is_no_open_question(line: str, topic: str | None) -> None:
    statement = extract_facts(parse_document(f"- name: Hambu\n- {line}", path="n.md")).statements[1]
    assert (statement.topic != "open") == (topic is not None)
    if topic is not None:
        assert topic in statement.topics


# -- one business met stands for its kind ----------------------------------------------------------------
def test_a_business_met_names_the_customers_kind() -> None:
    release = _read("visit-notes-bakery-chain.md").press_release
    assert release.headline == "BackPlan for Berlin bakery chains"  # "talked to a Berlin bakery chain, 9 shops"
    assert release.problem.startswith("Berlin bakery chains throw out about 15% of bread")  # was "They throw out"
    assert "BackPlan is an order forecast that reads the tills" in release.summary


@pytest.mark.parametrize(("notes", "who"), [
    ("- talked to a Berlin bakery chain, 9 shops\n- name: BackPlan", "Berlin bakery chains"),
    ("- interviewed the owner of a Berlin bakery chain\n- name: BackPlan", "Berlin bakery chains"),
    ("- target: a Berlin bakery chain with 9 shops\n- name: BackPlan", "Berlin bakery chains with 9 shops"),
    ("- for residents of Ward 7\n- repairs take 3 weeks\n- name: FixSlot", "residents of Ward 7"),
    ("- spoke with 3 care homes in Leeds\n- night staff miss doses\n- name: Pillo", "care homes in Leeds"),
    ("- call with a partner at Deloitte\n- for dentists in May\n- name: Pillo", "dentists"),
])
def test_the_customer_is_the_kind_of_business(notes: str, who: str) -> None:
    assert extract_facts(parse_document(notes, path="n.md")).customer == who


# -- a district and its city; a customer's aside; a lean canvas; a reply quoting the first e-mail ----------
def test_a_district_then_its_city_launches_in_the_city() -> None:
    release = _read("district-launch-veg-orders.md").press_release
    assert release.dateline == "Manchester — 3 May 2027 —"  # "launch: Northern Quarter, Manchester, 3 May 2027"
    assert release.call_to_action.startswith("FreshCrate launches in Manchester on 3 May 2027.")
    assert "FreshCrate is a shared veg order across 5-10 restaurants" in release.summary  # its article
    assert "Salford" not in release.dateline + release.call_to_action  # where a chef lives


def test_a_lean_canvas_places_each_box() -> None:
    draft = _read("lean-canvas-baby-kit.md")
    release = draft.press_release
    assert release.headline.endswith("for new parents in Dublin")  # without ", first child"
    assert "It costs €29 a month per item" in release.call_to_action  # "REVENUE STREAMS"
    evidence = next(e.answer for e in draft.faq.internal if "evidence" in e.question)
    assert "Items per household" not in evidence  # "KEY METRICS" are targets, not evidence


def test_a_reply_quoting_the_first_email_places_each_line() -> None:
    release = _read("email-reply-dog-walkers.txt").press_release
    assert release.headline == "Smycz for dog walkers in Kraków"  # "Let's just decide the name: I'd go with Smycz."
    assert "Smycz is a booking app: owners pick slots" in release.summary  # "We'd build a booking app: ..."
    assert release.problem.startswith("Dog walkers in Kraków juggle 15-20 dogs a week")  # not "Summary of ..."
    assert "One" not in release.customer_quote.split("—")[-1]  # 'One said "..."' names nobody


@pytest.mark.parametrize(("who", "kept"), [
    ("care homes in Leeds, 20-60 beds", "care homes in Leeds"), ("new parents in Dublin, first child",
                                                                 "new parents in Dublin"),
    ("cafés, bakeries and delis", "cafés, bakeries and delis"), ("restaurants, cafés", "restaurants, cafés")])
def test_a_customer_label_drops_its_last_aside(who: str, kept: str) -> None:
    assert extract_facts(parse_document(f"- who: {who}\n- name: Pillo", path="n.md")).customer == kept


# -- the kind met by count; a quotation that ends its sentence ---------------------------------------------
@pytest.mark.parametrize(("notes", "who"), [
    ("- talked to 6 makerspaces: all six lost a tool\n- Members book on a whiteboard.\n- name: Pillo", "makerspaces"),
    ("- interviewed 12 hostel owners in Porto\n- name: Pillo", "hostel owners"),
])
def test_the_kind_met_by_count_is_the_customer(notes: str, who: str) -> None:
    assert extract_facts(parse_document(notes, path="n.md")).customer == who


def test_spoke_with_people_is_no_customer_line() -> None:
    assert extract_facts(parse_document("- spoke with 3 people last week\n- name: X", path="n.md")).customer is None


def test_a_sentence_after_a_closing_quote_is_its_own() -> None:
    notes = ('Drivers in Jaipur wait at stands between fares. Ramesh said: "Some days I wait three hours for one '
             'ride." Drivers we surveyed average 4 hours idle a day. We start in Jaipur in November 2027.')
    assert "4 hours idle" in _draft(notes).press_release.problem


@pytest.mark.parametrize(("line", "detail"), [
    ('- a chef who lives in Salford told us "I order double on Fridays"', "chef"),
    ('- one practice manager said "half my Monday is phoning owners"', "practice manager")])
def test_an_unnamed_speaker_keeps_their_role(line: str, detail: str) -> None:
    quotes = extract_facts(parse_document(f"- name: Pillo\n{line}", path="n.md")).quotes
    assert [(q.speaker, q.detail) for q in quotes] == [(None, detail)]
    assert _draft(f"- name: Pillo\n{line}").press_release.customer_quote.endswith(f"[TBD: customer's name], {detail}")
