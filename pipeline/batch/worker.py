"""The extraction worker: the pipeline built once per process, batches in, plain results out."""
from __future__ import annotations

import contextlib
import signal
from dataclasses import dataclass
from typing import Callable, Collection, List, Optional, Sequence

from ..document import InputError
from ..formats import PendingDocument, load
from ..output import render
from ..run import ExtractOptions, Outcome, error_record, extract_one, internal_error

#: Lexemes a worker keeps for good. The first documents' words (the frequent
#: ones, by Zipf's law) stay in the vocabulary and the tokenizer's cache, which
#: is what makes tokenizing fast; once the vocabulary holds this many, every
#: batch runs in ``nlp.memory_zone()`` and new words are freed after it, so the
#: vocabulary stops growing however long the run (~30 MB at this size).
VOCAB_BUDGET = 50_000


@dataclass(frozen=True)
class Result:
    """One input document's outcome, as plain data (cheap to send between processes)."""

    doc_id: str
    source: Optional[str]
    line: Optional[str]  # the rendered record; None when skipped
    error: Optional[str] = None  # set for an error record
    sha256: Optional[str] = None  # set for an article record
    skipped: bool = False  # already in the output being resumed


def resume_key(doc_id: str, sha256: str) -> str:
    """What identifies a finished document in an output being resumed."""
    return f"{doc_id}\x00{sha256}"


class Worker:
    """Extracts batches of pending documents with one pipeline.

    ``done`` holds :func:`resume_key` values of documents to skip (``--resume``);
    ``force`` extracts them anyway (the caller found the output holds fewer
    copies than the input).
    """

    def __init__(
        self,
        options: ExtractOptions,
        renderer: Callable[[Outcome], str] = render,
        done: Collection[str] = frozenset(),
    ) -> None:
        from ..nlp import build_pipeline

        self.options = options
        self.renderer = renderer
        self.done = done
        self.nlp = build_pipeline(options.model)
        self.zoned = False

    def zone(self):
        """``nlp.memory_zone()`` once the vocabulary is over its budget, else nothing."""
        if not self.zoned and len(self.nlp.vocab) >= VOCAB_BUDGET:
            self.zoned = True
        return self.nlp.memory_zone() if self.zoned else contextlib.nullcontext()

    def __call__(self, batch: Sequence[PendingDocument], force: bool = False) -> List[Result]:
        # Only plain data (rendered records) leaves the zone: no Doc, Token or Span.
        with self.zone():
            return [self.one(pending, force) for pending in batch]

    def one(self, pending: PendingDocument, force: bool = False) -> Result:
        try:
            document = load(pending)
        except InputError as exc:
            doc_id = getattr(exc, "doc_id", None) or pending.doc_id
            return self._finish(error_record(doc_id, pending.source, str(exc)))
        except Exception as exc:  # a bug in a reader must not stop a batch
            return self._finish(error_record(pending.doc_id, pending.source, internal_error(exc)))
        if not force and self.done and resume_key(document.doc_id, document.sha256) in self.done:
            return Result(document.doc_id, document.source, None, sha256=document.sha256, skipped=True)
        return self._finish(extract_one(document, self.options, self.nlp))

    def _finish(self, outcome: Outcome) -> Result:
        error = getattr(outcome, "error", None)
        sha = getattr(outcome, "sha256", None)
        return Result(outcome.doc_id, outcome.source, self.renderer(outcome), error, sha)


# --- process-pool side: one Worker per process, made by the pool's initializer ---

_worker: Optional[Worker] = None


def start_worker(
    options: ExtractOptions, renderer: Callable[[Outcome], str], done: Collection[str], parent: int
) -> None:
    """Pool initializer: build the pipeline once.

    Ctrl-C is the parent's to handle; SIGTERM (the parent's ``terminate`` of a
    broken pool, or a signal to the process group) ends the worker at once and
    quietly, never by an exception that could block its exit; the worker dies
    with its parent (:mod:`.lifeline`) and lets go of the output's lock, which
    it inherited through ``fork``.
    """
    global _worker
    from ..output import release_inherited_locks
    from .lifeline import die_with_parent

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    die_with_parent(parent)
    release_inherited_locks()
    _worker = Worker(options, renderer, done)


def run_batch(batch: Sequence[PendingDocument], force: bool = False) -> List[Result]:
    """Pool task: extract one batch in this process's worker."""
    if _worker is None:  # pragma: no cover - the initializer always runs first
        raise RuntimeError("worker not started")
    return _worker(batch, force)


def ready() -> bool:
    """Pool task used to start the workers (and build their pipelines) up front."""
    return _worker is not None
