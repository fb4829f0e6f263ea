"""Durations: TIMEX3 ``value`` strings (``PT5H25M``, ``PXD``) and minute ranges."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence, Tuple

from .tables import Tables

#: Order of units inside a value, and which go after the ``T``.
_DATE_ORDER = ("CE", "DE", "Y", "Q", "M", "W", "D")
_TIME_ORDER = ("H", "MIN", "S")
#: Fractions carried to the next smaller unit: unit -> (smaller unit, how many).
_CARRY = {"Y": ("M", 12), "Q": ("M", 3), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60), "MIN": ("S", 60)}


@dataclass(frozen=True)
class Quantity:
    """``amount`` of a unit; ``amount`` None with ``low``/``high`` for vague ones ("a few")."""

    unit: str
    amount: Optional[float] = None  # the value's number (None: X)
    low: Optional[float] = None  # the minute range's bounds, when it is a range
    high: Optional[float] = None


def _canonical(unit: str, amount: Optional[float], tables: Tables) -> Tuple[str, Optional[float]]:
    info = tables.get("unit_info", unit)
    return info["code"], None if amount is None else amount * info["factor"]


def _number(amount: float) -> str:
    if abs(amount - round(amount)) < 1e-9:
        return str(int(round(amount)))
    return f"{amount:.2f}".rstrip("0").rstrip(".")


def duration_value(parts: Sequence[Quantity], tables: Tables) -> str:
    """TIMEX3 value of a duration made of ``parts`` (vague amounts become X)."""
    amounts = {}
    vague = set()
    for part in parts:
        code, amount = _canonical(part.unit, part.amount, tables)
        if amount is None:
            vague.add(code)
            continue
        while code in _CARRY and abs(amount - round(amount)) > 1e-9:
            whole = int(amount)
            smaller, times = _CARRY[code]
            if whole:
                amounts[code] = amounts.get(code, 0) + whole
            amount = (amount - whole) * times
            code = smaller
        amounts[code] = amounts.get(code, 0) + amount
    date = "".join(
        ("X" if u in vague else _number(amounts[u])) + ("Q" if u == "Q" else u)
        for u in _DATE_ORDER
        if u in amounts or u in vague
    )
    time = "".join(
        ("X" if u in vague else _number(amounts[u])) + ("M" if u == "MIN" else u)
        for u in _TIME_ORDER
        if u in amounts or u in vague
    )
    return "P" + date + ("T" + time if time else "")


def minute_range(parts: Sequence[Quantity], mod: Optional[str], tables: Tables) -> Tuple[float, float]:
    """(min, max) minutes spanned by ``parts``, widened by ``mod`` (APPROX, LESS_THAN, ...)."""
    low = high = 0.0
    for part in parts:
        per = tables.get("unit_info", part.unit)["minutes"]
        if part.low is not None:
            low += part.low * per
            high += (part.high or part.low) * per
        else:
            low += (part.amount or 1) * per
            high += (part.amount or 1) * per
    factors = tables.get("mod_minute_factors", mod, [1.0, 1.0])
    return round(low * factors[0], 2), round(high * factors[1], 2)
