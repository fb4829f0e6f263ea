"""Time zones as written ("ET", "Indian Standard Time", "UTC+5:30") -> IANA name and UTC offset.

Offsets come from ``zoneinfo`` for the date and time in question (DST-aware:
"ET" on 2020-10-15 is -04:00); zones written as standard or daylight time
("EST", "BST") keep the fixed offset they name.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from .tables import Tables


@dataclass(frozen=True)
class Zone:
    text: str
    iana: Optional[str]
    fixed_offset: Optional[str]

    def offset_on(self, when: Optional[dt.datetime]) -> str:
        """``+HH:MM`` in force at local time ``when`` (standard time if ``when`` is unknown)."""
        if self.fixed_offset is not None:
            return self.fixed_offset
        at = when or dt.datetime(2001, 1, 15, 12, 0)
        delta = _zoneinfo(self.iana).utcoffset(at.replace(tzinfo=None))
        return format_offset(delta)


@lru_cache(maxsize=64)
def _zoneinfo(name: str):
    from zoneinfo import ZoneInfo

    return ZoneInfo(name)


def format_offset(delta: dt.timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{mins:02d}"


def parse_offset(text: str) -> str:
    """"+5:30", "-4", "+0530", "\u22125" -> "+05:30", "-04:00", ..."""
    cleaned = text.replace("\u2212", "-").replace(" ", "")
    sign, digits = cleaned[0], cleaned[1:].replace(":", "")
    hours, mins = (digits[:-2], digits[-2:]) if len(digits) > 2 else (digits, "00")
    return f"{sign}{int(hours):02d}:{int(mins):02d}"


def lookup_zone(text: str, tables: Tables, offset_text: Optional[str] = None) -> Optional[Zone]:
    if offset_text:
        return Zone(text=text, iana=None, fixed_offset=parse_offset(offset_text))
    entry = tables.get("zones", text)
    if entry is None:
        return None
    return Zone(text=text, iana=entry.get("iana"), fixed_offset=entry.get("offset"))
