"""The publication date of a metadata mapping (crawler record, sidecar), with its source's hints."""
from __future__ import annotations

from typing import Mapping, Optional, Tuple

from .date_hints import date_hints
from .dates import fast_date, metadata_date, metadata_moment

DATE_FIELDS = ("published", "date_publish", "date")
CRAWL_FIELDS = ("date_download", "crawled", "crawl_date", "date_crawled", "fetched", "scraped_at")
LANGUAGE_FIELDS = ("language", "lang", "locale")
URL_FIELDS = ("url",)


def first_field(record: Mapping, fields) -> Optional[tuple]:
    """(name, value) of the first field of ``fields`` that is present and not empty."""
    for name in fields:
        value = record.get(name)
        if value is not None and value != "":
            return name, value
    return None


def _text(record: Mapping, fields) -> Optional[str]:
    found = first_field(record, fields)
    return found[1] if found is not None and isinstance(found[1], str) else None


def published_date(record: Mapping) -> Tuple[Optional[str], Optional[str]]:
    """(field name, ``YYYY-MM-DD``) of the record's publication date; (None, None) when it has none.

    The record's language or locale, else its URL's country domain, chooses the
    languages and numeric date order; its crawl time is what a relative date
    ("yesterday", "2 hours ago") counts from. Raises ``ValueError`` (one line)
    naming the field when the date cannot be read.
    """
    dated = first_field(record, DATE_FIELDS)
    if dated is None:
        return None, None
    language, url = _text(record, LANGUAGE_FIELDS), _text(record, URL_FIELDS)
    hints = date_hints(url, language)
    if not (isinstance(dated[1], str) and fast_date(dated[1].strip())):  # the crawl time only matters then
        crawled = metadata_moment(_text(record, CRAWL_FIELDS), hints)
        if crawled is not None:
            hints = date_hints(url, language, crawled)
    try:
        return dated[0], metadata_date(dated[1], hints)
    except ValueError as exc:
        raise ValueError(f"field {dated[0]!r}: {exc}") from None
