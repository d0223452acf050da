"""Bytes into text: decompression, binary detection and charset guessing.

Russian news still arrives in cp1251 and koi8-r; charset-normalizer picks the encoding
whose decoding reads most like language, and anything that decodes to nothing
readable is refused with a message rather than analysed as noise.
"""

from __future__ import annotations

import bz2
import gzip
import zlib
from pathlib import Path

import charset_normalizer

COMPRESSED = {".gz": gzip.decompress, ".bz2": bz2.decompress}


class UnreadableInput(ValueError):
    """Input that cannot become text; the message says what was expected and what arrived."""


def plain_name(path: str | Path) -> str:
    """The file name without a compression suffix: `a.csv.gz` → `a.csv`."""
    name = Path(path).name.lower()
    for suffix in COMPRESSED:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def read_bytes(path: str | Path) -> bytes:
    """The file's content, decompressed when its name ends in .gz or .bz2."""
    data = Path(path).read_bytes()
    suffix = Path(path).suffix.lower()
    if suffix not in COMPRESSED:
        return data
    try:
        return COMPRESSED[suffix](data)
    except (EOFError, OSError, zlib.error, ValueError) as error:
        raise UnreadableInput(f"damaged {suffix} archive ({error})") from None


def looks_binary(data: bytes) -> bool:
    """NUL bytes in the first few kilobytes: no text encoding we accept produces them."""
    return b"\x00" in data[:8192]


def decode_text(data: bytes, declared: str | None = None) -> str:
    """Text from bytes: UTF-8 (with or without BOM) first, then the declared or detected charset."""
    if not data.strip():
        raise UnreadableInput("empty input (no text)")
    if looks_binary(data):
        raise UnreadableInput("binary data, expected text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise UnreadableInput("not text in any known encoding")
    return str(best)
