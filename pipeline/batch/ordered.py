"""An order-preserving map over an executor with a bounded number of tasks in flight.

``Executor.map`` submits every item at once; here at most ``window`` tasks are
outstanding, so neither the inputs nor the finished-but-not-yet-written results
of a huge folder are ever held in memory all together.
"""
from __future__ import annotations

from collections import deque
from concurrent.futures import Future
from itertools import islice
from typing import Callable, Deque, Iterable, Iterator, List, Tuple, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def chunked(items: Iterable[T], size: int) -> Iterator[List[T]]:
    """Consecutive lists of ``size`` items (the last may be shorter)."""
    iterator = iter(items)
    while True:
        chunk = list(islice(iterator, size))
        if not chunk:
            return
        yield chunk


def ordered_map(
    submit: Callable[[T], "Future[R]"], items: Iterable[T], window: int
) -> Iterator[Tuple[T, R]]:
    """``(item, result)`` in the order of ``items``, keeping ``window`` tasks running.

    On an error or when the consumer stops early, tasks not yet started are cancelled.
    """
    pending: Deque[Tuple[T, "Future[R]"]] = deque()
    try:
        for item in items:
            pending.append((item, submit(item)))
            while len(pending) >= window or (pending and pending[0][1].done()):
                first, future = pending.popleft()
                yield first, future.result()
        while pending:
            first, future = pending.popleft()
            yield first, future.result()
    finally:
        for _, future in pending:
            future.cancel()
