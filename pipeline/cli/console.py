"""stderr console for progress, warnings and errors (stdout carries only data)."""
from __future__ import annotations

from functools import lru_cache

from rich.console import Console


_QUIET = False


def set_quiet(quiet: bool) -> None:
    """``--quiet``: no progress bar and no notes on stderr (errors still go there)."""
    global _QUIET
    _QUIET = quiet


def is_quiet() -> bool:
    return _QUIET


@lru_cache(maxsize=None)
def err_console() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def error_line(message: str) -> None:
    """Print one plain line ``error: ...`` on stderr."""
    err_console().print(f"error: {message}", markup=False, style="red")


def note_line(message: str) -> None:
    if _QUIET:
        return
    err_console().print(message, markup=False)
