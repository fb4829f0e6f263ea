"""Tag a text: find rule matches, resolve the reference date, normalise and anchor each expression."""
from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Dict, List, Optional, Sequence, Tuple

from models import ReferenceDate, Timex
from models.timex import MinuteRange, Timezone

from ..segmentation import sentence_spans
from .anchoring import REFERENCE, Anchorer, Context, Resolved
from .durations import duration_value, minute_range
from .matching import RuleMatch, find_matches
from .parsing import DurationSpec, Groups, PointSpec, duration_spec, point_spec, split_groups
from .reference import resolve_reference
from .rules import load_rules
from .story import Story, in_story, story_after
from .fragments import load_fragments
from .tables import Tables, load_tables

#: Groups a range's first end takes from the second when it has none of its own.
_SHARED_DATE_GROUPS = ("year", "month", "day", "weekday", "deictic", "zone", "zone_offset", "zone_paren", "local")


@dataclass
class Item:
    """One expression found: where it is, which rule, and what it says before anchoring."""

    start: int
    end: int
    rule: str
    kind: str
    type: Optional[str]
    point: Optional[PointSpec] = None
    duration: Optional[DurationSpec] = None
    value: Optional[str] = None
    mod: Optional[str] = None
    date_from: Optional[int] = None  # index of the item whose date this clock time takes
    partner: Optional[int] = None  # for a range's first end: the index of its second end
    restates: Optional[int] = None  # index of the clock time this one restates ("6 a.m. PST (9 a.m. ET)")
    aside: bool = False  # the date of a restated time: not part of the story's sequence of dates
    span_of: Optional[Tuple[int, int]] = None  # (start, end) clock times this offset may restate the distance of


@dataclass
class TaggingResult:
    timexes: List[Timex]
    reference: ReferenceDate
    warnings: List[str] = field(default_factory=list)


def _range_ends(parts: Dict[str, Groups]) -> Tuple[Groups, Groups]:
    """The groups of a range's two ends, each completed with what is written only once.

    The zone, am/pm and date written after the second end apply to the first
    ("between 6:23 and 6:33 a.m. PT"); the month and year written with the first
    apply to the second ("April 24 and 25").
    """
    first = dict(parts.get("a", {}))
    second = dict(parts.get("", {}))
    if "ampm" not in first and "ampm" in second and "hour" in first:
        first["ampm"] = second["ampm"]
        if int(first["hour"]) > int(second.get("hour", "0")) and int(first["hour"]) != 12 and int(second.get("hour", "0")) != 12:
            first["ampm"] = "am" if second["ampm"].strip()[:1].lower() == "p" else "pm"
    has_date = any(k in first for k in ("year", "month", "day", "weekday", "deictic"))
    for name in _SHARED_DATE_GROUPS:
        if name in second and name not in first:
            if name.startswith("zone") or name == "local" or not has_date:
                first[name] = second[name]
    for name in ("month", "year"):
        if name in first and name not in second and "day" in second:
            second[name] = first[name]
    if "year" in second and "year" not in first and "month" in first:
        first["year"] = second["year"]
    return first, second


#: The longest span of years a written range ("1887-1988") may cover; with a two-digit second end ("1987-88"), the shorter one.
_MAX_YEAR_SPAN = 100
_MAX_SHORT_YEAR_SPAN = 20


def _plausible_year_range(first: Groups, second: Groups) -> bool:
    """Complete a range of years or decades ("1987-88": the century carried across) and check it goes forward.

    A two-digit second end takes the first end's century ("1987-88" is 1987 to
    1988, "1999-00" 1999 to 2000); the second end must come after the first,
    at most a century later (20 years with a two-digit end). Ranges of other things pass unchecked.
    """
    parts_a, parts_b = set(first) - {"ext"}, set(second) - {"ext"}  # the groups naming what each end says
    if parts_a == {"year"} and parts_b in ({"yy"}, {"year"}):
        start = int(first["year"])
        longest = _MAX_YEAR_SPAN
        if "yy" in second:
            end = start // 100 * 100 + int(second.pop("yy"))
            if end <= start:
                end += 100
            second["year"] = str(end)
            longest = _MAX_SHORT_YEAR_SPAN
        end = int(second["year"])
        return start < end <= start + longest
    if parts_a == {"decade"} and parts_b == {"decade"}:
        start, end = int(first["decade"]), int(second["decade"])
        return len(first["decade"]) == len(second["decade"]) == 4 and start < end <= start + _MAX_YEAR_SPAN
    return True


