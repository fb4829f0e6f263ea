"""Denials that point back at a cause named before ("... but the bank said there
was no evidence of that", "the airline ruled that out", "Sony dismissed those claims").

A back-reference rule (``causes/back_references.json``) matches the denial and
marks its anaphor (group ``ref``: "that", "those claims"). The anaphor is a
negated mention of the cause it points back to: the nearest mention before it,
in its own sentence or at most ``reach`` sentences earlier, provided that
mention is only speculation (possible, hypothetical, or a third party's claim).
A denial with no speculation behind it says nothing.

When the denial is the company's (or the journalist's) own word, the
speculation it answers is withdrawn: the label is ruled out for the incident
and no longer counts as speculated (:func:`withdrawn`).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import FrozenSet, List, Optional, Sequence, Set, Tuple

from models import CauseMention

from . import rules as R
from .attribution import Attributor, Speaker
from .scan import DocScan, Hit

#: Attributions whose denial withdraws a speculation (as they would confirm a cause).
WITHDRAWING = ("official", "unattributed")


@dataclass(frozen=True)
class BackReference:
    """A denial's anaphor and the index (into the mentions) of the cause it denies."""

    hit: Hit
    sentence: int
    start: int
    end: int
    referent: int

    @property
    def text(self) -> str:
        return self.hit.match.string[self.start : self.end]


def is_speculation(mention: CauseMention) -> bool:
    if mention.category == "unknown" or mention.assertion == "negated":
        return False
    return mention.assertion in ("possible", "hypothetical") or mention.attribution == "third_party"


def _referent(mentions: Sequence[CauseMention], sentence: int, start: int, reach: int) -> Optional[int]:
    before = [
        i for i, m in enumerate(mentions) if sentence - reach <= m.sentence <= sentence and m.end <= start
    ]
    if not before:
        return None
    nearest = max(before, key=lambda i: mentions[i].end)
    return nearest if is_speculation(mentions[nearest]) else None


def back_references(scan: DocScan, mentions: Sequence[CauseMention]) -> List[BackReference]:
    """Every denial of the document whose anaphor points back at a speculated cause."""
    found = []
    for sentence in scan.sentences:
        for hit in sentence.back_references:
            start, end = hit.match.span("ref")
            if any(m.start < end and start < m.end for m in mentions):
                continue
            referent = _referent(mentions, sentence.index, start, hit.rule.reach)
            if referent is not None:
                found.append(BackReference(hit, sentence.index, start, end, referent))
    return found


@lru_cache(maxsize=None)
def _rule_ids(lang: str = "en") -> FrozenSet[str]:
    return frozenset(rule.id for rule in R.back_reference_rules(lang))


def is_denial(mention: CauseMention, lang: str = "en") -> bool:
    """Whether ``mention`` is a back-reference denial's anaphor."""
    return mention.rule in _rule_ids(lang)


def withdrawn(mentions: Sequence[Tuple[int, CauseMention]], lang: str = "en") -> Set[int]:
    """Indexes of the speculated mentions that a later denial of the same label,
    by the company or the journalist, withdraws."""
    denials = [
        m for _, m in mentions if is_denial(m, lang) and m.attribution in WITHDRAWING
    ]
    return {
        i
        for i, m in mentions
        if is_speculation(m)
        and any(d.category == m.category and d.start >= m.end for d in denials)
    }


@lru_cache(maxsize=None)
def _subject_trail(lang: str = "en") -> FrozenSet[str]:
    return frozenset(word.lower() for word in R.back_reference_file(lang).subject_trail)


def _subject_before(scan: DocScan, ref: BackReference, lang: str) -> str:
    """The words before the denial in its clause, less trailing auxiliaries and
    adverbs: "but the airline later denied that" -> "the airline"."""
    sentence = scan.sentence(ref.sentence)
    walls = [t.end for t in sentence.terminators if t.rule.ends == "all" and t.end <= ref.hit.start]
    start = max(walls, default=sentence.start)
    words = scan.text[start : ref.hit.start].split()
    trail = _subject_trail(lang)
    while words and words[-1].lower() in trail:
        words.pop()
    return " ".join(words)


def denier(scan: DocScan, attributor: Attributor, ref: BackReference, lang: str = "en") -> Speaker:
    """Who denies: the reporting clause of the denial's sentence when it has one,
    else the subject of the denial itself, else whoever speaks the sentence."""
    fallback = attributor.speaker_for(ref.sentence, ref.start, ref.end)
    if attributor.by_sentence[ref.sentence]:
        return fallback
    subject = _subject_before(scan, ref, lang)
    before = scan.text[scan.sentence(ref.sentence).start : ref.hit.start]
    found = attributor.classify(subject, "", before) if subject else None
    return found or fallback
