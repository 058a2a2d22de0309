"""Every rule against its own should-flag / should-pass fixtures (tests/fixtures/rules/*.yaml)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from assistant.clarity.rules import RULES, RULES_BY_ID, Context
from assistant.documents.models import Document

RULE_FIXTURES = Path(__file__).parent / "fixtures" / "rules"
TODAY = date(2026, 1, 15)


def _cases(kind: str) -> list[tuple[str, str, str | None]]:
    cases: list[tuple[str, str, str | None]] = []
    for path in sorted(RULE_FIXTURES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for item in data.get(kind, []):
            if isinstance(item, str):
                cases.append((data["rule"], item, None))
            else:
                cases.append((data["rule"], item["text"], item.get("expect")))
    return cases


def _hits(rule_id: str, text: str) -> list[str]:
    doc = Document(text=text)
    return [text[h.start : h.end] for h in RULES_BY_ID[rule_id].check(Context(doc, TODAY))]


def test_every_rule_has_fixtures_both_ways() -> None:
    flagged = {rule for rule, _, _ in _cases("flag")}
    passed = {rule for rule, _, _ in _cases("pass")}
    assert flagged == passed == {rule.id for rule in RULES}


@pytest.mark.parametrize(("rule_id", "text", "expect"), _cases("flag"))
def test_rule_flags(rule_id: str, text: str, expect: str | None) -> None:
    hits = _hits(rule_id, text)
    assert hits, f"{rule_id} should flag: {text!r}"
    if expect is not None:
        assert expect in hits, f"{rule_id} flagged {hits}, expected {expect!r}"


@pytest.mark.parametrize(("rule_id", "text", "_expect"), _cases("pass"))
def test_rule_passes(rule_id: str, text: str, _expect: None) -> None:
    assert _hits(rule_id, text) == [], f"{rule_id} should not flag: {text!r}"


def test_a_datelines_city_in_capitals_is_not_an_undefined_acronym() -> None:
    """"BOISE, Idaho — March 3, 2027 —" is how press releases write the city; "USDA" later in
    the same paragraph is still an acronym to spell out."""
    from assistant.documents import parse_document

    text = ("# CropCall lets school kitchens buy from local farms\n\n"
            "**BOISE, Idaho — March 3, 2027** — Greenline today announced CropCall, an ordering service "
            "that school districts use to buy from farms with USDA grants.\n")
    doc = parse_document(text)
    assert doc.dateline is not None
    found = [text[h.start : h.end] for h in RULES_BY_ID["undefined_acronym"].check(Context(doc, TODAY))]
    assert found == ["USDA"]