def items_of(match: RuleMatch, tables: Tables, text: str) -> List[Item]:
    rule = match.rule
    groups = {**rule.defaults, **match.groups} if rule.defaults else match.groups
    parts = split_groups(groups)
    if rule.kind == "range":
        first, second = _range_ends(parts)
        a_start, a_end = match.spans["ext_a"]
        if "day" in first and "day" in second and "hour" not in second and int(second["day"]) <= int(first["day"]):
            # "July 31 and 30 felony charges": not a list of days
            return [Item(a_start, a_end, rule.id, "point", rule.type, point=point_spec(first, tables))]
        if not _plausible_year_range(first, second):
            return []  # "2019-18", "1987-65": a code or a count, not a span of years
        b_start, b_end = match.spans.get("ext", (match.start, match.end))
        first_end = Item(a_start, a_end, rule.id, "point", rule.type, point=point_spec(first, tables))
        first_end.partner = -1  # the item right after it (set to an index once items are sorted)
        return [first_end, Item(b_start, b_end, rule.id, "point", rule.type, point=point_spec(second, tables))]
    start, end = match.spans.get("ext", (match.start, match.end))
    main = parts.get("", {})
    if rule.kind == "point":
        spec = point_spec(main, tables)
        if rule.mod:
            spec.mod = rule.mod
        return [Item(start, end, rule.id, "point", rule.type, point=spec)]
    if rule.kind == "duration":
        spec = duration_spec(parts, tables)
        if rule.mod:
            spec.mod = rule.mod
        return [Item(start, end, rule.id, "duration", "DURATION", duration=spec)]
    if rule.kind == "set":
        return [Item(start, end, rule.id, "set", "SET", value=_set_value(rule.value, main, tables, text[start:end]))]
    if "past" in main or "future" in main:
        value = "PAST_REF" if "past" in main else "FUTURE_REF"
    else:
        value = rule.value or tables.get("present_words", text[start:end]) or "PRESENT_REF"
    return [Item(start, end, rule.id, "ref", rule.type or "DATE", value=value, mod=rule.mod)]


def _set_value(fixed: Optional[str], g: Groups, tables: Tables, written: str) -> str:
    if fixed:
        return fixed
    if "weekday" in g:
        weekday = tables.get("weekdays", g["weekday"]) or tables.get("weekdays_short", g["weekday"])
        pod = tables.get("parts_of_day", g.get("pod"))
        return f"XXXX-WXX-{weekday}" + (f"T{pod}" if pod else "")
    if "month" in g:
        return f"XXXX-{tables.get('months', g['month']):02d}"
    if "season" in g:
        return f"XXXX-{tables.get('seasons', g['season'])}"  # "each spring"
    if "pod" in g and "unit" not in g:
        return f"XXXX-XX-XXT{tables.get('parts_of_day', g['pod'])}"  # "every evening"
    if "unit" in g and ("num" in g or "art" in g or "vague" in g):
        from .parsing import quantity

        q = quantity(g, tables)
        return duration_value([q], tables) if q else "P1D"
    return tables.get("sets", written) or tables.get("sets", g.get("unit"), "P1D")


@lru_cache(maxsize=None)
def _tense_cues(lang: str):
    import regex

    fragments = load_fragments(lang)
    return (
        regex.compile(fragments.expand("%{future_cue}")),
        regex.compile(fragments.expand("%{past_cue}")),
        regex.compile(fragments.expand("%{deadline_before}")),
    )


#: How far (characters) before and after an expression its tense cues are looked for.
_TENSE_BEFORE = 70
_TENSE_AFTER = 40


