"""A rich progress bar on stderr, shown only for several inputs on a terminal."""
from __future__ import annotations

import contextlib
import sys
from typing import Callable, Iterator

from .console import err_console


@contextlib.contextmanager
def progress(total: int, label: str = "extracting") -> Iterator[Callable[[], None]]:
    """Yield ``advance()``; draws a bar when ``total > 1`` and stderr is a terminal."""
    if total <= 1 or not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    columns = (
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=err_console(), transient=False) as bar:
        task = bar.add_task(label, total=total)
        yield lambda: bar.advance(task)
