"""``outages eval --show DOC``: every mismatch of one document with the text around it."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

from rich.text import Text

from .context import around
from .document_scoring import DocumentEvaluation
from .incident_scoring import IncidentMismatch
from .span_scoring import SpanMismatch


def describe_span(view: Optional[Dict[str, Any]], attributes: Tuple[str, ...]) -> str:
    if view is None:
        return "nothing"
    values = " ".join(str(view[a]) if view.get(a) is not None else f"{a}=none" for a in attributes)
    return f"{view['text']!r} {values}"


def span_headline(kind: str, mismatch: SpanMismatch, attributes: Tuple[str, ...]) -> str:
    problems = ", ".join(mismatch.problems)
    if mismatch.predicted is None:
        return f"{kind} {problems}: gold {describe_span(mismatch.gold, attributes)}"
    if mismatch.gold is None:
        return f"{kind} {problems}: predicted {describe_span(mismatch.predicted, attributes)}"
    return (
        f"{kind} {problems}: gold {describe_span(mismatch.gold, attributes)}"
        f"  ≠  predicted {describe_span(mismatch.predicted, attributes)}"
    )


def incident_headline(m: IncidentMismatch) -> str:
    ids = f"{m.gold_id or '-'}↔{m.predicted_id or '-'}"
    if m.field == "incident":
        side, value = ("gold", m.gold) if m.problem == "missed" else ("predicted", m.predicted)
        return f"{m.role} incident {m.problem} [{ids}]: {side} {value}"
    return f"{m.role} incident [{ids}] {m.field} {m.problem}: gold {m.gold or 'none'}  ≠  predicted {m.predicted or 'none'}"


def context_text(text: str, span: Optional[Tuple[int, int]]) -> Text:
    parts = around(text, span)
    if parts is None:
        return Text("    (no text position)", style="dim")
    before, middle, after = parts
    return Text.assemble("    ", (before, "dim"), (f"[[{middle}]]", "bold"), (after, "dim"))


def mismatch_lines(d: DocumentEvaluation) -> List[Text]:
    """Two lines per mismatch (what differs, then the text around it), in text order."""
    items: List[Tuple[int, str, Optional[Tuple[int, int]]]] = []
    for kind, score, attributes in (
        ("timex", d.timexes, ("type", "value", "mod")),
        ("cause", d.causes, ("category", "assertion", "attribution")),
    ):
        for m in score.mismatches:
            items.append((m.start, span_headline(kind, m, attributes), (m.start, m.end)))
    for m in d.incidents.mismatches:
        items.append((m.span[0] if m.span else len(d.text), incident_headline(m), m.span))
    lines: List[Text] = []
    for _, headline, span in sorted(items, key=lambda item: item[0]):
        lines.append(Text(headline))
        lines.append(context_text(d.text, span))
    if not lines:
        lines.append(Text("no mismatches", style="green"))
    return lines
