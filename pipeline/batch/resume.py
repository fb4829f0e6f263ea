"""``--resume``: what an earlier run already wrote, and which documents it covers.

A document is done when an article record with its ``doc_id`` and ``sha256``
is in the output. Error records are dropped when a run resumes, so those
documents are tried again (the problem may have been fixed); so is a line cut
short by a crash and any line that is not a valid record.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import IO, FrozenSet

from .worker import Result, resume_key


@dataclass
class ResumeIndex:
    """Documents found done, counted (a folder may hold the same document twice)."""

    counts: Counter = field(default_factory=Counter)
    kept: int = 0  # article records carried over
    retried_errors: int = 0  # error records dropped, their documents redone
    dropped: int = 0  # cut or invalid lines dropped

    @property
    def keys(self) -> FrozenSet[str]:
        return frozenset(self.counts)

    def drop_stale(self, source: IO[bytes], target: IO[bytes]) -> int:
        """:func:`drop_stale` with this index (what the output writer calls at commit)."""
        return drop_stale(source, target, self)

    @property
    def stale(self) -> int:
        """Records kept that no current input claimed (edited, deleted or foreign documents)."""
        return sum(n for n in self.counts.values() if n > 0)

    def claim(self, result: Result) -> bool:
        """Whether a skipped result is covered by a record already written.

        Each record covers one input: when a folder holds more copies of a
        document than the output does, the extra ones must be extracted.
        """
        key = resume_key(result.doc_id, result.sha256 or "")
        if self.counts[key] > 0:
            self.counts[key] -= 1
            return True
        return False


def _article_key(line: bytes):
    try:
        record = json.loads(line)
    except ValueError:
        return None
    if not isinstance(record, dict):
        return None
    doc_id, sha = record.get("doc_id"), record.get("sha256")
    if isinstance(doc_id, str) and isinstance(sha, str) and "error" not in record:
        return resume_key(doc_id, sha)
    return "error" if "error" in record else None


def carry_over(source: IO[bytes], target: IO[bytes]) -> ResumeIndex:
    """Copy the finished article records of ``source`` to ``target``; index them."""
    index = ResumeIndex()
    for line in source:
        key = _article_key(line) if line.endswith(b"\n") else None
        if key == "error":
            index.retried_errors += 1
        elif key is None:
            index.dropped += 1
        else:
            target.write(line)
            index.counts[key] += 1
            index.kept += 1
    return index


def drop_stale(source: IO[bytes], target: IO[bytes], index: ResumeIndex) -> int:
    """Copy ``source`` to ``target`` without the records no input claimed; how many were dropped.

    Only the first ``index.kept`` lines (those carried over) can be stale: an
    edited document's old record, a deleted one's, a foreign line. What is left
    is exactly one record per current input.
    """
    left = Counter({key: n for key, n in index.counts.items() if n > 0})
    dropped = 0
    for number, line in enumerate(source):
        key = _article_key(line) if number < index.kept else None
        if key is not None and left[key] > 0:
            left[key] -= 1
            dropped += 1
            continue
        target.write(line)
    return dropped
