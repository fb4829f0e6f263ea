"""Pattern fragments and rule sets.

Rule patterns may name shared fragments as ``%{name}`` (HeidelTime's reMonth,
reUnit ... in spirit); fragments may name other fragments. A rule set behaves
as one alternation of its rules searched sentence by sentence: when two rules
could match at the same position the one listed first wins, so rule files list
the more specific patterns first. Each rule is compiled on its own when first
needed and tried only where its heads and prefixes (:mod:`.heads`) say a match
can be.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
import re as std_re
from typing import Dict, FrozenSet, Generic, Iterator, List, Mapping, Sequence, Tuple, TypeVar

import regex

from . import heads as H
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


#: Characters after a sentence's end that lookaheads may still see ("... update
#: to its status page" must not end "update" at a sentence break either).
_LOOKAHEAD = 200



#: Characters a match attempt first looks at. The ``regex`` module checks a
#: pattern's required literal ("by" in "caused by") over the whole range up
#: to ``endpos`` before matching, so each attempt in a sentence of 400,000
#: characters read all of it (quadratic); a first attempt on a short range
#: in partial mode settles almost every case.
PROBE_CHARS = 512


def _match_at(pattern, text: str, at: int, limit: int):
    """``pattern.match(text, at, limit)``, first tried on at most :data:`PROBE_CHARS` characters.

    In partial mode, no match on the probe (not even one cut short by its
    end) means no match at all; any match there is redone on the whole range,
    which decides (an alternative needing more text may come first).
    """
    end = min(limit, at + PROBE_CHARS)
    if end < limit and pattern.match(text, at, end, partial=True) is None:
        return None
    return pattern.match(text, at, limit)


class RuleSet(Generic[T]):
    """Rules of one kind, searched as one alternation: at each position the first
    rule listed that matches there wins, and the search goes on after its match.

    The rules are compiled one by one, and only when first needed. A rule is
    only tried in the sentences that contain one of its heads, and there only
    at the positions where one of its prefixes stands (:mod:`.heads`); both
    are found by one pass each over the folded text. Rules the analysis cannot
    anchor are searched for in every sentence. The result equals a scan with
    :meth:`combined` (the single alternation) of each sentence, which the
    tests check.
    """

    def __init__(self, rules: Sequence[T], bodies: Sequence[str], flags: int, anchors: "_Anchors") -> None:
        self.rules: Tuple[T, ...] = tuple(rules)
        self._bodies = tuple(bodies)
        self._flags = flags
        self._compiled: Dict[int, "regex.Pattern[str]"] = {}
        self.anchors = anchors

    def __len__(self) -> int:
        return len(self.rules)

    def pattern(self, index: int) -> "regex.Pattern[str]":
        """Rule ``index`` on its own, guarded as in the alternation."""
        compiled = self._compiled.get(index)
        if compiled is None:
            source = f"{_WORD_START}(?:{self._bodies[index]}){_WORD_END}"
            compiled = self._compiled[index] = regex.compile(source, self._flags)
        return compiled

    def combined(self) -> "regex.Pattern[str]":
        """The whole rule set as one alternation (slow: for tests and comparisons)."""
        parts = [f"(?P<r{i}>(?:{body}){_WORD_END})" for i, body in enumerate(self._bodies)]
        return regex.compile(f"{_WORD_START}(?:{'|'.join(parts)})" if parts else "(?!)", self._flags)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[Tuple[T, "regex.Match[str]"]]:
        """Every match in ``text[pos:endpos]``, in text order."""
        end = len(text) if endpos is None else endpos
        for _, rule, match in self.scan(text, [(pos, end)], lookahead=0):
            yield rule, match

    def scan(
        self, text: str, windows: Sequence[Tuple[int, int]], lookahead: int = _LOOKAHEAD, folded: str | None = None
    ) -> Iterator[Tuple[int, T, "regex.Match[str]"]]:
        """``(window index, rule, match)`` of the matches lying inside each window.

        Windows (sentences) are searched one by one; lookaheads see up to
        ``lookahead`` characters past a window's end, and a match that runs
        past it is dropped (not cut short). ``folded``: ``heads.fold(text)``,
        when the caller has it.
        """
        anchors = self.anchors
        if folded is None:
            folded = H.fold(text)
        heads = anchors.heads(folded)
        starts = [s for s, _ in heads]
        for number, (lo, hi) in enumerate(windows):
            limit = min(len(text), hi + lookahead)
            # a match holds one of its rule's heads: it starts at or before the last one
            last: Dict[int, int] = {i: hi - 1 for i in anchors.always}
            for k in range(bisect_left(starts, lo), bisect_left(starts, limit)):
                at, rules = heads[k]
                for rule_index in rules:
                    if rule_index not in last or last[rule_index] < at:
                        last[rule_index] = at
            if not last:
                continue
            active = sorted(last)
            candidates = anchors.candidates(folded, lo, hi, last)
            for rule_index, match in self._window(text, lo, hi, limit, active, candidates):
                yield number, self.rules[rule_index], match

    def _next(self, rule_index: int, text: str, pos: int, limit: int, candidates: Dict[int, List[int]]):
        """The first match of one rule starting at or after ``pos`` (None if none before the window ends)."""
        positions = candidates.get(rule_index)
        pattern = self.pattern(rule_index)
        if positions is None:  # not anchored: search
            return pattern.search(text, pos, limit)
        for k in range(bisect_left(positions, pos), len(positions)):
            match = _match_at(pattern, text, positions[k], limit)
            if match is not None:
                return match
        return None

    def _window(self, text: str, lo: int, hi: int, limit: int, active: Sequence[int], candidates: Dict[int, List[int]]):
        """Leftmost-first matches of the ``active`` rules starting in ``[lo, hi)``."""
        pending = []
        for rule_index in active:
            match = self._next(rule_index, text, lo, limit, candidates)
            if match is not None:
                pending.append([match, rule_index])
        while pending:
            first = min(pending, key=lambda item: (item[0].start(), item[1]))
            match = first[0]
            if match.start() >= hi:
                return
            if match.end() <= hi:
                yield first[1], match
            pos = match.end()
            still = []
            for item in pending:
                if item[0].start() < pos:
                    item[0] = self._next(item[1], text, pos, limit, candidates)
                if item[0] is not None:
                    still.append(item)
            pending = still


class _Anchors:
    """Heads (which rules a sentence needs) and prefixes (where in it to try them) of a rule set.

    Heads are known for every rule from the start; a rule's prefixes are
    worked out, and their pattern compiled, when the rule is first needed.
    """

    def __init__(self, heads: Sequence["FrozenSet[str] | None"], patterns: Sequence[str], lang: str) -> None:
        self.always: Tuple[int, ...] = tuple(i for i, hs in enumerate(heads) if hs is None)
        self._heads = H.WordTrie(heads)
        self._patterns = tuple(patterns)
        self._lang = lang
        self._starts: Dict[int, "std_re.Pattern[str] | None"] = {}

    def heads(self, folded: str) -> List[Tuple[int, FrozenSet[int]]]:
        return self._heads.find(folded)

    def starts(self, rule_index: int) -> "std_re.Pattern[str] | None":
        """Where a rule's matches can begin (None: anywhere, it is searched for)."""
        if rule_index not in self._starts:
            try:
                prefixes = analyser(self._lang).prefixes(self._patterns[rule_index])
            except (std_re.error, RecursionError, OverflowError):
                prefixes = None
            self._starts[rule_index] = (
                None if prefixes is None else std_re.compile(f"(?=(?:{H.trie_pattern(prefixes)}))")
            )
        return self._starts[rule_index]

    def candidates(self, folded: str, lo: int, hi: int, last: Dict[int, int]) -> Dict[int, List[int]]:
        """Per anchored active rule, the positions in ``[lo, min(hi, last + 1))`` where one
        of its prefixes stands (``last``: per active rule, the last place a match may start)."""
        found: Dict[int, List[int]] = {}
        for rule_index, at_most in last.items():
            starts = self.starts(rule_index)
            if starts is None:
                continue
            stop = min(hi - 1, at_most)
            # a prefix is at most PREFIX_LENGTH long: one starting at stop ends before this
            end = min(len(folded), stop + H.PREFIX_LENGTH)
            found[rule_index] = [m.start() for m in starts.finditer(folded, lo, end) if m.start() <= stop]
        return found


