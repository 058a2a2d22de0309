"""Fake model answers for the eval tests, as responders for the loopback fake server.

The fake judges read the texts out of their envelopes and decide by a rule, so what the eval
measures (agreement, position bias) comes from how the judge behaves, not from the test:
- `fair_judge` prefers the text with the higher deterministic clarity score, whichever side it is on;
- `first_judge` always prefers whatever it was shown first (pure position bias).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from fake_server import Action, Reply, Request, schema_echo

CRITERIA = ("simplicity", "active_voice", "specificity", "jargon_acronyms", "customer_benefit", "structure")
_ENVELOPE = r"<<<{label} (\w+)>>>\n(.*?)\n<<<END {label} \1>>>"


def enveloped(request: Request, label: str) -> str | None:
    found = re.search(_ENVELOPE.format(label=label), request.text, re.DOTALL)
    return found.group(2) if found else None


def clarity_of(text: str) -> float:
    from assistant.clarity.score import clarity_report
    from assistant.documents.models import Document

    return clarity_report(Document(text=text)).score


def _pair_answer(pick_a: Callable[[str, str], bool]) -> Callable[[Request], Action | None]:
    def answer(request: Request) -> Action | None:
        a, b = enveloped(request, "TEXT_A"), enveloped(request, "TEXT_B")
        if a is None or b is None:
            return None
        choice = "A" if pick_a(a, b) else "B"
        return Reply(json.dumps({"reasoning": f"Version {choice} reads more plainly.", "clearer": choice}))
    return answer


def _pointwise_answer(request: Request) -> Action | None:
    document = enveloped(request, "DOCUMENT")
    if document is None:
        return None
    score = max(1, min(5, 5 - int((100 - clarity_of(document)) // 4)))  # a point per 4 points lost
    criteria = [{"criterion": c, "quotes": [], "reasoning": "Judged by the fake.", "score": score} for c in CRITERIA]
    return Reply(json.dumps({"criteria": criteria}))


def responder(*answers: Callable[[Request], Action | None]) -> Callable[[Request], Action]:
    """The first answer that recognises the request wins; anything else gets a minimal valid object."""

    def respond(request: Request) -> Action:
        for answer in answers:
            action = answer(request)
            if action is not None:
                return action
        return schema_echo(request)
    return respond


fair_judge = responder(_pair_answer(lambda a, b: clarity_of(a) >= clarity_of(b)), _pointwise_answer)
first_judge = responder(_pair_answer(lambda a, b: True), _pointwise_answer)
