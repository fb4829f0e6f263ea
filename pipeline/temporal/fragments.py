"""Named pattern fragments (``temporal/fragments.json``) and their expansion into rule patterns.

A pattern names a fragment as ``%{name}``; ``%{name:a}`` inserts it with every
named group ``g`` renamed ``g_a`` (used for the first end of a range). A
fragment may be a pattern string (which may itself name fragments) or a table
reference ``{"table": T, "case": C}``: the alternation of table T's keys.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Dict, Iterable, List, Mapping

import regex

from ..resources import load_resource
from .tables import Tables, load_tables

REFERENCE = _REFERENCE = regex.compile(r"%\{(?P<name>\w+)(?::(?P<suffix>[a-z]))?\}")
_GROUP = regex.compile(r"\(\?P<(?P<name>\w+)>")


class FragmentError(ValueError):
    """A fragment or pattern that cannot be expanded (unknown name, cycle, bad case)."""


def _alternation(words: Iterable[str]) -> str:
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(regex.escape(w, special_only=True, literal_spaces=True) for w in ordered) + ")"


def table_alternation(keys: Iterable[str], case: str) -> str:
    """The alternation of a table's keys (longest first, regex-escaped) in the letter cases ``case``.

    ``any``: any letter case; ``title``: Capitalised, Title Case or UPPER (so "may" is no month);
    ``zone``: abbreviations in UPPER only ("ET", never "et"), names in any case.
    """
    keys = list(keys)
    if case == "any":
        return "(?i:" + _alternation(keys) + ")"
    if case == "title":
        return _alternation(form for key in keys for form in (key.capitalize(), key.title(), key.upper()))
    if case == "zone":
        abbreviations = [k for k in keys if " " not in k and len(k) <= 5]
        names = [k for k in keys if k not in abbreviations]
        return "(?:" + _alternation(k.upper() for k in abbreviations) + "|(?i:" + _alternation(names) + "))"
    raise FragmentError(f"unknown fragment case {case!r}")


def _balanced_group(text: str) -> bool:
    """Whether ``text`` is one group from its first to its last character (so a quantifier may follow)."""
    depth = 0
    escaped = in_class = False
    for i, ch in enumerate(text):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0 and i != len(text) - 1:
                return False
    return depth == 0


def _rename_groups(pattern: str, suffix: str) -> str:
    return _GROUP.sub(lambda m: f"(?P<{m.group('name')}_{suffix}>", pattern)


class FragmentSet:
    """Fragments of one language, expanded on demand and memoised."""

    def __init__(self, raw: Mapping[str, object], tables: Tables) -> None:
        self._raw = dict(raw)
        self._tables = tables
        self._expanded: Dict[str, str] = {}

    def names(self) -> List[str]:
        return sorted(self._raw)

    def source(self, name: str) -> str:
        """The fragment as written (references to other fragments left in), tables as alternations."""
        if name not in self._raw:
            raise FragmentError(f"unknown fragment %{{{name}}}")
        raw = self._raw[name]
        if isinstance(raw, dict):
            return table_alternation(self._tables.keys(raw["table"]), raw.get("case", "any"))
        return raw

    def fragment(self, name: str, _stack: tuple = ()) -> str:
        if name in self._expanded:
            return self._expanded[name]
        if name not in self._raw:
            raise FragmentError(f"unknown fragment %{{{name}}}")
        if name in _stack:
            raise FragmentError("fragment cycle: " + " -> ".join((*_stack, name)))
        raw = self._raw[name]
        if isinstance(raw, dict):
            unknown = set(raw) - {"table", "case"}
            if unknown:
                raise FragmentError(f"fragment {name!r}: unknown keys {sorted(unknown)}")
            text = table_alternation(self._tables.keys(raw["table"]), raw.get("case", "any"))
        elif isinstance(raw, str):
            text = self.expand(raw, _stack + (name,))
        else:
            raise FragmentError(f"fragment {name!r} must be a pattern or a table reference")
        self._expanded[name] = text
        return text

    def expand(self, pattern: str, _stack: tuple = ()) -> str:
        """``pattern`` with every ``%{name}`` / ``%{name:x}`` replaced by its expansion."""

        def replace(match) -> str:
            text = self.fragment(match.group("name"), _stack)
            suffix = match.group("suffix")
            if suffix:
                text = _rename_groups(text, suffix)
            return text if text.startswith("(?:") and _balanced_group(text) else f"(?:{text})"

        return _REFERENCE.sub(replace, pattern)


@lru_cache(maxsize=None)
def load_fragments(lang: str = "en") -> FragmentSet:
    data = load_resource("temporal/fragments", lang)
    return FragmentSet(data["fragments"], load_tables(lang))
