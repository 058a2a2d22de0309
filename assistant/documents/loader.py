"""Load a document from a path or standard input, refusing bad input with one clear line.

All input validation happens here, before any parsing: what the path is (missing, a
directory, a device or FIFO), how big it is, whether it is text at all, and which encoding it
uses. Nothing is read past `max_bytes + 1` bytes, even from a file that claims to be small.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from pathlib import Path

from assistant.config import DEFAULT_MAX_BYTES
from assistant.documents.models import Document, SourceFormat
from assistant.documents.sanitize import CleanText, decode_bytes, normalise_text
from assistant.errors import InputError

_ANY_WORD = re.compile(r"[^\W_]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}
TEXT_SUFFIXES = {".txt", ".text", ""}
REFUSED_SUFFIXES = {
    ".doc": "old binary Word (.doc) files are not supported; save it as .docx",
    ".docm": "macro-enabled Word files (.docm) are not opened; save it as a plain .docx",
    ".pdf": "PDF files are not supported; export the text as .md, .txt or .docx",
    ".odt": "OpenDocument files are not supported; save it as .docx",
    ".rtf": "RTF files are not supported; save it as .docx or .txt",
}


def _size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size} bytes"


def _too_big(name: str, size: int | None, max_bytes: int) -> InputError:
    what = f"is {_size_text(size)}" if size is not None else "is larger than"
    return InputError(f"{name} {what}, over the {_size_text(max_bytes)} limit for one document "
                      f"(set PRFAQ_MAX_BYTES to raise it, e.g. PRFAQ_MAX_BYTES={max_bytes * 2})")


def _read_file(path: Path, name: str, max_bytes: int) -> bytes:
    try:
        info = os.stat(path)  # follows symlinks: a link to /dev/zero is judged by its target
    except FileNotFoundError:
        hint = " (or a broken symbolic link)" if os.path.islink(path) else ""
        raise InputError(f"{name}: no such file{hint}") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot access it ({exc.strerror or exc})") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{name} is a directory; give a single document (prfaq critique reads whole folders)")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{name} is not a regular file (a device, FIFO or socket); give a document file")
    if info.st_size > max_bytes:
        raise _too_big(name, info.st_size, max_bytes)
    try:
        with open(path, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):  # swapped since the stat above
                raise InputError(f"{name} is not a regular file; give a document file")
            data = handle.read(max_bytes + 1)
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{name} is a directory; give a single document") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read it ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise _too_big(name, None, max_bytes)
    return data


def _read_stdin(max_bytes: int) -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InputError("cannot read standard input (it is closed)")
    try:
        data = stream.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(f"cannot read standard input ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise _too_big("standard input", None, max_bytes)
    return data


def _format_for(path: Path, name: str) -> SourceFormat:
    suffix = path.suffix.lower()
    if suffix in REFUSED_SUFFIXES:
        raise InputError(f"{name}: {REFUSED_SUFFIXES[suffix]}")
    if suffix == ".docx":
        return "docx"
    return "md" if suffix in MARKDOWN_SUFFIXES else "txt"


def _text_of(data: bytes, name: str, source_format: SourceFormat, max_bytes: int) -> CleanText:
    if not data:
        raise InputError(f"{name} is empty (0 bytes)")
    if source_format == "docx":
        from assistant.documents.docx_reader import read_docx

        docx = read_docx(data, name)
        if len(docx.text) > max_bytes:
            raise InputError(f"{name}: its text is over the {_size_text(max_bytes)} limit for one document "
                             "(set PRFAQ_MAX_BYTES to raise it)")
        clean = normalise_text(docx.text, name, markdown=False)
        return CleanText(text=clean.text, warnings=docx.warnings + clean.warnings)
    decoded = decode_bytes(data, name)
    clean = normalise_text(decoded.text, name, markdown=source_format in ("md", "stdin"))
    return CleanText(text=clean.text, warnings=decoded.warnings + clean.warnings)


def load_document(source: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read a .md, .txt or .docx file, or "-" for standard input, into a parsed Document.

    Raises InputError (one line, exit code 2 in the CLI) for anything that is not a usable
    document.
    """
    if max_bytes <= 0:
        raise InputError(f"the size limit must be positive (got {max_bytes}); check PRFAQ_MAX_BYTES")
    if str(source) == "-":
        name, path_text = "standard input", None
        data = _read_stdin(max_bytes)
        source_format: SourceFormat = "docx" if data.startswith(b"PK\x03\x04") else "stdin"
    else:
        path = Path(source)
        name = path_text = str(source)
        if not name.strip():
            raise InputError("no document given (empty path)")
        source_format = _format_for(path, name)
        data = _read_file(path, name, max_bytes)
    return load_bytes(data, name=name, path=path_text, source_format=source_format, max_bytes=max_bytes)


def load_bytes(data: bytes, *, name: str, path: str | None = None, source_format: SourceFormat = "md",
               max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """A document from bytes already in memory (a file dropped on `prfaq serve`'s page, a request
    body), checked exactly as a file would be: size, encoding, words. `name` is what errors call it."""
    from assistant.documents.parse import parse_document

    if len(data) > max_bytes:
        raise _too_big(name, len(data), max_bytes)
    clean = _text_of(data, name, source_format, max_bytes)
    if not clean.text.strip():
        raise InputError(f"{name} is empty: it contains no text (only whitespace or invisible characters)")
    if not _ANY_WORD.search(clean.text):
        raise InputError(f"{name} contains no words (only punctuation or Markdown markup)")
    if not _LATIN_LETTER.search(clean.text):
        # The rules read English: a text with no Latin letter at all would score 100 and pass every
        # review with nothing to quote. Often it is not text at all (bytes that decode as UTF-16 CJK).
        raise InputError(f"{name} has no word in the Latin alphabet: prfaq reads English prose "
                         "(if it is English, check that it was saved as UTF-8 text)")
    doc = parse_document(clean.text, path=path, source_format=source_format)
    doc.warnings = clean.warnings + doc.warnings
    return doc
