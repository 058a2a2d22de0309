"""Add a visible placeholder for each press-release element the rubric finds missing ("[TBD:
a real customer's words, with their permission]"), so the gap is in the document, not only in a
report. Nothing is invented: a placeholder says what is missing, never what it might be. A
placeholder already in the text is not added twice."""

from __future__ import annotations

from collections.abc import Iterator

from assistant.revision.edits import Edit
from assistant.revision.rules.base import FixContext, FixRule, Proposal

PLACEHOLDERS = {
    "headline": "[TBD: headline naming the product and the customer benefit]",
    "subheading": "[TBD: sub-heading: who the customer is and what they get]",
    "dateline": "[TBD: dateline: city and launch date]",
    "problem": "[TBD: the customer's problem, in their words, with a number]",
    "solution": "[TBD: how the product solves the problem]",
    "leader_quote": "[TBD: a leader's quote: why we built this]",
    "customer_quote": "[TBD: a real customer's words, with their permission]",
    "getting_started": "[TBD: how a customer gets started]",
    "call_to_action": "[TBD: call to action: where and when to get it]",
}


def propose(ctx: FixContext) -> Iterator[Proposal]:
    missing = [e for e in ctx.score.rubric.missing if e in PLACEHOLDERS and PLACEHOLDERS[e] not in ctx.text]
    for element in ctx.score.rubric.missing:
        if element not in PLACEHOLDERS:
            yield ctx.report("placeholder", 0, 0, f"the {element.replace('_', ' ')} is missing: "
                                                  "`prfaq questions` lists what it should answer")
    if not missing:
        return
    text = ctx.text
    if "headline" in missing:
        missing.remove("headline")
        yield Edit(0, 0, f"# {PLACEHOLDERS['headline']}\n\n", "placeholder")
    # The sub-heading and the dateline go where the template has them, under the headline; the
    # rest before the FAQ, in the template's order.
    top = [e for e in ("subheading", "dateline") if e in missing]
    headline = ctx.doc.headline
    if top and headline is not None:
        line_end = text.find("\n", headline.end)
        at = len(text) if line_end < 0 else line_end
        yield Edit(at, at, "\n\n" + "\n\n".join(PLACEHOLDERS[e] for e in top), "placeholder")
        missing = [e for e in missing if e not in top]
    if not missing:
        return
    body = "\n\n".join(PLACEHOLDERS[e] for e in missing)
    if ctx.doc.faq_start is not None:
        yield Edit(ctx.doc.faq_start, ctx.doc.faq_start, body + "\n\n", "placeholder")
    else:
        end = len(text.rstrip())
        yield Edit(end, len(text), "\n\n" + body + "\n", "placeholder")


RULE = FixRule("placeholder", "add placeholders for missing rubric elements", propose, default=False)
