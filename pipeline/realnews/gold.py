"""Gold facts of one real-news article: the models, and reading them from disk.

The facts are what a careful reader can say from the excerpt alone, written
before looking at the program's output; every list holds the *accepted* answers
(aliases of a service, the days an event may be dated to, the cause labels a
reader would accept).
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import List, Literal, Optional, Tuple, Union

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from models import CauseLabel

from ..evaluation.files import load_model_file

CauseStatus = Literal["confirmed", "speculated", "unknown"]
Status = Literal["resolved", "ongoing", "unknown"]
ArticleKind = Literal["news", "wire", "live_blog", "blog_report", "press_release", "short", "other"]

#: a day, a month or a year: what the event date of an incident may be written as
DATE_PREFIX = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
#: a UTC instant to the minute
UTC_MINUTE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z$")
ID_SHAPE = re.compile(r"^rn-[0-9a-f]{10}$")


class GoldModel(BaseModel):
    model_config = ConfigDict(extra="forbid")


def check_date_prefixes(values: List[str]) -> List[str]:
    for value in values:
        if not DATE_PREFIX.match(value):
            raise ValueError(f"{value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        parts = value.split("-")
        if len(parts) == 3:
            dt.date.fromisoformat(value)
    return values


def check_utc(value: Optional[str]) -> Optional[str]:
    if value is not None:
        if not UTC_MINUTE.match(value):
            raise ValueError(f"{value!r} is not YYYY-MM-DDTHH:MMZ (UTC, to the minute)")
        dt.datetime.fromisoformat(value[:-1])
    return value


def check_range(value: Optional[Tuple[int, int]]) -> Optional[Tuple[int, int]]:
    if value is not None and not (0 <= value[0] <= value[1]):
        raise ValueError(f"duration range {list(value)} must be [min, max] with 0 <= min <= max")
    return value


class Published(GoldModel):
    date: Optional[str] = Field(None, description="publication date YYYY-MM-DD, when known")
    in_text: bool = Field(description="the excerpt itself shows the publication date")
    basis: Literal["text", "url", "event", "unknown"] = Field(
        description="where the date comes from: the excerpt, the url, the event it reports"
    )

    @field_validator("date")
    @classmethod
    def _date(cls, value: Optional[str]) -> Optional[str]:
        if value is not None:
            dt.date.fromisoformat(value)
        return value

    @model_validator(mode="after")
    def _consistent(self) -> "Published":
        if (self.date is None) != (self.basis == "unknown"):
            raise ValueError("basis 'unknown' goes with date null, and only with it")
        if self.in_text and self.date is None:
            raise ValueError("in_text needs the date")
        return self


class MainGold(GoldModel):
    services: List[str] = Field(min_length=1, description="the affected service, then accepted aliases")
    event_dates: List[str] = Field(
        default_factory=list, description="accepted days (or months) the outage began, local to the story; [] when the text does not tell"
    )
    start_utc: Optional[str] = Field(None, description="when it began, only if the text gives a clock time and a zone/place")
    end_utc: Optional[str] = None
    duration_min: Optional[Tuple[int, int]] = Field(None, description="accepted minutes [min, max]")
    cause: List[CauseLabel] = Field(min_length=1, description="accepted cause labels")
    cause_status: List[CauseStatus] = Field(min_length=1)
    ruled_out: List[CauseLabel] = Field(default_factory=list)
    status: List[Status] = Field(min_length=1)

    _dates = field_validator("event_dates")(classmethod(lambda cls, v: check_date_prefixes(v)))
    _utc = field_validator("start_utc", "end_utc")(classmethod(lambda cls, v: check_utc(v)))
    _range = field_validator("duration_min")(classmethod(lambda cls, v: check_range(v)))


class RelatedGold(GoldModel):
    services: List[str] = Field(min_length=1)
    dates: List[str] = Field(default_factory=list)
    duration_min: Optional[Tuple[int, int]] = None
    cause: List[CauseLabel] = Field(default_factory=lambda: ["unknown"])

    _dates = field_validator("dates")(classmethod(lambda cls, v: check_date_prefixes(v)))
    _range = field_validator("duration_min")(classmethod(lambda cls, v: check_range(v)))


class GoldArticle(GoldModel):
    id: str
    url: str
    query: str = Field(min_length=1, description="the exact search query (corpus 'pages') that finds it")
    rank: int = Field(ge=1, description="the article's rank in that query's results")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="of the excerpt, UTF-8")
    chars: int = Field(ge=1)
    loose_sha256: Optional[str] = Field(
        None, pattern=r"^[0-9a-f]{64}$", description="of the excerpt with whitespace runs made one space"
    )
    sector: str
    region: str
    kind: ArticleKind
    published: Published
    main: MainGold
    related: List[RelatedGold] = Field(default_factory=list)
    notes: str = ""
    annotator: str = ""

    @model_validator(mode="after")
    def _id_of_url(self) -> "GoldArticle":
        from .ids import article_id

        if not ID_SHAPE.match(self.id) or self.id != article_id(self.url):
            raise ValueError(f"id must be {article_id(self.url)!r} (from the url)")
        return self


class GoldError(Exception):
    """A gold file that cannot be used; the message is one line."""


def load_gold(path: Union[str, Path]) -> GoldArticle:
    path = Path(path)
    try:
        article = load_model_file(path, GoldArticle)
    except ValueError as exc:
        raise GoldError(str(exc)) from None
    if article.id != path.stem:
        raise GoldError(f"{str(path)!r} holds article {article.id!r}: the file must be named after its id")
    return article
