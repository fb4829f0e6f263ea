"""ConText scopes: where a cue or link reaches inside its sentence.

A forward cue reaches from its end to the next terminator, a backward cue from
the previous terminator to its start, a bidirectional one both ways. Contrast
words ("but", "however") and sentence-internal stops end every scope; commas,
colons, dashes and brackets end ``clause`` scopes only.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import List, Tuple

from .scan import Hit, SentenceScan


def _boundaries(sentence: SentenceScan, scope: str) -> Tuple[List[int], List[int]]:
    """Starts and ends, each sorted, of the terminators that end a ``scope`` scope.

    Computed once per sentence and kind of scope: a sentence holding hundreds of
    cues, links and commas made every scope look-up scan them all (cubic time).
    """
    key = (scope == "clause", len(sentence.terminators))
    if key not in sentence.bounds:
        chosen = [(t.start, t.end) for t in sentence.terminators if t.rule.ends == "all" or scope == "clause"]
        sentence.bounds[key] = (sorted(s for s, _ in chosen), sorted(e for _, e in chosen))
    return sentence.bounds[key]


def scope_ranges(sentence: SentenceScan, cue: Hit, direction: str, scope: str) -> List[Tuple[int, int]]:
    """Character ranges the cue reaches (each a (start, end) inside the sentence).

    An ``adjacent`` scope reaches only a span that touches the cue (one space
    between at most): "a flaw that could be tripped" links "a flaw" alone.
    """
    if scope == "adjacent":
        return _adjacent(sentence, cue, direction)
    starts, ends = _boundaries(sentence, scope)
    ranges = []
    if direction in ("forward", "bidirectional"):
        i = bisect_left(starts, cue.end)  # the first boundary starting at or after the cue
        ranges.append((cue.end, starts[i] if i < len(starts) else sentence.end))
    if direction in ("backward", "bidirectional"):
        i = bisect_right(ends, cue.start)  # the last boundary ending at or before it
        ranges.append((ends[i - 1] if i else sentence.start, cue.start))
    return ranges


def in_scope(sentence: SentenceScan, cue: Hit, direction: str, scope: str, start: int, end: int) -> bool:
    """Whether the span [start, end) lies inside the cue's scope."""
    if scope == "adjacent" and not touches(cue, start, end):
        return False
    return any(lo <= start and end <= hi for lo, hi in scope_ranges(sentence, cue, direction, scope))


def distance(cue: Hit, start: int, end: int) -> int:
    """Characters between a cue and a span (0 when they touch or overlap)."""
    if cue.end <= start:
        return start - cue.end
    if end <= cue.start:
        return cue.start - end
    return 0


def _adjacent(sentence: SentenceScan, cue: Hit, direction: str) -> List[Tuple[int, int]]:
    ranges = []
    if direction in ("forward", "bidirectional"):
        ranges.append((cue.end, sentence.end))
    if direction in ("backward", "bidirectional"):
        ranges.append((sentence.start, cue.start))
    return ranges


def touches(cue: Hit, start: int, end: int) -> bool:
    return 0 <= start - cue.end <= 1 or 0 <= cue.start - end <= 1
