"""Matches of cue rules over an article, and the discourse cues of each sentence."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from .article import Article
from .rules import load_rules
from .scanner import RuleScanner, scanners


@dataclass(frozen=True)
class Cue:
    rule: str
    start: int
    end: int
    sentence: int

    def overlaps(self, other: "Cue") -> bool:
        return self.start < other.end and other.start < self.end


def scan(
    article: Article, scanner: RuleScanner, only: Optional[Iterable[int]] = None, active: Optional[Dict[int, int]] = None
) -> List[Cue]:
    """Every match of a rule file's alternation (of the rules ``only``, when given), in text order."""
    return [
        Cue(scanner.rules[i].id, m.start(), m.end(), article.sentence_of(m.start()))
        for i, m in scanner.leftmost(article.text, article.folded, only, active)
        if m.end() > m.start()
    ]


def drop_contained(cues: Sequence[Cue]) -> List[Cue]:
    """Drop every cue lying inside a longer one ("yet to be resolved" hides "resolved")."""
    kept = []
    for cue in cues:
        inside = any(
            o is not cue and o.start <= cue.start and cue.end <= o.end and (o.end - o.start) > (cue.end - cue.start)
            for o in cues
        )
        if not inside:
            kept.append(cue)
    return kept


@dataclass(frozen=True)
class SentenceCues:
    """Discourse cues of one sentence."""

    recall: Tuple[Cue, ...] = ()
    anaphora: Tuple[Cue, ...] = ()
    present: Tuple[Cue, ...] = ()
    generic: Tuple[Cue, ...] = ()
    present_tense: Tuple[Cue, ...] = ()
    continuing: Tuple[Cue, ...] = ()
    planned: Tuple[Cue, ...] = ()
    definite: Tuple[Cue, ...] = ()
    update: bool = False
    clause_starts: Tuple[int, ...] = ()
    """absolute offsets where the sentence's clauses begin (the first is the sentence start)"""

    def clause_of(self, char: int) -> int:
        return max(0, bisect_right(self.clause_starts, char) - 1)

    def clause_span(self, index: int, sentence_end: int) -> Tuple[int, int]:
        start = self.clause_starts[index]
        end = self.clause_starts[index + 1] if index + 1 < len(self.clause_starts) else sentence_end
        return start, end

    def in_clause(self, cues: Sequence[Cue], clause: int) -> List[Cue]:
        return [c for c in cues if self.clause_of(c.start) == clause]


def sentence_cues(article: Article) -> List[SentenceCues]:
    rules = load_rules(article.lang)
    by_kind: Dict[str, List[List[Cue]]] = {}
    discourse = scanners(article.lang).discourse
    active = scanners(article.lang).active(article.folded)["discourse"]
    for kind in rules.discourse:
        per_sentence: List[List[Cue]] = [[] for _ in article.sentences]
        if kind != "update":
            for cue in scan(article, discourse, scanners(article.lang).discourse_kinds[kind], active):
                per_sentence[cue.sentence].append(cue)
        by_kind[kind] = per_sentence
    update = rules.discourse.get("update")
    empty: Tuple[Cue, ...] = ()

    def of(kind: str, i: int) -> Tuple[Cue, ...]:
        return tuple(by_kind[kind][i]) if kind in by_kind else empty

    def recalled(i: int) -> Tuple[Cue, ...]:
        # "It was not the first time ..." / "... revived memories of earlier failures": the next
        # sentence of the paragraph tells the earlier outage
        if i > 0 and article.paragraphs[i - 1] == article.paragraphs[i]:
            return of("recall", i) + of("recall_next", i - 1)
        return of("recall", i)

    result = []
    for i, (start, end) in enumerate(article.sentences):
        starts = (start, *sorted({c.start for c in of("contrast", i) if c.start > start}))
        result.append(
            SentenceCues(
                recall=recalled(i),
                anaphora=of("anaphora", i),
                present=of("present", i),
                generic=of("generic", i),
                present_tense=of("present_tense", i),
                continuing=of("continuing", i),
                planned=of("planned", i),
                definite=of("definite", i),
                update=bool(update is not None and update.match(article.text, start, end)),
                clause_starts=starts,
            )
        )
    return result


def has_explicit_date(text: str, lang: str = "en") -> bool:
    """Whether a time expression's own words give its date ("1 p.m. today", "Monday at 9")."""
    pattern = load_rules(lang).discourse.get("dated")
    return bool(pattern is not None and pattern.search(text))


DATELESS_ANCHORS = (None, "reference_date")


def carries_date(timex, lang: str = "en", roles=None) -> bool:
    """Whether a timex's date comes from its own words or from another timex it was anchored to
    (not from an aside or a report time: ``roles`` marks those as borrowed)."""
    if has_explicit_date(timex.text, lang):
        return True
    if roles is not None and timex.id in roles and roles[timex.id].borrowed_date:
        return False
    return timex.anchor not in DATELESS_ANCHORS
