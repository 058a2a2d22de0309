"""The parser reads PR/FAQs of several shapes: what a writer sees in `prfaq outline`."""

from __future__ import annotations

import pytest
from conftest import FIXTURES
from documents_helpers import assert_spans_exact
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.documents import load_document, parse_document

DOCS = FIXTURES / "documents"


def roles(doc):
    return [p.role for p in doc.paragraphs]


def questions(items):
    return [item.question.text for item in items]


# --- whole documents of four shapes --------------------------------------------------------


def test_markdown_headings_document():
    doc = load_document(DOCS / "markdown-headings.md")
    assert doc.headline.text == "Tally Turns One Shelf Scan Into a Ready Reorder for Independent Pharmacies"
    assert doc.headline.line == 1
    assert doc.subheading.text.startswith("For independent pharmacy owners who count stock by hand")
    assert doc.dateline.text == "PORTLAND, Ore. – June 1, 2027"
    assert roles(doc) == ["summary", "problem", "solution", "leader_quote", "getting_started", "customer_quote",
                          "call_to_action"]
    assert doc.paragraphs[1].section == "The problem"
    assert questions(doc.external_faq) == ["How much does Tally cost?", "Which wholesalers does Tally support?",
                                           "Does Tally need special hardware?"]
    assert questions(doc.internal_faq) == ["How many independent pharmacies could use Tally?",
                                           "What will we not build in the first year?"]
    assert doc.external_faq[0].answer.text == ("Tally costs $39 per store per month. "
                                               "There is no setup fee and no contract.")
    assert doc.text[doc.faq_start:].startswith("## Frequently Asked Questions")
    assert "How much does Tally cost?" not in doc.press_release_text
    assert_spans_exact(doc)


def test_bold_line_headings_document():
    doc = load_document(DOCS / "bold-headings.md")
    assert doc.headline.text == "Harbor Lets Small Ferry Operators Sell Tickets Online in One Afternoon"
    assert doc.subheading.text == ("Ferry operators with one to five boats can take bookings on their own website "
                                   "without building one")
    assert doc.dateline.text == "SEATTLE, WA — March 3, 2027"
    assert roles(doc) == ["summary", "problem", "solution", "leader_quote", "customer_quote", "getting_started",
                          "call_to_action"]
    assert questions(doc.external_faq) == ["How much does Harbor cost?", "Can passengers cancel a ticket?",
                                           "Does Harbor work without mobile reception at the dock?"]
    assert questions(doc.internal_faq) == ["How many operators could use Harbor?", "What is the riskiest assumption?"]
    assert doc.internal_faq[1].answer.text.startswith("That operators will switch from cash.")
    assert {h.span.text for h in doc.headings} >= {"The Problem", "Customer FAQ", "Internal FAQ"}
    assert_spans_exact(doc)


def test_plain_text_with_q_and_a_lines():
    doc = load_document(DOCS / "plain-qa.txt")
    assert doc.source_format == "txt"
    assert doc.headline.text == "Lumen Shows Apartment Renters Their Real Heating Cost Before They Sign"
    assert doc.subheading is None
    assert doc.dateline.text == "Berlin, Germany (May 4, 2027)"
    assert roles(doc)[:5] == ["summary", "problem", "solution", "leader_quote", "customer_quote"]
    external = {item.question.text: item.answer.text for item in doc.external_faq}
    assert external == {
        "Where does the heating data come from?": "From meter readings that tenants share with Lumen when they "
                                                  "move out.",
        "Is Lumen free?": "Yes, for renters. Landlords pay 9 euros a month to answer questions about a flat.",
        "Which cities does Lumen cover?": "Berlin at launch, Hamburg in the autumn.",
    }
    assert questions(doc.internal_faq) == ["How many renters move in Berlin each year?",
                                           "What is the hardest problem?"]
    assert_spans_exact(doc)


