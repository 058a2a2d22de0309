"""The product's name: from the title and headline, a "working name" or "Idea: X -" label, or a
coined word the document keeps using as its subject; never a technology it uses, never a
placeholder, and no guess at all from a short text."""

from __future__ import annotations

import pytest
from conftest import need_shared

from assistant.api import load
from assistant.documents import parse_document
from assistant.questions.bank import load_bank
from assistant.questions.offline import questions_offline
from assistant.questions.select import product_name

STOA_BODY = """stoa keeps a research group's notes in one place that nobody has to run. Every note is pinned to IPFS,
so a lab that loses its server loses nothing: the notes are fetched back from IPFS by their hash. Researchers
write in plain Markdown, and stoa indexes each note on their own laptop, so search works on a plane.

Today, a lab's notes live in a dozen places. A postdoc who leaves takes the context with them, and a new
student spends weeks finding what the group already knows. Shared drives rot, wikis go stale, and the
one person who knew where the protocol was has moved to another university.

With stoa, a group shares one notebook address. Notes sync over IPFS between laptops when they are online
and stay readable when they are not. Nothing is stored on a server we run, and nothing is sent to a model.
Adding a note to IPFS takes a second; finding it again takes less.

"I found last year's staining protocol in ten seconds, on a train," said Ana Ruiz, a postdoc at the lab.

stoa is free and open source. Install it with `pip install stoa` and run `stoa init` in any folder.
"""


def stoa(top: str) -> str:
    return top + "\n\n" + STOA_BODY


@pytest.mark.parametrize("top", [
    "# stoa — PR/FAQ\n\n## stoa: a lab notebook that lives on IPFS",
    "## A lab notebook that lives on IPFS, by stoa",
    "**stoa keeps your lab's notes on IPFS, searchable offline**",
    "# A lab notebook on IPFS\n\nIPFS-backed notes for research groups.",
    "**Research notes on IPFS: pinned, searchable, offline**",
])
def test_a_tool_built_on_ipfs_is_not_read_as_ipfs(top: str) -> None:
    doc = parse_document(stoa(top))
    assert product_name(doc, load_bank()) == "stoa"
    asked = [q.question for q in questions_offline(doc).questions]
    assert not any("does IPFS cost" in q or "Who is IPFS for" in q for q in asked)


@pytest.mark.parametrize(("notes", "name"), [
    ("Idea: ShelfSense - a camera on each shelf counts what is left and orders more.\n", "ShelfSense"),
    ("concept: ShelfSense counts the stock on each shelf every hour.\n", "ShelfSense"),
    ("We talked to six store owners. Working name Shelfie, until marketing picks one.\n", "Shelfie"),
    ("Product: Restock Radar\nOwners count shelves by hand every Friday.\n", "Restock Radar"),
    ("# Ledgerly - PR/FAQ\n\nLedgerly reconciles a shop's bank feed overnight.\n", "Ledgerly"),
    ("# Acme launches Ledgerly\n\nLedgerly reconciles a shop's bank feed overnight.\n", "Ledgerly"),
    # The company is named as often as the product: the one launched is the product.
    ("# Acme Launches Ledgerly, So Shops Close Their Books Overnight\n\nAcme today announced Ledgerly, "
     "a bookkeeping app.\n\n\"We built it for shops,\" said Jo Park, CEO of Acme.\n", "Ledgerly"),
])
def test_the_name_the_author_gives(notes: str, name: str) -> None:
    assert product_name(parse_document(notes), load_bank()) == name


@pytest.mark.parametrize("notes", [
    "Idea: a camera on each shelf that counts what is left.\n",
    "Product name: TBD\nOwners count shelves by hand.\n",
    "Working name: [NAME]\nOwners count shelves by hand.\n",
    # a rare word said twice in a short text is chance, not a name
    "Owners hate the Friday stocktake. The stocktake takes Zorvik hours; Zorvik says so.\n",
])
def test_no_name_without_evidence(notes: str) -> None:
    assert product_name(parse_document(notes), load_bank()) is None


