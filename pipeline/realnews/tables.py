"""Rich tables of a real-news report (built here, printed by the CLI)."""
from __future__ import annotations

from typing import Iterable

from rich.table import Table

from .evaluate import MODES, RealNewsReport
from .scoring import FIELDS, ArticleScore

MODE_TITLES = {"given": "date given", "none": "no date"}


def realnews_table(report: RealNewsReport, splits: Iterable[str], title: str) -> Table:
    splits = list(splits)
    table = Table(title=title, title_justify="left")
    table.add_column("main-incident field")
    for split in splits:
        for mode in MODES:
            table.add_column(f"{split} ({report.articles(split)}), {MODE_TITLES[mode]}", justify="right")
    tallies = {(s, m): report.tallies(s, m) for s in splits for m in MODES}
    for name in FIELDS:
        cells = []
        for split in splits:
            for mode in MODES:
                tally = tallies[(split, mode)][name]
                cells.append("–" if tally.share is None else f"{tally.share:.2f} ({tally.right}/{tally.scored})")
        table.add_row(name, *cells)
    table.caption = "share right (right/scored); a field is scored where the gold fills it"
    return table


def article_table(scores: Iterable[ArticleScore]) -> Table:
    table = Table(title_justify="left")
    for name in ("mode", "field", "ok", "gold", "predicted"):
        table.add_column(name)
    for score in scores:
        if table.title is None:
            table.title = f"{score.article} ({score.split})"
        for name in FIELDS:
            outcome = score.fields.get(name)
            if outcome is None or not outcome.scored:
                continue
            ok = "yes" if outcome.right == outcome.scored else f"{outcome.right}/{outcome.scored}"
            table.add_row(score.mode, name, ok, str(outcome.gold), str(outcome.predicted))
    return table
