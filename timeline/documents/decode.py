"""Bytes to text: BOMs, UTF-8, a Western fallback, and a refusal for what is not text.

The order matters. A BOM is proof, so it wins. UTF-8 is next because random non-UTF-8 bytes
almost never decode as UTF-8 by accident. Then cp1252 (which is latin-1 plus typographic
quotes and dashes in 0x80-0x9f): most non-UTF-8 news text on the web is Western European, and
charset-normalizer's guess on a short Western text is often a wrong cousin (cp1250 turns
"naïve" into "naďve"). charset-normalizer is asked only when cp1252 cannot decode the bytes or
yields text that looks like another script read wrongly.
"""

from __future__ import annotations

import codecs
import re

# C0 and C1 control characters other than the whitespace ones: a text has (almost) none,
# a binary file or a wrongly decoded one has many.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_MAX_CONTROL_RATIO = 0.005
# In Western text most letters are ASCII; cp1252 output dominated by accented letters is
# usually Cyrillic/Greek bytes read in the wrong code page.
_MAX_NON_ASCII_LETTER_RATIO = 0.3

# 100 characters with no space and no punctuation of any script: not a text.
_NO_BREAK = re.compile(r"[^\s.,;:!?()\[\]{}'\"“”‘’«»、。，．！？：；「」『』（）・\-–—/|]{100}")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class NotText(ValueError):
    """The bytes are not a text we can read; the message says why in plain words."""


def bom_encoding(head: bytes) -> tuple[str, int] | None:
    """(encoding, BOM length) when `head` starts with a byte order mark."""
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name, len(bom)
    return None


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    return len(_CONTROL.findall(text)) / len(text)


def _looks_like_text(text: str) -> bool:
    return _control_ratio(text) <= _MAX_CONTROL_RATIO


def _bomless_utf16(data: bytes) -> str | None:
    """ASCII-heavy UTF-16 without a BOM has a NUL in every other byte."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0) / len(sample[0::2])
    odd_nuls = sample[1::2].count(0) / len(sample[1::2])
    if odd_nuls > 0.4 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.4 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def _western(text: str) -> bool:
    letters = non_ascii = 0
    for ch in text[:20000]:
        if ch.isalpha():
            letters += 1
            non_ascii += ord(ch) > 127
    return letters == 0 or non_ascii / letters <= _MAX_NON_ASCII_LETTER_RATIO


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """(text, encoding name) of `data`; raises NotText with the reason otherwise.

    `declared` is an encoding the file names for itself (an HTML <meta charset>); it is tried
    right after UTF-8. A leading BOM is removed from the text (it is not content and would
    shift offsets)."""
    if not data or data.isspace():  # isspace, not strip: no copy of a 50 MB file
        raise NotText("empty file (no text at all)")
    found = bom_encoding(data[:4])
    if found:
        encoding, skip = found
        try:
            text = data[skip:].decode(encoding)
        except UnicodeDecodeError as exc:
            raise NotText(f"starts with a {encoding} byte order mark but is not valid {encoding} "
                          f"(byte {exc.start + skip}); re-save it as UTF-8") from None
        return _checked(text, encoding)
    if b"\x00" in data:
        encoding = _bomless_utf16(data)
        if encoding:
            try:
                return _checked(data.decode(encoding), encoding)
            except UnicodeDecodeError:
                pass
        raise NotText("binary file (contains NUL bytes), not text; pass the text or HTML instead")
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if declared and declared.replace("_", "-") not in ("utf-8", "utf8"):
        try:
            text = data.decode(declared)
            if _looks_like_text(text):
                return text, declared
        except (UnicodeDecodeError, LookupError):
            pass
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return damaged
    try:
        text = data.decode("cp1252")
        if _looks_like_text(text) and _western(text):
            return _checked(text, "cp1252")
    except UnicodeDecodeError:
        pass
    guess = _detect(data)
    if guess is not None:
        return _checked(*guess)
    raise NotText(
        f"not valid UTF-8 (bad byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start}) "
        "and no other encoding (cp1252, latin-1, detected) gives readable text; "
        "re-save it as UTF-8")


def _damaged_utf8(data: bytes) -> tuple[str, str] | None:
    """A UTF-8 text with a few broken bytes (a truncated download, one bad paste) is better
    read as UTF-8 with those bytes replaced than as cp1252 mojibake of every accent."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 127) - bad
    if good >= 4 * bad and bad <= max(10, len(text) // 1000):
        return _checked(text, "utf-8 (damaged bytes replaced)")
    return None


def _has_word_breaks(text: str) -> bool:
    """Every human text breaks into words or sentences; a wrong multi-byte decoding of noise
    (which charset-normalizer happily calls Korean or Chinese) does not."""
    return _NO_BREAK.search(text) is None


def _detect(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    candidates = []
    if best is not None and best.chaos < 0.1:
        candidates.append(best.encoding)
    candidates.append("latin-1")
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if _looks_like_text(text) and _has_word_breaks(text) and (encoding != "latin-1" or _western(text)):
            return text, encoding
    return None


def _checked(text: str, encoding: str) -> tuple[str, str]:
    if not text or text.isspace():
        raise NotText("empty file (only whitespace)")
    ratio = _control_ratio(text)
    if ratio > _MAX_CONTROL_RATIO:
        raise NotText(f"not text: {ratio:.0%} of its characters are control characters "
                      "(a binary file?)")
    return text, encoding
