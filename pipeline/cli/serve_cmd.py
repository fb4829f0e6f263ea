"""``outages serve``: the HTTP API (``pipeline/service.py``)."""
from __future__ import annotations

from typing import Optional

import typer

from .console import error_line


def serve_command(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    model: Optional[str] = typer.Option(
        None, "--model", help="An installed spaCy pipeline to start from instead of blank English."
    ),
) -> None:
    """Serve POST /extract (text -> record) and GET /health over HTTP (needs the serve extra)."""
    from ..nlp import PipelineError
    from ..service import MISSING_EXTRA, serve, serve_support

    if not serve_support():
        error_line(MISSING_EXTRA)
        raise typer.Exit(2)
    try:
        serve(host, port, model)
    except PipelineError as exc:
        error_line(str(exc))
        raise typer.Exit(2)
    except OSError as exc:
        error_line(f"cannot listen on {host}:{port}: {exc.strerror or exc}")
        raise typer.Exit(1)
