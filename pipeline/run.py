"""Plain functions behind ``extract``: documents in, records out (no printing here)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Optional, Sequence, Tuple, Union

from models import ArticleRecord, ErrorRecord

from .document import InputDocument, InputError, InputRef
from .formats.text import read_document

Outcome = Union[ArticleRecord, ErrorRecord]


@dataclass(frozen=True)
class ExtractOptions:
    reference_date: Optional[str] = None  # YYYY-MM-DD, overrides metadata
    model: Optional[str] = None  # installed spaCy pipeline to start from
    max_chars: Optional[int] = None  # --max-chars; None: the default limit, 0: no limit
    doc_timeout: Optional[float] = None  # --doc-timeout seconds per document; None or 0: no limit


def error_record(doc_id: str, source: Optional[str], message: str) -> ErrorRecord:
    from .names import shown, shown_optional
    from .provenance import producer

    return ErrorRecord(
        doc_id=shown(doc_id), source=shown_optional(source), error=shown(message), producer=producer()
    )


def internal_error(exc: Exception) -> str:
    """One line naming an unexpected exception (a bug), for an error record."""
    return f"internal error: {type(exc).__name__}: {exc}".splitlines()[0]


def extract_one(document: InputDocument, options: ExtractOptions, nlp=None) -> Outcome:
    """One document to a record; any failure becomes an :class:`ErrorRecord`."""
    from .budget import DocTimeout, time_budget
    from .extraction import extract_document
    from .nlp import build_pipeline

    try:
        nlp = nlp or build_pipeline(options.model)
        with time_budget(options.doc_timeout):
            return extract_document(
                document, nlp, reference_date=options.reference_date, max_chars=options.max_chars
            )
    except DocTimeout as exc:
        return error_record(document.doc_id, document.source, str(exc))
    except InputError as exc:
        return error_record(document.doc_id, document.source, str(exc))
    except Exception as exc:  # a bug must not stop a batch: record it and go on
        return error_record(document.doc_id, document.source, internal_error(exc))


def extract_pairs(
    refs: Sequence[InputRef], options: ExtractOptions
) -> Iterator[Tuple[Optional[InputDocument], Outcome]]:
    """Read and extract every ref in order: ``(document or None if unreadable, outcome)``."""
    from .nlp import build_pipeline

    nlp = build_pipeline(options.model)
    for ref in refs:
        try:
            document = read_document(ref)
        except InputError as exc:
            yield None, error_record(ref.doc_id, ref.source, str(exc))
            continue
        yield document, extract_one(document, options, nlp)


def extract_refs(refs: Sequence[InputRef], options: ExtractOptions) -> Iterator[Outcome]:
    """Read and extract every ref in order, yielding one outcome per ref."""
    for _, outcome in extract_pairs(refs, options):
        yield outcome
