"""Anchor point specifications: turn what an expression says into a calendar value.

Relative expressions resolve against the reference date ("yesterday", "last
week", "two months ago") or against an earlier timex ("three days earlier",
"the next day"); clock times without a date take the date of the last
day-level expression before them. Without a reference date the values stay
underspecified (``XXXX-01-15``).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

from .calendar import (
    SEASON_START_MONTH,
    UNIT_GRANULARITY,
    When,
    at_time,
    finer,
    is_finer_or_equal,
    shift,
    valid_date,
    when_of,
)
from .parsing import PointSpec

REFERENCE = "reference_date"
#: How many times a yearless date's distance counts when it goes against the sentence's tense.
_AGAINST_TENSE = 6.0
#: News looks back: without a tense cue a future date counts this much farther.
_FUTURE_BIAS = 1.5
#: The same for a bare weekday: "Tuesday" in a Monday paper is tomorrow, "Wednesday" is last week's.
_WEEKDAY_FUTURE_BIAS = 3.0
#: A weekday against the tense: "will reopen Monday" written on a Tuesday is six days ahead, not one back.
_WEEKDAY_AGAINST_TENSE = 10.0


@dataclass
class Resolved:
    """The value of a point: a calendar ``when`` or a special value (``PAST_REF``)."""

    when: Optional[When] = None
    special: Optional[str] = None
    anchor: Optional[str] = None

    @property
    def value(self) -> str:
        return self.special if self.special is not None else self.when.value()


@dataclass
class Context:
    """What anchoring may look at: the reference date and the points resolved so far."""

    reference: Optional[dt.date]
    day_first: bool = False
    history: List[Tuple[str, When]] = field(default_factory=list)
    # latest usable point per granularity / with a year: lookups stay O(1) in long documents
    _dated: Dict[str, Tuple[int, str, When]] = field(default_factory=dict, repr=False)
    _with_year: Optional[Tuple[str, When]] = field(default=None, repr=False)
    # the same, leaving out points that are themselves offsets ("a year ago"), with their units
    _dated_plain: Dict[str, Tuple[int, str, When]] = field(default_factory=dict, repr=False)
    _with_year_plain: Optional[Tuple[str, When]] = field(default=None, repr=False)
    _offset_units: Dict[str, str] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        given, self.history = self.history, []
        for timex_id, when in given:
            self.add(timex_id, when)

    def add(self, timex_id: str, when: When, offset_unit: Optional[str] = None) -> None:
        """Remember a resolved point (in text order); ``offset_unit`` when it is an offset ("a year ago")."""
        self.history.append((timex_id, when))
        caches = [(self._dated, "_with_year")]
        if offset_unit is None:
            caches.append((self._dated_plain, "_with_year_plain"))
        else:
            self._offset_units[timex_id] = offset_unit
        for dated, with_year in caches:
            if when.year is not None:
                setattr(self, with_year, (timex_id, when))
            if _representative(when) is not None:
                dated[when.granularity] = (len(self.history), timex_id, when)

    def last_dated(self, granularity: str = "day", unit: Optional[str] = None) -> Optional[Tuple[str, When]]:
        """The latest earlier point with a concrete date at least as fine as ``granularity``.

        With an offset ``unit``, an earlier offset by the same unit is passed over: "a year
        earlier" after "a year ago" restates the comparison, it does not go back another year.
        """
        best = self._latest(self._dated, granularity)
        if best is not None and unit is not None and self._offset_units.get(best[0]) == unit:
            best = self._latest(self._dated_plain, granularity)
        return best

    @staticmethod
    def _latest(dated: Dict[str, Tuple[int, str, When]], granularity: str) -> Optional[Tuple[str, When]]:
        best = None
        for g, entry in dated.items():
            if is_finer_or_equal(g, granularity) and (best is None or entry[0] > best[0]):
                best = entry
        return None if best is None else (best[1], best[2])

    def last_point(self, unit: Optional[str] = None) -> Optional[Tuple[str, When]]:
        """The latest earlier point with a year (passing over an offset by ``unit``, as in :meth:`last_dated`)."""
        if self._with_year is not None and unit is not None and self._offset_units.get(self._with_year[0]) == unit:
            return self._with_year_plain
        return self._with_year


def _representative(when: When) -> Optional[dt.date]:
    """A concrete date inside ``when`` (its first day), if the year is known."""
    if when.year is None:
        return None
    g = when.granularity
    if g in ("day", "pod", "minute"):
        return when.date()
    if g == "month":
        return dt.date(when.year, when.month, 1)
    if g in ("week", "weekend"):
        return dt.date.fromisocalendar(when.year, when.week, 6 if g == "weekend" else 1)
    if g == "quarter":
        return dt.date(when.year, 3 * ((when.quarter or 1) - 1) + 1, 1)
    if g == "half":
        return dt.date(when.year, 1 if when.half == 1 else 7, 1)
    if g == "season":
        return dt.date(when.year, SEASON_START_MONTH[when.season], 1)
    if g == "year":
        return dt.date(when.year, 1, 1)
    return None


#: How far into a period (as a share of it) its end may already be past.
_END_REACHED = 0.75


def _near_end(ref: dt.date, unit: str) -> bool:
    """Whether ``ref`` lies in the last quarter of its week, month, quarter or year (its end may be told as past)."""
    if unit == "W":
        share = (ref.isoweekday() - 1) / 7
    elif unit == "M":
        share = (ref.day - 1) / 31
    elif unit == "Q":
        share = ((ref.month - 1) % 3 + (ref.day - 1) / 31) / 3
    elif unit == "Y":
        share = (ref.timetuple().tm_yday - 1) / 366
    else:
        return True
    return share >= _END_REACHED


def _nearest_year(ref: dt.date, month: int, day: Optional[int], weekday: Optional[int] = None) -> int:
    """The year putting (month, day) on ``weekday`` nearest to ``ref``; ``ref``'s year if none fits."""
    best = None
    for year in range(ref.year - 3, ref.year + 4):
        date = valid_date(year, month, day or 15)
        if date is None or (weekday is not None and date.isoweekday() != weekday):
            continue
        distance = abs((date - ref).days)
        if best is None or distance < best[0]:
            best = (distance, year)
    return best[1] if best else ref.year


