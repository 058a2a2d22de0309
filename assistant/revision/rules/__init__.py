"""The fix rules of `prfaq revise`, one module per rule, in the order they run. Earlier rules
win where two edits overlap (the loser runs again on the next pass)."""

from __future__ import annotations

from assistant.revision.rules import faq, hedge, hype, initialism, intensifier, jargon, passive, placeholder, run_on
from assistant.revision.rules.base import FixContext, FixRule, Proposal, Report

FIX_RULES: tuple[FixRule, ...] = tuple(
    module.RULE for module in (hedge, intensifier, hype, jargon, initialism, run_on, passive, faq, placeholder)
)
FIX_RULES_BY_ID = {rule.id: rule for rule in FIX_RULES}
# The prose rules: edits to sentences the writer already wrote (no new text but the document's own).
PROSE_RULES = ("hedge", "intensifier", "hype", "jargon", "initialism", "run_on", "passive")

__all__ = ["FIX_RULES", "FIX_RULES_BY_ID", "PROSE_RULES", "FixContext", "FixRule", "Proposal", "Report"]
