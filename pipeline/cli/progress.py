"""A rich progress bar on stderr (rate and ETA), shown only for several inputs on a terminal."""
from __future__ import annotations

import contextlib
import sys
from typing import Iterator

from .console import err_console, is_quiet


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


def _average_rate(task) -> "float | None":
    """Documents per second since the start: results arrive in bursts (in input
    order, a batch at a time), so rich's recent-samples speed would jump about."""
    elapsed = task.elapsed
    return task.completed / elapsed if elapsed and task.completed else None


def _columns():
    from rich.progress import ProgressColumn
    from rich.text import Text

    class RateColumn(ProgressColumn):
        """Documents per second."""

        def render(self, task) -> Text:
            rate = _average_rate(task)
            return Text("-- docs/s" if rate is None else f"{rate:,.1f} docs/s", style="cyan")

    class EtaColumn(ProgressColumn):
        """Time left at the average rate."""

        def render(self, task) -> Text:
            rate = _average_rate(task)
            if task.finished:
                return Text("done", style="green")
            if rate is None or task.total is None:
                return Text("eta -:--:--", style="cyan")
            seconds = int(max(0.0, task.total - task.completed) / rate)
            hours, rest = divmod(seconds, 3600)
            return Text(f"eta {hours}:{rest // 60:02d}:{rest % 60:02d}", style="cyan")

    return RateColumn(), EtaColumn()


@contextlib.contextmanager
def progress(total: int, label: str = "extracting") -> Iterator[Progress]:
    """Yield a :class:`Progress`; draws a bar when ``total > 1`` and stderr is a terminal."""
    if total <= 1 or is_quiet() or not sys.stderr.isatty():
        yield Progress()
        return
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
    from rich.progress import Progress as RichProgress

    rate, eta = _columns()
    columns = (
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        rate,
        TimeElapsedColumn(),
        eta,
    )
    with RichProgress(*columns, console=err_console(), transient=False) as bar:
        task = bar.add_task(label, total=total)
        yield _Bar(bar, task)
