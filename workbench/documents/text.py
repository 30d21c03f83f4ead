"""Plain text (.txt, .md): newline normalisation and character-encoding detection."""

from __future__ import annotations

import codecs
from typing import Any

from charset_normalizer import from_bytes

from ..errors import UnreadableDocument
from .formats import _sniff
from .source import _Source


def _normalise_newlines(text: str) -> str:
    """Windows and old Mac line endings become \\n; nothing else changes."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _parse_text(data: bytes, source: _Source) -> tuple[str, dict[str, Any]]:
    """A .txt or .md file: decode it and keep the text exactly as written."""
    looks_like = _sniff(data)
    if looks_like:
        raise UnreadableDocument(
            f"{source.name} is not a text file.{looks_like}", path=source.error_path
        )
    text, encoding = _decode_text(data, source)
    return text, {"encoding": encoding}


def _decode_text(data: bytes, source: _Source) -> tuple[str, str]:
    """Decode with a byte-order mark if there is one, else UTF-8, else detect."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_strict(data[len(bom) :], encoding, source), encoding
    if b"\x00" in data:
        encoding = _bomless_utf16(data)
        if encoding is None:
            raise UnreadableDocument(
                f"{source.name} is not a text file: it contains binary data.",
                path=source.error_path,
            )
        return _decode_strict(data, encoding, source), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    encoding = _detect_legacy_encoding(data)
    if encoding is None:
        raise UnreadableDocument(
            f"{source.name} could not be read as text: its character encoding could not "
            "be worked out. Save it as UTF-8 and try again.",
            path=source.error_path,
        )
    return _decode_strict(data, encoding, source), encoding


def _decode_strict(data: bytes, encoding: str, source: _Source) -> str:
    """Decode, turning a UnicodeDecodeError into a message about the file."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UnreadableDocument(
            f"{source.name} could not be read as {encoding} text: it contains bytes "
            f"that are not valid {encoding} (at byte {exc.start}). It may be corrupt.",
            path=source.error_path,
        ) from exc


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM puts a zero in every other byte of ASCII text; spot that."""
    sample = data[:4096]
    if len(sample) < 2 or len(data) % 2:
        return None
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_zeros > half * 0.3 and even_zeros == 0:
        return "utf-16-le"
    if even_zeros > half * 0.3 and odd_zeros == 0:
        return "utf-16-be"
    return None


def _detect_legacy_encoding(data: bytes) -> str | None:
    """Guess a non-UTF-8 encoding, preferring Windows-1252 as UK offices use it.

    charset-normalizer often ranks Central European code pages (cp1250, cp852)
    above cp1252 for short English text with "£" or curly quotes, because they
    decode it equally cleanly. So cp1252 wins whenever it is among the plausible
    candidates, or when the detector recognised no language at all; its top
    guess is used only when it found a language in it (Russian cp1251, etc.).
    """
    results = from_bytes(data)
    candidates = [_codec_name(match.encoding) for match in results]
    if "cp1252" in candidates:
        return "cp1252"
    best = results.best()
    if best is not None and best.coherence > 0 and not best.encoding.startswith("utf_"):
        return _codec_name(best.encoding)
    if _decodes(data, "cp1252"):
        return "cp1252"
    if best is not None and not best.encoding.startswith("utf_"):
        return _codec_name(best.encoding)
    return None


def _codec_name(encoding: str) -> str:
    """Python's canonical name, so 'latin_1' and 'iso8859-1' compare equal."""
    return codecs.lookup(encoding).name


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True
