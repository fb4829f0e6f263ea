"""Cause mentions with assertion status and attribution."""
from __future__ import annotations

from typing import Literal, Optional

from .common import CauseLabel, Span

Assertion = Literal["affirmed", "negated", "possible", "hypothetical"]
Attribution = Literal["official", "third_party", "unattributed"]


class CauseMention(Span):
    category: CauseLabel
    assertion: Assertion
    attribution: Attribution
    speaker: Optional[str] = None
    cue: Optional[str] = None
    incident: Optional[str] = None
    rule: str
