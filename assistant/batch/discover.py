"""Find the documents named on the command line: files, folders (recursively) and "-".

Folders are searched for .md, .markdown, .txt and .docx files in a stable (sorted) order;
hidden folders and files, Word's "~$" lock files and the output folder itself are skipped.
A file named explicitly is always taken, whatever its suffix: the loader then says clearly
why it cannot be read. Each file's bytes are hashed here, so that a resumed run can skip a
document without parsing it.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path

from assistant.batch.models import DocSource
from assistant.errors import InputError

DOCUMENT_SUFFIXES = (".md", ".markdown", ".txt", ".docx")
_CHUNK = 1 << 20


def discover(paths: Sequence[Path | str], *, out_dir: Path | None = None,
             max_bytes: int = 5 * 1024 * 1024) -> list[DocSource]:
    """Every document to critique, each once, in the order given (folders sorted inside)."""
    if not paths:
        raise InputError("no documents given; name files, folders, or - for standard input")
    skip = _real(out_dir) if out_dir is not None else None
    seen: set[str] = set()
    found: list[DocSource] = []
    for raw in paths:
        for source in _expand(str(raw), skip, max_bytes):
            identity = "-" if source.file is None else _real(source.file)
            if identity in seen:
                continue
            seen.add(identity)
            found.append(source)
    if not found:
        names = ", ".join(str(p) for p in paths)
        raise InputError(f"no documents found in {names} (looked for {', '.join(DOCUMENT_SUFFIXES)} files)")
    return found


def _expand(raw: str, skip: str | None, max_bytes: int) -> Iterator[DocSource]:
    if raw == "-":
        yield _stdin_source(max_bytes)
        return
    if not raw.strip():
        raise InputError("an empty path was given; name files, folders, or - for standard input")
    path = Path(raw)
    if os.path.isdir(path):
        yield from _walk(path, skip, max_bytes)
    elif os.path.lexists(path):
        yield _file_source(path, max_bytes)
    else:
        raise InputError(f"{raw}: no such file or folder")


def _walk(root: Path, skip: str | None, max_bytes: int) -> Iterator[DocSource]:
    def on_error(exc: OSError) -> None:
        raise InputError(f"{exc.filename}: cannot list this folder ({exc.strerror or exc})")

    for folder, dirnames, filenames in os.walk(root, onerror=on_error):
        # Prune in place so os.walk does not descend: hidden folders (.git, .venv) and our own output.
        dirnames[:] = sorted(d for d in dirnames
                             if not d.startswith(".") and (skip is None or _real(Path(folder, d)) != skip))
        for name in sorted(filenames):
            if name.startswith((".", "~$")) or not name.lower().endswith(DOCUMENT_SUFFIXES):
                continue
            yield _file_source(Path(folder, name), max_bytes)


def _file_source(path: Path, max_bytes: int) -> DocSource:
    sha256, size = file_sha256(path, max_bytes)
    return DocSource(path=str(path), file=path, sha256=sha256, size=size)


def file_sha256(path: Path, max_bytes: int) -> tuple[str, int | None]:
    """Hash a regular file's bytes (the first max_bytes+1 of them: a longer file is refused later
    anyway). Devices, FIFOs and unreadable files are not opened: they hash to ""."""
    try:
        info = os.stat(path)
    except OSError:
        return "", None
    if not stat.S_ISREG(info.st_mode):
        return "", None
    digest = hashlib.sha256()
    remaining = max_bytes + 1
    try:
        with open(path, "rb") as handle:
            while remaining > 0:
                chunk = handle.read(min(_CHUNK, remaining))
                if not chunk:
                    break
                digest.update(chunk)
                remaining -= len(chunk)
    except OSError:
        return "", info.st_size
    return digest.hexdigest(), info.st_size


def _stdin_source(max_bytes: int) -> DocSource:
    """Standard input can be read only once, so it is loaded here; errors surface at once."""
    from assistant.documents import load_document

    doc = load_document("-", max_bytes=max_bytes)
    digest = hashlib.sha256(doc.text.encode("utf-8", "surrogatepass")).hexdigest()
    return DocSource(path="<stdin>", file=None, sha256=digest, size=len(doc.text), stdin_doc=doc)


def _real(path: Path) -> str:
    return os.path.realpath(path)
