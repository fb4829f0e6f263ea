"""``outages table`` and ``extract --format csv|parquet``: the flat incident table."""
from __future__ import annotations

from pathlib import Path
from typing import Optional, Sequence

import typer

from .console import error_line, note_line


def _write(rows, output: Optional[Path]) -> None:
    """CSV on stdout, or the file ``output`` (.csv or .parquet); errors exit 2 (usage) or 1."""
    from ..analysis.table_files import TableError, csv_text, write_table

    if output is None:
        typer.echo(csv_text(rows), nl=False)
        return
    try:
        write_table(rows, output)
    except TableError as exc:
        error_line(str(exc))
        raise typer.Exit(2)
    except OSError as exc:
        error_line(f"cannot write output {str(output)!r}: {exc.strerror or exc}")
        raise typer.Exit(1)


def check_table_output(output: Optional[Path], parquet: bool = False) -> None:
    """Refuse a table target we cannot write before any work is done."""
    from ..analysis.table_files import TableError, table_format

    if output is None:
        if parquet:
            error_line("--format parquet writes a file: give it with -o FILE.parquet")
            raise typer.Exit(2)
        return
    try:
        kind = table_format(output)
    except TableError as exc:
        error_line(str(exc))
        raise typer.Exit(2)
    if parquet and kind != "parquet":
        error_line(f"--format parquet: name the output .parquet, not {output.name!r}")
        raise typer.Exit(2)
    if kind == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            from ..analysis.table_files import MISSING_EXTRA

            error_line(MISSING_EXTRA)
            raise typer.Exit(2)


def table_command(
    records: Path = typer.Argument(..., help="JSON Lines written by extract (-o out.jsonl)."),
    output: Optional[Path] = typer.Option(
        None, "--output", "-o", help="incidents.csv or incidents.parquet (default: CSV on stdout)."
    ),
) -> None:
    """One row per incident, flat columns of fixed types (README: "Incident table")."""
    from ..analysis.records import RecordsError, load_records
    from ..analysis.table import rows_from_records

    check_table_output(output)
    try:
        loaded = load_records(records)
    except RecordsError as exc:
        error_line(str(exc))
        raise typer.Exit(1)
    table = rows_from_records(loaded.articles)
    _write(table.rows, output)
    note_line(
        f"{len(table.rows)} incidents from {table.articles} articles"
        + (f"; {loaded.error_records} error records skipped" if loaded.error_records else "")
        + (f"; {table.without_text} articles' texts not found (no evidence text)" if table.without_text else "")
    )


def write_extract_table(refs: Sequence, options, output: Optional[Path], parquet: bool) -> None:
    """``extract --format csv|parquet``: extract each ref in process and write its incidents."""
    from ..analysis.table import incident_rows
    from .progress import progress
    from ..run import extract_pairs

    check_table_output(output, parquet)
    rows, failed = [], 0
    several = len(refs) > 1
    with progress(len(refs)) as advance:
        for document, outcome in extract_pairs(refs, options):
            advance()
            error = getattr(outcome, "error", None)
            if error is not None or document is None:
                failed += 1
                error_line(f"{outcome.source or outcome.doc_id}: {error}" if several else str(error))
                continue
            rows.extend(incident_rows(outcome, document.text))
    _write(rows, output)
    if failed:
        if several:
            note_line(f"{failed} of {len(refs)} documents failed")
        raise typer.Exit(1)
