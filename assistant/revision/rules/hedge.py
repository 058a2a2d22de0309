"""Drop hedges. Adverbs that only soften ("probably", "arguably", "to some extent") are deleted;
"could"/"might"/"may" before a verb become "can" in the press release (in the FAQ they are
reported: "Wholesalers may refuse automated orders" names a risk, and "can" would change what it
says); "aims to reduce" becomes "reduces" and
"should be able to" becomes "can". Hedges that carry an unnamed source ("studies show",
"experts say") are reported: the fix is to name the source, which only the writer can do."""

from __future__ import annotations

from collections.abc import Iterator

from assistant.clarity.rules.base import NUMBER_RE
from assistant.clarity.rules.hedge import HEDGE_PHRASES, not_a_hedge
from assistant.revision.edits import Where, deletion, replacement
from assistant.revision.rules.base import FixContext, FixRule, Proposal

DROP = frozenset((
    "possibly", "probably", "perhaps", "maybe", "arguably", "presumably", "generally", "somewhat", "relatively",
    "hopefully", "ideally", "in some cases", "to some extent", "to a certain degree", "more or less", "sort of",
    "so to speak", "i would argue that",
))
MODALS = frozenset(("could", "might", "may"))
_NOT_AFTER_MODAL = frozenset(("not", "have", "well", "also", "never", "only", "even", "as", "i", "we", "you", "it",
                              "they", "he", "she"))
TO_VERBS = frozenset(("helps to", "aims to", "attempts to", "tries to", "tends to", "tend to", "appears to",
                      "appear to", "seems to", "seem to"))
SWAPS = {"should be able to": "can"}
_IRREGULAR_3RD = {"be": "is", "have": "has", "do": "does", "go": "goes"}
_PLURAL_BE = {"be": "are"}


def third_person(verb: str) -> str:
    """'reduce' -> 'reduces', 'fix' -> 'fixes', 'carry' -> 'carries'."""
    if verb in _IRREGULAR_3RD:
        return _IRREGULAR_3RD[verb]
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        return verb + "es"
    if verb.endswith("y") and len(verb) > 1 and verb[-2] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"



def propose(ctx: FixContext) -> Iterator[Proposal]:
    for hit, where in ctx.phrases(HEDGE_PHRASES):
        words = ctx.text[hit.start : hit.end]
        if not_a_hedge(ctx.text, hit.start, hit.end):
            continue
        nxt = where.next
        if hit.phrase in DROP:
            if nxt is not None and (nxt.text[:1].isdigit() or NUMBER_RE.fullmatch(nxt.text)):
                # "maybe 50 notes": the hedge marks the figure as an estimate; without it, a claim.
                yield ctx.report("hedge", hit.start, hit.end,
                                 f"'{words}' qualifies a figure: give the figure's source or range instead")
                continue
            edit = deletion(where, "hedge")
            yield edit or ctx.report("hedge", hit.start, hit.end,
                                     f"'{words}' sits where deleting it would break the sentence; rewrite it")
        elif hit.phrase in MODALS:
            in_faq = ctx.doc.faq_start is not None and hit.start >= ctx.doc.faq_start
            if in_faq or nxt is None or nxt.lower in _NOT_AFTER_MODAL or not nxt.text.isalpha() \
                    or not nxt.text.islower() or where.gap_after() != " ":
                yield ctx.report("hedge", hit.start, hit.end,
                                 f"'{words}': say plainly what it does, or what is not known yet")
            else:
                yield replacement(where, "can", "hedge")
        elif hit.phrase in SWAPS:
            yield replacement(where, SWAPS[hit.phrase], "hedge")
        elif hit.phrase in TO_VERBS:
            verb = nxt.text if nxt is not None else ""
            if not verb.isalpha() or not verb.islower() or verb.endswith("ly") or where.gap_after() != " ":
                yield ctx.report("hedge", hit.start, hit.end, f"'{words}': say what it does, plainly")
                continue
            singular = hit.phrase.split()[0].endswith("s")
            new = third_person(verb) if singular else _PLURAL_BE.get(verb, verb)
            span = Where(ctx.text, where.sentence, where.i, where.j + 1)
            yield replacement(span, new, "hedge")
        else:
            yield ctx.report("hedge", hit.start, hit.end,
                             f"'{words}': name the source or the evidence, or cut the claim")


RULE = FixRule("hedge", "drop hedges ('probably', 'could', 'aims to')", propose)
