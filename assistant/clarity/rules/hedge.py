"""Hedges: "could", "might", "arguably", "seems". A PR/FAQ states what the product does, or says
plainly what is not known yet. Questions are exempt: "Could I use it offline?" is fair to ask."""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.clarity.rules.base import Context, Hit, Phrases, Rule

HEDGES = (
    "could", "might", "may", "possibly", "probably", "perhaps", "maybe", "arguably", "presumably",
    "seems", "seem", "seemed", "appears to", "appear to", "tends to", "tend to", "generally",
    "somewhat", "relatively", "in some cases", "to some extent",
    "to a certain degree", "more or less", "sort of", "hopefully", "ideally",
    "it is believed", "it is thought", "it is said", "studies show", "research shows",
    "experts say", "some say", "i would argue that", "so to speak", "helps to", "aims to",
    "attempts to", "tries to", "should be able to",
)
HEDGE_PHRASES = Phrases(HEDGES)
_COULD_NOT = re.compile(r"\s*(?:not|n't|never)\b", re.IGNORECASE)


def check(ctx: Context) -> Iterator[Hit]:
    for hit in HEDGE_PHRASES.find(ctx, skip_questions=True):
        words = ctx.text[hit.start : hit.end]
        if words == "May":  # the month ("May 4"), not a hedge
            continue
        if words.lower() == "could" and _COULD_NOT.match(ctx.copy, hit.end):
            continue  # "Applicants could not see where their file was": what was impossible, a fact

        yield Hit(
            hit.start,
            hit.end,
            f"hedge: '{words}' weakens the claim",
            "state it plainly, or say what is not known yet and how you will find out",
        )


RULE = Rule("hedge", "vague", 1.0, "Hedges that weaken a claim", check)
