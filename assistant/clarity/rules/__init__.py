"""The rule set: one module per rule, each declaring a `RULE`. Categories carry the caps.

Bump RULE_SET_VERSION whenever a rule, a weight, a cap or a word list changes: scores are only
comparable within one version, and the version travels in every JSON report.

proselint is not run as a rule: it works offline, but its full registry took ~40 ms on a
2,465-word PR/FAQ (more than our whole parse + score, ~30 ms, on the same machine), reported 3
issues there, all typographic (curly quotes, hyphens), and it is only a test dependency of this
project. Its corporate-speak and
hedging lists informed ours (rules/hype.py, rules/hedge.py).
"""

from __future__ import annotations

from assistant.clarity.rules import (
    hedge,
    hype,
    intensifier,
    nominalization,
    passive_voice,
    placeholder,
    rare_word,
    readability,
    sentence_length,
    undefined_acronym,
    unquantified_claim,
    vague_quantity,
)
from assistant.clarity.rules.base import Category, Context, Hit, Rule

# 1.3: "care about most" is no quantity, and a sentence-case heading over its lines in unmarked notes
# ends its sentence; 1.2: vague times and prices, a run-on capped at 6 units, headings end sentences
RULE_SET_VERSION = "1.3"

CATEGORIES: dict[str, Category] = {
    c.id: c
    for c in (
        Category("readability", cap=20.0, normalisation="document"),
        Category("length", cap=12.0),
        Category("vague", cap=15.0, beyond_cap=0.25),
        Category("hype", cap=10.0),
        Category("acronyms", cap=8.0, beyond_cap=0.25),
        Category("jargon", cap=8.0),
        Category("voice", cap=6.0),
        Category("wordiness", cap=6.0),
        Category("placeholders", cap=15.0, normalisation="absolute"),
    )
}

RULES: tuple[Rule, ...] = tuple(
    module.RULE
    for module in (
        readability, sentence_length, vague_quantity, hedge, unquantified_claim, hype, intensifier,
        undefined_acronym, rare_word, passive_voice, nominalization, placeholder,
    )
)
RULES_BY_ID = {rule.id: rule for rule in RULES}

__all__ = ["CATEGORIES", "RULES", "RULES_BY_ID", "RULE_SET_VERSION", "Category", "Context", "Hit", "Rule"]
