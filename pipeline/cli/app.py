"""Typer wrappers: parse options, call the plain functions, print data to stdout."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from .console import error_line, note_line
from .evaluation import eval_command, timeml_eval_command
from .timeml_output import FORMAT_HELP, OutputFormat, write_timeml

app = typer.Typer(
    name="outages",
    help="Turn outage news into structured incident records.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
extract_app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)

PATHS_HELP = "Text files or folders (walked for .txt); none or '-' reads stdin."


def extract_command(
    paths: Optional[List[str]] = typer.Argument(None, help=PATHS_HELP, show_default=False),
    output: Optional[Path] = typer.Option(
        None, "--output", "-o", help="Write JSON Lines here (atomically) instead of stdout."
    ),
    pretty: bool = typer.Option(False, "--pretty", help="Indent the JSON."),
    reference_date: Optional[str] = typer.Option(
        None, "--reference-date", help="YYYY-MM-DD anchor for relative dates (overrides metadata)."
    ),
    model: Optional[str] = typer.Option(
        None, "--model", help="An installed spaCy pipeline to start from instead of blank English."
    ),
    output_format: OutputFormat = typer.Option(
        OutputFormat.json, "--format", case_sensitive=False, help=FORMAT_HELP
    ),
) -> None:
    """Extract one incident record per article, as JSON Lines."""
    from ..extraction import parse_iso_date
    from ..inputs import discover
    from ..nlp import PipelineError, build_pipeline
    from ..output import open_output, render
    from ..run import ExtractOptions, extract_refs
    from .progress import progress

    if reference_date is not None:
        try:
            reference_date = parse_iso_date(reference_date)
        except ValueError as exc:
            error_line(f"--reference-date: {exc}")
            raise typer.Exit(2)
    try:
        build_pipeline(model)
    except PipelineError as exc:
        error_line(str(exc))
        raise typer.Exit(2)
    refs = discover(paths or [])
    options = ExtractOptions(reference_date=reference_date, model=model)
    if output_format is OutputFormat.timeml:
        write_timeml(refs, options, output)
        return
    single = len(refs) == 1
    failed = 0
    try:
        with open_output(output) as sink, progress(len(refs)) as advance:
            for outcome in extract_refs(refs, options):
                error = getattr(outcome, "error", None)
                if error is not None:
                    failed += 1
                    label = outcome.source or outcome.doc_id
                    error_line(error if single else f"{label}: {error}")
                if error is None or not single:
                    sink.write(render(outcome, pretty) + "\n")
                advance()
    except OSError as exc:
        error_line(f"cannot write output {str(output)!r}: {exc.strerror or exc}")
        raise typer.Exit(1)
    if failed:
        if not single:
            note_line(f"{failed} of {len(refs)} documents failed")
        raise typer.Exit(1)


def schema_command() -> None:
    """Print the JSON Schema of the output records."""
    from models.schema import render_schema

    typer.echo(render_schema(), nl=False)


app.command("extract")(extract_command)
app.command("schema")(schema_command)
app.command("timeml-eval")(timeml_eval_command)
app.command("eval")(eval_command)
extract_app.command()(extract_command)
