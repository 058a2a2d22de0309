"""Intensifiers: "very", "extremely", "truly" add emphasis and no information."""

from __future__ import annotations

from collections.abc import Iterator

from assistant.clarity.rules.base import Context, Hit, Phrases, Rule

INTENSIFIERS = (
    "very", "really", "extremely", "incredibly", "truly", "totally", "absolutely", "highly", "hugely",
    "super", "literally", "remarkably", "exceptionally", "tremendously", "immensely", "vastly", "greatly",
    "dramatically", "massively", "insanely", "deeply", "utterly", "wildly", "exceedingly", "enormously",
    "radically",
)
INTENSIFIER_PHRASES = Phrases(INTENSIFIERS)


def check(ctx: Context) -> Iterator[Hit]:
    for hit in INTENSIFIER_PHRASES.find(ctx):
        words = ctx.text[hit.start : hit.end]
        yield Hit(hit.start, hit.end, f"intensifier: '{words}' adds emphasis, not information",
                  "cut it; if the degree matters, give the number")


RULE = Rule("intensifier", "hype", 1.0, "Intensifiers", check)
