"""Run the pipeline on one document and turn the annotated ``Doc`` into an output record."""
from __future__ import annotations

import datetime as dt
from typing import Optional

from models import ArticleRecord, ReferenceDate, SentenceSpan

from .document import InputDocument, InputError
from .spans import doc_sentence_spans


def parse_iso_date(value: str) -> str:
    """Validate a YYYY-MM-DD date; raise ``ValueError`` with a one-line message."""
    try:
        return dt.date.fromisoformat(value.strip()).isoformat()
    except (ValueError, AttributeError):
        raise ValueError(f"invalid date {value!r}: expected YYYY-MM-DD") from None


URL_DATE_WARNING = "reference date {date} read from the source address"


def initial_reference_date(given: Optional[str], published: Optional[str], address: Optional[str] = None) -> ReferenceDate:
    """The reference date known before reading the text: given, else metadata (a publication date,
    else a date written in the source address), else none."""
    from .formats.published import url_date

    if given:
        return ReferenceDate(date=parse_iso_date(given), source="given")
    if published:
        return ReferenceDate(date=parse_iso_date(published), source="metadata")
    from_address = url_date(address)
    if from_address:
        return ReferenceDate(date=from_address, source="metadata")
    return ReferenceDate()


def check_spans(record: ArticleRecord, text: str) -> None:
    """Raise ``AssertionError`` if any span in ``record`` does not match ``text``."""
    n = len(record.sentences)
    for s in record.sentences:
        assert 0 <= s.start < s.end <= len(text), f"bad sentence span {s}"
    for item in [*record.timexes, *record.causes]:
        assert text[item.start : item.end] == item.text, f"span mismatch {item.text!r}"
        assert 0 <= item.sentence < max(n, 1), f"bad sentence index for {item.text!r}"


def extract_document(
    document: InputDocument,
    nlp=None,
    reference_date: Optional[str] = None,
    max_chars: Optional[int] = None,
) -> ArticleRecord:
    """Extract one document into a validated :class:`ArticleRecord`.

    The guards run first (``pipeline.guards.screen_text``): a document that is not
    an article raises :class:`InputError`; one longer than ``max_chars`` (``None``: the
    default of ``resources/en/guards.json``; 0: no limit) is cut at a boundary with a warning.
    """
    from .guards import default_max_chars, screen_text
    from .provenance import producer

    if nlp is None:
        from .nlp import build_pipeline

        nlp = build_pipeline()
    if max_chars is None:
        max_chars = default_max_chars()
    screened = screen_text(document.text, max_chars)
    text = screened.text
    try:
        ref = initial_reference_date(reference_date, document.published, document.source)
    except ValueError as exc:
        raise InputError(str(exc)) from None
    address_dated = ref.date is not None and not reference_date and not document.published
    if len(text) > nlp.max_length:  # our size guard stands in for spaCy's
        nlp.max_length = len(text)
    doc = nlp.make_doc(text)
    doc._.reference_date = ref
    doc._.warnings = [*document.warnings, *screened.warnings]
    if address_dated:
        doc._.warnings.append(URL_DATE_WARNING.format(date=ref.date))
    doc = nlp(doc)
    record = ArticleRecord(
        doc_id=document.doc_id,
        source=document.source,
        sha256=document.sha256,
        reference_date=doc._.reference_date or ref,
        sentences=[SentenceSpan(start=s, end=e) for s, e in doc_sentence_spans(doc)],
        timexes=doc._.timexes or [],
        causes=doc._.causes or [],
        incidents=doc._.incidents or [],
        warnings=doc._.warnings or [],
        producer=producer(),
    )
    check_spans(record, text)
    return record
