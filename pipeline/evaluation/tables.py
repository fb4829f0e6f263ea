"""Rich tables of evaluation reports (built here, printed by the CLI)."""
from __future__ import annotations

from typing import Dict, Optional

from rich.table import Table

from .metrics import Score
from .timex_scoring import TimexCounts


def percent(value: Optional[float]) -> str:
    return "–" if value is None else f"{100 * value:.1f}"


def score_cells(score: Score):
    """P, R, F1 as percentages; dashes when there was nothing to score."""
    if score.empty:
        return "–", "–", "–"
    return percent(score.precision), percent(score.recall), percent(score.f1)


def timex_table(counts: TimexCounts, title: str = "Temporal expressions (TempEval-3 Task A)") -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column("measure")
    for name in ("P", "R", "F1", "accuracy", "right", "gold", "predicted"):
        table.add_column(name, justify="right")
    rows = [
        ("strict span", counts.strict, None),
        ("relaxed span", counts.relaxed, None),
        ("type", counts.attribute("type"), counts.accuracy("type")),
        ("value", counts.attribute("value"), counts.accuracy("value")),
        ("mod (extra)", counts.attribute("mod"), counts.accuracy("mod")),
    ]
    for label, score, accuracy in rows:
        table.add_row(
            label,
            *score_cells(score),
            percent(accuracy) if label not in ("strict span", "relaxed span") else "",
            str(score.tp),
            str(counts.gold),
            str(counts.predicted),
        )
    table.caption = "attribute F1 = accuracy over relaxed matches x relaxed F1; micro-averaged"
    return table


def timex_summary_table(groups: Dict[str, TimexCounts], title: str = "By folder") -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column("folder")
    for name in ("gold", "predicted", "strict F1", "relaxed F1", "type F1", "value F1"):
        table.add_column(name, justify="right")
    for name, counts in groups.items():
        table.add_row(
            name,
            str(counts.gold),
            str(counts.predicted),
            percent(counts.strict.f1),
            percent(counts.relaxed.f1),
            percent(counts.attribute("type").f1),
            percent(counts.attribute("value").f1),
        )
    return table


SECTION_TITLES = {
    "timexes": "timexes",
    "causes": "causes",
    "incidents.main": "main",
    "incidents.related": "related",
}


def eval_table(rows, title: str) -> Table:
    """One row per measure, grouped by section: P/R/F1, accuracy and counts."""
    table = Table(title=title, title_justify="left", caption_justify="left")
    table.add_column("section", no_wrap=True)
    table.add_column("field", no_wrap=True)
    for name in ("P", "R", "F1", "acc", "tp", "fp", "fn"):
        table.add_column(name, justify="right", no_wrap=True)
    section = None
    for row in rows:
        if section is not None and row.section != section:
            table.add_section()
        label = SECTION_TITLES.get(row.section, row.section) if row.section != section else ""
        section = row.section
        s = row.score
        table.add_row(label, row.name, *score_cells(s), percent(row.accuracy) if row.accuracy is not None else "", str(s.tp), str(s.fp), str(s.fn))
    table.caption = "micro-averaged over documents; attribute F1 = accuracy x relaxed F1; – = nothing to score"
    table.caption_justify = "left"
    return table
