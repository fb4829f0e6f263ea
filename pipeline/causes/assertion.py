"""Assertion of a cause phrase from the ConText cues of its sentence.

Every non-pseudo cue whose scope holds the phrase, or that sits inside the
phrase itself ("a suspected cyberattack"), is a candidate; the strongest kind
wins (hypothetical > negated > possible), the nearest cue among equals.
Pseudo cues ("not only", "has not confirmed") are matched so that the cue
words inside them do not fire; they never set an assertion. Neither does a cue
inside a denial that points back at an earlier cause ("there was no evidence
of that"): it denies that cause (:mod:`.back_references`), not what follows.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from .scan import Hit, SentenceScan
from .scope import distance, in_scope

#: kind -> rank; the highest-ranked cue covering a phrase sets its assertion.
PRIORITY = {"possible": 1, "negated": 2, "hypothetical": 3}


@dataclass(frozen=True)
class AssertionResult:
    assertion: str
    cue: Optional[Hit]

    @property
    def cue_text(self) -> Optional[str]:
        return self.cue.text if self.cue is not None else None

    @property
    def reporter_voice(self) -> bool:
        return self.cue is not None and self.cue.rule.reporter_voice


AFFIRMED = AssertionResult("affirmed", None)


def _covers(sentence: SentenceScan, cue: Hit, start: int, end: int) -> bool:
    if start <= cue.start and cue.end <= end:
        return True
    return in_scope(sentence, cue, cue.rule.direction, cue.rule.scope, start, end)


def _in_back_reference(sentence: SentenceScan, cue: Hit) -> bool:
    return any(ref.start <= cue.start and cue.end <= ref.end for ref in sentence.back_references)


def assertion_of(sentence: SentenceScan, start: int, end: int) -> AssertionResult:
    best: Optional[Hit] = None
    best_key = None
    for cue in sentence.cues:
        kind = cue.rule.kind
        if kind == "pseudo" or _in_back_reference(sentence, cue) or not _covers(sentence, cue, start, end):
            continue
        key = (PRIORITY[kind], -distance(cue, start, end))
        if best_key is None or key > best_key:
            best, best_key = cue, key
    if best is None:
        return AFFIRMED
    return AssertionResult(best.rule.kind, best)
