"""Outage mentions ("frames"): the places where an article reports an outage.

A frame is an outage cue ("went down", "an outage", "problems accessing"), a
service in outage context ("Optus went down"), or a status cue ("was
restored", "remained down"); a cue cancelled by a ``not_outage`` context
("which tracks outages") is none. Each frame knows the service that its own
context names, if any; the others are about the article's service.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence

from .article import Article
from .cues import Cue, SentenceCues, drop_contained, scan
from .rules import load_rules
from .scanner import scanners
from .services import ServiceEvidence, coordinated, is_known, service_key


@dataclass(frozen=True)
class Frame:
    start: int
    end: int
    sentence: int
    clause: int
    rule: str
    source: str
    """outage | service | status"""
    service: Optional[str] = None
    """the service named in the frame's own context, as written"""
    status: Optional[str] = None
    """resolved / ongoing for status frames"""

    def distance(self, start: int, end: int) -> int:
        if end <= self.start:
            return self.start - end
        if start >= self.end:
            return start - self.end
        return 0


def outage_cues(article: Article) -> List[Cue]:
    rules = load_rules(article.lang)
    kinds = {r.id: r.kind for r in rules.outage_rules}
    files = scanners(article.lang)
    found = scan(article, files.outages, active=files.active(article.folded)["outages"])
    blockers = [c for c in found if kinds[c.rule] != "outage"]
    return [c for c in found if kinds[c.rule] == "outage" and not any(c.overlaps(b) for b in blockers)]


def status_cues(article: Article) -> List[Cue]:
    files = scanners(article.lang)
    return drop_contained(scan(article, files.status, active=files.active(article.folded)["status"]))


def build_frames(
    article: Article,
    evidence: Sequence[ServiceEvidence],
    discourse: Sequence[SentenceCues],
    main_key: Optional[str] = None,
) -> List[Frame]:
    """All frames of the article in text order; frames in generic sentences are dropped."""
    rules = load_rules(article.lang)
    status_of: Dict[str, str] = {r.id: r.status for r in rules.status_rules}
    # brands listed with the article's service in one mention are hit by its outage, not another one
    evidence = [e for e in evidence if not coordinated(article.text, e.start, e.end, main_key, article.lang)]
    outage_evidence = [e for e in evidence if e.kind == "outage"]
    subject_evidence = [e for e in evidence if e.kind in ("subject", "speaker")]
    # a name only seen speaking names a service when it is a well-known one or found elsewhere as one
    affected_keys = {service_key(e.name) for e in evidence if e.kind != "speaker"}
    known = lambda e: e.kind != "speaker" or service_key(e.name) in affected_keys or is_known(e.name)
    frames: List[Frame] = []

    def clause(sentence: int, char: int) -> int:
        return discourse[sentence].clause_of(char)

    for ev in outage_evidence:
        frames.append(
            Frame(ev.context_start, ev.context_end, ev.sentence, clause(ev.sentence, ev.start), ev.rule, "service", ev.name)
        )
    for cue in outage_cues(article):
        if any(f.start < cue.end and cue.start < f.end for f in frames if f.source == "service"):
            continue
        cues = discourse[cue.sentence]
        definite = any(c.start <= cue.start < c.end or cue.start <= c.start < cue.end for c in cues.definite)
        service = _service_for(cue, outage_evidence, cues)
        if service is None and not definite:
            # "the outage" is the one already under discussion, whoever speaks of it
            service = _speaker_service(article.text, cue, subject_evidence, cues, main_key, known)
        frames.append(Frame(cue.start, cue.end, cue.sentence, clause(cue.sentence, cue.start), cue.rule, "outage", service))
    for cue in status_cues(article):
        frames.append(
            Frame(cue.start, cue.end, cue.sentence, clause(cue.sentence, cue.start), cue.rule, "status",
                  None, status_of[cue.rule])
        )
    frames = [f for f in frames if not _generic(f, discourse[f.sentence])]
    frames.sort(key=lambda f: (f.start, f.end))
    return frames


GENERIC_REACH = 80


def _generic(frame: Frame, cues: SentenceCues) -> bool:
    """A frame near a habitual cue in its clause ("outages usually get resolved") or in a clause
    announcing a planned shutdown tells of no particular outage."""
    if cues.in_clause(cues.planned, frame.clause):
        return True
    return any(frame.distance(c.start, c.end) <= GENERIC_REACH for c in cues.in_clause(cues.generic, frame.clause))


def _service_for(cue: Cue, evidence: Sequence[ServiceEvidence], cues: SentenceCues) -> Optional[str]:
    """The service an outage cue is about when its own clause names one in outage context."""
    clause = cues.clause_of(cue.start)
    same = [e for e in evidence if e.sentence == cue.sentence and cues.clause_of(e.start) == clause]
    if not same:
        return None
    best = min(same, key=lambda e: abs(e.start - cue.start))
    return best.name


def _speaker_service(
    text: str,
    cue: Cue,
    evidence: Sequence[ServiceEvidence],
    cues: SentenceCues,
    main_key: Optional[str],
    usable=lambda e: True,
) -> Optional[str]:
    """Another service that the cue's clause names as subject ("Telegram founder Pavel Durov said
    ... slower speeds"): the outage is that service's."""
    clause = cues.clause_of(cue.start)
    start, end = cues.clause_span(clause, cue.end)
    others = [
        e for e in evidence
        if e.sentence == cue.sentence and cues.clause_of(e.start) == clause and service_key(e.name) != main_key
        and e.start < cue.start and _opens_clause(text, start, e.start) and usable(e)
    ]
    # the first such name is the subject ("Telegram founder Pavel Durov said": Telegram)
    return min(others, key=lambda e: e.start).name if others else None


SUBJECT_REACH = 30


def _opens_clause(text: str, clause_start: int, position: int) -> bool:
    """Whether a name stands where a clause's subject does: at its start, or right after an
    opening adverbial ("A month earlier, Southwest Airlines blamed ...")."""
    if position - clause_start <= SUBJECT_REACH:
        return True
    comma = text.find(",", clause_start, position)
    return comma >= 0 and position - comma <= SUBJECT_REACH


def frame_service_key(frame: Frame, lang: str = "en") -> Optional[str]:
    return service_key(frame.service, lang) if frame.service else None
