"""Cause phrases in outage-causation context.

A cause rule's match counts when

- the rule stands alone (``needs_link`` false: "a denial-of-service attack",
  "a power outage"), or it lies in the scope of a causation link ("caused by",
  "due to", "X took down ...") and, unless the link says so itself, the
  sentence speaks of an outage outside the phrase (so "made this announcement
  because the platform was hacked" is no cause); and
- it lies in no exclusion scope ("protects against", "motivated by").

An anaphor ("the attacks") also counts without a link after an earlier
mention of its label, in a sentence that speaks of an outage.

Then the taxonomy's precedence applies between phrases of one sentence: when
the text between two phrases says one set off the other ("a configuration
update triggered a bug"), the trigger stays and the mechanism goes;
coordinated phrases of one label ("a security breach or a hack") merge. Across
sentences, a mechanism right after its trigger takes the trigger's label
(``causes/mechanisms.json``).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Dict, List, Optional

from . import patterns as P
from . import rules as R
from .link_index import link_index
from .scan import DocScan, Hit, SentenceScan


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
    """Whether a link cue's scope reaches the phrase (one needing an outage term only when there is one)."""
    index = link_index(sentence)
    if index.reaches(start, end, needs_term=False):
        return True
    return index.reaches(start, end, needs_term=True) and _has_outage_term(sentence, start, end)


def _excluded(sentence: SentenceScan, start: int, end: int) -> bool:
    """In an exclusion's scope, or inside the exclusion itself ("what a faulty
    configuration looks like" describes, it does not blame)."""
    return link_index(sentence, "exclude").reaches(start, end, needs_term=False)


@dataclass
class _Candidate:
    phrase: CausePhrase
    accepted: bool
    anaphor: bool = False
    dropped: bool = False


def _merge(first: _Candidate, second: _Candidate, text: str) -> None:
    """Make ``first`` span both coordinated phrases; drop ``second``."""
    p = first.phrase
    first.phrase = replace(p, end=second.phrase.end, text=text[p.start : second.phrase.end])
    first.accepted = first.accepted or second.accepted
    second.dropped = True


def _apply_chains(text: str, candidates: List[_Candidate], lang: str) -> None:
    """Relate neighbouring phrases: drop mechanisms, merge coordinations.

    The trigger inherits the mechanism's acceptance: in "a software upgrade
    exposed a latent defect, taking the app offline" the upgrade is the cause.
    """
    chains = P.chain_patterns(lang)
    live = list(candidates)
    i = 0
    while i + 1 < len(live):
        first, second = live[i], live[i + 1]
        between = text[first.phrase.end : second.phrase.start]
        for rule, pattern in chains:
            if not pattern.fullmatch(between):
                continue
            if rule.trigger == "both":
                if first.phrase.category == second.phrase.category:
                    _merge(first, second, text)
                    live.pop(i + 1)
                    i -= 1
            else:
                trigger, mechanism = (first, second) if rule.trigger == "first" else (second, first)
                trigger.accepted = trigger.accepted or mechanism.accepted
                mechanism.dropped = True
            break
        i += 1


def _sentence_candidates(text: str, sentence: SentenceScan, lang: str) -> List[_Candidate]:
    candidates: List[_Candidate] = []
    for hit in sentence.causes:
        labelled = hit.rule
        start, end = _trimmed(hit)
        if start >= end or _excluded(sentence, start, end):
            continue
        rule = labelled.rule
        accepted = not rule.needs_link or _linked(sentence, start, end)
        phrase = CausePhrase(sentence.index, start, end, text[start:end], labelled.label, rule.id)
        candidates.append(_Candidate(phrase, accepted, anaphor=rule.anaphor))
    return candidates


def _inherit_mechanisms(phrases: List[CausePhrase], lang: str) -> List[CausePhrase]:
    """A mechanism right after its trigger's sentence takes the trigger's label."""
    rules = {rule.mechanism: rule for rule in R.mechanism_rules(lang)}
    labels_in: Dict[int, set] = {}  # sentence -> the labels named in it
    for p in phrases:
        labels_in.setdefault(p.sentence, set()).add(p.category)
    result: List[CausePhrase] = []
    previous: Optional[CausePhrase] = None  # the last phrase of an earlier sentence (phrases are in text order)
    for phrase in phrases:
        if result and result[-1].sentence < phrase.sentence:
            previous = result[-1]
        rule = rules.get(phrase.category)
        # a sentence naming the trigger's label apart from the mechanism sets the two side by side
        # ("an internal resource limit, not an intruder"): no inheritance
        if rule is not None and rule.trigger in labels_in[phrase.sentence]:
            rule = None
        if rule is not None and previous is not None:
            if previous.category == rule.trigger and phrase.sentence - previous.sentence <= rule.max_sentences:
                phrase = replace(phrase, category=rule.trigger)
        result.append(phrase)
    return result


def document_causes(scan: DocScan, lang: str = "en") -> List[CausePhrase]:
    """The accepted cause phrases of a document, in text order."""
    found: List[CausePhrase] = []
    seen = set()
    for sentence in scan.sentences:
        if not sentence.causes:
            continue
        candidates = _sentence_candidates(scan.text, sentence, lang)
        for candidate in candidates:
            if candidate.anaphor and not candidate.accepted:
                p = candidate.phrase
                candidate.accepted = p.category in seen and _has_outage_term(sentence, p.start, p.end)
        if len(candidates) > 1:
            _apply_chains(scan.text, candidates, lang)
        accepted = [c.phrase for c in candidates if c.accepted and not c.dropped]
        seen.update(p.category for p in accepted)
        found.extend(accepted)
    return _inherit_mechanisms(found, lang)
