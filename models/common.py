"""Shared building blocks of the output models: strict base class, spans, labels."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

CauseLabel = Literal[
    "software_change",
    "configuration",
    "software_bug",
    "capacity",
    "network",
    "hardware",
    "power",
    "natural_disaster",
    "cyberattack",
    "human_error",
    "third_party",
    "unknown",
]
"""The cause labels of docs/taxonomy.md (eleven classes plus ``unknown``)."""


class StrictModel(BaseModel):
    """Base for every output model: unknown fields are an error."""

    model_config = ConfigDict(extra="forbid")


class Span(StrictModel):
    """A piece of the input text: ``text == input[start:end]``."""

    text: str
    start: int = Field(ge=0, description="character offset, inclusive")
    end: int = Field(ge=0, description="character offset, exclusive")
    sentence: int = Field(ge=0, description="index into the record's sentences")
