"""Bytes to text: byte-order marks, UTF-16 without one, a reported fallback, mojibake repair.

"Decoding" here means everything that turns the bytes of a file into the text
the record's offsets and ``sha256`` refer to:

1. a known non-text file type (PDF, PNG, ZIP ...) is refused by its magic bytes;
2. a byte-order mark selects UTF-8 / UTF-16 / UTF-32 and is dropped;
3. UTF-16 without a mark is recognised by its pattern of zero bytes;
4. otherwise UTF-8, falling back to cp1252 and then latin-1 with a warning;
5. mojibake (UTF-8 that was once read as cp1252 / latin-1, e.g. ``â€™`` for
   ``’``) is repaired with ftfy, line by line, with a warning.

Step 5 changes the text, so it is part of decoding: offsets and ``sha256``
refer to the repaired text, and the warning says so. Text handed over as a
``str`` (the Python API) is taken as already decoded and is not repaired;
readers of structured records call :func:`repair_mojibake` on the text field.
"""
from __future__ import annotations

import codecs
from functools import lru_cache
from typing import List, Optional, Tuple

from .document import InputError

FALLBACK_ENCODINGS = ("cp1252", "latin-1")

#: Byte-order marks, longest first (the UTF-32-LE mark starts with the UTF-16-LE one).
BOMS: Tuple[Tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: UTF-16 without a mark: in the first bytes, zero bytes fill at least this share of
#: the odd (little-endian) or even (big-endian) positions and almost none of the others.
UTF16_SAMPLE_BYTES = 4096
UTF16_MIN_ZERO_SHARE = 0.4
UTF16_MAX_OTHER_ZERO_SHARE = 0.05


def sniff_binary(data: bytes) -> Optional[str]:
    """The name of the non-text file type ``data`` starts like, if any."""
    from .guards.rules import guard_rules

    for signature in guard_rules().binary.signatures:
        if signature.matches(data):
            return signature.name
    return None


def _strict_or_replaced(data: bytes, encoding: str, label: str, warnings: List[str]) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        warnings.append(
            f"input is not valid {label} (first bad byte at offset {exc.start}); "
            "undecodable bytes were replaced with U+FFFD"
        )
        return data.decode(encoding, errors="replace")


def _utf16_without_bom(data: bytes) -> Optional[str]:
    sample = data[: UTF16_SAMPLE_BYTES - UTF16_SAMPLE_BYTES % 2]
    half = len(sample) // 2
    if half < 2:
        return None
    even_zeros = sample[0::2].count(0) / half
    odd_zeros = sample[1::2].count(0) / half
    if odd_zeros >= UTF16_MIN_ZERO_SHARE and even_zeros <= UTF16_MAX_OTHER_ZERO_SHARE:
        return "utf-16-le"
    if even_zeros >= UTF16_MIN_ZERO_SHARE and odd_zeros <= UTF16_MAX_OTHER_ZERO_SHARE:
        return "utf-16-be"
    return None


def _decode(data: bytes, warnings: List[str]) -> str:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            label = encoding.upper()
            warnings.append(f"input started with a {label} byte-order mark; it was removed")
            return _strict_or_replaced(data[len(bom) :], encoding, label, warnings)
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        label = utf16.upper()
        warnings.append(f"input decoded as {label} (recognised without a byte-order mark)")
        return _strict_or_replaced(data, utf16, label, warnings)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        position = exc.start
    for encoding in FALLBACK_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        warnings.append(
            f"input is not valid UTF-8 (first bad byte at offset {position}); decoded as {encoding}"
        )
        return text
    raise AssertionError("latin-1 decodes any bytes")  # pragma: no cover


@lru_cache(maxsize=1)
def _ftfy_config():
    from ftfy import TextFixerConfig

    # Only the encoding repairs: nothing that would also restyle clean text
    # (quotes, line breaks, Unicode normalisation, HTML entities stay as written).
    return TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        remove_control_chars=False,
        normalization=None,
        explain=False,
    )


def repair_mojibake(text: str) -> Tuple[str, List[str]]:
    """Repair mojibake with ftfy, only in lines that show a sign of it.

    Returns the (possibly) repaired text and a warning when anything changed.
    """
    from .guards.rules import guard_rules

    hint = guard_rules().decoding.mojibake_hint.pattern
    if text.isascii() or hint.search(text) is None:
        return text, []
    from ftfy import fix_text

    config = _ftfy_config()
    pieces: List[str] = []
    done = 0
    changed_lines = 0
    example = None
    for match in hint.finditer(text):
        if match.start() < done:
            continue
        line_start = text.rfind("\n", done, match.start()) + 1 or done
        line_start = max(line_start, done)
        line_end = text.find("\n", match.end())
        line_end = len(text) if line_end < 0 else line_end + 1
        line = text[line_start:line_end]
        fixed = fix_text(line, config)
        pieces.append(text[done:line_start])
        pieces.append(fixed)
        if fixed != line:
            changed_lines += 1
            example = example or match.group()
        done = line_end
    if not changed_lines:
        return text, []
    pieces.append(text[done:])
    repaired = "".join(pieces)
    shown = f" (first at {example!r})"
    return repaired, [
        f"mojibake repaired with ftfy in {changed_lines} line(s){shown}; the text was "
        f"{len(text) - len(repaired)} characters longer before repair, and offsets and sha256 "
        "refer to the repaired text"
    ]


def decode_bytes(data: bytes) -> Tuple[str, List[str]]:
    """Decode ``data``; return the text and warnings about how it was decoded.

    Raises :class:`InputError` for a recognised non-text file (image, archive, PDF ...).
    """
    kind = sniff_binary(data)
    if kind is not None:
        raise InputError(f"not a text file: the bytes are those of a {kind}")
    warnings: List[str] = []
    text = _decode(data, warnings)
    text, repaired = repair_mojibake(text)
    return text, warnings + repaired
