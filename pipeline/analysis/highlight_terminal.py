"""The article view for a terminal (rich): marked spans coloured, each followed by what it is."""
from __future__ import annotations

from typing import List

from models import ArticleRecord

from .highlight import incident_lines, view_segments

# Control characters of the article (an ESC could drive the terminal) shown as symbols instead:
# C0 and DEL as their Unicode control pictures (ESC -> U+241B), C1 as U+FFFD; newline and tab kept.
VISIBLE = {
    **{code: 0x2400 + code for code in range(32) if code not in (9, 10)},
    0x7F: 0x2421,
    **{code: 0xFFFD for code in range(0x80, 0xA0)},
}

STYLES = {"timex": "bold blue", "cause": "bold red"}
INCIDENT_STYLE = "bold magenta"


def terminal_view(record: ArticleRecord, text: str):
    """A rich ``Text``: a header (document, reference date, incidents, legend), then the article
    with ``[span](LABEL detail)`` for every timex and cause and ``«e1»`` before incident sentences."""
    from rich.text import Text

    view = Text()
    reference = record.reference_date
    view.append(record.doc_id.translate(VISIBLE), style="bold")
    view.append(f"  reference date {reference.date or 'unknown'} ({reference.source})\n", style="dim")
    for line in incident_lines(record):
        view.append("«" + line.split(" ", 1)[0] + "» ", style=INCIDENT_STYLE)
        view.append(line.split(" ", 1)[1].translate(VISIBLE) + "\n")
    view.append("legend: ", style="dim")
    view.append("[time](TYPE value)", style=STYLES["timex"])
    view.append("  ")
    view.append("[cause](label assertion, attribution, incident)", style=STYLES["cause"])
    view.append("  ")
    view.append("«e1» a sentence of incident e1\n\n", style=INCIDENT_STYLE)
    for segment in view_segments(record, text):
        if segment.opens:
            view.append("«" + ",".join(segment.opens) + "» ", style=INCIDENT_STYLE)
        starting = [m for m in segment.marks if m.start == segment.start]
        for mark in starting:
            view.append("[", style="dim")
        style = STYLES[segment.marks[-1].kind] if segment.marks else ""
        if segment.incidents and not segment.marks:
            style = "underline"
        view.append(text[segment.start : segment.end].translate(VISIBLE), style=style)
        for mark in reversed(segment.closes):
            label: List[str] = [mark.label] + ([mark.detail] if mark.detail else [])
            view.append("](", style="dim")
            view.append(" ".join(label).translate(VISIBLE), style=STYLES[mark.kind].replace("bold ", ""))
            view.append(")", style="dim")
    if not text.endswith("\n"):
        view.append("\n")
    return view
