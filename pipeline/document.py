"""An input document on its way into the pipeline."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import List, Optional


@dataclass(frozen=True)
class InputRef:
    """One document to read: a file path, or stdin. ``error`` is set when it cannot be."""

    doc_id: str
    path: Optional[Path]  # None means stdin
    error: Optional[str] = None

    @property
    def source(self) -> Optional[str]:
        return None if self.path is None else str(self.path)


@dataclass
class InputDocument:
    """Decoded text plus what is known about it before extraction."""

    doc_id: str
    text: str
    source: Optional[str] = None
    published: Optional[str] = None  # YYYY-MM-DD from metadata (sidecar, record field)
    warnings: List[str] = field(default_factory=list)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()


class InputError(Exception):
    """A document that cannot be processed; the message is one line for the user."""
