"""``--max-chars``: cut an oversized text at a paragraph or sentence boundary."""
from __future__ import annotations

from typing import Optional, Tuple

from .rules import TruncationRules


def cut_point(text: str, max_chars: int, rules: TruncationRules) -> Tuple[int, str]:
    """Where to cut ``text`` (``<= max_chars``) and the kind of boundary found there."""
    window_start = max(0, max_chars - rules.search_window_chars)
    for boundary in rules.boundaries:
        last = None
        for last in boundary.pattern.finditer(text, window_start, max_chars):
            pass
        if last is not None:
            return last.end(), boundary.id
    return max_chars, "hard"


def truncate(text: str, max_chars: Optional[int], rules: TruncationRules) -> Tuple[str, Optional[str]]:
    """``text`` cut to at most ``max_chars`` characters (a prefix: offsets are unchanged).

    Returns the kept text and a warning, or the text itself and ``None`` when it fits.
    """
    if not max_chars or len(text) <= max_chars:
        return text, None
    cut, kind = cut_point(text, max_chars, rules)
    where = "with a hard cut (no boundary nearby)" if kind == "hard" else f"at a {kind} boundary"
    return text[:cut], (
        f"input truncated to its first {cut:,} of {len(text):,} characters ({where}; "
        f"--max-chars {max_chars:,}): sentences and spans cover only that part, "
        "sha256 is of the whole text"
    )
