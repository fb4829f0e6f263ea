"""Plain-text documents (``.txt`` files and stdin): bytes read, decoded, sidecar metadata."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Iterator, Optional, Sequence, Union

from ..decoding import decode_bytes
from ..document import InputDocument, InputError, InputRef
from ..files import read_regular, unreadable_message
from .published import published_date


def read_sidecar(path: Path) -> Optional[str]:
    """``YYYY-MM-DD`` of the ``published`` date in ``<stem>.meta.json`` beside ``path``, if there is one.

    Any common format is read (``formats/published.py``); the sidecar's ``url``,
    ``language`` and crawl time (``crawled``, ``date_download``) help as in a crawler record.
    """
    meta = path.with_name(path.stem + ".meta.json")
    if not meta.is_file():
        return None
    try:
        data = json.loads(meta.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"unreadable metadata file {str(meta)!r}: {exc}") from None
    if not isinstance(data, dict):
        return None
    try:
        return published_date(data)[1]
    except ValueError as exc:
        raise InputError(f"metadata file {str(meta)!r}: {exc}") from None


def read_stdin() -> bytes:
    return sys.stdin.buffer.read()


def read_bytes(ref: InputRef) -> bytes:
    if ref.path is None:
        return read_stdin()
    try:
        return read_regular(ref.path)
    except OSError as exc:
        raise InputError(unreadable_message(ref.path, exc)) from None


def read_document(ref: InputRef, data: Optional[bytes] = None) -> InputDocument:
    """Read and decode one document; raise ``InputError`` with a one-line message."""
    if ref.error:
        raise InputError(ref.error)
    if data is None:
        data = read_bytes(ref)
    text, warnings = decode_bytes(data)
    del data  # the bytes of a big file are not kept while it is extracted
    if not text or text.isspace():  # no copy of a big text, unlike strip()
        what = "stdin" if ref.path is None else repr(str(ref.path))
        raise InputError(f"empty document: {what} has no text")
    published = read_sidecar(ref.path) if ref.path is not None else None
    return InputDocument(
        doc_id=ref.doc_id, text=text, source=ref.source, published=published, warnings=warnings
    )


def iter_documents(refs: Sequence[InputRef]) -> Iterator[Union[InputDocument, InputError]]:
    """Each ref read into a document, or the error that stopped it (never raises)."""
    for ref in refs:
        try:
            yield read_document(ref)
        except InputError as exc:
            yield exc
