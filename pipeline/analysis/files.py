"""File helpers for what the analysis commands write."""
from __future__ import annotations

from pathlib import Path


def readable_by_all(path: Path) -> None:
    """A page or table is for sharing: the usual file mode (umask applied), not the temp file's 0600."""
    import os

    mask = os.umask(0)
    os.umask(mask)
    os.chmod(path, 0o666 & ~mask)
