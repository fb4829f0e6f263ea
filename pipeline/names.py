"""File names as shown in records and messages: bytes that are not UTF-8, and control characters, escaped.

A POSIX file name is bytes. Python decodes the bytes that are not UTF-8 to
lone surrogates (``os.fsdecode``: ``b"caf\\xe9"`` -> ``"caf\\udce9"``), which no
JSON encoder writes, and a name may hold a newline, which would let it forge a
line of its own on stderr. :func:`shown` writes such a byte as ``\\xNN`` (the
byte itself: ``"caf\\xe9"``) and a control character as ``\\xNN`` / ``\\uNNNN``,
so the original name can be recovered and is always one printable line. It is
idempotent: a shown name is shown as it is.
"""
from __future__ import annotations

import unicodedata

#: Lone surrogates made by ``surrogateescape`` from the bytes 0x80-0xFF.
_ESCAPED_BYTES = range(0xDC80, 0xDD00)


def _escape(char: str) -> str:
    code = ord(char)
    if code in _ESCAPED_BYTES:
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def _plain(char: str) -> bool:
    return unicodedata.category(char) not in ("Cc", "Cs", "Zl", "Zp")


def shown(name: str) -> str:
    """``name`` with undecodable bytes and control characters escaped (see the module)."""
    if name.isprintable():
        return name
    return "".join(char if _plain(char) else _escape(char) for char in name)


def shown_optional(name):
    return None if name is None else shown(name)
