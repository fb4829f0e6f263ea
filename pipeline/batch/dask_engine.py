"""The Dask engine (extra ``[dask]``): the same extraction mapped over a ``dask.bag``.

The bag holds shards of input files (paths, so a cluster's workers read them
from shared storage). Each task expands its files into documents, extracts them
with a :class:`~.worker.Worker` built once per worker process, and writes its
shard ``part-NNNNN.jsonl`` atomically (a temp file renamed into place). Read in
shard order, the shards hold the same records, in the same order, as the
local engine's output.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import List, Optional, Sequence, Tuple

from ..output import open_output
from ..run import ExtractOptions
from .ordered import chunked

MISSING_EXTRA = "--engine dask needs the optional extra [dask]: pip install 'outage-extract[dask]'"
LOCAL_SCHEDULERS = ("processes", "threads", "synchronous", "sync", "single-threaded")
SHARD_PATTERN = "part-{:05d}.jsonl"
SHARD_GLOB = "part-*.jsonl"
FILES_PER_SHARD = 64
MAX_REPORTED_ERRORS = 20  # per shard: the summary lists at most this many

Item = Tuple[str, Optional[str], Optional[str]]  # doc_id, path, error of one input


@dataclass(frozen=True)
class ShardSummary:
    path: str
    records: int
    failed: int
    errors: Tuple[str, ...]  # "label: message", at most MAX_REPORTED_ERRORS


def dask_support() -> bool:
    import importlib.util

    return importlib.util.find_spec("dask") is not None


@lru_cache(maxsize=4)
def _worker(options: ExtractOptions):
    """The pipeline, built once per worker process (and per options)."""
    from .worker import Worker

    return Worker(options)


def extract_shard(shard: Tuple[int, Sequence[Item]], options: ExtractOptions, directory: str) -> ShardSummary:
    """Extract one shard of inputs and write it as ``part-NNNNN.jsonl`` in ``directory``."""
    from ..formats import expand
    from .engine import BATCH_SIZE

    number, items = shard
    worker = _worker(options)
    pendings = (
        p for doc_id, path, error in items for p in expand(doc_id, None if path is None else Path(path), error)
    )
    target = Path(directory, SHARD_PATTERN.format(number))
    records = failed = 0
    errors: List[str] = []
    with open_output(target) as out:  # a temp file, renamed into place when complete
        for batch in chunked(pendings, BATCH_SIZE):
            for result in worker(batch):
                out.write(result.line + "\n")
                records += 1
                if result.error is not None:
                    failed += 1
                    if len(errors) < MAX_REPORTED_ERRORS:
                        errors.append(f"{result.source or result.doc_id}: {result.error}")
    return ShardSummary(str(target), records, failed, tuple(errors))


def shards(refs: Sequence, files_per_shard: Optional[int] = None) -> List[Tuple[int, List[Item]]]:
    """Consecutive groups of inputs, numbered: one task and one output shard each."""
    files_per_shard = files_per_shard or FILES_PER_SHARD
    items = [(r.doc_id, None if r.path is None else str(r.path), r.error) for r in refs]
    return list(enumerate(chunked(items, files_per_shard)))


def prepare_directory(directory: Path) -> None:
    """Create the output folder; remove the shards of an earlier run (and only those)."""
    directory.mkdir(parents=True, exist_ok=True)
    for old in directory.glob(SHARD_GLOB):
        old.unlink()


def run_dask(
    refs: Sequence,
    options: ExtractOptions,
    directory: Path,
    scheduler: Optional[str] = None,
    files_per_shard: Optional[int] = None,
) -> List[ShardSummary]:
    """Extract ``refs`` on Dask, writing shards into ``directory``; one summary per shard.

    ``scheduler``: ``None`` or ``"processes"`` (local processes), ``"threads"``,
    ``"synchronous"``, or the address of a ``distributed`` scheduler.
    """
    import dask
    import dask.bag as db

    directory = Path(directory)
    prepare_directory(directory)
    parts = shards(refs, files_per_shard)
    bag = db.from_sequence(parts, npartitions=max(1, len(parts)))
    summaries = bag.map(extract_shard, options=options, directory=str(directory.resolve()))
    name = scheduler or "processes"
    if name in LOCAL_SCHEDULERS:
        (result,) = dask.compute(summaries, scheduler=name)
        return list(result)
    from distributed import Client

    with Client(name) as client:
        (result,) = dask.compute(summaries, scheduler=client)
    return list(result)
