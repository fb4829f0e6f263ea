"""The story's own time: a past story told in an article sets the time of the weekdays and clock times told in it.

"Back in 2012, the exchange failed on Sunday. At 3 p.m. the feed died." -- the
Sunday and the clock time belong to 2012 (``2012-WXX-7``, ``2012-WXX-7T15:00``),
not to the week of the reference date. A story starts at a point with its own
year, told as when something happened (after "in", "on", "during"), that ends
over a week before the reference date; what is told in its sentence (and a
clock time in the next sentence of its paragraph) takes its time; another dated
point ends it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Optional

from .calendar import SEASON_START_MONTH, When
from .parsing import PointSpec

#: How long before the reference date a story's point must end to be clearly not the article's own week.
STORY_GAP = dt.timedelta(days=7)


@dataclass(frozen=True)
class Story:
    """The past story being told: where its latest point is (sentence, end offset), its timex id and its time."""

    sentence: int
    end: int
    timex_id: str
    when: When


def takes_story_time(spec: PointSpec, has_date_from: bool) -> bool:
    """A bare weekday ("Sunday", "Sunday afternoon") or a clock time or part of day without a date of its own."""
    if has_date_from or spec.offset is not None or spec.anchored is not None or spec.rel is not None:
        return False
    if spec.year is not None or spec.month is not None or spec.day is not None or spec.numeric is not None:
        return False
    if spec.deictic is not None or spec.holiday is not None or spec.decade is not None or spec.century is not None:
        return False
    return spec.weekday is not None or spec.has_clock or spec.pod is not None


def in_story(story: Optional[Story], spec: PointSpec, has_date_from: bool, sentence: int, start: int, text: str,
             tense: Optional[str]) -> bool:
    """Whether the expression at ``start`` is told inside ``story``: its sentence, or (a clock time) the next
    sentence of the same paragraph; never in the future tense."""
    if story is None or tense == "future" or not takes_story_time(spec, has_date_from):
        return False
    if sentence == story.sentence:
        return True
    return sentence == story.sentence + 1 and spec.weekday is None and "\n" not in text[story.end : start]


def story_after(story: Optional[Story], spec: PointSpec, has_date_from: bool, when: Optional[When], sentence: int,
                end: int, timex_id: str, reference: Optional[dt.date], told_inside: bool, led: bool) -> Optional[Story]:
    """The story after a point: ``told_inside`` it, the point moves it on; a point with its own year, ``led``
    by "in"/"on"/"during" and ending over a week before ``reference``, starts one (not "that 1978 law");
    any other dated point ends it (the article is back to its own days)."""
    if told_inside:
        return Story(sentence, end, timex_id, when) if when is not None else story
    if reference is None or when is None or when.year is None:
        return story if takes_story_time(spec, has_date_from) else None
    if led and spec.year is not None and ends_before(when, reference - STORY_GAP):
        return Story(sentence, end, timex_id, when)
    return None if spec.has_date or spec.offset is not None or spec.rel is not None else story


def ends_before(when: When, limit: dt.date) -> bool:
    """Whether the whole period ``when`` (with a year) lies before ``limit``."""
    if when.date() is not None:
        return when.date() < limit
    g = when.granularity
    if g in ("week", "weekend") and when.week is not None:
        return dt.date.fromisocalendar(when.year, when.week, 7) < limit
    last_month = {
        "month": when.month,
        "quarter": 3 * when.quarter if when.quarter else None,
        "half": 6 * when.half if when.half else None,
        "season": SEASON_START_MONTH.get(when.season or "", 0) + 2 if when.season else None,
    }.get(g)
    if last_month is None:
        return when.year < limit.year
    year, month = when.year + (last_month - 1) // 12, (last_month - 1) % 12 + 1  # winter ends in February
    return (year, month) < (limit.year, limit.month)
