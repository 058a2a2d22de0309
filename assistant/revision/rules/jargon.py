"""Swap corporate jargon for plain words ("utilize" -> "use", "in order to" -> "to"). Only
swaps that keep the sentence grammatical are made; the rest ("synergy", "move the needle") need
the writer's facts and are reported. "Going forward," and "at the end of the day," are cut."""

from __future__ import annotations

from collections.abc import Iterator

from assistant.clarity.rules.hype import CORPORATE_PHRASES
from assistant.revision.edits import deletion, replacement
from assistant.revision.rules.base import FixContext, FixRule, Proposal

SWAPS = {
    "leverage": "use", "leverages": "uses", "leveraging": "using", "utilize": "use", "utilizes": "uses",
    "utilizing": "using", "utilise": "use", "facilitate": "help", "facilitates": "helps", "in order to": "to",
    "at this point in time": "now", "circle back": "return", "touch base": "talk", "deep dive": "close look",
    "low-hanging fruit": "easy wins", "core competency": "strength", "thought leader": "expert",
    "actionable insights": "insights you can act on",
}
CUT = frozenset(("going forward", "moving forward", "at the end of the day"))
# Before these, "leverage" is the noun (an advantage), not the verb.
_DETERMINERS = frozenset(("a", "an", "the", "our", "their", "your", "its", "no", "more", "any", "some", "much",
                          "have", "has", "had", "gain", "gains", "give", "gives", "less", "enough"))


def propose(ctx: FixContext) -> Iterator[Proposal]:
    for hit, where in ctx.phrases(CORPORATE_PHRASES, skip_questions=False):
        words = ctx.text[hit.start : hit.end]
        prev = where.prev
        if hit.phrase in SWAPS:
            if hit.phrase.startswith("leverag") and prev is not None and prev.lower in _DETERMINERS:
                yield ctx.report("jargon", hit.start, hit.end, f"'{words}' (a noun here): say what the advantage is")
                continue
            yield replacement(where, SWAPS[hit.phrase], "jargon")
        elif hit.phrase in CUT:
            # Only as an aside ("Going forward, we ..." / "..., going forward."), never "the work is moving forward".
            aside = (prev is None and where.gap_after().strip() == ",") or \
                (where.next is None and where.gap_before().strip() == ",")
            edit = deletion(where, "jargon") if aside else None
            yield edit or ctx.report("jargon", hit.start, hit.end, f"'{words}': cut it or say when")
        else:
            yield ctx.report("jargon", hit.start, hit.end, f"corporate speak '{words}': say the concrete thing")


RULE = FixRule("jargon", "swap corporate jargon for plain words ('utilize' -> 'use')", propose)
