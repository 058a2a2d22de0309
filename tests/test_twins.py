"""evals/twins.py: each kind of damage makes a real change, and on the public PR/FAQs the
original scores strictly higher than its twin (the issue's bar: 95% of pairs, 80% of each kind)."""

from __future__ import annotations

import sys

import pytest
from conftest import REPO, need_shared

sys.path.insert(0, str(REPO / "evals"))
import twins  # noqa: E402

from assistant.clarity.score import clarity_report  # noqa: E402
from assistant.documents.models import Document  # noqa: E402

TEXT = """Shelfie launches today for owners of independent grocery stores. The Order Draft Builder reads \
one photo of each aisle and drafts the order. Owners use it each morning. It takes about 40 seconds per aisle, \
and it costs $49 per store per month.

In the pilot, 42 stores cut the count by 80% in 3 weeks. We plan to help owners start in spring. The owner \
approves every order the Order Draft Builder drafts. Each order goes to the supplier by email. The supplier \
confirms it within the hour. Owners see the delivery time on one screen.
"""


@pytest.mark.parametrize("kind", twins.KINDS)
def test_every_kind_of_damage_changes_the_text_and_lowers_the_score(kind: str) -> None:
    twin = twins.degrade(TEXT, kind)
    assert twin is not None and twin != TEXT
    assert clarity_report(Document(text=TEXT)).score > clarity_report(Document(text=twin)).score


def test_the_damage_is_what_it_says() -> None:
    assert "Arguably, " in (twins.degrade(TEXT, "hedges") or "")
    assert ", and " in (twins.degrade(TEXT, "runons") or "")
    assert "leverage" in (twins.degrade(TEXT, "jargon") or "")
    vague = twins.degrade(TEXT, "vague") or ""
    assert "$49" not in vague and "80%" not in vague and "some money" in vague
    initialisms = twins.degrade(TEXT, "initialisms") or ""
    assert "Order Draft Builder" not in initialisms and initialisms.count("ODB") == 2
    single = twins.degrade(TEXT, "vague", count=1) or ""
    assert "$49" in single and "40 seconds" not in single


def test_nothing_to_damage_is_none_and_an_unknown_kind_is_an_error() -> None:
    assert twins.degrade("No figures here, and no names.", "vague") is None
    with pytest.raises(ValueError, match="unknown kind"):
        twins.degrade(TEXT, "typos")


@pytest.mark.shared
def test_public_prfaqs_score_above_their_degraded_twins() -> None:
    root = need_shared("datasets", "prfaq-public")
    documents = {p.stem: p.read_text(encoding="utf-8") for p in sorted(root.glob("*.md"))}
    for count in (None, 1):
        result = twins.tally(twins.score_pairs(documents, count=count))
        won, total = result.pop("total")
        assert won / total >= 0.95, (count, won, total)
        for kind, (kind_won, kind_total) in result.items():
            assert kind_total and kind_won / kind_total >= 0.80, (count, kind, kind_won, kind_total)
