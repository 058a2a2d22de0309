"""Turn raw bytes into clean text, and say what was repaired.

Everything here works on whole strings with the `re` module or `str` methods: a 5 MB file must
not be walked one character at a time in Python.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from assistant.errors import InputError

# Control characters that never belong in prose (tab, newline and carriage return do).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_C1_CONTROL = re.compile(r"[\x80-\x9f]")
# Invisible characters used to hide or reorder text: zero-width spaces and joiners, word
# joiner, invisible operators, Mongolian vowel separator, and a byte-order mark left inside.
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u2060-\u2064\u180e\ufeff]")
# A zero-width joiner is legitimate inside an emoji sequence (family, profession emoji).
_EMOJI = "\U0001f000-\U0001faff\u2600-\u27bf"
_STRAY_ZWJ = re.compile(rf"(?<![{_EMOJI}\ufe0f])\u200d|\u200d(?![{_EMOJI}])")
# Bidirectional controls can make text read differently from how it is stored ("Trojan Source").
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
# Unicode tag characters spell out invisible ASCII: a known way to smuggle instructions.
_TAGS = re.compile(r"[\U000e0000-\U000e007f]")
_ANY_INVISIBLE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2060-\u2069\u180e\ufeff\u061c\U000e0000-\U000e007f]")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)

BINARY_CONTROL_RATIO = 0.05  # more than 5% control characters: not text (random bytes give ~10%)
_MAGIC = (
    (b"%PDF", "a PDF file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "an executable (ELF)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"PK\x03\x04", "a zip archive (a Word .docx or similar); give it the .docx extension if it is one"),
    (b"\xd0\xcf\x11\xe0", "an old-format Office file (.doc) or a password-protected one; save it as .docx"),
)


class CleanText(NamedTuple):
    """Decoded, normalised text and what was done to it on the way. (A plain tuple, not a pydantic
    model: it never leaves the loader, and `prfaq score` pays for every model class it builds.)"""

    text: str
    warnings: list[str]


def describe_magic(data: bytes) -> str | None:
    """What a file is, judged by its first bytes, when it is a well-known binary format."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    return None


def _utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when the bytes look like UTF-16 text with no byte-order mark.

    ASCII-range text in UTF-16 has a NUL in every other byte; binary files have NULs
    scattered without that rhythm.
    """
    sample = sample[: 4096 - (len(sample[:4096]) % 2)]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nul = even.count(0) / len(even)
    odd_nul = odd.count(0) / len(odd)
    if odd_nul > 0.4 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.4 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes, name: str) -> CleanText:
    """Decode a text file: UTF-8 (with or without BOM), UTF-16/32, else cp1252 or Latin-1 with a warning.

    Raises InputError for binary data and for text that still looks like garbage.
    """
    warnings: list[str] = []
    if data.startswith(b"\xef\xbb\xbf"):
        return CleanText(text=_decode_strict(data, "utf-8-sig", name), warnings=[])
    for bom, codec in ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
                       (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            text = _decode_strict(data, codec, name)
            warnings.append(f"decoded as {codec.upper()} (byte-order mark found); UTF-8 is preferred")
            return CleanText(text=text, warnings=warnings)
    magic = describe_magic(data)
    if magic:
        raise InputError(f"{name}: this is {magic}, not a text document; prfaq reads .md, .txt and .docx")
    utf16 = _utf16_without_bom(data)
    if utf16:
        text = _decode_strict(data, utf16, name)
        warnings.append(f"decoded as {utf16.upper()} (no byte-order mark; guessed from the byte pattern)")
        return CleanText(text=text, warnings=warnings)
    if b"\x00" in data:
        raise InputError(f"{name}: looks like a binary file (it contains NUL bytes), not a text document")
    try:
        return CleanText(text=data.decode("utf-8"), warnings=[])
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    try:
        text, codec = data.decode("cp1252"), "Windows-1252 (cp1252)"
    except UnicodeDecodeError:
        text, codec = data.decode("latin-1"), "Latin-1 (ISO-8859-1)"
    if _looks_like_garbage(text):
        raise InputError(f"{name}: not UTF-8 text (invalid byte at offset {first_bad}) and not readable "
                         "as Windows-1252/Latin-1 either; is it a binary file?")
    warnings.append(f"not valid UTF-8 (first invalid byte at offset {first_bad}): decoded as {codec}; "
                    "check accented letters and quotes, and re-save the file as UTF-8")
    return CleanText(text=text, warnings=warnings)


def _decode_strict(data: bytes, codec: str, name: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: cannot be decoded as {codec.upper()} ({exc.reason} at byte {exc.start})") from exc


def _looks_like_garbage(text: str) -> bool:
    if not text:
        return False
    controls = len(_CONTROL.findall(text)) + len(_C1_CONTROL.findall(text))
    return controls / len(text) > BINARY_CONTROL_RATIO


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def normalise_text(text: str, name: str, *, markdown: bool = True) -> CleanText:
    """Normalise line endings and strip invisible characters; refuse binary-looking text.

    Counts of what was removed go into warnings, so a writer knows the text they see in the
    outline is not byte-for-byte their file.
    """
    warnings: list[str] = []
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    controls = len(_CONTROL.findall(text))
    if controls:
        if controls / max(len(text), 1) > BINARY_CONTROL_RATIO:
            raise InputError(f"{name}: looks like a binary file ({controls} control characters), "
                             "not a text document")
        text = _CONTROL.sub("", text)
        warnings.append(f"removed {_plural(controls, 'control character')}")
    removed: list[str] = []
    if not text.isascii() and _ANY_INVISIBLE.search(text):
        text, removed = _strip_invisible(text)
    if removed:
        warnings.append("removed " + ", ".join(removed))
    if markdown:
        comments = len(_HTML_COMMENT.findall(text))
        if comments:
            warnings.append(f"{_plural(comments, 'HTML comment')} in the Markdown (kept in the text, "
                            "but invisible when rendered; check what they say)")
    return CleanText(text=text, warnings=warnings)


def _strip_invisible(text: str) -> tuple[str, list[str]]:
    removed: list[str] = []
    text, zero_width = _ZERO_WIDTH.subn("", text)
    text, joiners = _STRAY_ZWJ.subn("", text)
    if zero_width + joiners:
        removed.append(_plural(zero_width + joiners, "zero-width character"))
    text, bidi = _BIDI.subn("", text)
    if bidi:
        removed.append(_plural(bidi, "bidirectional control character"))
    text, tags = _TAGS.subn("", text)
    if tags:
        removed.append(_plural(tags, "Unicode tag character") + " (invisible text)")
    return text, removed
