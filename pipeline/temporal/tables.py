"""Normalisation tables (``temporal/tables.json``): written form -> normalised value."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Any, Mapping, Optional

from ..resources import load_resource

_MISSING = object()


def normal_form(text: str) -> str:
    """The lookup key of a written form: lowercase, single spaces, curly apostrophes straightened."""
    return " ".join(text.replace("\u2019", "'").lower().split())


@dataclass(frozen=True)
class Tables:
    """All normalisation tables of one language, keyed by :func:`normal_form`."""

    tables: Mapping[str, Mapping[str, Any]]

    def keys(self, table: str):
        return self.tables[table].keys()

    def get(self, table: str, text: Optional[str], default: Any = None) -> Any:
        if text is None:
            return default
        value = self.tables[table].get(normal_form(text), _MISSING)
        return default if value is _MISSING else value

    def has(self, table: str, text: str) -> bool:
        return normal_form(text) in self.tables[table]

    def __getitem__(self, table: str) -> Mapping[str, Any]:
        return self.tables[table]


@lru_cache(maxsize=None)
def load_tables(lang: str = "en") -> Tables:
    data = load_resource("temporal/tables", lang)
    tables = {
        name: MappingProxyType({normal_form(k): v for k, v in entries.items()})
        for name, entries in data["tables"].items()
    }
    return Tables(MappingProxyType(tables))
