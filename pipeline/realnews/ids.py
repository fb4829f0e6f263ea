"""Ids and splits of the real-news set, both fixed by the article's url."""
from __future__ import annotations

import hashlib


def url_digest(url: str) -> str:
    return hashlib.sha1(url.strip().encode("utf-8")).hexdigest()


def article_id(url: str) -> str:
    """``rn-`` and the first ten hex digits of the url's SHA-1."""
    return "rn-" + url_digest(url)[:10]


def split_of(url: str) -> str:
    """Fixed once, by the url's hash: one third ``test``, two thirds ``tune``."""
    return "test" if int(url_digest(url), 16) % 3 == 0 else "tune"
