"""Vague quantities and weasel words: "many", "significantly", "nearly all" stand where a
number should. Reviewers ask "how many?" every time. Questions are exempt ("How many stores
could use it?" is the right question to ask)."""

from __future__ import annotations

from collections.abc import Iterator

from assistant.clarity.rules.base import Context, Hit, Phrases, Rule

VAGUE = (
    "many", "numerous", "various", "several", "countless", "a number of", "a lot of", "lots of",
    "a great deal of", "a majority of", "the majority of", "the vast majority of", "nearly all",
    "almost all", "virtually all", "most of", "a few", "a handful of", "plenty of", "tons of",
    "significantly", "significant", "substantially", "substantial", "considerably", "considerable",
    "a significant number of", "a large number of", "a small number of", "large numbers of",
    "more and more", "increasingly", "widely", "extensive", "massive", "a small amount", "a large amount",
    "a fraction of", "a little", "a bit", "for a while", "in a while", "soon", "shortly", "in the near future",
    "in a timely manner", "at scale",
)
VAGUE_PHRASES = Phrases(VAGUE)
SUGGESTION = "give the number: how many, how much, out of how many"


def _vague_most(ctx: Context) -> Iterator[tuple[int, int]]:
    """"most" before a plural noun ("most customers") is vague; "the most useful" is a
    superlative, left to the unquantified-claim rule."""
    for sentence, lowers in zip(ctx.prose.sentences, ctx.lowered, strict=True):
        if ctx.is_question(sentence):
            continue
        for i, word in enumerate(lowers[:-1]):
            following = lowers[i + 1]
            if word == "most" and (i == 0 or lowers[i - 1] not in ("the", "at")) and following.endswith("s") \
                    and following.isalpha() and following != "of":
                yield sentence.words[i].start, sentence.words[i].end


def check(ctx: Context) -> Iterator[Hit]:
    spans = [(hit.start, hit.end) for hit in VAGUE_PHRASES.find(ctx, skip_questions=True)]
    for start, end in sorted(spans + list(_vague_most(ctx))):
        words = ctx.text[start:end]
        yield Hit(start, end, f"vague quantity: '{words}' where a number belongs", SUGGESTION)


RULE = Rule("vague_quantity", "vague", 1.5, "Vague quantities instead of numbers", check)
