"""Drop hype words. An adjective that sells ("a seamless, revolutionary app") is deleted where it
stands before its noun; "-ly" adverbs of hype ("seamlessly") are deleted; a few hype verbs have
a plain swap ("empowers" -> "helps"). Hype in other positions ("It is amazing.", "a game
changer") is reported: deleting it would leave a hole the writer must fill with a fact."""

from __future__ import annotations

from collections.abc import Iterator

from assistant.clarity.rules.hype import HYPE_PHRASES
from assistant.revision.edits import deletion, replacement
from assistant.revision.rules.base import FixContext, FixRule, Proposal

ADJECTIVES = frozenset((
    "revolutionary", "game-changing", "game changing", "groundbreaking", "ground-breaking", "cutting-edge",
    "cutting edge", "state-of-the-art", "state of the art", "world-class", "best-in-class", "next-generation",
    "next-gen", "seamless", "effortless", "disruptive", "innovative", "incredible", "amazing", "awesome",
    "unparalleled", "unprecedented", "magical", "industry-leading", "market-leading", "world-leading", "holistic",
    "turnkey", "frictionless", "transformative", "robust", "powerful", "stunning", "delightful",
))
ADVERBS = frozenset(("seamlessly", "effortlessly", "magically"))
SWAPS = {
    "blazing fast": "fast", "blazing-fast": "fast", "lightning-fast": "fast", "lightning fast": "fast",
    "empower": "help", "empowers": "helps", "empowering": "helping", "revolutionize": "change",
    "revolutionizes": "changes", "revolutionise": "change", "reimagine": "redesign", "reimagines": "redesigns",
    "supercharge": "speed up", "supercharges": "speeds up",
}
# Words that cannot follow an attributive adjective: after them the adjective is predicative.
_NOT_NOUNS = frozenset((
    "and", "or", "but", "to", "for", "in", "on", "at", "of", "with", "by", "as", "than", "that", "which", "when",
    "because", "so", "yet", "if", "is", "are", "was", "were", "be",
))
_NOT_BEFORE = frozenset(("and", "or", "but", "so", "too", "as", "very", "more", "most", "less", "least", "is", "are",
                         "was", "were", "be", "been", "being", "feel", "feels", "look", "looks", "seem", "seems"))


def propose(ctx: FixContext) -> Iterator[Proposal]:
    for hit, where in ctx.phrases(HYPE_PHRASES, skip_questions=False):
        words = ctx.text[hit.start : hit.end]
        if any(c.isupper() for c in words[1:]) or (words[:1].isupper() and where.prev is not None):
            continue  # capitalised mid-sentence: part of a name ("Powerful Tools Inc")
        prev, nxt = where.prev, where.next
        if hit.phrase in SWAPS:
            yield replacement(where, SWAPS[hit.phrase], "hype")
            continue
        if hit.phrase in ADVERBS:
            edit = deletion(where, "hype")
            yield edit or ctx.report("hype", hit.start, hit.end, f"'{words}': say what the customer does instead")
            continue
        attributive = (
            hit.phrase in ADJECTIVES and nxt is not None and where.gap_after() == " " and nxt.text.isalpha()
            and nxt.text.islower() and nxt.lower not in _NOT_NOUNS and where.gap_before().strip() == ""
            and (prev is None or prev.lower not in _NOT_BEFORE)
        )
        edit = deletion(where, "hype") if attributive else None
        yield edit or ctx.report("hype", hit.start, hit.end,
                                 f"'{words}': replace it with what the customer can now do, and a number")


RULE = FixRule("hype", "drop hype words ('seamless', 'revolutionary')", propose)
