"""reviewer-keys: a skeptical reviewer's own questions, asked of PR/FAQs written by someone else.

Eight PR/FAQs (tests/fixtures/questions/: ledgerlark, pathcast, ferrymate, clinicqueue, kilnbook,
gridwise, pawpatrol-vet, openledger-sdk), each with twelve questions in a reviewer's words
(evals/datasets/reviewer-keys/NAME.questions.txt) and a key written with them (NAME.key.md): each
question's status (answered, partly, unanswered) and the document's sentence that answers it
best, copied verbatim. The questions are asked together, as `prfaq questions --ask` asks them
(offline engine), and three figures are counted:

- answered or not: the tool's answered-or-partly against unanswered agrees with the key's;
- evidence: for the questions the key says are answered or partly, the quote shown lies in (or
  holds) a sentence the key gives;
- false answers: questions the key says are unanswered that the tool calls answered.

    python evals/reviewer_keys.py

These documents were written for session 41 by helpers who never saw the tool's code, and the
faults they showed were fixed then: the figures are in-sample for that session (71/96, 24/72 and
13 before; 72/96, 30/72 and 6 after), a regression check from then on.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

KEYS = REPO / "evals" / "datasets" / "reviewer-keys"
DOCS = REPO / "tests" / "fixtures" / "questions"
NAMES = ("ledgerlark", "pathcast", "ferrymate", "clinicqueue", "kilnbook", "gridwise", "pawpatrol-vet",
         "openledger-sdk")
# Each key block: a question's heading or numbered line, its status, its best sentence(s) in quotes.
_BLOCK = re.compile(r"\n(?=#+ |\d+\. \*\*Q)")
_STATUS = re.compile(r"Status\W+\s*(\w+)")
_QUOTED = re.compile(r"[\"“](.{20,}?)[\"”](?:\s*$|\s*\n|\.?\s*\()", re.MULTILINE)
PREFIX = 60  # characters of the quote or the key sentence that must agree


def _words(text: str) -> str:
    return " ".join(text.split())


def _holds(evidence: str, sentences: list[str]) -> bool:
    shown = _words(evidence)
    return any(shown[:PREFIX] in _words(s) or _words(s)[:PREFIX] in shown for s in sentences)


def main() -> int:
    from assistant.documents import load_document
    from assistant.questions.offline import ask_offline

    total = agree = held = answerable = false_answers = 0
    for name in NAMES:
        asked = [line.strip() for line in (KEYS / f"{name}.questions.txt").read_text(encoding="utf-8").splitlines()
                 if line.strip()]
        blocks = [b for b in _BLOCK.split((KEYS / f"{name}.key.md").read_text(encoding="utf-8")) if _STATUS.search(b)]
        report = ask_offline(load_document(DOCS / f"{name}.md"), asked)
        for question, block in zip(report.questions, blocks, strict=False):
            status = _STATUS.search(block)
            assert status is not None
            key_answers = not status.group(1).lower().startswith("unans")
            total += 1
            agree += key_answers == (question.status != "unanswered")
            false_answers += not key_answers and question.status == "answered"
            if key_answers:
                answerable += 1
                held += question.evidence is not None and _holds(question.evidence.text, _QUOTED.findall(block))
    print(f"reviewer-keys: {total} questions of {len(NAMES)} PR/FAQs")
    print(f"answered or not, agreeing with the key: {agree}/{total}")
    print(f"evidence in the key's sentence:          {held}/{answerable} (the key: answered or partly)")
    print(f"unanswered by the key, judged answered:  {false_answers}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