def tense_near(text: str, start: int, end: int, bounds: Tuple[int, int], lang: str = "en") -> Optional[str]:
    """"future" or "past" from the nearest cue word in the expression's sentence ("will", "said", "-ed"), else None.

    A deadline ("by Jan. 14", "until Friday") is not placed in the past by a past-tense verb.
    """
    future_cue, past_cue, deadline = _tense_cues(lang)
    lo, hi = max(bounds[0], start - _TENSE_BEFORE), min(bounds[1], end + _TENSE_AFTER)
    if deadline.search(text, lo, start) is not None:
        past_cue = None
    best = None
    for tense, cue in (("future", future_cue), ("past", past_cue)):
        if cue is None:
            continue
        for match in cue.finditer(text, lo, start):
            distance = start - match.end()
            if best is None or distance < best[0] or (distance == best[0] and tense == "future"):
                best = (distance, tense)
        match = cue.search(text, end, hi)
        if match is not None:
            distance = match.start() - end
            if best is None or distance < best[0]:
                best = (distance, tense)
    return best[1] if best else None


#: What date arithmetic raises beyond ``datetime``'s years 1-9999 or on a missing
#: reference date: such a value stays underspecified instead of failing the document.
CALENDAR_ERRORS = (ValueError, OverflowError, TypeError)


def out_of_range(spec: PointSpec) -> Resolved:
    """The underspecified value of a point that cannot be computed: a past or future reference, else an unknown year."""
    if spec.offset is not None and spec.direction:
        return Resolved(special="PAST_REF" if spec.direction < 0 else "FUTURE_REF")
    return Resolved(special="XXXX")


def _timezone(spec: PointSpec, resolved: Resolved, reference: Optional[dt.date]) -> Tuple[Optional[Timezone], Optional[str]]:
    if spec.zone is None:
        return None, None
    when = resolved.when
    local = None
    if when is not None and when.date() is not None:
        local = dt.datetime(when.year, when.month, when.day, when.hour or 0, when.minute or 0)
    elif reference is not None:
        local = dt.datetime(reference.year, reference.month, reference.day, 12)
    offset = spec.zone.offset_on(local)
    zone = Timezone(text=spec.zone.text, iana=spec.zone.iana, utc_offset=offset)
    instant = None
    if when is not None and when.granularity == "minute" and when.date() is not None:
        instant = f"{when.date().isoformat()}T{when.hour:02d}:{when.minute:02d}:00{offset}"
    return zone, instant


def _step_back_unit(spec: PointSpec) -> Optional[str]:
    """The unit a point steps back from the reference by ("a year ago", "last year"), if it does."""
    if spec.offset is not None:
        return spec.offset.unit
    if spec.rel == -1 and spec.unit is not None and spec.month is None and spec.weekday is None:
        return spec.unit
    return None