def test_numbered_questions_and_a_stakeholder_faq():
    doc = load_document(DOCS / "numbered-faq.md")
    assert doc.subheading.text.startswith("Quill reads a nonprofit's program spreadsheet")
    assert doc.dateline.text == "NEW YORK, NY – September 9, 2027"
    assert roles(doc) == ["summary", "customer_quote", "call_to_action"]
    assert questions(doc.external_faq) == ["Which funders' templates does Quill support?",
                                           "Can I edit a draft before sending it?"]
    assert questions(doc.internal_faq) == ["How many nonprofits could use Quill?",
                                           "What does it cost us to serve one customer?"]
    assert any("HTML comment" in warning for warning in doc.warnings)
    assert "<!-- reviewer" in doc.text  # reported, not removed
    assert_spans_exact(doc)


# --- the pieces, one at a time ----------------------------------------------------------------


@pytest.mark.parametrize(("opening", "dateline"), [
    ("SEATTLE, WA – June 7, 2026 – Acme launches", "SEATTLE, WA – June 7, 2026"),
    ("Berlin, Germany (March 3, 2027) – Acme launches", "Berlin, Germany (March 3, 2027)"),
    ("**TAMPA, FL — February 2026** — Acme launches", "TAMPA, FL — February 2026"),
    ("*2026-07-25* — Today Acme launches", "2026-07-25"),
    ("**SAN FRANCISCO** — Acme launches", "SAN FRANCISCO"),
    ("`SEATTLE, WA — [TARGET GA DATE] —` Acme launches", "SEATTLE, WA — [TARGET GA DATE]"),
    ("San Jose, Calif., Acme Newsroom — October 15, 2025: Today Acme launches",
     "San Jose, Calif., Acme Newsroom — October 15, 2025"),
])
def test_dateline_shapes(opening, dateline):
    doc = parse_document(f"# Acme Makes Widgets Cheaper\n\n{opening} a widget service for small shops.\n")
    assert doc.dateline is not None and doc.dateline.text == dateline
    assert doc.paragraphs[0].role == "summary"


def test_no_dateline_when_the_summary_does_not_open_with_one():
    doc = parse_document("# Acme Makes Widgets Cheaper\n\nToday, every shop — big or small — pays too much.\n")
    assert doc.dateline is None


def test_release_and_source_lines_are_not_the_headline():
    text = ("source: someone/repo@abc/PRFAQ.md\n# Widget PR/FAQ\n\n## Press Release\n\n"
            "**FOR IMMEDIATE RELEASE — Boston, MA, May 5, 2027**\n\n### Acme Cuts Widget Costs in Half\n\n"
            "*For shop owners who buy widgets every week*\n\nToday Acme launches a widget exchange.\n")
    doc = parse_document(text)
    assert doc.headline.text == "Acme Cuts Widget Costs in Half"
    assert doc.subheading.text == "For shop owners who buy widgets every week"
    assert doc.dateline.text == "Boston, MA, May 5, 2027"


def test_title_is_used_only_when_nothing_better_exists():
    doc = parse_document("# The Evergreen Bible PR / FAQ\n\nAnnouncing the Evergreen Bible, an API that any "
                         "application can call for free, in every locale, with text and speech, updated monthly.\n")
    assert doc.headline.text == "The Evergreen Bible"


def test_plain_text_headline_after_a_title_line():
    doc = parse_document("Amazon-Style PRFAQ\nIntroducing Tangent – AI That Helps You Think\n\n"
                         "Luxembourg — February 2026\n\nToday we announce the launch of Tangent.\n")
    assert doc.headline.text == "Introducing Tangent – AI That Helps You Think"
    assert doc.dateline.text == "Luxembourg — February 2026"
    assert doc.subheading is None


