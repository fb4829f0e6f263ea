"""Whether an incident is resolved or ongoing at the time of writing.

In order: what an update line ("UPDATE: ...") says; the last status cue in the
text (a weak one, about the work on the outage, only when no recovery is stated),
where a recovery followed by a contrast clause that reports the outage
again ("were working again, but customers spent the morning reporting error
messages") counts as ongoing; a known end; what the stated duration implies
("lasted" is over, "has been down for" is not); an outage dated well before the
main one is over.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional, Sequence

from .cues import SentenceCues
from .frames import Frame
from .rules import load_rules


@lru_cache(maxsize=None)
def weak_rules(lang: str = "en") -> frozenset:
    return frozenset(r.id for r in load_rules(lang).status_rules if r.weak)


def _status_of(cue: Frame, frames: Sequence[Frame], discourse: Sequence[SentenceCues]) -> str:
    if cue.status != "resolved":
        return cue.status
    later = [
        f for f in frames
        if f.sentence == cue.sentence and f.source != "status" and f.clause > cue.clause and f.start > cue.end
    ]
    return "ongoing" if later else "resolved"


def incident_status(
    frames: Sequence[Frame],
    discourse: Sequence[SentenceCues],
    has_end: bool,
    duration_implies: Optional[str],
    past: bool,
) -> str:
    cues = sorted((f for f in frames if f.source == "status" and f.status), key=lambda f: f.start)
    weak = weak_rules()
    if any(f.status == "resolved" for f in cues):
        # "restored by noon ... still investigating the cause": the work goes on, the outage does not
        cues = [f for f in cues if f.rule not in weak]
    updates = [f for f in cues if discourse[f.sentence].update]
    if updates:
        return _status_of(updates[-1], frames, discourse)
    if cues:
        return _status_of(cues[-1], frames, discourse)
    if has_end:
        return "resolved"
    if duration_implies:
        return duration_implies
    if past:
        return "resolved"
    return "unknown"