def _year_by_tense(ref: dt.date, month: int, day: Optional[int], tense: Optional[str]) -> int:
    """The year of (month, day) nearest ``ref``, distances against the tense counted several times over.

    Without a tense, news looks back: a future date counts a little farther than a past one.
    """
    best = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        date = valid_date(year, month, day or 15)
        if date is None:
            continue
        days = (date - ref).days
        if days > 0:
            weight = _AGAINST_TENSE if tense == "past" else (1.0 if tense == "future" else _FUTURE_BIAS)
        else:
            weight = _AGAINST_TENSE if tense == "future" else 1.0
        cost = abs(days) * weight
        if best is None or cost < best[0]:
            best = (cost, year)
    return best[1] if best else ref.year


def _weekday_date(ref: dt.date, weekday: int, rel: Optional[int], tense) -> dt.date:
    """The date of a weekday: "last"/"next"/"this" by the calendar; a bare one by distance and tense.

    A bare weekday is the nearer of the one before and the one after ``ref``,
    each distance counted several times over when it goes against the tense.
    """
    delta = weekday - ref.isoweekday()
    if rel == -1:
        return ref + dt.timedelta(days=delta - 7 if delta >= 0 else delta)
    if rel == 1:
        return ref + dt.timedelta(days=delta + 7 if delta <= 0 else delta)
    if rel == 0:
        return ref + dt.timedelta(days=delta)
    if tense is True:
        tense = "future"
    elif tense is False:
        tense = None
    before = delta if delta <= 0 else delta - 7
    after = delta if delta >= 0 else delta + 7
    cost_before = -before * (_WEEKDAY_AGAINST_TENSE if tense == "future" else 1.0)
    cost_after = after * (_WEEKDAY_AGAINST_TENSE if tense == "past" else (1.0 if tense == "future" else _WEEKDAY_FUTURE_BIAS))
    return ref + dt.timedelta(days=before if cost_before <= cost_after else after)


def _month_with_rel(ref: dt.date, month: int, rel: int) -> int:
    if rel == -1:
        return ref.year if month < ref.month else ref.year - 1
    if rel == 1:
        return ref.year if month > ref.month else ref.year + 1
    return ref.year


_SEASON_ORDER = ("SP", "SU", "FA", "WI")


