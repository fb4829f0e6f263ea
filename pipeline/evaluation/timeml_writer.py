"""Write a document and its timexes as TimeML: the text with inline TIMEX3 tags.

The output is a complete ``<TimeML>`` document (DOCID, DCT when the reference
date is known, TEXT) that the TempEval-3 evaluation tools read. Text and
attributes are XML-escaped; attributes are always double-quoted. Inline tags
cannot overlap, so a timex overlapping an earlier (or, at the same start,
longer) one is left out.
"""
from __future__ import annotations

from typing import Iterable, List, Optional, Sequence
from xml.sax.saxutils import escape

from .timex_scoring import TimexLike

TIMEX_ATTRIBUTES = ("type", "value", "mod")


def attribute(name: str, value: str) -> str:
    return f'{name}="{escape(value, {chr(34): "&quot;"})}"'


def non_overlapping(timexes: Iterable[TimexLike]) -> List[TimexLike]:
    kept: List[TimexLike] = []
    for timex in sorted(timexes, key=lambda t: (t.start, -t.end)):
        if timex.end <= timex.start or (kept and timex.start < kept[-1].end):
            continue
        kept.append(timex)
    return kept


def timex_open_tag(tid: str, timex: TimexLike) -> str:
    attrs = [attribute("tid", tid)]
    for name in TIMEX_ATTRIBUTES:
        value = getattr(timex, name, None)
        if value:
            attrs.append(attribute(name, value))
    return f"<TIMEX3 {' '.join(attrs)}>"


def inline_timexes(text: str, timexes: Sequence[TimexLike]) -> str:
    """``text`` XML-escaped, each (non-overlapping) timex wrapped in a TIMEX3 tag."""
    out: List[str] = []
    position = 0
    for number, timex in enumerate(non_overlapping(timexes), start=1):
        tid = getattr(timex, "id", None) or f"t{number}"
        out.append(escape(text[position : timex.start]))
        out.append(timex_open_tag(tid, timex))
        out.append(escape(text[timex.start : timex.end]))
        out.append("</TIMEX3>")
        position = timex.end
    out.append(escape(text[position:]))
    return "".join(out)


def render_timeml(
    text: str,
    timexes: Sequence[TimexLike],
    doc_id: str,
    reference_date: Optional[str] = None,
) -> str:
    """A whole TimeML document for ``text`` and its ``timexes``."""
    lines = ['<?xml version="1.0" ?>', "<TimeML>", f"<DOCID>{escape(doc_id)}</DOCID>"]
    if reference_date:
        dct = " ".join(
            [
                attribute("tid", "t0"),
                attribute("type", "DATE"),
                attribute("value", reference_date),
                attribute("temporalFunction", "false"),
                attribute("functionInDocument", "CREATION_TIME"),
            ]
        )
        lines.append(f"<DCT><TIMEX3 {dct}>{escape(reference_date)}</TIMEX3></DCT>")
    lines.append(f"<TEXT>{inline_timexes(text, timexes)}</TEXT>")
    lines.append("</TimeML>")
    return "\n".join(lines) + "\n"
