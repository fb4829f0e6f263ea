"""Whether an incident is resolved or ongoing at the time of writing.

In order: what an update line ("UPDATE: ...") says; a known end; the last
status cue in the text; what the stated duration implies ("lasted" is over,
"has been down for" is not); an outage dated before the main one is over.
"""
from __future__ import annotations

from typing import Optional, Sequence

from .cues import SentenceCues
from .frames import Frame


def incident_status(
    frames: Sequence[Frame],
    discourse: Sequence[SentenceCues],
    has_end: bool,
    duration_implies: Optional[str],
    past: bool,
) -> str:
    cues = sorted((f for f in frames if f.source == "status" and f.status), key=lambda f: f.start)
    updates = [f for f in cues if discourse[f.sentence].update]
    if updates:
        return updates[-1].status
    if has_end:
        return "resolved"
    if cues:
        return cues[-1].status
    if duration_implies:
        return duration_implies
    if past:
        return "resolved"
    return "unknown"
