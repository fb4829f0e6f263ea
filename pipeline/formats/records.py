"""A crawler record (a JSON object) to an :class:`InputDocument`.

Field names follow what news crawlers write (news-please, Common Crawl news
exports, scrapers): the first non-empty field of each group is used.
"""
from __future__ import annotations

from typing import Callable, List, Optional

from ..decoding import repair_mojibake
from ..document import InputDocument, InputError
from .published import URL_FIELDS, first_field, published_date

TEXT_FIELDS = ("text", "maintext", "body")
ID_FIELDS = ("id",)


def _record_id(record: dict) -> Optional[str]:
    found = first_field(record, ID_FIELDS)
    if found is None:
        return None
    value = found[1]
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    return str(value).strip() or None


def record_document(
    record: dict,
    fallback_id: str,
    where: Optional[str],
    warnings: List[str],
    error: Callable[..., InputError] = InputError,
) -> InputDocument:
    """Build the document; ``error(message, doc_id)`` makes the exception for a bad record."""
    doc_id = _record_id(record) or fallback_id
    text = next(
        (v for v in (record.get(n) for n in TEXT_FIELDS) if isinstance(v, str) and v.strip()), None
    )
    if text is None:
        names = ", ".join(repr(n) for n in TEXT_FIELDS)
        raise error(f"record has no text: expected a non-empty string in {names}", doc_id)
    # mojibake written as JSON escapes ("\u00e2\u20ac\u2122") survives decoding the file
    text, repaired = repair_mojibake(text)
    warnings = [*warnings, *repaired]
    url = first_field(record, URL_FIELDS)
    source = url[1] if url is not None and isinstance(url[1], str) else where
    try:
        published = published_date(record)[1]
    except ValueError as exc:
        published = None
        warnings.append(f"record {exc}; not used as reference date")
    return InputDocument(
        doc_id=doc_id, text=text, source=source, published=published, warnings=list(warnings)
    )
