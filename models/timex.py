"""Temporal expressions (TimeML TIMEX3 conventions)."""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import Field

from .common import Span, StrictModel

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


class Timezone(StrictModel):
    text: str = Field(description='the zone as written, e.g. "ET"')
    iana: Optional[str] = Field(description='e.g. "America/New_York"')
    utc_offset: str = Field(
        pattern=r"^[+-]\d{2}:\d{2}$",
        description="offset in force on the date in question, e.g. -05:00",
    )


class MinuteRange(StrictModel):
    min: float = Field(ge=0)
    max: float = Field(ge=0)


class Timex(Span):
    id: str = Field(pattern=r"^t\d+$")
    type: TimexType
    value: str = Field(description="TIMEX3 value without time zone")
    mod: Optional[str] = None
    timezone: Optional[Timezone] = None
    instant: Optional[str] = Field(
        default=None, description="ISO 8601 with offset for TIME values with a known zone"
    )
    minutes: Optional[MinuteRange] = None
    anchor: Optional[str] = Field(
        default=None, description='"reference_date" or the id of another timex'
    )
    rule: str
