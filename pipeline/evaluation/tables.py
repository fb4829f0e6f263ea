"""Rich tables of evaluation reports (built here, printed by the CLI)."""
from __future__ import annotations

from typing import Dict, Optional

from rich.table import Table

from .metrics import Score
from .timex_scoring import TimexCounts


def percent(value: Optional[float]) -> str:
    return "–" if value is None else f"{100 * value:.1f}"


def score_cells(score: Score):
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
