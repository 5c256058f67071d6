"""Bytes to text: find the encoding of a file, refuse binary files.

Order of decisions (cheapest and most certain first):

1. a byte-order mark names the encoding (UTF-8, UTF-16, UTF-32);
2. NUL bytes mean UTF-16 without BOM when they sit regularly on one byte of each pair
   (Latin-script text), otherwise a binary file;
3. strict UTF-8 (the common case, and the only one that is fast on big files);
4. cp1252 (Latin-1's Windows superset) when it reads the bytes without a mess, else
   charset-normalizer: on short French texts the detector's own first choice is often an
   exotic single-byte code page (mac_latin2, cp1257) that produces wrong accents.
"""

from __future__ import annotations

import codecs
import re

from vigie.errors import InputError

BINARY = "binary file, not text"
EMPTY = "empty file"

_BOMS = (  # longest first: the UTF-32-LE BOM starts with the UTF-16-LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED = re.compile(  # <meta charset="x">, <meta ... content="...; charset=x">, <?xml encoding="x"?>
    rb"""(?i)<(?:meta[^>]{0,200}?charset|\?xml[^>]{0,100}?encoding)\s*=\s*["']?([a-z0-9_.:-]{2,40})""")
_HEAD = 4096               # bytes searched for a declared charset
_SAMPLE = 1 << 16          # bytes / characters looked at by the heuristics
_UTF16_NUL_SHARE = 0.3     # Latin text in UTF-16: about one byte in two is NUL
_UTF16_NUL_SIDE = 0.9      # ... and nearly all of them on the same side of each pair
_DETECT_SAMPLE = 1 << 18   # bytes given to charset-normalizer
_MESS_SAMPLE = 1 << 14     # bytes whose cp1252 reading is judged
_MAX_WESTERN_MESS = 0.6    # French/English read as cp1252: 0-0.3 (0.56 on a 15-letter line);
                           # Cyrillic or Greek bytes read as cp1252: about 1
_MAX_CONTROL_SHARE = 0.05  # more control characters than this: not text
# control characters (C0 but tab and line breaks, DEL, C1) and the replacement character
_NOT_TEXT = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")


def bom_encoding(data: bytes) -> str | None:
    """The codec named by a byte-order mark at the start of ``data``, if any."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec
    return None


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """The text of a file's bytes; raise :class:`InputError` when empty or binary.

    ``declared`` is an encoding the file names itself (an HTML ``<meta charset>``), used
    when the bytes are neither marked by a BOM nor valid UTF-8.
    """
    if not data.strip():
        raise InputError(EMPTY)
    codec = bom_encoding(data) or _guess(data, declared)
    try:
        text = data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        text = _decode_detected(data, codec)
    if looks_binary(text):
        raise InputError(BINARY)
    if not text.strip():
        raise InputError(EMPTY)
    return text


def _decode_detected(data: bytes, failed: str) -> str:
    """Decode with detection over all the bytes, after a guess made on a sample failed."""
    codec = _detect(data, sample=len(data))
    if codec == failed:
        raise InputError(BINARY)
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        raise InputError(BINARY) from None


def looks_binary(text: str) -> bool:
    """True when the start of ``text`` holds too many control or replacement characters."""
    sample = text[:_SAMPLE]
    if not sample:
        return False
    return len(_NOT_TEXT.findall(sample)) / len(sample) > _MAX_CONTROL_SHARE


def declared_charset(head: bytes) -> str | None:
    """The charset an HTML/XML head declares (``<meta charset="...">``), if Python knows it."""
    m = _DECLARED.search(head[:_HEAD])
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except LookupError:
        return None


def _guess(data: bytes, declared: str | None) -> str:
    if b"\x00" in data:
        return _utf16_without_bom(data[:_SAMPLE])
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8"
    if declared and not declared.startswith("utf"):
        try:
            data.decode(declared)
        except UnicodeDecodeError:
            pass
        else:
            return declared
    return _detect(data)


def _utf16_without_bom(sample: bytes) -> str:
    """``utf-16-le``/``-be`` when the NUL bytes have UTF-16's rhythm; else the file is binary."""
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    nuls = even + odd
    if nuls >= _UTF16_NUL_SHARE * len(sample):
        if odd >= _UTF16_NUL_SIDE * nuls:
            return "utf-16-le"
        if even >= _UTF16_NUL_SIDE * nuls:
            return "utf-16-be"
    raise InputError(BINARY)


def _detect(data: bytes, sample: int = _DETECT_SAMPLE) -> str:
    """The encoding of non-UTF-8 bytes: cp1252 unless it reads as a mess, else the guess of
    charset-normalizer.

    cp1252 first because it is what non-UTF-8 French and English text is in practice, and
    because on short texts the detector's own first choice is often an exotic code page
    (mac_latin2, cp1257) with wrong accents; Cyrillic or Greek bytes read as cp1252 give a
    high mess ratio and go to the detector. Detection looks at the first ``sample`` bytes
    only (it is slow on big files); :func:`_decode_detected` retries on all of them if the
    whole file then fails to decode.
    """
    import charset_normalizer

    head = data[:sample]
    western = _western_mess(head)
    if western is not None and western <= _MAX_WESTERN_MESS:
        return "cp1252"
    best = charset_normalizer.from_bytes(head).best()
    if best is not None and (western is None or best.chaos < western):
        return best.encoding
    if western is not None:
        return "cp1252"
    raise InputError(BINARY)


def _western_mess(head: bytes) -> float | None:
    """charset-normalizer's mess ratio of ``head`` read as cp1252; None if it cannot be."""
    from charset_normalizer.md import mess_ratio

    try:
        text = head[:_MESS_SAMPLE].decode("cp1252")
    except UnicodeDecodeError:
        return None
    return mess_ratio(text, maximum_threshold=1.0)
