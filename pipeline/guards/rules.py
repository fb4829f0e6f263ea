"""Typed guard rules, loaded once from ``resources/<lang>/guards.json``.

Every pattern of the guards is compiled here and nowhere else. Unknown keys in
the data file are an error, so a typo cannot silently switch a check off.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Dict, FrozenSet, Mapping, Pattern, Tuple

import regex

from ..resources import load_resource


class GuardRulesError(ValueError):
    """The guard data file does not have the expected shape."""


def _take(data: Mapping[str, Any], where: str, required: Tuple[str, ...], optional: Tuple[str, ...] = ()) -> Dict[str, Any]:
    """``data`` as a dict with exactly the ``required`` keys (plus any ``optional`` ones)."""
    if not isinstance(data, Mapping):
        raise GuardRulesError(f"{where}: expected an object")
    unknown = set(data) - set(required) - set(optional)
    missing = set(required) - set(data)
    if unknown or missing:
        raise GuardRulesError(f"{where}: unknown keys {sorted(unknown)}, missing keys {sorted(missing)}")
    return dict(data)


@dataclass(frozen=True)
class PatternRule:
    """A named pattern with examples it must find and counter-examples it must not."""

    id: str
    pattern: Pattern[str]
    examples: Tuple[str, ...]
    counter_examples: Tuple[str, ...]

    @classmethod
    def load(cls, data: Mapping[str, Any], where: str) -> "PatternRule":
        d = _take(data, where, ("id", "pattern", "examples", "counter_examples"))
        return cls(
            id=d["id"],
            pattern=regex.compile(d["pattern"]),
            examples=tuple(d["examples"]),
            counter_examples=tuple(d["counter_examples"]),
        )


@dataclass(frozen=True)
class Signature:
    """Magic bytes at a fixed offset that identify a non-text file type."""

    id: str
    name: str
    offset: int
    magic: bytes

    def matches(self, data: bytes) -> bool:
        return data[self.offset : self.offset + len(self.magic)] == self.magic


@dataclass(frozen=True)
class BinaryRules:
    signatures: Tuple[Signature, ...]
    sample_chars: int
    max_control_ratio: float
    control_chars: Pattern[str]


@dataclass(frozen=True)
class MarkupRules:
    sample_chars: int
    page_min_markup_ratio: float
    page_min_tags: int
    patterns: Tuple[PatternRule, ...]
    page_markers: PatternRule


@dataclass(frozen=True)
class LanguageRules:
    sample_chars: int
    min_words: int
    word: Pattern[str]
    min_latin_ratio: float
    refuse_below: float
    refuse_when_other_above: float
    refuse_always_below: float
    warn_below: float
    stopwords: Mapping[str, FrozenSet[str]]
    names: Mapping[str, str]


@dataclass(frozen=True)
class TruncationRules:
    default_max_chars: int
    search_window_chars: int
    boundaries: Tuple[PatternRule, ...]


@dataclass(frozen=True)
class DecodingRules:
    mojibake_hint: PatternRule


@dataclass(frozen=True)
class GuardRules:
    decoding: DecodingRules
    binary: BinaryRules
    markup: MarkupRules
    language: LanguageRules
    truncation: TruncationRules


def _binary(data: Mapping[str, Any]) -> BinaryRules:
    d = _take(data, "binary", ("signatures", "sample_chars", "max_control_ratio", "control_chars"), ("description",))
    signatures = []
    for i, raw in enumerate(d["signatures"]):
        s = _take(raw, f"binary.signatures[{i}]", ("id", "name", "offset", "hex"))
        signatures.append(Signature(s["id"], s["name"], int(s["offset"]), bytes.fromhex(s["hex"])))
    return BinaryRules(
        signatures=tuple(signatures),
        sample_chars=int(d["sample_chars"]),
        max_control_ratio=float(d["max_control_ratio"]),
        control_chars=regex.compile(d["control_chars"]),
    )


def _markup(data: Mapping[str, Any]) -> MarkupRules:
    keys = ("sample_chars", "page_min_markup_ratio", "page_min_tags", "patterns", "page_markers")
    d = _take(data, "markup", keys, ("description",))
    return MarkupRules(
        sample_chars=int(d["sample_chars"]),
        page_min_markup_ratio=float(d["page_min_markup_ratio"]),
        page_min_tags=int(d["page_min_tags"]),
        patterns=tuple(PatternRule.load(p, f"markup.patterns[{i}]") for i, p in enumerate(d["patterns"])),
        page_markers=PatternRule.load(d["page_markers"], "markup.page_markers"),
    )


def _language(data: Mapping[str, Any]) -> LanguageRules:
    keys = (
        "sample_chars", "min_words", "word", "min_latin_ratio", "refuse_below",
        "refuse_when_other_above", "refuse_always_below", "warn_below", "stopwords", "names",
    )
    d = _take(data, "language", keys, ("description",))
    stopwords = {lang: frozenset(w.lower() for w in words) for lang, words in d["stopwords"].items()}
    if "en" not in stopwords or set(d["names"]) != set(stopwords):
        raise GuardRulesError("language: stopwords need 'en', and a name for every language")
    return LanguageRules(
        sample_chars=int(d["sample_chars"]),
        min_words=int(d["min_words"]),
        word=regex.compile(d["word"]),
        min_latin_ratio=float(d["min_latin_ratio"]),
        refuse_below=float(d["refuse_below"]),
        refuse_when_other_above=float(d["refuse_when_other_above"]),
        refuse_always_below=float(d["refuse_always_below"]),
        warn_below=float(d["warn_below"]),
        stopwords=stopwords,
        names=dict(d["names"]),
    )


def _truncation(data: Mapping[str, Any]) -> TruncationRules:
    d = _take(data, "truncation", ("default_max_chars", "search_window_chars", "boundaries"), ("description",))
    return TruncationRules(
        default_max_chars=int(d["default_max_chars"]),
        search_window_chars=int(d["search_window_chars"]),
        boundaries=tuple(PatternRule.load(b, f"truncation.boundaries[{i}]") for i, b in enumerate(d["boundaries"])),
    )


@lru_cache(maxsize=None)
def guard_rules(lang: str = "en") -> GuardRules:
    sections = ("decoding", "binary", "markup", "language", "truncation")
    data = _take(load_resource("guards", lang), "guards", sections, ("description",))
    decoding = _take(data["decoding"], "decoding", ("mojibake_hint",), ("description",))
    return GuardRules(
        decoding=DecodingRules(PatternRule.load(decoding["mojibake_hint"], "decoding.mojibake_hint")),
        binary=_binary(data["binary"]),
        markup=_markup(data["markup"]),
        language=_language(data["language"]),
        truncation=_truncation(data["truncation"]),
    )


def all_pattern_rules(rules: GuardRules) -> Tuple[PatternRule, ...]:
    """Every pattern rule with examples (for the example tests)."""
    return (rules.decoding.mojibake_hint, *rules.markup.patterns, rules.markup.page_markers, *rules.truncation.boundaries)
