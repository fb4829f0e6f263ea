"""Outage news extraction: raw article text in, one structured incident record out.

Nothing heavy is imported here: spaCy and the rules load on first use.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from .version import __version__

if TYPE_CHECKING:  # pragma: no cover
    from models import ArticleRecord

__all__ = ["__version__", "extract", "build_pipeline"]


def extract(
    text: str,
    *,
    doc_id: str = "stdin",
    source: Optional[str] = None,
    reference_date: Optional[str] = None,
    model: Optional[str] = None,
    max_chars: Optional[int] = None,
) -> "ArticleRecord":
    """Extract the incident record of one article.

    >>> record = extract("Slack went down on Monday.", reference_date="2024-01-10")
    >>> record.reference_date.source
    'given'
    """
    from .document import InputDocument
    from .extraction import extract_document
    from .nlp import build_pipeline

    document = InputDocument(doc_id=doc_id, text=text, source=source)
    return extract_document(
        document, build_pipeline(model), reference_date=reference_date, max_chars=max_chars
    )


def build_pipeline(model: Optional[str] = None):
    """The cached spaCy pipeline (see :func:`pipeline.nlp.build_pipeline`)."""
    from .nlp import build_pipeline as _build

    return _build(model)