def _season_year(ref: dt.date, season: str, rel: Optional[int], tense: Optional[str]) -> int:
    """The year of ``season``: nearest for "this" or no tense, previous/next for "last"/"next" or by tense."""
    now = when_of(ref, "season")
    here, index = _SEASON_ORDER.index(now.season), _SEASON_ORDER.index(season)
    future = tense == "future"
    if season == now.season and rel in (None, 0):
        return now.year
    if rel == 0 or (rel is None and tense is None):
        middles = [(abs((dt.date(y, SEASON_START_MONTH[season], 15) + dt.timedelta(days=30) - ref).days), y)
                   for y in (now.year - 1, now.year, now.year + 1)]
        return min(middles)[1]
    if rel == 1 or (rel is None and future):
        return now.year if index > here else now.year + 1
    return now.year if index < here else now.year - 1


class Anchorer:
    """Resolves :class:`PointSpec` objects in text order, keeping the history they need."""

    def __init__(self, context: Context) -> None:
        self.ctx = context

    @property
    def ref(self) -> Optional[dt.date]:
        return self.ctx.reference

    def resolve(self, spec: PointSpec, tense: Optional[str] = None) -> Resolved:
        """The value of ``spec``; ``tense`` ("past", "future" or None) places yearless dates and weekdays."""
        if spec.offset is not None:
            return self._offset(spec)
        if spec.anchored is not None and (spec.unit is not None or spec.pod is not None or spec.weekday is not None):
            return self._anchored(spec)
        day = self._day_part(spec, tense)
        if day is None:
            return Resolved(special="XXXX")
        if spec.unit == "W" and spec.rel is None and day.when is not None and day.when.date() is not None:
            return Resolved(when=when_of(day.when.date(), "week"), anchor=day.anchor)  # "the week of March 6"
        if spec.has_clock or spec.pod is not None:
            return self._time_of_day(spec, day)
        return day

    # -- relative offsets ---------------------------------------------------------------
    def offset_from(self, spec: PointSpec, anchor: str, base: When) -> Resolved:
        """``spec`` (an offset such as "five hours later") counted from the point ``base`` (id ``anchor``)."""
        return self._offset(spec, (anchor, base))

    def _offset(self, spec: PointSpec, given: Optional[Tuple[str, When]] = None) -> Resolved:
        q = spec.offset
        direction = spec.direction or -1
        if q.amount is None:
            return Resolved(special="PAST_REF" if direction < 0 else "FUTURE_REF", anchor=REFERENCE)
        granularity = UNIT_GRANULARITY.get(q.unit, "day")
        if granularity in ("decade", "century"):
            granularity = "year"  # "a decade ago" is a year
        base = None
        anchor = REFERENCE
        if given is not None:
            anchor, base = given
        elif spec.direction_anchored:
            found = self.ctx.last_dated("year", unit=q.unit)
            if found is not None:
                anchor, base = found[0], found[1]
        elif q.unit == "Y":
            # "a year ago" next to a quarter's results means that quarter a year before
            found = self.ctx.last_point(unit=q.unit)
            if found is not None and found[1].granularity == "quarter":
                anchor, base = found[0], found[1]
        if base is None:
            if self.ref is None:
                return Resolved(special="PAST_REF" if direction < 0 else "FUTURE_REF", anchor=REFERENCE)
            base = when_of(self.ref, "day")
        start = _representative(base)
        if granularity == "minute":
            return self._clock_offset(base, q.amount * direction, q.unit, anchor)
        amount = q.amount * direction
        if abs(amount - round(amount)) > 1e-9:
            return Resolved(special="PAST_REF" if direction < 0 else "FUTURE_REF", anchor=anchor)
        if spec.granularity == "quarter" and base.granularity != "quarter" and anchor == REFERENCE:
            start = shift(start, -1, "Q")  # the quarter being reported: the last one completed
        shifted = shift(start, int(round(amount)), q.unit)
        if anchor != REFERENCE and base.granularity not in ("pod", "minute"):
            granularity = finer(granularity, base.granularity)
        if spec.granularity is not None:
            granularity = spec.granularity
        return Resolved(when=when_of(shifted, granularity), anchor=anchor)

    def _clock_offset(self, base: When, amount: float, unit: str, anchor: str) -> Resolved:
        if base.granularity != "minute":
            return Resolved(when=when_of(_representative(base), "day"), anchor=anchor)
        minutes = amount * {"H": 60, "MIN": 1, "S": 1 / 60}[unit]
        moment = dt.datetime(base.year, base.month, base.day, base.hour, base.minute or 0)
        moment += dt.timedelta(minutes=minutes)
        day = when_of(moment.date(), "day")
        return Resolved(when=at_time(day, moment.hour, moment.minute, None), anchor=anchor)

    def _anchored(self, spec: PointSpec) -> Resolved:
        if spec.weekday is not None:
            return self._anchored_weekday(spec)
        granularity = UNIT_GRANULARITY.get(spec.unit or "D", "day")
        if granularity == "minute":
            granularity = "day"
        latest = self.ctx.last_dated("year")
        if spec.anchored == 0 and latest is not None and not is_finer_or_equal(latest[1].granularity, granularity):
            anchor, base = latest
            if base.granularity == "month" and granularity == "day":
                return Resolved(when=When("day", year=base.year, month=base.month), anchor=anchor)
        found = self.ctx.last_dated(granularity)
        if found is not None:
            anchor, base = found
            start = _representative(base)
        elif self.ref is not None:
            anchor, start = REFERENCE, self.ref
        else:
            return Resolved(special="XXXX")
        unit = spec.unit or "D"
        shifted = shift(start, spec.anchored, unit) if unit in ("D", "W", "WE", "M", "Q", "Y", "DE", "CE", "FN") else start
        when = when_of(shifted, granularity)
        if spec.pod is not None:
            when = at_time(when_of(shifted, "day"), None, None, spec.pod)
        return Resolved(when=when, anchor=anchor)

    def _anchored_weekday(self, spec: PointSpec) -> Resolved:
        """"that Monday", "the following Friday": a weekday near the day being told about."""
        found = self.ctx.last_dated("day")
        if found is not None:
            anchor, base = found[0], _representative(found[1])
        elif self.ref is not None:
            anchor, base = REFERENCE, self.ref
        else:
            return Resolved(when=When("day", weekday=spec.weekday), anchor=REFERENCE)
        delta = spec.weekday - base.isoweekday()
        if spec.anchored > 0:
            delta = delta if delta > 0 else delta + 7
        elif spec.anchored < 0:
            delta = delta if delta < 0 else delta - 7
        elif delta > 3:
            delta -= 7
        elif delta < -3:
            delta += 7
        day = when_of(base + dt.timedelta(days=delta), "day")
        return Resolved(when=at_time(day, None, None, spec.pod), anchor=anchor)

    # -- dates ------------------------------------------------------------------------------
    def _day_part(self, spec: PointSpec, tense: Optional[str]) -> Optional[Resolved]:
        ref = self.ref
        if spec.holiday is not None:
            return self._holiday(spec, tense)
        if spec.century is not None:
            return Resolved(when=When("century", century=spec.century))
        if spec.decade is not None:
            return Resolved(when=When("decade", decade=spec.decade))
        if spec.deictic is not None:
            if ref is None:
                return Resolved(when=When("day"), anchor=REFERENCE)
            return Resolved(when=when_of(ref + dt.timedelta(days=spec.deictic), "day"), anchor=REFERENCE)
        if spec.numeric is not None:
            return self._numeric(spec)
        if spec.year is not None:
            if spec.granularity == "quarter" and spec.quarter is None:
                return self._reported_quarter(spec.year)
            if spec.weekday is not None and spec.month is None:
                return Resolved(when=When("day", year=spec.year, weekday=spec.weekday))  # "a Sunday in 2012"
            return Resolved(when=self._with_year(spec, spec.year))
        if spec.month is not None:
            if ref is None:
                g = "day" if spec.day else "month"
                return Resolved(when=When(g, month=spec.month, day=spec.day, weekday=None))
            if spec.rel is not None and spec.unit == "Y":
                year = ref.year + spec.rel
            elif spec.rel is not None:
                year = _month_with_rel(ref, spec.month, spec.rel)
            elif spec.weekday is not None and spec.day is not None:
                year = _nearest_year(ref, spec.month, spec.day, spec.weekday)
            else:
                year = _year_by_tense(ref, spec.month, spec.day, tense)
            return Resolved(when=self._with_year(spec, year), anchor=REFERENCE)
        if spec.quarter is not None or spec.half is not None:
            if ref is None:
                return Resolved(when=self._with_year(spec, None), anchor=REFERENCE)
            current = (ref.month - 1) // 3 + 1 if spec.quarter else (1 if ref.month <= 6 else 2)
            wanted = spec.quarter or spec.half
            year = ref.year + (spec.rel or 0) if spec.rel is not None else (ref.year if wanted <= current else ref.year - 1)
            return Resolved(when=self._with_year(spec, year), anchor=REFERENCE)
        if spec.season is not None:
            if ref is None:
                return Resolved(when=When("season", season=spec.season), anchor=REFERENCE)
            return Resolved(
                when=When("season", year=_season_year(ref, spec.season, spec.rel, tense), season=spec.season),
                anchor=REFERENCE,
            )
        if spec.weekday is not None:
            if ref is None:
                return Resolved(when=When("day", weekday=spec.weekday), anchor=REFERENCE)
            date = _weekday_date(ref, spec.weekday, spec.rel, tense)
            return Resolved(when=when_of(date, "day"), anchor=REFERENCE)
        if spec.rel is None and spec.unit == "WE" and ref is not None:
            saturday = _weekday_date(ref, 6, None, tense)
            return Resolved(when=when_of(saturday, "weekend"), anchor=REFERENCE)  # "the weekend"
        if spec.rel is not None and spec.unit is not None:
            granularity = UNIT_GRANULARITY.get(spec.unit, "day")
            if ref is None:
                return Resolved(when=When(granularity), anchor=REFERENCE)
            unit = "W" if spec.unit == "WE" else spec.unit
            rel = spec.rel
            if rel == 0 and spec.mod == "END" and tense == "past" and not _near_end(ref, unit):
                rel = -1  # "crashed at the end of the year", told in March: last year's end
            date = shift(ref, rel, unit) if rel else ref
            return Resolved(when=when_of(date, granularity), anchor=REFERENCE)
        if spec.rel is not None and spec.pod is not None:
            if ref is None:
                return Resolved(when=When("day"), anchor=REFERENCE)
            days = spec.rel if spec.pod == "NI" else 0
            return Resolved(when=when_of(ref + dt.timedelta(days=days), "day"), anchor=REFERENCE)
        if spec.has_clock or spec.pod is not None:
            found = self.ctx.last_dated("day")
            if found is not None:
                anchor, when = found
                date = _representative(when)
                if when.granularity in ("day", "pod", "minute"):
                    return Resolved(when=when_of(date, "day"), anchor=anchor)
            if ref is None:
                return Resolved(when=When("day"), anchor=REFERENCE)
            return Resolved(when=when_of(ref, "day"), anchor=REFERENCE)
        return None

    def _reported_quarter(self, year: int) -> Resolved:
        """"the 1988 quarter": the quarter of the last one named, else of the last completed one, in ``year``."""
        found = self.ctx.last_dated("quarter")
        if found is not None and found[1].granularity == "quarter":
            return Resolved(when=When("quarter", year=year, quarter=found[1].quarter), anchor=found[0])
        if self.ref is not None:
            last = when_of(shift(self.ref, -1, "Q"), "quarter")
            return Resolved(when=When("quarter", year=year, quarter=last.quarter), anchor=REFERENCE)
        return Resolved(when=When("year", year=year))

    def _holiday(self, spec: PointSpec, tense: Optional[str]) -> Resolved:
        resolved = self._holiday_day(spec, tense)
        if spec.unit == "WE" and resolved.when is not None and resolved.when.date() is not None:
            date = resolved.when.date()
            saturday = date + dt.timedelta(days=(6 - date.isoweekday()) if date.isoweekday() < 6 else 0)
            if date.isoweekday() == 7:
                saturday = date - dt.timedelta(days=1)
            return Resolved(when=when_of(saturday, "weekend"), anchor=resolved.anchor)  # "the Easter weekend"
        return resolved

    def _holiday_day(self, spec: PointSpec, tense: Optional[str]) -> Resolved:
        entry = spec.holiday
        if spec.year is not None:
            date = holiday_date(entry, spec.year)
            return Resolved(when=when_of(date, "day") if date else When("year", year=spec.year))
        ref = self.ref
        if ref is None:
            if "month" in entry and "day" in entry:
                return Resolved(when=When("day", month=entry["month"], day=entry["day"]), anchor=REFERENCE)
            return Resolved(special="XXXX", anchor=REFERENCE)
        dates = [d for d in (holiday_date(entry, y) for y in (ref.year - 1, ref.year, ref.year + 1)) if d]
        if spec.rel == -1:
            tense, dates = "past", [d for d in dates if d < ref] or dates
        elif spec.rel == 1:
            tense, dates = "future", [d for d in dates if d > ref] or dates
        if tense == "future":
            date = min((d for d in dates if d >= ref), default=dates[-1])
        elif tense == "past":
            date = max((d for d in dates if d <= ref), default=dates[0])
        else:
            date = min(dates, key=lambda d: abs((d - ref).days))
        return Resolved(when=when_of(date, "day"), anchor=REFERENCE)

    def _with_year(self, spec: PointSpec, year: Optional[int]) -> When:
        if spec.month is not None:
            if spec.day is not None:
                if year is not None and valid_date(year, spec.month, spec.day) is None:
                    return When("month", year=year, month=spec.month)
                return When("day", year=year, month=spec.month, day=spec.day)
            return When("month", year=year, month=spec.month)
        if spec.quarter is not None:
            return When("quarter", year=year, quarter=spec.quarter)
        if spec.half is not None:
            return When("half", year=year, half=spec.half)
        if spec.season is not None:
            return When("season", year=year, season=spec.season)
        return When("year", year=year)

    def _numeric(self, spec: PointSpec) -> Resolved:
        a, b = spec.numeric
        year = spec.year
        options = []
        if valid_date(year, a, b):
            options.append((a, b))
        if valid_date(year, b, a):
            options.append((b, a))
        if not options:
            return Resolved(special="XXXX")
        month, day = options[0]
        if len(options) == 2 and options[0] != options[1]:
            month, day = (b, a) if self.ctx.day_first else (a, b)
            if self.ref is not None:
                past = [o for o in options if dt.date(year, *o) <= self.ref]
                if len(past) == 1:
                    month, day = past[0]
        return Resolved(when=When("day", year=year, month=month, day=day))

    # -- times of day ---------------------------------------------------------------------
    def _time_of_day(self, spec: PointSpec, day: Resolved) -> Resolved:
        when = day.when
        if when is None or when.granularity not in ("day",):
            return day
        return Resolved(when=at_time(when, spec.hour, spec.minute, spec.pod), anchor=day.anchor)

    def with_clock(self, spec: PointSpec, day: Resolved, day_id: str) -> Resolved:
        """``spec``'s clock time on the day ``day`` (resolved from the timex ``day_id``)."""
        when = day.when
        if when is None or when.granularity not in ("day", "pod"):
            return self.resolve(spec)
        base = When("day", year=when.year, month=when.month, day=when.day, weekday=when.weekday)
        return Resolved(when=at_time(base, spec.hour, spec.minute, spec.pod), anchor=day_id)

    def in_story(self, spec: PointSpec, anchor: str, base: When) -> Resolved:
        """A bare weekday or clock time told inside a past story, at the story's time ``base`` (timex ``anchor``).

        A weekday is the one nearest the story's day, or only that weekday of the story's year
        ("2012-WXX-7") when the story has no day; a clock time is on the story's day, else in its year.
        """
        known = base.date()
        if spec.weekday is not None:
            if known is not None:
                delta = spec.weekday - known.isoweekday()
                delta = delta - 7 if delta > 3 else delta + 7 if delta < -3 else delta
                day = when_of(known + dt.timedelta(days=delta), "day")
            else:
                day = When("day", year=base.year, weekday=spec.weekday)
        elif base.granularity in ("day", "pod", "minute"):
            day = When("day", year=base.year, month=base.month, day=base.day, weekday=base.weekday)
        else:
            day = When("day", year=base.year)
        return Resolved(when=at_time(day, spec.hour, spec.minute, spec.pod), anchor=anchor)

    def remember(self, timex_id: str, resolved: Resolved, offset_unit: Optional[str] = None) -> None:
        if resolved.when is not None:
            self.ctx.add(timex_id, resolved.when, offset_unit)


def holiday_date(entry: dict, year: int) -> Optional[dt.date]:
    """The date of a holiday (tables.json ``holidays``) in ``year``."""
    if "easter" in entry:
        return easter(year) + dt.timedelta(days=entry["easter"])
    if "day" in entry:
        return valid_date(year, entry["month"], entry["day"])
    month, weekday, nth = entry["month"], entry["weekday"], entry["nth"]
    if nth > 0:
        first = dt.date(year, month, 1)
        date = first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    else:
        last = shift(dt.date(year, month, 1), 1, "M") - dt.timedelta(days=1)
        date = last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)
    return date + dt.timedelta(days=entry.get("shift", 0))


def easter(year: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)
