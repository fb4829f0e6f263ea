"""Bytes to text: UTF-8 first, a clearly reported fallback otherwise."""
from __future__ import annotations

from typing import List, Tuple

FALLBACK_ENCODINGS = ("cp1252", "latin-1")


def decode_bytes(data: bytes) -> Tuple[str, List[str]]:
    """Decode ``data``; return the text and warnings about how it was decoded."""
    warnings: List[str] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        warnings.append("input started with a UTF-8 byte-order mark; it was removed")
    try:
        return data.decode("utf-8"), warnings
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
        return text, warnings
    text = data.decode("utf-8", errors="replace")  # pragma: no cover - latin-1 never fails
    warnings.append("input is not valid UTF-8; undecodable bytes replaced")
    return text, warnings
