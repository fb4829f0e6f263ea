"""Typer wrappers: parse options, call the plain functions, print data to stdout."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from .analysis_commands import ANALYSIS_FORMATS, register_analysis_commands, write_analysis_format
from .console import error_line, set_quiet
from .evaluation import eval_command, timeml_eval_command
from .help_text import CONTEXT_SETTINGS, EVAL_EPILOG, EXTRACT_EPILOG, RICH_MARKUP_MODE, TIMEML_EVAL_EPILOG
from .realnews import realnews_eval_command
from .timeml_output import FORMAT_HELP, OutputFormat, write_timeml

app = typer.Typer(
    name="outages",
    help="Turn outage news into structured incident records.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=RICH_MARKUP_MODE,
    context_settings=CONTEXT_SETTINGS,
)
extract_app = typer.Typer(
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=RICH_MARKUP_MODE,
    context_settings=CONTEXT_SETTINGS,
)

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


#: Words a user may write after a flag ("--pretty true"): not taken as paths.
FLAG_WORDS = frozenset({"true", "false", "yes", "no", "on", "off"})


def print_version(value: bool) -> None:
    if value:
        from ..version import __version__

        typer.echo(f"outage-extract {__version__}")
        raise typer.Exit()


VERSION_OPTION = typer.Option(
    False, "--version", callback=print_version, is_eager=True, help="Print the version and exit."
)


@app.callback()
def outages_callback(version: bool = VERSION_OPTION) -> None:
    """Turn outage news into structured incident records."""


def extract_command(
    ctx: typer.Context,
    paths: Optional[List[str]] = typer.Argument(None, help=PATHS_HELP, show_default=False, metavar="PATH"),
    output: Optional[Path] = typer.Option(
        None,
        "--output",
        "-o",
        metavar="FILE",
        help="Write the records here instead of stdout (FILE.partial until the run ends, "
        "then renamed). With --engine dask: a folder of shards.",
    ),
    pretty: bool = typer.Option(
        False, "--pretty", help="Indent the JSON (with several documents, use --format json for one valid JSON text)."
    ),
    reference_date: Optional[str] = typer.Option(
        None,
        "--reference-date",
        metavar="DATE",
        help="Anchor for relative dates (overrides metadata): YYYY-MM-DD or another common format "
        "('5 December 2023', 'Tue, 05 Dec 2023 10:00 GMT', 'yesterday').",
    ),
    model: Optional[str] = typer.Option(
        None, "--model", metavar="NAME", help="An installed spaCy pipeline to start from instead of blank English."
    ),
    output_format: OutputFormat = typer.Option(
        OutputFormat.jsonl, "--format", case_sensitive=False, help=FORMAT_HELP
    ),
    workers: Optional[int] = typer.Option(
        None,
        "--workers",
        "-w",
        metavar="N",
        help="Worker processes (default: the machine's cores, fewer for small inputs).",
        show_default=False,
    ),
    resume: bool = typer.Option(
        False, "--resume", help="Continue an interrupted run: skip documents already in -o FILE."
    ),
    engine: str = typer.Option("local", "--engine", metavar="local|dask", help="local (process pool) or dask ([dask] extra)."),
    scheduler: Optional[str] = typer.Option(
        None,
        "--scheduler",
        metavar="ADDRESS",
        help="With --engine dask: a distributed scheduler address (tcp://host:8786), "
        "or processes / threads / synchronous (default: processes).",
    ),
    max_chars: Optional[int] = typer.Option(
        None, "--max-chars", min=0, metavar="N", help=MAX_CHARS_HELP, show_default=False
    ),
    doc_timeout: Optional[float] = typer.Option(
        None, "--doc-timeout", min=0, metavar="SECONDS", help=DOC_TIMEOUT_HELP, show_default=False
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or notes on stderr (errors still)."),
    version: bool = VERSION_OPTION,
) -> None:
    """Extract one incident record per article, as JSON Lines or one JSON array."""
    from ..formats.dates import typed_date
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
            reference_date = typed_date(reference_date)
        except ValueError as exc:
            error_line(f"--reference-date: {exc}")
            raise typer.Exit(2)
    set_quiet(quiet)
    ctx.call_on_close(lambda: set_quiet(False))
    mistaken = next((p for p in paths or [] if p.lower() in FLAG_WORDS and not Path(p).exists()), None)
    if mistaken is not None:
        error_line(f"{mistaken!r} is not a file: flags such as --pretty, --resume and --quiet take no value")
        raise typer.Exit(2)
    batch = BatchOptions(
        output, pretty, workers, resume, engine, scheduler, array=output_format is OutputFormat.json
    )
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
    if engine == "dask" and output_format is OutputFormat.jsonl:
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
    if output_format in ANALYSIS_FORMATS:
        write_analysis_format(output_format, refs, options, batch)
        return
    code = run_local(refs, options, batch)
    if code:
        raise typer.Exit(code)


def schema_command() -> None:
    """Print the JSON Schema of the output records."""
    from models.schema import render_schema

    typer.echo(render_schema(), nl=False)


app.command("extract", epilog=EXTRACT_EPILOG)(extract_command)
app.command("schema")(schema_command)
app.command("timeml-eval", epilog=TIMEML_EVAL_EPILOG)(timeml_eval_command)
app.command("eval", epilog=EVAL_EPILOG)(eval_command)
app.command("realnews-eval")(realnews_eval_command)
register_analysis_commands(app)
extract_app.command(epilog=EXTRACT_EPILOG)(extract_command)