@pytest.mark.parametrize(("paragraph", "role"), [
    ('"We built this so nobody counts boxes again," said Dana Ortiz, founder and CEO of Tally.', "leader_quote"),
    ('"It paid for itself in a month," said Jane Park, owner of Park Bakery.', "customer_quote"),
    ('"It paid for itself in a month," said Jane Park.', "customer_quote"),
    ('"Our customers told us the count took all Friday," said Ana Ruiz, VP of Customer Success at Tally.',
     "leader_quote"),
    ('> "I went from babysitting to directing the whole team of agents."\n> — pilot user', "customer_quote"),
    ('"We believe everyone should understand what happens between their code and the hardware."', "leader_quote"),
    # A director at a customer is a customer; at the company (or its initials) a leader.
    ('"We gave up after three months of chasing invoices," said Dana Whitfield, nutrition director of the Canyon '
     'Ridge School District.', "customer_quote"),
    ('"Logistics is the hard part of local food, not willingness," said Marcus Bell, CEO of Acme.', "leader_quote"),
    ('"Logistics is the hard part of local food, not willingness," said Marcus Bell, director of product at '
     'Acme Widget Works.', "leader_quote"),
])
def test_quote_roles(paragraph, role):
    doc = parse_document(f"# Acme Makes Widgets Cheaper\n\nSEATTLE, WA – June 7, 2026 – Acme launches Tally.\n\n"
                         f"{paragraph}\n")
    assert doc.paragraphs[-1].role == role


@pytest.mark.parametrize(("paragraph", "role"), [
    ("Shop owners spend hours every week on orders, and the struggle is that they never know what sold.",
     "problem"),
    ("With Acme, owners can reorder in one click, and the app now checks stock automatically.", "solution"),
    ("To get started, sign up at the website and scan one shelf.", "getting_started"),
    ("Acme is available today at https://acme.example.com for $9 per month.", "call_to_action"),
    ("**The problem.** Widgets are not in stock.", "problem"),
    ("**Call to action.** Read the manual.", "call_to_action"),
    ("The sky was blue over the harbour that morning.", None),
    # a loss in money is the problem, not a price to pay
    ("Small marinas leave money on the water. Managers said 1 in 6 berths sits empty while visiting boats are "
     "turned away. A 120-berth marina loses about £38,000 a season.", "problem"),
])
def test_paragraph_roles_from_cues_and_lead_ins(paragraph, role):
    doc = parse_document(f"# Acme Makes Widgets Cheaper\n\nSEATTLE, WA – June 7, 2026 – Acme launches Tally.\n\n"
                         f"{paragraph}\n")
    assert doc.paragraphs[-1].role == role


@pytest.mark.parametrize("faq_heading", ["## FAQ", "## FAQs", "# Frequently Asked Questions", "## Customer FAQ",
                                         "**External FAQ**", "FAQ Section:", "❓ FAQs", "## Part 3 — FAQ",
                                         "### Customer / External FAQs", "FREQUENTLY ASKED QUESTIONS"])
def test_faq_headings(faq_heading):
    doc = parse_document(f"# Acme Makes Widgets Cheaper\n\nToday Acme launches.\n\n{faq_heading}\n\n"
                         "**How much does it cost?**\nNine dollars a month.\n")
    assert doc.faq_start == doc.text.index(faq_heading)
    assert [(i.audience, i.question.text, i.answer.text) for i in doc.faq] == [
        ("external", "How much does it cost?", "Nine dollars a month.")]


@pytest.mark.parametrize("faq_heading", ["## Internal FAQ", "## Stakeholder FAQ", "### Internal / Stakeholder FAQs",
                                         "## Business / Strategic FAQs", "## Internal Questions"])
def test_internal_faq_headings(faq_heading):
    doc = parse_document(f"# Acme Makes Widgets Cheaper\n\nToday Acme launches.\n\n{faq_heading}\n\n"
                         "**How big is the market?**\nAbout 20,000 shops.\n")
    assert [item.audience for item in doc.faq] == ["internal"]


def test_a_pr_faq_title_is_not_the_faq():
    doc = parse_document("# Stitch — PR/FAQ\n\n## Press Release\n\n### Stitch Joins Your Data\n\nToday.\n")
    assert doc.faq_start is None and doc.faq == []
    assert doc.press_release_text == doc.text


