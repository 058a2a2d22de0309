"""Drop intensifiers: "very", "extremely", "truly" add emphasis and no information. "highly
available" and "very first" keep their word: there it is a term, not emphasis."""

from __future__ import annotations

from collections.abc import Iterator

from assistant.clarity.rules.intensifier import INTENSIFIER_PHRASES
from assistant.revision.edits import deletion
from assistant.revision.rules.base import FixContext, FixRule, Proposal

_TERMS = frozenset(("highly available", "highly scalable", "very first", "very same", "very end", "deeply nested",
                    "super user", "greatly appreciated"))


def propose(ctx: FixContext) -> Iterator[Proposal]:
    for hit, where in ctx.phrases(INTENSIFIER_PHRASES, skip_questions=False):
        words = ctx.text[hit.start : hit.end]
        nxt = where.next
        if nxt is not None and f"{hit.phrase} {nxt.lower}" in _TERMS:
            continue
        opening_aside = where.prev is None and where.gap_after() == ", "  # "Really, the owner ..."
        if nxt is None or (where.gap_after() != " " and not opening_aside):
            # "It is very." / "really?" / "very, very": not an intensifier before a word.
            yield ctx.report("intensifier", hit.start, hit.end, f"'{words}': cut it, or give the number")
            continue
        edit = deletion(where, "intensifier")
        yield edit or ctx.report("intensifier", hit.start, hit.end,
                                 f"'{words}': cut it (deleting it here would break the sentence)")


RULE = FixRule("intensifier", "drop intensifiers ('very', 'extremely')", propose)
