"""Each offline fix rule of `prfaq revise`, with should-fix and should-not-touch fixtures
(tests/fixtures/revise/rules/<rule>.yaml): the fix gives exactly the expected sentence, the
untouched ones come back byte for byte, and revising a fixed sentence changes nothing."""

from __future__ import annotations

from datetime import date

import pytest
import yaml
from conftest import FIXTURES

from assistant.documents import parse_document
from assistant.revision import revise_offline

RULES_DIR = FIXTURES / "revise" / "rules"
TODAY = date(2026, 1, 1)


def _cases(kind: str) -> list[tuple[str, object]]:
    cases = []
    for path in sorted(RULES_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for item in data.get(kind, []):
            cases.append(pytest.param(data["rule"], item, id=f"{data['rule']}: {str(item)[:50]}"))
    return cases


def revise(text: str, rule: str) -> str:
    return revise_offline(parse_document(text), rules=[rule], today=TODAY).text


@pytest.mark.parametrize(("rule", "case"), _cases("fix"))
def test_the_rule_fixes_it(rule: str, case: dict[str, str]) -> None:
    assert revise(case["text"], rule) == case["expect"]
    assert revise(case["expect"], rule) == case["expect"]  # idempotent


@pytest.mark.parametrize(("rule", "text"), _cases("untouched"))
def test_the_rule_leaves_it_alone(rule: str, text: str) -> None:
    assert revise(text, rule) == text


def test_every_fix_rule_has_fixtures_both_ways() -> None:
    from assistant.revision.rules import FIX_RULES

    with_files = {p.stem for p in RULES_DIR.glob("*.yaml")}
    for rule in FIX_RULES:
        if rule.id in ("faq", "placeholder", "passive"):
            continue  # whole-document rules: tests/test_revise_offline.py
        assert rule.id in with_files, rule.id
        data = yaml.safe_load((RULES_DIR / f"{rule.id}.yaml").read_text(encoding="utf-8"))
        assert data.get("fix") and data.get("untouched"), rule.id


