"""The body of ``extract``: inputs found, records extracted (in parallel), written, reported.

Returns the exit code: 0 all well, 1 some document failed (or output could not
be written), 2 bad options, 130 interrupted.
"""
from __future__ import annotations

import signal
from dataclasses import dataclass
from itertools import chain, islice
from pathlib import Path
from typing import Iterable, Iterator, Optional, Sequence

from .console import error_line, note_line

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 0, 1, 2, 130, 141
ENGINES = ("local", "dask")


@dataclass(frozen=True)
class BatchOptions:
    output: Optional[Path] = None
    pretty: bool = False
    workers: Optional[int] = None  # None: as many as cores (and as there is work for)
    resume: bool = False
    engine: str = "local"
    scheduler: Optional[str] = None
    array: bool = False  # --format json: one JSON array instead of JSON Lines


class Interrupted(KeyboardInterrupt):
    """SIGTERM, handled like Ctrl-C: stop cleanly, keep what was written."""


def _terminate(signum, frame):
    raise Interrupted()


def check_batch_options(batch: BatchOptions) -> Optional[str]:
    """A one-line problem with the batch options, or None."""
    if batch.workers is not None and batch.workers < 1:
        return "--workers must be at least 1"
    if batch.engine not in ENGINES:
        return f"--engine must be one of {', '.join(ENGINES)}, not {batch.engine!r}"
    if batch.resume and batch.output is None:
        return "--resume needs an output file (-o FILE) to continue"
    if batch.resume and batch.pretty:
        return "--resume reads JSON Lines: it cannot be combined with --pretty"
    if batch.scheduler is not None and batch.engine != "dask":
        return "--scheduler is for --engine dask"
    if batch.engine == "dask" and batch.output is None:
        return "--engine dask writes sharded JSON Lines: give an output folder with -o DIR"
    if batch.engine == "dask" and (batch.resume or batch.pretty):
        return "--engine dask supports neither --resume nor --pretty"
    if batch.array and (batch.resume or batch.engine == "dask"):
        return "--format json writes one JSON array: use --format jsonl with --resume or --engine dask"
    return None


def pending_documents(refs, progress) -> Iterator:
    """Every document of every input, in order; the progress total follows what is found."""
    from ..formats import estimate, expand

    for ref in refs:
        found = 0
        for pending in expand(ref.doc_id, ref.path, ref.error):
            found += 1
            yield pending
        if found != estimate(ref.path):
            progress.grow(found - estimate(ref.path))


def _peek(items: Iterable, n: int):
    iterator = iter(items)
    head = list(islice(iterator, n))
    return head, chain(head, iterator)


def run_local(refs: Sequence, options, batch: BatchOptions) -> int:
    """Extract ``refs`` with the local engine; write, report, return the exit code."""
    from ..batch.engine import LocalEngine, capped_workers, default_workers, stream_results
    from ..batch.resume import carry_over
    from ..formats import estimate
    from ..output import RecordSink, render, render_pretty
    from .progress import progress

    expected = sum(estimate(ref.path) for ref in refs)
    tracker = _Tracker()
    head, pendings = _peek(pending_documents(refs, tracker), 2)
    single = len(head) == 1
    workers = default_workers(expected)
    if batch.workers is not None:
        workers, capped = capped_workers(batch.workers, expected)
        if capped:
            note_line(f"warning: {capped}")
    sink = RecordSink(batch.output, array=batch.array)
    try:
        index = sink.start(carry_over if batch.resume else None)
    except OSError as exc:
        error_line(f"cannot write output {str(batch.output)!r}: {exc.strerror or exc}")
        return EXIT_FAILED
    if index is not None and (index.kept or index.retried_errors or index.dropped):
        note_line(
            f"resuming: {index.kept} records kept, {index.retried_errors} error records to retry, "
            f"{index.dropped} damaged lines dropped"
        )
    renderer = render_pretty if batch.pretty else render
    failed = skipped = 0
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        with LocalEngine(options, workers, renderer, index.keys if index else ()) as engine:
            with progress(expected) as bar:
                tracker.attach(bar)
                for result in stream_results(engine, pendings, index):
                    bar.advance()
                    if result.skipped:
                        skipped += 1
                        continue
                    if result.error is not None:
                        failed += 1
                        label = result.source or result.doc_id
                        error_line(result.error if single else f"{label}: {result.error}")
                    if result.error is None or not single:
                        sink.write(result.line)
        sink.commit()
    except KeyboardInterrupt:
        sink.abort()
        if sink.partial is not None:
            note_line(
                f"interrupted: {sink.written} records written to {str(sink.partial)!r}; "
                "run the same command with --resume to continue"
            )
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        if sink.target is not None:
            raise
        _quiet_stdout()  # the reader went away (`extract ... | head`): stop quietly
        return EXIT_BROKEN_PIPE
    except OSError as exc:
        sink.abort()
        error_line(f"cannot write output {str(batch.output or 'stdout')!r}: {exc.strerror or exc}")
        return EXIT_FAILED
    except BaseException:
        sink.abort()
        raise
    finally:
        signal.signal(signal.SIGTERM, previous)
    if skipped:
        note_line(f"{skipped} documents already done in {str(batch.output)!r} were skipped")
    if sink.stale_dropped:
        note_line(f"{sink.stale_dropped} records of documents no longer in the input (edited or removed) were dropped")
    if failed:
        if not single:
            note_line(f"{failed} of {sink.written + skipped} documents failed")
        return EXIT_FAILED
    return EXIT_OK


def _quiet_stdout() -> None:
    import os
    import sys

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # not a real file (tests)
        pass


class _Tracker:
    """Forwards ``grow`` to the progress bar once it exists (documents are found before it)."""

    def __init__(self) -> None:
        self.bar = None
        self.pending = 0

    def attach(self, bar) -> None:
        self.bar = bar
        self.grow(0)

    def grow(self, extra: int) -> None:
        self.pending += extra
        if self.bar is not None and self.pending:
            self.bar.grow(self.pending)
            self.pending = 0


def run_dask(refs: Sequence, options, batch: BatchOptions) -> int:
    """Extract ``refs`` with the Dask engine into shards in ``-o DIR``."""
    from ..batch import dask_engine

    if not dask_engine.dask_support():
        error_line(dask_engine.MISSING_EXTRA)
        return EXIT_USAGE
    assert batch.output is not None
    if batch.output.exists() and not batch.output.is_dir():
        error_line(f"--engine dask writes a folder of shards: {str(batch.output)!r} is a file")
        return EXIT_USAGE
    try:
        summaries = dask_engine.run_dask(refs, options, batch.output, batch.scheduler)
    except KeyboardInterrupt:
        note_line("interrupted: finished shards are complete; run again to redo the rest")
        return EXIT_INTERRUPTED
    except OSError as exc:
        error_line(f"cannot write output {str(batch.output)!r}: {exc.strerror or exc}")
        return EXIT_FAILED
    records = sum(s.records for s in summaries)
    failed = sum(s.failed for s in summaries)
    for summary in summaries:
        for message in summary.errors:
            error_line(message)
    note_line(f"{records} records in {len(summaries)} shards in {str(batch.output)!r}")
    if failed:
        note_line(f"{failed} of {records} documents failed")
        return EXIT_FAILED
    return EXIT_OK
