"""Questions generated from the press release's own words: a named platform the product is tied to
("fully integrated with Claude Code") asks whether it works with others; a named incumbent ("a full
Mastodon deployment") asks how the product differs from it. Each cites the sentence that raised it,
cut exactly from the document; lists, placeholders, ordinary words and the product's own name raise
nothing."""

from __future__ import annotations

import pytest

from assistant.documents import parse_document
from assistant.questions.bank import load_bank
from assistant.questions.offline import questions_offline
from assistant.questions.select import alternatives, features, integrations

BODY = """# Ledgerly — PR/FAQ

## Ledgerly keeps a small shop's books in one place

Ledgerly turns a shop's receipts into a ledger its owner can read. {sentence} Owners photograph a
receipt and Ledgerly files it under the right account, so the month closes in an afternoon.

Today, most small shops keep their books in a shoebox and a spreadsheet. The owner spends a weekend
each month matching receipts to card statements, and still pays an accountant to fix the mistakes.

"I closed March in two hours," said Dana Ortiz, who runs a bike shop in Leeds.

Ledgerly costs 12 dollars a month. Install the app and sign in with your shop's email address.
"""


def doc(sentence: str):
    return parse_document(BODY.format(sentence=sentence), path="ledgerly.md")


def report(sentence: str):
    return questions_offline(doc(sentence), order="asked")


def named(sentence: str) -> list[str]:
    return [q.question for q in report(sentence).questions if ":" in q.id]


@pytest.mark.parametrize("sentence, question", [
    ("It is fully integrated with QuickBooks Online.", "Does Ledgerly work with tools other than QuickBooks Online?"),
    ("It plugs into Claude Code, so sales arrive.", "Does Ledgerly work with tools other than Claude Code?"),
    ("It is built for Shopify merchants.", "Does Ledgerly work with tools other than Shopify?"),
])
def test_a_single_named_platform_asks_whether_it_works_with_others(sentence: str, question: str):
    assert question in named(sentence)


@pytest.mark.parametrize("sentence", [
    "It works with QuickBooks, Xero and Sage.",  # a list answers "which ones" already
    "It works with Xero or Sage, whichever the shop uses.",
    "It is built for Ledgerly Cloud accounts.",  # the product itself
    "It is designed for [PARTNER NAME] customers.",  # a placeholder
    "It is built for Small Shops who hate paperwork.",  # ordinary words in title case
])
def test_no_platform_question_from_lists_placeholders_the_product_or_ordinary_words(sentence: str):
    assert not [q for q in named(sentence) if "other than" in q]


@pytest.mark.parametrize("sentence, question", [
    ("Where a full QuickBooks setup needs an accountant, Ledgerly needs a phone.",
     "How is Ledgerly different from QuickBooks?"),
    ("Unlike Xero, it reads a crumpled receipt.", "How is Ledgerly different from Xero?"),
])
def test_a_named_incumbent_asks_how_the_product_differs(sentence: str, question: str):
    questions = report(sentence).questions
    texts = [q.question for q in questions]
    assert question in texts
    # The named question replaces the generic template rather than sitting beside it.
    assert "How is Ledgerly different from the alternatives?" not in texts


def test_no_incumbent_from_ordinary_words_or_placeholders():
    assert alternatives(doc("It replaces the existing paper workflow with [COMPETITOR] tools."), "Ledgerly") == []
    assert alternatives(doc("Existing tools are slow."), "Ledgerly") == []


@pytest.mark.parametrize("sentence", [
    "It is fully integrated with QuickBooks Online.",
    "Where a full QuickBooks setup needs an accountant, Ledgerly needs a phone.",
    "Unlike Xero, it reads a crumpled receipt.",
])
def test_a_generated_question_cites_the_whole_sentence_exactly(sentence: str):
    document = doc(sentence)
    found = [q for q in questions_offline(document, order="asked").questions
             if q.id.startswith(("compatibility.beyond_named", "competition.named_alternative",
                                 "build_vs_buy.named_alternative"))]
    assert found
    for question in found:
        span = question.why_span
        assert span is not None
        assert document.text[span.start:span.end] == span.text
        assert span.text == sentence


def test_every_why_span_and_evidence_is_exact_on_a_generating_document():
    document = doc("It is fully integrated with QuickBooks Online. Unlike Xero, it reads a crumpled receipt.")
    for question in questions_offline(document, order="asked").questions:
        if question.why_span is not None:
            assert document.text[question.why_span.start:question.why_span.end] == question.why_span.text
        if question.evidence is not None:
            assert document.text[question.evidence.start:question.evidence.end] == question.evidence.text


