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

PATHS_HELP = (
    "Files or folders (walked for .txt, .json, .jsonl, .html, .htm); none or '-' reads stdin."
)
MAX_CHARS_HELP = (
    "Cut a longer text at a paragraph or sentence boundary, with a warning in its record "
    "[default: 1000000; 0: no limit]."
)

DOC_TIMEOUT_HELP = (
    "Seconds one document may take; a slower one becomes an error record and the rest go on "
    "[default: 180; 0: no limit]."
)


def extract_command(
    paths: Optional[List[str]] = typer.Argument(None, help=PATHS_HELP, show_default=False),
    output: Optional[Path] = typer.Option(
        None,
        "--output",
        "-o",
        help="Write JSON Lines here instead of stdout (FILE.partial until the run ends, "
        "then renamed). With --engine dask: a folder of shards.",
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
    workers: Optional[int] = typer.Option(
        None,
        "--workers",
        "-w",
        help="Worker processes (default: the machine's cores, fewer for small inputs).",
        show_default=False,
    ),
    resume: bool = typer.Option(
        False, "--resume", help="Continue an interrupted run: skip documents already in -o FILE."
    ),
    engine: str = typer.Option("local", "--engine", help="local (process pool) or dask ([dask] extra)."),
    scheduler: Optional[str] = typer.Option(
        None,
        "--scheduler",
        help="With --engine dask: a distributed scheduler address (tcp://host:8786), "
        "or processes / threads / synchronous (default: processes).",
    ),
    max_chars: Optional[int] = typer.Option(
        None, "--max-chars", min=0, help=MAX_CHARS_HELP, show_default=False
    ),
    doc_timeout: Optional[float] = typer.Option(
        None, "--doc-timeout", min=0, help=DOC_TIMEOUT_HELP, show_default=False
    ),
) -> None:
    """Extract one incident record per article, as JSON Lines."""
    from ..extraction import parse_iso_date
    from ..inputs import discover
    from ..nlp import PipelineError, build_pipeline
    from ..output import partial_path
    from ..run import ExtractOptions
    from .extract_run import BatchOptions, check_batch_options, run_dask, run_local

    from .streams import closed_stream_problem

    closed = closed_stream_problem(paths or [], output)
    if closed:
        error_line(closed)
        raise typer.Exit(2)
    if reference_date is not None:
        try:
            reference_date = parse_iso_date(reference_date)
        except ValueError as exc:
            error_line(f"--reference-date: {exc}")
            raise typer.Exit(2)
    batch = BatchOptions(output, pretty, workers, resume, engine, scheduler)
    problem = check_batch_options(batch)
    if problem:
        error_line(problem)
        raise typer.Exit(2)
    exclude = [output, partial_path(output)] if output is not None else []
    refs = discover(paths or [], exclude=exclude)
    from ..budget import DEFAULT_DOC_TIMEOUT

    timeout = DEFAULT_DOC_TIMEOUT if doc_timeout is None else doc_timeout
    options = ExtractOptions(
        reference_date=reference_date, model=model, max_chars=max_chars, doc_timeout=timeout
    )
    if engine == "dask" and output_format is OutputFormat.json:
        raise typer.Exit(run_dask(refs, options, batch))
    try:
        build_pipeline(model)
    except PipelineError as exc:
        error_line(str(exc))
        raise typer.Exit(2)
    if output_format is OutputFormat.timeml:
        if resume or workers is not None or engine != "local":
            error_line("--format timeml writes one file per document: no --resume, --workers or --engine")
            raise typer.Exit(2)
        write_timeml(refs, options, output)
        return
    code = run_local(refs, options, batch)
    if code:
        raise typer.Exit(code)


def schema_command() -> None:
    """Print the JSON Schema of the output records."""
    from models.schema import render_schema

    typer.echo(render_schema(), nl=False)


app.command("extract")(extract_command)
app.command("schema")(schema_command)
app.command("timeml-eval")(timeml_eval_command)
app.command("eval")(eval_command)
extract_app.command()(extract_command)
