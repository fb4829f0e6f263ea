"""A document found but not yet read: small and picklable, sent to a worker."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional, Tuple

#: what ``payload`` holds per kind: "stdin" -> bytes, "record" -> parsed JSON value,
#: "record_line" -> the raw line (bytes); "text" / "html" read ``path``; "error" has ``error``.
KINDS = ("text", "stdin", "html", "record", "record_line", "error")


@dataclass(frozen=True)
class PendingDocument:
    doc_id: str  # file stem, or "<stem>:<n>" for the n-th record of a file (a record's id wins)
    source: Optional[str]  # the file, or "<file>:<n>" for the n-th record of a file
    kind: str
    path: Optional[str] = None
    payload: Any = None
    error: Optional[str] = None
    warnings: Tuple[str, ...] = ()  # found while expanding (e.g. how a .json file was decoded)
