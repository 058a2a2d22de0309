"""The understanding evals, run on the real public PR/FAQs as regression floors.

`evals/answeredness.py` (hand-labelled answered / partly / unanswered) and
`evals/questions_ask.py` (authors' own questions asked of their document with the FAQ question
lines removed) are the measurements issue 15 is judged by. The floors sit a little under what
main scores today (83.1% / 68.1% and 43.5%), so a change that makes the offline engine read
worse fails here, not in a user's review meeting; they are not the goals (85% / 70% and 60%).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from conftest import need_shared

EVALS = Path(__file__).resolve().parent.parent / "evals"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"_eval_{name}", EVALS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.shared
def test_answeredness_agrees_with_the_hand_labels_at_least_as_well_as_today():
    folder = need_shared("datasets", "prfaq-public")
    answeredness = _load("answeredness")
    rows = answeredness.judge_all(folder)
    assert len(rows) == 160
    overall = answeredness.scores(rows)
    assert overall["binary"] >= 0.86, overall
    assert overall["exact"] >= 0.71, overall
    for row in rows:
        assert row["evidence"] is None or row["tool"] != "unanswered", row


@pytest.mark.shared
def test_authors_questions_find_their_own_answers_without_the_question_lines():
    folder = need_shared("datasets", "prfaq-public")
    questions_ask = _load("questions_ask")
    result = questions_ask.measure(folder)
    assert result["questions"] >= 250, result["questions"]
    assert result["rate"] >= 0.45, (result["hits"], result["questions"])
