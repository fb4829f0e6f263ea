"""Which rules can match at a position, judged from the first characters there.

For every rule the set of strings (up to :data:`KEY_LENGTH` characters) its
matches can begin with is computed once from the parsed pattern; digits are
folded to ``0`` and whitespace to a space, on both sides. Anything the
analysis cannot enumerate (``\\w``, negated classes, back-references) ends a
prefix early, which only makes the index more permissive, never wrong: a rule
whose pattern cannot be analysed is tried everywhere.
"""
from __future__ import annotations

import re
from typing import Dict, FrozenSet, Iterable, List, Optional, Sequence, Set, Tuple

try:  # the standard library's regular expression parser (its module moved in 3.11)
    from re import _parser as _sre_parse
    from re import _constants as _sre
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_parse as _sre_parse  # type: ignore[no-redef]
    import sre_constants as _sre  # type: ignore[no-redef]

KEY_LENGTH = 7
#: Character classes larger than this are not enumerated (the prefix ends there).
_CLASS_LIMIT = 64
#: Prefix sets larger than this are cut short (the prefixes end there).
_SET_LIMIT = 20_000

_FOLD = {ord(d): "0" for d in "0123456789"}
_FOLD.update({ord(c): " " for c in "\t\n\r\f\v\u00a0\u2009\u202f\u2002\u2003"})
_NAMED_GROUP = re.compile(r"\(\?P<\w+>")
_BACKREF = re.compile(r"\(\?P=\w+\)")
_SPACE = {" "}
_DIGIT = {"0"}


def fold(text: str) -> str:
    """Lowercase, digits to 0, whitespace to a space: the form prefixes and keys are compared in."""
    return text.lower().translate(_FOLD)


def key_at(text: str, pos: int) -> str:
    return fold(text[pos : pos + KEY_LENGTH])


def _class_chars(items) -> Optional[Set[str]]:
    chars: Set[str] = set()
    for op, av in items:
        if op is _sre.LITERAL:
            chars.add(chr(av))
        elif op is _sre.RANGE:
            lo, hi = av
            if hi - lo > _CLASS_LIMIT:
                return None
            chars.update(chr(c) for c in range(lo, hi + 1))
        elif op is _sre.CATEGORY:
            if av is _sre.CATEGORY_DIGIT:
                chars.update(_DIGIT)
            elif av is _sre.CATEGORY_SPACE:
                chars.update(_SPACE)
            else:
                return None
        else:  # NEGATE and anything else
            return None
        if len(chars) > _CLASS_LIMIT:
            return None
    return {fold(c) for c in chars}


def _extend(alive: Set[str], chars: Iterable[str]) -> Tuple[Set[str], Set[str]]:
    grown = {s + c for s in alive for c in chars}
    done = {s for s in grown if len(s) >= KEY_LENGTH}
    return grown - done, done


_PLACEHOLDER_BASE = 0xF0000  # private-use code points stand for fragment references


class PrefixAnalyser:
    """Computes prefix sets of patterns written with fragments, parsing each fragment once."""

    def __init__(self, fragments) -> None:
        self._fragments = fragments
        self._names: List[str] = []
        self._numbers: Dict[str, int] = {}
        self._parsed: Dict[str, list] = {}
        self._literals: Dict[int, tuple] = {}

    def _placeholder(self, match) -> str:
        name = match.group("name")
        if name not in self._numbers:
            self._numbers[name] = len(self._names)
            self._names.append(name)
        return "(?:" + chr(_PLACEHOLDER_BASE + self._numbers[name]) + ")"

    def _parse(self, pattern: str) -> list:
        from .fragments import REFERENCE

        shallow = REFERENCE.sub(self._placeholder, pattern)
        plain = _BACKREF.sub("(?:.)", _NAMED_GROUP.sub("(?:", shallow))
        return list(_sre_parse.parse(plain))

    def _fragment(self, number: int) -> list:
        name = self._names[number]
        if name not in self._parsed:
            self._parsed[name] = self._parse(self._fragments.source(name))
        return self._parsed[name]

    def prefixes(self, pattern: str) -> Optional[FrozenSet[str]]:
        """The folded strings (<= KEY_LENGTH chars) a match can begin with; None if unknown."""
        try:
            alive, done = self._sequence(self._parse(pattern), {""})
        except (re.error, RecursionError, OverflowError):
            return None
        return frozenset(done | alive)

    def _literal_branches(self, branches) -> Optional[Tuple[str, ...]]:
        """The branches as words when every branch is a plain literal sequence (a table alternation)."""
        key = id(branches)
        if key not in self._literals:
            words = []
            for branch in branches:
                if not all(op is _sre.LITERAL and av < _PLACEHOLDER_BASE for op, av in branch):
                    words = None
                    break
                words.append(fold("".join(chr(av) for _, av in branch)))
            self._literals[key] = (branches, None if words is None else tuple(sorted(set(words))))
        return self._literals[key][1]

    @staticmethod
    def _extend_words(alive: Set[str], words: Tuple[str, ...]) -> Tuple[Set[str], Set[str]]:
        out_alive: Set[str] = set()
        out_done: Set[str] = set()
        by_room: Dict[int, Set[str]] = {}
        for prefix in alive:
            room = KEY_LENGTH - len(prefix)
            cut = by_room.get(room)
            if cut is None:
                cut = by_room[room] = {w[:room] for w in words}
            for piece in cut:
                grown = prefix + piece
                (out_done if len(grown) >= KEY_LENGTH else out_alive).add(grown)
        return out_alive, out_done

    def _sequence(self, items, alive: Set[str]) -> Tuple[Set[str], Set[str]]:
        done: Set[str] = set()
        for item in items:
            if not alive:
                break
            alive, more = self._item(item, alive)
            done |= more
            if len(alive) > _SET_LIMIT:
                return set(), done | alive
        return alive, done

    def _item(self, item, alive: Set[str]) -> Tuple[Set[str], Set[str]]:
        op, av = item
        if op is _sre.LITERAL:
            if av >= _PLACEHOLDER_BASE:
                return self._sequence(self._fragment(av - _PLACEHOLDER_BASE), alive)
            return _extend(alive, {fold(chr(av))})
        if op is _sre.IN:
            # the parser turns a branch of single items into a class: placeholders may hide in it
            fragments = [v for o, v in av if o is _sre.LITERAL and v >= _PLACEHOLDER_BASE]
            if fragments:
                rest = [(o, v) for o, v in av if not (o is _sre.LITERAL and v >= _PLACEHOLDER_BASE)]
                out_alive, out_done = self._item((_sre.IN, rest), alive) if rest else (set(), set())
                for number in fragments:
                    a, d = self._sequence(self._fragment(number - _PLACEHOLDER_BASE), set(alive))
                    out_alive |= a
                    out_done |= d
                return out_alive, out_done
            chars = _class_chars(av)
            return (set(), set(alive)) if chars is None else _extend(alive, chars)
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            return alive, set()
        if op is _sre.BRANCH:
            words = self._literal_branches(av[1])
            if words is not None:
                return self._extend_words(alive, words)
            out_alive: Set[str] = set()
            out_done: Set[str] = set()
            for branch in av[1]:
                a, d = self._sequence(branch, set(alive))
                out_alive |= a
                out_done |= d
            return out_alive, out_done
        if op is _sre.SUBPATTERN:
            return self._sequence(av[3], alive)  # letter case is folded anyway
        if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) or op is getattr(_sre, "POSSESSIVE_REPEAT", None):
            low, high, sub = av
            current = set(alive)
            out_alive = set()
            out_done = set()
            for count in range(KEY_LENGTH + 2):
                if count >= low:
                    out_alive |= current
                if not current or count >= high:
                    break
                current, done = self._sequence(sub, current)
                out_done |= done
            else:
                out_done |= current  # longer than a key: whatever remains ends here
            return out_alive, out_done
        if op is getattr(_sre, "ATOMIC_GROUP", None):
            return self._sequence(av, alive)
        return set(), set(alive)  # ANY, NOT_LITERAL, GROUPREF, CATEGORY, ...: the prefix ends here


