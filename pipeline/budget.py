"""A time budget per document (``--doc-timeout``): a runaway document becomes an error record.

Some texts make some step slow (a pathological pattern not yet found and
fixed); one of them must not stall a batch. :func:`time_budget` arms a
wall-clock timer (``SIGALRM``) around one document's extraction; when it
expires, :class:`DocTimeout` is raised in the middle of the work, the
document gets an error record and the next one starts. It is a
``BaseException`` so that no ``except Exception`` in the pipeline can swallow
it. The timer needs the main thread of a process with ``setitimer`` (every
local worker and ``--workers 1``); elsewhere (Dask's thread scheduler, Windows)
there is no budget.
"""
from __future__ import annotations

import contextlib
import signal
import threading
from typing import Iterator, Optional

#: seconds; ~6x what a 1,000,000-character adversarial text (the --max-chars default) takes
DEFAULT_DOC_TIMEOUT = 180.0


class DocTimeout(BaseException):
    """The document's time budget ran out."""

    def __init__(self, seconds: float) -> None:
        super().__init__(
            f"extraction took longer than {seconds:g} s (--doc-timeout): stopped, the other documents go on"
        )


def _can_time() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def time_budget(seconds: Optional[float]) -> Iterator[None]:
    """Raise :class:`DocTimeout` in the body after ``seconds`` (None or 0: no limit)."""
    if not seconds or not _can_time():
        yield
        return

    def expire(signum, frame):
        raise DocTimeout(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
