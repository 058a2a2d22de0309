"""Sentence vectors kept on disk between runs (assistant/semantic/store.py): a sentence seen in
an earlier run is not embedded again, the results are the same whether the cache was warm or
cold, and a cache that is broken, unwritable or switched off only makes a run slower."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from conftest import run_prfaq

from assistant import semantic

SENTENCES = ["Tidepool keeps repair requests in one list.", "Landlords pay $4 per unit per month."]


@pytest.fixture
def fresh(monkeypatch, tmp_path: Path) -> Path:
    """An empty cache dir, an empty in-memory memo, and no model loaded yet in this process."""
    monkeypatch.setenv("PRFAQ_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(semantic, "_memo", {})
    return tmp_path


def test_a_sentence_seen_before_comes_from_disk_without_loading_the_model(fresh, monkeypatch):
    first = semantic.encode(SENTENCES)
    assert (fresh / "sentence-vectors.sqlite").is_file()
    monkeypatch.setattr(semantic, "_memo", {})

    def no_model():
        raise AssertionError("the model was loaded for sentences the cache holds")

    monkeypatch.setattr(semantic, "_load", no_model)
    again = semantic.encode(SENTENCES)
    assert np.array_equal(first, again)  # bit for bit: a warm cache never changes a result


def test_a_corrupt_cache_file_only_costs_the_model(fresh, monkeypatch):
    (fresh / "sentence-vectors.sqlite").write_bytes(b"this is not a database" * 100)
    vectors = semantic.encode(SENTENCES)
    assert vectors.shape == (2, semantic.DIMENSIONS)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0)


def test_switched_off_nothing_is_written(fresh, monkeypatch):
    monkeypatch.setenv("PRFAQ_VECTOR_CACHE", "off")
    semantic.encode(SENTENCES)
    assert not (fresh / "sentence-vectors.sqlite").exists()


def test_an_unwritable_cache_dir_still_answers(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("PRFAQ_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.setattr(semantic, "_memo", {})
    assert semantic.encode(SENTENCES).shape == (2, semantic.DIMENSIONS)


def test_a_second_run_of_questions_gives_the_same_report(tmp_path, monkeypatch):
    monkeypatch.setenv("PRFAQ_CACHE_DIR", str(tmp_path / "cache"))
    doc = Path(__file__).parent / "fixtures" / "questions" / "scopebox.md"
    cold = run_prfaq("questions", str(doc), "--format", "json", timeout=120)
    warm = run_prfaq("questions", str(doc), "--format", "json", timeout=120)
    assert cold.code == warm.code == 0, (cold.stderr, warm.stderr)
    assert cold.stdout == warm.stdout
    assert (tmp_path / "cache" / "sentence-vectors.sqlite").is_file()