def trie_pattern(words: Iterable[str]) -> str:
    """An alternation of ``words`` factored as a trie (``ab(?:out|le)``), so a scan branches on one character."""
    trie: Dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: Dict[str, dict]) -> str:
        ends = "" in node
        branches = [re.escape(ch) + render(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return render(trie)


class PrefixIndex:
    """Candidate rules for a position, from the key (first characters, folded) found there."""

    def __init__(self, patterns: Sequence[str], fragments) -> None:
        self._by_prefix: Dict[str, List[int]] = {}
        analyser = PrefixAnalyser(fragments)
        for index, pattern in enumerate(patterns):
            prefixes = analyser.prefixes(pattern)
            for prefix in prefixes if prefixes is not None else {""}:
                self._by_prefix.setdefault(prefix, []).append(index)
        self._cache: Dict[str, Tuple[int, ...]] = {}

    def trigger_pattern(self) -> str:
        """A standard-library pattern finding every position that has candidates (and a few more).

        A letter-led prefix contributes its leading run of letters, matched in any
        case: as a whole word when the prefix goes on after it, as a word start
        when the run fills the key; a digit-led prefix contributes ``\\d``, any
        other its first character.
        """
        if "" in self._by_prefix:
            return r"(?:(?<!\w)\w|\W)"
        whole: Set[str] = set()
        starts: Set[str] = set()
        others: Set[str] = set()
        digits = False
        for prefix in self._by_prefix:
            head = prefix[0]
            if head == "0":
                digits = True
            elif head.isalpha():
                run = prefix
                for i, ch in enumerate(prefix):
                    if not ch.isalpha():
                        run = prefix[:i]
                        break
                (starts if len(run) == KEY_LENGTH else whole).add(run)
            else:
                others.add(head)
        starts = {w for w in starts if not any(w != v and w.startswith(v) for v in starts)}
        whole -= {w for w in whole if any(w.startswith(v) for v in starts)}

        def alternation(words: Set[str]) -> str:
            return trie_pattern(words)

        alternatives = []
        if whole:
            alternatives.append(f"(?:{alternation(whole)})(?![^\\W\\d_])")
        if starts:
            alternatives.append(f"(?:{alternation(starts)})")
        if digits:
            alternatives.append(r"\d")
        parts = []
        if alternatives:
            parts.append("(?<!\\w)(?:" + "|".join(alternatives) + ")")
        if others:
            parts.append("[" + "".join(re.escape(c) for c in sorted(others)) + "]")
        return "(?i:" + "|".join(parts) + ")" if parts else r"(?!)"

    def candidates(self, key: str) -> Tuple[int, ...]:
        found = self._cache.get(key)
        if found is None:
            hits: Set[int] = set()
            for n in range(len(key) + 1):
                hits.update(self._by_prefix.get(key[:n], ()))
            found = tuple(sorted(hits))
            if len(self._cache) > 100_000:
                self._cache.clear()
            self._cache[key] = found
        return found