PLACEHOLDER_QUOTES = """# Shelfwise counts the stock on every shelf

SEATTLE — Today we launch Shelfwise. Owners of small shops count their shelves by hand every Friday.
Shelfwise puts a camera on each shelf and orders what runs low before it runs out.

"We used to lose a day a week to counting," said [NAME, TITLE]. "Now we lose nothing."

"Shelfwise paid for itself in a month," said [NAME, TITLE] at a bookshop in Austin.
"""


def test_a_placeholder_is_never_a_name_or_a_term() -> None:
    doc = parse_document(PLACEHOLDER_QUOTES)
    assert product_name(doc, load_bank()) == "Shelfwise"
    asked = [q.question for q in questions_offline(doc).questions]
    assert not any(word in q for q in asked for word in ("NAME", "TITLE")), asked


EXPECTED = {
    "apisec-inc-mcp-audit-mcp-security-scanner-prfaq.md": "MCP Audit",
    "execsumo-dossier-agent-session-memory-prfaq.md": "Dossier",
    "intelligent-data-design-nep-netcdf-expansion-pack-prfaq.md": "NEP",
    "kshi2015-signal-aggregator-dsp-safety-signals-prfaq.md": "Signal Aggregator",
    "vinayarun-tangent-ai-research-workspace-prfaq.md": "Tangent",
    "weklund-totus-health-data-sharing-prfaq.md": "Totus",
    "henry40408-noda-git-native-notes-cli-prfaq.md": "noda",
    "kfabrik-kfabrik-docs-local-llm-kubernetes-prfaq.md": "KFabrik",
    # an unnamed managed WordPress service: not "WordPress", the technology it runs
    "aws-netcom-group-project-aws-wordpress-managed-hosting-prfaq.md": None,
}


@pytest.mark.shared
def test_names_of_real_prfaqs() -> None:
    corpus = need_shared("datasets", "prfaq-public")
    found = {name: product_name(load(corpus / name), load_bank()) for name in EXPECTED}
    assert found == EXPECTED


SCANNER = """# Sievert finds the tools your AI agents can reach

SEATTLE — Today we launch Sievert, a scanner for the tools AI agents are allowed to call. Sievert lists every
tool as an AI-BOM (an inventory of models, tools and data sources) and writes its findings as SARIF. A PAKE is
a password-authenticated key exchange; Sievert checks that every agent uses one. Findings go to your CI and to
a GUI over SSH, priced in USD.

Sievert reads the AI-BOM again on every run, checks each PAKE again, and writes SARIF for each finding.
"""


def test_terms_the_document_defines_or_its_readers_use_daily_are_not_asked() -> None:
    from assistant.questions.select import terms

    doc = parse_document(SCANNER)
    asked = [name for name, _ in terms(doc, load_bank(), product_name(doc, load_bank()))]
    assert "SARIF" in asked  # used, never explained
    assert not {"AI-BOM", "PAKE", "CI", "GUI", "SSH", "USD"} & set(asked), asked
    for name, span in terms(doc, load_bank(), "Sievert"):
        assert doc.text[span.start : span.end] == name


def test_a_placeholder_is_never_evidence() -> None:
    text = PLACEHOLDER_QUOTES + "\n## FAQ\n\n**Q: How much does Shelfwise cost?**\n\nA: [TBD: price per month]\n"
    doc = parse_document(text)
    price = questions_offline(doc).by_id("price.cost")
    assert price is not None and price.status == "unanswered" and price.evidence is None


def test_the_organisation_that_launches_is_no_product_name():
    # "Riverton Public Library lends home internet like a book": the library launches a service
    # it does not name; the questions ask about "it", not about the library
    from conftest import FIXTURES

    from assistant.documents import load_document
    from assistant.questions.bank import load_bank
    from assistant.questions.select import is_organisation, product_name

    doc = load_document(FIXTURES / "documents" / "hotspot.md")
    assert product_name(doc, load_bank()) is None
    assert is_organisation("Brightline Labs") and is_organisation("Riverton Public Library")
    assert not is_organisation("TipSplit") and not is_organisation("Signal Aggregator")


def test_the_organisation_that_launches_is_no_jargon():
    from conftest import FIXTURES

    from assistant.documents import load_document
    from assistant.questions.offline import questions_offline

    report = questions_offline(load_document(FIXTURES / "documents" / "hotspot.md"))
    assert not any("Riverton Public Library" in q.question for q in report.questions), \
        [q.question for q in report.questions]
