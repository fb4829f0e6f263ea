"""Typer wrappers of the evaluation commands: parse options, run the scorer, print the report."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, Optional

import typer

from .console import error_line, note_line

JSON_HELP = "Also write the full report (every document, every mismatch) as JSON here; '-' prints it instead of the table."


def write_json_report(report: Dict[str, Any], json_file: Path) -> None:
    from ..output import open_output

    try:
        with open_output(json_file) as sink:
            sink.write(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    except OSError as exc:
        error_line(f"cannot write {str(json_file)!r}: {exc.strerror or exc}")
        raise typer.Exit(1)


def print_tables(*tables) -> None:
    from rich.console import Console

    console = Console(highlight=False)
    for table in tables:
        console.print(table)


def timeml_eval_command(
    directory: Path = typer.Argument(..., help="Folder of TimeML .tml files (walked recursively)."),
    json_file: Optional[Path] = typer.Option(None, "--json", help=JSON_HELP),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Score only the first N files (sorted by path)."),
) -> None:
    """Score the pipeline's timexes on TimeML documents as TempEval-3 Task A does."""
    from ..evaluation.tables import timex_summary_table, timex_table
    from ..evaluation.timeml import TimemlError, find_timeml_files, limit_files
    from ..evaluation.timeml_eval import evaluate_timeml
    from ..nlp import build_pipeline
    from .progress import progress

    try:
        files = limit_files(find_timeml_files(directory), limit)
    except TimemlError as exc:
        error_line(str(exc))
        raise typer.Exit(2)
    nlp = build_pipeline()
    with progress(len(files), label="scoring") as advance:
        report = evaluate_timeml(files, nlp, on_document=lambda _: advance())
    for failed in report.errors:
        error_line(f"{failed.path}: {failed.error}")
    if json_file is not None:
        write_json_report(report.to_dict(), json_file)
    if json_file is None or str(json_file) != "-":
        groups = report.totals_by_folder()
        tables = [timex_table(report.totals)]
        if len(groups) > 1:
            tables.append(timex_summary_table(groups))
        print_tables(*tables)
    note_line(f"{len(report.documents)} documents scored, {len(report.errors)} failed")
