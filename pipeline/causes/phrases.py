"""Cause phrases in outage-causation context.

A cause rule's match counts when

- the rule stands alone (``needs_link`` false: "a denial-of-service attack",
  "a power outage"), or it lies in the scope of a causation link ("caused by",
  "due to", "X took down ...") and, unless the link says so itself, the
  sentence speaks of an outage outside the phrase (so "made this announcement
  because the platform was hacked" is no cause); and
- it lies in no exclusion scope ("protects against", "motivated by").

Then the taxonomy's precedence applies between phrases of one sentence: when
the text between two phrases says one set off the other ("a configuration
update triggered a bug"), the trigger stays and the mechanism goes.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import List

from . import patterns as P
from .scan import Hit, SentenceScan
from .scope import in_scope


@dataclass(frozen=True)
class CausePhrase:
    """A cause phrase accepted in one sentence."""

    sentence: int
    start: int
    end: int
    text: str
    category: str
    rule_id: str


def _trimmed(hit: Hit):
    """The match without trailing/leading whitespace (patterns may end in ``\\s+``)."""
    text = hit.match.group(0)
    start, end = hit.start, hit.end
    while end > start and text[end - hit.start - 1].isspace():
        end -= 1
    while start < end and text[start - hit.start].isspace():
        start += 1
    return start, end


def _has_outage_term(sentence: SentenceScan, start: int, end: int) -> bool:
    return any(t.end <= start or t.start >= end for t in sentence.outage_terms)


def _linked(sentence: SentenceScan, start: int, end: int) -> bool:
    for link in sentence.links:
        rule = link.rule
        if rule.kind != "link":
            continue
        if link.start < end and start < link.end:
            continue
        if not in_scope(sentence, link, rule.direction, rule.scope, start, end):
            continue
        if not rule.needs_outage_term or _has_outage_term(sentence, start, end):
            return True
    return False


def _excluded(sentence: SentenceScan, start: int, end: int) -> bool:
    return any(
        link.rule.kind == "exclude" and in_scope(sentence, link, link.rule.direction, link.rule.scope, start, end)
        for link in sentence.links
    )


@dataclass
class _Candidate:
    phrase: CausePhrase
    accepted: bool
    dropped: bool = False


def _apply_chains(text: str, candidates: List[_Candidate], lang: str) -> None:
    """Drop mechanisms set off by a trigger named next to them.

    The trigger inherits the mechanism's acceptance: in "a software upgrade
    exposed a latent defect, taking the app offline" the upgrade is the cause.
    """
    chains = P.chain_patterns(lang)
    for first, second in zip(candidates, candidates[1:]):
        between = text[first.phrase.end : second.phrase.start]
        for rule, pattern in chains:
            if pattern.fullmatch(between):
                trigger, mechanism = (first, second) if rule.trigger == "first" else (second, first)
                trigger.accepted = trigger.accepted or mechanism.accepted
                mechanism.dropped = True
                break


def sentence_causes(text: str, sentence: SentenceScan, lang: str = "en") -> List[CausePhrase]:
    """The accepted cause phrases of one sentence, in text order."""
    candidates: List[_Candidate] = []
    for hit in sentence.causes:
        labelled = hit.rule
        start, end = _trimmed(hit)
        if start >= end or _excluded(sentence, start, end):
            continue
        accepted = not labelled.rule.needs_link or _linked(sentence, start, end)
        phrase = CausePhrase(sentence.index, start, end, text[start:end], labelled.label, labelled.rule.id)
        candidates.append(_Candidate(phrase, accepted))
    if len(candidates) > 1:
        _apply_chains(text, candidates, lang)
    return [c.phrase for c in candidates if c.accepted and not c.dropped]
