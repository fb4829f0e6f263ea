"""Metadata dates in free formats, read with dateparser (imported on first use).

``Tue, 05 Dec 2023 10:00 GMT`` and ISO dates never get here (see ``dates.py``);
this reads the rest: ``5 December 2023 at 10:00``, ``05.12.2023``, ``12/05/2023``
when the source's order is known, ``yesterday`` and ``2 hours ago`` against a
crawl time, ``5. Dezember 2023``. The rules of ``resources/en/metadata_dates.json``
run first (a bare number is refused, a label is dropped, the numeric order is
chosen); dateparser then parses strictly (day, month and year written), or,
when a crawl time is known, also relative and yearless dates against it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import List, Optional, Sequence, Tuple

from ..resources import load_resource

#: Two unrelated moments: a date that parses the same against both does not depend on "now".
_PROBE_BASES = (dt.datetime(2001, 2, 3, 4, 5), dt.datetime(2011, 10, 27, 16, 25))


@dataclass(frozen=True)
class DateHints:
    """What is known about where a date comes from."""

    languages: Optional[Tuple[str, ...]] = None  # dateparser language codes, most likely first
    date_order: Optional[str] = None  # "DMY", "MDY" or "YMD" for numeric dates
    base: Optional[dt.datetime] = None  # crawl time (or now): what "yesterday" counts from


@dataclass(frozen=True)
class DateRule:
    id: str
    action: str
    pattern: object  # compiled regex


@lru_cache(maxsize=None)
def date_rules() -> Tuple[DateRule, ...]:
    import regex

    data = load_resource("metadata_dates")
    return tuple(DateRule(r["id"], r["action"], regex.compile(r["pattern"])) for r in data["rules"])


def default_languages() -> Tuple[str, ...]:
    return tuple(load_resource("metadata_dates")["default_languages"])


def shown(value: str, limit: int = 60) -> str:
    """``value`` quoted for a one-line message, shortened when long."""
    return repr(value if len(value) <= limit else value[: limit - 3] + "...")


def _apply_rules(text: str, hints: DateHints) -> Tuple[str, Optional[str]]:
    """The text to parse and the date order to use; ``ValueError`` when a rule refuses it."""
    limit = load_resource("metadata_dates")["max_length"]["chars"]
    if len(text) > limit:
        raise ValueError(f"not a date (over {limit} characters): {shown(text)}")
    order = hints.date_order
    for rule in date_rules():
        match = rule.pattern.search(text)
        if match is None:
            continue
        if rule.action == "refuse":
            raise ValueError(f"a bare number is not a date: {shown(text)}")
        if rule.action == "strip":
            text = text[match.end():]
        elif rule.action == "day_first":
            order = "DMY"
        elif rule.action == "order_by_source":
            first, second = int(match.group("first")), int(match.group("second"))
            if first > 12 >= second:
                order = "DMY"
            elif second > 12 >= first:
                order = "MDY"
            elif first != second and order not in ("DMY", "MDY"):
                raise ValueError(
                    f"ambiguous date {shown(text)}: day and month order unknown for this source (write YYYY-MM-DD)"
                )
    return text, order


@lru_cache(maxsize=1)
def _known_languages() -> frozenset:
    from dateparser.data.languages_info import language_order

    return frozenset(language_order)


def _parse(text: str, languages: Sequence[str], settings: dict) -> Optional[dt.datetime]:
    import dateparser

    return dateparser.parse(text, languages=list(languages), settings=settings)


def _settings(order: Optional[str], base: dt.datetime, strict: bool) -> dict:
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "STRICT_PARSING": strict}
    if not strict:
        settings["REQUIRE_PARTS"] = ["day", "month"]
    if order:
        settings["DATE_ORDER"] = order
    return settings


def parse_freeform(value: str, hints: DateHints = DateHints()) -> dt.datetime:
    """The moment a free-form metadata date names, in the zone it is written in.

    A written zone gives an aware datetime (dateparser returns one exactly when
    the text has a zone; it is never converted, so the date is the one written).
    Raises ``ValueError`` with a one-line reason: a bare number, an ambiguous
    numeric date, a relative or yearless date with no crawl time, or no date.
    """
    text, order = _apply_rules(value.strip(), hints)
    languages: List[str] = [code for code in hints.languages or () if code in _known_languages()]
    languages += [code for code in default_languages() if code not in languages]
    probes = [_parse(text, languages, _settings(order, base, strict=True)) for base in _PROBE_BASES]
    if probes[0] is not None and probes[0] == probes[1]:
        return probes[0]
    if hints.base is None:
        if probes[0] is not None or _parse(text, languages, _settings(order, _PROBE_BASES[0], strict=False)):
            raise ValueError(f"relative date {shown(value)} needs a crawl time to count from")
        raise ValueError(f"unrecognised date {shown(value)}")
    base = hints.base.replace(tzinfo=None) if hints.base.tzinfo else hints.base
    found = _parse(text, languages, _settings(order, base, strict=True))
    if found is None:  # "Dec 5", "Tuesday 10:00": the crawl time gives the year
        found = _parse(text, languages, _settings(order, base, strict=False))
    if found is None:
        raise ValueError(f"unrecognised date {shown(value)}")
    return found
