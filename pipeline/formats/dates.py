"""Publication dates as crawlers write them, reduced to the YYYY-MM-DD the pipeline anchors on."""
from __future__ import annotations

import datetime as dt
from email.utils import parsedate_to_datetime
from typing import Optional

DATE_LENGTH = len("YYYY-MM-DD")
DATE_TIME_SEPARATORS = ("T", "t", " ", "_")


def metadata_date(value: object) -> Optional[str]:
    """``YYYY-MM-DD`` of a published date, as written (no time-zone conversion).

    Accepts ISO 8601 dates and date-times (``2021-12-07``, ``2021-12-07 10:00:00``,
    ``2021-12-07T10:00:00Z``) and RFC 2822 dates (``Tue, 07 Dec 2021 10:00:00 GMT``).
    ``None`` / empty gives ``None``; anything else raises ``ValueError``.
    """
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"date {value!r} is not a string")
    text = value.strip()
    if not text:
        return None
    head, tail = text[:DATE_LENGTH], text[DATE_LENGTH:]
    if not tail or tail[0] in DATE_TIME_SEPARATORS:
        try:
            return dt.date.fromisoformat(head).isoformat()
        except ValueError:
            pass
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        raise ValueError(f"unrecognised date {value!r}") from None
