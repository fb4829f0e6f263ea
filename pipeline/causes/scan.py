"""Each rule set searched sentence by sentence over a document, hits bucketed by sentence.

Both cause components read the same :class:`DocScan`; it is cached in
``pipeline.doc_cache`` so the text is scanned once however many components ask.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Sequence, Tuple

from spacy.tokens import Doc

from ..doc_cache import doc_cache
from ..spans import doc_sentence_spans
from . import patterns as P
from .heads import fold

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
    back_references: List[Hit] = field(default_factory=list)
    terminators: List[Hit] = field(default_factory=list)
    outage_terms: List[Hit] = field(default_factory=list)
    reporting: List[Hit] = field(default_factory=list)
    #: scope boundaries, sorted, computed once per scope kind (see ``scope._boundaries``)
    bounds: Dict[Any, Tuple[List[int], List[int]]] = field(default_factory=dict, repr=False, compare=False)


@dataclass
class DocScan:
    text: str
    sentences: List[SentenceScan]

    def sentence(self, index: int) -> SentenceScan:
        return self.sentences[index]


def _bucket(text: str, folded: str, rule_set: "P.RuleSet", sentences: Sequence[SentenceScan], attr: str) -> None:
    windows = [(s.start, s.end) for s in sentences]
    for number, rule, match in rule_set.scan(text, windows, folded=folded):
        start, end = match.span()
        getattr(sentences[number], attr).append(Hit(rule, start, end, match))


def scan_text(text: str, spans: Sequence[Tuple[int, int]], lang: str = "en") -> DocScan:
    sentences = [SentenceScan(i, s, e) for i, (s, e) in enumerate(spans)]
    folded = fold(text)
    for rule_set, attr in (
        (P.cause_rule_set(lang), "causes"),
        (P.cue_rule_set(lang), "cues"),
        (P.link_rule_set(lang), "links"),
        (P.back_reference_rule_set(lang), "back_references"),
        (P.terminator_rule_set(lang), "terminators"),
        (P.outage_term_rule_set(lang), "outage_terms"),
        (P.reporting_rule_set(lang), "reporting"),
    ):
        _bucket(text, folded, rule_set, sentences, attr)
    return DocScan(text, sentences)


def scan_doc(doc: Doc, lang: str = "en") -> DocScan:
    """The (cached) scan of ``doc``."""
    cached = doc_cache(doc).get(_KEY)
    text = doc.text
    if cached is not None and cached.text == text:
        return cached
    scan = scan_text(text, doc_sentence_spans(doc), lang)
    doc_cache(doc)[_KEY] = scan
    return scan
