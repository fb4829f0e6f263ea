"""``outages summarize``: counts by cause, service, month, durations; ``--html`` a report."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from .console import error_line, note_line


def summarize_command(
    records: Path = typer.Argument(..., help="JSON Lines written by extract (-o out.jsonl)."),
    html: Optional[Path] = typer.Option(
        None, "--html", help="Also write a self-contained HTML report with charts (needs the report extra)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON instead of tables."),
    main_only: bool = typer.Option(
        False, "--main-only", help="Count only the outages the articles are about, not earlier ones they mention."
    ),
) -> None:
    """Outages by cause, service and month, durations per cause, unknown-cause share."""
    import json

    from rich.console import Console

    from ..analysis.records import RecordsError, load_records
    from ..analysis.summary import summarize
    from ..analysis.summary_view import summary_dict, summary_tables

    if html is not None:
        from ..analysis.report import MISSING_EXTRA, report_support

        if not report_support():
            error_line(MISSING_EXTRA)
            raise typer.Exit(2)
    try:
        loaded = load_records(records)
    except RecordsError as exc:
        error_line(str(exc))
        raise typer.Exit(1)
    summary = summarize(loaded, main_only)
    if as_json:
        typer.echo(json.dumps(summary_dict(summary), ensure_ascii=False, indent=2))
    else:
        console = Console(highlight=False)
        for table in summary_tables(summary):
            console.print(table)
            console.print()
    if html is not None:
        from ..analysis.report import write_report

        try:
            write_report(summary, html, title=f"Outages in {records.name}")
        except OSError as exc:
            error_line(f"cannot write report {str(html)!r}: {exc.strerror or exc}")
            raise typer.Exit(1)
        note_line(f"report written to {str(html)!r}")
