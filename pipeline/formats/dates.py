"""Publication dates as crawlers write them, reduced to the YYYY-MM-DD the pipeline anchors on."""
from __future__ import annotations

import datetime as dt
from email.utils import parsedate_to_datetime
from typing import Optional

from .freeform_dates import DateHints, parse_freeform

DATE_LENGTH = len("YYYY-MM-DD")
DATE_TIME_SEPARATORS = ("T", "t", " ", "_")


def fast_date(text: str) -> Optional[str]:
    """ISO 8601 and RFC 2822 dates, read without dateparser; None for anything else."""
    head, tail = text[:DATE_LENGTH], text[DATE_LENGTH:]
    if not tail or tail[0] in DATE_TIME_SEPARATORS:
        try:
            return dt.date.fromisoformat(head).isoformat()
        except ValueError:
            pass
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def metadata_date(value: object, hints: DateHints = DateHints()) -> Optional[str]:
    """``YYYY-MM-DD`` of a published date, as written (no time-zone conversion).

    ISO 8601 dates and date-times (``2021-12-07``, ``2021-12-07T10:00:00Z``) and
    RFC 2822 dates (``Tue, 07 Dec 2021 10:00:00 GMT``) are read directly; other
    formats by dateparser (``5 December 2021 at 10:00``, ``07.12.2021``,
    ``yesterday`` against ``hints.base``; see :func:`parse_freeform`).
    ``None`` / empty gives ``None``; anything else raises ``ValueError``.
    """
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"date {repr(value)[:60]} is not a string")
    text = value.strip()
    if not text:
        return None
    return fast_date(text) or parse_freeform(text, hints).date().isoformat()


def metadata_moment(value: object, hints: DateHints = DateHints()) -> Optional[dt.datetime]:
    """A crawl time as a datetime (what relative publication dates count from); None if absent or unreadable."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    try:
        return parse_freeform(text, hints)
    except ValueError:
        return None


def typed_date(value: str) -> str:
    """``YYYY-MM-DD`` of a date a user typed (``--reference-date``): any format above, relative to now.

    Raises ``ValueError`` with a one-line message.
    """
    try:
        found = metadata_date(value, DateHints(base=dt.datetime.now()))
    except ValueError as exc:
        hint = "" if "YYYY-MM-DD" in str(exc) else "; expected YYYY-MM-DD or another common date format"
        raise ValueError(f"{exc}{hint}") from None
    if found is None:
        raise ValueError("empty date: expected YYYY-MM-DD")
    return found
