"""Run the compiled rule expression over a text: one pass, leftmost-longest matches."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Tuple

from .rules import Rule, RuleSet


@dataclass(frozen=True)
class RuleMatch:
    """One match of one rule: its extent and the text and span of each named group that took part."""

    rule: Rule
    start: int
    end: int
    groups: Dict[str, str]
    spans: Dict[str, Tuple[int, int]]


def find_matches(text: str, rules: RuleSet) -> List[RuleMatch]:
    """Matches of every rule in text order; veto rules (money, versions, phone numbers) swallow theirs."""
    found: List[RuleMatch] = []
    for match in rules.expression.finditer(text):
        rule = _matched_rule(match, rules)
        if rule is None or rule.kind == "veto":
            continue
        groups: Dict[str, str] = {}
        spans: Dict[str, Tuple[int, int]] = {}
        for name, value in match.groupdict().items():
            if value is not None and not name.startswith("rule"):
                groups[name] = value
                spans[name] = match.span(name)
        found.append(RuleMatch(rule, match.start(), match.end(), groups, spans))
    return found


def _matched_rule(match, rules: RuleSet):
    """The rule whose group took part in ``match`` (one alternative per rule)."""
    for name, rule in rules.by_group.items():
        if match.start(name) >= 0:
            return rule
    return None
