"""``.html`` files: the article text and its date, extracted by trafilatura (extra ``[html]``).

Offsets in the record are into the extracted text, which is the text "as read"
for an HTML input; the date trafilatura finds becomes the reference date with
source ``metadata``.
"""
from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

from ..document import InputDocument, InputError
from ..files import read_regular, unreadable_message
from .date_hints import date_hints
from .dates import metadata_date
from .pending import PendingDocument

EXTRA = "html"
MISSING_EXTRA = (
    "reading .html files needs the optional extra [html] (trafilatura): "
    "pip install 'outage-extract[html]'"
)


def html_support() -> bool:
    """Whether the ``[html]`` extra is installed (without importing it)."""
    import importlib.util

    return importlib.util.find_spec("trafilatura") is not None


@lru_cache(maxsize=1)
def _extractor():
    try:
        import trafilatura
    except ImportError:
        raise InputError(MISSING_EXTRA) from None
    # trafilatura logs "empty HTML tree"-style warnings; bad pages become our error records.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    return trafilatura.bare_extraction


def read_html(pending: PendingDocument) -> InputDocument:
    extract = _extractor()
    path = Path(pending.path)
    try:
        data = read_regular(path)
    except OSError as exc:
        raise InputError(unreadable_message(path, exc)) from None
    if not data.strip():
        raise InputError(f"empty document: {str(path)!r} has no text")
    try:
        result = extract(data, with_metadata=True, include_comments=False)
    except Exception as exc:  # a parser failure on one page must not stop a batch
        raise InputError(f"cannot parse HTML: {type(exc).__name__}: {exc}".splitlines()[0]) from None
    text = getattr(result, "text", None) if result is not None else None
    if not text or not text.strip():
        raise InputError(f"no article text found in HTML {str(path)!r}")
    warnings = []
    try:
        hints = date_hints(getattr(result, "url", None), getattr(result, "language", None))
        published = metadata_date(getattr(result, "date", None), hints)
    except ValueError as exc:
        published = None
        warnings.append(f"HTML date: {exc}; not used as reference date")
    return InputDocument(
        doc_id=pending.doc_id, text=text, source=pending.source, published=published, warnings=warnings
    )
