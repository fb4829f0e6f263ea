"""Rule and lexicon data files, per language (``resources/<lang>/*.json``)."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=None)
def load_resource(name: str, lang: str = "en") -> Any:
    """Parse ``resources/<lang>/<name>.json`` (cached; treat the result as read-only)."""
    path = resources.files(__name__).joinpath(lang, f"{name}.json")
    with path.open("r", encoding="utf-8") as handle:
        return json.load(handle)
