"""Input formats found in news folders, and how each file becomes documents.

A file is read according to its suffix:

- ``.txt``: one document (plus an optional ``<stem>.meta.json`` sidecar);
- ``.json``: one crawler record (an object) or a list of them;
- ``.jsonl``: one crawler record per line;
- ``.html`` / ``.htm``: one document, its article text and date extracted by
  trafilatura (optional extra ``[html]``).

The main process only *expands* files into :class:`PendingDocument` items
(cheap: ``.jsonl`` lines are split, ``.json`` files parsed); reading, decoding
and HTML extraction happen in :func:`load`, inside the worker that extracts.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator, Optional

from ..document import InputDocument, InputError
from .pending import PendingDocument

TEXT_SUFFIXES = (".txt",)
RECORD_SUFFIXES = (".json",)
RECORD_LINE_SUFFIXES = (".jsonl",)
HTML_SUFFIXES = (".html", ".htm")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + RECORD_SUFFIXES + RECORD_LINE_SUFFIXES + HTML_SUFFIXES
SIDECAR_SUFFIX = ".meta.json"  # metadata beside a .txt, never a document of its own

__all__ = ["PendingDocument", "SUPPORTED_SUFFIXES", "estimate", "expand", "format_of", "load"]


def format_of(path: Path) -> Optional[str]:
    """``"text"``, ``"json"``, ``"jsonl"``, ``"html"``, or ``None`` for other files."""
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in RECORD_SUFFIXES:
        return "json"
    if suffix in RECORD_LINE_SUFFIXES:
        return "jsonl"
    if suffix in HTML_SUFFIXES:
        return "html"
    return None


def is_sidecar(path: Path) -> bool:
    return path.name.lower().endswith(SIDECAR_SUFFIX)


def expand(doc_id: str, path: Optional[Path], error: Optional[str] = None) -> Iterator[PendingDocument]:
    """The documents one input (a file, or stdin when ``path`` is None) holds, in order."""
    source = None if path is None else str(path)
    if error is not None:
        yield PendingDocument(doc_id, source, "error", error=error)
        return
    if path is None:
        from .text import read_stdin

        yield PendingDocument(doc_id, None, "stdin", payload=read_stdin())
        return
    kind = format_of(path)
    if kind in ("json", "jsonl"):
        from .jsonfiles import expand_json, expand_jsonl

        yield from (expand_jsonl if kind == "jsonl" else expand_json)(doc_id, path)
        return
    yield PendingDocument(doc_id, source, "html" if kind == "html" else "text", path=source)


def estimate(path: Optional[Path]) -> int:
    """How many documents an input holds, cheaply (for progress): ``.jsonl`` lines are counted."""
    if path is None or format_of(path) != "jsonl":
        return 1
    from ..files import open_regular

    try:
        with open_regular(path) as handle:
            return max(1, sum(1 for line in handle if line.strip()))
    except OSError:
        return 1


def load(pending: PendingDocument) -> InputDocument:
    """Read one pending document; raise :class:`InputError` with a one-line message."""
    if pending.kind == "error":
        raise InputError(pending.error or "unreadable input")
    if pending.kind in ("text", "stdin"):
        from ..document import InputRef
        from .text import read_document

        path = None if pending.path is None else Path(pending.path)
        data = pending.payload if pending.kind == "stdin" else None
        return read_document(InputRef(pending.doc_id, path), data)
    if pending.kind == "html":
        from .html import read_html

        return read_html(pending)
    if pending.kind in ("record", "record_line"):
        from .jsonfiles import read_record

        return read_record(pending)
    raise InputError(f"unknown input kind {pending.kind!r}")  # pragma: no cover - closed set
