"""The local engine: one worker in this process, or a pool of worker processes.

Workers are started with ``fork`` where that is safe (Linux), before any
thread of ours runs, so they share the already-imported code; elsewhere the
platform's default start method is used. Each builds the pipeline once in the
pool initializer. Tasks are batches of pending documents; results come back in
input order through :func:`~.ordered.ordered_map`.
"""
from __future__ import annotations

import multiprocessing
import os
import sys
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Callable, Collection, Iterable, Iterator, List, Optional, Sequence, Tuple

from ..formats import PendingDocument
from ..output import render
from ..run import ExtractOptions, Outcome, error_record
from .crashes import WORKER_DIED, PoolBroke, guarded
from .ordered import chunked, ordered_map
from .worker import Result, Worker, ready, run_batch, start_worker

BATCH_SIZE = 16  # documents per task (and per memory zone)
WINDOW_PER_WORKER = 4  # batches in flight per worker: enough to keep each busy
MIN_DOCS_PER_WORKER = 16  # below this, starting a worker costs more than it saves
#: Run once through the pipeline before the pool starts, so that what the
#: components build lazily on first use (compiled rule sets, caches) is built
#: once in the parent and shared by the forked workers instead of built in each.
WARM_UP_TEXT = (
    "Users could not reach the bank's app on Monday, Jan. 4, 2021 at 9:30 a.m. ET. "
    "The company said a faulty configuration change caused the outage, not a cyberattack. "
    "Service was restored about two hours later."
)


def available_cores() -> int:
    """Cores this process may run on (the default number of workers)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def default_workers(expected_docs: int) -> int:
    """Cores, but no more workers than there is work for."""
    return max(1, min(available_cores(), expected_docs // MIN_DOCS_PER_WORKER))


def capped_workers(requested: int, expected_docs: int) -> Tuple[int, Optional[str]]:
    """``--workers N`` bounded by the cores and the documents; the reason when it was cut.

    More processes than cores only share them (and each holds a pipeline in
    memory); more than documents have nothing to do.
    """
    cores, docs = available_cores(), max(1, expected_docs)
    workers = max(1, min(requested, cores, docs))
    if workers == requested:
        return workers, None
    why = f"{cores} cores" if workers == cores else f"{docs} documents"
    return workers, f"--workers {requested} capped to {workers} (there are {why})"


def warm_up(options: ExtractOptions) -> None:
    """Build the pipeline in this process and run it once (see :data:`WARM_UP_TEXT`)."""
    from ..document import InputDocument
    from ..nlp import build_pipeline
    from ..run import extract_one

    extract_one(InputDocument("warm-up", WARM_UP_TEXT), options, build_pipeline(options.model))


def _pool_context():
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()  # pragma: no cover - not Linux


class LocalEngine:
    """Use as a context manager; :meth:`results` yields ``(pending, result)`` in input order."""

    def __init__(
        self,
        options: ExtractOptions,
        workers: int = 1,
        renderer: Callable[[Outcome], str] = render,
        done: Collection[str] = frozenset(),
        batch_size: int = BATCH_SIZE,
    ) -> None:
        self.options = options
        self.workers = max(1, workers)
        self.renderer = renderer
        self.done = frozenset(done)
        self.batch_size = batch_size
        self._local: Optional[Worker] = None
        self._pool: Optional[ProcessPoolExecutor] = None
        self._generation = 0

    def __enter__(self) -> "LocalEngine":
        warm_up(self.options)  # lazily built rules: built before any document's time budget runs
        if self.workers == 1:
            self._local = Worker(self.options, self.renderer, self.done)
            return self
        self._start_pool()
        return self

    def _start_pool(self) -> None:
        self._pool = ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=_pool_context(),
            initializer=start_worker,
            initargs=(self.options, self.renderer, self.done, os.getpid()),
        )
        self._generation += 1
        # Start every worker now (pipelines built) rather than on first use.
        for future in [self._pool.submit(ready) for _ in range(self.workers)]:
            future.result()

    def _restart_pool(self, broken: PoolBroke) -> None:
        """A fresh pool, unless one was already started since ``broken``'s broke."""
        if broken.generation != self._generation:
            return
        assert self._pool is not None
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._start_pool()

    def _submit(self, batch: Sequence[PendingDocument], force: bool = False) -> Future:
        assert self._pool is not None, "use LocalEngine as a context manager"
        pool = self._pool
        return guarded(lambda: pool.submit(run_batch, batch, force), self._generation)

    def _run_again(self, batch: Sequence[PendingDocument], broken: PoolBroke, force: bool = False) -> List[Result]:
        """Results of a batch lost with a broken pool: again as a whole, else one by one."""
        self._restart_pool(broken)
        again = self._submit(batch, force).result()
        if not isinstance(again, PoolBroke):
            return again
        results: List[Result] = []
        for pending in batch:
            self._restart_pool(again)
            one = self._submit([pending], force).result()
            if isinstance(one, PoolBroke):
                again = one
                results.append(self._died(pending))
            else:
                results.extend(one)
        self._restart_pool(again)
        return results

    def _died(self, pending: PendingDocument) -> Result:
        outcome = error_record(pending.doc_id, pending.source, WORKER_DIED)
        return Result(outcome.doc_id, outcome.source, self.renderer(outcome), WORKER_DIED)

    def __exit__(self, *exc_info) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def results(self, pendings: Iterable[PendingDocument]) -> Iterator[Tuple[PendingDocument, Result]]:
        batches = chunked(pendings, self.batch_size)
        if self._local is not None:
            for batch in batches:
                yield from zip(batch, self._local(batch))
            return
        window = self.workers * WINDOW_PER_WORKER
        for batch, results in ordered_map(self._submit, batches, window):
            if isinstance(results, PoolBroke):  # a worker died: see .crashes
                results = self._run_again(batch, results)
            yield from zip(batch, results)

    def rerun(self, pending: PendingDocument) -> Result:
        """Extract one document even if it is in ``done``."""
        if self._local is not None:
            return self._local([pending], force=True)[0]
        results = self._submit([pending], True).result()
        if isinstance(results, PoolBroke):
            results = self._run_again([pending], results, force=True)
        return results[0]


def stream_results(
    engine: LocalEngine, pendings: Iterable[PendingDocument], index=None
) -> Iterator[Result]:
    """One result per pending document, in order; ``index`` settles ``--resume`` skips.

    A document the workers skipped as already done is extracted after all when
    the output holds fewer copies of it than the input (see ``ResumeIndex.claim``).
    """
    for pending, result in engine.results(pendings):
        if result.skipped and (index is None or not index.claim(result)):
            result = engine.rerun(pending)
        yield result
