"""An input document on its way into the pipeline."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import List, Optional

HASH_SLICE = 1 << 20  # characters hashed at a time


@dataclass(frozen=True)
class InputRef:
    """One document to read: a file path, or stdin. ``error`` is set when it cannot be."""

    doc_id: str
    path: Optional[Path]  # None means stdin
    error: Optional[str] = None
    base: Optional[Path] = None  # the folder it was found in, when a folder was walked

    def relative_folder(self) -> Path:
        """Its folder relative to the walked folder (``.`` for files given by name)."""
        if self.path is None or self.base is None:
            return Path(".")
        try:
            return self.path.parent.relative_to(self.base)
        except ValueError:
            return Path(".")

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

    def __post_init__(self) -> None:
        from .names import shown, shown_optional  # names from bytes: printable, JSON-safe

        self.doc_id = shown(self.doc_id)
        self.source = shown_optional(self.source)

    @property
    def sha256(self) -> str:
        """Of the whole text, hashed in slices: a 50 MB text is never copied whole as bytes."""
        digest = hashlib.sha256()
        for start in range(0, len(self.text), HASH_SLICE):
            digest.update(self.text[start : start + HASH_SLICE].encode("utf-8", "surrogatepass"))
        return digest.hexdigest()


class InputError(Exception):
    """A document that cannot be processed; the message is one line for the user."""