def test_integrations_are_read_from_the_press_release_only():
    text = BODY.format(sentence="") + "\n## FAQ\n\n### Does it need an account?\n\nIt works with Stripe Connect.\n"
    assert integrations(parse_document(text, path="x.md"), load_bank(), "Ledgerly") == []


def test_an_editor_called_vs_code_is_not_a_versus():
    found = alternatives(doc("It scans Claude Desktop, Cursor, VS Code and Zed configurations."), "Ledgerly")
    assert found == []


@pytest.mark.parametrize("sentence, question", [
    ("Ledgerly is local-first, so the books stay on the shop's laptop.", "Why local-first?"),
    ("The ledger is GPU-first for the photo matching.", "Why GPU-first?"),
])
def test_a_stated_design_principle_asks_why(sentence: str, question: str):
    assert question in named(sentence)


@pytest.mark.parametrize("sentence, question", [
    ("Screen-safe by design, it never shows a card number.", "What exactly does “screen-safe” mean?"),
    ("The export is tamper-evident and signed.", "What exactly does “tamper-evident” mean?"),
    ("Books move to the new year with zero-downtime.", "What exactly does “zero-downtime” mean?"),
])
def test_a_promised_property_asks_how_it_is_ensured(sentence: str, question: str):
    assert question in named(sentence)


@pytest.mark.parametrize("sentence", [
    "It is free for the first month.",  # a price, not a property
    "It runs `--safe-only` checks first.",  # code is an identifier, not a promise
    "Ask for [TBD zero-cost] pricing.",  # a placeholder
])
def test_no_property_question_from_prices_code_or_placeholders(sentence: str):
    assert not [q for q in named(sentence) if q.startswith(("What exactly does", "Why "))
                and ("safe" in q or "zero" in q or "first" in q)]


@pytest.mark.parametrize("sentence", [
    "Ledgerly is local-first, so the books stay on the shop's laptop.",
    "Screen-safe by design, it never shows a card number.",
])
def test_a_property_question_cites_its_sentence_exactly(sentence: str):
    document = doc(sentence)
    found = [q for q in questions_offline(document, order="asked").questions
             if q.id.startswith(("one_way_doors.principle", "trust.guarantee"))]
    assert found
    for question in found:
        span = question.why_span
        assert span is not None and document.text[span.start:span.end] == span.text == sentence


def test_the_sentence_about_existing_tools_names_the_incumbents():
    sentence = ("Owners who try existing tools hit a wall: Xero is built for accountants, and "
                "shoebox2 loses receipts.")
    found = [name for name, span in alternatives(doc(sentence), "Ledgerly")]
    assert found == ["Xero", "shoebox2"]
    assert "How is Ledgerly different from Xero?" in named(sentence)


def test_existing_tools_without_a_name_raise_nothing():
    sentence = "Existing tools are slow, and Most owners give up. Other apps cost too much."
    assert alternatives(doc(sentence), "Ledgerly") == []


# --- named features --------------------------------------------------------------------------
FEATURES = """# Ledgerly — PR/FAQ

## Ledgerly keeps a small shop's books in one place

Ledgerly turns a shop's receipts into a ledger its owner can read, so the month closes in an
afternoon instead of a weekend.

{features}

"I closed March in two hours," said Dana Ortiz, who runs a bike shop in Leeds.

## FAQ

### How much does it cost?

**Q: Audit Trail?** Every change is logged.

- **Bank Feeds** – Not yet.
"""


def feature_questions(features_block: str) -> list[str]:
    document = parse_document(FEATURES.format(features=features_block), path="ledgerly.md")
    return [q.question for q in questions_offline(document, order="asked").questions
            if q.id.startswith("how_it_works.feature")]


@pytest.mark.parametrize("block, question", [
    ("- **Smart Matching** – pairs each receipt with its card payment.",
     "What exactly is Smart Matching, and how does it work?"),
    ("**Month Close:** one button files the month and emails the accountant.",
     "What exactly is Month Close, and how does it work?"),
    ("* __VAT-Ready Export__. A file your accountant imports as it is.",
     "What exactly is VAT-Ready Export, and how does it work?"),
    ("### 🧾 Receipt Vault\n\nEvery receipt is kept for seven years.",
     "What exactly is Receipt Vault, and how does it work?"),
    ("### Ledger View — one page per account\n\nThe page shows every entry.",
     "What exactly is Ledger View, and how does it work?"),
    ("- **Spending Alerts** – a message when a category runs over budget.",
     "What exactly are Spending Alerts, and how do they work?"),
])
def test_a_named_feature_asks_what_it_is_and_how_it_works(block: str, question: str):
    assert question in feature_questions(block)


