"""Provenance of a record: the tool's version and a hash of the rule data that produced it."""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

RESOURCES = Path(__file__).resolve().parent / "resources"


def rules_sha256(root: Path = RESOURCES) -> str:
    """SHA-256 over every JSON file under ``root``: each file's relative path, a NUL, its
    bytes' own SHA-256 and a newline, in sorted path order (so a renamed, added, removed
    or edited rule file changes it; nothing else does)."""
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.json"), key=lambda p: p.relative_to(root).as_posix()):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).hexdigest().encode("ascii") + b"\n")
    return digest.hexdigest()


@lru_cache(maxsize=1)
def producer():
    """The :class:`models.Producer` of this process's records (computed once)."""
    from models import Producer

    from .version import __version__

    return Producer(version=__version__, rules_sha256=rules_sha256())
