"""What ``outages show`` highlights: timexes, cause mentions and incident sentences, as
segments of the text (exact character offsets) that the terminal and HTML views render."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Tuple

from models import ArticleRecord


@dataclass(frozen=True)
class Mark:
    """One timex or cause mention: ``text[start:end]`` and what was found there."""

    start: int
    end: int
    kind: str  # "timex" or "cause"
    label: str  # TIME / DATE / DURATION / SET, or the cause label
    detail: str  # the value, or assertion / attribution / incident


@dataclass(frozen=True)
class Segment:
    """A stretch of text inside the same marks and incident sentences."""

    start: int
    end: int
    marks: Tuple[Mark, ...]  # marks covering the segment, outermost (earliest start) first
    incidents: Tuple[str, ...]  # incidents whose sentences cover the segment
    opens: Tuple[str, ...]  # incidents a sentence of which starts here
    closes: Tuple[Mark, ...]  # marks ending here (their labels follow the segment)


def timex_marks(record: ArticleRecord) -> List[Mark]:
    marks = []
    for t in record.timexes:
        detail = t.value
        if t.instant:
            detail = t.instant
        elif t.minutes is not None and t.type == "DURATION":
            low, high = t.minutes.min, t.minutes.max
            detail = f"{t.value} ({low:g}" + (f"-{high:g}" if high != low else "") + " min)"
        if t.mod:
            detail += f" {t.mod}"
        marks.append(Mark(t.start, t.end, "timex", t.type, detail))
    return marks


def cause_marks(record: ArticleRecord) -> List[Mark]:
    marks = []
    for c in record.causes:
        parts = [] if c.assertion == "affirmed" else [c.assertion]
        if c.attribution != "unattributed":
            parts.append(c.attribution + (f": {c.speaker}" if c.speaker else ""))
        if c.incident:
            parts.append(c.incident)
        marks.append(Mark(c.start, c.end, "cause", c.category, ", ".join(parts)))
    return marks


def incident_sentences(record: ArticleRecord) -> Dict[int, List[str]]:
    """Sentence index -> ids of the incidents it belongs to."""
    owners: Dict[int, List[str]] = {}
    for incident in record.incidents:
        for index in incident.sentences:
            owners.setdefault(index, []).append(incident.id)
    return owners


def view_segments(record: ArticleRecord, text: str) -> List[Segment]:
    """The whole of ``text`` cut at every mark and incident-sentence boundary, in order."""
    marks = sorted(timex_marks(record) + cause_marks(record), key=lambda m: (m.start, -m.end))
    owners = incident_sentences(record)
    sentences = [
        (s.start, s.end, tuple(owners[i])) for i, s in enumerate(record.sentences) if i in owners
    ]
    cuts = {0, len(text)}
    for mark in marks:
        cuts.update((mark.start, mark.end))
    for start, end, _ in sentences:
        cuts.update((start, end))
    points = sorted(c for c in cuts if 0 <= c <= len(text))
    segments: List[Segment] = []
    for start, end in zip(points, points[1:]):
        covering = tuple(m for m in marks if m.start <= start and end <= m.end)
        inside = [ids for s, e, ids in sentences if s <= start and end <= e]
        incidents = tuple(dict.fromkeys(i for ids in inside for i in ids))
        opens = tuple(dict.fromkeys(i for s, _, ids in sentences if s == start for i in ids))
        closes = tuple(m for m in covering if m.end == end)
        segments.append(Segment(start, end, covering, incidents, opens, closes))
    return segments


def incident_lines(record: ArticleRecord) -> List[str]:
    """One line per incident: id, role, service, times, duration, status, cause."""
    lines = []
    for i in record.incidents:
        parts = [f"{i.id} {i.role}", i.service or "(no service)"]
        if i.start:
            parts.append(f"start {i.start.value}")
        if i.end:
            parts.append(f"end {i.end.value}")
        if i.duration:
            low, high = i.duration.minutes.min, i.duration.minutes.max
            parts.append(f"duration {low:g}" + (f"-{high:g}" if high != low else "") + " min")
        parts.append(i.status)
        parts.append(f"cause {i.cause.category} ({i.cause.status})")
        if i.speculated:
            parts.append("speculated " + ", ".join(i.speculated))
        if i.ruled_out:
            parts.append("ruled out " + ", ".join(i.ruled_out))
        lines.append(" · ".join(parts))
    return lines
