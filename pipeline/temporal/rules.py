"""Temporal rules (``temporal/<family>.json``) as typed objects, compiled into one regex.

Every rule has an id, a kind (how its match is normalised), a pattern written
with fragments, optional fixed attributes, and examples that run as tests.
Unknown keys are rejected so that a typo in a rule file fails loudly.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache
from types import MappingProxyType
from typing import Any, Dict, Mapping, Optional, Tuple

import regex

from ..resources import load_resource
from .fragments import load_fragments

#: Rule files in priority order (earlier files win ties between equally long matches).
RULE_FILES: Tuple[str, ...] = (
    "vetoes",
    "ranges",
    "times",
    "dates",
    "relative",
    "sets",
    "durations",
    "references",
)

#: How a rule's match is normalised (see :mod:`.parsing`).
KINDS = frozenset({"point", "duration", "set", "ref", "range", "veto"})
TYPES = frozenset({"DATE", "TIME", "DURATION", "SET"})


class RuleError(ValueError):
    """A rule file that does not describe valid rules."""


def _closed(cls, data: Mapping[str, Any], where: str) -> Dict[str, Any]:
    allowed = {f.name for f in fields(cls)} - {"file"}
    unknown = set(data) - allowed
    if unknown:
        raise RuleError(f"{where}: unknown keys {sorted(unknown)}")
    return dict(data)


@dataclass(frozen=True)
class Example:
    """A text the rule must tag, and what the resulting timex must look like."""

    text: str
    span: Optional[str] = None
    value: Optional[str] = None
    type: Optional[str] = None
    mod: Optional[str] = None
    utc_offset: Optional[str] = None
    zone: Optional[str] = None
    instant: Optional[str] = None
    minutes: Optional[Tuple[float, float]] = None
    anchor: Optional[str] = None
    reference_date: Optional[str] = None

    @classmethod
    def parse(cls, data: Any, where: str) -> "Example":
        if isinstance(data, str):
            return cls(text=data)
        values = _closed(cls, data, where)
        if "minutes" in values:
            values["minutes"] = tuple(values["minutes"])
        return cls(**values)


@dataclass(frozen=True)
class Rule:
    """One rule: pattern (with fragments) plus how to normalise what it matches."""

    id: str
    kind: str
    pattern: str
    file: str = ""
    type: Optional[str] = None
    value: Optional[str] = None
    mod: Optional[str] = None
    defaults: Optional[Mapping[str, str]] = None  # group texts to assume when the match lacks them
    description: Optional[str] = None
    examples: Tuple[Example, ...] = ()
    counter_examples: Tuple[str, ...] = ()

    @classmethod
    def parse(cls, data: Mapping[str, Any], file: str) -> "Rule":
        where = f"{file}: rule {data.get('id', '?')!r}"
        values = _closed(cls, data, where)
        for key in ("id", "kind", "pattern"):
            if not isinstance(values.get(key), str) or not values[key]:
                raise RuleError(f"{where}: missing {key!r}")
        if values["kind"] not in KINDS:
            raise RuleError(f"{where}: unknown kind {values['kind']!r}")
        if values.get("type") is not None and values["type"] not in TYPES:
            raise RuleError(f"{where}: unknown type {values['type']!r}")
        values["examples"] = tuple(
            Example.parse(e, f"{where} example") for e in values.get("examples", ())
        )
        values["counter_examples"] = tuple(values.get("counter_examples", ()))
        if values.get("defaults") is not None:
            if not all(isinstance(k, str) and isinstance(v, str) for k, v in values["defaults"].items()):
                raise RuleError(f"{where}: defaults must map group names to texts")
            values["defaults"] = MappingProxyType(dict(values["defaults"]))
        if not values["examples"]:
            raise RuleError(f"{where}: a rule needs at least one example")
        return cls(file=file, **values)


@dataclass(frozen=True)
class RuleSet:
    """All rules of a language, each compiled (leftmost-longest) to be tried at a position."""

    rules: Tuple[Rule, ...]
    patterns: Tuple[Any, ...]  # compiled ``regex`` patterns, one per rule
    default_reference_dates: Mapping[str, str]

    def rule(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)

    def combined(self):
        """One leftmost-longest expression of every rule (the reference the fast matcher must equal)."""
        parts = [f"(?P<rule{i}>{p.pattern})" for i, p in enumerate(self.patterns)]
        return regex.compile("|".join(parts), regex.POSIX)


@lru_cache(maxsize=None)
def load_rules(lang: str = "en") -> RuleSet:
    """Load, validate and compile every rule file (cached)."""
    fragments = load_fragments(lang)
    rules = []
    defaults = {}
    seen = set()
    for name in RULE_FILES:
        data = load_resource(f"temporal/{name}", lang)
        unknown = set(data) - {"description", "reference_date", "rules"}
        if unknown:
            raise RuleError(f"{name}.json: unknown keys {sorted(unknown)}")
        defaults[name] = data.get("reference_date", "2016-01-19")
        for item in data["rules"]:
            rule = Rule.parse(item, name)
            if rule.id in seen:
                raise RuleError(f"{name}.json: duplicate rule id {rule.id!r}")
            seen.add(rule.id)
            rules.append(rule)
    patterns = []
    for rule in rules:
        try:
            patterns.append(regex.compile(fragments.expand(rule.pattern), regex.POSIX))
        except regex.error as exc:
            raise RuleError(f"{rule.file}.json: rule {rule.id!r}: bad pattern: {exc}") from None
    return RuleSet(tuple(rules), tuple(patterns), defaults)
