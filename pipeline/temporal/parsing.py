"""Read a rule match's named groups into specifications: points, durations, sets, references.

Group vocabulary (see fragments.json): year yy decade century month mnum day n1 n2
weekday quarter half season hour minute ampm named_time pod zone zone_paren
zone_offset deictic rel anchored unit num art vague frac dir mod mod_post.
Groups renamed with a suffix (``num_b``) belong to another part of the match:
``_a`` is the first end of a range, ``_b``/``_c`` further parts of a compound
duration.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

from .calendar import UNIT_GRANULARITY
from .durations import Quantity
from .tables import Tables, normal_form
from .zones import Zone, lookup_zone

Groups = Dict[str, str]


@dataclass
class PointSpec:
    """What a date or time expression says, before anchoring."""

    year: Optional[int] = None
    year_is_short: bool = False
    decade: Optional[int] = None
    century: Optional[int] = None
    month: Optional[int] = None
    day: Optional[int] = None
    numeric: Optional[Tuple[int, int]] = None
    weekday: Optional[int] = None
    quarter: Optional[int] = None
    half: Optional[int] = None
    season: Optional[str] = None
    hour: Optional[int] = None
    minute: Optional[int] = None
    pod: Optional[str] = None
    zone: Optional[Zone] = None
    deictic: Optional[int] = None
    rel: Optional[int] = None
    unit: Optional[str] = None
    anchored: Optional[int] = None
    offset: Optional[Quantity] = None
    direction: Optional[int] = None
    direction_anchored: bool = False
    mod: Optional[str] = None
    granularity: Optional[str] = None
    holiday: Optional[dict] = None

    @property
    def has_clock(self) -> bool:
        return self.hour is not None

    @property
    def has_date(self) -> bool:
        return any(
            v is not None
            for v in (self.year, self.month, self.day, self.numeric, self.weekday, self.deictic, self.decade,
                      self.century, self.holiday)
        )


@dataclass
class DurationSpec:
    parts: List[Quantity] = field(default_factory=list)
    mod: Optional[str] = None


def split_groups(groups: Groups) -> Dict[str, Groups]:
    """{suffix: {base name: text}} with suffix "" for unsuffixed groups."""
    parts: Dict[str, Groups] = {}
    for name, text in groups.items():
        base, _, suffix = name.rpartition("_")
        if len(suffix) == 1 and suffix in "abc" and base:
            parts.setdefault(suffix, {})[base] = text
        else:
            parts.setdefault("", {})[name] = text
    return parts


def number(text: str, tables: Tables) -> Optional[float]:
    """"25", "2.5", "1,000", "twenty-four", "Seven", "a" -> a number."""
    key = normal_form(text)
    cleaned = key.replace(",", "")
    try:
        return float(cleaned)
    except ValueError:
        pass
    for table in ("number_units", "number_teens", "number_tens", "number_large", "articles", "fractions", "ordinals"):
        value = tables.get(table, key)
        if value is not None:
            return float(value)
    pieces = key.replace("-", " ").split()
    if len(pieces) == 2:
        tens = tables.get("number_tens", pieces[0])
        units = tables.get("number_units", pieces[1])
        if tens is not None and units is not None:
            return float(tens + units)
    return None


def _ordinal(text: str, tables: Tables) -> Optional[int]:
    value = tables.get("ordinals", text)
    if value is None:
        digits = "".join(ch for ch in text if ch.isdigit())
        return int(digits) if digits else None
    return int(value)


def _mod(g: Groups, tables: Tables) -> Optional[str]:
    mod = None
    for table in ("point_mods", "quantity_mods", "contextual_quantity_mods", "period_mods"):
        if "mod" in g and tables.has(table, g["mod"]):
            mod = tables.get(table, g["mod"])
            break
    if "mod_post" in g:
        mod = tables.get("post_mods", g["mod_post"], mod)
    return mod


def _hour(g: Groups, tables: Tables) -> Tuple[Optional[int], Optional[int]]:
    if "named_time" in g:
        clock = tables.get("named_times", g["named_time"])
        hour, minute = clock.split(":")
        return int(hour), int(minute)
    if "hour" not in g:
        return None, None
    raw = g["hour"]
    hour = int(raw) if raw.isdigit() else int(number(raw, tables) or 0)
    minute = int(g["minute"]) if g.get("minute") else 0
    ampm = g.get("ampm")
    if ampm:
        pm = ampm.strip()[:1].lower() == "p"
        if hour == 12:
            hour = 12 if pm else 0
        elif pm:
            hour += 12
    return hour, minute


def _year(g: Groups, tables: Tables) -> Tuple[Optional[int], bool]:
    if "year" in g:
        return int(g["year"]), False
    if "year_words" in g:  # "nineteen ninety-six", "two thousand and one"
        words = normal_form(g["year_words"]).replace("-", " ").split()
        if len(words) >= 2 and words[1] == "thousand":
            head, scale, words = words[0], 1000, [w for w in words[2:] if w != "and"]
        else:
            head, scale, words = words[0], 100, words[1:]
        lead, tail = number(head, tables), number(" ".join(words), tables) if words else 0.0
        if lead is not None and tail is not None:
            return int(lead) * scale + int(tail), False
    if "yy" in g:
        yy = int(g["yy"])
        return (2000 + yy if yy < 50 else 1900 + yy), True
    return None, False


def point_spec(g: Groups, tables: Tables) -> PointSpec:
    spec = PointSpec()
    spec.year, spec.year_is_short = _year(g, tables)
    if "decade" in g:
        digits = g["decade"]
        if len(digits) == 4:
            spec.decade = int(digits) // 10
        else:
            yy = int(digits)
            spec.decade = (190 if yy >= 30 else 200) + yy // 10
    if "century" in g:
        ordinal = _ordinal(g["century"], tables)
        spec.century = ordinal - 1 if ordinal else None
    if "month" in g:
        spec.month = tables.get("months", g["month"])
    if "mnum" in g:
        spec.month = int(g["mnum"])
    if "day" in g:
        spec.day = int(g["day"])
    if "n1" in g and "n2" in g:
        spec.numeric = (int(g["n1"]), int(g["n2"]))
    if "weekday" in g:
        spec.weekday = tables.get("weekdays", g["weekday"]) or tables.get("weekdays_short", g["weekday"])
    if "quarter" in g:
        spec.quarter = _ordinal(g["quarter"], tables)
    if "half" in g:
        spec.half = tables.get("halves", g["half"])
        if "this_year" in g:
            spec.rel, spec.unit = 0, "Y"  # "the second half of the year": this year's
    if "season" in g:
        spec.season = tables.get("seasons", g["season"])
    if "holiday" in g:
        spec.holiday = tables.get("holidays", g["holiday"])
    spec.hour, spec.minute = _hour(g, tables)
    if "pod" in g:
        spec.pod = tables.get("parts_of_day", g["pod"])
        if spec.hour is not None and "ampm" not in g and spec.hour < 12:
            if spec.pod in ("AF", "EV") or (spec.pod == "NI" and spec.hour >= 6):
                spec.hour += 12
    if "zone" in g or "zone_offset" in g:
        spec.zone = lookup_zone(g.get("zone") or g["zone_offset"], tables, g.get("zone_offset"))
    if "deictic" in g:
        spec.deictic = tables.get("deictic_days", g["deictic"])
        if normal_form(g["deictic"]) == "tonight" and spec.pod is None:
            spec.pod = "NI"
    if "rel" in g:
        spec.rel = tables.get("relative_words", g["rel"])
    if "anchored" in g:
        spec.anchored = tables.get("anchored_words", g["anchored"])
    if "unit" in g:
        spec.unit = tables.get("units_singular", g["unit"]) or tables.get("units_plural", g["unit"])
    if "grain" in g:  # "the year-ago quarter", "the 1988 quarter": the quarter being reported
        spec.granularity = UNIT_GRANULARITY.get(tables.get("units_singular", g["grain"]) or "", "quarter")
    if "dir" in g:
        spec.direction = tables.get("directions", g["dir"])
        spec.direction_anchored = bool(tables.get("anchored_directions", g["dir"]))
        spec.offset = quantity(g, tables)
    spec.mod = _mod(g, tables)
    return spec


def quantity(g: Groups, tables: Tables) -> Optional[Quantity]:
    """The amount and unit of a duration part ("five hours", "a few days", "an hour and a half")."""
    unit = g.get("unit")
    code = tables.get("units_singular", unit) or tables.get("units_plural", unit) if unit else None
    if code is None:
        return None
    if "vague" in g:
        low, high, amount = tables.get("vague_quantities", g["vague"])
        return Quantity(unit=code, amount=amount, low=low, high=high)
    if "num" in g:
        amount = number(g["num"], tables)
    elif "art" in g:
        amount = float(tables.get("articles", g["art"]))
    else:
        amount = None
    if amount is None:
        if tables.has("units_plural", unit):
            return Quantity(unit=code, low=2, high=10)
        amount = 1.0
    if "frac" in g or "frac_post" in g:
        amount += 0.5
    return Quantity(unit=code, amount=amount)


def duration_spec(parts: Dict[str, Groups], tables: Tables) -> DurationSpec:
    main = parts.get("", {})
    spec = DurationSpec(mod=_mod(main, tables))
    if "vague" in main and spec.mod is None and tables.get("vague_quantities", main["vague"])[2] is not None:
        spec.mod = "APPROX"  # "a couple of hours": about two
    first = parts.get("a", {})
    q = quantity(main, tables)
    if q is not None and first and "unit" not in first and ("num" in first or "art" in first):
        low = number(first.get("num") or first.get("art"), tables)
        q = Quantity(unit=q.unit, low=low, high=q.amount)
    if q is not None:
        spec.parts.append(q)
    for suffix in ("b", "c"):
        extra = quantity(parts.get(suffix, {}), tables)
        if extra is not None:
            spec.parts.append(extra)
    return spec
