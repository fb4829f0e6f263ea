"""The role a temporal expression plays for an outage: start, end, duration, observation.

Decided from the words around the timex inside its sentence (``roles.json``):
ranges first ("between X and Y": X starts, Y ends), then the role rules in file
order, the first match deciding. A timex no cue speaks for gets ``context``: it
dates the sentence but is no start or end by itself.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence

from models import Timex

from .article import Article
from .rules import load_rules

WINDOW = 200
APPROX_TAIL = 25
APPROXIMATE_MODS = frozenset({"APPROX", "LESS_THAN", "MORE_THAN", "AFTER", "BEFORE", "EQUAL_OR_LESS", "EQUAL_OR_MORE"})


@dataclass(frozen=True)
class TimexRole:
    role: str
    """start | end | duration | observed | none | context"""
    rule: Optional[str] = None
    implies: Optional[str] = None
    approximate: bool = False


def _windows(article: Article, timex: Timex):
    s_start, s_end = article.sentences[timex.sentence] if timex.sentence < len(article.sentences) else (0, len(article.text))
    text = article.text
    before = text[max(s_start, timex.start - WINDOW) : timex.start]
    after = text[timex.end : min(s_end, timex.end + WINDOW)]
    return before, after


def is_approximate(article: Article, timex: Timex, before: Optional[str] = None) -> bool:
    if timex.mod in APPROXIMATE_MODS:
        return True
    rules = load_rules(article.lang)
    if before is None:
        before = _windows(article, timex)[0]
    return bool(rules.approximate.search(timex.text) or rules.approximate.search(before[-APPROX_TAIL:]))


def range_pairs(article: Article, timexes: Sequence[Timex]) -> Dict[str, str]:
    """timex id -> "start" / "end" for the two ends of written ranges."""
    rules = load_rules(article.lang)
    roles: Dict[str, str] = {}
    ordered = sorted(timexes, key=lambda t: t.start)
    for first, second in zip(ordered, ordered[1:]):
        if first.sentence != second.sentence or first.type not in ("TIME", "DATE") or second.type != first.type:
            continue
        gap = article.text[first.end : second.start]
        before = _windows(article, first)[0]
        opened = bool(rules.range_open.search(before))
        if (opened and rules.range_link.match(gap)) or (first.type == "TIME" and rules.range_bare_link.match(gap)):
            roles.setdefault(first.id, "start")
            roles[second.id] = "end"
    return roles


def classify(article: Article, timexes: Sequence[Timex]) -> Dict[str, TimexRole]:
    """The role of every timex, by id."""
    rules = load_rules(article.lang)
    ranges = range_pairs(article, timexes)
    result: Dict[str, TimexRole] = {}
    for timex in timexes:
        before, after = _windows(article, timex)
        approx = is_approximate(article, timex, before)
        if timex.id in ranges:
            result[timex.id] = TimexRole(ranges[timex.id], "range", None, approx)
            continue
        role = TimexRole("context", None, None, approx)
        for rule, pattern, unless in rules.role_patterns:
            if timex.type not in rule.types or (unless is not None and unless.search(timex.text)):
                continue
            window = before if rule.side == "before" else after
            if pattern.search(window):
                role = TimexRole(rule.role, rule.id, rule.implies, approx)
                break
        result[timex.id] = role
    return result


def dated(timexes: Sequence[Timex], roles: Dict[str, TimexRole]) -> List[Timex]:
    """DATE and TIME timexes that can date an outage (not report times, comparisons, ...)."""
    return [t for t in timexes if t.type in ("DATE", "TIME") and roles[t.id].role != "none"]
