"""Custom ``Doc`` attributes and span groups the pipeline's components read and write.

Each component registers them, idempotently, when it is created (never at import of
``pipeline``), so ``spacy.blank("en").add_pipe("outages_timex")`` works on its own.
Every list-valued attribute defaults to ``None`` rather than a shared mutable list;
use :func:`doc_list` to read-or-initialise one. The values are the output models of
``models/``, which :mod:`pipeline.msgpack_types` makes serialisable with the Doc.
"""
from __future__ import annotations

from typing import Any, Callable, Iterable, List

from spacy.tokens import Doc

#: attribute name -> meaning. Values are the output models of ``models/``.
DOC_ATTRIBUTES = {
    "reference_date": "models.ReferenceDate: anchor for relative expressions",
    "timexes": "list[models.Timex], in text order",
    "causes": "list[models.CauseMention], in text order",
    "incidents": "list[models.Incident]",
    "warnings": "list[str]: non-fatal problems",
}

#: ``doc.spans`` keys -> what they hold (token-aligned copies of the annotations).
SPAN_GROUPS = {
    "timex": "one span per timex, label = its TIMEX3 type (DATE, TIME, DURATION, SET)",
    "cause": "one span per cause mention, label = its cause category",
}


def register_extensions() -> None:
    from .msgpack_types import register_msgpack_types

    for name in DOC_ATTRIBUTES:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    register_msgpack_types()


def doc_list(doc: Doc, name: str) -> List[Any]:
    """The list stored in ``doc._.<name>``, created empty on first use."""
    value = getattr(doc._, name)
    if not isinstance(value, list):  # None, or a tuple when read back from bytes
        value = list(value or ())
        setattr(doc._, name, value)
    return value


def add_warning(doc: Doc, message: str) -> None:
    warnings = doc_list(doc, "warnings")
    if message not in warnings:
        warnings.append(message)


def set_span_group(doc: Doc, key: str, items: Iterable[Any], label: Callable[[Any], str]) -> None:
    """``doc.spans[key]``: a span per item (``item.start``/``item.end`` character offsets).

    Spans in ``doc.spans`` are made of whole tokens: an item whose offsets fall inside
    a token gets the smallest token span covering it (the exact offsets stay on the
    item in ``doc._``).
    """
    spans = []
    for item in items:
        span = doc.char_span(item.start, item.end, label=label(item))
        if span is None:
            span = doc.char_span(item.start, item.end, label=label(item), alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans[key] = spans
