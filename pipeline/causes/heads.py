"""Head words of rule patterns: literal strings at least one of which every match contains.

A rule such as ``%{det}?(?:%{adj}\\s+){0,2}(?:hack|hacks|attack|attacks)``
can only match where "hack" or "attack" occurs, so a sentence without either
need not be searched with it. The heads are computed once from the parsed
(expanded) pattern, never written by hand, so a new rule can never be missed:

- a run of items that match only a small finite set of strings (literals,
  small character classes, ``s?``, alternations of words) gives the strings
  of that run;
- an alternation needs a head in every branch (their union);
- a repetition needs its body's heads when it must occur at least once;
- of a sequence's candidates the most selective is kept (longest shortest
  string, then fewest strings).

Anything the analysis cannot prove (``\\w+``, ``.``, a branch without a head)
gives no heads, and a rule without heads is tried in every sentence, so the
analysis can only make a search slower, never change what it finds. Heads are
compared in :func:`fold`ed form (lowercase, every whitespace a space) with
the :func:`fold`ed text: a superset of any case and space the pattern allows.

The same analysis gives each rule's :func:`prefixes`, the first characters
its matches can begin with, so within a sentence a rule is only tried where
one of them stands.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, FrozenSet, Iterable, List, Mapping, Optional, Sequence, Set, Tuple

try:  # the standard library's regular expression parser (its module moved in 3.11)
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

#: Largest set of strings a run of items is expanded to.
_MAX_STRINGS = 100
#: Shortest head worth filtering on: shorter ones occur almost everywhere.
MIN_HEAD = 3
#: Character classes with at most this many characters are expanded.
_MAX_CLASS = 8

_NAMED_GROUP = re.compile(r"\(\?P<\w+>")
_REFERENCE = re.compile(r"%\{(\w+)\}")
_PLACEHOLDER = 0xF0000  # private-use code points stand for fragment references
_BACKREF = re.compile(r"\(\?P=\w+\)")
_POSSESSIVE = frozenset(filter(None, (getattr(_sre, "POSSESSIVE_REPEAT", None),)))
_ATOMIC = getattr(_sre, "ATOMIC_GROUP", None)

Strings = FrozenSet[str]

#: Length of the prefixes computed by :func:`prefixes`.
PREFIX_LENGTH = 4
#: Prefix sets larger than this are cut short (their strings end there).
_MAX_PREFIXES = 3_000


@lru_cache(maxsize=1)
def _fold_table() -> Dict[int, str]:
    """Characters to rewrite before lowercasing: whatever ``\\s`` matches becomes a space,
    and the two letters whose case pairs differ from ``str.lower`` ("İ", "ſ") their ASCII letter."""
    import regex

    space = regex.compile(r"\s")
    table = {c: " " for c in range(0x3001) if space.match(chr(c)) or chr(c).isspace()}
    table.update({0x130: "i", 0x17F: "s"})
    return table


def fold(text: str) -> str:
    """Lowercase with every whitespace a space, same length as ``text``."""
    return text.translate(_fold_table()).lower()


@dataclass(frozen=True)
class _Info:
    exact: Optional[Strings]  # every string the item can match, when few
    heads: Optional[Strings]  # one of these occurs in every match
    width: int  # fewest characters a match takes


_EMPTY = frozenset({""})


def _better(a: Optional[Strings], b: Optional[Strings]) -> Optional[Strings]:
    """The more selective of two head sets (None: no heads)."""
    usable = [s for s in (a, b) if s and "" not in s]
    if not usable:
        return None
    if len(usable) == 1:
        return usable[0]
    return max(usable, key=lambda s: (min(map(len, s)), -len(s)))


def _product(a: Strings, b: Strings) -> Optional[Strings]:
    if len(a) * len(b) > _MAX_STRINGS:
        return None
    if a is _EMPTY:
        return b
    return frozenset(x + y for x in a for y in b)


def _class(items, limit: int = _MAX_CLASS) -> Optional[Strings]:
    """The folded characters of a class (``\\s`` is a space), None if many or unknown."""
    chars = set()
    for op, av in items:
        if op is _sre.LITERAL:
            chars.add(fold(chr(av)))
        elif op is _sre.RANGE and av[1] - av[0] < limit:
            chars.update(fold(chr(c)) for c in range(av[0], av[1] + 1))
        elif op is _sre.CATEGORY and av is _sre.CATEGORY_SPACE:
            chars.add(" ")
        else:
            return None
    return frozenset(chars) if len(chars) <= limit else None


def _minimal(strings: Iterable[str]) -> Strings:
    """Drop strings that contain another one (finding "hack" finds "hacks" too)."""
    kept: list = []
    for s in sorted(set(strings), key=len):
        if not any(k in s for k in kept):
            kept.append(s)
    return frozenset(kept)


class Analyser:
    """Heads, prefixes and width of patterns written with ``%{name}`` fragments.

    Each fragment is parsed and analysed once, however many patterns use it.
    """

    def __init__(self, fragments: Mapping[str, str]) -> None:
        self._fragments = fragments
        self._names: List[str] = []
        self._numbers: Dict[str, int] = {}
        self._parsed: Dict[int, list] = {}
        self._info: Dict[int, _Info] = {}
        self._prefixes: Dict[int, Tuple[Set[str], Set[str]]] = {}

    # parsing -------------------------------------------------------------
    def _placeholder(self, match: "re.Match[str]") -> str:
        name = match.group(1)
        if name not in self._fragments:
            raise ValueError(f"unknown pattern fragment %{{{name}}}")
        if name not in self._numbers:
            self._numbers[name] = len(self._names)
            self._names.append(name)
        return "(?:" + chr(_PLACEHOLDER + self._numbers[name]) + ")"

    def parse(self, pattern: str) -> list:
        """The parsed pattern, fragments as placeholder characters (raises re.error)."""
        shallow = _REFERENCE.sub(self._placeholder, pattern)
        return list(_sre_parse.parse(_BACKREF.sub("(?:.)", _NAMED_GROUP.sub("(?:", shallow))))

    def _fragment(self, number: int) -> list:
        if number not in self._parsed:
            self._parsed[number] = self.parse(self._fragments[self._names[number]])
        return self._parsed[number]

    @staticmethod
    def _fragment_numbers(items):
        """Placeholders hidden in a class (the parser turns ``%{a}|%{b}`` into one)."""
        return [v - _PLACEHOLDER for o, v in items if o is _sre.LITERAL and v >= _PLACEHOLDER]

    # heads and width -----------------------------------------------------
    def _sequence(self, items) -> _Info:
        best: Optional[Strings] = None
        run: Strings = _EMPTY
        whole: Optional[Strings] = _EMPTY
        width = 0
        for item in items:
            info = self._item(item)
            width += info.width
            best = _better(best, info.heads)
            if info.exact is None:
                best = _better(best, run)
                run = _EMPTY
                whole = None
                continue
            grown = _product(run, info.exact)
            if grown is None:  # too many strings: the run ends, a new one starts here
                best = _better(best, run)
                grown = info.exact
            run = grown
            whole = None if whole is None else _product(whole, info.exact)
        return _Info(whole, _better(best, run), width)

    def _branches(self, infos: Sequence[_Info]) -> _Info:
        exact: Optional[set] = set()
        heads: Optional[set] = set()
        for info in infos:
            exact = None if exact is None or info.exact is None else exact | info.exact
            own = _better(info.heads, info.exact)
            heads = None if heads is None or own is None else heads | own
        if exact is not None and len(exact) > _MAX_STRINGS:
            exact = None
        return _Info(
            None if exact is None else frozenset(exact),
            None if heads is None else frozenset(heads),
            min(info.width for info in infos),
        )

    def _fragment_info(self, number: int) -> _Info:
        if number not in self._info:
            self._info[number] = self._sequence(self._fragment(number))
        return self._info[number]

    def _item(self, item) -> _Info:
        op, av = item
        if op is _sre.LITERAL:
            if av >= _PLACEHOLDER:
                return self._fragment_info(av - _PLACEHOLDER)
            char = frozenset({fold(chr(av))})
            return _Info(char, char, 1)
        if op is _sre.IN:
            numbers = self._fragment_numbers(av)
            if numbers:
                rest = [(o, v) for o, v in av if not (o is _sre.LITERAL and v >= _PLACEHOLDER)]
                infos = [self._fragment_info(n) for n in numbers]
                if rest:
                    infos.append(self._item((_sre.IN, rest)))
                return self._branches(infos)
            chars = _class(av)
            return _Info(chars, chars, 1)
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            return _Info(_EMPTY, None, 0)  # zero width: adds nothing, needs nothing
        if op is _sre.BRANCH:
            return self._branches([self._sequence(branch) for branch in av[1]])
        if op is _sre.SUBPATTERN:
            return self._sequence(av[3])
        if op is _ATOMIC:
            return self._sequence(av)
        if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) or op in _POSSESSIVE:
            low, high, sub = av
            info = self._sequence(sub)
            heads = _better(info.heads, info.exact) if low >= 1 else None
            exact = None
            if info.exact is not None and high <= 3:
                exact, power = (_EMPTY if low == 0 else None), _EMPTY
                for count in range(1, high + 1):
                    power = _product(power, info.exact)
                    if power is None:
                        exact = None
                        break
                    if count >= low:
                        exact = power if exact is None else exact | power
            return _Info(exact, heads, low * info.width)
        if op is _sre.GROUPREF:
            return _Info(None, None, 0)
        return _Info(None, None, 1)  # ANY, NOT_LITERAL, CATEGORY: one character, unknown

    def analyse(self, pattern: str) -> Tuple[Optional[Strings], int]:
        """(heads, fewest characters) of ``pattern``; heads None when none can be proved."""
        info = self._sequence(self.parse(pattern))
        found = _better(info.heads, info.exact)
        if not found or min(map(len, found)) < MIN_HEAD:
            return None, info.width
        return _minimal(found), info.width

    # prefixes ------------------------------------------------------------
    def prefixes(self, pattern: str) -> Optional[Strings]:
        """Folded strings (up to :data:`PREFIX_LENGTH` characters) every match begins with one of; None if unknown."""
        alive, done = self._prefix_sequence(self.parse(pattern), {""})
        found = alive | done
        if not found or "" in found:
            return None
        return frozenset(found)

    def _prefix_sequence(self, items, alive: Set[str]) -> Tuple[Set[str], Set[str]]:
        done: Set[str] = set()
        for item in items:
            if not alive:
                break
            alive, more = self._prefix_item(item, alive)
            done |= more
            if len(alive) > _MAX_PREFIXES:
                return set(), done | alive
        return alive, done

    @staticmethod
    def _extend(alive: Set[str], tails: Iterable[str], final: bool = False) -> Tuple[Set[str], Set[str]]:
        grown_alive: Set[str] = set()
        grown_done: Set[str] = set()
        for a in alive:
            for t in tails:
                g = a + t
                if final or len(g) >= PREFIX_LENGTH:
                    grown_done.add(g[:PREFIX_LENGTH])
                else:
                    grown_alive.add(g)
        return grown_alive, grown_done

    def _prefix_fragment(self, number: int, alive: Set[str]) -> Tuple[Set[str], Set[str]]:
        if number not in self._prefixes:
            self._prefixes[number] = self._prefix_sequence(self._fragment(number), {""})
        own_alive, own_done = self._prefixes[number]
        a1, d1 = self._extend(alive, own_alive)
        _, d2 = self._extend(alive, own_done, final=True)
        return a1, d1 | d2

    def _prefix_item(self, item, alive: Set[str]) -> Tuple[Set[str], Set[str]]:
        op, av = item
        if op is _sre.LITERAL:
            if av >= _PLACEHOLDER:
                return self._prefix_fragment(av - _PLACEHOLDER, alive)
            return self._extend(alive, fold(chr(av)))
        if op is _sre.IN:
            numbers = self._fragment_numbers(av)
            if numbers:
                rest = [(o, v) for o, v in av if not (o is _sre.LITERAL and v >= _PLACEHOLDER)]
                out_alive: Set[str] = set()
                out_done: Set[str] = set()
                for n in numbers:
                    a, d = self._prefix_fragment(n, alive)
                    out_alive |= a
                    out_done |= d
                if rest:
                    a, d = self._prefix_item((_sre.IN, rest), alive)
                    out_alive |= a
                    out_done |= d
                return out_alive, out_done
            chars = _class(av, limit=64)
            return (set(), set(alive)) if chars is None else self._extend(alive, chars)
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            return alive, set()
        if op is _sre.BRANCH:
            out_alive = set()
            out_done = set()
            for branch in av[1]:
                a, d = self._prefix_sequence(branch, set(alive))
                out_alive |= a
                out_done |= d
            return out_alive, out_done
        if op is _sre.SUBPATTERN:
            return self._prefix_sequence(av[3], alive)
        if op is _ATOMIC:
            return self._prefix_sequence(av, alive)
        if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) or op in _POSSESSIVE:
            low, high, sub = av
            current = set(alive)
            out_alive = set()
            out_done = set()
            for count in range(PREFIX_LENGTH + 2):
                if count >= low:
                    out_alive |= current
                if not current or count >= high:
                    break
                current, done = self._prefix_sequence(sub, current)
                out_done |= done
            else:
                out_done |= current
            return out_alive, out_done
        return set(), set(alive)  # ANY, NOT_LITERAL, CATEGORY, GROUPREF, ...: the prefix ends here


def trie_pattern(words: Iterable[str]) -> str:
    """An alternation of ``words`` factored as a trie, longest first (``hack(?:er)?``)."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: dict) -> str:
        branches = [re.escape(ch) + render(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return render(trie) or "(?!)"


class WordTrie:
    """Every (overlapping) occurrence of a set of folded words: the longest one at each position,
    with the indexes (rules) whose words it starts with. Shared by the causes and incidents scanners."""

    def __init__(self, words_of: Sequence["FrozenSet[str] | None"]) -> None:
        self._rules_of: Dict[str, FrozenSet[int]] = {}
        for index, words in enumerate(words_of):
            for word in words or ():
                self._rules_of[word] = self._rules_of.get(word, frozenset()) | {index}
        self._found: Dict[str, FrozenSet[int]] = {}
        words = sorted(self._rules_of)
        self._regex = re.compile(f"(?=({trie_pattern(words)}))") if words else None

    def rules_for(self, found: str) -> FrozenSet[int]:
        """Rules with a word that ``found`` (the longest word at a position) starts with."""
        rules = self._found.get(found)
        if rules is None:
            hits = [r for n in range(1, len(found) + 1) for r in self._rules_of.get(found[:n], ())]
            rules = self._found[found] = frozenset(hits)
        return rules

    def find(self, folded: str, pos: int = 0, endpos: int | None = None) -> List[Tuple[int, FrozenSet[int]]]:
        if self._regex is None:
            return []
        end = len(folded) if endpos is None else endpos
        return [(m.start(), self.rules_for(m.group(1))) for m in self._regex.finditer(folded, pos, end)]