@lru_cache(maxsize=None)
def analyser(lang: str = "en") -> H.Analyser:
    return H.Analyser(R.fragments(lang))


def compile_rules(rules: Sequence[T], lang: str = "en", ignore_case: bool = True) -> RuleSet[T]:
    """Check and analyse ``rules`` (objects with ``.pattern``) into one :class:`RuleSet`.

    Patterns are parsed here (errors name the rule) but compiled only when used.
    """
    frags: Dict[str, str] = R.fragments(lang)
    analysis = analyser(lang)
    bodies, heads = [], []
    for rule in rules:
        body = expand(rule.pattern, frags)
        try:
            found, width = analysis.analyse(rule.pattern)
        except (std_re.error, RecursionError, OverflowError):  # beyond the standard parser: let regex judge
            try:
                regex.compile(body)
            except regex.error as exc:
                raise ValueError(f"rule {rule.id}: bad pattern: {exc}") from None
            found, width = None, 1
        if width == 0:
            raise ValueError(f"rule {rule.id}: pattern can match the empty string")
        bodies.append(body)
        heads.append(found)
    flags = regex.IGNORECASE if ignore_case else 0
    return RuleSet(rules, bodies, flags, _Anchors(heads, [rule.pattern for rule in rules], lang))


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
def back_reference_rule_set(lang: str = "en") -> RuleSet[R.BackReferenceRule]:
    return compile_rules(R.back_reference_rules(lang), lang)


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


def compile_all(lang: str = "en") -> int:
    """Compile every rule of every rule set now (rules are otherwise compiled when first
    needed): to warm a long-running worker, or to check every pattern. Returns their number."""
    count = 0
    for rule_set in (
        cause_rule_set(lang),
        cue_rule_set(lang),
        link_rule_set(lang),
        back_reference_rule_set(lang),
        terminator_rule_set(lang),
        outage_term_rule_set(lang),
        reporting_rule_set(lang),
    ):
        for index in range(len(rule_set)):
            rule_set.pattern(index)
            rule_set.anchors.starts(index)
            count += 1
    chain_patterns(lang)
    speaker_class_patterns(lang)
    return count