@pytest.mark.parametrize(("block", "question", "answer"), [
    ("## How much does it cost?\n\nNine dollars.", "How much does it cost?", "Nine dollars."),
    ("#### Q: How much does it cost?\n**A:** Nine dollars.", "How much does it cost?", "Nine dollars."),
    ("**Q: How much does it cost?**\n\nA: Nine dollars.", "How much does it cost?", "Nine dollars."),
    ("**Q:** How much does it cost?\nNine dollars.", "How much does it cost?", "Nine dollars."),
    ("**C1. How much does it cost?**\nNine dollars.", "How much does it cost?", "Nine dollars."),
    ("**Why is the guide injected through the tool response rather than\nthe system prompt?**\nCost.",
     "Why is the guide injected through the tool response rather than\nthe system prompt?", "Cost."),
    ("Q: How much does it cost? A: Nine dollars.", "How much does it cost?", "Nine dollars."),
    ("Question: How much does it cost?\nAnswer: Nine dollars.", "How much does it cost?", "Nine dollars."),
    ("Q1. How much does it cost?\nNine dollars.", "How much does it cost?", "Nine dollars."),
    ("1. How much does it cost?\nNine dollars.", "How much does it cost?", "Nine dollars."),
    ("**Q: What about signatures? They are tricky.**\n\nA: We use a library.",
     "What about signatures? They are tricky.", "We use a library."),
])
def test_question_formats(block, question, answer):
    doc = parse_document(f"# Acme Makes Widgets Cheaper\n\nToday Acme launches.\n\n## FAQ\n\n{block}\n")
    assert [(i.question.text, i.answer.text if i.answer else None) for i in doc.faq] == [(question, answer)]
    assert_spans_exact(doc)


def test_plain_question_lines_are_read_when_nothing_else_marks_questions():
    doc = parse_document("Acme Makes Widgets Cheaper\n\nToday Acme launches.\n\nFAQ\n\nHow much does it cost?\n"
                         "Nine dollars a month.\n\nWho is it for?\nShop owners.\n")
    assert [(i.question.text, i.answer.text) for i in doc.faq] == [
        ("How much does it cost?", "Nine dollars a month."), ("Who is it for?", "Shop owners.")]


def test_answers_keep_code_and_lists_and_stop_at_the_next_heading():
    text = ("# Acme\n\nToday Acme launches.\n\n## FAQ\n\n**How do I install it?**\n\n```bash\n# not a heading\n"
            "pip install acme\n```\n\n- on Linux\n- on macOS\n\n## Related documents\n\nSee the manual.\n")
    doc = parse_document(text)
    assert len(doc.faq) == 1
    answer = doc.faq[0].answer.text
    assert "# not a heading" in answer and "- on macOS" in answer
    assert "Related documents" not in answer and "manual" not in answer


def test_q_lines_without_a_faq_heading_still_make_a_faq():
    doc = parse_document("# Acme\n\nToday Acme launches.\n\nQ: How much?\nA: Nine dollars.\n\n"
                         "Q: Who is it for?\nA: Shops.\n")
    assert doc.faq_start == doc.text.index("Q: How much?")
    assert questions(doc.faq) == ["How much?", "Who is it for?"]


def test_a_document_without_structure_is_read_without_errors():
    doc = parse_document("just some notes\nabout an idea\n")
    assert doc.headline.text == "just some notes"
    assert doc.faq == [] and doc.faq_start is None


def test_sha256_is_of_the_text():
    import hashlib

    doc = parse_document("# A\n\nB\n")
    assert doc.sha256 == hashlib.sha256(b"# A\n\nB\n").hexdigest()


