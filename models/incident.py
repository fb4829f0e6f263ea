"""Incidents: the outage an article is about and the others it mentions."""
from __future__ import annotations

from typing import List, Literal, Optional

from pydantic import Field

from .common import CauseLabel, StrictModel
from .timex import MinuteRange

Role = Literal["main", "related"]
Status = Literal["resolved", "ongoing", "unknown"]
CauseStatus = Literal["confirmed", "speculated", "unknown"]
DurationBasis = Literal["stated", "derived"]


class TimePoint(StrictModel):
    value: str = Field(description="ISO 8601 instant, local date-time, date or month")
    timex: Optional[str] = None
    approximate: bool = False


class Duration(StrictModel):
    minutes: MinuteRange
    iso: Optional[str] = None
    basis: DurationBasis
    timex: Optional[str] = None


class IncidentCause(StrictModel):
    category: CauseLabel = "unknown"
    status: CauseStatus = "unknown"
    mentions: List[int] = Field(default_factory=list, description="indexes into causes")


class Affected(StrictModel):
    platforms: List[str] = Field(default_factory=list)
    regions: List[str] = Field(default_factory=list)
    users: Optional[str] = None


class Incident(StrictModel):
    id: str = Field(pattern=r"^e\d+$")
    role: Role
    service: Optional[str] = None
    start: Optional[TimePoint] = None
    end: Optional[TimePoint] = None
    duration: Optional[Duration] = None
    status: Status = "unknown"
    cause: IncidentCause = Field(default_factory=IncidentCause)
    ruled_out: List[CauseLabel] = Field(default_factory=list)
    speculated: List[CauseLabel] = Field(default_factory=list)
    affected: Affected = Field(default_factory=Affected)
    sentences: List[int] = Field(default_factory=list)
