"""Intensifiers: "very", "extremely", "truly" add emphasis and no information."""

from __future__ import annotations

from collections.abc import Iterator

from assistant.clarity.rules.base import Context, Hit, Rule, phrase_pattern, sentences_with_matches

INTENSIFIERS = (
    "very", "really", "extremely", "incredibly", "truly", "totally", "absolutely", "highly", "hugely",
    "super", "literally", "remarkably", "exceptionally", "tremendously", "immensely", "vastly", "greatly",
    "dramatically", "massively", "insanely", "deeply", "utterly", "wildly", "exceedingly", "enormously",
    "radically",
)
INTENSIFIER_RE = phrase_pattern(INTENSIFIERS)


def check(ctx: Context) -> Iterator[Hit]:
    for _sentence, match in sentences_with_matches(ctx, INTENSIFIER_RE):
        words = ctx.text[match.start() : match.end()]
        yield Hit(match.start(), match.end(), f"intensifier: '{words}' adds emphasis, not information",
                  "cut it; if the degree matters, give the number")


RULE = Rule("intensifier", "hype", 1.0, "Intensifiers", check)
