"""Surviving a worker process that dies (segfault, out-of-memory kill, ``os._exit``).

When one worker dies, ``ProcessPoolExecutor`` marks the whole pool broken and
every task in flight fails with ``BrokenProcessPool``. :func:`guarded` turns
such a failure into a :class:`PoolBroke` value instead of an exception, so the
engine can start a fresh pool, run those batches again, and, when a batch
breaks the new pool too, run it one document at a time to find the document
that kills its worker: that one gets an error record, the others their records.
"""
from __future__ import annotations

import contextlib
from concurrent.futures import Future, InvalidStateError
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Callable, TypeVar

R = TypeVar("R")

WORKER_DIED = (
    "internal error: the worker process died while extracting this document "
    "(a crash or the system killing it, e.g. for memory)"
)


@dataclass(frozen=True)
class PoolBroke:
    """A task lost because the pool of generation ``generation`` broke."""

    generation: int


def guarded(submit: Callable[[], "Future[R]"], generation: int) -> "Future":
    """``submit()``'s future, resolving to :class:`PoolBroke` instead of raising ``BrokenProcessPool``."""
    out: Future = Future()
    try:
        inner = submit()
    except BrokenProcessPool:
        out.set_result(PoolBroke(generation))
        return out

    def settle(done: Future) -> None:
        if out.done():  # cancelled by the consumer (stopped early, interrupted)
            return
        if done.cancelled():
            out.cancel()
            return
        error = done.exception()
        with contextlib.suppress(InvalidStateError):  # cancelled meanwhile
            if isinstance(error, BrokenProcessPool):
                out.set_result(PoolBroke(generation))
            elif error is not None:
                out.set_exception(error)
            else:
                out.set_result(done.result())

    inner.add_done_callback(settle)
    out.add_done_callback(lambda f: inner.cancel() if f.cancelled() else None)
    return out
