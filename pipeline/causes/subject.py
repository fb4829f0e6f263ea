"""The company an article's outage is about, found from outage contexts.

A small, general helper for attribution ("the company said" is official when
it is the affected company speaking): names in outage contexts ("X went down",
"outage at X", "X's servers", "X users") score by the rules' weights in
``causes/subject.json``. Full service detection belongs to incident assembly;
this helper only needs the names of the affected companies.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, Optional, Tuple

from . import patterns as P

_POSSESSIVE = ("'s", "\u2019s")

#: score added by each further mention of a name already found in an outage
#: context (repetition: the article's subject is named again and again).
REPEAT_WEIGHT = 0.5


@dataclass(frozen=True)
class Subjects:
    """Affected company names, best first, with their scores."""

    ranked: Tuple[Tuple[str, float], ...]

    @property
    def main(self) -> Optional[str]:
        return self.ranked[0][0] if self.ranked else None

    @property
    def names(self) -> Tuple[str, ...]:
        return tuple(name for name, _ in self.ranked)

    def mentioned_in(self, text: str) -> Optional[str]:
        """The affected company named in ``text`` (as a whole word), if any."""
        lowered = text.lower()
        for name in self.names:
            key = name.lower()
            at = lowered.find(key)
            while at >= 0:
                before = lowered[at - 1] if at > 0 else " "
                after = lowered[at + len(key)] if at + len(key) < len(lowered) else " "
                if not before.isalnum() and not after.isalnum():
                    return name
                at = lowered.find(key, at + 1)
        return None


    def first_mentioned_in(self, text: str) -> Optional[str]:
        """The affected company named first in ``text`` (the sentence's subject), if any."""
        best, best_at = None, len(text) + 1
        for name in self.names:
            at = text.find(name)
            if 0 <= at < best_at and _count_word(text, name):
                best, best_at = name, at
        return best


def _clean(name: str) -> str:
    for suffix in _POSSESSIVE:
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return name.strip()


def find_subjects(text: str, lang: str = "en") -> Subjects:
    """Score every name found in an outage context of ``text``; best first."""
    scores: Dict[str, float] = {}
    first_seen: Dict[str, int] = {}
    for rule, match in P.subject_rule_set(lang).finditer(text):
        name = _clean(match.group("name"))
        if not name:
            continue
        scores[name] = scores.get(name, 0.0) + rule.weight
        first_seen.setdefault(name, match.start())
    for name in scores:
        scores[name] += REPEAT_WEIGHT * max(0, _count_word(text, name) - 1)
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], first_seen[kv[0]]))
    return Subjects(tuple(ranked))


def _count_word(text: str, word: str) -> int:
    """Occurrences of ``word`` in ``text`` not inside a longer word."""
    count, at, n = 0, text.find(word), len(word)
    while at >= 0:
        before = text[at - 1] if at > 0 else " "
        after = text[at + n] if at + n < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            count += 1
        at = text.find(word, at + n)
    return count