@pytest.mark.parametrize("block", [
    "**The problem.** Shops keep receipts in shoeboxes.",  # a section label
    "**How it works:** photograph a receipt.",
    "- **Fast feedback** – the ledger updates as you type.",  # a phrase, not a name
    "- **Simplicity Over Flexibility** – one way to do each thing.",  # a principle
    "- **GPU-First** – matching runs on the phone's GPU.",  # a principle, asked as "Why GPU-first?"
    "**Stage 1: Capture** – photograph the receipts.",  # a step
    "- **50+ Bank Formats** – imports from most banks.",  # a count
    "**LEEDS, UK** — Ledgerly today announced its launch.",  # a dateline
    "- **[FEATURE NAME]** – what it does.",  # a placeholder
    "- **Ledgerly** – the app itself.",  # the product
    "- **Kubernetes** – runs the matching service.",  # a technology
    "We built **Smart Matching** into every plan.",  # bold inside a sentence is emphasis
    "### Build Hypotheses\n\nTest each idea.",  # a heading without a symbol or a dash is structure
])
def test_no_feature_question_from_sections_phrases_principles_or_placeholders(block: str):
    assert feature_questions(block) == []


def test_features_are_read_from_the_press_release_only():
    # FEATURES' FAQ has "**Q: Audit Trail?**" and "- **Bank Feeds** – ..."; neither is a feature of the release.
    assert feature_questions("") == []


def test_feature_names_and_their_reasons_are_cut_exactly_from_the_document():
    document = parse_document(FEATURES.format(features="- **Smart Matching** – pairs receipts.\n"
                                                        "### 🧾 Receipt Vault\n\nKept for seven years."),
                              path="ledgerly.md")
    bank = load_bank()
    found = features(document, bank, "Ledgerly")
    assert [name for name, _ in found] == ["Smart Matching", "Receipt Vault"]
    for name, span in found:
        assert document.text[span.start:span.end] == span.text == name
    for question in questions_offline(document, order="asked").questions:
        if question.why_span is not None:
            assert document.text[question.why_span.start:question.why_span.end] == question.why_span.text
        if question.evidence is not None:
            assert document.text[question.evidence.start:question.evidence.end] == question.evidence.text


# --- incumbents named by example -------------------------------------------------------------
@pytest.mark.parametrize("sentence, name", [
    ("Traditional bookkeeping apps like Xero, Sage or FreeAgent expect an accountant.", "Xero"),
    ("Owners use popular tools such as QuickBooks and Wave, built for accountants.", "QuickBooks"),
    ("Existing scanners like shoebox2/ReceiptBank lose the paper.", "shoebox2"),
])
def test_a_list_of_what_people_use_today_names_the_incumbent_by_its_first_example(sentence: str, name: str):
    assert [found for found, _ in alternatives(doc(sentence), "Ledgerly")] == [name]
    assert f"How is Ledgerly different from {name}?" in named(sentence)


@pytest.mark.parametrize("sentence", [
    "Shops like Dana's, Ana's and Bo's keep receipts in a shoebox.",  # no word for what people use today
    "Traditional shops like bakeries, florists and cafes keep receipts.",  # ordinary words, not names
    "Existing apps like [COMPETITOR], [COMPETITOR 2] or others cost more.",  # placeholders
    "Unlike traditional tools, it works like Figma for receipts.",  # one example is a comparison, not a list
    "Traditional tools like Ledgerly Classic, the old desktop app, are retired.",  # the product itself
])
def test_no_incumbent_from_examples_that_are_not_names_of_what_people_use(sentence: str):
    assert alternatives(doc(sentence), "Ledgerly") == []


def test_an_incumbent_named_by_example_cites_its_sentence_exactly():
    sentence = "Traditional bookkeeping apps like Xero, Sage or FreeAgent expect an accountant."
    document = doc(sentence)
    found = [q for q in questions_offline(document, order="asked").questions
             if q.id == "competition.named_alternative:Xero"]
    assert found
    span = found[0].why_span
    assert span is not None and document.text[span.start:span.end] == span.text == sentence


def test_the_products_own_command_is_not_an_alternative():
    sentence = "Why is the command `noda file add <path>` rather than `noda attach <note> <file>`?"
    assert alternatives(doc(sentence), "noda") == []
    found = [name for name, _ in alternatives(doc("It is faster than `git annex add` for notes."), "noda")]
    assert found == ["git annex add"]  # another tool's command still is one


