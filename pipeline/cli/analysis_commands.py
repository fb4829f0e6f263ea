"""The analysis commands (table, summarize, show, serve) and extract's --format csv|parquet|text,
registered from here so that ``app.py`` only hands over."""
from __future__ import annotations

import typer

from .console import error_line
from .serve_cmd import serve_command
from .show_cmd import show_command, show_documents
from .summarize_cmd import summarize_command
from .table_cmd import table_command, write_extract_table
from .timeml_output import OutputFormat

ANALYSIS_FORMATS = (OutputFormat.csv, OutputFormat.parquet, OutputFormat.text)


def register_analysis_commands(app: typer.Typer) -> None:
    app.command("table")(table_command)
    app.command("summarize")(summarize_command)
    app.command("show")(show_command)
    app.command("serve")(serve_command)


def write_analysis_format(output_format: OutputFormat, refs, options, batch) -> None:
    """``extract --format csv|parquet|text``: in one process, so no --resume, --workers or --engine."""
    if batch.resume or batch.workers is not None or batch.engine != "local":
        error_line(f"--format {output_format.value} runs in one process: no --resume, --workers or --engine")
        raise typer.Exit(2)
    if output_format is OutputFormat.text:
        if batch.output is not None:
            error_line("--format text shows articles on the terminal: no -o")
            raise typer.Exit(2)
        show_documents(refs, options)
        return
    write_extract_table(refs, options, batch.output, output_format is OutputFormat.parquet)
