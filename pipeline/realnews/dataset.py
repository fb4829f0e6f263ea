"""The real-news set on disk: ids and splits from urls, gold files, the text cache.

``<root>/articles/<id>.json`` holds the gold facts (committed);
``<root>/.cache/<id>.txt`` the excerpt exactly as the search tool returned it
(git-ignored, restored as ``realnews/README.md`` explains).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional, Union

from .gold import GoldArticle, GoldError, load_gold
from .ids import article_id as article_id  # re-exported: the ids live in .ids
from .ids import split_of
from .ids import url_digest as url_digest

SPLITS = ("tune", "test")
DEFAULT_ROOT = Path("realnews")


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def loose_sha256(text: str) -> str:
    """Of the text with every run of whitespace (no-break and narrow spaces included) made one
    space: what a restore that cannot see invisible spaces still reproduces."""
    return text_sha256(" ".join(text.split()))


def articles_dir(root: Union[str, Path]) -> Path:
    return Path(root) / "articles"


def cache_dir(root: Union[str, Path]) -> Path:
    return Path(root) / ".cache"


def cache_path(root: Union[str, Path], article_id_: str) -> Path:
    return cache_dir(root) / f"{article_id_}.txt"


@dataclass
class Entry:
    """One article: its gold facts and, when the cache holds it, its text."""

    gold: GoldArticle
    split: str
    text: Optional[str]
    problem: Optional[str] = None  # why the text is unusable (missing, other sha256)
    note: Optional[str] = None  # usable, but not byte for byte the annotated text


def read_cached(root: Union[str, Path], gold: GoldArticle) -> Entry:
    path = cache_path(root, gold.id)
    split = split_of(gold.url)
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            text = handle.read()
    except FileNotFoundError:
        return Entry(gold, split, None, "not in the cache")
    except (OSError, UnicodeDecodeError) as exc:
        return Entry(gold, split, None, f"unreadable cache file: {exc}")
    if text_sha256(text) != gold.sha256:
        if gold.loose_sha256 is None or loose_sha256(text) != gold.loose_sha256:
            return Entry(gold, split, None, "cached text differs from the annotated one (sha256)")
        # restored with other spaces (a no-break space read as a space): the gold facts still fit
        return Entry(gold, split, text, None, "restored with whitespace differences")
    return Entry(gold, split, text)


def load_set(root: Union[str, Path] = DEFAULT_ROOT, split: str = "all") -> List[Entry]:
    """Every article of ``split`` ('tune', 'test' or 'all'), sorted by id; raises
    :class:`GoldError` on a gold file that does not validate."""
    directory = articles_dir(root)
    if not directory.is_dir():
        raise GoldError(f"no real-news articles folder {str(directory)!r}")
    entries = []
    for path in sorted(directory.glob("*.json")):
        gold = load_gold(path)
        if split in ("all", split_of(gold.url)):
            entries.append(read_cached(root, gold))
    if not entries:
        raise GoldError(f"no real-news gold files ({split}) in {str(directory)!r}")
    return entries
