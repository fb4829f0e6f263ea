"""Pattern fragments and compiled rule sets.

Rule patterns may name shared fragments as ``%{name}`` (HeidelTime's reMonth,
reUnit ... in spirit); fragments may name other fragments. Each rule set is
compiled ONCE into a single alternation, one named group per rule, so finding
every match of a whole rule file is one left-to-right pass over the text. When
two rules could match at the same position the one listed first wins, so rule
files list the more specific patterns first.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, Generic, Iterator, Mapping, Sequence, Tuple, TypeVar

import regex

from . import rules as R

_REF = regex.compile(r"%\{(\w+)\}")
_MAX_DEPTH = 10

T = TypeVar("T")

# A match never starts or ends inside a word: if its first (last) character is
# a word character, the character before (after) it must not be one. Matches
# that begin or end with punctuation ("?", ",") are unaffected.
_WORD_START = r"(?:(?<!\w)|(?!\w))"
_WORD_END = r"(?:(?!\w)|(?<!\w))"


def expand(pattern: str, frags: Mapping[str, str], depth: int = 0) -> str:
    """Replace every ``%{name}`` in ``pattern`` by its fragment, recursively."""
    if depth > _MAX_DEPTH:
        raise ValueError(f"fragment nesting too deep (cycle?) in {pattern!r}")

    def sub(match: "regex.Match[str]") -> str:
        name = match.group(1)
        if name not in frags:
            raise ValueError(f"unknown pattern fragment %{{{name}}}")
        return "(?:" + expand(frags[name], frags, depth + 1) + ")"

    return _REF.sub(sub, pattern)


@dataclass(frozen=True)
class RuleSet(Generic[T]):
    """Rules of one kind compiled into one alternation."""

    rules: Tuple[T, ...]
    regex: "regex.Pattern[str]"
    names: Tuple[str, ...]

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[Tuple[T, "regex.Match[str]"]]:
        end = len(text) if endpos is None else endpos
        for match in self.regex.finditer(text, pos, end):
            yield self.rule_of(match), match

    def rule_of(self, match: "regex.Match[str]") -> T:
        for index, name in enumerate(self.names):
            if match.start(name) >= 0:
                return self.rules[index]
        raise AssertionError("match of no rule")  # pragma: no cover

    def search_any(self, text: str, pos: int, endpos: int) -> bool:
        return self.regex.search(text, pos, endpos) is not None


def compile_rules(rules: Sequence[T], lang: str = "en", ignore_case: bool = True) -> RuleSet[T]:
    """Compile ``rules`` (objects with ``.pattern``) into one :class:`RuleSet`."""
    frags: Dict[str, str] = R.fragments(lang)
    parts = []
    names = []
    for index, rule in enumerate(rules):
        body = expand(rule.pattern, frags)
        try:
            regex.compile(body)
        except regex.error as exc:
            raise ValueError(f"rule {rule.id}: bad pattern: {exc}") from None
        name = f"r{index}"
        names.append(name)
        parts.append(f"(?P<{name}>(?:{body}){_WORD_END})")
    flags = regex.IGNORECASE if ignore_case else 0
    # the start guard is checked once per position, not once per rule
    combined = f"{_WORD_START}(?:{'|'.join(parts)})" if parts else "(?!)"
    return RuleSet(tuple(rules), regex.compile(combined, flags), tuple(names))


def compile_one(pattern: str, lang: str = "en", ignore_case: bool = True) -> "regex.Pattern[str]":
    """One pattern on its own (used with fullmatch / search on short strings)."""
    flags = regex.IGNORECASE if ignore_case else 0
    return regex.compile(expand(pattern, R.fragments(lang)), flags)


@lru_cache(maxsize=None)
def cause_rule_set(lang: str = "en") -> RuleSet:
    """Every cause rule, as ``(label, rule)`` pairs, compiled in file order."""
    pairs = []
    for rule_file in R.cause_rule_files(lang):
        for rule in rule_file.rules:
            pairs.append(_Labelled(rule_file.label, rule))
    return compile_rules(pairs, lang)


@dataclass(frozen=True)
class _Labelled:
    label: str
    rule: R.CauseRule

    @property
    def pattern(self) -> str:
        return self.rule.pattern

    @property
    def id(self) -> str:
        return self.rule.id


@lru_cache(maxsize=None)
def cue_rule_set(lang: str = "en") -> RuleSet[R.CueRule]:
    return compile_rules(R.cue_rules(lang), lang)


@lru_cache(maxsize=None)
def link_rule_set(lang: str = "en") -> RuleSet[R.LinkRule]:
    return compile_rules(R.link_rules(lang), lang)


@lru_cache(maxsize=None)
def terminator_rule_set(lang: str = "en") -> RuleSet[R.TerminatorRule]:
    return compile_rules(R.terminator_rules(lang), lang)


@lru_cache(maxsize=None)
def outage_term_rule_set(lang: str = "en") -> RuleSet[R.TermRule]:
    return compile_rules(R.outage_term_rules(lang), lang)


@lru_cache(maxsize=None)
def chain_patterns(lang: str = "en") -> Tuple[Tuple[R.ChainRule, "regex.Pattern[str]"], ...]:
    """Chain rules match the WHOLE text between two cause phrases (fullmatch)."""
    return tuple((rule, compile_one(rule.pattern, lang)) for rule in R.chain_rules(lang))


@lru_cache(maxsize=None)
def reporting_rule_set(lang: str = "en") -> RuleSet[R.ReportingRule]:
    """Reporting clauses are case-sensitive: capitals tell names from words."""
    return compile_rules(R.reporting_rules(lang), lang, ignore_case=False)


@lru_cache(maxsize=None)
def speaker_class_patterns(lang: str = "en") -> Tuple[Tuple[R.SpeakerClass, "regex.Pattern[str]"], ...]:
    return tuple((rule, compile_one(rule.pattern, lang)) for rule in R.speaker_classes(lang))
