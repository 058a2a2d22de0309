"""Expand an initialism at its first use where the document defines it later: "the SRE team ...
(later) Site Reliability Engineering (SRE)" becomes "the Site Reliability Engineering (SRE)
team". The words come from the document itself, so nothing new is claimed. An initialism the
document never defines is reported: only the writer knows what it stands for."""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.clarity.rules.undefined_acronym import ACRONYM_RE, defined_at
from assistant.revision.edits import Edit
from assistant.revision.rules.base import FixContext, FixRule, Proposal

_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_MARKERS = frozenset(("TBD", "TBA", "TBC", "TODO", "FIXME"))
_SMALL = frozenset(("of", "and", "for", "the", "to", "in", "on", "a", "an", "&"))


def _initials(words: list[str]) -> str:
    return "".join(w[0].upper() for w in words if w.lower() not in _SMALL)


def expansion(text: str, acronym: str, start: int, end: int) -> str | None:
    """The full name a definition at text[start:end] gives, when its initials spell the acronym."""
    letters = "".join(c for c in acronym if c.isalpha()).upper()
    if text[end : end + 1] == ")" and text[start - 1 : start] == "(":
        words = _WORD_RE.findall(text[max(0, start - 120) : start - 1])
        for size in range(len(letters), min(len(letters) + 4, len(words)) + 1):
            candidate = words[-size:]
            if candidate[0][0].isupper() and _initials(candidate) == letters and \
                    re.search(r"\s\(?$", text[:start]) is not None:
                return " ".join(candidate)
        return None
    close = text.find(")", end, end + 150)
    opening = text.find("(", end, end + 3)
    if opening < 0 or close < 0:
        return None
    inside = text[opening + 1 : close].strip()
    words = _WORD_RE.findall(inside)
    return inside if words and _initials(words) == letters and len(inside) <= 80 else None


def propose(ctx: FixContext) -> Iterator[Proposal]:
    findings = [f for f in ctx.score.clarity.findings if f.rule == "undefined_acronym"]
    for finding in findings:
        if finding.text in _MARKERS:
            continue  # a placeholder's marker ("[TBD: ...]"): the placeholder rule's business
        acronym = finding.text.rstrip("s") if finding.text.endswith("s") and finding.text[:-1].isupper() else \
            finding.text
        full = None
        if "defined only later" in finding.message:
            for match in ACRONYM_RE.finditer(ctx.clarity.copy, finding.end):
                if match.group("acr") == acronym and defined_at(ctx.clarity, acronym, match.start(), match.end("acr")):
                    full = expansion(ctx.text, acronym, match.start(), match.end("acr"))
                    break
        if full is None or ctx.is_protected(finding.start, finding.end):
            yield ctx.report("initialism", finding.start, finding.end,
                             f"'{acronym}' is not defined; spell it out at first use")
            continue
        end = finding.start + len(acronym)
        yield Edit(finding.start, end, f"{full} ({acronym})", "initialism")


RULE = FixRule("initialism", "expand an initialism at first use where the document defines it later", propose)
