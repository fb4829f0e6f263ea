"""Which candidate phrases a sentence's link cues reach, answered without trying every link.

``phrases._linked`` asked each link in turn whether the phrase lies in its
scope: phrases x links x boundaries, cubic on a sentence chaining hundreds of
"a bug caused it, Slack said". Here each sentence's link scopes are computed
once (:func:`scope.scope_ranges`) and indexed: sorted by where they open,
with the furthest close so far, a phrase is inside some scope when the
scopes opening at or before its start reach its end (one bisection). An
``adjacent`` scope reaches only a phrase that touches its cue: those are
looked up by position.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Dict, List, Set, Tuple

from .scan import SentenceScan
from .scope import scope_ranges


@dataclass
class _Reach:
    """Scopes of some links: (open, close) sorted by open, and the furthest close up to each."""

    opens: List[int] = field(default_factory=list)
    closes: List[int] = field(default_factory=list)

    @classmethod
    def of(cls, ranges: List[Tuple[int, int]]) -> "_Reach":
        reach = cls()
        furthest = -1
        for lo, hi in sorted(ranges):
            furthest = max(furthest, hi)
            reach.opens.append(lo)
            reach.closes.append(furthest)
        return reach

    def covers(self, start: int, end: int) -> bool:
        i = bisect_right(self.opens, start)
        return i > 0 and self.closes[i - 1] >= end


@dataclass
class LinkIndex:
    """The scopes of one sentence's link cues, split by whether they need an outage term."""

    any_phrase: _Reach  # links that link any phrase in their scope
    with_term: _Reach  # links that need an outage term elsewhere in the sentence
    touching_after: Dict[bool, Set[int]]  # needs term -> ends of adjacent forward links
    touching_before: Dict[bool, Set[int]]  # needs term -> starts of adjacent backward links

    def reaches(self, start: int, end: int, needs_term: bool) -> bool:
        """Whether a link of the class ``needs_term`` reaches the phrase ``[start, end)``."""
        reach = self.with_term if needs_term else self.any_phrase
        if reach.covers(start, end):
            return True
        after, before = self.touching_after[needs_term], self.touching_before[needs_term]
        return start in after or start - 1 in after or end in before or end + 1 in before


def link_index(sentence: SentenceScan, kind: str = "link") -> LinkIndex:
    """The index of the sentence's cues of ``kind`` (``link`` or ``exclude``), built once.

    An ``exclude`` cue also covers a phrase inside itself ("what a faulty
    configuration looks like" describes, it does not blame), and needs no
    outage term.
    """
    key = (kind, len(sentence.links), len(sentence.terminators))
    index = sentence.bounds.get(key)
    if index is None:
        index = sentence.bounds[key] = _build(sentence, kind)
    return index


def _build(sentence: SentenceScan, kind: str) -> LinkIndex:
    ranges: Dict[bool, List[Tuple[int, int]]] = {False: [], True: []}
    after: Dict[bool, Set[int]] = {False: set(), True: set()}
    before: Dict[bool, Set[int]] = {False: set(), True: set()}
    for link in sentence.links:
        rule = link.rule
        if rule.kind != kind:
            continue
        needs = kind == "link" and bool(rule.needs_outage_term)
        if kind == "exclude":
            ranges[needs].append((link.start, link.end))
        if rule.scope == "adjacent":  # reaches a phrase just after (or before) the cue, to the sentence's edge
            if rule.direction in ("forward", "bidirectional"):
                after[needs].add(link.end)
            if rule.direction in ("backward", "bidirectional"):
                before[needs].add(link.start)
            continue
        ranges[needs].extend(scope_ranges(sentence, link, rule.direction, rule.scope))
    return LinkIndex(_Reach.of(ranges[False]), _Reach.of(ranges[True]), after, before)