def tag(
    text: str,
    reference: Optional[ReferenceDate] = None,
    sentences: Optional[Sequence[Tuple[int, int]]] = None,
    lang: str = "en",
) -> TaggingResult:
    """All temporal expressions of ``text`` as :class:`models.Timex`, ids t1.. in text order.

    ``sentences`` are the (start, end) spans of the text's sentences (computed
    with the news segmenter when not given); a timex's ``sentence`` indexes them.
    """
    rules = load_rules(lang)
    tables = load_tables(lang)
    reference = reference or ReferenceDate()
    items: List[Item] = []
    for match in find_matches(text, rules, lang):
        items.extend(items_of(match, tables, text))
    items.sort(key=lambda item: item.start)
    items = [item for item in items if item.kind != "duration" or item.duration.parts]
    link_dates(text, items, lang)
    warnings: List[str] = []
    reference = resolve_reference(reference, text, items, tables)
    ref_date = dt.date.fromisoformat(reference.date) if reference.date else None
    if ref_date is None and any(_needs_reference(item) for item in items):
        warnings.append("no reference date: relative dates and dates without a year are left underspecified")
    anchorer = Anchorer(Context(reference=ref_date, day_first=_day_first(items, tables)))
    if sentences is None:
        sentences = sentence_spans(text, lang)
    starts = [s for s, _ in sentences]

    def sentence_of(item: Item) -> int:
        return max(bisect_right(starts, item.start) - 1, 0)

    link_spans(text, items, sentence_of, lang)
    whens: Dict[int, object] = {}  # item index -> its resolved calendar point

    def tense_of(item: Item, clock: Optional[Item] = None) -> Optional[str]:
        """The tense around ``item``, or around "clock ... item" when a clock time takes its date from it."""
        if item.point.year is not None or not sentences:
            return None
        start, end = (min(item.start, clock.start), max(item.end, clock.end)) if clock else (item.start, item.end)
        return tense_near(text, start, end, sentences[min(sentence_of(item), len(sentences) - 1)], lang)

    clocks = {item.date_from: item for item in items if item.date_from is not None}  # day index -> its clock time
    timexes: List[Timex] = []
    story: Optional[Story] = None  # the past story being told, if any
    story_lead = _links(lang)[7]
    for index, item in enumerate(items):
        timex_id = f"t{index + 1}"
        fields = dict(
            id=timex_id, text=text[item.start : item.end], start=item.start, end=item.end,
            sentence=sentence_of(item), rule=item.rule,
        )
        if item.kind == "point":
            spec = item.point
            dated = item.date_from is not None
            told_inside = story is not None and in_story(
                story, spec, dated, fields["sentence"], item.start, text, tense_of(item, clocks.get(index)))
            try:
                if item.date_from is not None:
                    source = items[item.date_from]
                    day = anchorer.resolve(source.point, tense=tense_of(source, item))  # "until 9 a.m. Tuesday"
                    resolved = anchorer.with_clock(spec, day, f"t{item.date_from + 1}")
                elif told_inside:
                    resolved = anchorer.in_story(spec, story.timex_id, story.when)  # "Back in 2012, ... on Sunday"
                else:
                    resolved = anchorer.resolve(spec, tense=tense_of(item, clocks.get(index)))
                if item.span_of is not None:
                    resolved = _restated_span(anchorer, spec, item.span_of, whens, tables) or resolved
                resolved.value  # noqa: B018 - computed here, so that a value out of range is caught here
                known = True
            except CALENDAR_ERRORS:  # "3000 years ago", "13800000000 years ago", "this century" with no date
                resolved, known = out_of_range(spec), False
                if ref_date is not None:  # without one, the warning above already says why
                    warnings.append(f"{fields['text']!r}: beyond the calendar's range; its value is left underspecified")
            if known:
                led = story_lead.search(text, max(0, item.start - 12), item.start) is not None
                try:
                    story = story_after(story, spec, dated, resolved.when, fields["sentence"], item.end, timex_id,
                                        ref_date, told_inside, led)
                except CALENDAR_ERRORS:  # a reference date at the calendar's edge: no story to follow
                    story = None
            whens[index] = resolved.when
            remember = known and item.restates is None and not item.aside
            if remember and not (spec.offset is not None and spec.direction_anchored):
                try:  # no chains of "a year earlier"s, no restated times
                    anchorer.remember(timex_id, resolved, _step_back_unit(spec))
                except CALENDAR_ERRORS:  # "this weekend" in the last days of 9999: not an anchor
                    pass
            zone, instant = _timezone(spec, resolved, ref_date)
            kind = item.type or _point_type(resolved)
            mod = spec.mod
            if spec.offset is not None and mod is not None:
                mod = tables.get("offset_mods", mod, mod)  # "nearly an hour later" is a point before
            timexes.append(Timex(
                type=kind, value=resolved.value, mod=mod, timezone=zone, instant=instant,
                anchor=resolved.anchor, **fields,
            ))
        elif item.kind == "duration":
            spec = item.duration
            low, high = minute_range(spec.parts, spec.mod, tables)
            timexes.append(Timex(
                type="DURATION", value=duration_value(spec.parts, tables), mod=spec.mod,
                minutes=MinuteRange(min=low, max=high), **fields,
            ))
        else:
            timexes.append(Timex(
                type=item.type, value=item.value, mod=item.mod,
                anchor=REFERENCE if item.value.endswith("_REF") else None, **fields,
            ))
    return TaggingResult(timexes=timexes, reference=reference, warnings=warnings)


