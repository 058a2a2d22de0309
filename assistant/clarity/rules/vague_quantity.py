"""Vague quantities and weasel words: "many", "significantly", "nearly all" stand where a
number should. Reviewers ask "how many?" every time. Questions are exempt ("How many stores
could use it?" is the right question to ask)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.clarity.rules.base import Context, Hit, Rule, phrase_pattern, sentences_with_matches

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
VAGUE_RE = phrase_pattern(VAGUE)
# "most" is vague before a plural noun ("most customers"); "the most useful" is a superlative,
# left to the unquantified-claim rule.
MOST_RE = re.compile(r"(?<!the )(?<!\w)most\s+(?=[a-z]+s\b)", re.I)


def check(ctx: Context) -> Iterator[Hit]:
    for pattern in (VAGUE_RE, MOST_RE):
        for _sentence, match in sentences_with_matches(ctx, pattern, skip_questions=True):
            words = ctx.text[match.start() : match.end()].strip()
            yield Hit(
                match.start(),
                match.start() + len(words),
                f"vague quantity: '{words}' where a number belongs",
                "give the number: how many, how much, out of how many",
            )


RULE = Rule("vague_quantity", "vague", 1.5, "Vague quantities instead of numbers", check)
