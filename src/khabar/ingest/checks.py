"""Checks on raw input bytes: binary data, encodings, size, and emptiness.

Each check raises an ``InputError`` that names the input, so a reader can turn any bad
input into one clear message and go on with the batch.
"""

from __future__ import annotations

import codecs

import charset_normalizer

from ..errors import InputError, warn

#: known file signatures, so the message can say *what* was given instead of text
MAGIC_NUMBERS: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a DOCX/XLSX/ODT document)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"(\xb5/\xfd", "zstd-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document (DOC/XLS)"),
    (b"\x7fELF", "an ELF executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"PAR1", "a Parquet file"),
    (b"ID3", "an MP3 audio file"),
    (b"OggS", "an Ogg media file"),
    (b"\x00\x00\x00\x18ftyp", "an MP4 video"),
    (b"\x00\x00\x00\x20ftyp", "an MP4 video"),
)
#: byte-order marks, longest first (UTF-32 LE starts with the UTF-16 LE mark)
BYTE_ORDER_MARKS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32 with a byte-order mark"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32 with a byte-order mark"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8 with a byte-order mark"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16 with a byte-order mark"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16 with a byte-order mark"),
)
#: how much of the start of an input the binary sniffing looks at
SNIFF_BYTES = 8192
#: control bytes other than tab, newlines and form feed are rare in text; more than this share is binary
MAX_CONTROL_RATIO = 0.05
#: the most bytes one character takes in any encoding khabar decodes (UTF-8, UTF-16, UTF-32)
MAX_BYTES_PER_CHAR = 4
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")
_CONTROL_BYTES = frozenset(range(32)) - _TEXT_CONTROLS


def byte_order_mark(data: bytes) -> tuple[str, str] | None:
    """(codec, description) of the byte-order mark ``data`` starts with, if any."""
    for mark, codec, description in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return codec, description
    return None


def check_not_binary(head: bytes, *, name: str) -> None:
    """Raise E002 when the first bytes of an input say it is not text."""
    for magic, kind in MAGIC_NUMBERS:
        if head.startswith(magic):
            raise InputError("E002", name=name, kind=kind)
    if byte_order_mark(head) is not None or _looks_utf16_without_bom(head):
        return  # UTF-16/32 text is full of NUL bytes
    sample = head[:SNIFF_BYTES]
    if b"\x00" in sample:
        raise InputError("E002", name=name, kind="it contains NUL bytes")
    controls = sum(1 for byte in sample if byte in _CONTROL_BYTES)
    if sample and controls / len(sample) > MAX_CONTROL_RATIO:
        raise InputError("E002", name=name, kind=f"{controls / len(sample):.0%} control characters")


def _utf16_codec_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or '-be' when every other byte is NUL, as in ASCII-range UTF-16 without a mark."""
    sample = data[: SNIFF_BYTES - SNIFF_BYTES % 2]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0) / (len(sample) / 2)
    odd_nuls = sample[1::2].count(0) / (len(sample) / 2)
    if odd_nuls > 0.9 and even_nuls < 0.1:
        return "utf-16-le"
    if even_nuls > 0.9 and odd_nuls < 0.1:
        return "utf-16-be"
    return None


def _looks_utf16_without_bom(data: bytes) -> bool:
    return _utf16_codec_without_bom(data) is not None


def check_byte_size(size: int, *, name: str, max_chars: int) -> None:
    """Raise E004 when ``size`` bytes must hold more than ``max_chars`` characters, before decoding."""
    if size > max_chars * MAX_BYTES_PER_CHAR:
        raise InputError("E004", name=name, size=f"{size:,} bytes", limit=max_chars)


def check_char_count(text: str, *, name: str, max_chars: int) -> None:
    if len(text) > max_chars:
        raise InputError("E004", name=name, size=f"{len(text):,} characters", limit=max_chars)


def check_not_empty(text: str, *, name: str) -> None:
    if not text.strip():
        raise InputError("E001", name=name)


def decode(data: bytes, *, name: str) -> str:
    """The text of ``data``: UTF-8 silently; a BOM, UTF-16 or a legacy code page with warning W001."""
    mark = byte_order_mark(data)
    if mark is not None:
        codec, description = mark
        return _decode_strictly(data, codec, description, name=name)
    utf16 = _utf16_codec_without_bom(data)
    if utf16 is not None:
        return _decode_strictly(data, utf16, "UTF-16 without a byte-order mark", name=name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    return _decode_legacy(data, utf8_error, name=name)


def _decode_strictly(data: bytes, codec: str, description: str, *, name: str) -> str:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError("E003", name=name, detail=f"it starts like {description}, but {exc}") from None
    warn("W001", name=name, encoding=description)
    return text.removeprefix("\ufeff")


def _decode_legacy(data: bytes, utf8_error: UnicodeDecodeError, *, name: str) -> str:
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        raise InputError("E003", name=name, detail=str(utf8_error))
    encoding = best.encoding
    # Code pages tie on Latin text (cp1250 reads 'ï' as 'ď'); Western news in a legacy
    # encoding is overwhelmingly Windows-1252, so it wins a tie.
    for match in matches:
        if match.encoding == "cp1252" and match.chaos <= best.chaos:
            encoding = "cp1252"
            break
    warn("W001", name=name, encoding=_encoding_label(encoding))
    return data.decode(encoding)


def _encoding_label(encoding: str) -> str:
    labels = {"cp1252": "Windows-1252", "latin_1": "Latin-1 (ISO-8859-1)"}
    return labels.get(encoding, encoding)


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n``; nothing else changes, so offsets stay meaningful."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