# --- capabilities in bold, kinds listed by example, incumbents to switch from ------------------
def by_id(sentence: str, prefix: str) -> list[str]:
    return [q.question for q in report(sentence).questions if q.id.startswith(prefix)]


@pytest.mark.parametrize("sentence, question", [
    ("Every night it runs a **receipt match** against the bank feed, and each receipt match is logged.",
     "How does the receipt match work?"),
    ("An optional **bulk Import** loads ten years at once; the Import stops on any error.",
     "How does the bulk Import work?"),
    ("It keeps an **OCR cache** of every photo, so a cache hit is instant.", "How does the OCR cache work?"),
    ("Each change goes through a **CDC** feed, and CDC keeps the ledger current.", "How does CDC work?"),
    ("Each shop gets its own **spending alerts**, and the alerts go to the owner.",
     "How do the spending alerts work?"),
])
def test_a_capability_in_bold_asks_how_it_works(sentence: str, question: str):
    assert question in by_id(sentence, "how_it_works.capability")


@pytest.mark.parametrize("sentence", [
    "Ledgerly **scans receipts** for the total, and the receipts are kept.",  # a verb phrase, not a thing
    "It runs a **[FEATURE NAME]** on each receipt; the name is in the manual.",  # a placeholder
    "It closes the month **loudly**, so nobody misses it.",  # emphasis, said once
    "Today the books carry a real risk of **silent drift**, and drift costs money.",  # the problem
    "Every shop has a **keeper**: the person who files the receipts, and the keeper signs off.",  # a defined role
    "It runs a **Ledgerly** check, and Ledgerly reports.",  # the product itself
    "It keeps **50 receipts** per page, and receipts are dated.",  # a count
])
def test_no_capability_question_from_verbs_placeholders_emphasis_problems_or_roles(sentence: str):
    assert by_id(sentence, "how_it_works.capability") == []


def test_a_capability_is_asked_once_in_its_fuller_name():
    sentence = ("It runs a purpose-built **bulk Import** first. Then the **Import** checks each row, and the "
                "import is resumable.")
    assert by_id(sentence, "how_it_works.capability") == ["How does the bulk Import work?"]


@pytest.mark.parametrize("sentence, question", [
    ("Owners can bring their own bank feeds, including Monzo, Starling and Revolut.",
     "Which bank feeds does Ledgerly support?"),
    ("It reads receipts from card readers (SumUp, Zettle, Square) as they print.",
     "Which card readers does Ledgerly support?"),
    ("Owners keep a list of bank accounts such as Monzo and Starling in one place.",
     "Which bank accounts does Ledgerly support?"),
])
def test_kinds_listed_by_example_ask_which_are_supported(sentence: str, question: str):
    assert question in by_id(sentence, "compatibility.catalog")


@pytest.mark.parametrize("sentence", [
    "It is loved by customers like Dana Ortiz and Sam Lee.",  # people, not something it supports
    "Unlike spreadsheets such as Excel or Numbers, it reads receipts.",  # the alternatives
    "Traditional bookkeeping apps like Xero, Sage or QuickBooks need an accountant.",  # what readers use today
    "It supports [INTEGRATIONS], such as [TBD].",  # placeholders
    "It was built to destroy rivals such as Xero and Sage.",  # a verb and its object, not a kind
])
def test_no_which_question_from_people_alternatives_or_placeholders(sentence: str):
    assert by_id(sentence, "compatibility.catalog") == []


@pytest.mark.parametrize("sentence, question", [
    ("Where a full QuickBooks setup needs an accountant, Ledgerly needs a phone.",
     "How do I switch from QuickBooks to Ledgerly?"),
    ("Traditional bookkeeping, even with apps like Xero, Sage or QuickBooks, needs an accountant.",
     "How do I switch from Xero to Ledgerly?"),
])
def test_what_readers_run_today_asks_how_to_switch(sentence: str, question: str):
    assert question in by_id(sentence, "switching_cost.from_incumbent")


def test_a_mere_comparison_is_not_something_to_switch_from():
    assert by_id("Unlike Xero, it reads a crumpled receipt.", "switching_cost.from_incumbent") == []