@lru_cache(maxsize=None)
def _links(lang: str):
    import regex

    fragments = load_fragments(lang)
    return tuple(
        regex.compile(fragments.expand(f"%{{{name}}}"))
        for name in ("date_link", "apposition_link", "restatement_link", "restatement_close", "span_restatement_link",
                     "year_after_link", "indefinite_day", "story_lead")
    )


def _is_day(spec: Optional[PointSpec]) -> bool:
    return spec is not None and not spec.has_clock and (
        spec.deictic is not None or spec.weekday is not None or spec.holiday is not None
        or spec.numeric is not None or (spec.month is not None and spec.day is not None)
    )


def _is_bare_year(spec: Optional[PointSpec]) -> bool:
    """A year on its own ("2009"), not a date, quarter or offset."""
    return (spec is not None and spec.year is not None and spec.month is None and spec.day is None
            and spec.weekday is None and spec.quarter is None and spec.half is None and spec.season is None
            and spec.offset is None and not spec.has_clock and spec.numeric is None)


def _is_clock(item: Item) -> bool:
    return item.point is not None and item.point.has_clock and not item.point.has_date


def link_dates(text: str, items: List[Item], lang: str = "en") -> None:
    """Give a clock time the date written right after it ("21:56 UTC on Thursday", "6:33 a.m. PT Monday").

    A time restated in another zone ("6 a.m. PST (9 a.m. ET) on Monday, Jan. 4",
    "4am AEDT on Wednesday, or 1705 GMT on Tuesday") is skipped over and shares
    the date of the time it restates; a range's first end takes the date of its
    second end; a yearless holiday or weekday followed by a full date in
    apposition ("Cyber Monday, 2 December 2013") takes that date's year; a yearless month or weekday followed
    by "in <year>" ("that March night in 2009", "on a Sunday in 2012") takes that year.
    """
    date_link, apposition, restatement, close = _links(lang)[:4]
    year_after, indefinite = _links(lang)[5:7]
    for index, item in enumerate(items):
        if not index or not _is_clock(item) or item.point.zone is None:
            continue
        before = index - 1
        if not _is_clock(items[before]) and before and _is_clock(items[before - 1]) and _is_day(items[before].point):
            if date_link.fullmatch(text, items[before - 1].end, items[before].start):
                before -= 1  # "4am AEDT on Wednesday, or 1705 GMT": skip the first time's date
        if _is_clock(items[before]) and items[before].partner is None and items[before].restates is None:
            last = items[index - 1]
            if restatement.fullmatch(text, last.end, item.start):
                item.restates = before
    for index, item in enumerate(items):
        spec = item.point
        if spec is None or index + 1 >= len(items):
            continue
        if spec.has_clock and not spec.has_date:
            end, after = item.end, index + 1
            while after < len(items) and items[after].restates is not None:
                end, after = items[after].end, after + 1
            closing = close.match(text, end)
            gap_start = closing.end() if closing is not None and after > index + 1 else end
            if after < len(items) and _is_day(items[after].point):
                if date_link.fullmatch(text, gap_start, items[after].start):
                    item.date_from = after
        elif (spec.holiday is not None or spec.weekday is not None) and spec.year is None and not spec.has_clock:
            following = items[index + 1].point
            if following is not None and following.year is not None and apposition.fullmatch(
                text, item.end, items[index + 1].start
            ):
                spec.year = following.year
            elif (spec.weekday is not None and _is_bare_year(following)
                  and indefinite.search(text, max(0, item.start - 8), item.start) is not None
                  and year_after.fullmatch(text, item.end, items[index + 1].start)):
                spec.year = following.year  # "on a Sunday in 2012"
        if (spec.month is not None and spec.day is None and spec.year is None and spec.rel is None
                and _is_bare_year(items[index + 1].point)
                and year_after.fullmatch(text, item.end, items[index + 1].start)):
            spec.year = items[index + 1].point.year  # "that March night in 2009"
    for index, item in enumerate(items):
        if item.partner == -1 and index + 1 < len(items):
            item.partner = index + 1
            item.date_from = items[index + 1].date_from
    for item in items:
        if item.restates is not None:
            if item.date_from is None:
                item.date_from = items[item.restates].date_from
            elif items[item.restates].date_from is not None:
                items[item.date_from].aside = True  # "or 1705 GMT on Tuesday": the same moment, another zone


