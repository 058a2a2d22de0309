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


# Load the score's word lists now, not inside the fake server's first answer (which the client
# would time out on a loaded machine).
clarity_of("A sentence to load the word lists once.")


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


# -- a literal-minded fake writer for the draft pipeline -------------------------------------------
# It writes every section from lines of the notes (so it invents nothing), and it follows the one
# style instruction a prompt may give it: asked for superlatives and long, flowing sentences, it
# writes them. It knows nothing about scores; whether that writing is worse is for the graders.
_HYPE_ASK = re.compile(r"\buse bold superlatives\b", re.IGNORECASE)
_LONG_ASK = re.compile(r"\blong, flowing sentences\b", re.IGNORECASE)
_HYPE = ("We are thrilled to announce this revolutionary, game-changing and world-class breakthrough, "
         "which will significantly and dramatically transform the way many people work")


def _prompt_name(request: Request) -> str | None:
    found = re.search(r"^prompt: (\S+)$", request.text, re.MULTILINE)
    return found.group(1) if found else None


def _system(request: Request) -> str:
    return "\n".join(str(m.get("content", "")) for m in request.messages if m.get("role") == "system")


def _note_lines(request: Request) -> list[str]:
    notes = enveloped(request, "NOTES") or ""
    lines = [re.sub(r"^\s*(?:[-*]|\d+[.)])\s*", "", line).strip() for line in notes.splitlines()]
    return [line for line in lines if len(line.split()) >= 4] or ["[TBD: what the notes say]"]


def _styled(text: str, hype: bool, long: bool) -> str:
    text = text.rstrip(".")
    if hype:
        text = f"{_HYPE}, and {text[:1].lower()}{text[1:]}"
    if long:
        text += (", and furthermore it could potentially help nearly all customers in many different ways, "
                 "and it is generally considered to be significantly better than anything else available")
    return text + "."


def _sections(request: Request) -> dict[str, str]:
    system = _system(request)
    hype, long = bool(_HYPE_ASK.search(system)), bool(_LONG_ASK.search(system))
    lines = _note_lines(request)

    def line(i: int) -> str:
        return _styled(lines[i % len(lines)], hype, long)
    return {
        "Headline": "[TBD: product name] for the customers in these notes",
        "Sub-heading": _styled("Customers get back the time the notes describe", hype, long),
        "Dateline": "[TBD: city] — [TBD: launch date] —",
        "Summary": line(0),
        "Problem": line(1),
        "Solution": line(2),
        "Leader quote": "“[TBD: why we built this]” — [TBD: leader's name and title]",
        "Getting started": _styled("To get started, customers sign up and follow the steps on screen", hype, long),
        "Customer quote": "“[TBD: a customer's own words about the benefit]” — [TBD: customer's name]",
        "Call to action": "[TBD: product name] is available [TBD: when and where] for [TBD: price].",
    }


def _faq() -> dict[str, object]:
    external = [{"question": q, "answer": f"We don't know yet: [TBD: {what}]."} for q, what in (
        ("How much does it cost?", "price"), ("When can I get it?", "launch date"),
        ("How does it work?", "how it works"), ("What does it work with?", "integrations"),
        ("What happens to my data?", "data handling"))]
    internal = [{"question": q, "answer": f"We don't know yet: [TBD: {what}].", "topic": topic}
                for q, what, topic in (("How many customers are there?", "market size", "market"),
                                       ("What are the economics?", "cost to serve", "economics"),
                                       ("What do we depend on?", "dependencies", "dependencies"),
                                       ("What are the biggest risks?", "risks", "risks"),
                                       ("What will we not do?", "what we will not do", "not_doing"))]
    return {"external": external, "internal": internal, "gaps": []}


def _draft_answer(request: Request) -> Action | None:
    name = _prompt_name(request)
    if name == "draft.extract":
        return Reply(json.dumps({}))
    if name == "draft.press_release":
        return Reply("\n\n".join(f"### {head}\n{body}" for head, body in _sections(request).items()))
    if name == "draft.faq":
        return Reply(json.dumps(_faq()))
    if name == "draft.revise":
        keys = {"Headline": "headline", "Sub-heading": "subheading", "Dateline": "dateline", "Summary": "summary",
                "Problem": "problem", "Solution": "solution", "Leader quote": "leader_quote",
                "Getting started": "getting_started", "Customer quote": "customer_quote",
                "Call to action": "call_to_action"}
        sections = {keys[head]: body for head, body in _sections(request).items()}
        return Reply(json.dumps({"press_release": sections, "faq": _faq()}))
    return None


literal_writer = responder(_draft_answer, _pair_answer(lambda a, b: clarity_of(a) >= clarity_of(b)),
                           _pointwise_answer)
