"""Rules of one file searched as their alternation would be, but rule by rule, and only
the rules whose head words occur in the text.

:func:`rules.combined` joins a file's rules into one alternation: at each position
the first rule listed that matches there wins. Searching that alternation over a
whole article tries every rule at every position. A :class:`RuleScanner` finds
the same matches faster:

- each rule's heads (literal strings one of which every match contains, worked
  out from the pattern by :mod:`pipeline.causes.heads`) are looked up in one
  pass over the folded text, and a rule none of whose heads occurs is skipped;
- the remaining rules are searched one by one and their matches merged the way
  the alternation would pick them (:meth:`overlapped`, :meth:`leftmost`).

A rule the analysis cannot give heads to is always searched, so the result is
the alternation's in every case; the tests compare both on real texts.
"""
from __future__ import annotations

import re as std_re
from functools import lru_cache
from typing import Dict, Iterable, List, Optional, Pattern, Sequence, Tuple

from ..causes.heads import Analyser, WordTrie, fold
from .rules import Rule, compile_pattern, expand

#: (rule index, match)
RuleMatch = Tuple[int, object]

_ANALYSER = Analyser({})


def _analyse(body: str) -> Tuple[Optional[frozenset], int]:
    """(heads, fewest characters) of an expanded pattern; (None, 0) when the standard parser cannot read it."""
    try:
        return _ANALYSER.analyse(body)
    except (std_re.error, RecursionError, OverflowError, ValueError):
        return None, 0


class RuleScanner:
    """The rules of one file (in file order), searched as their alternation."""

    def __init__(self, rules: Sequence[Rule], lang: str = "en") -> None:
        self.rules: Tuple[Rule, ...] = tuple(rules)
        self.patterns: Tuple[Pattern[str], ...] = tuple(compile_pattern(r.pattern, lang) for r in self.rules)
        analysed = [_analyse(expand(r.pattern, lang)) for r in self.rules]
        self.heads: Tuple[Optional[frozenset], ...] = tuple(h for h, _ in analysed)
        self.always: Tuple[int, ...] = tuple(i for i, h in enumerate(self.heads) if h is None)
        self._heads = WordTrie(self.heads)
        # leftmost scanning moves on past each match: a rule that may match nothing could stall it
        self.nonempty = all(width > 0 for _, width in analysed)

    def active(self, folded: str) -> Dict[int, int]:
        """Rules that can match in the text ``folded`` is the :func:`fold` of, each with the
        last place a match of it can start (its last head; the text's end for rules without heads)."""
        last: Dict[int, int] = {i: len(folded) for i in self.always}
        for at, rules in self._heads.find(folded):
            for index in rules:
                if last.get(index, -1) < at:
                    last[index] = at
        return last

    def overlapped(
        self, text: str, folded: Optional[str] = None, active: Optional[Dict[int, int]] = None
    ) -> List[RuleMatch]:
        """The matches of ``combined(rules).finditer(text, overlapped=True)``: at every position
        where a rule matches, the match of the first rule listed that matches there.
        ``active``: :meth:`active` of the text, when the caller has it."""
        best: Dict[int, RuleMatch] = {}
        if active is None:
            active = self.active(fold(text) if folded is None else folded)
        for index in sorted(active, reverse=True):  # earlier rules overwrite later ones
            pattern, stop, pos = self.patterns[index], active[index], 0
            while pos <= stop:
                match = pattern.search(text, pos)
                if match is None or match.start() > stop:
                    break
                best[match.start()] = (index, match)
                pos = match.start() + 1
        return [best[start] for start in sorted(best)]

    def leftmost(
        self, text: str, folded: Optional[str] = None, only: Optional[Iterable[int]] = None,
        active: Optional[Dict[int, int]] = None,
    ) -> List[RuleMatch]:
        """The matches of ``combined(rules).finditer(text)`` (of the rules ``only``, when given):
        the leftmost match, the first rule listed winning a tie, then on from its end."""
        if active is None:
            active = self.active(fold(text) if folded is None else folded)
        indices = sorted(i for i in (active if only is None else only) if i in active)
        if not self.nonempty:
            raise ValueError("leftmost scanning needs rules that cannot match the empty string")
        pending: List[List] = []
        for index in indices:
            match = self.patterns[index].search(text, 0)
            if match is not None:
                pending.append([match.start(), index, match])
        found: List[RuleMatch] = []
        while pending:
            start, index, match = min(pending)
            found.append((index, match))
            pos = match.end()
            still = []
            for item in pending:
                if item[0] < pos:
                    nxt = self.patterns[item[1]].search(text, pos)
                    if nxt is None:
                        continue
                    item[0], item[2] = nxt.start(), nxt
                still.append(item)
            pending = still
        return found


class FileScanners:
    """The scanners of the rule files searched over whole articles, and one pass over a
    folded text that finds the head words of all of them (:meth:`active`)."""

    def __init__(self, lang: str = "en") -> None:
        from .rules import load_rules

        rules = load_rules(lang)
        self.services = RuleScanner(rules.service_rules, lang)
        self.outages = RuleScanner(rules.outage_rules, lang)
        self.status = RuleScanner(rules.status_rules, lang)
        self.discourse = RuleScanner(rules.discourse_rules, lang)
        self.discourse_kinds: Dict[str, Tuple[int, ...]] = {}
        for i, rule in enumerate(rules.discourse_rules):
            self.discourse_kinds.setdefault(rule.kind, ())
            self.discourse_kinds[rule.kind] += (i,)
        self._files: Tuple[Tuple[str, RuleScanner], ...] = (
            ("services", self.services), ("outages", self.outages), ("status", self.status),
            ("discourse", self.discourse),
        )
        self._owner: List[Tuple[str, int]] = [(name, i) for name, s in self._files for i in range(len(s.rules))]
        self._heads = WordTrie([h for _, s in self._files for h in s.heads])
        self._last: Tuple[Optional[str], Dict[str, Dict[int, int]]] = (None, {})

    def active(self, folded: str) -> Dict[str, Dict[int, int]]:
        """:meth:`RuleScanner.active` of every file ("services", "outages", "status",
        "discourse") from one pass over ``folded``; the last text's answer is kept."""
        last_text, last = self._last
        if last_text is folded:
            return last
        found: Dict[str, Dict[int, int]] = {
            name: {i: len(folded) for i in s.always} for name, s in self._files
        }
        owner = self._owner
        for at, rules in self._heads.find(folded):
            for number in rules:
                name, index = owner[number]
                of_file = found[name]
                if of_file.get(index, -1) < at:
                    of_file[index] = at
        self._last = (folded, found)
        return found


@lru_cache(maxsize=None)
def scanners(lang: str = "en") -> FileScanners:
    return FileScanners(lang)
