"""A sentence that shares one word with a question and nothing of its meaning touches it; it does
not answer it. Judged on real PR/FAQs (../shared/datasets/prfaq-public/), as `prfaq questions --ask`
would; skipped where the corpus is absent."""

from __future__ import annotations

import pytest
from conftest import SHARED, need_shared

from assistant.documents import load_document
from assistant.questions.offline import ask_offline

PUBLIC = SHARED / "datasets" / "prfaq-public"
pytestmark = pytest.mark.shared


@pytest.mark.parametrize(("name", "question", "not_the_answer"), [
    # "require everyone to create accounts" is about rival apps, not what it depends on
    ("weklund-totus-health-data-sharing-prfaq.md", "What does it depend on?", "Most aggregators either focus"),
])
def test_one_shared_word_and_no_shared_meaning_is_no_answer(name: str, question: str, not_the_answer: str) -> None:
    need_shared("datasets", "prfaq-public")
    found = ask_offline(load_document(PUBLIC / name), [question]).questions[0]
    assert not (found.status == "answered" and found.evidence is not None
                and found.evidence.text.startswith(not_the_answer)), found
