"""``.json`` and ``.jsonl`` files of crawler records: split in the main process, read in workers."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator, Optional, Tuple

from ..decoding import decode_bytes
from ..document import InputDocument, InputError
from ..files import open_regular, read_regular, unreadable_message
from .pending import PendingDocument
from .records import record_document


class RecordError(InputError):
    """A record that cannot be used; ``doc_id`` is its own id when it has one."""

    def __init__(self, message: str, doc_id: Optional[str] = None) -> None:
        super().__init__(message)
        self.doc_id = doc_id


def _json_error(exc: ValueError) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})"
    return f"not valid JSON ({exc})"


def _unreadable(doc_id: str, path: Path, exc: OSError) -> PendingDocument:
    message = unreadable_message(path, exc)
    return PendingDocument(doc_id, str(path), "error", error=message)


def _no_records(doc_id: str, path: Path) -> PendingDocument:
    return PendingDocument(doc_id, str(path), "error", error=f"no records in {str(path)!r}")


def expand_jsonl(doc_id: str, path: Path) -> Iterator[PendingDocument]:
    """One pending record per non-blank line, streamed (the file is never held whole)."""
    found = 0
    try:
        with open_regular(path) as handle:
            for number, line in enumerate(handle, 1):
                if line.strip():
                    found += 1
                    yield PendingDocument(
                        f"{doc_id}:{number}", f"{path}:{number}", "record_line", payload=line
                    )
    except OSError as exc:
        yield _unreadable(doc_id if not found else f"{doc_id}:rest", path, exc)
        return
    if not found:
        yield _no_records(doc_id, path)


def expand_json(doc_id: str, path: Path) -> Iterator[PendingDocument]:
    """A ``.json`` file: one record (an object) or a list of records."""
    try:
        data = read_regular(path)
    except OSError as exc:
        yield _unreadable(doc_id, path, exc)
        return
    text, warnings = decode_bytes(data)
    try:
        value = json.loads(text)
    except ValueError as exc:
        yield PendingDocument(doc_id, str(path), "error", error=_json_error(exc))
        return
    if isinstance(value, list):
        if not value:
            yield _no_records(doc_id, path)
        for number, item in enumerate(value, 1):
            yield PendingDocument(
                f"{doc_id}:{number}", f"{path}:{number}", "record", payload=item, warnings=tuple(warnings)
            )
        return
    yield PendingDocument(doc_id, str(path), "record", payload=value, warnings=tuple(warnings))


def _parse_line(pending: PendingDocument) -> Tuple[Any, list]:
    text, warnings = decode_bytes(pending.payload)
    try:
        return json.loads(text), warnings
    except ValueError as exc:
        raise RecordError(_json_error(exc)) from None


def read_record(pending: PendingDocument) -> InputDocument:
    """The document of one crawler record (from a ``.json`` file or a ``.jsonl`` line)."""
    if pending.kind == "record_line":
        value, warnings = _parse_line(pending)
    else:
        value, warnings = pending.payload, list(pending.warnings)
    if not isinstance(value, dict):
        raise RecordError(f"expected a JSON object (a crawler record), got {type(value).__name__}")
    return record_document(value, pending.doc_id, pending.source, warnings, RecordError)
