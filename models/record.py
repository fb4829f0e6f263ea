"""The top-level records ``extract`` prints: one per input document."""
from __future__ import annotations

from typing import List, Literal, Optional

from pydantic import Field

from .cause import CauseMention
from .common import SCHEMA_VERSION, StrictModel
from .incident import Incident
from .timex import Timex

ReferenceSource = Literal["given", "metadata", "dateline", "inferred", "none"]


class ReferenceDate(StrictModel):
    date: Optional[str] = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    source: ReferenceSource = "none"


class Producer(StrictModel):
    """What produced a record, so stored outputs can be traced (optional: golden files
    and records of older versions have none)."""

    name: Literal["outage-extract"] = "outage-extract"
    version: str = Field(description="the tool's version (pipeline.__version__)")
    rules_sha256: str = Field(
        pattern=r"^[0-9a-f]{64}$",
        description="SHA-256 over the rule data (every JSON file under pipeline/resources/, by path)",
    )


class SentenceSpan(StrictModel):
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class ArticleRecord(StrictModel):
    schema_version: Literal["1.0"] = SCHEMA_VERSION
    doc_id: str
    source: Optional[str] = None
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    reference_date: ReferenceDate = Field(default_factory=ReferenceDate)
    sentences: List[SentenceSpan] = Field(default_factory=list)
    timexes: List[Timex] = Field(default_factory=list)
    causes: List[CauseMention] = Field(default_factory=list)
    incidents: List[Incident] = Field(default_factory=list)
    warnings: List[str] = Field(default_factory=list)
    producer: Optional[Producer] = None


class ErrorRecord(StrictModel):
    """Stands in the output for a document that could not be processed."""

    schema_version: Literal["1.0"] = SCHEMA_VERSION
    doc_id: str
    source: Optional[str] = None
    error: str
    producer: Optional[Producer] = None
