"""Binary data decoded as text: too many control characters to be an article."""
from __future__ import annotations

from typing import Optional

from .rules import BinaryRules


def control_count(text: str, rules: BinaryRules) -> int:
    """Number of control characters (not tab, newline, carriage return, form feed) in ``text``."""
    return sum(1 for _ in rules.control_chars.finditer(text))


def binary_reason(text: str, rules: BinaryRules) -> Optional[str]:
    """Why the start of ``text`` looks like binary data, or ``None`` when it looks like text."""
    sample = text[: rules.sample_chars]
    if not sample:
        return None
    controls = control_count(sample, rules)
    ratio = controls / len(sample)
    if ratio > rules.max_control_ratio:
        return (
            f"not text: {ratio:.0%} of the first {len(sample):,} characters are control "
            "characters (binary data?)"
        )
    return None
