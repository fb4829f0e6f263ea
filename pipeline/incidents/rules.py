"""Typed rule data of incident assembly, loaded from ``resources/<lang>/incidents/*.json``.

Every rule carries an ``id``, a ``pattern`` and ``examples`` (texts it must
match) and optionally ``counter`` examples (texts it must not match). Patterns
may use named fragments ``{NAME}`` from ``incidents/fragments.json`` (the
HeidelTime way of sharing pattern pieces); they are expanded and compiled here,
once per language, and nowhere else. Patterns are case-insensitive; fragments
that need capitalisation (service names) switch it off locally with ``(?-i:…)``.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, List, Literal, Optional, Pattern, Tuple, Union

import regex
from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..resources import load_resource

FLAGS = regex.IGNORECASE | regex.UNICODE | regex.VERSION0
_PLACEHOLDER = regex.compile(r"\{([A-Z][A-Z0-9_]*)\}")

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Role = Literal["start", "end", "duration", "observed", "context", "none"]
Status = Literal["resolved", "ongoing"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Example(_Strict):
    """A text the rule must match; ``expect`` is what it must yield (rule-specific)."""

    text: str
    expect: Optional[str] = None


class Rule(_Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")
    pattern: str
    examples: List[Example] = Field(min_length=1)
    counter: List[str] = Field(default_factory=list)
    description: Optional[str] = None

    @field_validator("examples", mode="before")
    @classmethod
    def _plain_examples(cls, value):
        return [{"text": v} if isinstance(v, str) else v for v in value]


class ServiceRule(Rule):
    """Outage context that names the affected service in the group ``svc``."""

    kind: Literal["outage", "subject", "speaker"]
    weight: float = Field(gt=0)
    side: Literal["before", "after"] = Field(
        description="where the name stands relative to the cue (for headlines: keep the nearest word)"
    )


class CueRule(Rule):
    kind: str


class ContextRule(Rule):
    """Context of a lexicon word: ``before`` patterns end where the word begins,
    ``after`` patterns start where it ends. ``expect`` in examples: the labels found."""

    kind: Literal["before", "after"]


class RoleRule(Rule):
    """A cue next to a timex that gives it a role in an incident.

    ``side`` says where the cue stands: ``before`` patterns are matched against
    the sentence text before the timex and must end with it (``$``), ``after``
    ones against the text after it and must start with it (``^``). Rules are
    tried in file order; the first that matches decides. In examples the timex
    is written in square brackets.
    """

    role: Role
    side: Literal["before", "after"]
    types: List[TimexType] = Field(min_length=1)
    implies: Optional[Status] = None
    unless_timex: Optional[str] = Field(
        default=None, description="the rule does not apply to a timex whose own text matches this"
    )


class StatusRule(Rule):
    status: Status
    weak: bool = False
    """an ongoing cue about the work on the outage ("investigating", "working to fix"), not about
    the service: a recovery stated anywhere in the text beats it"""


class LexiconEntry(_Strict):
    """A canonical label and the pattern of the words that name it."""

    label: str
    pattern: str
    examples: List[str] = Field(min_length=1)


class KnownService(_Strict):
    name: str
    aliases: List[str] = Field(default_factory=list)
    sector: str


class ServicesFile(_Strict):
    description: str
    rules: List[ServiceRule]
    known: List[KnownService]
    monitors: List[str]
    not_names: List[str]
    modifiers: List[str] = Field(default_factory=list)
    corporate_suffixes: List[str] = Field(default_factory=list)
    coordinators: List[str] = Field(default_factory=list)


class CueFile(_Strict):
    description: str
    rules: List[CueRule]


class RangeRules(_Strict):
    """``open`` before the first timex ("between"), ``link`` between the two
    ("and", "to"; needs ``open``), ``bare_link`` a link that needs no opener ("to", "-")."""

    open: Rule
    link: Rule
    bare_link: Rule
    joiner: Rule
    aside: Rule


class RolesFile(_Strict):
    description: str
    approximate_words: List[str]
    ranges: RangeRules
    rules: List[RoleRule]


class StatusFile(_Strict):
    description: str
    rules: List[StatusRule]


class AffectedFile(_Strict):
    description: str
    platforms: List[LexiconEntry]
    platform_contexts: List[ContextRule]
    regions: List[LexiconEntry]
    region_contexts: List[ContextRule]
    users: List[CueRule]


class FragmentsFile(_Strict):
    description: str
    fragments: Dict[str, str]


# ---------------------------------------------------------------- compilation


@lru_cache(maxsize=None)
def fragments(lang: str = "en") -> Dict[str, str]:
    data = FragmentsFile.model_validate(load_resource("incidents/fragments", lang))
    return dict(data.fragments)


def expand(pattern: str, lang: str = "en", _depth: int = 0) -> str:
    """Replace ``{NAME}`` placeholders by their fragments (recursively)."""
    if _depth > 8:
        raise ValueError(f"fragment recursion too deep in {pattern!r}")
    table = fragments(lang)

    def sub(match) -> str:
        name = match.group(1)
        if name not in table:
            raise KeyError(f"unknown pattern fragment {{{name}}}")
        return expand(table[name], lang, _depth + 1)

    return _PLACEHOLDER.sub(sub, pattern)


@lru_cache(maxsize=None)
def compile_pattern(pattern: str, lang: str = "en") -> Pattern[str]:
    return regex.compile(expand(pattern, lang), FLAGS)


def combined(rules: Tuple[Rule, ...], lang: str = "en") -> Pattern[str]:
    """One alternation of all rules, each wrapped in a group named ``r<index>``.

    :func:`rule_index` tells which rule matched; one pass over a text finds
    every rule's matches.
    """
    parts = [f"(?P<r{i}>{expand(rule.pattern, lang)})" for i, rule in enumerate(rules)]
    return regex.compile("|".join(parts), FLAGS)


def rule_index(match) -> int:
    """Index of the rule (in its file) whose wrapping group took part in ``match``."""
    name = match.lastgroup
    if name and name[0] == "r" and name[1:].isdigit():
        return int(name[1:])
    # an inner named group closed last: find the wrapping group that matched
    for key, value in match.groupdict().items():
        if value is not None and key[0] == "r" and key[1:].isdigit():
            return int(key[1:])
    raise LookupError("no rule group in match")


@dataclass(frozen=True)
class CompiledRules:
    """All rule data of one language, validated and compiled."""

    services: ServicesFile
    name_pattern: Pattern[str]
    service_rules: Tuple[ServiceRule, ...]
    service_pattern: Pattern[str]
    outage_rules: Tuple[CueRule, ...]
    outage_pattern: Pattern[str]
    discourse_rules: Tuple[CueRule, ...]
    discourse: Dict[str, Pattern[str]]
    roles: RolesFile
    role_patterns: Tuple[Tuple[RoleRule, Pattern[str], Optional[Pattern[str]]], ...]
    range_open: Pattern[str]
    range_link: Pattern[str]
    range_bare_link: Pattern[str]
    range_joiner: Pattern[str]
    range_aside: Pattern[str]
    approximate: Pattern[str]
    status_rules: Tuple[StatusRule, ...]
    status_pattern: Pattern[str]
    affected: AffectedFile
    platform_terms: Tuple[Tuple[str, Pattern[str]], ...]
    platform_before: Pattern[str]
    platform_after: Pattern[str]
    region_terms: Tuple[Tuple[str, Pattern[str]], ...]
    region_before: Pattern[str]
    region_after: Pattern[str]
    users_pattern: Pattern[str]


def anchor(pattern: str, side: str, lang: str = "en") -> str:
    """A pattern that must end at the end (``before``) or start at the start (``after``) of a window."""
    body = expand(pattern, lang)
    return f"(?:{body})$" if side == "before" else f"^(?:{body})"


def _anchored(rule: RoleRule, lang: str) -> Pattern[str]:
    return regex.compile(anchor(rule.pattern, rule.side, lang), FLAGS)


def _contexts(rules: List[ContextRule], side: str, lang: str) -> Pattern[str]:
    """All context rules of one side as one anchored alternation (never matches when empty)."""
    parts = [anchor(r.pattern, side, lang) for r in rules if r.kind == side] or ["(?!)"]
    return regex.compile("|".join(parts), FLAGS)


def _by_kind(rules: List[CueRule], lang: str) -> Dict[str, Pattern[str]]:
    kinds = sorted({r.kind for r in rules})
    return {k: combined(tuple(r for r in rules if r.kind == k), lang) for k in kinds}


def _terms(entries: List[LexiconEntry], lang: str) -> Tuple[Tuple[str, Pattern[str]], ...]:
    return tuple((e.label, compile_pattern(e.pattern, lang)) for e in entries)


def _words(words: List[str]) -> str:
    return r"\b(?:" + "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b"


@lru_cache(maxsize=None)
def load_rules(lang: str = "en") -> CompiledRules:
    services = ServicesFile.model_validate(load_resource("incidents/services", lang))
    outages = CueFile.model_validate(load_resource("incidents/outage_cues", lang))
    discourse = CueFile.model_validate(load_resource("incidents/discourse", lang))
    roles = RolesFile.model_validate(load_resource("incidents/roles", lang))
    status = StatusFile.model_validate(load_resource("incidents/status", lang))
    affected = AffectedFile.model_validate(load_resource("incidents/affected", lang))
    ids = [
        r.id
        for group in (
            services.rules, outages.rules, discourse.rules, roles.rules, status.rules,
            affected.platform_contexts, affected.region_contexts, affected.users,
            [roles.ranges.open, roles.ranges.link, roles.ranges.bare_link, roles.ranges.joiner,
             roles.ranges.aside],
        )
        for r in group
    ]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ValueError(f"duplicate incident rule ids: {duplicates}")
    return CompiledRules(
        services=services,
        name_pattern=regex.compile("(?<![\\w&.\\-])" + expand("{NAME}", lang), FLAGS),
        service_rules=tuple(services.rules),
        service_pattern=combined(tuple(services.rules), lang),
        outage_rules=tuple(outages.rules),
        outage_pattern=combined(tuple(outages.rules), lang),
        discourse_rules=tuple(discourse.rules),
        discourse=_by_kind(discourse.rules, lang),
        roles=roles,
        role_patterns=tuple(
            (r, _anchored(r, lang), compile_pattern(r.unless_timex, lang) if r.unless_timex else None)
            for r in roles.rules
        ),
        range_open=regex.compile(f"(?:{expand(roles.ranges.open.pattern, lang)})$", FLAGS),
        range_link=regex.compile(f"^(?:{expand(roles.ranges.link.pattern, lang)})$", FLAGS),
        range_bare_link=regex.compile(f"^(?:{expand(roles.ranges.bare_link.pattern, lang)})$", FLAGS),
        range_joiner=regex.compile(f"^(?:{expand(roles.ranges.joiner.pattern, lang)})$", FLAGS),
        range_aside=regex.compile(f"(?:{expand(roles.ranges.aside.pattern, lang)})$", FLAGS),
        approximate=regex.compile(_words(roles.approximate_words), FLAGS),
        status_rules=tuple(status.rules),
        status_pattern=combined(tuple(status.rules), lang),
        affected=affected,
        platform_terms=_terms(affected.platforms, lang),
        platform_before=_contexts(affected.platform_contexts, "before", lang),
        platform_after=_contexts(affected.platform_contexts, "after", lang),
        region_terms=_terms(affected.regions, lang),
        region_before=_contexts(affected.region_contexts, "before", lang),
        region_after=_contexts(affected.region_contexts, "after", lang),
        users_pattern=combined(tuple(affected.users), lang),
    )


AnyRule = Union[Rule, ServiceRule, CueRule, ContextRule, RoleRule, StatusRule]


def all_pattern_rules(lang: str = "en") -> List[AnyRule]:
    """Every rule with a pattern and examples (for the example-running test)."""
    rules = load_rules(lang)
    return [
        *rules.service_rules,
        *rules.outage_rules,
        *rules.discourse_rules,
        *rules.roles.rules,
        rules.roles.ranges.open,
        rules.roles.ranges.link,
        rules.roles.ranges.bare_link,
        rules.roles.ranges.joiner,
        rules.roles.ranges.aside,
        *rules.status_rules,
        *rules.affected.platform_contexts,
        *rules.affected.region_contexts,
        *rules.affected.users,
    ]
