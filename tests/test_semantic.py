"""The semantic layer: questions that mean the same thing are closer than questions that share
words, vectors are cached on disk by content, and the layer can be switched off."""

from __future__ import annotations

import numpy as np
import pytest

from assistant import semantic


def test_a_paraphrase_is_closer_than_another_topic():
    # Embeddings alone still favour shared words ("scope of the pricing page"), which is why the
    # questions engine combines them with structure and answer types; a paraphrase without a
    # shared content word must still beat a question on another subject.
    asked = ["What is explicitly out of scope?"]
    candidates = ["Which features are excluded?", "How much does it cost per month?"]
    scores = semantic.similarity(asked, candidates)[0]
    assert scores[0] > scores[1] + 0.1


def test_price_questions_find_each_other_among_other_topics():
    faq = ["How much does it cost?", "Who is it for?", "How do I install it?", "What are the biggest risks?"]
    scores = semantic.similarity(["What is the price?"], faq)[0]
    assert int(np.argmax(scores)) == 0


def test_vectors_have_unit_length_and_repeat_exactly():
    first = semantic.encode(["Grocers lose 8% of sales to empty shelves.", ""])
    again = semantic.encode(["Grocers lose 8% of sales to empty shelves.", ""])
    assert first.shape == (2, semantic.DIMENSIONS)
    assert np.allclose(np.linalg.norm(first[0]), 1.0, atol=1e-4)
    assert np.array_equal(first, again)


def test_bank_vectors_are_cached_on_disk_by_content(tmp_path, monkeypatch):
    monkeypatch.setenv("PRFAQ_CACHE_DIR", str(tmp_path))
    texts = ["Who is the customer?", "What does it cost?"]
    vectors = semantic.cached_encode("test", texts)
    files = list(tmp_path.glob("vectors-test-*.npy"))
    assert len(files) == 1
    assert np.allclose(np.load(files[0]), vectors)
    semantic.cached_encode("test", [*texts, "Why now?"])  # other texts, another file: never a stale hit
    assert len(list(tmp_path.glob("vectors-test-*.npy"))) == 2


def test_an_unwritable_cache_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("PRFAQ_CACHE_DIR", str(blocker / "cache"))
    assert semantic.cached_encode("test", ["Who is it for?"]).shape == (1, semantic.DIMENSIONS)


@pytest.mark.parametrize("value", ["off", "0", "false"])
def test_the_layer_can_be_switched_off(monkeypatch, value):
    monkeypatch.setenv("PRFAQ_SEMANTIC", value)
    assert not semantic.enabled()


def test_a_huge_text_costs_no_more_than_its_first_thousand_characters():
    huge = "word " * 200_000
    vector = semantic.encode([huge])[0]
    assert np.allclose(vector, semantic.encode([huge[: semantic.MAX_CHARS]])[0], atol=1e-5)
