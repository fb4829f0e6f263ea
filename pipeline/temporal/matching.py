"""Find rule matches in a text: leftmost-longest, one pass over the tokens that can start a match.

Each position's candidate rules come from a :class:`PrefixIndex` of the first
characters the rules' matches can begin with, so a rule is only tried where a
match of it can begin. The result equals one leftmost-longest scan with the combined expression
(``RuleSet.combined()``), which the tests check.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Dict, List, Tuple

from .fragments import load_fragments
from .prefix_index import KEY_LENGTH, PrefixIndex, fold
from .rules import Rule, RuleSet


@dataclass(frozen=True)
class RuleMatch:
    """One match of one rule: its extent and the text and span of each named group that took part."""

    rule: Rule
    start: int
    end: int
    groups: Dict[str, str]
    spans: Dict[str, Tuple[int, int]]


class Matcher:
    """Tries, at each token start, only the rules whose matches can begin with the characters there."""

    def __init__(self, rules: RuleSet, lang: str = "en") -> None:
        fragments = load_fragments(lang)
        self.rules = rules
        self.index = PrefixIndex([rule.pattern for rule in rules.rules], fragments)
        self.tokens = re.compile(self.index.trigger_pattern())
        self._seen: Dict[str, Tuple[int, ...]] = {}

    def raw_matches(self, text: str):
        """(rule index, regex match) of the leftmost-longest matches, vetoes included."""
        patterns = self.rules.patterns
        candidates = self.index.candidates
        seen = self._seen
        width = KEY_LENGTH
        last_end = 0
        for token in self.tokens.finditer(text):
            pos = token.start()
            if pos < last_end:
                continue
            raw = text[pos : pos + width]
            found = seen.get(raw)
            if found is None:
                found = seen[raw] = candidates(fold(raw))
                if len(seen) > 200_000:
                    seen.clear()
            best = None
            for index in found:
                match = patterns[index].match(text, pos)
                if match is not None and (best is None or match.end() > best[1].end()):
                    best = (index, match)
            if best is not None and best[1].end() > pos:
                last_end = best[1].end()
                yield best

    def find(self, text: str) -> List[RuleMatch]:
        """Matches of every rule in text order; veto rules (money, versions, phone numbers) swallow theirs."""
        found: List[RuleMatch] = []
        for index, match in self.raw_matches(text):
            rule = self.rules.rules[index]
            if rule.kind == "veto":
                continue
            groups: Dict[str, str] = {}
            spans: Dict[str, Tuple[int, int]] = {}
            for name, value in match.groupdict().items():
                if value is not None:
                    groups[name] = value
                    spans[name] = match.span(name)
            found.append(RuleMatch(rule, match.start(), match.end(), groups, spans))
        return found


_MATCHERS: Dict[Tuple[int, str], Matcher] = {}


def matcher_for(rules: RuleSet, lang: str = "en") -> Matcher:
    key = (id(rules), lang)
    if key not in _MATCHERS:
        _MATCHERS[key] = Matcher(rules, lang)
    return _MATCHERS[key]


def find_matches(text: str, rules: RuleSet, lang: str = "en") -> List[RuleMatch]:
    return matcher_for(rules, lang).find(text)
