"""Typer wrapper of ``outages realnews-eval``: score the pipeline on the real-news set."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from .console import error_line, note_line
from .evaluation import JSON_HELP, print_tables, write_json_report


def realnews_eval_command(
    root: Path = typer.Option(Path("realnews"), "--set", help="The real-news set: articles/ (gold facts) and .cache/ (texts)."),
    split: str = typer.Option("both", "--split", help="tune, test, all, or both (tune and test side by side)."),
    json_file: Optional[Path] = typer.Option(None, "--json", help=JSON_HELP),
    show: Optional[str] = typer.Option(None, "--show", help="One article (id or unique prefix): each field, gold and predicted."),
) -> None:
    """Score the main incident on real news, with and without the publication date given."""
    from ..nlp import build_pipeline
    from ..realnews.dataset import load_set
    from ..realnews.evaluate import evaluate_realnews
    from ..realnews.gold import GoldError
    from ..realnews.tables import article_table, realnews_table
    from .progress import progress

    if split not in ("tune", "test", "all", "both"):
        error_line(f"--split must be tune, test, all or both, not {split!r}")
        raise typer.Exit(2)
    try:
        entries = load_set(root, "all" if split == "both" else split)
    except GoldError as exc:
        error_line(str(exc))
        raise typer.Exit(2)
    if show:
        entries = [e for e in entries if e.gold.id.startswith(show)]
        if len(entries) != 1:
            error_line(f"--show {show!r} names {len(entries)} articles, not one")
            raise typer.Exit(2)
    nlp = build_pipeline()
    with progress(len(entries), label="scoring") as advance:
        report = evaluate_realnews(entries, nlp, on_article=lambda _: advance())
    for article, url, why in report.missing:
        error_line(f"{article}: {why}: {url} (see realnews/README.md, 'Restoring the cache')")
    for article, message in report.errors:
        note_line(f"{article}: refused: {message}")
    if json_file is not None:
        write_json_report(report.to_dict(), json_file)
    if json_file is None or str(json_file) != "-":
        if show:
            print_tables(article_table(report.scores))
        else:
            splits = ("tune", "test") if split == "both" else (split,)
            print_tables(realnews_table(report, splits, f"Real news: main incident ({root})"))
    scored = len({s.article for s in report.scores})
    note_line(f"{scored} articles scored, {len(report.missing)} missing from the cache")
