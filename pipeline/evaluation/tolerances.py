"""How incident field values compare (the tolerances of docs/annotation.md).

- times: equal to the minute after converting to UTC ("around" does not widen
  it); a time with a zone never equals one without, and a date never equals a
  time or a month: the precision written is part of the answer;
- durations: the gold and predicted minute ranges overlap;
- service: case-insensitive, ignoring a leading "the".
"""
from __future__ import annotations

import datetime as dt
from typing import Optional, Tuple

from models import Duration, TimePoint

#: granularities of a date-only value, by number of "-"-separated parts
DATE_GRANULARITY = {(4,): "year", (4, 2): "month", (4, 2, 2): "date"}


def time_key(value: str) -> Tuple[str, str]:
    """A comparable form of a TimePoint value: (kind, canonical text)."""
    text = value.strip()
    if "T" in text:
        try:
            moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            return ("text", text)
        moment = moment.replace(second=0, microsecond=0)
        if moment.tzinfo is not None:
            return ("utc", moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M"))
        return ("local", moment.strftime("%Y-%m-%dT%H:%M"))
    parts = text.split("-")
    shape = tuple(len(p) for p in parts)
    if all(p.isdigit() for p in parts) and shape in DATE_GRANULARITY:
        return (DATE_GRANULARITY[shape], text)
    return ("text", text)


def same_time(gold: TimePoint, predicted: TimePoint) -> bool:
    return time_key(gold.value) == time_key(predicted.value)


def calendar_part(value: str) -> str:
    """The date as written (YYYY, YYYY-MM or YYYY-MM-DD), before any time of day."""
    return value.strip().split("T", 1)[0]


def dates_compatible(a: TimePoint, b: TimePoint) -> bool:
    """Same calendar day, month or year at the coarser of the two precisions."""
    x, y = calendar_part(a.value), calendar_part(b.value)
    shorter, longer = sorted((x, y), key=len)
    return longer == shorter or longer.startswith(shorter + "-")


def durations_overlap(gold: Duration, predicted: Duration) -> bool:
    g, p = gold.minutes, predicted.minutes
    return g.min <= p.max and p.min <= g.max


def service_key(name: Optional[str]) -> Optional[str]:
    if name is None:
        return None
    key = " ".join(name.split()).casefold()
    if key.startswith("the "):
        key = key[4:]
    return key or None


def same_service(gold: str, predicted: str) -> bool:
    return service_key(gold) == service_key(predicted)
