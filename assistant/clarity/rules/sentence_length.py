"""Long sentences. Reviewers ask for sentences under about 20-30 words; past 25 each extra word
costs a little more, so a 45-word sentence counts for more than a 27-word one."""

from __future__ import annotations

from collections.abc import Iterator

from assistant.clarity.rules.base import Context, Hit, Rule

LIMIT = 25
WORDS_PER_EXTRA_UNIT = 10  # every 10 words past the limit counts as one more long sentence
MAX_UNITS = 6.0  # (at 3, two 40-word sentences fused into one 83-word sentence cost less than apart)


def check(ctx: Context) -> Iterator[Hit]:
    for sentence in ctx.prose.sentences:
        count = sentence.word_count
        if count <= LIMIT:
            continue
        units = min(MAX_UNITS, 1.0 + (count - LIMIT) / WORDS_PER_EXTRA_UNIT)
        yield Hit(
            sentence.start,
            sentence.end,
            f"{count}-word sentence (aim for {LIMIT} or fewer)",
            "split it where the idea turns: at 'and', 'but', 'which' or a semicolon",
            units,
        )


RULE = Rule("sentence_length", "length", 1.5, "Sentences longer than 25 words", check)
