"""The reference date of a text when none was given: a dateline at the top, else inference.

Inference, in order: an explicit full date next to "today" (or "this morning",
"tonight"); else a weekday written with a month and day but no year ("Thursday,
February 17"), dated in the year near the text's explicit years where that day
falls on that weekday.
"""
from __future__ import annotations

import datetime as dt
from typing import List, Optional, Sequence

from models import ReferenceDate

from .calendar import valid_date
from .tables import Tables, normal_form

#: How far into the text a dateline may be (characters of each of the first lines).
_HEAD_LINES = 2
#: Below a headline, a byline or a standfirst, a date may stand on a short line of its own
#: ("By Jane Doe\nJune 21, 2022"): that many non-empty lines are looked at, up to the first
#: long one (the body), each shorter than _SHORT_LINE_CHARS.
_HEAD_SHORT_LINES = 6
_SHORT_LINE_CHARS = 100
#: A date line has little prose after its date ("June 21, 2022 10:15 am ET | Updated").
_DATE_LINE_MAX_WORDS_AFTER = 2
_HEAD_PREFIX_CHARS = 40
#: How close (characters) an explicit date must be to "today" to date the text.
_TODAY_DISTANCE = 150


def _full_date(spec) -> Optional[dt.date]:
    if spec is None or spec.year is None or spec.month is None or spec.day is None:
        if spec is not None and spec.numeric is not None and spec.year is not None:
            a, b = spec.numeric
            return valid_date(spec.year, a, b) or valid_date(spec.year, b, a)
        return None
    return valid_date(spec.year, spec.month, spec.day)


def _head_lines(text: str) -> List[tuple]:
    """(start, end, standalone) of the first non-empty lines: the first ``_HEAD_LINES``, then
    short ones up to the first long line, which must hold a date line of their own."""
    lines = []
    pos = 0
    while pos < len(text) and len(lines) < _HEAD_SHORT_LINES:
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        if text[pos:end].strip():
            standalone = len(lines) >= _HEAD_LINES
            if standalone and end - pos >= _SHORT_LINE_CHARS:
                break
            lines.append((pos, end, standalone))
        pos = end + 1
    return lines


def _prose_after(text: str) -> int:
    """Lower-case words of three letters or more: the sign of a sentence rather than a date line."""
    return sum(1 for w in text.split() if w.isalpha() and w.islower() and len(w) >= 3)


def dateline_date(text: str, items: Sequence, tables: Tables) -> Optional[dt.date]:
    """A full date at the head of one of the first lines ("date 2022-02-17 New Delhi: ..."),
    or on a short date line of its own below a headline and byline; a wire dateline without
    its year ("SEOUL, Nov. 26 (Yonhap)") when the text's own dates settle the year."""
    for start, end, standalone in _head_lines(text):
        for item in items:
            if not (start <= item.start < end):
                continue
            date = _full_date(item.point) or _year_from_text(item.point, items)
            if date is None:
                continue
            prefix = text[start : item.start].strip()
            words = normal_form(prefix).split()
            last = words[-1].strip(",.:;") if words else ""
            if len(prefix) > _HEAD_PREFIX_CHARS or (last and tables.has("dateline_blockers", last)):
                continue
            if standalone and _prose_after(text[item.end : end]) > _DATE_LINE_MAX_WORDS_AFTER:
                continue
            return date
    return None


#: A dateline written without its year ("SEOUL, Nov. 26 (Yonhap)") takes the year that puts it
#: this many days at most after the latest full date of the text.
_YEARLESS_DATELINE_DAYS = 60


def _year_from_text(spec, items: Sequence) -> Optional[dt.date]:
    """The date of a month and day written without a year, in the year that puts it on or shortly
    after the latest full date the text gives ("SEOUL, Nov. 26 ... on Nov. 24, 2018"); None when
    the text gives no such date (the year is then not known)."""
    if spec is None or spec.year is not None or spec.month is None or spec.day is None:
        return None
    dates = [d for d in (_full_date(i.point) for i in items) if d is not None]
    if not dates:
        return None
    latest = max(dates)
    for year in (latest.year, latest.year + 1):
        date = valid_date(year, spec.month, spec.day)
        if date is not None and 0 <= (date - latest).days <= _YEARLESS_DATELINE_DAYS:
            return date
    return None


def _today_date(items: Sequence, tables: Tables) -> Optional[dt.date]:
    todays = [i for i in items if i.point is not None and (i.point.deictic == 0 or (i.point.rel == 0 and i.point.pod))]
    for today in todays:
        best = None
        for item in items:
            date = _full_date(item.point)
            if date is None:
                continue
            distance = abs(item.start - today.start)
            if distance <= _TODAY_DISTANCE and (best is None or distance < best[0]):
                best = (distance, date)
        if best is not None:
            return best[1]
    return None


def _weekday_date(items: Sequence) -> Optional[dt.date]:
    years = [i.point.year for i in items if i.point is not None and i.point.year is not None]
    if not years:
        return None
    around = max(years)
    found = None
    for item in items:
        spec = item.point
        if spec is None or spec.weekday is None or spec.month is None or spec.day is None or spec.year is not None:
            continue
        for distance in range(0, 8):
            for year in (around + distance, around - distance):
                date = valid_date(year, spec.month, spec.day)
                if date is not None and date.isoweekday() == spec.weekday:
                    found = max(found, date) if found else date
                    break
            else:
                continue
            break
    return found


def resolve_reference(current: ReferenceDate, text: str, items: Sequence, tables: Tables) -> ReferenceDate:
    """``current`` if it has a date; else one from a dateline or inferred from the text; else none."""
    if current.date is not None:
        return current
    date = dateline_date(text, items, tables)
    if date is not None:
        return ReferenceDate(date=date.isoformat(), source="dateline")
    date = _today_date(items, tables) or _weekday_date(items)
    if date is not None:
        return ReferenceDate(date=date.isoformat(), source="inferred")
    return current
