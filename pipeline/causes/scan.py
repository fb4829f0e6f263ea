"""One pass of each compiled rule set over a document, hits bucketed by sentence.

Both cause components read the same :class:`DocScan`; it is cached in
``doc.user_data`` so the text is scanned once however many components ask.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any, List, Sequence, Tuple

from spacy.tokens import Doc

from ..spans import doc_sentence_spans
from . import patterns as P

_KEY = "outages.cause_scan"


@dataclass(frozen=True)
class Hit:
    """A rule's match: ``rule`` is the rule object, ``match`` the regex match."""

    rule: Any
    start: int
    end: int
    match: Any

    @property
    def text(self) -> str:
        return self.match.group(0)


@dataclass
class SentenceScan:
    index: int
    start: int
    end: int
    causes: List[Hit] = field(default_factory=list)
    cues: List[Hit] = field(default_factory=list)
    links: List[Hit] = field(default_factory=list)
    terminators: List[Hit] = field(default_factory=list)
    outage_terms: List[Hit] = field(default_factory=list)
    reporting: List[Hit] = field(default_factory=list)


@dataclass
class DocScan:
    text: str
    sentences: List[SentenceScan]

    def sentence(self, index: int) -> SentenceScan:
        return self.sentences[index]


def _bucket(text: str, rule_set: "P.RuleSet", sentences: Sequence[SentenceScan], starts: List[int], attr: str) -> None:
    for rule, match in rule_set.finditer(text):
        start, end = match.span()
        if start == end:
            continue
        index = bisect_right(starts, start) - 1
        if index < 0:
            continue
        sentence = sentences[index]
        if end > sentence.end:
            continue
        getattr(sentence, attr).append(Hit(rule, start, end, match))


def scan_text(text: str, spans: Sequence[Tuple[int, int]], lang: str = "en") -> DocScan:
    sentences = [SentenceScan(i, s, e) for i, (s, e) in enumerate(spans)]
    starts = [s for s, _ in spans]
    for rule_set, attr in (
        (P.cause_rule_set(lang), "causes"),
        (P.cue_rule_set(lang), "cues"),
        (P.link_rule_set(lang), "links"),
        (P.terminator_rule_set(lang), "terminators"),
        (P.outage_term_rule_set(lang), "outage_terms"),
        (P.reporting_rule_set(lang), "reporting"),
    ):
        _bucket(text, rule_set, sentences, starts, attr)
    return DocScan(text, sentences)


def scan_doc(doc: Doc, lang: str = "en") -> DocScan:
    """The (cached) scan of ``doc``."""
    cached = doc.user_data.get(_KEY)
    text = doc.text
    if cached is not None and cached.text == text:
        return cached
    scan = scan_text(text, doc_sentence_spans(doc), lang)
    doc.user_data[_KEY] = scan
    return scan
