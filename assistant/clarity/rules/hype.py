"""Hype and corporate speak. Adjectives that sell instead of inform ("revolutionary",
"seamless", "thrilled") and business catch-phrases ("leverage", "synergy"). Lists drawn from
Amazon's writing guidance as quoted in public write-ups and proselint's corporate-speak check."""

from __future__ import annotations

from collections.abc import Iterator

from assistant.clarity.rules.base import Context, Hit, Phrases, Rule

HYPE = (
    "revolutionary", "revolutionize", "revolutionizes", "revolutionise", "game-changing", "game changing",
    "game changer", "game-changer", "groundbreaking", "ground-breaking", "cutting-edge", "cutting edge",
    "state-of-the-art", "state of the art", "world-class", "best-in-class", "best of breed",
    "next-generation", "next-gen", "seamless", "seamlessly", "effortless", "effortlessly", "disruptive",
    "innovative", "thrilled", "excited to announce", "delighted to", "incredible", "amazing", "awesome",
    "unparalleled", "unprecedented", "paradigm shift", "magical", "magically", "blazing fast",
    "blazing-fast", "lightning-fast", "lightning fast", "industry-leading", "market-leading",
    "world-leading", "mission-critical", "holistic", "empower", "empowers", "empowering", "supercharge",
    "supercharges", "turnkey", "frictionless", "one-stop shop", "transformative", "reimagine",
    "reimagines", "unlock", "unlocks", "robust", "powerful", "stunning", "breakthrough", "delightful",
)
CORPORATE = {
    "leverage": "use", "leverages": "uses", "leveraging": "using", "utilize": "use", "utilizes": "uses",
    "utilizing": "using", "utilise": "use", "facilitate": "help", "facilitates": "helps",
    "synergy": "what each side gains, concretely", "synergies": "what each side gains, concretely",
    "in order to": "to", "at this point in time": "now", "going forward": "from now on (or cut it)",
    "moving forward": "from now on (or cut it)", "best practices": "the specific practice",
    "value-add": "the benefit, concretely", "value add": "the benefit, concretely",
    "circle back": "return to", "touch base": "talk", "low-hanging fruit": "the easiest wins",
    "move the needle": "change <metric> by <amount>", "deep dive": "close look", "bandwidth": "time",
    "actionable insights": "what the reader can act on", "win-win": "what each side gains",
    "think outside the box": "(say the idea)", "at the end of the day": "(cut it)",
    "core competency": "what we do best", "thought leader": "expert",
    "kick off": "start", "kicks off": "starts", "kicked off": "started", "north star": "goal",
    "north stars": "goals", "operationalize": "build (or run)", "operationalizes": "builds (or runs)",
    "synergize": "work together", "remediate": "fix", "remediates": "fixes", "optimize": "improve (by how much?)",
    "optimizes": "improves (by how much?)",
}
HYPE_PHRASES = Phrases(HYPE)
CORPORATE_PHRASES = Phrases(CORPORATE)


def check(ctx: Context) -> Iterator[Hit]:
    for hit in HYPE_PHRASES.find(ctx):
        words = ctx.text[hit.start : hit.end]
        yield Hit(hit.start, hit.end, f"hype: '{words}' sells instead of informs",
                  "replace it with what the customer can now do, and a number")
    for hit in CORPORATE_PHRASES.find(ctx):
        words = ctx.text[hit.start : hit.end]
        yield Hit(hit.start, hit.end, f"corporate speak: '{words}'", f"say '{CORPORATE[hit.phrase]}'")


RULE = Rule("hype", "hype", 2.0, "Hype and corporate speak", check)