@pytest.mark.parametrize("sentence", [
    "Every night it runs a **receipt match** against the bank feed, and each receipt match is logged.",
    "Owners can bring their own bank feeds, including Monzo, Starling and Revolut.",
])
def test_capability_and_catalog_questions_cite_their_sentence_exactly(sentence: str):
    document = doc(sentence)
    found = [q for q in questions_offline(document, order="asked").questions
             if q.id.startswith(("how_it_works.capability", "compatibility.catalog"))]
    assert found
    for question in found:
        span = question.why_span
        assert span is not None and document.text[span.start:span.end] == span.text
        assert span.text in sentence


@pytest.mark.parametrize("block, question", [
    ("- **Duplicate Detection** – flags a receipt filed twice.", "What duplicates does Ledgerly detect?"),
    ("- **VAT Code Validation** – checks each line's code.", "What VAT codes does Ledgerly validate?"),
    ("- **Anomaly Monitoring** – watches for odd spending.", "What anomalies does Ledgerly monitor?"),
    ("- **PII Redaction** – hides card numbers in photos.", "What PII does Ledgerly redact?"),
])
def test_a_feature_named_for_what_it_does_to_a_kind_asks_which_ones(block: str, question: str):
    document = parse_document(FEATURES.format(features=block), path="ledgerly.md")
    questions = questions_offline(document, order="asked").questions
    assert question in [q.question for q in questions if q.id.startswith("compatibility.coverage")]
    # It replaces "What exactly is Duplicate Detection, and how does it work?": one question per feature.
    assert not [q for q in questions if q.id.startswith("how_it_works.feature")]


def test_a_feature_named_otherwise_keeps_its_what_and_how_question():
    document = parse_document(FEATURES.format(features="- **Smart Matching** – pairs receipts."), path="ledgerly.md")
    ids = [q.id for q in questions_offline(document, order="asked").questions]
    assert "how_it_works.feature:Smart Matching" in ids
    assert not [i for i in ids if i.startswith("compatibility.coverage")]


@pytest.mark.parametrize("sentence, question", [
    ("It reads receipts straight from existing QuickBooks ledgers, nothing to convert.",
     "Does Ledgerly work with existing QuickBooks ledgers as they are?"),
    ("Transparent integration with existing SQLite databases keeps the books where they are.",
     "Does Ledgerly work with existing SQLite databases as they are?"),
    # "X-compatible Y" claims the reader's own Y keeps working: they ask it of the Y they have
    ("It speaks the Mastodon API, so every major Mastodon-compatible client works against it unchanged.",
     "Does Ledgerly work with existing Mastodon clients as they are?"),
    ("Point any S3-compatible buckets at it.", "Does Ledgerly work with existing S3 buckets as they are?"),
])
def test_an_existing_named_setup_asks_whether_it_works_as_it_is(sentence: str, question: str):
    assert question in by_id(sentence, "compatibility.existing_named")


@pytest.mark.parametrize("sentence", [
    "It replaces existing Xero tools with one app.",  # what readers leave: the incumbent questions ask it
    "Add a receipt to an existing month or start a new one.",  # nothing named
    "It serves existing Leeds shop owners first.",  # people are served, not worked with
    "It keeps existing Ledgerly ledgers in sync.",  # the product's own
    "Receipts go to any S3-compatible storage.",  # a mass noun has no "existing ... as they are"
    "It sends an OpenAI-compatible chat completion request.",  # "chat" only describes the request
    "Only PCI-compatible teams may use it.",  # people are served, not worked with
])
def test_no_existing_setup_question_from_incumbents_plain_words_people_or_the_product(sentence: str):
    assert by_id(sentence, "compatibility.existing_named") == []


@pytest.mark.parametrize("sentence, question", [
    ("Ledgerly is a new open-source Rust project with no server to run.", "Why Rust?"),
    ("It is the first pure-Java implementation of the ledger format.", "Why Java?"),
    ("The app is written in Go and ships as one file.", "Why Go?"),
])
def test_what_the_product_is_made_in_asks_why(sentence: str, question: str):
    assert question in by_id(sentence, "one_way_doors.made_in")


@pytest.mark.parametrize("sentence", [
    "A TypeScript library lets shops embed the ledger.",  # a client library, not what it is made in
    "It was built in a weekend by two owners.",  # not a technology
    "Reports are written in plain English.",  # a language, not a programming language
])
def test_no_made_in_question_from_libraries_or_plain_words(sentence: str):
    assert by_id(sentence, "one_way_doors.made_in") == []


def test_a_counted_list_of_included_kinds_asks_which_are_supported():
    sentence = ("Five ready-made report templates are included:\n\n- **Monthly** - the month's books\n"
                "- **VAT** - the return\n")
    assert "Which ready-made report templates does Ledgerly support?" in by_id(sentence, "compatibility.catalog")
