"""Bytes into text: decompression, binary detection and charset guessing.

Russian news still arrives in cp1251 and koi8-r. A generic detector guesses badly on a
sentence or two (koi8-r comes out as Shift-JIS or big5), so the Cyrillic single-byte
encodings are tried first and the one that reads as Russian (its letters mostly the common
lower-case Russian ones) wins; only text that reads as Russian in none of them goes to
charset-normalizer. Anything that decodes to nothing readable is refused with a message
rather than analysed as noise.
"""

from __future__ import annotations

import bz2
import codecs
import gzip
import zlib
from pathlib import Path

import charset_normalizer

# Tried in this order; a tie goes to the earlier (mac-cyrillic shares cp1251's lower case).
CYRILLIC_ENCODINGS = ("cp1251", "koi8-r", "cp866", "iso-8859-5", "mac-cyrillic")
RUSSIAN = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ")
# The fifteen most frequent Russian letters make about 80% of running text; a wrong code
# page scatters the letters over the whole alphabet and beyond it.
COMMON = frozenset("оеаинтсрвлкмдпу")
MIN_COMMON_SHARE = 0.55
BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))

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


def read_complete_lines(path: str | Path) -> tuple[bytes, str | None]:
    """The file's content up to its last complete line, and what cut it short (None if nothing did).

    A line-per-record file (JSONL) in a truncated .gz or .bz2 archive still holds every record
    before the break; they are kept, and the break is reported instead of losing the file.
    """
    suffix = Path(path).suffix.lower()
    raw = Path(path).read_bytes()
    if suffix not in COMPRESSED:
        return raw, None
    data, error = _decompress_prefix(raw, suffix)
    if error is None:
        return data, None
    kept = data[: data.rfind(b"\n") + 1]
    lines = kept.count(b"\n")
    return kept, f"damaged {suffix} archive: it breaks after line {lines}, the lines before are kept ({error})"


def _decompress_prefix(raw: bytes, suffix: str) -> tuple[bytes, str | None]:
    """As much of a .gz/.bz2 archive (of one or more members) as decompresses, and the error that stopped it."""
    parts: list[bytes] = []
    while raw:
        decompressor = zlib.decompressobj(wbits=47) if suffix == ".gz" else bz2.BZ2Decompressor()
        try:
            parts.append(decompressor.decompress(raw))
        except (OSError, zlib.error, ValueError) as error:
            return b"".join(parts), str(error)
        if not decompressor.eof:
            return b"".join(parts), "the archive ends before its end-of-stream marker"
        raw = decompressor.unused_data
    return b"".join(parts), None


def looks_binary(data: bytes) -> bool:
    """NUL bytes in the first few kilobytes: no text encoding we accept produces them."""
    return b"\x00" in data[:8192]


def decode_text(data: bytes, declared: str | None = None) -> str:
    """Text from bytes: UTF-8 (with or without BOM) first, then the declared or detected charset."""
    if not data.strip():
        raise UnreadableInput("empty input (no text)")
    for bom, encoding in BOMS:  # UTF-16/32 are full of NUL bytes, but their BOM says what they are
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise UnreadableInput(f"damaged {encoding.upper()} text (it starts with a byte order mark)") from None
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
    russian = as_russian(data)
    if russian is not None:
        return russian
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise UnreadableInput("not text in any known encoding")
    return str(best)


def as_russian(data: bytes) -> str | None:
    """The decoding, among the Cyrillic code pages, that reads as Russian text; None if none does."""
    best, best_score = None, 0.0
    for encoding in CYRILLIC_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = russian_score(text)
        if score > best_score:
            best, best_score = text, score
    return best


def russian_score(text: str) -> float:
    """How much `text` reads as Russian: the share of the common Russian letters (in either case,
    for headlines in capitals) among its characters other than spaces, digits and ASCII
    punctuation (so a page of box-drawing signs scores low); 0 when Russian letters are not most
    of its letters or too few are common ones."""
    letters = [c for c in text if c.isalpha()]
    russian = sum(c in RUSSIAN for c in letters)
    if not letters or russian * 2 <= len(letters):
        return 0.0
    signs = sum(not (c.isspace() or c.isdigit() or (c.isascii() and not c.isalpha())) for c in text)
    common = sum(c.lower() in COMMON for c in letters) / signs
    return common if common >= MIN_COMMON_SHARE else 0.0
