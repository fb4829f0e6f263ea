"""The zone of a story told in local time, from the places it names (``place_zones.json``)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, List, Optional, Pattern
from zoneinfo import ZoneInfo

import regex
from pydantic import BaseModel, ConfigDict

from models import Timezone

from ..resources import load_resource


@dataclass(frozen=True)
class LentZone:
    """A zone lent to clock times written without one (stands where a zoned timex would)."""

    timezone: Timezone


class PlaceZonesFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    description: str
    zones: Dict[str, List[str]]
    other_places: List[str]
    examples: List[dict]


class CompiledPlaces:
    def __init__(self, data: PlaceZonesFile) -> None:
        self.zone_of: Dict[str, str] = {name: zone for zone, names in data.zones.items() for name in names}
        names = sorted(self.zone_of, key=len, reverse=True)
        # a place is a whole name, not part of a longer capitalised one ("New York Times" is no New York)
        self.pattern: Pattern[str] = regex.compile(
            r"(?<![\w.])(?:" + "|".join(regex.escape(n) for n in names) + r")(?![\w]|[ ][A-Z])"
        )
        self.examples = data.examples
        self.names = frozenset(n.casefold() for n in [*self.zone_of, *data.other_places])


@lru_cache(maxsize=None)
def load_places(lang: str = "en") -> CompiledPlaces:
    return CompiledPlaces(PlaceZonesFile.model_validate(load_resource("incidents/place_zones", lang)))


def place_zone(text: str, lang: str = "en") -> Optional[Timezone]:
    """The one zone of every listed place the text names; None when it names none or several zones."""
    places = load_places(lang)
    zones = {}
    for m in places.pattern.finditer(text):
        zones.setdefault(places.zone_of[m.group()], m.group())
    if len(zones) != 1:
        return None
    (iana, name), = zones.items()
    # the offset in force is computed per date from the IANA zone; this one is its standard offset
    standard = dt.datetime(2001, 1, 15, tzinfo=ZoneInfo(iana)).utcoffset()
    minutes = int(standard.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return Timezone(text=name, iana=iana, utc_offset=f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}")


def is_place(name: str, lang: str = "en") -> bool:
    """Whether the whole name is a place of the lists (a place names no service)."""
    return name.casefold() in load_places(lang).names
