"""``outages show`` and ``extract --format text``: the article with what was found highlighted."""
from __future__ import annotations

from pathlib import Path
from typing import Optional, Sequence

import typer

from .console import error_line


def show_documents(refs: Sequence, options, html: Optional[Path] = None) -> None:
    """Extract each ref in process; print its terminal view, or write one HTML page (one ref)."""
    from rich.console import Console

    from ..analysis.highlight_html import html_view
    from ..analysis.highlight_terminal import terminal_view
    from ..output import open_output
    from ..run import extract_pairs

    if html is not None and len(refs) != 1:
        error_line("--html writes one page: give one article")
        raise typer.Exit(2)
    console = Console(highlight=False, soft_wrap=True)
    failed = 0
    for document, outcome in extract_pairs(refs, options):
        error = getattr(outcome, "error", None)
        if error is not None or document is None:
            failed += 1
            error_line(f"{outcome.source or outcome.doc_id}: {error}" if len(refs) > 1 else str(error))
            continue
        if html is None:
            console.print(terminal_view(outcome, document.text))
            continue
        try:
            with open_output(html) as handle:
                handle.write(html_view(outcome, document.text))
        except OSError as exc:
            error_line(f"cannot write {str(html)!r}: {exc.strerror or exc}")
            raise typer.Exit(1)
        from ..analysis.files import readable_by_all

        readable_by_all(html)
    if failed:
        raise typer.Exit(1)


def show_command(
    paths: list[str] = typer.Argument(..., help="Article files (.txt, .json, .jsonl, .html) or '-' for stdin."),
    reference_date: Optional[str] = typer.Option(
        None, "--reference-date", help="YYYY-MM-DD anchor for relative dates (overrides metadata)."
    ),
    html: Optional[Path] = typer.Option(None, "--html", help="Write an HTML page (displaCy style) instead."),
) -> None:
    """The article with its timexes, causes and incident sentences highlighted."""
    from ..extraction import parse_iso_date
    from ..inputs import discover
    from ..nlp import PipelineError, build_pipeline
    from ..run import ExtractOptions

    if reference_date is not None:
        try:
            reference_date = parse_iso_date(reference_date)
        except ValueError as exc:
            error_line(f"--reference-date: {exc}")
            raise typer.Exit(2)
    refs = discover(paths)
    try:
        build_pipeline(None)
    except PipelineError as exc:
        error_line(str(exc))
        raise typer.Exit(2)
    show_documents(refs, ExtractOptions(reference_date=reference_date), html)
