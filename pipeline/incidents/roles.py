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
    borrowed_date: bool = False
    """its date was resolved against an aside or a report time: it says nothing of the outage's day"""


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


def _compounds(article: Article, ordered: Sequence[Timex]) -> List[List[Timex]]:
    """Adjacent timexes that make one point ("21:56 UTC on Thursday"), in text order."""
    rules = load_rules(article.lang)
    groups: List[List[Timex]] = []
    for t in ordered:
        last = groups[-1][-1] if groups else None
        if (
            last is not None and last.sentence == t.sentence and last.type != t.type
            and {last.type, t.type} <= {"TIME", "DATE"} and rules.range_joiner.match(article.text[last.end : t.start])
        ):
            groups[-1].append(t)
        else:
            groups.append([t])
    return groups


def range_pairs(article: Article, timexes: Sequence[Timex]) -> Dict[str, str]:
    """timex id -> "start" / "end" for the two ends of written ranges ("between X and Y")."""
    rules = load_rules(article.lang)
    roles: Dict[str, str] = {}
    points = _compounds(article, sorted(timexes, key=lambda t: t.start))
    for first, second in zip(points, points[1:]):
        a, b = first[-1], second[0]
        if a.sentence != b.sentence or not {t.type for t in first + second} <= {"TIME", "DATE"}:
            continue
        clock = "TIME" in {t.type for t in first}
        if clock != ("TIME" in {t.type for t in second}):
            continue
        gap = article.text[a.end : b.start]
        opened = bool(rules.range_open.search(_windows(article, first[0])[0]))
        if (opened and rules.range_link.match(gap)) or (clock and rules.range_bare_link.match(gap)):
            for t in first:
                roles.setdefault(t.id, "start")
            for t in second:
                roles[t.id] = "end"
    return roles


def asides(article: Article, timexes: Sequence[Timex]) -> set:
    """Ids of timexes that restate another time ("or 1705 GMT on Tuesday", "(8:40 a.m. PT)")."""
    rules = load_rules(article.lang)
    found = set()
    for group in _compounds(article, sorted(timexes, key=lambda t: t.start)):
        first = group[0]
        start = article.sentences[first.sentence][0] if first.sentence < len(article.sentences) else 0
        before = article.text[max(start, first.start - ASIDE_REACH) : first.start]
        if before.strip() and rules.range_aside.search(before):
            found.update(t.id for t in group)
    return found


ASIDE_REACH = 12


def classify(article: Article, timexes: Sequence[Timex]) -> Dict[str, TimexRole]:
    """The role of every timex, by id."""
    result = _classify(article, timexes)
    _clock_with_its_date(article, timexes, result)
    aside = asides(article, timexes)
    unreliable = set()
    for timex in sorted(timexes, key=lambda t: t.start):
        if timex.id in aside:
            result[timex.id] = TimexRole("none", "range.aside", None, result[timex.id].approximate)
        if timex.anchor in aside or timex.anchor in unreliable or (
            timex.anchor in result and result[timex.anchor].role == "none"
            and result[timex.anchor].rule in ("range.aside", "none.report_time", "none.dateline")
        ):
            unreliable.add(timex.id)
            r = result[timex.id]
            result[timex.id] = TimexRole(r.role, r.rule, r.implies, r.approximate, True)
    return result


def _clock_with_its_date(article: Article, timexes: Sequence[Timex], result: Dict[str, TimexRole]) -> None:
    """A clock time written right after its date ("began on April 28, 2013 at 07:22 UTC") takes
    the start or end cue of the date's words, over a cue read after the time."""
    rules = load_rules(article.lang)
    sides = {rule.id: rule.side for rule, _, _ in rules.role_patterns}
    ordered = sorted(timexes, key=lambda t: t.start)
    for date, time in zip(ordered, ordered[1:]):
        if date.type != "DATE" or time.type != "TIME" or date.sentence != time.sentence:
            continue
        role = result[date.id]
        if role.role not in ("start", "end") or sides.get(role.rule) != "before":
            continue
        if not rules.date_at_time.match(article.text[date.end : time.start]):
            continue
        mine = result[time.id]
        if mine.role in ("context", "start", "end") and (mine.rule is None or sides.get(mine.rule) != "before"):
            result[time.id] = TimexRole(role.role, role.rule, role.implies, mine.approximate or role.approximate)


def _classify(article: Article, timexes: Sequence[Timex]) -> Dict[str, TimexRole]:
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
