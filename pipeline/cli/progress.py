"""A rich progress bar on stderr (rate and ETA), shown only for several inputs on a terminal."""
from __future__ import annotations

import contextlib
import sys
from typing import Iterator

from .console import err_console


class Progress:
    """What the extract loop reports to: ``advance()`` per document, ``grow(n)`` when more are found."""

    def advance(self) -> None:
        pass

    def grow(self, extra: int) -> None:
        pass

    def __call__(self) -> None:  # older call style: ``advance()``
        self.advance()


class _Bar(Progress):
    def __init__(self, bar, task) -> None:
        self._bar, self._task = bar, task

    def advance(self) -> None:
        self._bar.advance(self._task)

    def grow(self, extra: int) -> None:
        if extra:
            total = next(t.total for t in self._bar.tasks if t.id == self._task) or 0
            self._bar.update(self._task, total=total + extra)


def _rate_column():
    from rich.progress import ProgressColumn
    from rich.text import Text

    class RateColumn(ProgressColumn):
        """Documents per second."""

        def render(self, task) -> Text:
            speed = task.finished_speed or task.speed
            return Text("-- docs/s" if speed is None else f"{speed:,.1f} docs/s", style="cyan")

    return RateColumn()


@contextlib.contextmanager
def progress(total: int, label: str = "extracting") -> Iterator[Progress]:
    """Yield a :class:`Progress`; draws a bar when ``total > 1`` and stderr is a terminal."""
    if total <= 1 or not sys.stderr.isatty():
        yield Progress()
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.progress import Progress as RichProgress

    columns = (
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        _rate_column(),
        TimeElapsedColumn(),
        TextColumn("eta"),
        TimeRemainingColumn(),
    )
    with RichProgress(*columns, console=err_console(), transient=False, speed_estimate_period=60) as bar:
        task = bar.add_task(label, total=total)
        yield _Bar(bar, task)