def link_spans(text: str, items: List[Item], sentence_of, lang: str = "en") -> None:
    """Mark "<amount> later" written right after a clock time that ends a span begun at an earlier one.

    In "began at 07:05 UTC and had recovered by 12:43 UTC, more than five hours
    later" the offset restates the distance from the start to the end: it is
    counted from the earlier clock time of the sentence, not from the end (see
    :func:`_restated_span`, which keeps it only when the distance agrees).
    """
    link = _links(lang)[4]
    for index, item in enumerate(items):
        spec = item.point
        if spec is None or spec.offset is None or not spec.direction_anchored or (spec.direction or -1) < 0:
            continue
        end = index - 1
        if end > 0 and items[end - 1].date_from == end:
            end -= 1  # "07:45 CET on Monday, about 61 hours later": the clock time the date belongs to
        while end >= 0 and items[end].restates is not None:
            end = items[end].restates  # "12:43 UTC (7:43 a.m. ET), five hours later": the time it restates
        if end < 0 or not _is_span_clock(items[end]) or not link.fullmatch(text, items[index - 1].end, item.start):
            continue
        sentence = sentence_of(item)
        if sentence_of(items[end]) != sentence:
            continue
        for start in range(end - 1, -1, -1):
            if sentence_of(items[start]) != sentence:
                break
            if _is_span_clock(items[start]) and items[start].restates is None:
                item.span_of = (start, end)
                break


def _is_span_clock(item: Item) -> bool:
    return item.point is not None and item.point.has_clock and item.point.offset is None


def _restated_span(anchorer: Anchorer, spec: PointSpec, span: Tuple[int, int], whens: Dict[int, object],
                   tables: Tables) -> Optional[Resolved]:
    """The offset counted from the span's start, when that lands near the span's end (else None)."""
    first, last = whens.get(span[0]), whens.get(span[1])
    if first is None or last is None or first.granularity != "minute" or last.granularity != "minute":
        return None
    unit_minutes = tables.get("clock_unit_minutes", spec.offset.unit, None)
    if unit_minutes is None or spec.offset.amount is None:
        return None
    resolved = anchorer.offset_from(spec, f"t{span[0] + 1}", first)
    if resolved.when is None or resolved.when.granularity != "minute":
        return None
    gap = _minutes_between(resolved.when, last)
    start_to_end = _minutes_between(first, last)
    if start_to_end is None or start_to_end <= 0 or gap is None:
        return None
    tolerance = max(unit_minutes, tables.get("restated_span_tolerance", "share", 0) * spec.offset.amount * unit_minutes)
    return resolved if abs(gap) < tolerance else None


def _minutes_between(a, b) -> Optional[float]:
    """Minutes from calendar point ``a`` to ``b`` (both to the minute), None when a date is unknown."""
    if a.date() is None or b.date() is None or a.hour is None or b.hour is None:
        return None
    moment_a = dt.datetime(a.year, a.month, a.day, a.hour, a.minute or 0)
    moment_b = dt.datetime(b.year, b.month, b.day, b.hour, b.minute or 0)
    return (moment_b - moment_a).total_seconds() / 60


def _point_type(resolved: Resolved) -> str:
    when = resolved.when
    return "TIME" if when is not None and when.granularity in ("minute", "pod") else "DATE"


def _needs_reference(item: Item) -> bool:
    spec = item.point
    if spec is None:
        return False
    return spec.year is None and spec.decade is None and spec.century is None


def _day_first(items: List[Item], tables: Tables) -> bool:
    """Numeric dates read day first when another one in the text can only be day first."""
    for item in items:
        spec = item.point
        if spec is not None and spec.numeric is not None:
            a, b = spec.numeric
            if a > 12 >= b:
                return True
            if b > 12 >= a:
                return False
    for item in items:
        spec = item.point
        if spec is not None and spec.zone is not None and tables.has("day_first_zones", spec.zone.text):
            return True
    return False
