"""Custom ``Doc`` attributes the pipeline's components read and write.

Registered once, idempotently, when the pipeline is built (never at import of
``pipeline``). Every list-valued attribute defaults to ``None`` rather than a
shared mutable list; use :func:`doc_list` to read-or-initialise one.
"""
from __future__ import annotations

from typing import Any, List

from spacy.tokens import Doc

#: attribute name -> meaning. Values are the output models of ``models/``.
DOC_ATTRIBUTES = {
    "reference_date": "models.ReferenceDate: anchor for relative expressions",
    "timexes": "list[models.Timex], in text order",
    "causes": "list[models.CauseMention], in text order",
    "incidents": "list[models.Incident]",
    "warnings": "list[str]: non-fatal problems",
}


def register_extensions() -> None:
    for name in DOC_ATTRIBUTES:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def doc_list(doc: Doc, name: str) -> List[Any]:
    """The list stored in ``doc._.<name>``, created empty on first use."""
    value = getattr(doc._, name)
    if value is None:
        value = []
        setattr(doc._, name, value)
    return value


def add_warning(doc: Doc, message: str) -> None:
    warnings = doc_list(doc, "warnings")
    if message not in warnings:
        warnings.append(message)
