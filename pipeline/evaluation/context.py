"""The article text around a span, for explaining a mismatch."""
from __future__ import annotations

from typing import Optional, Tuple

CONTEXT_CHARS = 70


def around(text: str, span: Optional[Tuple[int, int]], width: int = CONTEXT_CHARS) -> Optional[Tuple[str, str, str]]:
    """``(before, the span, after)`` on one line, cut to ``width`` characters each side."""
    if span is None:
        return None
    start, end = max(0, span[0]), min(len(text), span[1])
    before = text[max(0, start - width) : start]
    after = text[end : end + width]
    flat = lambda s: " ".join(s.split())  # noqa: E731 - one-line helper
    lead = "…" if start - width > 0 else ""
    tail = "…" if end + width < len(text) else ""
    return (
        lead + flat(before) + (" " if before[-1:].isspace() else ""),
        flat(text[start:end]),
        (" " if after[:1].isspace() else "") + flat(after) + tail,
    )


def context_line(text: str, span: Optional[Tuple[int, int]]) -> Optional[str]:
    """The context as plain text, the span marked ``[[like this]]``."""
    parts = around(text, span)
    return None if parts is None else f"{parts[0]}[[{parts[1]}]]{parts[2]}"
