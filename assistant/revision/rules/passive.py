"""Passive voice is reported, never fixed: turning "the order is reviewed" active needs the one
who reviews it, and the document does not say who that is."""

from __future__ import annotations

from collections.abc import Iterator

from assistant.revision.rules.base import FixContext, FixRule, Proposal


def propose(ctx: FixContext) -> Iterator[Proposal]:
    for finding in ctx.score.clarity.findings:
        if finding.rule == "passive_voice":
            yield ctx.report("passive", finding.start, finding.end,
                             f"passive '{finding.text}': the agent is unknown; say who does it")


RULE = FixRule("passive", "report passive voice (not fixed: the agent is unknown)", propose)