@pytest.mark.parametrize("text", ["", "# Café — ü\n\nB\n" * 40, "word " * 60_000])
def test_sha256_is_hashlibs_in_a_process_without_hashlib(text: str) -> None:
    """`prfaq score` hashes a page without importing hashlib (start-up): the digest is hashlib's,
    short or long."""
    import hashlib
    import subprocess
    import sys

    probe = ("import sys\nfrom assistant import modelbase\nmodelbase.use_lite()  # as prfaq score runs\n"
             "from assistant.documents.parse import text_sha256\n"
             "assert 'hashlib' not in sys.modules\nprint(text_sha256(sys.stdin.buffer.read().decode('utf-8')))")
    proc = subprocess.run([sys.executable, "-c", probe], input=text.encode(), capture_output=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode().strip() == hashlib.sha256(text.encode()).hexdigest()


_MARKUP = st.sampled_from(["#", "## ", "**", "*", "_", "Q:", "A:", " ", "\n", "\n\n", "?", "1. ", "- ", "> ",
                           "```", "---", "FAQ", "Internal FAQ", '"', "“", "”", "said", "—", "2027", "SEATTLE, WA",
                           "<!--", "-->", "|", ":", "Word", "é", "🧭"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_MARKUP, max_size=60).map("".join))
def test_any_text_parses_and_every_span_is_exact(text):
    doc = parse_document(text)
    assert_spans_exact(doc)


def test_windows_line_endings_given_directly_to_the_parser():
    doc = parse_document("# Acme Makes Widgets Cheaper\r\n\r\n## FAQ\r\n\r\n**How much?**\r\nNine dollars.\r\n")
    assert "\r" not in doc.text
    assert doc.headline.text == "Acme Makes Widgets Cheaper"
    assert [(i.question.text, i.answer.text) for i in doc.faq] == [("How much?", "Nine dollars.")]


def test_an_unlabelled_paragraph_right_between_summary_and_solution_is_the_problem():
    doc = parse_document("# Closebook closes the month in three days\n\n"
                         "PORTLAND, OR — January 12, 2027 — The finance team today released Closebook, an internal "
                         "tool for the month-end close.\n\n"
                         "The checklist lives in a 600-row spreadsheet that three people edit at once.\n\n"
                         "With Closebook, each accountant sees their own tasks and the controller sees what is late.\n")
    assert [p.role for p in doc.paragraphs] == ["summary", "problem", "solution"]


def test_a_paragraph_not_followed_by_the_solution_is_not_guessed_to_be_the_problem():
    doc = parse_document("# Evergreen answers in every language\n\n"
                         "SEATTLE, WA — June 7, 2026 — Acme launches Evergreen, an API for any application.\n\n"
                         "It requires locale as an input parameter.\n\n"
                         "It is powered by a knowledge graph.\n\n"
                         "With Evergreen, apps answer in the reader's own language.\n")
    assert doc.paragraphs[1].role is None


@pytest.mark.parametrize(("label", "role"), [
    ("Features", "solution"),
    ("How it works", "solution"),
    ("Pricing and availability", "call_to_action"),
    ("The Problem", "problem"),
    ("Getting started", "getting_started"),
    # A word inside a longer one names no role: a feature flag is no feature list, a painting no pain
    ("An internal feature-flag service for 42 teams", None),
    ("Painting crews book their own jobs", None),
    ("Priceless moments, kept", None),
])
def test_a_heading_names_a_role_only_with_the_whole_word(label, role):
    from assistant.documents.roles import label_role

    assert label_role(label) == role


def test_a_subheading_that_mentions_a_feature_is_still_the_subheading():
    doc = load_document(DOCS / "flagship.md")
    assert doc.subheading is not None and doc.subheading.text.startswith("An internal feature-flag service")
    found = roles(doc)
    assert found[:3] == ["summary", "problem", "solution"], found


def test_two_unlabelled_paragraphs_after_the_summary_are_the_problem_and_the_solution():
    # "About 4,100 households have no home internet ..." then "Borrowing a hotspot works like
    # borrowing a book ...": the press release's order says what each is, whatever words they use
    doc = load_document(DOCS / "hotspot.md")
    found = roles(doc)
    assert found[:3] == ["summary", "problem", "solution"], found
