"""What a document's source says about how its dates are written: languages and numeric order."""
from __future__ import annotations

import datetime as dt
from typing import Optional
from urllib.parse import urlsplit

from ..resources import load_resource
from .freeform_dates import DateHints


def _language_order(language: str) -> Optional[str]:
    table = load_resource("metadata_dates")["date_order_by_language"]
    key = language.strip().lower().replace("_", "-")
    return table.get(key) or table.get(key.split("-")[0])


def _tld(url: str) -> Optional[str]:
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return None
    return host.rsplit(".", 1)[-1].lower() if "." in host else None


def date_hints(
    url: Optional[str] = None, language: Optional[str] = None, base: Optional[dt.datetime] = None
) -> DateHints:
    """Hints from a declared language or locale ("en-GB", "de"), else the URL's country domain.

    The declared language wins over the domain; ``base`` is the crawl time.
    """
    languages, order = [], None
    if isinstance(language, str) and language.strip():
        code = language.strip().lower().replace("_", "-")
        languages.append(code.split("-")[0])
        order = _language_order(code)
    if isinstance(url, str) and url:
        found = load_resource("metadata_dates")["sources_by_tld"].get(_tld(url) or "")
        if isinstance(found, list):
            if found[0] not in languages:
                languages.append(found[0])
            order = order or found[1]
    return DateHints(languages=tuple(languages) or None, date_order=order, base=base)
